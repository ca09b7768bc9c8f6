//! `planner linked KIND ID`: the delegations, meetings and briefs linked to an organisation or a
//! person, as their pages show them.

use anyhow::Result;
use planner_core::domain::EntityKind;
use planner_core::itinerary;
use planner_core::labels::Labelled;
use planner_core::store::{LinkReason, Linked};
use planner_core::Store;

/// Prints what is linked to record `id` of `kind` (organizations or contacts).
pub fn linked(store: &Store, kind: EntityKind, id: i64, json: bool) -> Result<()> {
    let l = store.linked_to(kind, id)?;
    if json {
        return crate::print_json(&l);
    }
    print_text(&l);
    Ok(())
}

fn heading(name: &str, shown: usize, total: i64) {
    if shown as i64 == total {
        println!("{name} ({total})");
    } else {
        println!("{name} ({shown} of {total})");
    }
}

fn snake(v: impl serde::Serialize) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn print_text(l: &Linked) {
    heading("delegations", l.delegations.len(), l.delegations_total);
    for d in &l.delegations {
        let dates = match (d.start_date, d.end_date) {
            (Some(a), Some(b)) => format!("{} – {}", a.format("%d/%m/%Y"), b.format("%d/%m/%Y")),
            (Some(a), None) => a.format("%d/%m/%Y").to_string(),
            _ => "(no dates)".to_owned(),
        };
        let why: Vec<String> = d
            .reasons
            .iter()
            .map(|r| match r {
                LinkReason::Member if d.roles.is_empty() => "member".to_owned(),
                LinkReason::Member => {
                    let roles: Vec<String> = d.roles.iter().map(snake).collect();
                    format!("member: {}", roles.join(", "))
                }
                LinkReason::Meeting => "meeting".to_owned(),
            })
            .collect();
        println!(
            "{:>6}  {:<10} {:<25} {}  [{}]",
            d.id,
            d.status.label().en,
            dates,
            d.title,
            why.join("; ")
        );
    }
    heading("meetings", l.meetings.len(), l.meetings_total);
    for m in &l.meetings {
        println!(
            "{:>6}  {} {}  {}  — {} (delegation {})",
            m.item_id,
            itinerary::local(m.starts_at, &m.time_zone).format("%d/%m/%Y %H:%M"),
            m.time_zone,
            m.title,
            m.delegation_title,
            m.delegation_id
        );
    }
    heading("briefs", l.briefs.len(), l.briefs_total);
    for b in &l.briefs {
        let audience = match (&b.delegation_title, b.via_delegation) {
            (Some(t), true) => format!("  — for delegation {t}"),
            _ => String::new(),
        };
        println!(
            "{:>6}  {} {:<2} v{}  {}{audience}",
            b.id,
            b.created_at.format("%d/%m/%Y"),
            snake(b.language),
            b.version,
            b.title
        );
    }
}
