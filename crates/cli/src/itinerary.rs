//! `planner itinerary …` and `planner delegation …`: conflict checks, calendars, printed
//! itineraries, quick add and the workflow, over the same core as the app.

use anyhow::{anyhow, bail, Result};
use chrono::{NaiveDate, Utc};
use clap::Subcommand;
use planner_core::domain::{BriefLanguage, DelegationStatus};
use planner_core::itinerary::{self, to_pdf::PrintOptions, Severity, Transition};
use planner_core::labels::{Bilingual, Labelled};
use planner_core::Store;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum ItineraryAction {
    /// Lists the itinerary's conflicts (hard, then soft) and member warnings. Exits with 4 when
    /// there is a hard conflict.
    Check {
        delegation_id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Writes the calendar (RFC 5545) of the delegation, or of one member.
    Ics {
        delegation_id: i64,
        #[arg(long, value_name = "MEMBER_ID")]
        member: Option<i64>,
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
    },
    /// Prints the itinerary (A4 PDF) of the delegation, or of one member.
    Pdf {
        delegation_id: i64,
        #[arg(long, value_name = "MEMBER_ID")]
        member: Option<i64>,
        /// vi, en or bi (bilingual).
        #[arg(long, default_value = "vi")]
        lang: String,
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
    },
    /// Shows the programme day by day, local time and Hanoi time side by side.
    Show {
        delegation_id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Adds an item from one line: "09:30-11:00 Title @ Venue" on DATE, in ZONE (default: the
    /// delegation's zone).
    Add {
        delegation_id: i64,
        line: String,
        #[arg(long)]
        date: NaiveDate,
        #[arg(long)]
        zone: Option<String>,
    },
}

#[derive(Subcommand)]
pub enum DelegationAction {
    /// Shows the status and the moves open now, with why each would be refused.
    Status {
        delegation_id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Moves the delegation to STATUS (proposed, approved, confirmed, completed, reported,
    /// cancelled, draft). Approving needs --by.
    Move {
        delegation_id: i64,
        to: String,
        /// Who approves (name and position).
        #[arg(long)]
        by: Option<String>,
    },
    /// The delegations and meetings a counsellor arranges.
    Load {
        counsellor_id: i64,
        #[arg(long)]
        json: bool,
    },
}

fn language(s: &str) -> Result<BriefLanguage> {
    match s {
        "vi" => Ok(BriefLanguage::Vi),
        "en" => Ok(BriefLanguage::En),
        "bi" => Ok(BriefLanguage::Bi),
        other => bail!("--lang «{other}»: use vi, en or bi"),
    }
}

/// Returns the process exit code.
pub fn itinerary(store: &mut Store, action: ItineraryAction) -> Result<i32> {
    match action {
        ItineraryAction::Check {
            delegation_id,
            json,
        } => return check(store, delegation_id, json),
        ItineraryAction::Ics {
            delegation_id,
            member,
            output,
        } => {
            let output = Some(crate::chosen(output)?);
            let f = itinerary::export_ics_to(store, delegation_id, member, output, Utc::now())?;
            println!("wrote {} ({} bytes)", f.path, f.bytes);
        }
        ItineraryAction::Pdf {
            delegation_id,
            member,
            lang,
            output,
        } => {
            let options = PrintOptions {
                member_id: member,
                language: language(&lang)?,
            };
            let output = Some(crate::chosen(output)?);
            let f = itinerary::export_pdf_to(store, delegation_id, &options, output, Utc::now())?;
            println!("wrote {} ({} bytes)", f.path, f.bytes);
        }
        ItineraryAction::Show {
            delegation_id,
            json,
        } => show(store, delegation_id, json)?,
        ItineraryAction::Add {
            delegation_id,
            line,
            date,
            zone,
        } => add(store, delegation_id, &line, date, zone)?,
    }
    Ok(0)
}

/// Prints the conflicts and member warnings; gives 4 when a conflict is hard, else 0.
fn check(store: &Store, delegation_id: i64, json: bool) -> Result<i32> {
    let view = itinerary::view(store, delegation_id)?;
    let hard = view
        .conflicts
        .iter()
        .filter(|c| c.severity == Severity::Hard)
        .count();
    if json {
        crate::print_json(&serde_json::json!({
            "conflicts": view.conflicts,
            "warnings": view.warnings,
        }))?;
    } else {
        for c in &view.conflicts {
            let tag = match c.severity {
                Severity::Hard => "HARD",
                Severity::Soft => "soft",
            };
            println!("{tag}  {}", c.message_vi);
            println!("      {}", c.message_en);
        }
        for w in &view.warnings {
            println!("warn  {}", w.message_vi);
            println!("      {}", w.message_en);
        }
        let items: usize = view.days.iter().map(|d| d.items.len()).sum();
        println!(
            "{items} items, {} conflicts ({hard} hard), {} member warnings",
            view.conflicts.len(),
            view.warnings.len()
        );
    }
    Ok(if hard > 0 { 4 } else { 0 })
}

/// The item's start and end in their own zones: a travel leg that lands in another zone names
/// both (`23:50 +07–07:10 JST`), since an arrival time read in the departure zone is hours off.
fn local_span(v: &itinerary::ItemView) -> String {
    let (start, end) = (v.local_start.format("%H:%M"), v.local_end.format("%H:%M"));
    if v.end_zone_abbr == v.start_zone_abbr {
        format!("{start}–{end} {}", v.start_zone_abbr)
    } else {
        format!("{start} {}–{end} {}", v.start_zone_abbr, v.end_zone_abbr)
    }
}

/// Prints the programme day by day, each item in local and Hanoi time, conflicts marked.
fn show(store: &Store, delegation_id: i64, json: bool) -> Result<()> {
    let view = itinerary::view(store, delegation_id)?;
    if json {
        return crate::print_json(&view);
    }
    for day in &view.days {
        match day.day_number {
            Some(n) => println!("Ngày {n} — {}", day.date.format("%d/%m/%Y")),
            None => println!("{}", day.date.format("%d/%m/%Y")),
        }
        for v in &day.items {
            println!(
                "  {:<5} (Hà Nội {}–{})  {}{}{}",
                local_span(v),
                v.hanoi_start.format("%H:%M"),
                v.hanoi_end.format("%H:%M"),
                v.item.data.title,
                v.item
                    .data
                    .venue
                    .as_deref()
                    .map(|s| format!(" @ {s}"))
                    .unwrap_or_default(),
                match v.severity {
                    Some(Severity::Hard) => "  [!]",
                    Some(Severity::Soft) => "  [?]",
                    None => "",
                }
            );
        }
    }
    Ok(())
}

/// Adds the item `line` describes on `date`, in `zone` or else the delegation's zone.
fn add(
    store: &mut Store,
    delegation_id: i64,
    line: &str,
    date: NaiveDate,
    zone: Option<String>,
) -> Result<()> {
    let zone = match zone {
        Some(z) => z,
        None => {
            store
                .get::<planner_core::domain::Delegation>(delegation_id)?
                .data
                .time_zone
        }
    };
    let entry = itinerary::parse_quick(line, delegation_id, date, &zone)?;
    let r = itinerary::save_entry(store, None, &entry)?;
    // What a clock change did to the times typed goes to stderr: stdout stays the record.
    if let Some(note) = itinerary::clock_note(&r.data) {
        eprintln!("{} / {}", note.vi, note.en);
    }
    crate::print_json(&r)
}

fn status(s: &str) -> Result<DelegationStatus> {
    serde_json::from_value(serde_json::Value::String(s.to_owned())).map_err(|_| {
        anyhow!("unknown status «{s}»; use draft, proposed, approved, confirmed, completed, reported or cancelled")
    })
}

pub fn delegation(store: &mut Store, action: DelegationAction) -> Result<()> {
    match action {
        DelegationAction::Status {
            delegation_id,
            json,
        } => status_of(store, delegation_id, json),
        DelegationAction::Move {
            delegation_id,
            to,
            by,
        } => {
            let r = itinerary::transition(
                store,
                delegation_id,
                &Transition {
                    to: status(&to)?,
                    by,
                },
                Utc::now(),
            )?;
            let Bilingual { vi, en } = r.data.status.label();
            println!("delegation {delegation_id}: {vi} / {en}");
            Ok(())
        }
        DelegationAction::Load {
            counsellor_id,
            json,
        } => load(store, counsellor_id, json),
    }
}

/// Prints the delegation's status, its approval, and each move open now or why it is refused.
fn status_of(store: &Store, delegation_id: i64, json: bool) -> Result<()> {
    let d = store.get::<planner_core::domain::Delegation>(delegation_id)?;
    let steps = itinerary::next_steps(store, delegation_id, Utc::now())?;
    if json {
        return crate::print_json(&serde_json::json!({"status": d.data.status, "next": steps}));
    }
    let Bilingual { vi, en } = d.data.status.label();
    println!("{vi} / {en}");
    if let (Some(by), Some(at)) = (&d.data.approved_by, d.data.approved_at) {
        println!("approved by {by} at {}", at.to_rfc3339());
    }
    for s in steps {
        let Bilingual { vi, en } = s.to.label();
        if s.refusals.is_empty() {
            println!("  → {vi} / {en}: ok");
        } else {
            println!("  → {vi} / {en}: refused");
            for r in s.refusals {
                println!("      {} / {}", r.message_vi, r.message_en);
            }
        }
    }
    Ok(())
}

/// Prints the delegations and upcoming meetings a counsellor arranges.
fn load(store: &Store, counsellor_id: i64, json: bool) -> Result<()> {
    let load = store.counsellor_load(counsellor_id, Utc::now())?;
    if json {
        return crate::print_json(&load);
    }
    for d in &load.delegations {
        println!("{:>6}  {:<10} {}", d.id, d.status.label().en, d.title);
    }
    for m in &load.meetings {
        println!(
            "        {} {}  {}",
            itinerary::local(m.starts_at, &m.time_zone).format("%d/%m/%Y %H:%M"),
            m.time_zone,
            m.title
        );
    }
    println!(
        "{} active delegations, {} upcoming meetings",
        load.active_delegations, load.upcoming_meetings
    );
    Ok(())
}
