//! The calendar export read back by independent parsers: Python's `icalendar` (instants through
//! the tz database of pytz) and `dateutil.tz.tzical` (instants and offsets through the exported
//! VTIMEZONE blocks). Tokyo, Berlin across the March 2027 change, a Los Angeles → Hanoi flight,
//! Vietnamese text, folding, member calendars and stable UIDs.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;
use planner_core::domain::{Delegation, DelegationStatus, ItineraryItem, ItineraryKind};
use planner_core::domain::{MemberRole, VisaStatus};
use planner_core::itinerary::ics::calendar;
use planner_core::itinerary::sample::synthetic_plan;
use planner_core::itinerary::{Plan, PlanCounsellor, PlanMember};
use planner_core::store::{Meta, Record};
use planner_core::time::local_to_utc;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::process::Command;

/// Reads each file with icalendar and tzical; prints JSON: per file, the calendar's name, the
/// VTIMEZONE ids, every event (texts, instants in UTC through pytz and through the VTIMEZONE,
/// the VTIMEZONE's offset there) and, when asked, each VTIMEZONE's offset at noon UTC each day.
const SCRIPT: &str = r#"
import json, sys
from datetime import datetime, timedelta, timezone
from icalendar import Calendar
from dateutil import tz as dtz

args = json.loads(sys.argv[1])

