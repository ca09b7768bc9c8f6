//! `planner duplicates`, `planner merge`, `planner person export|erase`.

use anyhow::{bail, Result};
use clap::Subcommand;
use planner_core::contacts_io::import as contacts_import;
use planner_core::contacts_io::{transfer, ImportFormat, ImportRequest};
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
        /// Then deletes every backup taken before the erase (both backup folders, kept copies
        /// too), after a new backup of the store as it is now: the person's data leaves the
        /// backups at once instead of when they rotate out, and the erase can no longer be
        /// undone from a backup.
        #[arg(long)]
        thin_backups: bool,
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
            let f = people::export_person_to(store, contact_id, crate::chosen(output)?)?;
            println!("wrote {} ({} bytes)", f.path, f.bytes);
        }
        PersonAction::Erase {
            contact_id,
            yes,
            thin_backups,
        } => {
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
            if thin_backups {
                crate::backup::thin(store, contact_id, true, false)?;
            } else {
                println!(
                    "backups taken before the erase keep this person until they rotate out (within a year); \
                     `planner backup thin --erased {contact_id}` deletes them now"
                );
            }
        }
    }
    Ok(())
}

#[derive(Subcommand)]
pub enum ImportAction {
    /// Imports contacts from CSV (Excel, LibreOffice), Google or Outlook CSV, or vCard 3/4.
    /// Prints the counts and every rejected row with its line; one transaction.
    Contacts {
        file: PathBuf,
        /// csv, google, outlook or vcard (default: detected from the content).
        #[arg(long)]
        format: Option<String>,
        /// Read and check everything, write nothing.
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
    /// Undoes a whole import (refused if its contacts were edited or linked since).
    Undo { import_id: i64 },
    /// Lists the imports, newest first.
    List {
        #[arg(long)]
        json: bool,
    },
}

fn format_arg(s: Option<&str>) -> Result<Option<ImportFormat>> {
    Ok(match s {
        None => None,
        Some("csv") => Some(ImportFormat::Csv),
        Some("google") => Some(ImportFormat::Google),
        Some("outlook") => Some(ImportFormat::Outlook),
        Some("vcard") | Some("vcf") => Some(ImportFormat::Vcard),
        Some(other) => bail!("--format «{other}»: use csv, google, outlook or vcard"),
    })
}

pub fn import(store: &mut Store, action: ImportAction) -> Result<()> {
    match action {
        ImportAction::Contacts {
            file,
            format,
            dry_run,
            json,
        } => {
            let request = ImportRequest {
                path: file.display().to_string(),
                format: format_arg(format.as_deref())?,
                dry_run,
                ..Default::default()
            };
            let r = transfer::import_file(store, &request)?;
            if json {
                crate::print_json(&r)?;
            } else {
                print_import(&file, dry_run, &r);
            }
            // What the import left for later (indexing its records, merging the search
            // index's segments, copying the WAL into the database), done before exiting.
            if !dry_run {
                while store.tidy_step()? {}
            }
        }
        ImportAction::Undo { import_id } => {
            let u = contacts_import::undo(store, import_id)?;
            println!(
                "undid import {import_id}: {} contacts and {} organisations removed ({} organisations kept: now used elsewhere)",
                u.contacts_removed, u.organizations_removed, u.organizations_kept
            );
        }
        ImportAction::List { json } => {
            let all = store.imports()?;
            if json {
                return crate::print_json(&all);
            }
            for b in all {
                println!(
                    "{:>5}  {}  {:<8} {}  +{} contacts, +{} organisations, {} duplicates, {} rejected{}",
                    b.id,
                    b.at,
                    b.format,
                    b.file_name,
                    b.contacts_created,
                    b.organizations_created,
                    b.duplicates_skipped,
                    b.rows_rejected,
                    b.undone_at
                        .map(|u| format!(", undone {u}"))
                        .unwrap_or_default()
                );
            }
        }
    }
    Ok(())
}

#[derive(Subcommand)]
pub enum ExportAction {
    /// The whole contact book: CSV (UTF-8 with BOM, opens in Excel) or vCard 4.0.
    Contacts {
        #[arg(long, default_value = "csv")]
        format: String,
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
    },
}

pub fn export(store: &Store, action: ExportAction) -> Result<()> {
    let ExportAction::Contacts { format, output } = action;
    let format = match format.as_str() {
        "csv" => contacts_import::ExportFormat::Csv,
        "vcard" | "vcf" => contacts_import::ExportFormat::Vcard,
        other => bail!("--format «{other}»: use csv or vcard"),
    };
    let f = transfer::export_to(store, format, crate::chosen(output)?)?;
    println!("wrote {} ({} bytes)", f.path, f.bytes);
    Ok(())
}

/// The import report as lines: each rejected row and skipped duplicate, then the counts.
fn print_import(file: &std::path::Path, dry_run: bool, r: &contacts_import::ImportReport) {
    for e in &r.errors {
        println!(
            "{}:{}: {}: {}",
            file.display(),
            e.line,
            e.field,
            e.message_en
        );
    }
    for d in &r.duplicates {
        println!(
            "{}:{}: skipped {} (same {} {}{})",
            file.display(),
            d.line,
            d.full_name,
            d.reason,
            d.value,
            d.existing_id
                .map(|i| format!(" as contact {i}"))
                .unwrap_or_else(|| " as an earlier row".into())
        );
    }
    let rejected = r
        .errors
        .iter()
        .map(|e| e.line)
        .collect::<std::collections::BTreeSet<_>>()
        .len() as i64;
    println!(
        "{}{} rows read: {} contacts and {} organisations {}, {} duplicates skipped, {} rows rejected{}",
        if dry_run { "dry run: " } else { "" },
        r.rows,
        r.contacts_created,
        r.organizations_created,
        if dry_run { "would be created" } else { "created" },
        r.duplicates.len(),
        rejected,
        r.import_id
            .map(|i| format!(" (import {i}; undo with `planner import undo {i}`)"))
            .unwrap_or_default()
    );
}
