//! Adopting received opportunities into the local catalogue, with provenance.

use super::not_yet;
use super::views::{AdoptPlan, AdoptReport, FieldChoice};
use crate::{Result, Store};

/// What adopting would do.
pub fn preview(
    _store: &Store,
    _received_id: i64,
    _uuids: Option<&[String]>,
) -> Result<Vec<AdoptPlan>> {
    Err(not_yet("adopt_preview"))
}

/// Adopts, honouring the choices.
pub fn adopt(
    _store: &mut Store,
    _received_id: i64,
    _uuids: Option<&[String]>,
    _choices: &[FieldChoice],
) -> Result<AdoptReport> {
    Err(not_yet("adopt_received"))
}
