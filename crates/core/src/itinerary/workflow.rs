//! The delegation workflow: draft → proposed → approved → confirmed → completed → reported, or
//! cancelled. Each move is checked and recorded in the audit log.

use super::{check, CheckOptions, Plan, Severity};
use crate::domain::{Delegation, DelegationStatus as S, EntityKind, MemberRole};
use crate::error::{CoreError, Result};
use crate::labels::Labelled;
use crate::store::{Record, Store};
use crate::validate::FieldError;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A request to move a delegation to another status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Transition {
    pub to: S,
    /// Who approves (required to approve): name and position.
    pub by: Option<String>,
}

/// The statuses a delegation in `from` may move to.
pub fn allowed_next(from: S) -> &'static [S] {
    match from {
        S::Draft => &[S::Proposed, S::Cancelled],
        S::Proposed => &[S::Approved, S::Draft, S::Cancelled],
        S::Approved => &[S::Confirmed, S::Proposed, S::Cancelled],
        S::Confirmed => &[S::Completed, S::Approved, S::Cancelled],
        S::Completed => &[S::Reported],
        S::Reported => &[],
        S::Cancelled => &[S::Draft],
    }
}

fn err(code: &str, vi: String, en: String) -> FieldError {
    FieldError::new("status", code, vi, en)
}

/// Every reason delegation `plan` cannot move to `t.to` now (empty when it can).
pub fn refusals(
    plan: &Plan,
    t: &Transition,
    options: &CheckOptions,
    now: DateTime<Utc>,
) -> Vec<FieldError> {
    let d = &plan.delegation.data;
    let mut out = Vec::new();
    if !allowed_next(d.status).contains(&t.to) {
        let (from, to) = (d.status.label(), t.to.label());
        let (fv, fe, tv, te) = (from.vi, from.en, to.vi, to.en);
        let next: Vec<&str> = allowed_next(d.status)
            .iter()
            .map(|s| s.label().vi)
            .collect();
        let next_en: Vec<&str> = allowed_next(d.status)
            .iter()
            .map(|s| s.label().en)
            .collect();
        out.push(err(
            "transition_not_allowed",
            format!(
                "Không thể chuyển từ «{fv}» sang «{tv}»; có thể chuyển sang: {}",
                if next.is_empty() {
                    "không trạng thái nào".into()
                } else {
                    next.join(", ")
                }
            ),
            format!(
                "Cannot go from “{fe}” to “{te}”; allowed next: {}",
                if next_en.is_empty() {
                    "none".into()
                } else {
                    next_en.join(", ")
                }
            ),
        ));
        return out;
    }
    let needs_dates = matches!(t.to, S::Proposed | S::Approved | S::Confirmed);
    if needs_dates && (d.start_date.is_none() || d.end_date.is_none()) {
        out.push(err(
            "missing_dates",
            "Cần có ngày đi và ngày về".into(),
            "The delegation needs a start and an end date".into(),
        ));
    }
    // Coming back from confirmed keeps the approval already given.
    if t.to == S::Approved
        && d.status == S::Proposed
        && t.by.as_deref().is_none_or(|b| b.trim().is_empty())
    {
        out.push(FieldError::new(
            "by",
            "approver_required",
            "Cần ghi rõ người phê duyệt",
            "Name who approves the delegation",
        ));
    }
    if t.to == S::Confirmed {
        if plan.members.is_empty() {
            out.push(err(
                "no_members",
                "Đoàn chưa có thành viên nào".into(),
                "The delegation has no member yet".into(),
            ));
        }
        let heads = plan
            .members
            .iter()
            .filter(|m| m.role == MemberRole::Head)
            .count();
        if heads == 0 {
            out.push(err(
                "no_head",
                "Đoàn chưa có trưởng đoàn".into(),
                "The delegation has no head of delegation".into(),
            ));
        } else if heads > 1 {
            out.push(err(
                "several_heads",
                format!("Đoàn có {heads} trưởng đoàn; chỉ được một"),
                format!("The delegation has {heads} heads; there must be one"),
            ));
        }
        let hard: Vec<_> = check(plan, options)
            .into_iter()
            .filter(|c| c.severity == Severity::Hard)
            .collect();
        if !hard.is_empty() {
            out.push(err(
                "hard_conflicts",
                format!(
                    "Lịch trình còn {} xung đột nghiêm trọng, ví dụ: {}",
                    hard.len(),
                    hard[0].message_vi
                ),
                format!(
                    "The itinerary still has {}, e.g. {}",
                    crate::numbers::counted_en(hard.len(), "hard conflict", "hard conflicts"),
                    hard[0].message_en
                ),
            ));
        }
    }
    if t.to == S::Completed {
        let today = now.with_timezone(&crate::time::HANOI).date_naive();
        if d.end_date.is_none_or(|e| e > today) {
            out.push(err(
                "not_finished",
                "Chỉ hoàn thành được sau ngày về của đoàn".into(),
                "A delegation can be completed only after its end date".into(),
            ));
        }
    }
    out
}

/// Moves delegation `id` to `t.to` after checking the rules, in one transaction with its audit
/// row. Approving records who approved and when; going back before approval clears it.
pub fn transition(
    store: &mut Store,
    id: i64,
    t: &Transition,
    now: DateTime<Utc>,
) -> Result<Record<Delegation>> {
    let plan = store.plan(id)?;
    let options = CheckOptions::from_settings(&store.settings()?);
    let refused = refusals(&plan, t, &options, now);
    if !refused.is_empty() {
        return Err(CoreError::Invalid(refused));
    }
    let mut patch = serde_json::json!({ "status": t.to });
    match t.to {
        S::Approved if plan.delegation.data.status == S::Proposed => {
            patch["approved_by"] =
                crate::text::nfc(t.by.as_deref().unwrap_or_default().trim()).into();
            patch["approved_at"] = serde_json::to_value(now).expect("instant");
        }
        S::Draft | S::Proposed => {
            patch["approved_by"] = serde_json::Value::Null;
            patch["approved_at"] = serde_json::Value::Null;
        }
        _ => {}
    }
    let v = store.transaction(|tx| tx.update_protected(EntityKind::Delegations, id, patch))?;
    Record::from_value(v)
}
