//! The pipeline's totals: leads counted and summed by stage and by sector over the whole store
//! (never over a page of them), and the follow-ups due.

use super::db::{Backend, Db, Row};
use super::Store;
use crate::domain::LeadStage;
use crate::error::Result;
use chrono::{DateTime, Duration, SecondsFormat, Utc};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A follow-up is "upcoming" when its next action is due within this many days.
pub const FOLLOW_UP_DAYS: i64 = 14;

/// Which leads the totals cover; an absent (or blank) field does not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct PipelineFilter {
    /// Only the leads of this owner (as stored, like the `owner` filter of a list).
    pub owner: Option<String>,
    /// Only the leads having this sector among theirs.
    pub sector: Option<String>,
}

impl PipelineFilter {
    /// The filter's values as bound to the query: NFC, blank ones dropped.
    fn values(&self) -> (Option<String>, Option<String>) {
        let value = |v: &Option<String>| {
            v.as_deref()
                .filter(|s| !s.trim().is_empty())
                .map(crate::text::nfc)
        };
        (value(&self.owner), value(&self.sector))
    }
}

/// Count, expected capital and jobs of some leads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LeadTotal {
    pub count: i64,
    /// Expected capital of the leads in USD, in cents.
    pub expected_capital_usd_minor: i64,
    /// Leads with an expected capital in another currency: counted, their capital not added.
    pub other_currency: i64,
    /// Jobs expected (leads without a figure add nothing).
    pub jobs: i64,
}

impl LeadTotal {
    fn add(&mut self, other: &LeadTotal) {
        self.count = self.count.saturating_add(other.count);
        self.expected_capital_usd_minor = self
            .expected_capital_usd_minor
            .saturating_add(other.expected_capital_usd_minor);
        self.other_currency = self.other_currency.saturating_add(other.other_currency);
        self.jobs = self.jobs.saturating_add(other.jobs);
    }

    /// Reads the four aggregate columns starting at `at`.
    fn from_row(r: &Row<'_>, at: usize) -> rusqlite::Result<LeadTotal> {
        Ok(LeadTotal {
            count: r.get(at)?,
            expected_capital_usd_minor: r.get(at + 1)?,
            other_currency: r.get(at + 2)?,
            jobs: r.get(at + 3)?,
        })
    }
}

/// The leads at one stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PipelineStage {
    pub stage: LeadStage,
    pub total: LeadTotal,
}

/// The leads of one sector (a lead counts in each of its sectors).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PipelineSector {
    /// The sector tag; '' for the leads without any.
    pub sector: String,
    pub all: LeadTotal,
    /// Without the lost leads.
    pub active: LeadTotal,
}

/// The pipeline's figures for a filter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PipelineTotals {
    /// Every stage in pipeline order, empty ones included.
    pub stages: Vec<PipelineStage>,
    /// Largest active capital first, then most active leads, then by tag ('' last).
    pub sectors: Vec<PipelineSector>,
    pub all: LeadTotal,
    /// Every stage but lost.
    pub active: LeadTotal,
    /// Leads (not lost) whose next action was due before now.
    pub overdue_follow_ups: i64,
    /// Leads (not lost) whose next action is due from now to `FOLLOW_UP_DAYS` days ahead.
    pub upcoming_follow_ups: i64,
}

