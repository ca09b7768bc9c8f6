//! The printed itinerary read back with poppler: local and Hanoi times, exact Vietnamese,
//! embedded subset fonts, page numbers, the three languages, member copies, reproducible bytes
//! and a long programme.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use planner_core::domain::{BriefLanguage, ItineraryKind};
use planner_core::itinerary::sample::synthetic_plan;
use planner_core::itinerary::to_pdf::{default_file_name, itinerary_pdf, PrintOptions};
use planner_core::itinerary::Plan;
use planner_core::time::local_to_utc;
use std::path::Path;
use std::process::Command;

fn tool(cmd: &str, args: &[&str]) -> String {
    let out = Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{cmd} must be installed: {e}"));
    assert!(
        out.status.success(),
        "{cmd} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Writes `bytes` into `dir` and returns the path.
fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn text(pdf: &Path) -> String {
    tool("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"])
}

fn at(date: (i32, u32, u32), time: (u32, u32), zone: &str) -> DateTime<Utc> {
    local_to_utc(
        NaiveDate::from_ymd_opt(date.0, date.1, date.2).unwrap(),
        NaiveTime::from_hms_opt(time.0, time.1, 0).unwrap(),
        zone,
    )
    .unwrap()
}

fn generated() -> DateTime<Utc> {
    // 16:30 in Hanoi.
    Utc.with_ymd_and_hms(2027, 3, 5, 9, 30, 0).unwrap()
}

fn options(language: BriefLanguage, member_id: Option<i64>) -> PrintOptions {
    PrintOptions {
        member_id,
        language,
    }
}

/// A two-day Tokyo programme: a whole-delegation meeting at 10:00 JST, a meeting only member
/// 101 attends, and the flight home (Tokyo → Hanoi).
fn plan() -> Plan {
    let mut plan = synthetic_plan(2, 3, 4);
    plan.members[0].organization = Some("UBND Thành phố Hà Nội".into());
    plan.members[1].organization = Some("Sở Công Thương Hà Nội".into());
    plan.organizations.insert(7, "JETRO Tokyo".into());
    plan.contacts.insert(9, "Satō Kenji".into());
    let template = plan.items[0].clone();
    let mut meeting = template.clone();
    meeting.meta.id = 1;
    meeting.data.title = "Làm việc với JETRO về chuỗi cung ứng bán dẫn".into();
    meeting.data.kind = ItineraryKind::Meeting;
    meeting.data.starts_at = at((2027, 3, 8), (10, 0), "Asia/Tokyo");
    meeting.data.ends_at = meeting.data.starts_at + Duration::minutes(75);
    meeting.data.attendee_ids = vec![];
    meeting.data.organization_id = Some(7);
    meeting.data.contact_ids = vec![9];
    meeting.data.notes = Some("Mang theo hồ sơ dự án Hòa Lạc".into());

    let mut private = template.clone();
    private.meta.id = 2;
    private.data.title = "Gặp riêng Tập đoàn Sumitomo".into();
    private.data.starts_at = at((2027, 3, 8), (14, 0), "Asia/Tokyo");
    private.data.ends_at = private.data.starts_at + Duration::minutes(90);
    private.data.attendee_ids = vec![101];

    let mut flight = template;
    flight.meta.id = 3;
    flight.data.title = "Chuyến bay VN301 Narita – Nội Bài".into();
    flight.data.kind = ItineraryKind::Travel;
    flight.data.starts_at = at((2027, 3, 9), (9, 30), "Asia/Tokyo");
    flight.data.ends_at = at((2027, 3, 9), (13, 45), "Asia/Ho_Chi_Minh");
    flight.data.end_time_zone = Some("Asia/Ho_Chi_Minh".into());
    flight.data.venue = Some("Sân bay Narita, nhà ga 1".into());
    flight.data.address = None;
    flight.data.attendee_ids = vec![];

    plan.items = vec![meeting, private, flight];
    plan
}

fn line_with<'a>(all: &'a str, needle: &str) -> &'a str {
    all.lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no line with «{needle}» in:\n{all}"))
}

