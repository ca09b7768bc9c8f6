//! The figures the dashboard opens with.

use super::pipeline::{follow_up_window, totals_at, PipelineFilter};
use super::Store;
use crate::domain::{EntityKind, LeadStage};
use crate::error::Result;
use chrono::{NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A delegation that has not started yet.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct UpcomingDelegation {
    pub id: i64,
    pub title: String,
    pub kind: String,
    pub status: String,
    pub destination_country: String,
    pub destination_city: Option<String>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
}

/// A lead whose next action is due.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct FollowUp {
    pub lead_id: i64,
    pub title: String,
    pub organization_id: i64,
    pub organization: String,
    pub stage: LeadStage,
    pub owner: Option<String>,
    pub next_action: Option<String>,
    pub due_at: String,
    pub overdue: bool,
}

/// Count and expected capital of the leads at one stage.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct StageTotal {
    pub stage: LeadStage,
    pub count: i64,
    /// Sum of expected capital in US cents (leads in other currencies are not added).
    pub expected_capital_usd_minor: i64,
}

/// What the dashboard shows.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct Dashboard {
    pub counts: Vec<(EntityKind, i64)>,
    pub upcoming_delegations: Vec<UpcomingDelegation>,
    /// The first follow-ups by due date (overdue ones first), at most 12.
    pub follow_ups: Vec<FollowUp>,
    /// How many leads are overdue in all, listed or not.
    pub overdue_follow_ups: i64,
    /// How many leads are due within the next `FOLLOW_UP_DAYS` days in all, listed or not.
    pub upcoming_follow_ups: i64,
    pub pipeline: Vec<StageTotal>,
}

impl Store {
    /// The dashboard as of now: counts, the next delegations, due follow-ups, pipeline by stage.
    pub fn dashboard(&self) -> Result<Dashboard> {
        let conn = self.conn();
        let counts = EntityKind::ALL
            .iter()
            .map(|k| Ok((*k, self.count(*k)?)))
            .collect::<Result<Vec<_>>>()?;
        let today = Utc::now().date_naive().to_string();
        let mut stmt = conn.prepare_cached(
            "SELECT id, title, kind, status, destination_country, destination_city, start_date, end_date
             FROM delegations
             WHERE status NOT IN ('cancelled','completed','reported') AND coalesce(end_date, start_date, ?1) >= ?1
             ORDER BY start_date IS NULL, start_date, id LIMIT 8",
        )?;
        let upcoming_delegations = stmt
            .query_map([&today], |r| {
                Ok(UpcomingDelegation {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    kind: r.get(2)?,
                    status: r.get(3)?,
                    destination_country: r.get(4)?,
                    destination_city: r.get(5)?,
                    start_date: r.get::<_, Option<String>>(6)?.and_then(|s| s.parse().ok()),
                    end_date: r.get::<_, Option<String>>(7)?.and_then(|s| s.parse().ok()),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        // One instant for the listed follow-ups and the counts, so that they agree.
        let at = Utc::now();
        let (now, horizon) = follow_up_window(at);
        let mut stmt = conn.prepare_cached(
            "SELECT l.id, l.title, l.organization_id, o.name_vi, l.stage, l.owner, l.next_action, l.due_at
             FROM leads l JOIN organizations o ON o.id = l.organization_id
             WHERE l.due_at IS NOT NULL AND l.due_at <= ?1 AND l.stage NOT IN ('lost')
             ORDER BY l.due_at LIMIT 12",
        )?;
        let follow_ups = stmt
            .query_map([&horizon], |r| {
                let due_at: String = r.get(7)?;
                Ok(FollowUp {
                    lead_id: r.get(0)?,
                    title: r.get(1)?,
                    organization_id: r.get(2)?,
                    organization: r.get(3)?,
                    stage: serde_json::from_value(serde_json::Value::String(r.get(4)?))
                        .unwrap_or_default(),
                    owner: r.get(5)?,
                    next_action: r.get(6)?,
                    overdue: due_at < now,
                    due_at,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let totals = totals_at(conn, &PipelineFilter::default(), at)?;
        let pipeline = totals
            .stages
            .iter()
            .map(|s| StageTotal {
                stage: s.stage,
                count: s.total.count,
                expected_capital_usd_minor: s.total.expected_capital_usd_minor,
            })
            .collect();
        Ok(Dashboard {
            counts,
            upcoming_delegations,
            follow_ups,
            overdue_follow_ups: totals.overdue_follow_ups,
            upcoming_follow_ups: totals.upcoming_follow_ups,
            pipeline,
        })
    }
}
