//! Commands on records of any kind, settings, the dashboard, the pipeline and search.

use super::types::*;
use super::Session;
use crate::Result;

pub fn app_info(s: &mut Session) -> Result<AppInfo> {
    s.store.app_info()
}

pub fn get_settings(s: &mut Session) -> Result<Settings> {
    s.store.settings()
}

pub fn save_settings(s: &mut Session, settings: Settings) -> Result<()> {
    s.store.save_settings(&settings)
}

pub fn dashboard(s: &mut Session) -> Result<Dashboard> {
    s.store.dashboard()
}

/// The pipeline's totals by stage and by sector over every lead matching `filter`.
pub fn pipeline_totals(s: &mut Session, filter: PipelineFilter) -> Result<PipelineTotals> {
    s.store.pipeline_totals(&filter)
}

pub fn list_records(s: &mut Session, kind: EntityKind, query: ListQuery) -> Result<Page<Value>> {
    s.store.list_json(kind, &query)
}

pub fn get_record(s: &mut Session, kind: EntityKind, id: i64) -> Result<Value> {
    s.store.get_json(kind, id)
}

pub fn create_record(s: &mut Session, kind: EntityKind, data: Value) -> Result<Value> {
    s.store.create_json(kind, data)
}

/// Applies `patch`; a `"revision"` in it is the revision the change was based on (a form sends
/// the one it loaded), refused with `changed_elsewhere` if the record has moved on.
pub fn update_record(s: &mut Session, kind: EntityKind, id: i64, patch: Value) -> Result<Value> {
    s.store.update_json(kind, id, patch)
}

/// Deletes the record; with `revision`, only if it is still the one the window showed.
pub fn delete_record(
    s: &mut Session,
    kind: EntityKind,
    id: i64,
    revision: Option<i64>,
) -> Result<()> {
    s.store.delete_based_on(kind, id, revision)
}

pub fn record_audit(s: &mut Session, kind: EntityKind, id: i64) -> Result<Vec<AuditEntry>> {
    s.store.audit_of(kind, id)
}

/// The delegations, meetings and briefs linked to an organisation or a person.
pub fn linked_records(s: &mut Session, kind: EntityKind, id: i64) -> Result<Linked> {
    s.store.linked_to(kind, id)
}

/// The search box: every kind with a page, accents ignored, at most `per_kind` hits per kind
/// (5 unless given, between 1 and 50).
pub fn search(s: &mut Session, query: String, per_kind: Option<u32>) -> Result<SearchResults> {
    s.store.search(&query, per_kind.unwrap_or(5).clamp(1, 50))
}

/// Every sector a record may hold: the app's own, then those added in Settings.
pub fn list_sectors(s: &mut Session) -> Result<Vec<Sector>> {
    Ok(s.store.sectors()?.sectors)
}

/// Adds a sector with its Vietnamese and English names (Settings).
pub fn add_sector(s: &mut Session, name_vi: String, name_en: String) -> Result<Sector> {
    s.store.add_sector(&name_vi, &name_en)
}

/// Opens a website, e-mail address or phone number with the system's handler (only those).
pub fn open_link(_s: &mut Session, kind: LinkKind, value: String) -> Result<()> {
    crate::links::open(kind, &value)
}
