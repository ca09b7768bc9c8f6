//! Contact book commands: duplicates, merge, person export and erase, import and export.

use super::types::*;
use super::Session;
use crate::contacts_io::{import as contacts_import, transfer};
use crate::people as person;
use crate::Result;

pub fn find_duplicates(s: &mut Session) -> Result<Vec<DuplicatePair>> {
    person::find_duplicates(&s.store)
}

pub fn merge_contacts(s: &mut Session, keep_id: i64, other_id: i64) -> Result<Value> {
    person::merge_contacts(&mut s.store, keep_id, other_id)
        .map(|r| serde_json::to_value(r).expect("a record serialises"))
}

/// Writes everything about a contact to `path` (from the save dialog): JSON or PDF by extension.
pub fn person_export(s: &mut Session, contact_id: i64, path: String) -> Result<ExportedFile> {
    person::export_person_to(&s.store, contact_id, path.into())
}

pub fn person_erase(s: &mut Session, contact_id: i64) -> Result<EraseReport> {
    person::erase_contact(&mut s.store, contact_id)
}

/// Reads a contact file and reports what importing it would do (nothing is written).
pub fn import_preview(
    s: &mut Session,
    path: String,
    format: Option<ImportFormat>,
    mapping: Option<Vec<ColumnMap>>,
) -> Result<ImportReport> {
    transfer::preview_file(&mut s.store, path.as_ref(), format, mapping.as_deref())
}

/// Imports a contact file in one transaction (or only checks it, with `dry_run`); the search
/// index of its records follows in the background.
pub fn import_contacts(s: &mut Session, request: ImportRequest) -> Result<ImportReport> {
    let report = transfer::import_file(&mut s.store, &request)?;
    s.tidy_wanted |= !request.dry_run;
    Ok(report)
}

pub fn undo_import(s: &mut Session, import_id: i64) -> Result<UndoReport> {
    contacts_import::undo(&mut s.store, import_id)
}

pub fn list_imports(s: &mut Session) -> Result<Vec<ImportBatch>> {
    s.store.imports()
}

/// Writes the whole contact book to `path` (from the save dialog) as CSV or vCard 4.0.
pub fn export_contacts(
    s: &mut Session,
    format: ExportFormat,
    path: String,
) -> Result<ExportedFile> {
    transfer::export_to(&s.store, format, path.into())
}
