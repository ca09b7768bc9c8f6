//! Delegation commands: the itinerary view, local-time entry, quick add, duplicate and move,
//! the workflow, counsellors' loads, calendar export and the printed itinerary.

use super::types::*;
use super::Session;
use crate::error::invalid;
use crate::itinerary;
use crate::Result;
use chrono::Utc;
use std::path::{Path, PathBuf};

pub fn itinerary_view(s: &mut Session, delegation_id: i64) -> Result<ItineraryView> {
    itinerary::view(&s.store, delegation_id)
}

pub fn itinerary_entry(s: &mut Session, item_id: i64) -> Result<ItemEntry> {
    itinerary::entry_of(&s.store, item_id)
}

pub fn save_itinerary_item(
    s: &mut Session,
    item_id: Option<i64>,
    entry: ItemEntry,
) -> Result<Value> {
    itinerary::save_entry(&mut s.store, item_id, &entry).map(json)
}

/// One line such as `09:30-11 Title @ Venue` on `date`, in the place's time zone.
pub fn quick_add_item(s: &mut Session, request: QuickAddRequest) -> Result<QuickAdded> {
    itinerary::quick_add(&mut s.store, &request)
}

pub fn duplicate_itinerary_item(
    s: &mut Session,
    item_id: i64,
    to_date: Option<NaiveDate>,
) -> Result<Value> {
    itinerary::duplicate_item(&mut s.store, item_id, to_date).map(json)
}

pub fn move_itinerary_item(s: &mut Session, item_id: i64, to_date: NaiveDate) -> Result<Value> {
    itinerary::move_item(&mut s.store, item_id, to_date).map(json)
}

pub fn delegation_next_steps(s: &mut Session, delegation_id: i64) -> Result<Vec<NextStep>> {
    itinerary::next_steps(&s.store, delegation_id, Utc::now())
}

pub fn delegation_transition(
    s: &mut Session,
    delegation_id: i64,
    transition: Transition,
) -> Result<Value> {
    itinerary::transition(&mut s.store, delegation_id, &transition, Utc::now()).map(json)
}

pub fn counsellor_load(s: &mut Session, counsellor_id: i64) -> Result<CounsellorLoad> {
    s.store.counsellor_load(counsellor_id, Utc::now())
}

/// Writes the calendar to `path` (from the save dialog), or to the store's `calendars/` folder.
pub fn export_itinerary_ics(
    s: &mut Session,
    delegation_id: i64,
    member_id: Option<i64>,
    path: Option<String>,
) -> Result<ExportedFile> {
    itinerary::export_ics_to(
        &s.store,
        delegation_id,
        member_id,
        path.map(Into::into),
        Utc::now(),
    )
}

/// Prints the itinerary to `path` (from the save dialog), or to the store's `itineraries/`
/// folder; the file may then be opened with `open_itinerary_pdf`.
pub fn print_itinerary(
    s: &mut Session,
    delegation_id: i64,
    options: PrintOptions,
    path: Option<String>,
) -> Result<ExportedFile> {
    let out = itinerary::export_pdf_to(
        &s.store,
        delegation_id,
        &options,
        path.map(Into::into),
        Utc::now(),
    )?;
    s.printed.insert(PathBuf::from(&out.path));
    Ok(out)
}

/// Opens an itinerary printed in this session in the system's PDF viewer (no other path).
pub fn open_itinerary_pdf(s: &mut Session, path: String) -> Result<()> {
    if !s.printed.contains(Path::new(&path)) {
        return Err(invalid(
            "path",
            "not_printed",
            "Chỉ mở được lịch trình vừa in trong phiên này",
            "Only itineraries printed in this session can be opened",
        ));
    }
    crate::files::open_in_viewer(Path::new(&path))
}

fn json(r: impl serde::Serialize) -> Value {
    serde_json::to_value(r).expect("a record serialises")
}