#[test]
fn vietnamese_itinerary_shows_local_and_hanoi_times_and_exact_text() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan();
    let bytes = itinerary_pdf(&plan, &options(BriefLanguage::Vi, None), generated()).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let path = write(dir.path(), "lich-trinh.pdf", &bytes);
    let all = text(&path);

    // Tokyo 10:00 is 08:00 in Hanoi, on the same row.
    let row = line_with(&all, "10:00–11:15 JST");
    assert!(row.contains("08:00–09:15"), "Hanoi time on the row: {row}");
    // The flight: departure in Tokyo time, arrival in Hanoi time.
    let dep = line_with(&all, "Đi 09:30 JST");
    assert!(dep.contains("07:30–13:45"), "{dep}");
    assert!(all.contains("Đến 13:45 UTC+7"), "{all}");

    for expected in [
        "Đoàn xúc tiến đầu tư Hà Nội tại Nhật Bản",
        "LỊCH TRÌNH CÔNG TÁC",
        "Lịch trình — Đoàn xúc tiến đầu tư Hà Nội tại Nhật Bản",
        "Giới thiệu Khu Công nghệ cao Hòa Lạc với nhà đầu tư Nhật Bản",
        "Trưởng đoàn",
        "Nguyễn Thị Hồng Nhung 1",
        "UBND Thành phố Hà Nội",
        "Cán bộ phụ trách",
        "Tokyo, Nhật Bản",
        "08/03/2027 – 09/03/2027 (2 ngày)",
        "JST (UTC+9), nhanh hơn giờ Hà Nội 2 giờ",
        "Tham tán phụ trách",
        "Tạ Đức Minh",
        "Thương vụ Việt Nam tại Nhật Bản",
        "+81 3 3466 3311",
        "Thành phần đoàn",
        "Sở Công Thương Hà Nội",
        "Phiên dịch",
        "Tạo lúc 05/03/2027 16:30 (giờ Hà Nội)",
        "Ngày 1 — Thứ Hai, 08/03/2027",
        "Ngày 2 — Thứ Ba, 09/03/2027",
        "Giờ địa phương",
        "Giờ Hà Nội",
        "Nội dung",
        "Địa điểm",
        "Thành phần",
        "Cả đoàn",
        "Làm việc với JETRO",
        "(Gặp gỡ)",
        "Đối tác: JETRO Tokyo",
        "Liên hệ: Satō Kenji",
        "Gặp riêng Tập đoàn",
        "Sumitomo",
        "Trần Đức Dương 2",
        "(Di chuyển)",
        "Trang 1/",
    ] {
        assert!(
            all.contains(expected),
            "pdftotext lacks «{expected}»:\n{all}"
        );
    }
    assert!(
        !all.contains("Bản dành cho"),
        "the delegation copy is nobody's"
    );
    assert!(
        !all.contains("Whole delegation"),
        "no English in the vi copy"
    );

    let pages: usize = tool("pdfinfo", &[path.to_str().unwrap()])
        .lines()
        .find_map(|l| l.strip_prefix("Pages:").map(|n| n.trim().parse().unwrap()))
        .unwrap();
    assert!(pages >= 3, "a cover and a page per day: {pages}");
    assert!(all.contains(&format!("Trang {pages}/{pages}")), "{all}");

    let fonts = tool("pdffonts", &[path.to_str().unwrap()]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(rows.len() >= 2, "{fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        assert_eq!(
            (cols[n - 5], cols[n - 4]),
            ("yes", "yes"),
            "embedded and subset: {row}"
        );
        assert!(
            cols[0].contains('+') && cols[0].contains("NotoSans"),
            "{row}"
        );
    }
    tool("qpdf", &["--check", path.to_str().unwrap()]);
}

#[test]
fn english_and_bilingual_copies_use_their_labels() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan();
    let en = text(&write(
        dir.path(),
        "en.pdf",
        &itinerary_pdf(&plan, &options(BriefLanguage::En, None), generated()).unwrap(),
    ));
    let row = line_with(&en, "10:00–11:15 JST");
    assert!(row.contains("08:00–09:15"), "{row}");
    for expected in [
        "DELEGATION ITINERARY",
        "Itinerary — Đoàn xúc tiến đầu tư Hà Nội tại Nhật Bản",
        "Head of delegation",
        "Lead officer",
        "Tokyo, Japan",
        "08/03/2027 – 09/03/2027 (2 days)",
        "JST (UTC+9), 2 hours ahead of Hanoi",
        "Counsellors in charge",
        "Vietnam Trade Office in Japan",
        "+81 3 3466 3311",
        "Delegation members",
        "Interpreter",
        "Generated at 05/03/2027 16:30 (Hanoi time)",
        "Day 1 — Monday, 08/03/2027",
        "Day 2 — Tuesday, 09/03/2027",
        "Local time",
        "Hanoi time",
        "Venue",
        "Attendees",
        "Whole delegation",
        "(Meeting)",
        "Partner: JETRO Tokyo",
        "Dep. 09:30 JST",
        "Arr. 13:45 UTC+7",
        "Page 1 of ",
    ] {
        assert!(en.contains(expected), "en lacks «{expected}»:\n{en}");
    }
    for absent in ["Trưởng đoàn", "Cả đoàn", "Giờ Hà Nội", "Trang 1/"] {
        assert!(!en.contains(absent), "en has «{absent}»");
    }

    let bi = text(&write(
        dir.path(),
        "bi.pdf",
        &itinerary_pdf(&plan, &options(BriefLanguage::Bi, None), generated()).unwrap(),
    ));
    let row = line_with(&bi, "10:00–11:15 JST");
    assert!(row.contains("08:00–09:15"), "{row}");
    for expected in [
        "LỊCH TRÌNH CÔNG TÁC / DELEGATION ITINERARY",
        "Trưởng đoàn / Head of delegation",
        "Tham tán phụ trách / Counsellors in charge",
        "Tokyo, Nhật Bản / Japan",
        "Tạo lúc / Generated at 05/03/2027 16:30 (giờ Hà Nội / Hanoi time)",
        "Ngày 1 — Thứ Hai / Day 1 — Monday, 08/03/2027",
        "Giờ Hà Nội",
        "Hanoi time",
        "Cả đoàn",
        "Whole delegation",
        "(Gặp gỡ / Meeting)",
        "+81 3 3466 3311",
        "Trang 1/",
        "Page 1 of ",
    ] {
        assert!(bi.contains(expected), "bi lacks «{expected}»:\n{bi}");
    }
}

