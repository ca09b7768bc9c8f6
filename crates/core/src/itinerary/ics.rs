//! RFC 5545 calendar export of a delegation's itinerary (whole delegation or one member).
//!
//! One `VEVENT` per item, its start in the item's zone and its end in the arrival zone of a travel
//! leg, each zone described by a `VTIMEZONE` whose observances are the real transitions of that
//! zone (read from chrono-tz) over the years the events cover. The `UID` comes from the item's
//! uuid, so a re-export (or a member's calendar) updates the same events instead of adding new
//! ones; `SEQUENCE` grows with the item's last change. Lines end in CRLF and are folded at 75
//! octets without splitting a UTF-8 character. The same inputs give the same bytes.

use super::Plan;
use crate::domain::{DelegationStatus, ItineraryItem, ItineraryKind};
use crate::labels::{Labelled, WHOLE_DELEGATION};
use crate::store::Record;
use crate::time::HANOI;
use chrono::{DateTime, Datelike, Duration, LocalResult, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};
use std::collections::BTreeMap;

/// Right-hand side of every `UID`.
const UID_DOMAIN: &str = "delegation-planner";
/// Longest physical line, in octets, CRLF excluded (RFC 5545 §3.1).
const LINE_OCTETS: usize = 75;
/// Scan step when looking for a zone's transitions inside the years the events cover.
const SCAN_STEP: i64 = 6 * 3600;
/// Scan step when looking back for the onset of the observance in force when those years begin.
const LOOKBACK_STEP: i64 = 24 * 3600;

/// The itinerary as an iCalendar file (`member`: only the items that member attends).
pub fn calendar(plan: &Plan, member: Option<i64>, stamp: DateTime<Utc>) -> String {
    let items = plan.items_for(member);
    let delegation = &plan.delegation.data;

    // Every instant written with a TZID, by zone, to know which VTIMEZONEs to describe and over
    // which years.
    let mut used: BTreeMap<&'static str, (Tz, DateTime<Utc>, DateTime<Utc>)> = BTreeMap::new();
    let mut events = Vec::with_capacity(items.len());
    for rec in &items {
        let i = &rec.data;
        let start = when(i.starts_at, zone(&i.time_zone));
        let end_zone = zone(i.end_time_zone.as_deref().unwrap_or(&i.time_zone));
        // RFC 5545 wants DTEND after DTSTART; without one the event lasts no time at all.
        let end = (i.ends_at > i.starts_at).then(|| when(i.ends_at, end_zone));
        for w in std::iter::once(&start).chain(end.as_ref()) {
            if let When::Local { tz, instant, .. } = *w {
                let span = used.entry(tz.name()).or_insert((tz, instant, instant));
                span.1 = span.1.min(instant);
                span.2 = span.2.max(instant);
            }
        }
        events.push((*rec, start, end));
    }

    let mut out = Writer::default();
    out.line("BEGIN", "VCALENDAR");
    out.line("VERSION", "2.0");
    out.line(
        "PRODID",
        &format!(
            "-//Delegation Planner//Itinerary {}//VI",
            env!("CARGO_PKG_VERSION")
        ),
    );
    out.line("CALSCALE", "GREGORIAN");
    out.line("METHOD", "PUBLISH");
    let name = match member.and_then(|m| plan.member(m)) {
        Some(m) => format!("{} — {}", delegation.title, m.name),
        None => delegation.title.clone(),
    };
    out.line("X-WR-CALNAME", &text(&name));
    if let Ok(tz) = delegation.time_zone.parse::<Tz>() {
        out.line("X-WR-TIMEZONE", &text(tz.name()));
    }
    for (tz, first, last) in used.values() {
        vtimezone(&mut out, *tz, *first, *last);
    }
    let status = match delegation.status {
        DelegationStatus::Cancelled => "CANCELLED",
        DelegationStatus::Draft | DelegationStatus::Proposed => "TENTATIVE",
        _ => "CONFIRMED",
    };
    for (rec, start, end) in &events {
        vevent(&mut out, plan, rec, start, end.as_ref(), stamp, status);
    }
    out.line("END", "VCALENDAR");
    out.text
}

/// The zone of a stored zone name (Hanoi when unknown, as everywhere else in the itinerary).
fn zone(name: &str) -> Tz {
    name.parse().unwrap_or(HANOI)
}

