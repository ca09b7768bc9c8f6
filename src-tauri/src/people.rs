//! Contact book commands: duplicates, merge, person export and erase.

use crate::commands::{with_store, Reply};
use crate::AppState;
use planner_core::contacts_io::import::{
    self as contacts_import, ExportFormat, ImportReport, UndoReport,
};
use planner_core::contacts_io::{ColumnMap, ImportFormat};
use planner_core::error::invalid;
use planner_core::itinerary::{write_atomically, ExportedFile};
use planner_core::people::{self, DuplicatePair, EraseReport};
use planner_core::store::ImportBatch;
use serde_json::Value;
use std::path::PathBuf;
use tauri::{AppHandle, Manager, State};

#[tauri::command(async)]
pub fn find_duplicates(state: State<'_, AppState>) -> Reply<Vec<DuplicatePair>> {
    with_store(&state, |s| people::find_duplicates(s))
}

#[tauri::command(async)]
pub fn merge_contacts(state: State<'_, AppState>, keep_id: i64, other_id: i64) -> Reply<Value> {
    with_store(&state, |s| {
        let r = people::merge_contacts(s, keep_id, other_id)?;
        Ok(serde_json::to_value(r).expect("record serialises"))
    })
}

/// Writes everything about a contact to `path` (from the save dialog): JSON or PDF by extension.
#[tauri::command(async)]
pub fn person_export(
    state: State<'_, AppState>,
    contact_id: i64,
    path: String,
) -> Reply<ExportedFile> {
    with_store(&state, |s| {
        let path = PathBuf::from(path);
        let export = people::export_person(s, contact_id)?;
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        let bytes = match ext.as_deref().filter(|_| path.is_absolute()) {
            Some("pdf") => people::pdf::person_pdf(&export, chrono::Utc::now())?,
            Some("json") => serde_json::to_vec_pretty(&export).expect("json serialises"),
            _ => {
                return Err(invalid(
                    "path",
                    "bad_extension",
                    "Tên tệp phải là đường dẫn đầy đủ, kết thúc bằng .json hoặc .pdf",
                    "The file must be a full path ending in .json or .pdf",
                ))
            }
        };
        write_atomically(&path, &bytes)
    })
}

#[tauri::command(async)]
pub fn person_erase(state: State<'_, AppState>, contact_id: i64) -> Reply<EraseReport> {
    with_store(&state, |s| people::erase_contact(s, contact_id))
}

fn read_import(path: &str) -> Result<(Vec<u8>, String), planner_core::CoreError> {
    use std::io::Read;
    let p = PathBuf::from(path);
    let limit = planner_core::contacts_io::MAX_FILE_BYTES as u64;
    let f = std::fs::File::open(&p)?;
    let mut bytes = Vec::new();
    f.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(invalid(
            "file",
            "too_large",
            format!("{path}: tệp lớn hơn {} MB", limit / 1024 / 1024),
            format!("{path}: the file is larger than {} MB", limit / 1024 / 1024),
        ));
    }
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok((bytes, name))
}

/// Reads a contact file and reports what importing it would do (nothing is written).
#[tauri::command(async)]
pub fn import_preview(
    state: State<'_, AppState>,
    path: String,
    format: Option<ImportFormat>,
    mapping: Option<Vec<ColumnMap>>,
) -> Reply<ImportReport> {
    with_store(&state, |s| {
        let (bytes, name) = read_import(&path)?;
        contacts_import::preview(s, &bytes, &name, format, mapping.as_deref())
    })
}

/// Imports a contact file in one transaction (or only checks it, with `dry_run`); with the
/// preview's `expected_sha256`, a file changed since the preview is refused.
#[tauri::command(async)]
pub fn import_contacts(
    state: State<'_, AppState>,
    path: String,
    format: Option<ImportFormat>,
    mapping: Option<Vec<ColumnMap>>,
    dry_run: bool,
    expected_sha256: Option<String>,
    app: AppHandle,
) -> Reply<ImportReport> {
    let report = with_store(&state, |s| {
        let (bytes, name) = read_import(&path)?;
        contacts_import::import(
            s,
            &bytes,
            &name,
            format,
            mapping.as_deref(),
            dry_run,
            expected_sha256.as_deref(),
        )
    })?;
    if !dry_run {
        tidy_in_background(app);
    }
    Ok(report)
}

/// Runs what an import leaves (`Store::tidy_step`: indexing its records, merging the search
/// index's segments, the WAL checkpoint) on its own thread, one short step per lock. Between
/// steps it pauses for a few milliseconds: `std::sync::Mutex` is not fair, and without the pause
/// this thread would take the lock again before a waiting command could, which would then wait
/// for every step. A search or a write that gets in first indexes the rest itself. A failed
/// step leaves the work to the next search or write.
fn tidy_in_background(app: AppHandle) {
    std::thread::spawn(move || {
        let state = app.state::<AppState>();
        loop {
            let more = match state.store.lock() {
                Ok(mut store) => store.tidy_step(),
                Err(_) => return,
            };
            match more {
                Ok(true) => std::thread::sleep(std::time::Duration::from_millis(5)),
                Ok(false) => return,
                Err(e) => {
                    eprintln!("delegation-planner: housekeeping after an import: {e}");
                    return;
                }
            }
        }
    });
}

#[tauri::command(async)]
pub fn undo_import(state: State<'_, AppState>, import_id: i64) -> Reply<UndoReport> {
    with_store(&state, |s| contacts_import::undo(s, import_id))
}

#[tauri::command(async)]
pub fn list_imports(state: State<'_, AppState>) -> Reply<Vec<ImportBatch>> {
    with_store(&state, |s| s.imports())
}

/// Writes the whole contact book to `path` (from the save dialog) as CSV or vCard 4.0.
#[tauri::command(async)]
pub fn export_contacts(
    state: State<'_, AppState>,
    format: ExportFormat,
    path: String,
) -> Reply<ExportedFile> {
    with_store(&state, |s| {
        let path = PathBuf::from(path);
        if !path.is_absolute() {
            return Err(invalid(
                "path",
                "not_absolute",
                "Cần đường dẫn đầy đủ",
                "A full path is needed",
            ));
        }
        let text = contacts_import::export(s, format)?;
        write_atomically(&path, text.as_bytes())
    })
}
