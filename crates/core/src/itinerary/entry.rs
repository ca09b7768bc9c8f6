//! Entering itinerary items in the local time of their place, duplicate and move (quick add:
//! `quick.rs`).

use super::clock_change::place_item;
use super::local;
use crate::domain::{ItineraryItem, ItineraryKind};
use crate::error::{CoreError, Result};
use crate::store::{Record, Store};
use crate::text::nfc;
use crate::time::{place_local, LocalFit};
use crate::validate::FieldError;
use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// An itinerary item as the officer types it: local dates and times in the zone of the place
/// (a travel leg ends in its arrival zone).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ItemEntry {
    pub delegation_id: i64,
    pub kind: ItineraryKind,
    pub title: String,
    pub start_date: Option<NaiveDate>,
    pub start_time: Option<NaiveTime>,
    /// Defaults to the start date.
    pub end_date: Option<NaiveDate>,
    pub end_time: Option<NaiveTime>,
    pub time_zone: String,
    /// The arrival zone of a travel leg, when it differs.
    pub end_time_zone: Option<String>,
    pub venue: Option<String>,
    pub address: Option<String>,
    pub organization_id: Option<i64>,
    pub counsellor_id: Option<i64>,
    pub contact_ids: Vec<i64>,
    pub attendee_ids: Vec<i64>,
    pub notes: Option<String>,
}

fn field(field: &str, code: &str, vi: &str, en: &str) -> FieldError {
    FieldError::new(field, code, vi, en)
}

impl ItemEntry {
    /// The stored form: UTC instants plus zones. Errors name the entry's own fields.
    pub fn to_item(&self) -> Result<ItineraryItem> {
        let mut errors = Vec::new();
        let required = |f: &str| {
            field(
                f,
                "required",
                "Trường này là bắt buộc",
                "This field is required",
            )
        };
        let zone_ok = |z: &str| z.parse::<chrono_tz::Tz>().is_ok();
        if !zone_ok(&self.time_zone) {
            errors.push(FieldError::new(
                "time_zone",
                "unknown_time_zone",
                format!(
                    "Múi giờ không xác định: «{}» (ví dụ: Asia/Tokyo)",
                    self.time_zone
                ),
                format!("Unknown time zone: “{}” (e.g. Asia/Tokyo)", self.time_zone),
            ));
        }
        let end_zone = self
            .end_time_zone
            .as_deref()
            .filter(|z| !z.trim().is_empty())
            .unwrap_or(&self.time_zone);
        if self
            .end_time_zone
            .as_deref()
            .is_some_and(|z| !z.trim().is_empty())
            && !zone_ok(end_zone)
        {
            errors.push(FieldError::new(
                "end_time_zone",
                "unknown_time_zone",
                format!("Múi giờ không xác định: «{end_zone}» (ví dụ: Asia/Tokyo)"),
                format!("Unknown time zone: “{end_zone}” (e.g. Asia/Tokyo)"),
            ));
        }
        if self.start_date.is_none() {
            errors.push(required("start_date"));
        }
        if self.start_time.is_none() {
            errors.push(required("start_time"));
        }
        if self.end_time.is_none() {
            errors.push(required("end_time"));
        }
        let placed = match (
            self.start_date.zip(self.start_time),
            self.end_date.or(self.start_date).zip(self.end_time),
        ) {
            (Some((sd, st)), Some((ed, et))) => {
                place_item(sd.and_time(st), &self.time_zone, ed.and_time(et), end_zone)
            }
            _ => None,
        };
        if let Some(p) = placed {
            if p.ends_at < p.starts_at {
                errors.push(field(
                    "end_time",
                    "end_before_start",
                    "Thời điểm kết thúc trước thời điểm bắt đầu",
                    "End is before start",
                ));
            }
        }
        if !errors.is_empty() {
            return Err(CoreError::Invalid(errors));
        }
        let opt = |s: &Option<String>| {
            s.as_deref()
                .map(|s| nfc(s.trim()))
                .filter(|s| !s.is_empty())
        };
        Ok(ItineraryItem {
            delegation_id: self.delegation_id,
            kind: self.kind,
            title: nfc(self.title.trim()),
            starts_at: placed.map(|p| p.starts_at).unwrap_or_default(),
            ends_at: placed.map(|p| p.ends_at).unwrap_or_default(),
            time_zone: self.time_zone.clone(),
            end_time_zone: (end_zone != self.time_zone).then(|| end_zone.to_owned()),
            venue: opt(&self.venue),
            address: opt(&self.address),
            organization_id: self.organization_id,
            counsellor_id: self.counsellor_id,
            contact_ids: self.contact_ids.clone(),
            attendee_ids: self.attendee_ids.clone(),
            notes: opt(&self.notes),
            entered_start: placed.and_then(|p| p.entered_start),
            entered_end: placed.and_then(|p| p.entered_end),
        })
    }

