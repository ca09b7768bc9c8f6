//! Contact import and export: every format from its fixture (Excel, LibreOffice, tab-separated,
//! UTF-16 "Unicode text", Google, Outlook, vCard 3.0 and 4.0), hostile files (bad bytes, ragged
//! rows, a 10 MB field, formulas, empty and header-only files), the CSV and vCard round trips,
//! exported vCards read back by Python's `vobject`, and phone normalisation.

use chrono::NaiveDate;
use planner_core::contacts_io::*;
use planner_core::domain::{ConsentBasis, Contact, Labelled};
use planner_core::CoreError;
use serde_json::{json, Value};
use std::process::Command;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/contacts/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn parse_ok(bytes: &[u8]) -> Parsed {
    parse(bytes, None, None).unwrap_or_else(|e| panic!("parse failed: {e}"))
}

fn file_error(bytes: &[u8]) -> (String, String, String) {
    match parse(bytes, None, None) {
        Err(CoreError::Invalid(errs)) => {
            assert_eq!(errs.len(), 1, "{errs:?}");
            let e = errs.into_iter().next().unwrap();
            (e.field, e.code, e.message_en)
        }
        Err(other) => panic!("expected a file error, got {other}"),
        Ok(p) => panic!("expected a file error, got {p:?}"),
    }
}

fn l(label: &str, value: &str) -> Labelled {
    Labelled {
        label: label.into(),
        value: value.into(),
    }
}

fn row<'a>(p: &'a Parsed, name: &str) -> &'a ImportedContact {
    p.rows
        .iter()
        .find(|r| r.contact.full_name == name)
        .unwrap_or_else(|| panic!("no row named {name:?} in {:#?}", p.rows))
}

