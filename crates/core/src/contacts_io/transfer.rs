//! Contact files on disk: the import and its preview from a path (read with the size cap), and
//! the export to a path the output rule accepts. The app's commands and the CLI call these.

use super::import::{self, ExportFormat, ImportReport};
use super::{ColumnMap, ImportFormat, MAX_FILE_BYTES};
use crate::files::{self, ExportedFile};
use crate::store::Store;
use crate::Result;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// An import of the contact file at `path`, as the import page or `planner import contacts`
/// asks for it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ImportRequest {
    pub path: String,
    /// Guessed from the file when not given.
    pub format: Option<ImportFormat>,
    /// Where each column goes, when the officer changed the guess.
    pub mapping: Option<Vec<ColumnMap>>,
    /// Check every row and report, writing nothing.
    pub dry_run: bool,
    /// The preview's `sha256`: a file changed since the preview is refused.
    pub expected_sha256: Option<String>,
}

/// What importing the file at `path` would do; nothing is written.
pub fn preview_file(
    store: &mut Store,
    path: &Path,
    format: Option<ImportFormat>,
    mapping: Option<&[ColumnMap]>,
) -> Result<ImportReport> {
    let bytes = files::read_limited(path, MAX_FILE_BYTES)?;
    import::preview(store, &bytes, &files::display_name(path), format, mapping)
}

/// Imports (or with `dry_run` checks) the file the request names, in one transaction.
pub fn import_file(store: &mut Store, request: &ImportRequest) -> Result<ImportReport> {
    let path = Path::new(&request.path);
    let bytes = files::read_limited(path, MAX_FILE_BYTES)?;
    import::import(
        store,
        &bytes,
        &files::display_name(path),
        request.format,
        request.mapping.as_deref(),
        request.dry_run,
        request.expected_sha256.as_deref(),
    )
}

impl ExportFormat {
    /// The file name extensions this format is written under.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            ExportFormat::Csv => &["csv"],
            ExportFormat::Vcard => &["vcf", "vcard"],
        }
    }
}

/// Writes the whole contact book to `path` (checked by `files::output_path` against the
/// format's extensions).
pub fn export_to(store: &Store, format: ExportFormat, path: PathBuf) -> Result<ExportedFile> {
    let path = files::output_path(path, format.extensions())?;
    let text = import::export(store, format)?;
    files::write_atomically(&path, text.as_bytes())
}