/// How one instant is written.
enum When {
    /// Local time with a TZID.
    Local {
        tz: Tz,
        local: NaiveDateTime,
        instant: DateTime<Utc>,
    },
    /// In UTC: the second occurrence of a local time repeated when clocks go back, which a TZID
    /// form would mean the first occurrence of (RFC 5545 §3.3.5).
    Utc(DateTime<Utc>),
}

fn when(instant: DateTime<Utc>, tz: Tz) -> When {
    let local = instant.with_timezone(&tz).naive_local();
    let first = match tz.from_local_datetime(&local) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => Some(t.with_timezone(&Utc)),
        LocalResult::None => None,
    };
    // Compare at the precision written (whole seconds).
    if first.map(|t| t.timestamp()) == Some(instant.timestamp()) {
        When::Local { tz, local, instant }
    } else {
        When::Utc(instant)
    }
}

fn date_time_line(out: &mut Writer, name: &str, w: &When) {
    match w {
        When::Local { tz, local, .. } => out.line(
            &format!("{name};TZID={}", tz.name()),
            &local.format("%Y%m%dT%H%M%S").to_string(),
        ),
        When::Utc(t) => out.line(name, &utc(*t)),
    }
}

fn utc(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Grows with every change of the item: minutes since 2020 (fits 32 bits for millennia).
fn sequence(updated_at: DateTime<Utc>) -> i64 {
    let epoch = Utc.with_ymd_and_hms(2020, 1, 1, 0, 0, 0).unwrap();
    ((updated_at - epoch).num_seconds() / 60).max(0)
}

/// The item kind's Vietnamese name (the calendar's categories and description are Vietnamese).
fn kind_label(kind: ItineraryKind) -> &'static str {
    kind.label().vi
}

