//! Items typed across a clock change. A local time that does not exist (clocks go forward over
//! it) or occurs twice (clocks go back over it) is placed as RFC 5545 says (`time::place_local`);
//! the item then keeps the length the officer typed, the typed times are kept on the item
//! (`entered_start`, `entered_end`), and `clock_note` says what happened, in both languages.

use super::{local, zone_abbreviation};
use crate::domain::ItineraryItem;
use crate::labels::Bilingual;
use crate::time::{place_local, LocalFit};
use chrono::{DateTime, Duration, NaiveDateTime, Utc};

/// Where an item typed in local times lies on the timeline, and the typed times (kept, both,
/// when a clock change moved either).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlacedItem {
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub entered_start: Option<NaiveDateTime>,
    pub entered_end: Option<NaiveDateTime>,
}

/// Places an item typed from `start` in `zone` to `end` in `end_zone`. When a clock change
/// touches the start or the end of an item within one zone, the item keeps its typed length
/// from its placed start. None when a zone is unknown.
pub fn place_item(
    start: NaiveDateTime,
    zone: &str,
    end: NaiveDateTime,
    end_zone: &str,
) -> Option<PlacedItem> {
    let s = place_local(start, zone)?;
    let e = place_local(end, end_zone)?;
    let start_moved = s.fit != LocalFit::Exact;
    let end_moved = e.fit != LocalFit::Exact;
    let ends_at = if (start_moved || end_moved) && zone == end_zone {
        s.instant + (end - start)
    } else {
        e.instant
    };
    let moved = start_moved || end_moved;
    Some(PlacedItem {
        starts_at: s.instant,
        ends_at,
        entered_start: moved.then_some(start),
        entered_end: moved.then_some(end),
    })
}

/// What a clock change did to `item` ("02:30 does not exist on 28/03/2027 in Europe/Berlin
/// (clocks go forward): starts at 03:30 CEST, 1 h kept"); None when it was taken as typed.
pub fn clock_note(item: &ItineraryItem) -> Option<Bilingual> {
    let end_zone = item.end_time_zone.as_deref().unwrap_or(&item.time_zone);
    // The start is explained when it moved, else the end.
    let moved = |typed: Option<NaiveDateTime>, zone: &str| {
        let typed = typed?;
        let fit = place_local(typed, zone)?.fit;
        (fit != LocalFit::Exact).then_some((typed, fit))
    };
    let ((typed, fit), zone, instant, starts) = match moved(item.entered_start, &item.time_zone) {
        Some(start) => (start, item.time_zone.as_str(), item.starts_at, true),
        None => (
            moved(item.entered_end, end_zone)?,
            end_zone,
            item.ends_at,
            false,
        ),
    };
    let time = typed.format("%H:%M");
    let date = typed.format("%d/%m/%Y");
    let at = format!(
        "{} {}",
        local(instant, zone).format("%H:%M"),
        zone_abbreviation(instant, zone)
    );
    let (vi_what, en_what) = if starts {
        ("bắt đầu", "starts")
    } else {
        ("kết thúc", "ends")
    };
    let (mut vi, mut en) = match fit {
        LocalFit::Exact => return None,
        LocalFit::Skipped { .. } => (
            format!(
                "{time} không có trong ngày {date} ở {zone} (đồng hồ chỉnh nhanh lên): {vi_what} lúc {at}"
            ),
            format!(
                "{time} does not exist on {date} in {zone} (clocks go forward): {en_what} at {at}"
            ),
        ),
        LocalFit::Repeated => (
            format!(
                "{time} có hai lần trong ngày {date} ở {zone} (đồng hồ lùi lại): {vi_what} lúc lần đầu, {at}"
            ),
            format!(
                "{time} occurs twice on {date} in {zone} (clocks go back): {en_what} at the first, {at}"
            ),
        ),
    };
    if zone == end_zone && item.end_time_zone.is_none() {
        let (vi_length, en_length) = length(item.ends_at - item.starts_at);
        vi.push_str(&format!(", giữ nguyên thời lượng {vi_length}"));
        en.push_str(&format!(", {en_length} kept"));
    }
    Some(Bilingual::new(vi, en))
}

/// A length in hours and minutes ("1 giờ 30 phút", "1 h 30 min").
fn length(d: Duration) -> (String, String) {
    let (h, m) = (d.num_minutes() / 60, d.num_minutes() % 60);
    match (h, m) {
        (0, m) => (format!("{m} phút"), format!("{m} min")),
        (h, 0) => (format!("{h} giờ"), format!("{h} h")),
        (h, m) => (format!("{h} giờ {m} phút"), format!("{h} h {m} min")),
    }
}
