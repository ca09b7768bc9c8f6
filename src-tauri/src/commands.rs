//! The IPC commands: each validates its arguments through the core, calls it, and maps errors
//! to the one serialisable `ErrorPayload`. No logic lives here.

use crate::AppState;
use planner_core::domain::EntityKind;
use planner_core::settings::{AppInfo, Settings};
use planner_core::store::audit::AuditEntry;
use planner_core::store::{Dashboard, Linked, ListQuery, Page, PipelineFilter, PipelineTotals};
use planner_core::{CoreError, ErrorPayload, Store};
use serde_json::Value;
use tauri::State;

pub(crate) type Reply<T> = Result<T, ErrorPayload>;

pub(crate) fn with_store<T>(
    state: &State<'_, AppState>,
    f: impl FnOnce(&mut Store) -> Result<T, CoreError>,
) -> Reply<T> {
    let mut store = state.store.lock().map_err(|_| ErrorPayload {
        code: "poisoned".into(),
        message_vi: "Lỗi nội bộ: kho dữ liệu bị khoá sau một sự cố; hãy khởi động lại ứng dụng"
            .into(),
        message_en: "Internal error: the store is locked after a crash; restart the app".into(),
        fields: Vec::new(),
    })?;
    f(&mut store).map_err(|e| e.payload())
}

#[tauri::command(async)]
pub fn app_info(state: State<'_, AppState>) -> Reply<AppInfo> {
    with_store(&state, |s| s.app_info())
}

#[tauri::command(async)]
pub fn get_settings(state: State<'_, AppState>) -> Reply<Settings> {
    with_store(&state, |s| s.settings())
}

#[tauri::command(async)]
pub fn save_settings(state: State<'_, AppState>, settings: Settings) -> Reply<()> {
    with_store(&state, |s| s.save_settings(&settings))
}

#[tauri::command(async)]
pub fn dashboard(state: State<'_, AppState>) -> Reply<Dashboard> {
    with_store(&state, |s| s.dashboard())
}

/// The pipeline's totals by stage and by sector over every lead matching `filter`.
#[tauri::command(async)]
pub fn pipeline_totals(
    state: State<'_, AppState>,
    filter: PipelineFilter,
) -> Reply<PipelineTotals> {
    with_store(&state, |s| s.pipeline_totals(&filter))
}

#[tauri::command(async)]
pub fn list_records(
    state: State<'_, AppState>,
    kind: EntityKind,
    query: ListQuery,
) -> Reply<Page<Value>> {
    with_store(&state, |s| s.list_json(kind, &query))
}

#[tauri::command(async)]
pub fn get_record(state: State<'_, AppState>, kind: EntityKind, id: i64) -> Reply<Value> {
    with_store(&state, |s| s.get_json(kind, id))
}

#[tauri::command(async)]
pub fn create_record(state: State<'_, AppState>, kind: EntityKind, data: Value) -> Reply<Value> {
    with_store(&state, |s| s.create_json(kind, data))
}

#[tauri::command(async)]
pub fn update_record(
    state: State<'_, AppState>,
    kind: EntityKind,
    id: i64,
    patch: Value,
) -> Reply<Value> {
    with_store(&state, |s| s.update_json(kind, id, patch))
}

#[tauri::command(async)]
pub fn delete_record(state: State<'_, AppState>, kind: EntityKind, id: i64) -> Reply<()> {
    with_store(&state, |s| s.delete(kind, id))
}

#[tauri::command(async)]
pub fn record_audit(
    state: State<'_, AppState>,
    kind: EntityKind,
    id: i64,
) -> Reply<Vec<AuditEntry>> {
    with_store(&state, |s| s.audit_of(kind, id))
}

/// The delegations, meetings and briefs linked to an organisation or a person.
#[tauri::command(async)]
pub fn linked_records(state: State<'_, AppState>, kind: EntityKind, id: i64) -> Reply<Linked> {
    with_store(&state, |s| s.linked_to(kind, id))
}

/// The search box: organisations, contacts, leads, delegations, itinerary items, interactions
/// and opportunities, accents ignored, at most `per_kind` hits per kind.
#[tauri::command(async)]
pub fn search(
    state: State<'_, AppState>,
    query: String,
    per_kind: Option<u32>,
) -> Reply<planner_core::search::SearchResults> {
    with_store(&state, |s| {
        s.search(&query, per_kind.unwrap_or(5).clamp(1, 50))
    })
}
