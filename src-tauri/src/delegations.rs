//! Delegation commands: the itinerary view, local-time entry, quick add, duplicate and move,
//! the workflow, counsellors' loads, calendar export and the printed itinerary.

use crate::commands::{with_store, Reply};
use crate::AppState;
use chrono::{NaiveDate, Utc};
use planner_core::domain::ItineraryItem;
use planner_core::error::invalid;
use planner_core::itinerary::{
    self, to_pdf::PrintOptions, ExportedFile, ItemEntry, ItineraryView, NextStep, Transition,
};
use planner_core::store::{CounsellorLoad, Record};
use planner_core::CoreError;
use serde_json::Value;
use std::path::{Path, PathBuf};
use tauri::State;

fn json(r: Record<ItineraryItem>) -> Value {
    serde_json::to_value(r).expect("record serialises")
}

/// `path` must end in `.ext` (the save dialog may return anything the user typed).
fn with_extension(path: &str, ext: &str) -> Result<PathBuf, CoreError> {
    let p = PathBuf::from(path);
    let ok = p
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case(ext));
    if !ok || !p.is_absolute() {
        return Err(invalid(
            "path",
            "bad_extension",
            format!("Tên tệp phải là đường dẫn đầy đủ, kết thúc bằng .{ext}"),
            format!("The file must be a full path ending in .{ext}"),
        ));
    }
    Ok(p)
}

/// The store's folder for documents of `kind` (when the user did not pick a file).
fn documents_dir(store: &planner_core::Store, kind: &str) -> PathBuf {
    store
        .path()
        .and_then(Path::parent)
        .map(|d| d.join(kind))
        .unwrap_or_else(|| PathBuf::from(kind))
}

#[tauri::command(async)]
pub fn itinerary_view(state: State<'_, AppState>, delegation_id: i64) -> Reply<ItineraryView> {
    with_store(&state, |s| itinerary::view(s, delegation_id))
}

#[tauri::command(async)]
pub fn itinerary_entry(state: State<'_, AppState>, item_id: i64) -> Reply<ItemEntry> {
    with_store(&state, |s| {
        Ok(ItemEntry::of(&s.get::<ItineraryItem>(item_id)?.data))
    })
}

#[tauri::command(async)]
pub fn save_itinerary_item(
    state: State<'_, AppState>,
    item_id: Option<i64>,
    entry: ItemEntry,
) -> Reply<Value> {
    with_store(&state, |s| {
        itinerary::save_entry(s, item_id, &entry).map(json)
    })
}

#[tauri::command(async)]
pub fn quick_add_item(
    state: State<'_, AppState>,
    delegation_id: i64,
    line: String,
    date: NaiveDate,
    time_zone: String,
) -> Reply<Value> {
    with_store(&state, |s| {
        let entry = itinerary::parse_quick(&line, delegation_id, date, &time_zone)?;
        itinerary::save_entry(s, None, &entry).map(json)
    })
}

#[tauri::command(async)]
pub fn duplicate_itinerary_item(
    state: State<'_, AppState>,
    item_id: i64,
    to_date: Option<NaiveDate>,
) -> Reply<Value> {
    with_store(&state, |s| {
        itinerary::duplicate_item(s, item_id, to_date).map(json)
    })
}

#[tauri::command(async)]
pub fn move_itinerary_item(
    state: State<'_, AppState>,
    item_id: i64,
    to_date: NaiveDate,
) -> Reply<Value> {
    with_store(&state, |s| {
        itinerary::move_item(s, item_id, to_date).map(json)
    })
}

#[tauri::command(async)]
pub fn delegation_next_steps(
    state: State<'_, AppState>,
    delegation_id: i64,
) -> Reply<Vec<NextStep>> {
    with_store(&state, |s| {
        itinerary::next_steps(s, delegation_id, Utc::now())
    })
}

#[tauri::command(async)]
pub fn delegation_transition(
    state: State<'_, AppState>,
    delegation_id: i64,
    transition: Transition,
) -> Reply<Value> {
    with_store(&state, |s| {
        let r = itinerary::transition(s, delegation_id, &transition, Utc::now())?;
        Ok(serde_json::to_value(r).expect("record serialises"))
    })
}

#[tauri::command(async)]
pub fn counsellor_load(state: State<'_, AppState>, counsellor_id: i64) -> Reply<CounsellorLoad> {
    with_store(&state, |s| s.counsellor_load(counsellor_id, Utc::now()))
}

/// Writes the calendar to `path` (from the save dialog), or to the store's `calendars/` folder.
#[tauri::command(async)]
pub fn export_itinerary_ics(
    state: State<'_, AppState>,
    delegation_id: i64,
    member_id: Option<i64>,
    path: Option<String>,
) -> Reply<ExportedFile> {
    with_store(&state, |s| {
        let path = match path {
            Some(p) => with_extension(&p, "ics")?,
            None => {
                let plan = s.plan(delegation_id)?;
                documents_dir(s, "calendars").join(itinerary::ics_file_name(&plan, member_id))
            }
        };
        itinerary::export_ics(s, delegation_id, member_id, &path, Utc::now())
    })
}

/// Prints the itinerary to `path` (from the save dialog), or to the store's `itineraries/`
/// folder. The file may then be opened with `open_itinerary_pdf`.
#[tauri::command(async)]
pub fn print_itinerary(
    state: State<'_, AppState>,
    delegation_id: i64,
    options: PrintOptions,
    path: Option<String>,
) -> Reply<ExportedFile> {
    let out = with_store(&state, |s| {
        let path = match path {
            Some(p) => with_extension(&p, "pdf")?,
            None => {
                let plan = s.plan(delegation_id)?;
                documents_dir(s, "itineraries")
                    .join(itinerary::to_pdf::default_file_name(&plan, &options))
            }
        };
        itinerary::export_pdf(s, delegation_id, &options, &path, Utc::now())
    })?;
    if let Ok(mut printed) = state.printed.lock() {
        printed.insert(PathBuf::from(&out.path));
    }
    Ok(out)
}

/// Opens an itinerary printed in this session in the system's PDF viewer (no other path).
#[tauri::command(async)]
pub fn open_itinerary_pdf(state: State<'_, AppState>, path: String) -> Reply<()> {
    let known = state
        .printed
        .lock()
        .map(|p| p.contains(Path::new(&path)))
        .unwrap_or(false);
    if !known {
        return Err(invalid(
            "path",
            "not_printed",
            "Chỉ mở được lịch trình vừa in trong phiên này",
            "Only itineraries printed in this session can be opened",
        )
        .payload());
    }
    open::that_detached(&path).map_err(|e| {
        invalid(
            "path",
            "cannot_open",
            format!("Không mở được {path}: {e}"),
            format!("Cannot open {path}: {e}"),
        )
        .payload()
    })
}
