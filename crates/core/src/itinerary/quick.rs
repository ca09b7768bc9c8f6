//! Quick add: one line such as `09:30-11 Title @ Venue` on a delegation's day, read into an
//! entry and saved, with what a clock change did to its times.

use super::clock_change::clock_note;
use super::entry::{save_entry, ItemEntry};
use super::ItemRecord;
use crate::domain::ItineraryKind;
use crate::error::Result;
use crate::labels::Bilingual;
use crate::store::Store;
use crate::text::nfc;
use chrono::{Duration, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

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

/// What quick add saved, and what a clock change did to the times typed.
#[derive(Debug, Clone, Serialize, TS)]
pub struct QuickAdded {
    pub item: ItemRecord,
    /// Said next to the answer when a clock change moved a time typed (`clock_note`).
    pub clock_note: Option<Bilingual>,
}

/// Parses a quick-add line and saves the item it describes.
pub fn quick_add(store: &mut Store, request: &QuickAddRequest) -> Result<QuickAdded> {
    let entry = parse_quick(
        &request.line,
        request.delegation_id,
        request.date,
        &request.time_zone,
    )?;
    let saved = save_entry(store, None, &entry)?;
    Ok(QuickAdded {
        clock_note: clock_note(&saved.data),
        item: ItemRecord {
            id: saved.meta.id,
            uuid: saved.meta.uuid,
            data: saved.data,
        },
    })
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
