//! RFC 5545 calendar export of a delegation's itinerary (whole delegation or one member).

use super::Plan;
use chrono::{DateTime, Utc};

/// The itinerary as an iCalendar file (`member`: only the items that member attends).
pub fn calendar(plan: &Plan, member: Option<i64>, stamp: DateTime<Utc>) -> String {
    let _ = (plan, member, stamp);
    String::new()
}