def iso(dt):
    return dt.astimezone(timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')

def text(v):
    return None if v is None else str(v)

out = []
for path in args['files']:
    with open(path, 'rb') as f:
        cal = Calendar.from_ical(f.read())
    with open(path, encoding='utf-8') as f:
        vtz = dtz.tzical(f)
    events = []
    for ev in cal.walk('VEVENT'):
        cats = ev.get('CATEGORIES')
        e = {
            'uid': text(ev.get('UID')),
            'summary': text(ev.get('SUMMARY')),
            'location': text(ev.get('LOCATION')),
            'description': text(ev.get('DESCRIPTION')),
            'categories': None if cats is None else [str(c) for c in cats.cats],
            'sequence': int(ev.get('SEQUENCE')),
            'dtstamp': iso(ev.decoded('DTSTAMP')),
            'last_modified': iso(ev.decoded('LAST-MODIFIED')),
        }
        for key in ('DTSTART', 'DTEND'):
            k = key.lower()
            prop = ev.get(key)
            if prop is None:
                e[k] = None
                continue
            e[k] = iso(prop.dt)
            tzid = prop.params.get('TZID')
            e[k + '_tzid'] = tzid
            if tzid:
                local = prop.dt.replace(tzinfo=None).replace(tzinfo=vtz.get(tzid))
                e[k + '_vtz'] = iso(local)
                e[k + '_vtz_offset'] = int(local.utcoffset().total_seconds())
        events.append(e)
    probes = {}
    probe = args.get('probe')
    if probe:
        first = datetime.strptime(probe['from'], '%Y-%m-%dT%H:%M:%SZ').replace(tzinfo=timezone.utc)
        for key in vtz.keys():
            zone = vtz.get(key)
            probes[key] = [
                int((first + timedelta(days=d)).astimezone(zone).utcoffset().total_seconds())
                for d in range(probe['days'])
            ]
    out.append({
        'name': text(cal.get('X-WR-CALNAME')),
        'prodid': text(cal.get('PRODID')),
        'method': text(cal.get('METHOD')),
        'timezones': sorted(vtz.keys()),
        'events': events,
        'probes': probes,
    })
print(json.dumps(out))
"#;

/// Noon UTC on each of `days` days from `from`: where the VTIMEZONE offsets are probed.
struct Probe {
    from: DateTime<Utc>,
    days: i64,
}

/// Parses every calendar with one Python process.
fn parse(calendars: &[&str], probe: Option<&Probe>) -> Vec<Value> {
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<String> = calendars
        .iter()
        .enumerate()
        .map(|(n, ics)| {
            let path = dir.path().join(format!("{n}.ics"));
            std::fs::write(&path, ics).unwrap();
            path.to_str().unwrap().to_string()
        })
        .collect();
    let mut args = json!({ "files": files });
    if let Some(p) = probe {
        args["probe"] = json!({ "from": iso(p.from), "days": p.days });
    }
    let out = Command::new("/usr/bin/python3")
        .args(["-c", SCRIPT, &args.to_string()])
        .output()
        .expect("/usr/bin/python3 with python3-icalendar and python3-dateutil");
    assert!(
        out.status.success(),
        "python: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let parsed: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(parsed.len(), calendars.len());
    parsed
}

fn iso(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn offset_at(t: DateTime<Utc>, zone: &str) -> i64 {
    let tz: Tz = zone.parse().unwrap();
    tz.offset_from_utc_datetime(&t.naive_utc())
        .fix()
        .local_minus_utc() as i64
}

fn uid(item: &Record<ItineraryItem>) -> String {
    format!("{}@delegation-planner", item.meta.uuid)
}

/// Every parsed event is one of `items`, in order, with the same instants through pytz and
/// through the exported VTIMEZONE, and the VTIMEZONE's offset is the zone's at that instant.
fn assert_events(parsed: &Value, items: &[&Record<ItineraryItem>]) {
    let events = parsed["events"].as_array().unwrap();
    assert_eq!(events.len(), items.len(), "one VEVENT per item");
    for (e, item) in events.iter().zip(items) {
        let i = &item.data;
        assert_eq!(e["uid"], uid(item));
        let ends = [
            ("dtstart", i.starts_at, i.time_zone.as_str()),
            (
                "dtend",
                i.ends_at,
                i.end_time_zone.as_deref().unwrap_or(&i.time_zone),
            ),
        ];
        for (key, instant, zone) in ends {
            assert_eq!(e[key], iso(instant), "{key} of {}", i.title);
            if e[format!("{key}_tzid")].is_string() {
                assert_eq!(e[format!("{key}_tzid")], zone, "{key} zone of {}", i.title);
                assert_eq!(
                    e[format!("{key}_vtz")],
                    iso(instant),
                    "{key} of {} through the VTIMEZONE",
                    i.title
                );
                assert_eq!(
                    e[format!("{key}_vtz_offset")],
                    offset_at(instant, zone),
                    "VTIMEZONE offset of {zone} at {instant}"
                );
            }
        }
    }
}

/// The VTIMEZONE offsets of `zone` at noon UTC each probed day are chrono-tz's.
fn assert_probes(parsed: &Value, zone: &str, probe: &Probe) {
    let got = parsed["probes"][zone].as_array().expect(zone);
    assert_eq!(got.len() as i64, probe.days);
    for (d, offset) in got.iter().enumerate() {
        let t = probe.from + Duration::days(d as i64);
        assert_eq!(offset, &json!(offset_at(t, zone)), "{zone} at {t}");
    }
}

fn at(date: (i32, u32, u32), time: (u32, u32), zone: &str) -> DateTime<Utc> {
    local_to_utc(
        NaiveDate::from_ymd_opt(date.0, date.1, date.2).unwrap(),
        NaiveTime::from_hms_opt(time.0, time.1, 0).unwrap(),
        zone,
    )
    .unwrap()
}

fn meta(id: i64, updated_at: DateTime<Utc>) -> Meta {
    Meta {
        id,
        uuid: format!("6b1f0c52-0000-4000-8000-{id:012}"),
        created_at: Utc.with_ymd_and_hms(2027, 1, 4, 2, 0, 0).unwrap(),
        updated_at,
        revision: 1,
    }
}

fn edited() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 2, 1, 3, 15, 0).unwrap()
}

fn stamp() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 3, 5, 9, 30, 0).unwrap()
}

fn item(title: &str, zone: &str, starts_at: DateTime<Utc>, minutes: i64) -> ItineraryItem {
    ItineraryItem {
        delegation_id: 1,
        kind: ItineraryKind::Meeting,
        title: title.into(),
        starts_at,
        ends_at: starts_at + Duration::minutes(minutes),
        time_zone: zone.into(),
        ..ItineraryItem::default()
    }
}

fn member(id: i64, name: &str, role: MemberRole) -> PlanMember {
    PlanMember {
        id,
        uuid: format!("member-{id}"),
        name: name.into(),
        role,
        contact_id: None,
        organization: None,
        phone: None,
        email: None,
        passport_number: None,
        passport_expiry: None,
        visa_status: VisaStatus::Issued,
        dietary_notes: None,
        protocol_notes: None,
    }
}

