//! Conflict checks over a delegation's itinerary, each explained in words (vi and en).
//!
//! Hard: a member in two places at once, an item outside the delegation's dates, an end before
//! its start. Soft: less than the travel buffer between items at different venues, an item in
//! the night (22:00–06:00 local), a meeting with no counsellor, or one for the whole delegation
//! because no attendee was chosen (the rule for every item: no one chosen, the whole delegation).

use super::{is_travel, local, Plan};
use crate::domain::{ItineraryItem, ItineraryKind};
use crate::labels::WHOLE_DELEGATION;
use crate::settings::Settings;
use crate::store::Record;
use crate::text::fold;
use chrono::{Duration, NaiveTime, Timelike};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use ts_rs::TS;

/// How bad a conflict is: hard ones block confirmation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Soft,
    Hard,
}

/// Which rule a conflict breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ConflictKind {
    DoubleBooked,
    OutsideDates,
    EndBeforeStart,
    TightTransfer,
    NightTime,
    NoCounsellor,
    NoAttendee,
}

impl ConflictKind {
    pub fn severity(self) -> Severity {
        match self {
            ConflictKind::DoubleBooked
            | ConflictKind::OutsideDates
            | ConflictKind::EndBeforeStart => Severity::Hard,
            _ => Severity::Soft,
        }
    }
}

/// One broken rule, the items and members it concerns, and what to tell the officer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Conflict {
    pub kind: ConflictKind,
    pub severity: Severity,
    pub item_ids: Vec<i64>,
    pub member_ids: Vec<i64>,
    pub message_vi: String,
    pub message_en: String,
}

/// The tunable parts of the checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CheckOptions {
    /// Minimum minutes between two items at different venues.
    pub travel_buffer_minutes: i64,
    /// Local hour the night starts (22) and ends (6).
    pub night_start_hour: u32,
    pub night_end_hour: u32,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions {
            travel_buffer_minutes: 30,
            night_start_hour: 22,
            night_end_hour: 6,
        }
    }
}

impl CheckOptions {
    /// The options the user chose in Settings.
    pub fn from_settings(s: &Settings) -> CheckOptions {
        CheckOptions {
            travel_buffer_minutes: s.travel_buffer_minutes,
            ..CheckOptions::default()
        }
    }
}

type Item = Record<ItineraryItem>;

fn hm(i: &ItineraryItem) -> String {
    format!(
        "{}–{}",
        local(i.starts_at, &i.time_zone).format("%d/%m %H:%M"),
        local(
            i.ends_at,
            i.end_time_zone.as_deref().unwrap_or(&i.time_zone)
        )
        .format("%H:%M")
    )
}

fn push(
    out: &mut Vec<Conflict>,
    kind: ConflictKind,
    items: Vec<i64>,
    members: Vec<i64>,
    vi: String,
    en: String,
) {
    out.push(Conflict {
        kind,
        severity: kind.severity(),
        item_ids: items,
        member_ids: members,
        message_vi: vi,
        message_en: en,
    });
}

/// Every conflict of `plan`, hard ones first, then by the first item's start.
pub fn check(plan: &Plan, options: &CheckOptions) -> Vec<Conflict> {
    let mut out = Vec::new();
    let mut items: Vec<&Item> = plan.items.iter().collect();
    items.sort_by_key(|r| (r.data.starts_at, r.meta.id));

    single_item_rules(plan, &items, options, &mut out);
    timeline_rules(plan, &items, options, &mut out);

    let starts: HashMap<i64, _> = items
        .iter()
        .map(|r| (r.meta.id, r.data.starts_at))
        .collect();
    out.sort_by_cached_key(|c| {
        (
            std::cmp::Reverse(c.severity),
            c.item_ids.first().and_then(|id| starts.get(id).copied()),
            c.kind,
            c.item_ids.clone(),
        )
    });
    out
}

