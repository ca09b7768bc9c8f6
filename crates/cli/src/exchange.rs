//! `planner exchange …`: signed brief bundles sent and received, the trusted offices, and
//! adopting received opportunities. An import refused for any reason exits 1 having written
//! nothing, with its code and messages (as JSON on stdout with --json; always on stderr).

use anyhow::Result;
use clap::Subcommand;
use planner_core::exchange::views::{FieldChoice, ImportStatus, Inspection, Side};
use planner_core::exchange::{adopt, export, import, received, trust};
use planner_core::{CoreError, Store};
use serde_json::json;
use std::path::PathBuf;

/// Who acts, in the trusted list's "trusted by" and "revoked by".
const BY: &str = "cli";

#[derive(Subcommand)]
pub enum ExchangeAction {
    /// Writes a signed bundle of a recorded brief for another office.
    Export {
        #[arg(long, value_name = "ID")]
        brief: i64,
        /// Include people's names, phones and e-mails (left out by default).
        #[arg(long)]
        personal_data: bool,
        /// A note of whom it is for, kept in the Outbox.
        #[arg(long, value_name = "NOTE")]
        sent_to: Option<String>,
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
    },
    /// Every check of an import without writing: signer, fingerprint, trust, members and their
    /// hashes, and what an import would do. Exits 1 when an import would be refused (an
    /// unknown signer aside: `import --trust` lifts that).
    Inspect {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Imports a received bundle: imported, updated or already-received; any refusal exits 1.
    Import {
        file: PathBuf,
        /// Trust an unknown signer (compare its fingerprint with the sender first).
        #[arg(long)]
        trust: bool,
        #[arg(long)]
        json: bool,
    },
    /// The received briefs (current versions).
    Inbox {
        #[arg(long)]
        json: bool,
    },
    /// The bundles sent.
    Outbox {
        #[arg(long)]
        json: bool,
    },
    /// The trusted offices' keys, revoked ones too.
    Keys {
        #[arg(long)]
        json: bool,
    },
    /// Trusts a key by its fingerprint (as read on the phone) or by an office card file.
    Trust {
        #[arg(value_name = "FINGERPRINT | CARD-FILE")]
        what: String,
        /// A local name for the office.
        #[arg(long)]
        name: Option<String>,
    },
    /// Revokes a trusted key: its bundles are refused from now on.
    Revoke { fingerprint: String },
    /// Adopts a received brief's opportunities into the catalogue (all, or those listed).
    Adopt {
        received_id: i64,
        #[arg(long = "opportunity", value_name = "UUID")]
        opportunities: Vec<String>,
        /// For records edited here since: take their value of FIELD (default: keep yours where
        /// you changed it, take theirs where only they did).
        #[arg(long = "theirs", value_name = "FIELD")]
        theirs: Vec<String>,
    },
}

pub fn exchange(store: &mut Store, action: ExchangeAction) -> Result<i32> {
    match action {
        ExchangeAction::Export {
            brief,
            personal_data,
            sent_to,
            output,
        } => {
            let sent = export::export_brief(
                store,
                brief,
                personal_data,
                sent_to,
                Some(crate::chosen(output)?),
            )?;
            println!(
                "{} ({} bytes, sha256 {})",
                sent.path, sent.bytes, sent.sha256
            );
            if !personal_data {
                eprintln!("personal data left out (--personal-data includes it)");
            }
        }
        ExchangeAction::Inspect { file, json } => return inspect(store, file, json),
        ExchangeAction::Import { file, trust, json } => {
            return import_file(store, file, trust, json)
        }
        ExchangeAction::Inbox { json } => {
            let inbox = received::inbox(store)?;
            if json {
                crate::print_json(&inbox)?;
            }
            for r in inbox.iter().filter(|_| !json) {
                println!(
                    "{}\t{}\tv{}\t{} ({})\t{}\tsent {}\treceived {}\t{}",
                    r.id,
                    r.title,
                    r.brief_version,
                    r.office_name_en,
                    r.office_code,
                    r.fingerprint_grouped,
                    r.sent_at,
                    r.received_at,
                    if r.verified {
                        "verified"
                    } else {
                        "key revoked"
                    }
                );
            }
        }
        ExchangeAction::Outbox { json } => {
            let sent = export::outbox(store)?;
            if json {
                crate::print_json(&sent)?;
            }
            for s in sent.iter().filter(|_| !json) {
                println!(
                    "{}\t{}\tv{}\t{}\tsha256 {}\t{}",
                    s.created_at,
                    s.title,
                    s.brief_version,
                    s.path,
                    s.sha256,
                    s.sent_to.as_deref().unwrap_or("")
                );
            }
        }
        ExchangeAction::Keys { json } => {
            let keys = trust::list(store)?;
            if json {
                crate::print_json(&keys)?;
            }
            for k in keys.iter().filter(|_| !json) {
                println!(
                    "{}\t{}\t{}\ttrusted {} by {}{}",
                    k.fingerprint_grouped,
                    k.office_code.as_deref().unwrap_or("?"),
                    k.local_name
                        .as_deref()
                        .or(k.name_en.as_deref())
                        .unwrap_or(""),
                    k.trusted_at,
                    k.trusted_by,
                    k.revoked_at
                        .as_deref()
                        .map(|r| format!("\trevoked {r}"))
                        .unwrap_or_default()
                );
            }
        }
        ExchangeAction::Trust { what, name } => {
            let card = PathBuf::from(&what);
            let done = if card.is_file() {
                let seen = trust::inspect_card_file(store, &card)?;
                eprintln!(
                    "card of {} ({}), fingerprint {}",
                    seen.signer.office.name_en,
                    seen.signer.office.code,
                    seen.signer.fingerprint_grouped
                );
                trust::trust(store, &seen.signer.fingerprint, Some(&card), name, BY)?
            } else {
                trust::trust(store, &what, None, name, BY)?
            };
            println!("trusted {}", done.fingerprint_grouped);
        }
        ExchangeAction::Revoke { fingerprint } => {
            let done = trust::revoke_fingerprint(store, &fingerprint, BY)?;
            println!("revoked {}", done.fingerprint_grouped);
        }
        ExchangeAction::Adopt {
            received_id,
            opportunities,
            theirs,
        } => {
            let only = (!opportunities.is_empty()).then_some(opportunities);
            let plans = adopt::preview(store, received_id, only.as_deref())?;
            let choices: Vec<FieldChoice> = plans
                .iter()
                .flat_map(|p| {
                    theirs.iter().map(|f| FieldChoice {
                        uuid: p.uuid.clone(),
                        field: f.clone(),
                        take: Side::Theirs,
                    })
                })
                .collect();
            for p in plans.iter().filter(|p| !p.diffs.is_empty()) {
                for d in &p.diffs {
                    eprintln!(
                        "{} «{}» {}: here {} / theirs {}",
                        p.uuid, p.name_vi, d.field, d.mine, d.theirs
                    );
                }
            }
            let report = adopt::adopt(store, received_id, only.as_deref(), &choices)?;
            println!(
                "created {:?}, updated {:?}, unchanged {}{}",
                report.created,
                report.updated,
                report.unchanged,
                if report.sectors_added.is_empty() {
                    String::new()
                } else {
                    format!(", sectors added {:?}", report.sectors_added)
                }
            );
        }
    }
    Ok(0)
}

/// The CLI's spelling of a status ("already-received").
fn status_word(s: ImportStatus) -> &'static str {
    match s {
        ImportStatus::Imported => "imported",
        ImportStatus::Updated => "updated",
        ImportStatus::AlreadyReceived => "already-received",
    }
}