/// A delegation holding `items` (ids from 1001, in the order given, which is by start).
fn plan(zone: &str, items: Vec<ItineraryItem>) -> Plan {
    let mut counsellors = BTreeMap::new();
    counsellors.insert(
        7,
        PlanCounsellor {
            id: 7,
            full_name: "Tạ Đức Minh".into(),
            title: Some("Tham tán Thương mại".into()),
            phone: Some("+81 3 3466 3311".into()),
            email: None,
            office_name_vi: "Thương vụ Việt Nam tại Nhật Bản".into(),
            office_name_en: None,
            office_city: "Tokyo".into(),
            office_time_zone: "Asia/Tokyo".into(),
        },
    );
    Plan {
        delegation: Record {
            meta: meta(1, edited()),
            data: Delegation {
                title: "Đoàn xúc tiến thương mại, đầu tư".into(),
                time_zone: zone.into(),
                status: DelegationStatus::Approved,
                ..Delegation::default()
            },
        },
        members: vec![
            member(101, "Nguyễn Thị Hồng Nhung", MemberRole::Head),
            member(102, "Trần Đức Dương", MemberRole::Member),
        ],
        items: items
            .into_iter()
            .enumerate()
            .map(|(n, data)| Record {
                meta: meta(1001 + n as i64, edited()),
                data,
            })
            .collect(),
        counsellors,
        organizations: BTreeMap::from([(3, "Keidanren; Liên đoàn Kinh tế Nhật Bản".into())]),
        contacts: BTreeMap::from([
            (11, "Yamada Tarō".into()),
            (12, "Lê Thị Ánh, phiên dịch".into()),
        ]),
    }
}

/// The content lines, unfolded.
fn unfold(ics: &str) -> Vec<String> {
    ics.replace("\r\n ", "")
        .split_terminator("\r\n")
        .map(str::to_string)
        .collect()
}

/// The lines between `BEGIN:VTIMEZONE`/`TZID:zone` and its end.
fn vtimezone(ics: &str, zone: &str) -> Vec<String> {
    let lines = unfold(ics);
    let start = lines
        .iter()
        .position(|l| *l == format!("TZID:{zone}"))
        .unwrap_or_else(|| panic!("no VTIMEZONE for {zone}"));
    lines[start..]
        .iter()
        .take_while(|l| *l != "END:VTIMEZONE")
        .cloned()
        .collect()
}

#[test]
fn tokyo_meeting_at_ten_local() {
    let starts = at((2027, 3, 9), (10, 0), "Asia/Tokyo");
    assert_eq!(iso(starts), "2027-03-09T01:00:00Z");
    let p = plan(
        "Asia/Tokyo",
        vec![item("Làm việc với JETRO", "Asia/Tokyo", starts, 90)],
    );
    let ics = calendar(&p, None, stamp());
    let lines = unfold(&ics);
    assert!(lines.contains(&"DTSTART;TZID=Asia/Tokyo:20270309T100000".to_string()));
    assert!(lines.contains(&"DTEND;TZID=Asia/Tokyo:20270309T113000".to_string()));
    assert!(lines.contains(&"DTSTAMP:20270305T093000Z".to_string()));
    for header in [
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Đoàn xúc tiến thương mại\\, đầu tư",
    ] {
        assert!(lines.contains(&header.to_string()), "{header}");
    }
    // Japan has no daylight saving: one STANDARD observance, +0900 since 1951.
    let vtz = vtimezone(&ics, "Asia/Tokyo");
    assert_eq!(
        vtz.iter().filter(|l| *l == "BEGIN:STANDARD").count(),
        1,
        "{vtz:#?}"
    );
    assert!(!vtz.contains(&"BEGIN:DAYLIGHT".to_string()));
    assert!(vtz.contains(&"TZOFFSETTO:+0900".to_string()));

    let parsed = parse(&[&ics], None);
    let cal = &parsed[0];
    assert!(cal["prodid"]
        .as_str()
        .unwrap()
        .starts_with("-//Delegation Planner//"));
    assert!(cal["prodid"].as_str().unwrap().ends_with("//VI"));
    assert_eq!(cal["method"], "PUBLISH");
    assert_eq!(cal["name"], "Đoàn xúc tiến thương mại, đầu tư");
    assert_eq!(cal["timezones"], json!(["Asia/Tokyo"]));
    assert_events(cal, &p.items_for(None));
    assert_eq!(cal["events"][0]["dtstart_vtz_offset"], 9 * 3600);
}