fn non_empty(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

#[allow(clippy::too_many_arguments)]
fn vevent(
    out: &mut Writer,
    plan: &Plan,
    rec: &Record<ItineraryItem>,
    start: &When,
    end: Option<&When>,
    stamp: DateTime<Utc>,
    status: &str,
) {
    let i = &rec.data;
    let meta = &rec.meta;
    out.line("BEGIN", "VEVENT");
    let uid = if meta.uuid.trim().is_empty() {
        format!("item-{}-{}", meta.id, plan.delegation.meta.uuid)
    } else {
        meta.uuid.trim().to_string()
    };
    out.line("UID", &text(&format!("{uid}@{UID_DOMAIN}")));
    out.line("DTSTAMP", &utc(stamp));
    out.line("CREATED", &utc(meta.created_at));
    out.line("LAST-MODIFIED", &utc(meta.updated_at));
    out.line("SEQUENCE", &sequence(meta.updated_at).to_string());
    date_time_line(out, "DTSTART", start);
    if let Some(end) = end {
        date_time_line(out, "DTEND", end);
    }
    let title = i.title.trim();
    out.line(
        "SUMMARY",
        &text(if title.is_empty() {
            kind_label(i.kind)
        } else {
            title
        }),
    );
    let location: Vec<&str> = [non_empty(&i.venue), non_empty(&i.address)]
        .into_iter()
        .flatten()
        .collect();
    if !location.is_empty() {
        out.line("LOCATION", &text(&location.join(", ")));
    }
    out.line("DESCRIPTION", &text(&description(plan, i)));
    out.line("CATEGORIES", &text(kind_label(i.kind)));
    out.line("STATUS", status);
    out.line(
        "TRANSP",
        if i.kind == ItineraryKind::Free {
            "TRANSPARENT"
        } else {
            "OPAQUE"
        },
    );
    out.line("END", "VEVENT");
}

/// What the programme says about an item, one fact a line.
fn description(plan: &Plan, i: &ItineraryItem) -> String {
    let mut lines = vec![format!("Loại: {}", kind_label(i.kind))];
    if let Some(org) = i.organization_id.and_then(|o| plan.organizations.get(&o)) {
        lines.push(format!("Đơn vị: {org}"));
    }
    // The item's counsellor, else the one in charge of the whole delegation.
    let counsellor = i
        .counsellor_id
        .or(plan.delegation.data.counsellor_id)
        .and_then(|c| plan.counsellors.get(&c));
    if let Some(c) = counsellor {
        let mut s = format!("Phụ trách: {}", c.full_name);
        if let Some(title) = non_empty(&c.title) {
            s.push_str(&format!(" ({title})"));
        }
        if let Some(phone) = non_empty(&c.phone) {
            s.push_str(&format!(" — ĐT: {phone}"));
        }
        lines.push(s);
    }
    let contacts: Vec<&str> = i
        .contact_ids
        .iter()
        .filter_map(|c| plan.contacts.get(c).map(String::as_str))
        .collect();
    if !contacts.is_empty() {
        lines.push(format!("Người liên hệ: {}", contacts.join(", ")));
    }
    if i.attendee_ids.is_empty() {
        lines.push(format!("Thành phần: {}", WHOLE_DELEGATION.vi));
    } else {
        let names: Vec<&str> = plan.attendees(i).iter().map(|m| m.name.as_str()).collect();
        lines.push(format!("Thành phần: {}", names.join(", ")));
    }
    let end_zone = zone(i.end_time_zone.as_deref().unwrap_or(&i.time_zone));
    if zone(&i.time_zone) != HANOI || end_zone != HANOI {
        let f = |t: DateTime<Utc>| t.with_timezone(&HANOI).format("%H:%M %d/%m/%Y");
        lines.push(format!(
            "Giờ Hà Nội: {} – {}",
            f(i.starts_at),
            f(i.ends_at.max(i.starts_at))
        ));
    }
    if let Some(notes) = non_empty(&i.notes) {
        lines.push(format!("Ghi chú: {notes}"));
    }
    lines.join("\n")
}

/// One observance of a zone: its total offset, the daylight-saving part of it, its name.
#[derive(Debug, Clone, PartialEq)]
struct Observance {
    offset: i32,
    dst: i64,
    name: String,
}

fn observance(tz: Tz, at: i64) -> Observance {
    let t = DateTime::from_timestamp(at, 0).unwrap_or_default();
    let o = tz.offset_from_utc_datetime(&t.naive_utc());
    let offset = o.fix().local_minus_utc();
    Observance {
        offset,
        dst: o.dst_offset().num_seconds(),
        name: o
            .abbreviation()
            .map(str::to_owned)
            .unwrap_or_else(|| numeric_name(offset)),
    }
}

/// The name tzdata gives a zone without an abbreviation: `+07`, `+0530`, `-0330`.
fn numeric_name(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let m = seconds.unsigned_abs() / 60;
    if m.is_multiple_of(60) {
        format!("{sign}{:02}", m / 60)
    } else {
        format!("{sign}{:02}{:02}", m / 60, m % 60)
    }
}

/// A change of observance at `at` (UTC seconds).
struct Transition {
    at: i64,
    from: Observance,
    to: Observance,
}

/// Every change of observance in `(from, to]`, each found to the second by bisection.
fn transitions(tz: Tz, from: i64, to: i64) -> Vec<Transition> {
    let mut out = Vec::new();
    let mut t = from;
    let mut current = observance(tz, t);
    while t < to {
        let next = (t + SCAN_STEP).min(to);
        let o = observance(tz, next);
        if o == current {
            t = next;
            continue;
        }
        // Invariant: `lo` is in `current`, `hi` is not.
        let (mut lo, mut hi) = (t, next);
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if observance(tz, mid) == current {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        let to_obs = observance(tz, hi);
        out.push(Transition {
            at: hi,
            from: current,
            to: to_obs.clone(),
        });
        // Resume from the change itself: another may follow within the same step.
        t = hi;
        current = to_obs;
    }
    out
}

/// The last change of observance at or before `at`, looking back no further than `floor`.
fn onset(tz: Tz, at: i64, floor: i64) -> Option<Transition> {
    let current = observance(tz, at);
    let mut hi = at;
    while hi > floor {
        let lo = (hi - LOOKBACK_STEP).max(floor);
        if observance(tz, lo) != current {
            return transitions(tz, lo, hi).pop();
        }
        hi = lo;
    }
    None
}

fn utc_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    let (h, m, sec) = (s / 3600, s / 60 % 60, s % 60);
    if sec == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{sec:02}")
    }
}

