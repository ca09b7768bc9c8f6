//! The Inbox: received briefs, their detail, their PDF, and rendering them here.

use super::not_yet;
use super::views::{ReceivedBrief, ReceivedDetail};
use crate::domain::BriefLanguage;
use crate::files::ExportedFile;
use crate::{Result, Store};
use std::path::PathBuf;

/// The current version of every received brief, newest first.
pub fn inbox(_store: &Store) -> Result<Vec<ReceivedBrief>> {
    Err(not_yet("exchange_inbox"))
}

/// One received brief with its opportunities and history.
pub fn detail(_store: &Store, _received_id: i64) -> Result<ReceivedDetail> {
    Err(not_yet("received_detail"))
}

/// Opens the received PDF.
pub fn open_pdf(_store: &Store, _received_id: i64) -> Result<()> {
    Err(not_yet("open_received_pdf"))
}

/// Renders the received brief in `language`.
pub fn regenerate(
    _store: &Store,
    _received_id: i64,
    _language: BriefLanguage,
    _path: Option<PathBuf>,
) -> Result<ExportedFile> {
    Err(not_yet("regenerate_received"))
}