#[test]
fn berlin_across_the_march_2027_change() {
    let z = "Europe/Berlin";
    // 28 March 2027, 02:00 CET → 03:00 CEST. The night session runs 01:30 CET → 03:30 CEST:
    // one hour of real time.
    let night = at((2027, 3, 28), (1, 30), z);
    assert_eq!(iso(night), "2027-03-28T00:30:00Z");
    let mut across = item("Phiên đàm phán đêm", z, night, 60);
    across.end_time_zone = Some(z.into());
    let p = plan(
        z,
        vec![
            item(
                "Gặp Phòng Thương mại Berlin",
                z,
                at((2027, 3, 26), (10, 0), z),
                90,
            ),
            across,
            item(
                "Thăm nhà máy Siemens",
                z,
                at((2027, 3, 29), (10, 0), z),
                120,
            ),
        ],
    );
    let ics = calendar(&p, None, stamp());
    let lines = unfold(&ics);
    for l in [
        "DTSTART;TZID=Europe/Berlin:20270326T100000",
        "DTSTART;TZID=Europe/Berlin:20270328T013000",
        "DTEND;TZID=Europe/Berlin:20270328T033000",
        "DTSTART;TZID=Europe/Berlin:20270329T100000",
    ] {
        assert!(lines.contains(&l.to_string()), "{l}");
    }
    // The observances of 2027, each with its exact onset in the local time before it.
    let vtz = vtimezone(&ics, z).join("\n");
    for block in [
        "BEGIN:STANDARD\nDTSTART:20261025T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nTZNAME:CET\nEND:STANDARD",
        "BEGIN:DAYLIGHT\nDTSTART:20270328T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200\nTZNAME:CEST\nEND:DAYLIGHT",
        "BEGIN:STANDARD\nDTSTART:20271031T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nTZNAME:CET\nEND:STANDARD",
    ] {
        assert!(vtz.contains(block), "{block}\nnot in\n{vtz}");
    }

    let probe = Probe {
        from: Utc.with_ymd_and_hms(2027, 1, 1, 12, 0, 0).unwrap(),
        days: 365,
    };
    let parsed = parse(&[&ics], Some(&probe));
    assert_events(&parsed[0], &p.items_for(None));
    let events = parsed[0]["events"].as_array().unwrap();
    assert_eq!(events[0]["dtstart_vtz_offset"], 3600);
    assert_eq!(events[1]["dtstart_vtz_offset"], 3600);
    assert_eq!(events[1]["dtend_vtz_offset"], 7200);
    assert_eq!(events[2]["dtstart_vtz_offset"], 7200);
    assert_probes(&parsed[0], z, &probe);
}