#[test]
fn a_member_copy_holds_only_that_members_items() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan();
    let mine = text(&write(
        dir.path(),
        "101.pdf",
        &itinerary_pdf(&plan, &options(BriefLanguage::Vi, Some(101)), generated()).unwrap(),
    ));
    for expected in [
        "LỊCH TRÌNH CÁ NHÂN",
        "Bản dành cho: Trần Đức Dương 2",
        "Gặp riêng Tập đoàn",
        "Sumitomo",
        "Làm việc với JETRO",
        "+81 3 3466 3311",
    ] {
        assert!(mine.contains(expected), "«{expected}»:\n{mine}");
    }
    assert!(
        !mine.contains("Thành phần đoàn"),
        "no member list on a member copy"
    );

    let other = text(&write(
        dir.path(),
        "102.pdf",
        &itinerary_pdf(&plan, &options(BriefLanguage::Vi, Some(102)), generated()).unwrap(),
    ));
    assert!(other.contains("Bản dành cho: Lê Quang Tường 3"), "{other}");
    assert!(other.contains("Làm việc với JETRO"));
    assert!(other.contains("Chuyến bay VN301"));
    assert!(
        !other.contains("Sumitomo"),
        "member 102 does not attend the private meeting:\n{other}"
    );

    // Someone who is not on the delegation gets no copy.
    assert!(itinerary_pdf(&plan, &options(BriefLanguage::Vi, Some(999)), generated()).is_err());
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let plan = plan();
    for language in [BriefLanguage::Vi, BriefLanguage::En, BriefLanguage::Bi] {
        let o = options(language, Some(101));
        let a = itinerary_pdf(&plan, &o, generated()).unwrap();
        let b = itinerary_pdf(&plan, &o, generated()).unwrap();
        assert!(a == b, "{language:?}: two renders differ");
    }
    let o = options(BriefLanguage::Vi, None);
    let later = generated() + Duration::minutes(5);
    assert_ne!(
        itinerary_pdf(&plan, &o, generated()).unwrap(),
        itinerary_pdf(&plan, &o, later).unwrap(),
        "the generation time is printed"
    );
}

#[test]
fn file_names_are_ascii() {
    let plan = plan();
    assert_eq!(
        default_file_name(&plan, &options(BriefLanguage::Vi, None)),
        "lich-trinh-doan-xuc-tien-dau-tu-ha-noi-tai-nhat-ban-vi.pdf"
    );
    assert_eq!(
        default_file_name(&plan, &options(BriefLanguage::Bi, Some(101))),
        "lich-trinh-doan-xuc-tien-dau-tu-ha-noi-tai-nhat-ban-tran-duc-duong-2-bi.pdf"
    );
}

