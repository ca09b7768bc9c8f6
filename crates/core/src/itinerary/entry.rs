//! Entering itinerary items in the local time of their place, quick add, duplicate and move.

use super::local;
use crate::domain::{ItineraryItem, ItineraryKind};
use crate::error::{CoreError, Result};
use crate::store::{Record, Store};
use crate::text::nfc;
use crate::time::local_to_utc;
use crate::validate::FieldError;
use chrono::{Duration, NaiveDate, NaiveTime};
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
        let mut starts_at = None;
        let mut ends_at = None;
        if let (Some(d), Some(t)) = (self.start_date, self.start_time) {
            starts_at = local_to_utc(d, t, &self.time_zone);
        }
        if let (Some(d), Some(t)) = (self.end_date.or(self.start_date), self.end_time) {
            ends_at = local_to_utc(d, t, end_zone);
        }
        if let (Some(s), Some(e)) = (starts_at, ends_at) {
            if e < s {
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
            starts_at: starts_at.unwrap_or_default(),
            ends_at: ends_at.unwrap_or_default(),
            time_zone: self.time_zone.clone(),
            end_time_zone: (end_zone != self.time_zone).then(|| end_zone.to_owned()),
            venue: opt(&self.venue),
            address: opt(&self.address),
            organization_id: self.organization_id,
            counsellor_id: self.counsellor_id,
            contact_ids: self.contact_ids.clone(),
            attendee_ids: self.attendee_ids.clone(),
            notes: opt(&self.notes),
        })
    }

    /// The entry form of a stored item (for editing).
    pub fn of(item: &ItineraryItem) -> ItemEntry {
        let end_zone = item.end_time_zone.as_deref().unwrap_or(&item.time_zone);
        let s = local(item.starts_at, &item.time_zone);
        let e = local(item.ends_at, end_zone);
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
    let s = local(item.starts_at, &item.time_zone);
    let starts_at = local_to_utc(to, s.time(), &item.time_zone).ok_or_else(|| {
        crate::error::invalid(
            "to_date",
            "unknown_time_zone",
            "Múi giờ không xác định",
            "Unknown time zone",
        )
    })?;
    let mut out = item.clone();
    out.ends_at = starts_at + (item.ends_at - item.starts_at);
    out.starts_at = starts_at;
    Ok(out)
}

/// A quick-add line for a delegation's day, in the place's time zone.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct QuickAddRequest {
    pub delegation_id: i64,
    /// `HH:MM[-HH:MM] title [@ venue]`, as `parse_quick` reads it.
    pub line: String,
    pub date: NaiveDate,
    /// The IANA zone the times are in.
    pub time_zone: String,
}

/// Parses a quick-add line and saves the item it describes.
pub fn quick_add(store: &mut Store, request: &QuickAddRequest) -> Result<Record<ItineraryItem>> {
    let entry = parse_quick(
        &request.line,
        request.delegation_id,
        request.date,
        &request.time_zone,
    )?;
    save_entry(store, None, &entry)
}

/// Parses a quick-add line: `HH:MM[-HH:MM] title [@ venue]`, e.g.
/// `9:30-11 Gặp Samsung C&T @ Samsung Tower`; an end on the next day is written `22:00-01:00+1`
/// and an end before the start without it is refused. Without an end the item lasts an hour. The kind
/// is guessed from words like "bay"/"flight" (travel), "ăn"/"lunch"/"dinner" (meal),
/// "thăm"/"visit" (site visit), "hội nghị"/"conference"/"forum" (conference).
pub fn parse_quick(
    line: &str,
    delegation_id: i64,
    date: NaiveDate,
    zone: &str,
) -> Result<ItemEntry> {
    let line = nfc(line.trim());
    let bad = || {
        crate::error::invalid(
            "quick",
            "quick_format",
            "Viết theo mẫu: 09:30-11:00 Tiêu đề @ Địa điểm",
            "Write it as: 09:30-11:00 Title @ Venue",
        )
    };
    let (times, rest) = line.split_once(char::is_whitespace).ok_or_else(bad)?;
    // An end on the next day is written with "+1" ("22:00-01:00+1"); an end before the start
    // without it is a typing mistake, not an overnight item.
    let (start, end) = match times.split_once(['-', '–']) {
        Some((a, b)) => {
            let (b, next_day) = match b.strip_suffix("+1") {
                Some(b) => (b, true),
                None => (b, false),
            };
            (
                parse_time(a).ok_or_else(bad)?,
                Some((parse_time(b).ok_or_else(bad)?, next_day)),
            )
        }
        None => (parse_time(times).ok_or_else(bad)?, None),
    };
    let (title, venue) = match rest.split_once('@') {
        Some((t, v)) => (
            t.trim().to_owned(),
            Some(v.trim().to_owned()).filter(|v| !v.is_empty()),
        ),
        None => (rest.trim().to_owned(), None),
    };
    if title.is_empty() {
        return Err(bad());
    }
    let (end_time, end_date) =
        match end {
            Some((end, true)) => (end, date + Duration::days(1)),
            Some((end, false)) if end <= start => return Err(crate::error::invalid(
                "quick",
                "quick_end_before_start",
                "Giờ kết thúc trước giờ bắt đầu. Viết theo mẫu: 09:30-11:00 Tiêu đề @ Địa điểm; \
                 việc kéo qua nửa đêm viết 22:00-01:00+1 hoặc dùng biểu mẫu đầy đủ",
                "The end is before the start. Write it as: 09:30-11:00 Title @ Venue; an item \
                 that crosses midnight is written 22:00-01:00+1, or use the full form",
            )),
            Some((end, false)) => (end, date),
            // Without an end the item lasts an hour, into the next day if it starts late.
            None => {
                let end = start + Duration::hours(1);
                (
                    end,
                    if end <= start {
                        date + Duration::days(1)
                    } else {
                        date
                    },
                )
            }
        };
    let folded = crate::text::fold(&title);
    let has = |words: &[&str]| {
        words.iter().any(|w| {
            folded
                .split(|c: char| !c.is_alphanumeric())
                .any(|x| x == *w)
                || (w.contains(' ') && folded.contains(w))
        })
    };
    let kind = if has(&["bay", "flight", "chuyen bay", "train", "tau"]) {
        ItineraryKind::Travel
    } else if has(&[
        "an",
        "lunch",
        "dinner",
        "breakfast",
        "tiec",
        "banquet",
        "an trua",
        "an toi",
    ]) {
        ItineraryKind::Meal
    } else if has(&["tham", "khao sat", "visit", "tour"]) {
        ItineraryKind::SiteVisit
    } else if has(&[
        "hoi nghi",
        "conference",
        "forum",
        "dien dan",
        "toa dam",
        "seminar",
    ]) {
        ItineraryKind::Conference
    } else {
        ItineraryKind::Meeting
    };
    Ok(ItemEntry {
        delegation_id,
        kind,
        title,
        start_date: Some(date),
        start_time: Some(start),
        end_date: Some(end_date),
        end_time: Some(end_time),
        time_zone: zone.to_owned(),
        venue,
        ..ItemEntry::default()
    })
}

fn parse_time(s: &str) -> Option<NaiveTime> {
    let s = s.trim().replace(['h', 'H', '.'], ":");
    let s = s.trim_end_matches(':');
    let (h, m) = match s.split_once(':') {
        Some((h, m)) => (
            h.parse().ok()?,
            if m.is_empty() { 0 } else { m.parse().ok()? },
        ),
        None => (s.parse().ok()?, 0),
    };
    NaiveTime::from_hms_opt(h, m, 0)
}