#[test]
fn los_angeles_to_hanoi_flight_crosses_the_date_line() {
    // Leaves LAX on Saturday 13 March 2027 at 23:30 PST, lands in Hanoi on Monday 15 March at
    // 07:30 after 17 hours in the air.
    let departs = at((2027, 3, 13), (23, 30), "America/Los_Angeles");
    let mut flight = item(
        "Bay LAX → HAN (VN 7101)",
        "America/Los_Angeles",
        departs,
        17 * 60,
    );
    flight.kind = ItineraryKind::Travel;
    flight.end_time_zone = Some("Asia/Ho_Chi_Minh".into());
    let p = plan("America/Los_Angeles", vec![flight]);
    let ics = calendar(&p, None, stamp());
    let lines = unfold(&ics);
    assert!(lines.contains(&"DTSTART;TZID=America/Los_Angeles:20270313T233000".to_string()));
    assert!(lines.contains(&"DTEND;TZID=Asia/Ho_Chi_Minh:20270315T073000".to_string()));
    assert!(lines.contains(&"CATEGORIES:Di chuyển".to_string()));
    // Los Angeles springs forward on 14 March 2027, the day after departure.
    let la = vtimezone(&ics, "America/Los_Angeles").join("\n");
    assert!(la.contains(
        "BEGIN:DAYLIGHT\nDTSTART:20270314T020000\nTZOFFSETFROM:-0800\nTZOFFSETTO:-0700\nTZNAME:PDT"
    ));

    let probe = Probe {
        from: Utc.with_ymd_and_hms(2027, 1, 1, 12, 0, 0).unwrap(),
        days: 365,
    };
    let parsed = parse(&[&ics], Some(&probe));
    let cal = &parsed[0];
    assert_eq!(
        cal["timezones"],
        json!(["America/Los_Angeles", "Asia/Ho_Chi_Minh"])
    );
    assert_events(cal, &p.items_for(None));
    let e = &cal["events"][0];
    assert_eq!(e["dtstart_vtz_offset"], -8 * 3600);
    assert_eq!(e["dtend_vtz_offset"], 7 * 3600);
    let start = DateTime::parse_from_rfc3339(e["dtstart"].as_str().unwrap()).unwrap();
    let end = DateTime::parse_from_rfc3339(e["dtend"].as_str().unwrap()).unwrap();
    assert_eq!(end - start, Duration::hours(17));
    let start = DateTime::parse_from_rfc3339(e["dtstart_vtz"].as_str().unwrap()).unwrap();
    let end = DateTime::parse_from_rfc3339(e["dtend_vtz"].as_str().unwrap()).unwrap();
    assert_eq!(end - start, Duration::hours(17));
    assert_eq!(cal["events"][0]["categories"], json!(["Di chuyển"]));
    assert_probes(cal, "America/Los_Angeles", &probe);
    assert_probes(cal, "Asia/Ho_Chi_Minh", &probe);
}

#[test]
fn vietnamese_text_round_trips() {
    let title =
        "Hội đàm với Tập đoàn Điện lực, Ngân hàng; Quỹ đầu tư\nPhiên 2: \"Đổi mới\" — ưu đãi 10%";
    let notes = "Mang theo: hồ sơ dự án, quà tặng; danh thiếp.\nLưu ý: đường dẫn C:\\Hồ sơ\\Điện lực\n\nGặp lúc 09:30, cổng số 3.";
    let starts = at((2027, 3, 10), (14, 0), "Asia/Tokyo");
    let mut i = item(title, "Asia/Tokyo", starts, 60);
    i.venue = Some("Trụ sở Keidanren, tầng 5".into());
    i.address = Some("1-3-2 Otemachi; Chiyoda-ku, Tokyo".into());
    i.organization_id = Some(3);
    i.counsellor_id = Some(7);
    i.contact_ids = vec![11, 12];
    i.attendee_ids = vec![101, 102];
    i.notes = Some(notes.into());
    let p = plan("Asia/Tokyo", vec![i]);
    let ics = calendar(&p, Some(101), stamp());
    let parsed = parse(&[&ics], None);
    let cal = &parsed[0];
    assert_eq!(
        cal["name"],
        "Đoàn xúc tiến thương mại, đầu tư — Nguyễn Thị Hồng Nhung"
    );
    assert_events(cal, &p.items_for(Some(101)));
    let e = &cal["events"][0];
    assert_eq!(e["summary"], title);
    assert_eq!(
        e["location"],
        "Trụ sở Keidanren, tầng 5, 1-3-2 Otemachi; Chiyoda-ku, Tokyo"
    );
    assert_eq!(e["categories"], json!(["Gặp gỡ"]));
    let description = e["description"].as_str().unwrap();
    let expected = format!(
        "Loại: Gặp gỡ\n\
         Đơn vị: Keidanren; Liên đoàn Kinh tế Nhật Bản\n\
         Phụ trách: Tạ Đức Minh (Tham tán Thương mại) — ĐT: +81 3 3466 3311\n\
         Người liên hệ: Yamada Tarō, Lê Thị Ánh, phiên dịch\n\
         Thành phần: Nguyễn Thị Hồng Nhung, Trần Đức Dương\n\
         Giờ Hà Nội: 12:00 10/03/2027 – 13:00 10/03/2027\n\
         Ghi chú: {notes}"
    );
    assert_eq!(description, expected);
}

