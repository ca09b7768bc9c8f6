//! `planner duplicates`, `planner merge`, `planner person export|erase`.

use anyhow::{bail, Result};
use clap::Subcommand;
use planner_core::people;
use planner_core::Store;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum PersonAction {
    /// Everything the store holds about a contact, as JSON or PDF (by the file's extension).
    Export {
        contact_id: i64,
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
    },
    /// Erases a contact everywhere (memberships, links, search, audit details). Irreversible.
    Erase {
        contact_id: i64,
        /// Confirms the erase.
        #[arg(long)]
        yes: bool,
    },
}

pub fn duplicates(store: &Store, json: bool) -> Result<()> {
    let pairs = people::find_duplicates(store)?;
    if json {
        return crate::print_json(&pairs);
    }
    for p in &pairs {
        let why: Vec<String> = p
            .reasons
            .iter()
            .map(|r| match r {
                people::MatchReason::SameEmail(e) => format!("same email {e}"),
                people::MatchReason::SamePhone(t) => format!("same phone {t}"),
                people::MatchReason::SimilarName(_) => "similar name, same organisation".into(),
            })
            .collect();
        println!(
            "{:>6} {}  ~  {:>6} {}   ({})",
            p.a,
            p.a_name,
            p.b,
            p.b_name,
            why.join("; ")
        );
    }
    println!("{} possible duplicates", pairs.len());
    Ok(())
}

pub fn merge(store: &mut Store, keep: i64, other: i64) -> Result<()> {
    let r = people::merge_contacts(store, keep, other)?;
    println!(
        "merged contact {other} into {keep} ({}): {} emails, {} phones",
        r.data.full_name,
        r.data.emails.len(),
        r.data.phones.len()
    );
    Ok(())
}

pub fn person(store: &mut Store, action: PersonAction) -> Result<()> {
    match action {
        PersonAction::Export { contact_id, output } => {
            let export = people::export_person(store, contact_id)?;
            let bytes = match output.extension().and_then(|e| e.to_str()) {
                Some(e) if e.eq_ignore_ascii_case("pdf") => {
                    people::pdf::person_pdf(&export, chrono::Utc::now())?
                }
                Some(e) if e.eq_ignore_ascii_case("json") => serde_json::to_vec_pretty(&export)?,
                _ => bail!("{}: use a .json or .pdf file name", output.display()),
            };
            let f = planner_core::itinerary::write_atomically(&output, &bytes)?;
            println!("wrote {} ({} bytes)", f.path, f.bytes);
        }
        PersonAction::Erase { contact_id, yes } => {
            if !yes {
                bail!("erasing contact {contact_id} cannot be undone; add --yes to confirm");
            }
            let r = people::erase_contact(store, contact_id)?;
            println!(
                "erased contact {contact_id}: {} memberships removed, {} interactions and {} meetings unlinked, {} audit rows scrubbed",
                r.memberships_removed, r.interactions_unlinked, r.meetings_unlinked, r.audit_rows_scrubbed
            );
            if !r.interactions_mentioning.is_empty() {
                println!(
                    "review these interactions, whose text still names the person: {:?}",
                    r.interactions_mentioning
                );
            }
        }
    }
    Ok(())
}