fn error_lines(p: &Parsed) -> Vec<(u32, &str, &str)> {
    p.errors
        .iter()
        .map(|e| (e.line, e.field.as_str(), e.code.as_str()))
        .collect()
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn excel_csv_with_bom_and_semicolons() {
    let bytes = fixture("excel_semicolon_bom.csv");
    assert_eq!(detect_format(&bytes), ImportFormat::Csv);
    let p = parse_ok(&bytes);
    assert_eq!(p.format, ImportFormat::Csv);
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    assert_eq!(
        p.columns[0], "Họ và tên",
        "BOM removed from the first header"
    );
    let targets: Vec<Target> = p.mapping.iter().map(|m| m.target).collect();
    assert_eq!(
        targets,
        [
            Target::FullName,
            Target::Title,
            Target::Organization,
            Target::Email,
            Target::Phone,
            Target::Phone,
            Target::Nationality,
            Target::Language,
            Target::Notes,
            Target::ConsentBasis,
            Target::ConsentDate,
        ]
    );
    assert_eq!(p.mapping[5].label.as_deref(), Some("mobile"), "Di động");
    assert_eq!(p.rows.len(), 3, "the all-empty last row is skipped");

    let n = row(&p, "Nguyễn Thị Hồng Nhung");
    assert_eq!(n.line, 2);
    assert_eq!(n.organization.as_deref(), Some("Công ty TNHH Hòa Lạc"));
    assert_eq!(n.contact.organization_id, None);
    assert_eq!(n.contact.title.as_deref(), Some("Giám đốc"));
    assert_eq!(
        n.contact.emails,
        [l("", "nhung.nth@hoalac.example")],
        "no label column: empty label"
    );
    assert_eq!(
        n.contact.phones,
        [l("", "+842438251234"), l("mobile", "+84912345678")]
    );
    assert_eq!(n.contact.languages, ["vi", "en"]);
    assert_eq!(n.contact.nationality.as_deref(), Some("VN"));
    assert_eq!(n.contact.consent_basis, ConsentBasis::Consent, "«Đồng ý»");
    assert_eq!(n.contact.consent_date, date(2025, 3, 15), "dd/mm/yyyy");

    // Typed in NFD (macOS); stored NFC.
    let d = row(&p, "Trần Văn Đức");
    assert_eq!(d.line, 3);
    assert_eq!(d.organization.as_deref(), Some("Tổng công ty Sông Đà"));
    assert_eq!(d.contact.nationality.as_deref(), Some("VN"), "«Việt Nam»");
    assert_eq!(
        d.contact.consent_basis,
        ConsentBasis::Contract,
        "«hợp đồng»"
    );
    assert_eq!(d.contact.consent_date, date(2025, 1, 2));

    let k = row(&p, "Tanaka Kenji");
    assert_eq!(k.contact.phones, [l("", "+81334663311")]);
    assert_eq!(
        k.contact.notes.as_deref(),
        Some("Thích cà phê; không hút thuốc")
    );
    assert_eq!(k.contact.consent_date, None);
}

#[test]
fn libreoffice_csv_with_quoted_newlines_reports_physical_lines() {
    let p = parse_ok(&fixture("libreoffice_quoted_newlines.csv"));
    let lines: Vec<u32> = p.rows.iter().map(|r| r.line).collect();
    assert_eq!(
        lines,
        [2, 5],
        "a row spanning three lines moves the next ones"
    );
    // A name with a line break (line 6-7) is refused by the contact's rules.
    assert_eq!(error_lines(&p), [(6, "full_name", "line_break")]);
    let t = row(&p, "Lê Minh Tuấn");
    assert_eq!(
        t.organization.as_deref(),
        Some("Sở Kế hoạch và Đầu tư, Hà Nội")
    );
    assert_eq!(
        t.contact.notes.as_deref(),
        Some("Dòng một\nDòng hai, có dấu phẩy\nDòng ba \"trích dẫn\"")
    );
    assert_eq!(
        t.uuid.as_deref(),
        Some("3f1c2a9e-8a51-4c3e-9b0e-5d7e1f2a3b4c")
    );
    assert_eq!(t.contact.phones, [l("", "+842438255555")]);
    assert_eq!(
        row(&p, "Park Ji-won").contact.phones,
        [l("", "+8227291114")]
    );
}

#[test]
fn quoted_name_with_line_break_is_a_row_error_at_its_first_line() {
    let p = parse_ok(
        "Full name,Email\n\"Phạm\nNgọc Anh\",anh@example.vn\nOk Name,ok@example.vn\n".as_bytes(),
    );
    assert_eq!(error_lines(&p), [(2, "full_name", "line_break")]);
    assert_eq!(p.rows.len(), 1);
    assert_eq!(p.rows[0].line, 4);
}

#[test]
fn tab_separated_file() {
    let p = parse_ok(&fixture("tab_separated.tsv"));
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    assert_eq!(p.rows.len(), 2);
    let t = row(&p, "Hoàng Anh Tú");
    assert_eq!(t.contact.emails, [l("", "tu.ha@vingroup.example")]);
    assert_eq!(t.contact.phones, [l("mobile", "+84903123456")]);
    assert_eq!(t.organization.as_deref(), Some("Vingroup"));
    assert_eq!(
        t.contact.nationality.as_deref(),
        Some("VN"),
        "lower case code"
    );
    assert_eq!(
        row(&p, "Maria Schmidt").contact.phones,
        [l("mobile", "+498963600")]
    );
}

#[test]
fn utf16_le_excel_unicode_text() {
    let bytes = fixture("excel_unicode_text_utf16le.txt");
    assert_eq!(detect_format(&bytes), ImportFormat::Csv);
    let p = parse_ok(&bytes);
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    let names: Vec<&str> = p
        .rows
        .iter()
        .map(|r| r.contact.full_name.as_str())
        .collect();
    assert_eq!(names, ["Đỗ Thùy Linh", "Vũ Quang Huy"]);
    assert_eq!(
        p.rows[0].organization.as_deref(),
        Some("Bộ Kế hoạch và Đầu tư")
    );
    assert_eq!(p.rows[1].contact.phones, [l("", "+842838295555")]);
    assert_eq!(p.rows[1].line, 3);

    // The same text in UTF-16 BE with its BOM.
    let text = "Họ tên\tEmail\r\nĐỗ Thùy Linh\tlinh.dt@mpi.example\r\n";
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    let p = parse_ok(&be);
    assert_eq!(p.rows[0].contact.full_name, "Đỗ Thùy Linh");
}

#[test]
fn google_contacts_csv() {
    let bytes = fixture("google.csv");
    assert_eq!(detect_format(&bytes), ImportFormat::Google);
    let p = parse_ok(&bytes);
    assert_eq!(p.format, ImportFormat::Google);
    let h = row(&p, "Nguyễn Văn Hùng");
    assert_eq!(h.line, 2);
    assert_eq!(
        h.contact.emails,
        [
            l("work", "hung.nv@hpa.example"),
            l("work", "hung.nguyen@gmail.example"),
            l("home", "hung.home@example.vn"),
        ],
        "\" ::: \" splits a cell; \"* Work\" is work"
    );
    assert_eq!(
        h.contact.phones,
        [l("mobile", "+84912345678"), l("fax", "+842435550199")]
    );
    assert_eq!(
        h.organization.as_deref(),
        Some("Ban Quản lý Khu công nghệ cao Hòa Lạc")
    );
    assert_eq!(h.contact.title.as_deref(), Some("Trưởng phòng"));
    assert_eq!(
        h.contact.notes.as_deref(),
        Some("Quen ở Tokyo\nHay gọi buổi sáng")
    );
    let y = row(&p, "Yuki Sato");
    assert_eq!(y.line, 4, "the notes of the first row span two lines");
    assert_eq!(y.contact.emails, [l("other", "yuki.sato@jetro.example")]);
    assert_eq!(
        y.contact.phones,
        [l("Assistant", "+81335825511")],
        "custom labels kept"
    );
    assert_eq!(y.organization.as_deref(), Some("JETRO"));
    assert_eq!(error_lines(&p), [(5, "E-mail 1 - Value", "invalid_email")]);
    assert_eq!(p.rows.len(), 2);

    let value = p
        .mapping
        .iter()
        .position(|m| m.column == "E-mail 1 - Value")
        .unwrap();
    assert_eq!(p.mapping[value].target, Target::Email);
    assert_eq!(p.mapping[value - 1].target, Target::EmailLabel);
}

#[test]
fn outlook_csv() {
    let bytes = fixture("outlook.csv");
    assert_eq!(detect_format(&bytes), ImportFormat::Outlook);
    let p = parse_ok(&bytes);
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    let j = row(&p, "John Q. Smith");
    assert_eq!(
        j.contact.title.as_deref(),
        Some("Site Director"),
        "not «Mr.»"
    );
    assert_eq!(j.organization.as_deref(), Some("Intel Products Vietnam"));
    assert_eq!(
        j.contact.emails,
        [
            l("work", "john.smith@intel.example"),
            l("other", "jqs@home.example")
        ]
    );
    assert_eq!(
        j.contact.phones,
        [l("work", "+842839360000"), l("mobile", "+84903999888")]
    );
    assert_eq!(
        j.contact.notes.as_deref(),
        Some("Met at \"VIIF 2025\", Hà Nội")
    );
    // Given and family names put together family-first for a Vietnamese family name.
    let m = row(&p, "Trần Thị Mai");
    assert_eq!(m.contact.phones, [l("fax", "+842223696000")]);
    assert_eq!(m.contact.emails, [l("work", "mai.tt@samsung.example")]);
}

#[test]
fn vcard_30_with_quoted_printable() {
    let bytes = fixture("vcard30_qp.vcf");
    assert_eq!(detect_format(&bytes), ImportFormat::Vcard);
    let p = parse_ok(&bytes);
    assert_eq!(p.format, ImportFormat::Vcard);
    assert_eq!(p.rows.len(), 2);
    let t = row(&p, "Bùi Thị Thu");
    assert_eq!(t.line, 1);
    assert_eq!(
        t.uuid.as_deref(),
        Some("0b6d4c2e-1f3a-4e5b-8c7d-9e0f1a2b3c4d"),
        "urn:uuid: stripped"
    );
    assert_eq!(
        t.organization.as_deref(),
        Some("Công ty Cổ phần FPT; Khối Phần mềm"),
        "first ORG component, \\; unescaped"
    );
    assert_eq!(t.contact.title.as_deref(), Some("Giám đốc, khối"));
    assert_eq!(
        t.contact.emails,
        [
            l("work", "thu.bt@fpt.example"),
            l("home", "thu.home@example.vn")
        ]
    );
    assert_eq!(
        t.contact.phones,
        [
            l("mobile", "+84912345678"),
            l("work", "+842473007300"),
            l("other", "+842473007301"),
        ],
        "TYPE=CELL, TYPE=WORK,VOICE, Apple's X-ABLabel"
    );
    assert_eq!(
        t.contact.notes.as_deref(),
        Some("Ghi chú: gặp ở Hanoi\nDòng hai")
    );
    // N only, no FN: given and family put together.
    let lee = row(&p, "Min-jun Lee");
    assert_eq!(lee.line, 23);
    assert_eq!(
        lee.contact.notes.as_deref(),
        Some("Line one\nLine two, with comma; and semicolon and a folded tail")
    );
    assert_eq!(error_lines(&p), [(18, "FN", "required_name")]);
}

#[test]
fn vcard_40() {
    let p = parse_ok(&fixture("vcard40.vcf"));
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    let b = row(&p, "Phan Thanh Bình");
    assert_eq!(
        b.uuid.as_deref(),
        Some("7c9e6679-7425-40de-944b-e07fc1f90ae7")
    );
    assert_eq!(b.contact.title.as_deref(), Some("Phó Tổng giám đốc"));
    assert_eq!(
        b.organization.as_deref(),
        Some("Tập đoàn Điện lực Việt Nam")
    );
    assert_eq!(b.contact.emails, [l("work", "binh.pt@evn.example")]);
    assert_eq!(
        b.contact.phones,
        [l("mobile", "+84912345679"), l("work", "+842466946789")]
    );
    assert_eq!(b.contact.languages, ["vi", "en"]);
    assert_eq!(
        b.contact.notes.as_deref(),
        Some(
            "Ghi chú rất dài để kiểm tra việc gấp dòng: Đoàn xúc tiến đầu tư Nhật Bản đến Hà \
             Nội tháng 3, làm việc với các khu công nghiệp."
        )
    );
    let a = row(&p, "Aiko Yamamoto");
    assert_eq!(a.line, 16);
    assert_eq!(a.uuid, None);
    assert_eq!(a.contact.phones, [l("home", "+81312345678")]);
    assert_eq!(
        p.columns.iter().take(4).collect::<Vec<_>>(),
        ["UID", "FN", "N", "TITLE"]
    );
}

#[test]
fn vcard_hostile_cards() {
    let text = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Không Kết Thúc\r\n\
                BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Có Máy Lẻ\r\nTEL;VALUE=uri:tel:+84-24-3825-1234;ext=102\r\nEND:VCARD\r\n\
                BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Latin Eins\r\nNOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=WINDOWS-1258:Ghi ch=FA\r\nEND:VCARD\r\n\
                BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Good Card\r\nUID:not-a-uuid-from-another-app\r\nEND:VCARD\r\n\
                BEGIN:VCARD\r\nFN:Open At End\r\n";
    let p = parse_ok(text.as_bytes());
    assert_eq!(
        error_lines(&p),
        [
            (1, "END", "unterminated_card"),
            (4, "TEL", "invalid_phone"),
            (9, "NOTE", "unsupported_charset"),
            (19, "END", "unterminated_card"),
        ]
    );
    assert_eq!(p.rows.len(), 1);
    assert_eq!(p.rows[0].contact.full_name, "Good Card");
    assert_eq!(p.rows[0].uuid, None, "foreign UIDs are not ours to keep");

    let (field, code, _) = file_error(b"FN:no card here\r\n");
    assert_eq!((field.as_str(), code.as_str()), ("file", "no_header"));
    let e = parse(b"Full name\nAn\n", Some(ImportFormat::Vcard), None).unwrap_err();
    assert!(
        matches!(e, CoreError::Invalid(ref v) if v[0].code == "no_cards"),
        "{e}"
    );
}

#[test]
fn invalid_utf8_is_a_file_error_naming_the_line() {
    let (field, code, message) = file_error(&fixture("invalid_utf8.csv"));
    assert_eq!((field.as_str(), code.as_str()), ("file", "not_utf8"));
    assert!(message.contains("line 3"), "{message}");
    assert!(message.contains("0xD2"), "{message}");
    // Not guessed as Windows-1258 even when asked for a format.
    assert!(parse(&fixture("invalid_utf8.csv"), Some(ImportFormat::Csv), None).is_err());
    // NUL bytes: UTF-16 without a byte order mark, or a binary file.
    let utf16_no_bom: Vec<u8> = "Name\nAn\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let (_, code, _) = file_error(&utf16_no_bom);
    assert_eq!(code, "not_text");
    // A damaged UTF-16 file (a lone surrogate on line 2).
    let mut bad = vec![0xFF, 0xFE];
    bad.extend("Name\nA".encode_utf16().flat_map(u16::to_le_bytes));
    bad.extend(0xD800u16.to_le_bytes());
    let (_, code, message) = file_error(&bad);
    assert_eq!(code, "not_utf16");
    assert!(message.contains("line 2"), "{message}");
}

#[test]
fn ragged_rows_are_row_errors_and_good_rows_are_kept() {
    let p = parse_ok(&fixture("ragged.csv"));
    let names: Vec<&str> = p
        .rows
        .iter()
        .map(|r| r.contact.full_name.as_str())
        .collect();
    assert_eq!(names, ["Good One", "Good Two"], "{:?}", p.errors);
    assert_eq!(
        error_lines(&p),
        [
            (3, "row", "field_count"),
            (5, "row", "field_count"),
            (6, "full_name", "line_break"),
            (8, "Email", "invalid_email"),
            (9, "full_name", "required_name"),
        ]
    );
    assert_eq!(p.errors[0].message_en, "Expected 3 fields, found 2");
    assert_eq!(p.errors[1].message_en, "Expected 3 fields, found 4");
    assert!(p.errors[0].message_vi.contains("3"));
}

#[test]
fn a_ten_megabyte_field_is_one_row_error() {
    let start = std::time::Instant::now();
    let mut csv = String::from("Full name,Email,Notes\r\nBefore,before@example.vn,ok\r\n");
    csv.push_str("Huge,huge@example.vn,\"");
    csv.push_str(&"Đ, \"\"x\"\"\n".repeat(1_000_000));
    csv.push_str("\"\r\nAfter,after@example.vn,ok\r\n");
    assert!(csv.len() > 10_000_000);
    let p = parse_ok(csv.as_bytes());
    assert_eq!(error_lines(&p), [(3, "Notes", "field_too_long")]);
    assert!(
        p.errors[0].message_en.contains("64 KB"),
        "{}",
        p.errors[0].message_en
    );
    let names: Vec<(&str, u32)> = p
        .rows
        .iter()
        .map(|r| (r.contact.full_name.as_str(), r.line))
        .collect();
    assert_eq!(names, [("Before", 2), ("After", 1_000_004)]);

    // The same in a vCard NOTE.
    let mut vcf = String::from("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Huge\r\nNOTE:");
    vcf.push_str(&"x".repeat(10 * 1024 * 1024));
    vcf.push_str("\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:4.0\r\nFN:After\r\nEND:VCARD\r\n");
    let p = parse_ok(vcf.as_bytes());
    assert_eq!(error_lines(&p), [(1, "NOTE", "field_too_long")]);
    assert_eq!(p.rows.len(), 1);
    assert!(
        start.elapsed() < std::time::Duration::from_secs(20),
        "took {:?}",
        start.elapsed()
    );
}

#[test]
fn a_file_over_the_limit_is_refused() {
    let big = vec![b'a'; MAX_FILE_BYTES + 1];
    let (field, code, _) = file_error(&big);
    assert_eq!((field.as_str(), code.as_str()), ("file", "too_large"));
}

#[test]
fn formulas_stay_inert_text_on_import() {
    let p = parse_ok(&fixture("formulas.csv"));
    let f = row(&p, "=HYPERLINK(\"http://evil.example\",\"click\")");
    assert_eq!(f.contact.title.as_deref(), Some("+cmd|' /C calc'!A0"));
    assert_eq!(f.contact.notes.as_deref(), Some("-2+3"));
    assert_eq!(f.organization.as_deref(), Some("@SUM(1+1)"));
    // Cells protected by a leading ' lose exactly that quote.
    let r = row(&p, "Protected");
    assert_eq!(r.contact.title.as_deref(), Some("=1+1"));
    assert_eq!(r.contact.notes.as_deref(), Some("@home"));
    assert_eq!(r.organization.as_deref(), Some("-Minus Corp"));
    assert_eq!(r.contact.phones, [l("", "+84912345678")]);
    // A quote before anything else is data.
    assert_eq!(
        row(&p, "O'Brien").contact.title.as_deref(),
        Some("'quoted'")
    );
    // A formula is no phone number: kept as given, and the phone rule reports the row.
    assert_eq!(error_lines(&p), [(5, "Phone", "invalid_phone")]);
    assert!(p.errors[0].message_en.contains("=1+2"));
}

#[test]
fn formulas_are_escaped_on_export() {
    let contact = Contact {
        full_name: "=HYPERLINK(\"http://evil.example\")".into(),
        title: Some("+cmd".into()),
        notes: Some("-2+3".into()),
        consent_source: Some("@SUM(A1)".into()),
        emails: vec![l("\tlabel", "-a@example.vn")],
        phones: vec![l("", "+84912345678")],
        languages: vec!["'=already quoted".into()],
        ..Contact::default()
    };
    let x = ExportContact {
        uuid: "7c9e6679-7425-40de-944b-e07fc1f90ae7".into(),
        contact,
        organization: Some("\rcarriage".into()),
    };
    let csv = to_csv(std::slice::from_ref(&x));
    let data = csv.split("\r\n").nth(1).unwrap();
    for cell in [
        "\"'=HYPERLINK(\"\"http://evil.example\"\")\"",
        ",'+cmd,",
        ",'-2+3,",
        ",'@SUM(A1)",
        "\"'\tlabel\",'-a@example.vn",
        ",'+84912345678,",
        ",''=already quoted,",
        "\"'\rcarriage\"",
    ] {
        assert!(data.contains(cell), "{cell:?} in {data:?}");
    }
    // No cell of the export starts with a formula character.
    let p = parse(csv.as_bytes(), None, None).unwrap();
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    let back = &p.rows[0];
    assert_eq!(back.contact.full_name, x.contact.full_name);
    assert_eq!(back.contact.emails, [l("\tlabel".trim(), "-a@example.vn")]);
    assert_eq!(back.contact.languages, ["'=already quoted"]);
    assert_eq!(back.organization.as_deref(), Some("carriage"), "trimmed");
}

#[test]
fn empty_and_header_only_files() {
    let (field, code, _) = file_error(&fixture("empty.csv"));
    assert_eq!((field.as_str(), code.as_str()), ("file", "empty"));
    let (_, code, _) = file_error(b"\xEF\xBB\xBF \r\n\r\n");
    assert_eq!(code, "empty");

    let p = parse_ok(&fixture("header_only.csv"));
    assert_eq!(p.columns, ["Họ và tên", "Email", "Điện thoại"]);
    assert!(p.rows.is_empty() && p.errors.is_empty());
    assert_eq!(p.mapping[0].target, Target::FullName);
}

#[test]
fn a_file_without_a_recognisable_header_is_refused_unless_mapped() {
    let bytes = "Nguyễn Văn An,an@example.vn\nLê Thị Bình,binh@example.vn\n".as_bytes();
    let (field, code, message) = file_error(bytes);
    assert_eq!((field.as_str(), code.as_str()), ("file", "no_header"));
    assert!(message.contains("line 1"), "{message}");

    // With a mapping, the first line is still the header, named as the user sees it.
    let mapping = [
        ColumnMap {
            column: "Nguyễn Văn An".into(),
            target: Target::FullName,
            label: None,
        },
        ColumnMap {
            column: "an@example.vn".into(),
            target: Target::Email,
            label: Some("work".into()),
        },
    ];
    let p = parse(bytes, None, Some(&mapping)).unwrap();
    assert_eq!(p.mapping, mapping);
    assert_eq!(p.rows.len(), 1);
    assert_eq!(p.rows[0].contact.emails, [l("work", "binh@example.vn")]);

    let wrong = [ColumnMap {
        column: "Tên".into(),
        target: Target::FullName,
        label: None,
    }];
    let e = parse(bytes, None, Some(&wrong)).unwrap_err();
    assert!(
        matches!(e, CoreError::Invalid(ref v) if v[0].field == "mapping"),
        "{e}"
    );
}

#[test]
fn a_given_mapping_replaces_the_guess() {
    let bytes = "Tên,Email,Email,Ghi chú\nAn,a@x.vn,b@y.vn,ghi\n".as_bytes();
    let guessed = parse_ok(bytes);
    assert_eq!(guessed.mapping[0].target, Target::GivenName);
    let mut mapping = guessed.mapping.clone();
    mapping[1].label = Some("work".into());
    mapping[2].label = Some("home".into());
    mapping[3].target = Target::Ignore;
    let p = parse(bytes, None, Some(&mapping)).unwrap();
    assert_eq!(
        p.mapping, mapping,
        "duplicate column names keep their order"
    );
    let c = &p.rows[0].contact;
    assert_eq!(c.emails, [l("work", "a@x.vn"), l("home", "b@y.vn")]);
    assert_eq!(c.notes, None);
}

#[test]
fn row_rules() {
    let csv = "Họ,Tên,Email,Cơ sở xử lý,Ngày đồng ý,Quốc tịch,uuid\n\
               Nguyễn Văn,An,an@example.vn,legal obligation,2025-02-30,Nhật Bản,\n\
               Smith,John,john@example.com,maybe,01/02/2025,Atlantis,nope\n\
               Lê,Bình,binh@example.vn,Lợi ích công cộng,2025-06-01T08:00:00Z,jp,0B6D4C2E-1F3A-4E5B-8C7D-9E0F1A2B3C4D\n\
               Trần,Chi,chi@example.vn,,,,urn:uuid:0b6d4c2e-1f3a-4e5b-8c7d-9e0f1a2b3c4d\n";
    let p = parse_ok(csv.as_bytes());
    assert_eq!(
        error_lines(&p),
        [
            (2, "Ngày đồng ý", "invalid_date"),
            (3, "Cơ sở xử lý", "invalid_consent_basis"),
            (3, "Quốc tịch", "invalid_country"),
            (3, "uuid", "invalid_uuid"),
            (5, "uuid", "duplicate_uuid"),
        ]
    );
    let b = row(&p, "Lê Bình");
    assert_eq!(b.contact.consent_basis, ConsentBasis::PublicInterest);
    assert_eq!(b.contact.consent_date, date(2025, 6, 1));
    assert_eq!(b.contact.nationality.as_deref(), Some("JP"));
    assert_eq!(
        b.uuid.as_deref(),
        Some("0b6d4c2e-1f3a-4e5b-8c7d-9e0f1a2b3c4d")
    );
    assert!(p.errors[4].message_en.contains("line 4"));
}

/// Contacts exercising everything the round trips must keep.
fn sample() -> Vec<ExportContact> {
    let nhung = Contact {
        full_name: "Nguyễn Thị Hồng Nhung".into(),
        title: Some("Giám đốc Xúc tiến, Khu vực phía Bắc".into()),
        organization_id: None,
        emails: vec![
            l("work", "nhung.nth@hoalac.example"),
            l("Trợ lý \"Hà\"; thư ký", "assistant@hoalac.example"),
            l("", "nhung@example.vn"),
        ],
        phones: vec![
            l("mobile", "+84912345678"),
            l("work", "+842438251234"),
            l("Tổng đài, máy lẻ", "(028) 3829 5555/6"),
            l("fax", "+842438251235"),
        ],
        languages: vec!["vi".into(), "en".into(), "ja".into()],
        nationality: Some("VN".into()),
        notes: Some(
            "  Thụt lề, có dấu phẩy\nDòng 2 \"trích dẫn\"; chấm phẩy\n\nDòng 4 \\ gạch chéo: \
             hai chấm\nĐoàn xúc tiến đầu tư Nhật Bản đến Hà Nội tháng 3, làm việc với các khu \
             công nghiệp và gặp Ủy ban nhân dân thành phố.\n"
                .into(),
        ),
        consent_basis: ConsentBasis::Consent,
        consent_date: date(2025, 3, 15),
        consent_source: Some("Hội chợ VIIF 2025, Hà Nội; phiếu đăng ký".into()),
    };
    let formulas = Contact {
        full_name: "Lê Văn Tám".into(),
        title: Some("-Trưởng phòng".into()),
        emails: vec![l("=label", "-tam@example.vn")],
        phones: vec![l("other", "+6561234567")],
        notes: Some("=1+2\n+cmd|' /C calc'!A0\n@SUM(1)".into()),
        consent_basis: ConsentBasis::LegalObligation,
        ..Contact::default()
    };
    let obrien = Contact {
        full_name: "John O'Brien".into(),
        phones: vec![l("home", "+12125550100")],
        consent_basis: ConsentBasis::PublicInterest,
        consent_date: date(2024, 12, 31),
        ..Contact::default()
    };
    let tanaka = Contact {
        full_name: "田中 健二".into(),
        emails: vec![
            l("Work", "kenji@sakura.example"),
            l("home", "kenji@home.example"),
            l("other", "kenji@other.example"),
            l("mobile", "kenji@phone.example"),
        ],
        phones: vec![l("cell", "+81901234567"), l("pager", "+81312345678")],
        languages: vec!["ja".into()],
        nationality: Some("JP".into()),
        consent_basis: ConsentBasis::Contract,
        ..Contact::default()
    };
    let bare = Contact {
        full_name: "Đặng Thu Thảo".into(),
        ..Contact::default()
    };
    [
        (
            "3f1c2a9e-8a51-4c3e-9b0e-5d7e1f2a3b4c",
            nhung,
            Some("Công ty TNHH \"Hòa Lạc\"; chi nhánh Hà Nội, Việt Nam"),
        ),
        (
            "0b6d4c2e-1f3a-4e5b-8c7d-9e0f1a2b3c4d",
            formulas,
            Some("+Plus Corp"),
        ),
        ("7c9e6679-7425-40de-944b-e07fc1f90ae7", obrien, None),
        (
            "a8098c1a-f86e-11da-bd1a-00112444be1e",
            tanaka,
            Some("株式会社さくら"),
        ),
        ("e7d1c0a2-5b3f-4c8e-9a6d-1f2e3d4c5b6a", bare, None),
    ]
    .into_iter()
    .map(|(uuid, contact, org)| ExportContact {
        uuid: uuid.into(),
        contact,
        organization: org.map(str::to_owned),
    })
    .collect()
}

fn back(p: &Parsed) -> Vec<ExportContact> {
    p.rows
        .iter()
        .map(|r| ExportContact {
            uuid: r.uuid.clone().expect("uuid"),
            contact: r.contact.clone(),
            organization: r.organization.clone(),
        })
        .collect()
}

#[test]
fn csv_round_trip_is_exact() {
    let x = sample();
    let csv = to_csv(&x);
    assert!(csv.starts_with("\u{FEFF}uuid,full_name,title,organization,email_1_label,email_1,"));
    assert!(csv.ends_with("\r\n"));
    let header = csv.lines().next().unwrap();
    assert!(header.contains(",email_4_label,email_4,phone_1_label,phone_1,"));
    assert!(header.ends_with(
        ",phone_4_label,phone_4,languages,nationality,notes,consent_basis,consent_date,consent_source"
    ));
    assert_eq!(detect_format(csv.as_bytes()), ImportFormat::Csv);
    let p = parse(csv.as_bytes(), None, None).unwrap();
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    assert_eq!(back(&p), x);
    assert_eq!(p.rows[1].line, 8, "multi-line notes move the line numbers");
    assert!(
        p.mapping.iter().all(|m| m.target != Target::Ignore),
        "{:?}",
        p.mapping
    );
    // Exporting what was read gives the same file.
    assert_eq!(to_csv(&back(&p)), csv);
    // An empty set still has a usable header.
    assert!(to_csv(&[]).contains("email_1_label,email_1,phone_1_label,phone_1"));
}

#[test]
fn vcard_round_trip_is_exact() {
    let x = sample();
    let vcf = to_vcard(&x);
    assert_eq!(detect_format(vcf.as_bytes()), ImportFormat::Vcard);
    let p = parse(vcf.as_bytes(), None, None).unwrap();
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    assert_eq!(back(&p), x);
    assert_eq!(to_vcard(&back(&p)), vcf);
    assert_eq!(p.rows[0].line, 1);
}

#[test]
fn vcard_export_shape() {
    let vcf = to_vcard(&sample());
    assert!(!vcf.replace("\r\n", "").contains('\n'), "CRLF only");
    for line in vcf.split_terminator("\r\n") {
        assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
    }
    let unfolded = vcf.replace("\r\n ", "");
    for expected in [
        "UID:urn:uuid:3f1c2a9e-8a51-4c3e-9b0e-5d7e1f2a3b4c\r\n",
        "FN:Nguyễn Thị Hồng Nhung\r\n",
        "N:Nguyễn;Thị Hồng Nhung;;;\r\n",
        "N:O'Brien;John;;;\r\n",
        "TITLE:Giám đốc Xúc tiến\\, Khu vực phía Bắc\r\n",
        "ORG:Công ty TNHH \"Hòa Lạc\"\\; chi nhánh Hà Nội\\, Việt Nam\r\n",
        "EMAIL;TYPE=work:nhung.nth@hoalac.example\r\n",
        "EMAIL;X-PLANNER-LABEL=\"Trợ lý ^'Hà^'; thư ký\":assistant@hoalac.example\r\n",
        "EMAIL:nhung@example.vn\r\n",
        "TEL;VALUE=uri;TYPE=cell:tel:+84912345678\r\n",
        "TEL;VALUE=text;X-PLANNER-LABEL=\"Tổng đài, máy lẻ\":(028) 3829 5555/6\r\n",
        "LANG:vi\r\nLANG:en\r\n",
        "X-PLANNER-CONSENT-BASIS:consent\r\n",
        "X-PLANNER-CONSENT-DATE:2025-03-15\r\n",
        "X-PLANNER-NATIONALITY:VN\r\n",
    ] {
        assert!(unfolded.contains(expected), "{expected:?} in\n{unfolded}");
    }
    assert_eq!(vcf.matches("BEGIN:VCARD\r\nVERSION:4.0\r\n").count(), 5);
}

/// Reads each card with Python's vobject and prints, per card, FN, UID, EMAIL and TEL values.
const VOBJECT: &str = r#"
import json, sys, vobject
out = []
with open(sys.argv[1], encoding='utf-8', newline='') as f:
    for card in vobject.readComponents(f.read()):
        c = card.contents
        out.append({
            'fn': card.fn.value,
            'uid': card.uid.value if 'uid' in c else None,
            'emails': [e.value for e in c.get('email', [])],
            'tels': [t.value for t in c.get('tel', [])],
            'note': card.note.value if 'note' in c else None,
            'org': card.org.value if 'org' in c else None,
            'n_family': card.n.value.family,
        })
print(json.dumps(out))
"#;

#[test]
fn exported_vcards_parse_with_python_vobject() {
    let x = sample();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("contacts.vcf");
    std::fs::write(&path, to_vcard(&x)).unwrap();
    let out = Command::new("/usr/bin/python3")
        .args(["-c", VOBJECT, path.to_str().unwrap()])
        .output()
        .expect("/usr/bin/python3 with python3-vobject");
    assert!(
        out.status.success(),
        "python: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let cards: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(cards.len(), x.len());
    for (card, e) in cards.iter().zip(&x) {
        let c = &e.contact;
        let tels: Vec<String> = c
            .phones
            .iter()
            .map(|p| {
                if p.value.starts_with('+') && p.value[1..].bytes().all(|b| b.is_ascii_digit()) {
                    format!("tel:{}", p.value)
                } else {
                    p.value.clone()
                }
            })
            .collect();
        let emails: Vec<&str> = c.emails.iter().map(|m| m.value.as_str()).collect();
        assert_eq!(card["fn"], json!(c.full_name));
        assert_eq!(card["uid"], json!(format!("urn:uuid:{}", e.uuid)));
        assert_eq!(card["emails"], json!(emails));
        assert_eq!(card["tels"], json!(tels));
        assert_eq!(card["note"], json!(c.notes));
        if let Some(o) = &e.organization {
            assert_eq!(card["org"], json!([o]), "one ORG component");
        }
    }
    assert_eq!(cards[0]["n_family"], "Nguyễn");
}

#[test]
fn phone_normalisation_table() {
    for (raw, country, expected) in [
        ("0912 345 678", "VN", "+84912345678"),
        ("0912.345.678", "vn", "+84912345678"),
        ("024 3825 1234", "VN", "+842438251234"),
        ("(024) 3825-1234", "VN", "+842438251234"),
        ("+84 912 345 678", "VN", "+84912345678"),
        ("+84 (0) 24 3825 1234", "VN", "+842438251234"),
        ("0084 912 345 678", "VN", "+84912345678"),
        ("+81 3-3466-3311", "VN", "+81334663311"),
        ("03-3466-3311", "JP", "+81334663311"),
        ("010-1234-5678", "KR", "+821012345678"),
        ("(212) 555-0100", "US", "+12125550100"),
        ("1 212 555 0100", "US", "+12125550100"),
        ("6123 4567", "SG", "+6561234567"),
        ("  +84912345678  ", "VN", "+84912345678"),
        // Kept as given (trimmed): extensions, letters, several numbers, odd lengths.
        (" +84 24 3825 1234 ext. 5 ", "VN", "+84 24 3825 1234 ext. 5"),
        ("024 3825 1234 x5", "VN", "024 3825 1234 x5"),
        ("(028) 3829 5555/6", "VN", "(028) 3829 5555/6"),
        ("1900 1234", "VN", "1900 1234"),
        ("912 345 678", "VN", "912 345 678"),
        ("0912 345", "VN", "0912 345"),
        ("call reception", "VN", "call reception"),
        ("=HYPERLINK(\"x\")", "VN", "=HYPERLINK(\"x\")"),
        ("+0 123 4567", "VN", "+0 123 4567"),
        ("0912 345 678", "XX", "0912 345 678"),
        ("", "VN", ""),
    ] {
        let got = normalize_phone(raw, country);
        assert_eq!(got, expected, "{raw:?} ({country})");
        assert_eq!(normalize_phone(&got, country), got, "idempotent: {raw:?}");
    }
}

#[test]
fn detect_format_by_content() {
    for (name, format) in [
        ("excel_semicolon_bom.csv", ImportFormat::Csv),
        ("libreoffice_quoted_newlines.csv", ImportFormat::Csv),
        ("tab_separated.tsv", ImportFormat::Csv),
        ("excel_unicode_text_utf16le.txt", ImportFormat::Csv),
        ("google.csv", ImportFormat::Google),
        ("outlook.csv", ImportFormat::Outlook),
        ("vcard30_qp.vcf", ImportFormat::Vcard),
        ("vcard40.vcf", ImportFormat::Vcard),
        ("invalid_utf8.csv", ImportFormat::Csv),
        ("empty.csv", ImportFormat::Csv),
    ] {
        assert_eq!(detect_format(&fixture(name)), format, "{name}");
    }
    // Google's newer export ("First Name", "E-mail 1 - Label").
    let newer = "First Name,Middle Name,Last Name,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Organization Name,Organization Title\n\
                 Hồng Nhung,,Nguyễn,* Work,nhung@example.vn,Mobile,0912 345 678,HPA,Director\n";
    assert_eq!(detect_format(newer.as_bytes()), ImportFormat::Google);
    let p = parse_ok(newer.as_bytes());
    let n = row(&p, "Nguyễn Hồng Nhung");
    assert_eq!(n.contact.emails, [l("work", "nhung@example.vn")]);
    assert_eq!(n.contact.phones, [l("mobile", "+84912345678")]);
    assert_eq!(n.organization.as_deref(), Some("HPA"));
    assert_eq!(n.contact.title.as_deref(), Some("Director"));
    // Excel's "sep=" line.
    let p = parse_ok(b"sep=;\r\nName;Email\r\nAn;an@example.vn\r\n");
    assert_eq!(p.rows[0].contact.emails, [l("", "an@example.vn")]);
    assert_eq!(p.rows[0].line, 3);
}

#[test]
fn serde_names_for_the_ui() {
    assert_eq!(json!(ImportFormat::Outlook), json!("outlook"));
    assert_eq!(json!(Target::ConsentDate), json!("consent_date"));
    let m: ColumnMap =
        serde_json::from_value(json!({"column": "Mobile", "target": "phone", "label": "mobile"}))
            .unwrap();
    assert_eq!(m.target, Target::Phone);
}

#[test]
fn truncated_and_mangled_files_never_panic() {
    let names = [
        "excel_semicolon_bom.csv",
        "libreoffice_quoted_newlines.csv",
        "tab_separated.tsv",
        "excel_unicode_text_utf16le.txt",
        "google.csv",
        "outlook.csv",
        "vcard30_qp.vcf",
        "vcard40.vcf",
        "ragged.csv",
        "formulas.csv",
    ];
    let formats = [
        None,
        Some(ImportFormat::Csv),
        Some(ImportFormat::Google),
        Some(ImportFormat::Outlook),
        Some(ImportFormat::Vcard),
    ];
    for name in names {
        let bytes = fixture(name);
        for cut in (0..=bytes.len()).step_by(3) {
            let part = &bytes[..cut];
            detect_format(part);
            let format = formats[(cut / 3) % formats.len()];
            let _ = parse(part, format, None);
        }
        for (k, at) in (0..bytes.len()).step_by(5).enumerate() {
            let mut m = bytes.clone();
            m.insert(at, [b'"', b'\n', b';', b'=', b':', b'\\'][k % 6]);
            let _ = parse(&m, None, None);
        }
    }
    for odd in ["sep=đ\nName\nAn\n", "sep=", "\"", "BEGIN:VCARD", "a\r\rb\r"] {
        let _ = parse(odd.as_bytes(), None, None);
    }
}

#[test]
fn a_vcard_uid_given_twice_is_an_error_on_the_second_card() {
    let uid = "UID:urn:uuid:3f1c2a9e-8a51-4c3e-9b0e-5d7e1f2a3b4c\r\n";
    let text = format!(
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Nguyễn Văn An\r\n{uid}END:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Trần Thị Bình\r\n{uid}END:VCARD\r\n"
    );
    let p = parse_ok(text.as_bytes());
    assert_eq!(p.rows.len(), 1);
    assert_eq!(p.rows[0].contact.full_name, "Nguyễn Văn An");
    assert_eq!(error_lines(&p), [(6, "UID", "duplicate_uuid")]);
}
