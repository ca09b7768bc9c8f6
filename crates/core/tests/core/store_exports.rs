//! What a store exports, on both backends (issue 17): a delegation's calendar and printed
//! itinerary hold the store's items, the contact book's CSV and vCard read back as the store's
//! contacts, and all of them are the same files from a store file and from a team store. The
//! writers themselves (folding, zones, escaping, fonts) are tested from plans and contacts made
//! in memory in `ics`, `itinerary_pdf` and `contacts_io`.

use chrono::{NaiveDate, TimeZone, Utc};
use planner_core::contacts_io::import::{self, ExportFormat};
use planner_core::contacts_io::{parse, ImportFormat};
use planner_core::domain::{BriefLanguage, Contact, Delegation, Labelled, Organization};
use planner_core::itinerary::{self, ics, to_pdf::PrintOptions};
use planner_core::store::{Filter, ListQuery};
use planner_core::{CoreError, Store};
use std::process::Command;

/// The demo's Tokyo delegation (the one with a programme).
fn tokyo(store: &mut Store) -> i64 {
    planner_core::demo::seed_demo(store, NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()).unwrap();
    let q = ListQuery {
        filters: vec![Filter::parse("destination_country=JP").unwrap()],
        ..Default::default()
    };
    store.list::<Delegation>(&q).unwrap().items[0].meta.id
}

fn stamp() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 2, 0, 0).unwrap()
}

/// The unfolded content lines of a calendar that start with `name:` or `name;`, their values.
fn values(ics: &str, name: &str) -> Vec<String> {
    ics.replace("\r\n ", "")
        .split_terminator("\r\n")
        .filter_map(|l| {
            let rest = l.strip_prefix(name)?;
            let value = &rest[rest.find(':')? + 1..];
            (rest.starts_with(':') || rest.starts_with(';')).then(|| value.to_owned())
        })
        .collect()
}

on_both! {
    fn a_calendar_and_a_printed_itinerary_hold_the_stores_programme(store) {
        let id = tokyo(&mut store);
        let plan = store.plan(id).unwrap();
        assert!(plan.items.len() >= 3, "the demo has a programme");
        let dir = tempfile::tempdir().unwrap();

        let path = dir.path().join("lich.ics");
        itinerary::export_ics(&store, id, None, &path, stamp()).unwrap();
        let whole = std::fs::read_to_string(&path).unwrap();
        let uids: Vec<String> = plan
            .items
            .iter()
            .map(|i| format!("{}@delegation-planner", i.meta.uuid))
            .collect();
        assert_eq!(values(&whole, "UID"), uids, "one event per item, by start");
        let head = plan.head().expect("a head of delegation").id;
        itinerary::export_ics(&store, id, Some(head), &path, stamp()).unwrap();
        let theirs: Vec<String> = plan
            .items_for(Some(head))
            .iter()
            .map(|i| format!("{}@delegation-planner", i.meta.uuid))
            .collect();
        assert_eq!(values(&std::fs::read_to_string(&path).unwrap(), "UID"), theirs);
        match itinerary::export_ics(&store, id, Some(i64::MAX), &path, stamp()) {
            Err(CoreError::Invalid(e)) => assert_eq!(e[0].code, "not_a_member"),
            other => panic!("a calendar for someone not on the delegation: {other:?}"),
        }

        let pdf = dir.path().join("lich.pdf");
        let options = PrintOptions { member_id: None, language: BriefLanguage::Vi };
        itinerary::export_pdf(&store, id, &options, &pdf, stamp()).unwrap();
        let out = Command::new("pdftotext")
            .args(["-layout", pdf.to_str().unwrap(), "-"])
            .output()
            .expect("pdftotext (poppler-utils)");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains(&plan.delegation.data.title), "{text}");
        for m in &plan.members {
            assert!(text.contains(&m.name), "«{}» in the printed list of members", m.name);
        }
    }
}

