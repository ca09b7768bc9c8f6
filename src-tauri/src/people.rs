//! Contact book commands: duplicates, merge, person export and erase.

use crate::commands::{with_store, Reply};
use crate::AppState;
use planner_core::error::invalid;
use planner_core::itinerary::{write_atomically, ExportedFile};
use planner_core::people::{self, DuplicatePair, EraseReport};
use serde_json::Value;
use std::path::PathBuf;
use tauri::State;

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
