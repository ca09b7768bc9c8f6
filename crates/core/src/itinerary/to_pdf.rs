//! The printed itinerary: the plan mapped onto the planner-pdf engine.

use super::Plan;
use crate::domain::BriefLanguage;
use crate::error::Result;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What to print.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PrintOptions {
    /// Only the items this member attends, with their name on the cover.
    pub member_id: Option<i64>,
    pub language: BriefLanguage,
}

/// The itinerary PDF (A4), stamped "generated at" `generated_at`.
pub fn itinerary_pdf(plan: &Plan, options: &PrintOptions, generated_at: DateTime<Utc>) -> Result<Vec<u8>> {
    let _ = (plan, options, generated_at);
    Ok(Vec::new())
}