/// An exchange refusal: stderr always, JSON on stdout with --json; exit 1.
fn refused(e: &CoreError, json: bool) -> Result<i32> {
    let p = e.payload();
    eprintln!("planner: refused ({}): {}", p.code, p.message_en);
    if json {
        crate::print_json(&json!({
            "status": "refused",
            "code": p.code,
            "message_vi": p.message_vi,
            "message_en": p.message_en,
        }))?;
    }
    Ok(1)
}

fn import_file(store: &mut Store, file: PathBuf, trust: bool, json: bool) -> Result<i32> {
    match import::import_file(store, &file, trust, BY) {
        Ok(done) => {
            let status = status_word(done.status);
            if json {
                crate::print_json(&json!({
                    "status": status,
                    "received_id": done.received_id,
                    "title": done.title,
                    "version": done.brief_version,
                    "office": done.signer.office.code,
                    "fingerprint": done.signer.fingerprint_grouped,
                    "trusted_now": done.trusted_now,
                }))?;
            } else {
                println!(
                    "{status}: «{}» v{} from {}",
                    done.title, done.brief_version, done.signer.office.code
                );
            }
            if done.trusted_now {
                eprintln!(
                    "trusted {} ({})",
                    done.signer.fingerprint_grouped, done.signer.office.code
                );
            }
            Ok(0)
        }
        Err(e @ CoreError::Exchange(_)) => refused(&e, json),
        Err(e) => Err(e.into()),
    }
}

fn inspect(store: &mut Store, file: PathBuf, json: bool) -> Result<i32> {
    let seen: Inspection = match import::inspect_file(store, &file) {
        Ok(s) => s,
        Err(e @ CoreError::Exchange(_)) => return refused(&e, json),
        Err(e) => return Err(e.into()),
    };
    if json {
        crate::print_json(&seen)?;
    } else {
        let s = &seen.signer;
        println!(
            "signer: {} / {} ({})",
            s.office.name_vi, s.office.name_en, s.office.code
        );
        println!("fingerprint: {}", s.fingerprint_grouped);
        println!(
            "trust: {}",
            serde_json::to_value(s.trust)?.as_str().unwrap_or("")
        );
        println!(
            "brief: «{}» v{} ({}), sent {}",
            seen.title,
            seen.brief_version,
            serde_json::to_value(seen.language)?.as_str().unwrap_or(""),
            seen.created_at
        );
        println!(
            "personal data: {}",
            if seen.personal_data {
                "included"
            } else {
                "left out"
            }
        );
        for m in &seen.members {
            println!("  {}\t{} bytes\tsha256 {}", m.path, m.size, m.sha256);
        }
        if let Some(w) = seen.would {
            println!("an import would: {}", status_word(w));
        }
    }
    match &seen.refusal {
        Some(r) => {
            eprintln!("refused ({}): {}", r.code, r.message_en);
            Ok(if r.code == "untrusted_signer" { 0 } else { 1 })
        }
        None => Ok(0),
    }
}