/// The same text form as the stored instants, so that they compare as strings.
fn instant_text(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Now and the end of the upcoming follow-ups' window, as compared with `due_at`.
pub(super) fn follow_up_window(now: DateTime<Utc>) -> (String, String) {
    (
        instant_text(now),
        instant_text(now + Duration::days(FOLLOW_UP_DAYS)),
    )
}

/// The leads matching `?1` (owner) and `?2` (sector), NULL meaning any.
fn matches(backend: Backend) -> String {
    format!(
        "(CAST(?1 AS TEXT) IS NULL OR l.owner = ?1)
         AND (CAST(?2 AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM {} WHERE f.value = ?2))",
        super::dialect::json_elements(backend, "l.sectors", "f")
    )
}

/// count, USD capital, leads in other currencies, jobs, of the rows of `l`-like columns (the
/// sums cast back to integers: PostgreSQL sums BIGINTs as NUMERIC).
const SUMS: &str = "count(*),
     CAST(coalesce(sum(CASE WHEN currency = 'USD' THEN capital END), 0) AS BIGINT),
     count(CASE WHEN currency <> 'USD' THEN capital END),
     CAST(coalesce(sum(jobs), 0) AS BIGINT)";

fn stage_of(name: &str) -> LeadStage {
    serde_json::from_value(serde_json::Value::String(name.to_owned())).unwrap_or_default()
}

pub(super) fn totals_at(
    conn: &Db,
    filter: &PipelineFilter,
    now: DateTime<Utc>,
) -> Result<PipelineTotals> {
    let (owner, sector) = filter.values();

    let mut by_stage = [LeadTotal::default(); LeadStage::ALL.len()];
    let backend = conn.backend();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT stage, {SUMS} FROM (
             SELECT l.stage, l.expected_capital_minor AS capital,
                    l.expected_capital_currency AS currency, l.jobs
             FROM leads l WHERE {}) AS m
         GROUP BY stage",
        matches(backend)
    ))?;
    let rows = stmt.query_map((&owner, &sector), |r| {
        Ok((r.get::<_, String>(0)?, LeadTotal::from_row(r, 1)?))
    })?;
    for row in rows {
        let (name, total) = row?;
        let stage = stage_of(&name);
        if let Some(i) = LeadStage::ALL.iter().position(|s| *s == stage) {
            by_stage[i].add(&total);
        }
    }
    let (mut all, mut active) = (LeadTotal::default(), LeadTotal::default());
    for (stage, total) in LeadStage::ALL.iter().zip(&by_stage) {
        all.add(total);
        if *stage != LeadStage::Lost {
            active.add(total);
        }
    }
    let stages = LeadStage::ALL
        .iter()
        .zip(by_stage)
        .map(|(stage, total)| PipelineStage {
            stage: *stage,
            total,
        })
        .collect();

    // DISTINCT: a lead naming a sector twice counts once in it.
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT sector, lost, {SUMS} FROM (
             SELECT DISTINCT l.id, coalesce(s.value, '') AS sector, l.stage = 'lost' AS lost,
                    l.expected_capital_minor AS capital, l.expected_capital_currency AS currency,
                    l.jobs
             FROM leads l LEFT JOIN {} ON true WHERE {}) AS m
         GROUP BY sector, lost ORDER BY sector",
        super::dialect::json_elements(backend, "l.sectors", "s"),
        matches(backend)
    ))?;
    let rows = stmt.query_map((&owner, &sector), |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, bool>(1)?,
            LeadTotal::from_row(r, 2)?,
        ))
    })?;
    let mut sectors: Vec<PipelineSector> = Vec::new();
    for row in rows {
        let (name, lost, total) = row?;
        if sectors.last().is_none_or(|s| s.sector != name) {
            sectors.push(PipelineSector {
                sector: name,
                all: LeadTotal::default(),
                active: LeadTotal::default(),
            });
        }
        let entry = sectors.last_mut().expect("pushed above");
        entry.all.add(&total);
        if !lost {
            entry.active.add(&total);
        }
    }
    sectors.sort_by(|a, b| {
        b.active
            .expected_capital_usd_minor
            .cmp(&a.active.expected_capital_usd_minor)
            .then(b.active.count.cmp(&a.active.count))
            .then(a.sector.is_empty().cmp(&b.sector.is_empty()))
            .then(a.sector.cmp(&b.sector))
    });

    let (now, horizon) = follow_up_window(now);
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT count(CASE WHEN l.due_at < ?3 THEN 1 END),
                count(CASE WHEN l.due_at >= ?3 AND l.due_at <= ?4 THEN 1 END)
         FROM leads l
         WHERE l.due_at IS NOT NULL AND l.stage <> 'lost' AND {}",
        matches(backend)
    ))?;
    let (overdue_follow_ups, upcoming_follow_ups) = stmt
        .query_row((&owner, &sector, &now, &horizon), |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;

    Ok(PipelineTotals {
        stages,
        sectors,
        all,
        active,
        overdue_follow_ups,
        upcoming_follow_ups,
    })
}

impl Store {
    /// Count, USD capital and jobs of the leads matching `filter`, by stage, by sector, in all
    /// and active (not lost), with the follow-ups overdue and due within `FOLLOW_UP_DAYS`.
    pub fn pipeline_totals(&self, filter: &PipelineFilter) -> Result<PipelineTotals> {
        totals_at(self.conn(), filter, Utc::now())
    }
}
