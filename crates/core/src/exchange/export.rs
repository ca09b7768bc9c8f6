//! Bundles sent: a recorded brief made into a signed bundle, and the Outbox.

use super::not_yet;
use super::views::SentBundle;
use crate::{Result, Store};
use std::path::PathBuf;

/// Writes a signed bundle of brief `brief_id` and records it in the Outbox.
pub fn export_brief(
    _store: &mut Store,
    _brief_id: i64,
    _personal_data: bool,
    _sent_to: Option<String>,
    _path: Option<PathBuf>,
) -> Result<SentBundle> {
    Err(not_yet("exchange_export"))
}

/// The Outbox, newest first.
pub fn outbox(_store: &Store) -> Result<Vec<SentBundle>> {
    Err(not_yet("exchange_outbox"))
}
