//! Brief commands: suggestions, preview, generation to a file, and opening a generated file.

use super::types::*;
use super::Session;
use crate::briefs::{self as brief, BriefFormat};
use crate::Result;

pub fn brief_suggestions(
    s: &mut Session,
    audience: Audience,
) -> Result<Vec<OpportunitySuggestion>> {
    brief::suggest(&s.store, &audience)
}

pub fn brief_preview(s: &mut Session, request: BriefRequest) -> Result<BriefModel> {
    brief::preview(&s.store, &request)
}

/// Generates the brief as a PDF at `path` (chosen in the save dialog), or in the store's
/// `briefs/` folder when no path is given.
pub fn brief_generate(
    s: &mut Session,
    request: BriefRequest,
    path: Option<String>,
) -> Result<GeneratedBrief> {
    brief::generate_to(
        &mut s.store,
        &request,
        BriefFormat::Pdf,
        path.map(Into::into),
    )
}

/// Opens a generated brief's file in the system's PDF viewer: only files the app recorded.
pub fn brief_open(s: &mut Session, brief_id: i64) -> Result<()> {
    brief::open_file(&s.store, brief_id)
}