fn single_item_rules(plan: &Plan, items: &[&Item], o: &CheckOptions, out: &mut Vec<Conflict>) {
    let d = &plan.delegation.data;
    for r in items {
        let i = &r.data;
        let id = r.meta.id;
        let end_zone = i.end_time_zone.as_deref().unwrap_or(&i.time_zone);
        if i.ends_at < i.starts_at {
            push(
                out,
                ConflictKind::EndBeforeStart,
                vec![id],
                vec![],
                format!("«{}» kết thúc trước khi bắt đầu ({})", i.title, hm(i)),
                format!("“{}” ends before it starts ({})", i.title, hm(i)),
            );
        }
        let first = local(i.starts_at, &i.time_zone).date();
        let last = local(i.ends_at, end_zone).date();
        let before = d.start_date.is_some_and(|s| first < s);
        let after = d.end_date.is_some_and(|e| last > e);
        if before || after {
            let (s, e) = (
                d.start_date
                    .map(|x| x.format("%d/%m/%Y").to_string())
                    .unwrap_or_default(),
                d.end_date
                    .map(|x| x.format("%d/%m/%Y").to_string())
                    .unwrap_or_default(),
            );
            push(
                out,
                ConflictKind::OutsideDates,
                vec![id],
                vec![],
                format!(
                    "«{}» ({}) nằm ngoài thời gian của đoàn ({s}–{e})",
                    i.title,
                    hm(i)
                ),
                format!(
                    "“{}” ({}) falls outside the delegation's dates ({s}–{e})",
                    i.title,
                    hm(i)
                ),
            );
        }
        if !is_travel(i.kind) && i.kind != ItineraryKind::Free && in_night(i, o) {
            push(
                out,
                ConflictKind::NightTime,
                vec![id],
                vec![],
                format!(
                    "«{}» ({}) rơi vào ban đêm ({:02}:00–{:02}:00 giờ địa phương)",
                    i.title,
                    hm(i),
                    o.night_start_hour,
                    o.night_end_hour
                ),
                format!(
                    "“{}” ({}) is at night ({:02}:00–{:02}:00 local time)",
                    i.title,
                    hm(i),
                    o.night_start_hour,
                    o.night_end_hour
                ),
            );
        }
        if i.kind == ItineraryKind::Meeting {
            if i.counsellor_id.is_none() {
                push(
                    out,
                    ConflictKind::NoCounsellor,
                    vec![id],
                    vec![],
                    format!(
                        "Cuộc gặp «{}» ({}) chưa có tham tán phụ trách",
                        i.title,
                        hm(i)
                    ),
                    format!(
                        "Meeting “{}” ({}) has no counsellor in charge",
                        i.title,
                        hm(i)
                    ),
                );
            }
            if i.attendee_ids.is_empty() {
                push(
                    out,
                    ConflictKind::NoAttendee,
                    vec![id],
                    vec![],
                    format!(
                        "Cuộc gặp «{}» ({}): {} (chưa chọn ai)",
                        i.title,
                        hm(i),
                        WHOLE_DELEGATION.vi.to_lowercase()
                    ),
                    format!(
                        "Meeting “{}” ({}): {} (no one chosen)",
                        i.title,
                        hm(i),
                        WHOLE_DELEGATION.en.to_lowercase()
                    ),
                );
            }
        }
    }
}

/// True when the item overlaps a night window (local time of its start zone).
fn in_night(i: &ItineraryItem, o: &CheckOptions) -> bool {
    if i.ends_at <= i.starts_at {
        let t = local(i.starts_at, &i.time_zone).time();
        return t.hour() >= o.night_start_hour || t.hour() < o.night_end_hour;
    }
    let s = local(i.starts_at, &i.time_zone);
    let e = s + (i.ends_at - i.starts_at);
    let night_start = NaiveTime::from_hms_opt(o.night_start_hour, 0, 0).expect("hour");
    let night_end = NaiveTime::from_hms_opt(o.night_end_hour, 0, 0).expect("hour");
    let mut day = s.date() - Duration::days(1);
    while day <= e.date() {
        let ws = day.and_time(night_start);
        let we = (day + Duration::days(1)).and_time(night_end);
        if s < we && e > ws {
            return true;
        }
        day += Duration::days(1);
    }
    false
}