#[test]
fn lines_end_in_crlf_and_fold_at_75_octets() {
    // Long lines of two- and three-octet characters, so folds fall next to them.
    let title = "Đoàn xúc tiến đầu tư Hà Nội làm việc với Hiệp hội Doanh nghiệp Nhật Bản tại Việt Nam về Khu Công nghệ cao Hòa Lạc ".repeat(3);
    let mut i = item(
        &title,
        "Asia/Tokyo",
        at((2027, 3, 9), (9, 0), "Asia/Tokyo"),
        60,
    );
    i.notes = Some(
        "Ưu đãi thuế; ưu đãi đất đai, hỗ trợ đào tạo nguồn nhân lực chất lượng cao.\n".repeat(6),
    );
    i.venue =
        Some("ĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐ ệệệệệệệệệệệệệệệệệệệệệệệệệệệệệệệ".into());
    let p = plan("Asia/Tokyo", vec![i]);
    let ics = calendar(&p, None, stamp());
    let bytes = ics.as_bytes();

    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    // Every line ends in CRLF: no lone CR or LF anywhere.
    for (n, b) in bytes.iter().enumerate() {
        if *b == b'\n' {
            assert_eq!(bytes[n - 1], b'\r', "LF without CR at {n}");
        }
        if *b == b'\r' {
            assert_eq!(bytes.get(n + 1), Some(&b'\n'), "CR without LF at {n}");
        }
    }
    let physical: Vec<&[u8]> = bytes
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| &l[..l.len() - 1])
        .collect();
    let mut folded = 0;
    let mut longest = 0;
    for line in &physical {
        assert!(
            line.len() <= 75,
            "{} octets: {:?}",
            line.len(),
            String::from_utf8_lossy(line)
        );
        longest = longest.max(line.len());
        // No character is cut in two: each physical line is valid UTF-8 on its own.
        assert!(
            std::str::from_utf8(line).is_ok(),
            "split character in {line:?}"
        );
        if line.first() == Some(&b' ') {
            folded += 1;
        }
    }
    assert!(folded >= 10, "long lines are folded ({folded})");
    assert!(longest >= 73, "folds use the room there is ({longest})");
    // Unfolding (CRLF + one space removed) gives back valid UTF-8 and the escaped values.
    let unfolded = String::from_utf8(bytes.to_vec())
        .unwrap()
        .replace("\r\n ", "");
    let summary = format!("SUMMARY:{}", title.trim());
    assert!(unfolded.split("\r\n").any(|l| l == summary));
    let venue = unfolded
        .split("\r\n")
        .find(|l| l.starts_with("LOCATION:"))
        .unwrap();
    assert!(venue.ends_with("ệệệệệệệệệệệệệệệệệệệệệệệệệệệệệệệ"));
}

