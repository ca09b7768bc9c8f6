//! This office's profile and key pair.

use super::not_yet;
use super::views::{OfficeProfile, OfficeView};
use crate::files::ExportedFile;
use crate::{Result, Store};
use std::path::PathBuf;

/// The profile, fingerprint and key path.
pub fn view(_store: &Store) -> Result<OfficeView> {
    Err(not_yet("office_view"))
}

/// Validates and saves the profile.
pub fn save(_store: &mut Store, _profile: OfficeProfile) -> Result<OfficeView> {
    Err(not_yet("save_office"))
}

/// Writes this office's card.
pub fn export_card(_store: &mut Store, _path: Option<PathBuf>) -> Result<ExportedFile> {
    Err(not_yet("export_office_card"))
}