/// Double bookings and tight transfers, per member's timeline. Items with no attendee named
/// involve the whole delegation; with no members at all, the delegation is one timeline.
fn timeline_rules(plan: &Plan, items: &[&Item], o: &CheckOptions, out: &mut Vec<Conflict>) {
    let places: HashMap<i64, Option<String>> =
        items.iter().map(|r| (r.meta.id, place(&r.data))).collect();
    let keys: Vec<i64> = if plan.members.is_empty() {
        vec![0]
    } else {
        plan.members.iter().map(|m| m.id).collect()
    };
    let mut lines: BTreeMap<i64, Vec<&Item>> = keys.iter().map(|k| (*k, Vec::new())).collect();
    for r in items {
        if r.data.attendee_ids.is_empty() {
            for line in lines.values_mut() {
                line.push(r);
            }
        } else {
            for a in &r.data.attendee_ids {
                if let Some(line) = lines.get_mut(a) {
                    line.push(r);
                }
            }
        }
    }
    let mut overlaps: BTreeMap<(i64, i64), Vec<i64>> = BTreeMap::new();
    let mut tight: BTreeMap<(i64, i64), Vec<i64>> = BTreeMap::new();
    let buffer = Duration::minutes(o.travel_buffer_minutes);
    for (member, line) in &lines {
        // `line` is sorted by start; sweep keeping the latest-ending item seen so far.
        let mut open: Vec<&Item> = Vec::new();
        for r in line {
            open.retain(|p| p.data.ends_at > r.data.starts_at);
            for p in &open {
                overlaps
                    .entry((p.meta.id, r.meta.id))
                    .or_default()
                    .push(*member);
            }
            open.push(r);
        }
        for w in line.windows(2) {
            let (a, b) = (&w[0].data, &w[1].data);
            if is_travel(a.kind) || is_travel(b.kind) || b.starts_at < a.ends_at {
                continue;
            }
            let (Some(va), Some(vb)) = (&places[&w[0].meta.id], &places[&w[1].meta.id]) else {
                continue;
            };
            if va != vb && b.starts_at - a.ends_at < buffer {
                tight
                    .entry((w[0].meta.id, w[1].meta.id))
                    .or_default()
                    .push(*member);
            }
        }
    }
    let index: HashMap<i64, &Item> = items.iter().map(|r| (r.meta.id, *r)).collect();
    let by_id = |id: i64| index.get(&id).map(|r| &r.data).expect("item");
    let names = |members: &[i64]| -> (String, String) {
        if members == [0] || members.len() == plan.members.len() && plan.members.len() > 1 {
            return ("cả đoàn".into(), "the whole delegation".into());
        }
        let n: Vec<&str> = members
            .iter()
            .filter_map(|m| plan.member(*m).map(|m| m.name.as_str()))
            .collect();
        (n.join(", "), n.join(", "))
    };
    for ((a, b), members) in overlaps {
        let (ia, ib) = (by_id(a), by_id(b));
        let (vi_who, en_who) = names(&members);
        push(
            out,
            ConflictKind::DoubleBooked,
            vec![a, b],
            members.into_iter().filter(|m| *m != 0).collect(),
            format!(
                "Trùng lịch: {vi_who} cùng lúc ở «{}» ({}) và «{}» ({})",
                ia.title,
                hm(ia),
                ib.title,
                hm(ib)
            ),
            format!(
                "Double-booked: {en_who} in “{}” ({}) and “{}” ({}) at the same time",
                ia.title,
                hm(ia),
                ib.title,
                hm(ib)
            ),
        );
    }
    for ((a, b), members) in tight {
        let (ia, ib) = (by_id(a), by_id(b));
        let gap = (ib.starts_at - ia.ends_at).num_minutes();
        let (vi_who, en_who) = names(&members);
        push(
            out,
            ConflictKind::TightTransfer,
            vec![a, b],
            members.into_iter().filter(|m| *m != 0).collect(),
            format!(
                "Chỉ có {gap} phút để {vi_who} di chuyển từ «{}» đến «{}» (cần ít nhất {} phút)",
                ia.venue.as_deref().unwrap_or(&ia.title),
                ib.venue.as_deref().unwrap_or(&ib.title),
                o.travel_buffer_minutes
            ),
            format!(
                "Only {gap} min for {en_who} to get from “{}” to “{}” (at least {} min needed)",
                ia.venue.as_deref().unwrap_or(&ia.title),
                ib.venue.as_deref().unwrap_or(&ib.title),
                o.travel_buffer_minutes
            ),
        );
    }
}

/// The item's place for venue comparison: its venue, else its address, folded.
fn place(i: &ItineraryItem) -> Option<String> {
    i.venue
        .as_deref()
        .or(i.address.as_deref())
        .map(|s| fold(s.trim()))
        .filter(|s| !s.is_empty())
}