    /// The entry form of a stored item (for editing): the times as the officer typed them, so
    /// that saving it again places it as before.
    pub fn of(item: &ItineraryItem) -> ItemEntry {
        let end_zone = item.end_time_zone.as_deref().unwrap_or(&item.time_zone);
        let s = item
            .entered_start
            .unwrap_or_else(|| local(item.starts_at, &item.time_zone));
        let e = item
            .entered_end
            .unwrap_or_else(|| local(item.ends_at, end_zone));
        ItemEntry {
            delegation_id: item.delegation_id,
            kind: item.kind,
            title: item.title.clone(),
            start_date: Some(s.date()),
            start_time: Some(s.time()),
            end_date: Some(e.date()),
            end_time: Some(e.time()),
            time_zone: item.time_zone.clone(),
            end_time_zone: item.end_time_zone.clone(),
            venue: item.venue.clone(),
            address: item.address.clone(),
            organization_id: item.organization_id,
            counsellor_id: item.counsellor_id,
            contact_ids: item.contact_ids.clone(),
            attendee_ids: item.attendee_ids.clone(),
            notes: item.notes.clone(),
        }
    }
}

/// Creates (no `id`) or replaces item `id` from a local-time entry, through the validated,
/// audited record path.
pub fn save_entry(
    store: &mut Store,
    id: Option<i64>,
    entry: &ItemEntry,
) -> Result<Record<ItineraryItem>> {
    let item = entry.to_item()?;
    let saved = match id {
        None => store.create(&item),
        Some(id) => store.update(id, &item),
    };
    // The record's rules name its own fields; the officer typed the entry's.
    saved.map_err(|e| match e {
        CoreError::Invalid(errors) => CoreError::Invalid(
            errors
                .into_iter()
                .map(|mut f| {
                    f.field = match f.field.as_str() {
                        "starts_at" => "start_time".into(),
                        "ends_at" => "end_time".into(),
                        _ => f.field,
                    };
                    f
                })
                .collect(),
        ),
        other => other,
    })
}

/// Copies item `id`, to the same local time on `to_date` (the same day when None).
pub fn duplicate_item(
    store: &mut Store,
    id: i64,
    to_date: Option<NaiveDate>,
) -> Result<Record<ItineraryItem>> {
    let item = store.get::<ItineraryItem>(id)?.data;
    let copy = shifted(&item, to_date)?;
    store.create(&copy)
}

/// Moves item `id` to `to_date`, keeping its local start time and its duration.
pub fn move_item(store: &mut Store, id: i64, to_date: NaiveDate) -> Result<Record<ItineraryItem>> {
    let item = store.get::<ItineraryItem>(id)?.data;
    let moved = shifted(&item, Some(to_date))?;
    store.update(id, &moved)
}

fn shifted(item: &ItineraryItem, to_date: Option<NaiveDate>) -> Result<ItineraryItem> {
    let Some(to) = to_date else {
        return Ok(item.clone());
    };
    // The start as the officer typed it, on the new day; the item keeps its length.
    let typed = item
        .entered_start
        .unwrap_or_else(|| local(item.starts_at, &item.time_zone));
    let start = to.and_time(typed.time());
    let placed = place_local(start, &item.time_zone).ok_or_else(|| {
        crate::error::invalid(
            "to_date",
            "unknown_time_zone",
            "Múi giờ không xác định",
            "Unknown time zone",
        )
    })?;
    let mut out = item.clone();
    out.ends_at = placed.instant + (item.ends_at - item.starts_at);
    out.starts_at = placed.instant;
    let end_zone = item.end_time_zone.as_deref().unwrap_or(&item.time_zone);
    // The new day's own clock change, if any, is told as if these times had been typed.
    let typed_end = match item.end_time_zone {
        None => start + (item.ends_at - item.starts_at),
        Some(_) => local(out.ends_at, end_zone),
    };
    let moved = placed.fit != LocalFit::Exact;
    out.entered_start = moved.then_some(start);
    out.entered_end = moved.then_some(typed_end);
    Ok(out)
}
