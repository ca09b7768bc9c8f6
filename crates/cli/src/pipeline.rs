//! `planner pipeline totals`: the leads counted and summed by stage and by sector.

use anyhow::Result;
use clap::Subcommand;
use planner_core::store::{LeadTotal, PipelineFilter, FOLLOW_UP_DAYS};
use planner_core::Store;

#[derive(Subcommand)]
pub enum PipelineAction {
    /// Count, expected capital (USD) and jobs of every lead by stage and by sector, in all and
    /// active (not lost), with the follow-ups overdue and due soon.
    Totals {
        /// Only the leads of this owner (exactly as stored).
        #[arg(long)]
        owner: Option<String>,
        /// Only the leads having this sector tag.
        #[arg(long)]
        sector: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

pub fn pipeline(store: &Store, action: PipelineAction) -> Result<()> {
    match action {
        PipelineAction::Totals {
            owner,
            sector,
            json,
        } => totals(store, PipelineFilter { owner, sector }, json),
    }
}

fn totals(store: &Store, filter: PipelineFilter, json: bool) -> Result<()> {
    let t = store.pipeline_totals(&filter)?;
    if json {
        return crate::print_json(&t);
    }
    let line = |name: &str, total: &LeadTotal| {
        println!(
            "{name:<20} {:>7} {:>20} {:>11}",
            total.count,
            usd(total.expected_capital_usd_minor),
            thousands(total.jobs)
        );
    };
    println!(
        "{:<20} {:>7} {:>20} {:>11}",
        "stage", "leads", "expected USD", "jobs"
    );
    for s in &t.stages {
        line(&stage_name(s.stage), &s.total);
    }
    line("active (not lost)", &t.active);
    line("all", &t.all);
    println!();
    println!(
        "{:<20} {:>7} {:>20} {:>11}  (lost leads left out; a lead counts in each of its sectors)",
        "sector", "leads", "expected USD", "jobs"
    );
    for s in t.sectors.iter().filter(|s| s.active.count > 0) {
        let name = if s.sector.is_empty() {
            "(no sector)"
        } else {
            &s.sector
        };
        line(name, &s.active);
    }
    println!();
    if t.all.other_currency > 0 {
        println!(
            "other currencies: {} lead(s) counted, their capital not added to USD",
            t.all.other_currency
        );
    }
    println!(
        "follow-ups: {} overdue, {} due in the next {FOLLOW_UP_DAYS} days",
        t.overdue_follow_ups, t.upcoming_follow_ups
    );
    Ok(())
}

fn stage_name(stage: planner_core::domain::LeadStage) -> String {
    serde_json::to_value(stage)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

/// 1234567 → "1,234,567".
fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        out.insert(0, '-');
    }
    out
}

/// US cents as dollars: 123456789 → "1,234,567.89".
fn usd(minor: i64) -> String {
    format!("{}.{:02}", thousands(minor / 100), (minor % 100).abs())
}
