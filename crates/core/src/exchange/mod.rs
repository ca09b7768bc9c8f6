//! Exchange between offices: this office's identity (profile and key), signed brief bundles
//! sent (`export`) and received (`import`, verified before anything is read), the trusted
//! offices (`trust`), the Inbox (`received`) and adopting received opportunities (`adopt`).
//! The bundle format itself is the `planner-exchange` crate; SQL is in `store/exchange.rs`.

pub mod adopt;
pub mod export;
pub mod import;
pub mod office;
pub mod received;
pub mod trust;
pub mod views;

use crate::error::{invalid, CoreError};

/// Until a command is built: says so plainly.
pub(crate) fn not_yet(what: &str) -> CoreError {
    invalid(
        "exchange",
        "todo",
        format!("Chưa làm: {what}"),
        format!("Not built yet: {what}"),
    )
}