#[test]
fn member_calendar_holds_only_that_members_items() {
    let p = synthetic_plan(3, 5, 6);
    let whole = calendar(&p, None, stamp());
    let mine = calendar(&p, Some(101), stamp());
    let all = p.items_for(None);
    let theirs = p.items_for(Some(101));
    assert!(!theirs.is_empty() && theirs.len() < all.len());

    let parsed = parse(&[&whole, &mine], None);
    assert_events(&parsed[0], &all);
    assert_events(&parsed[1], &theirs);
    assert_eq!(parsed[0]["name"], p.delegation.data.title);
    let name = parsed[1]["name"].as_str().unwrap();
    assert!(name.starts_with(&p.delegation.data.title));
    assert!(name.ends_with(&p.member(101).unwrap().name));

    let uids = |cal: &Value| -> Vec<String> {
        cal["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["uid"].as_str().unwrap().to_string())
            .collect()
    };
    let whole_uids = uids(&parsed[0]);
    let mine_uids = uids(&parsed[1]);
    for u in &mine_uids {
        assert!(whole_uids.contains(u), "{u} is the same event in both");
    }
    let expected: Vec<String> = theirs.iter().map(|i| uid(i)).collect();
    assert_eq!(mine_uids, expected);
    for e in parsed[1]["events"].as_array().unwrap() {
        let d = e["description"].as_str().unwrap();
        assert!(d.contains(&p.member(101).unwrap().name), "{d}");
    }
}

#[test]
fn exports_differ_only_in_their_stamp() {
    let p = synthetic_plan(2, 3, 4);
    let first = calendar(&p, None, stamp());
    assert_eq!(
        first,
        calendar(&p, None, stamp()),
        "same inputs, same bytes"
    );
    let later = calendar(&p, None, stamp() + Duration::days(9));
    let uids = |ics: &str| -> Vec<String> {
        unfold(ics)
            .into_iter()
            .filter(|l| l.starts_with("UID:"))
            .collect()
    };
    assert_eq!(uids(&first).len(), 6);
    assert_eq!(uids(&first), uids(&later));
    let without_stamp = |ics: &str| -> Vec<String> {
        unfold(ics)
            .into_iter()
            .filter(|l| !l.starts_with("DTSTAMP:"))
            .collect()
    };
    assert_eq!(without_stamp(&first), without_stamp(&later));
    assert!(later.contains("DTSTAMP:20270314T093000Z"));
}

#[test]
fn sequence_grows_with_each_change() {
    let mut p = plan(
        "Asia/Tokyo",
        vec![item(
            "Gặp JETRO",
            "Asia/Tokyo",
            at((2027, 3, 9), (10, 0), "Asia/Tokyo"),
            60,
        )],
    );
    let value = |ics: &str, name: &str| -> String {
        unfold(ics)
            .into_iter()
            .find_map(|l| l.strip_prefix(&format!("{name}:")).map(str::to_string))
            .unwrap()
    };
    let before = calendar(&p, None, stamp());
    assert_eq!(value(&before, "LAST-MODIFIED"), "20270201T031500Z");
    p.items[0].meta.updated_at = edited() + Duration::minutes(5);
    p.items[0].data.title = "Gặp JETRO (đổi giờ)".into();
    let after = calendar(&p, None, stamp());
    assert_eq!(value(&after, "LAST-MODIFIED"), "20270201T032000Z");
    let (a, b): (i64, i64) = (
        value(&before, "SEQUENCE").parse().unwrap(),
        value(&after, "SEQUENCE").parse().unwrap(),
    );
    assert_eq!(b - a, 5);
    assert_eq!(value(&before, "UID"), value(&after, "UID"));
}

#[test]
fn repeated_hour_when_clocks_go_back_is_written_in_utc() {
    let z = "Europe/Berlin";
    // 31 October 2027: 03:00 CEST → 02:00 CET, so 02:30 happens twice. A TZID time means the
    // first; the second is written in UTC.
    let first = Utc.with_ymd_and_hms(2027, 10, 31, 0, 30, 0).unwrap();
    let second = Utc.with_ymd_and_hms(2027, 10, 31, 1, 30, 0).unwrap();
    let p = plan(z, vec![item("Chuyến tàu đêm", z, second, 60)]);
    let ics = calendar(&p, None, stamp());
    let lines = unfold(&ics);
    assert!(
        lines.contains(&"DTSTART:20271031T013000Z".to_string()),
        "{lines:#?}"
    );
    assert!(lines.contains(&"DTEND;TZID=Europe/Berlin:20271031T033000".to_string()));
    let parsed = parse(&[&ics], None);
    assert_events(&parsed[0], &p.items_for(None));

    let p = plan(z, vec![item("Chuyến tàu đêm", z, first, 30)]);
    let lines = unfold(&calendar(&p, None, stamp()));
    assert!(lines.contains(&"DTSTART;TZID=Europe/Berlin:20271031T023000".to_string()));
}

#[test]
fn unknown_zone_is_hanoi_time() {
    let starts = Utc.with_ymd_and_hms(2027, 3, 9, 1, 0, 0).unwrap();
    let p = plan(
        "Asia/Tokyo",
        vec![item("Họp trực tuyến", "Nowhere/Atlantis", starts, 45)],
    );
    let lines = unfold(&calendar(&p, None, stamp()));
    assert!(lines.contains(&"DTSTART;TZID=Asia/Ho_Chi_Minh:20270309T080000".to_string()));
    assert!(lines.contains(&"TZID:Asia/Ho_Chi_Minh".to_string()));
    assert!(!lines.iter().any(|l| l.contains("Atlantis")));
}