fn start_of_year(year: i32) -> i64 {
    Utc.with_ymd_and_hms(year, 1, 1, 0, 0, 0)
        .single()
        .map(|t| t.timestamp())
        .unwrap_or(0)
}

/// The VTIMEZONE of `tz` over the whole years from `first` to `last`: the observance in force on
/// 1 January of the first year (with its real onset, looked for back to 1970), then every
/// transition until the end of the last year, each as its own observance.
fn vtimezone(out: &mut Writer, tz: Tz, first: DateTime<Utc>, last: DateTime<Utc>) {
    let from = start_of_year(first.year());
    let to = start_of_year(last.year() + 1);
    let floor = from.min(0);
    let initial = observance(tz, from);
    let (onset_at, onset_from) = match onset(tz, from, floor) {
        Some(t) => (t.at, t.from.offset),
        None => (floor, initial.offset),
    };
    out.line("BEGIN", "VTIMEZONE");
    out.line("TZID", &text(tz.name()));
    observance_lines(out, onset_at, onset_from, &initial);
    for t in transitions(tz, from, to) {
        observance_lines(out, t.at, t.from.offset, &t.to);
    }
    out.line("END", "VTIMEZONE");
}

fn observance_lines(out: &mut Writer, at: i64, offset_from: i32, o: &Observance) {
    let kind = if o.dst != 0 { "DAYLIGHT" } else { "STANDARD" };
    // The onset is written in the local time in force before it (RFC 5545 §3.6.5).
    let local = DateTime::from_timestamp(at, 0)
        .unwrap_or_default()
        .naive_utc()
        + Duration::seconds(offset_from as i64);
    out.line("BEGIN", kind);
    out.line("DTSTART", &local.format("%Y%m%dT%H%M%S").to_string());
    out.line("TZOFFSETFROM", &utc_offset(offset_from));
    out.line("TZOFFSETTO", &utc_offset(o.offset));
    out.line("TZNAME", &text(&o.name));
    out.line("END", kind);
}

/// A TEXT value escaped (RFC 5545 §3.3.11): backslash, semicolon, comma, and newlines as `\n`;
/// other control characters, which no content line may hold, are dropped.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push(c),
            c if c.is_ascii_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Content lines, folded and ended in CRLF.
#[derive(Default)]
struct Writer {
    text: String,
}

impl Writer {
    /// `name` (with its parameters) `:` `value`, folded at 75 octets: a continuation line starts
    /// with one space, and no UTF-8 character is cut in two.
    fn line(&mut self, name: &str, value: &str) {
        let mut width = 0;
        for c in name
            .chars()
            .chain(std::iter::once(':'))
            .chain(value.chars())
        {
            let n = c.len_utf8();
            if width + n > LINE_OCTETS {
                self.text.push_str("\r\n ");
                width = 1;
            }
            self.text.push(c);
            width += n;
        }
        self.text.push_str("\r\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_at_75_octets_on_character_boundaries() {
        let mut w = Writer::default();
        w.line("SUMMARY", &"Đoàn xúc tiến ".repeat(20));
        for line in w.text.split_terminator("\r\n") {
            assert!(line.len() <= LINE_OCTETS, "{line:?}");
        }
        let unfolded = w.text.replace("\r\n ", "");
        assert_eq!(
            unfolded,
            format!("SUMMARY:{}\r\n", "Đoàn xúc tiến ".repeat(20))
        );
    }

    #[test]
    fn escapes_text() {
        assert_eq!(text("a\\b;c,d\r\ne\nf\u{7}"), "a\\\\b\\;c\\,d\\ne\\nf");
    }

    #[test]
    fn berlin_2027_transitions() {
        let from = start_of_year(2027);
        let to = start_of_year(2028);
        let t = transitions(chrono_tz::Europe::Berlin, from, to);
        assert_eq!(t.len(), 2);
        assert_eq!(
            DateTime::from_timestamp(t[0].at, 0).unwrap().to_rfc3339(),
            "2027-03-28T01:00:00+00:00"
        );
        assert_eq!(
            DateTime::from_timestamp(t[1].at, 0).unwrap().to_rfc3339(),
            "2027-10-31T01:00:00+00:00"
        );
        assert_eq!(utc_offset(-(7 * 3600 + 6 * 60 + 40)), "-070640");
    }
}