#[test]
fn a_ten_day_programme_has_every_day() {
    let dir = tempfile::tempdir().unwrap();
    let plan = synthetic_plan(10, 8, 12);
    assert_eq!(plan.items.len(), 80);
    let o = options(BriefLanguage::Vi, None);
    // Warm the engine (fonts are parsed once per process), then time a few renders.
    let bytes = itinerary_pdf(&plan, &o, generated()).unwrap();
    let runs = 5;
    let start = std::time::Instant::now();
    for _ in 0..runs {
        std::hint::black_box(itinerary_pdf(&plan, &o, generated()).unwrap());
    }
    eprintln!(
        "itinerary_pdf(synthetic_plan(10, 8, 12)): {:.1} ms per render, {} bytes",
        start.elapsed().as_secs_f64() * 1000.0 / runs as f64,
        bytes.len()
    );
    let all = text(&write(dir.path(), "ten.pdf", &bytes));
    let weekdays = [
        "Thứ Hai",
        "Thứ Ba",
        "Thứ Tư",
        "Thứ Năm",
        "Thứ Sáu",
        "Thứ Bảy",
        "Chủ Nhật",
    ];
    for n in 0..10u32 {
        let heading = format!(
            "Ngày {} — {}, {:02}/03/2027",
            n + 1,
            weekdays[n as usize % 7],
            8 + n
        );
        assert!(all.contains(&heading), "lacks «{heading}»");
    }
    assert_eq!(
        all.matches("10:00–11:15 JST").count(),
        0,
        "items start on the hour and a half"
    );
    assert_eq!(
        all.matches("08:00–09:15 JST").count(),
        10,
        "each day's first item"
    );
}

#[test]
fn an_empty_plan_prints_its_cover_and_late_items_show_the_hanoi_date() {
    let dir = tempfile::tempdir().unwrap();
    let mut empty = synthetic_plan(1, 0, 0);
    empty.delegation.data.start_date = None;
    empty.delegation.data.end_date = None;
    let all = text(&write(
        dir.path(),
        "empty.pdf",
        &itinerary_pdf(&empty, &options(BriefLanguage::Vi, None), generated()).unwrap(),
    ));
    assert!(all.contains("Lịch trình chưa có hoạt động nào."), "{all}");
    assert!(all.contains("chưa xác định"), "{all}");
    assert!(all.contains("Trang 1/1"), "{all}");

    // 20:00 in Berlin (CET) is 02:00 the next morning in Hanoi.
    let mut berlin = plan();
    let item = &mut berlin.items[0].data;
    item.time_zone = "Europe/Berlin".into();
    item.starts_at = at((2027, 3, 8), (20, 0), "Europe/Berlin");
    item.ends_at = item.starts_at + Duration::minutes(90);
    berlin.items.sort_by_key(|i| i.data.starts_at);
    let all = text(&write(
        dir.path(),
        "berlin.pdf",
        &itinerary_pdf(&berlin, &options(BriefLanguage::En, None), generated()).unwrap(),
    ));
    let row = line_with(&all, "20:00–21:30 CET");
    assert!(row.contains("02:00–03:30"), "{row}");
    let next = all
        .lines()
        .skip_while(|l| !l.contains("20:00–21:30 CET"))
        .nth(1)
        .unwrap();
    assert!(
        next.contains("(09/03)"),
        "the Hanoi date under the Hanoi time: {next}"
    );
}

/// The words that had drifted apart (the PDF said "Làm việc" and "Đã đề xuất" where the `.ics`
/// said "Gặp gỡ" and the workflow "Đề xuất") now come from the one source: the printed
/// itinerary, the calendar and the workflow's refusal name a meeting and a status alike.
#[test]
fn printed_itinerary_calendar_and_workflow_use_the_same_words() {
    use planner_core::domain::DelegationStatus;
    use planner_core::itinerary::workflow::refusals;
    use planner_core::itinerary::{ics::calendar, CheckOptions, Transition};
    use planner_core::labels::Labelled;

    let dir = tempfile::tempdir().unwrap();
    let mut plan = plan();
    plan.delegation.data.status = DelegationStatus::Proposed;
    let bytes = itinerary_pdf(&plan, &options(BriefLanguage::Vi, None), generated()).unwrap();
    let pdf = text(&write(dir.path(), "lich-trinh.pdf", &bytes));
    let ics = calendar(&plan, None, generated());

    let meeting = ItineraryKind::Meeting.label().vi;
    assert_eq!(meeting, "Gặp gỡ");
    assert!(pdf.contains(&format!("({meeting})")), "{pdf}");
    assert!(ics.contains(&format!("CATEGORIES:{meeting}")), "{ics}");

    let proposed = DelegationStatus::Proposed.label().vi;
    assert_eq!(proposed, "Đề xuất");
    assert!(line_with(&pdf, "Trạng thái").contains(proposed), "{pdf}");
    let refused = refusals(
        &plan,
        &Transition {
            to: DelegationStatus::Reported,
            by: None,
        },
        &CheckOptions::default(),
        generated(),
    );
    let message = &refused[0].message_vi;
    assert!(message.contains(&format!("«{proposed}»")), "{message}");
    assert!(
        message.contains(DelegationStatus::Cancelled.label().vi),
        "{message}"
    );
}