on_both! {
    fn the_contact_book_exports_as_csv_and_vcard_that_read_back_as_the_stores_contacts(store) {
        let org = store
            .create(&Organization {
                name_vi: "Công ty TNHH \"Hòa Lạc\"; chi nhánh Hà Nội".into(),
                country: "VN".into(),
                ..Default::default()
            })
            .unwrap();
        let labelled = |label: &str, value: &str| Labelled { label: label.into(), value: value.into() };
        for contact in [
            Contact {
                full_name: "Nguyễn Thị Hồng Nhung".into(),
                title: Some("Giám đốc, Khu vực phía Bắc".into()),
                organization_id: Some(org.meta.id),
                emails: vec![labelled("work", "nhung@hoalac.example")],
                phones: vec![labelled("mobile", "+84912345678")],
                languages: vec!["vi".into(), "ja".into()],
                notes: Some("Dòng một\nDòng hai; \"trích dẫn\"".into()),
                ..Default::default()
            },
            Contact { full_name: "=Lê Văn Tám".into(), ..Default::default() },
            Contact { full_name: "Đặng Thu Thảo".into(), ..Default::default() },
        ] {
            store.create(&contact).unwrap();
        }
        // What the store holds, as an export gives it: its uuid, the contact without the
        // organisation's id, and the organisation's name.
        let held: Vec<(String, Contact, Option<String>)> = store
            .list::<Contact>(&ListQuery::default())
            .unwrap()
            .items
            .into_iter()
            .map(|r| {
                let org = r.data.organization_id.map(|_| org.data.name_vi.clone());
                (r.meta.uuid, Contact { organization_id: None, ..r.data }, org)
            })
            .collect();
        assert_eq!(held.len(), 3);
        for (format, read_as) in [
            (ExportFormat::Csv, ImportFormat::Csv),
            (ExportFormat::Vcard, ImportFormat::Vcard),
        ] {
            let text = import::export(&store, format).unwrap();
            let parsed = parse(text.as_bytes(), Some(read_as), None).unwrap();
            assert!(parsed.errors.is_empty(), "{format:?}: {:?}", parsed.errors);
            let read: Vec<(String, Contact, Option<String>)> = parsed
                .rows
                .into_iter()
                .map(|r| (r.uuid.expect("a uuid"), r.contact, r.organization))
                .collect();
            assert_eq!(read, held, "{format:?}, in the store's order");
        }
    }
}

/// `text` with each of `uuids` replaced by its position: the same records under another store's
/// uuids compare equal.
fn without_uuids(text: &str, uuids: &[String]) -> String {
    uuids.iter().enumerate().fold(text.to_owned(), |t, (n, u)| {
        t.replace(u.as_str(), &format!("uuid-{n}"))
    })
}

/// The demo's calendar, printed itinerary and contact files are the same from a store file and
/// from a team store, but for the records' uuids (made at random by each store) and the lines
/// stamped with when each store wrote its records.
#[test]
fn exports_are_the_same_files_from_either_store() {
    let Some((_guard, mut team)) = crate::team_store() else {
        return;
    };
    let (_dir, mut file) = crate::temp_store();
    let outputs = |store: &mut Store| -> Vec<Vec<u8>> {
        let id = tokyo(store);
        let plan = store.plan(id).unwrap();
        let mut uuids: Vec<String> = plan.items.iter().map(|i| i.meta.uuid.clone()).collect();
        uuids.extend(plan.members.iter().map(|m| m.uuid.clone()));
        uuids.extend(
            store
                .list::<Contact>(&ListQuery::default())
                .unwrap()
                .items
                .into_iter()
                .map(|c| c.meta.uuid),
        );
        let calendar: String = ics::calendar(&plan, None, stamp())
            .split_inclusive("\r\n")
            .filter(|l| {
                !["CREATED:", "LAST-MODIFIED:", "SEQUENCE:"]
                    .iter()
                    .any(|p| l.starts_with(p))
            })
            .collect();
        let mut out = vec![without_uuids(&calendar, &uuids).into_bytes()];
        for language in [BriefLanguage::Vi, BriefLanguage::Bi] {
            let options = PrintOptions {
                member_id: None,
                language,
            };
            let pdf = itinerary::to_pdf::itinerary_pdf(&plan, &options, stamp()).unwrap();
            out.push(pdf);
        }
        for format in [ExportFormat::Csv, ExportFormat::Vcard] {
            let text = import::export(store, format).unwrap();
            out.push(without_uuids(&text, &uuids).into_bytes());
        }
        out
    };
    let (from_file, from_team) = (outputs(&mut file), outputs(&mut team));
    assert_eq!(from_file.len(), from_team.len());
    for (i, (a, b)) in from_file.iter().zip(&from_team).enumerate() {
        if a != b {
            let (a, b) = (String::from_utf8_lossy(a), String::from_utf8_lossy(b));
            let at = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
            let near = |s: &str| {
                s.chars()
                    .skip(at.saturating_sub(80))
                    .take(200)
                    .collect::<String>()
            };
            panic!(
                "output {i} differs between the backends:\n{}\n---\n{}",
                near(&a),
                near(&b)
            );
        }
    }
}
