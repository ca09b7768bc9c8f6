//! Importing contact files into the store: one transaction, errors by line, dry run,
//! duplicates skipped, undo, and export → import round trips on real SQLite files.

use planner_core::contacts_io::import::{self, ExportFormat};
use planner_core::contacts_io::ImportFormat;
use planner_core::domain::*;
use planner_core::store::ListQuery;
use planner_core::{CoreError, Store};

const CSV: &str = "\u{feff}Họ và tên;Email;Điện thoại;Công ty;Ghi chú\r\n\
Nguyễn Văn An;an@vinfast.vn;0912 345 678;VinFast;\"Gặp ở hội chợ\r\nHà Nội, 2026\"\r\n\
Trần Thị Bình;binh@@sai;0903 111 222;VinFast;\r\n\
Đỗ Đức Đạt;dat@fpt.com.vn;+84 24 7300 7300;Tập đoàn FPT;=HYPERLINK(\"http://x\")\r\n";

fn contacts(store: &Store) -> Vec<planner_core::store::Record<Contact>> {
    store.list::<Contact>(&ListQuery::default()).unwrap().items
}

on_both! {
    fn a_csv_with_a_bad_row_imports_the_rest_and_names_the_line(store) {
        // The dry run reports exactly and writes nothing.
        let dry = import::import(
            &mut store,
            CSV.as_bytes(),
            "danh-ba.csv",
            None,
            None,
            true,
            None,
        )
        .unwrap();
        assert_eq!((dry.contacts_created, dry.organizations_created), (2, 2));
        assert_eq!(dry.import_id, None);
        assert!(contacts(&store).is_empty());
        assert!(store.imports().unwrap().is_empty());

        let r = import::import(
            &mut store,
            CSV.as_bytes(),
            "danh-ba.csv",
            None,
            None,
            false,
            None,
        )
        .unwrap();
        assert_eq!(r.format, ImportFormat::Csv);
        assert_eq!(r.contacts_created, 2);
        assert_eq!(r.errors.len(), 1, "{:#?}", r.errors);
        assert_eq!(
            r.errors[0].line, 4,
            "the second data row starts on line 4 (a quoted newline before)"
        );
        assert_eq!(r.errors[0].field, "Email");
        let all = contacts(&store);
        let an = all
            .iter()
            .find(|c| c.data.full_name == "Nguyễn Văn An")
            .unwrap();
        assert_eq!(an.data.phones[0].value, "+84912345678");
        assert_eq!(
            an.data.notes.as_deref(),
            Some("Gặp ở hội chợ\nHà Nội, 2026")
        );
        let dat = all
            .iter()
            .find(|c| c.data.full_name == "Đỗ Đức Đạt")
            .unwrap();
        assert_eq!(
            dat.data.notes.as_deref(),
            Some("=HYPERLINK(\"http://x\")"),
            "formulas stay text"
        );
        let fpt = store
            .get::<Organization>(dat.data.organization_id.unwrap())
            .unwrap();
        assert_eq!(fpt.data.name_vi, "Tập đoàn FPT");
        // Found by search at once, without accents.
        let hits = store.search("do duc dat", 5).unwrap();
        assert_eq!(hits.groups[0].hits[0].label, "Đỗ Đức Đạt");
        // Importing the same file again creates nobody: everyone is a duplicate.
        let again = import::import(
            &mut store,
            CSV.as_bytes(),
            "danh-ba.csv",
            None,
            None,
            false,
            None,
        )
        .unwrap();
        assert_eq!(again.contacts_created, 0);
        assert_eq!(again.duplicates.len(), 2);
        assert_eq!(again.duplicates[0].reason, import::DuplicateReason::Email);
        assert_eq!(
            again.organizations_created, 0,
            "organisations matched by name"
        );
    }
}

on_both! {
    fn an_import_checks_the_previewed_file_counts_rows_and_keeps_no_personal_data_in_the_log(store) {
        // A row with two errors counts once.
        let two_errors = format!("{CSV};not-an-email;;;\r\n");
        let preview = import::preview(&mut store, two_errors.as_bytes(), "a.csv", None, None).unwrap();
        assert_eq!(preview.sha256.len(), 64);
        assert_eq!(
            preview.errors.iter().filter(|e| e.line == 6).count(),
            2,
            "{:#?}",
            preview.errors
        );
        assert_eq!(preview.rows_rejected, 2, "{:#?}", preview.errors);

        // The file was saved again in another program between the preview and the import.
        let changed = CSV.replace("Nguyễn Văn An", "Nguyễn Văn Ân");
        let Err(CoreError::Invalid(e)) = import::import(
            &mut store,
            changed.as_bytes(),
            "a.csv",
            None,
            None,
            false,
            Some(&preview.sha256),
        ) else {
            panic!("a changed file was imported")
        };
        assert_eq!(
            (e[0].field.as_str(), e[0].code.as_str()),
            ("file", "file_changed")
        );
        assert!(e[0].message_en.contains("a.csv changed since the preview"));
        assert!(contacts(&store).is_empty());

        let r = import::import(
            &mut store,
            two_errors.as_bytes(),
            "a.csv",
            None,
            None,
            false,
            Some(&preview.sha256.to_uppercase()),
        )
        .unwrap();
        assert_eq!((r.contacts_created, r.rows_rejected), (2, 2));
        assert_eq!(store.imports().unwrap()[0].rows_rejected, 2);
        // The organisations it created are indexed (after its contacts) and found without accents.
        let hits = store.search("tap doan fpt", 5).unwrap();
        assert_eq!(hits.groups[0].kind, EntityKind::Organizations);
        assert_eq!(hits.groups[0].hits[0].label, "Tập đoàn FPT");
        assert_eq!(store.search("vinfast", 5).unwrap().groups[0].total, 1);
        // Each created record has its audit row, which names the import and nothing personal.
        let an = contacts(&store)
            .into_iter()
            .find(|c| c.data.full_name == "Nguyễn Văn An")
            .unwrap();
        let log = store.audit_of(EntityKind::Contacts, an.meta.id).unwrap();
        assert_eq!(log.len(), 1);
        assert_eq!(log[0].action, "import");
        assert_eq!(
            log[0].changes,
            serde_json::json!({"import_id": {"after": r.import_id.unwrap()}})
        );
        let fpt = an.data.organization_id.unwrap();
        assert_eq!(
            store.audit_of(EntityKind::Organizations, fpt).unwrap()[0].action,
            "import"
        );
    }
}

/// The dry run writes no record, so it must find by itself everything writing would refuse:
/// on every fixture, and on a file repeating people of the demo book and of itself, its report
/// is the import's.
#[test]
fn a_dry_run_reports_what_the_import_then_does() {
    let dir = format!("{}/tests/fixtures/contacts", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x != "md"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect();
    files.sort();
    // Demo people again (by email and by phone), a row twice, an organisation of the demo and
    // a new one written two ways, a bad email.
    files.push((
        "repeats.csv".into(),
        "Họ và tên,Email,Điện thoại,Công ty\n\
         Mai Fujita,m.fujita@hoshino-semimat.example,,Hoshino Semiconductor Materials K.K.\n\
         Lê Văn Mới,le.moi@example.vn,0912 000 111,Công ty Cổ phần Mới\n\
         Lê Văn Mới,le.moi@example.vn,,CÔNG TY CỔ PHẦN MỚI\n\
         Trần Sai,tran@@sai,,\n"
            .as_bytes()
            .to_vec(),
    ));
    let mut compared = 0;
    for (name, bytes) in &files {
        let (_dir, mut store) = crate::temp_store();
        planner_core::demo::seed_demo(
            &mut store,
            chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
        )
        .unwrap();
        let before = store.count(EntityKind::Contacts).unwrap();
        let Ok(dry) = import::import(&mut store, bytes, name, None, None, true, None) else {
            // A file refused whole (empty, no header, bad bytes) is refused by both.
            assert!(import::import(&mut store, bytes, name, None, None, false, None).is_err());
            continue;
        };
        assert_eq!(store.count(EntityKind::Contacts).unwrap(), before, "{name}");
        let real = import::import(&mut store, bytes, name, None, None, false, None).unwrap();
        assert_eq!(
            import::ImportReport {
                import_id: None,
                dry_run: true,
                ..real.clone()
            },
            dry,
            "{name}"
        );
        assert_eq!(
            store.count(EntityKind::Contacts).unwrap(),
            before + real.contacts_created,
            "{name}"
        );
        if name == "repeats.csv" {
            assert_eq!(
                (
                    real.contacts_created,
                    real.organizations_created,
                    real.duplicates.len(),
                    real.rows_rejected
                ),
                (1, 1, 2, 1)
            );
        }
        compared += 1;
    }
    assert!(compared >= 10, "{compared} files compared");
}

#[test]
fn an_id_freed_by_a_deletion_is_not_taken_for_the_imports_record() {
    let (_dir, mut store) = crate::temp_store();
    let r = import::import(&mut store, CSV.as_bytes(), "a.csv", None, None, false, None).unwrap();
    let imported = contacts(&store);
    let last = imported.iter().map(|c| c.meta.id).max().unwrap();
    // Each record's history starts with the import, which it carries the instant of.
    let batch = store.imports().unwrap().remove(0);
    for c in &imported {
        let log = store.audit_of(EntityKind::Contacts, c.meta.id).unwrap();
        assert_eq!(log[0].action, "import");
        assert_eq!(log[0].entity_uuid, c.meta.uuid);
        assert_eq!(
            c.meta
                .created_at
                .to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            batch.at
        );
    }
    // SQLite gives the highest id again once its row is deleted.
    store.delete(EntityKind::Contacts, last).unwrap();
    let newcomer = store
        .create(&Contact {
            full_name: "Lê Minh Khoa".into(),
            ..Contact::default()
        })
        .unwrap();
    assert_eq!(newcomer.meta.id, last);
    let log = store.audit_of(EntityKind::Contacts, last).unwrap();
    assert_eq!(
        log.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(),
        ["delete", "create"],
        "the newcomer's history has no import, only the deleted record's delete and its create"
    );
    // Undoing the import removes what is left of it and not the newcomer.
    let u = import::undo(&mut store, r.import_id.unwrap()).unwrap();
    assert_eq!(u.contacts_removed, imported.len() as i64 - 1);
    let left = contacts(&store);
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].data.full_name, "Lê Minh Khoa");
}

/// Segments of the search index (rows of FTS5's segment index name each segment's id).
fn index_segments(store: &Store) -> i64 {
    let conn = rusqlite::Connection::open(store.path().unwrap()).unwrap();
    conn.query_row(
        "SELECT count(DISTINCT segid) FROM search_index_idx",
        [],
        |r| r.get(0),
    )
    .unwrap()
}

#[test]
fn a_large_import_leaves_indexing_merging_and_the_checkpoint_to_steps_that_change_no_answer() {
    let (_dir, mut store) = crate::temp_store();
    let mut csv = String::from("Họ và tên,Email,Điện thoại,Công ty,Ghi chú\n");
    for i in 0..12_000 {
        csv.push_str(&format!(
            "Đặng Thị Hương {i},huong{i}@congty{}.vn,024 3{i:06},Công ty Đầu tư {},\"Gặp ở Đà Nẵng {i}, hẹn {}x{} tháng {}\"\n",
            i % 50,
            i % 50,
            i * 7,
            i * 13,
            i % 12
        ));
    }
    let segments_before = index_segments(&store);
    let path = store.path().unwrap().to_owned();
    let file_before = std::fs::metadata(&path).unwrap().len();
    let r = import::import(
        &mut store,
        csv.as_bytes(),
        "big.csv",
        None,
        None,
        false,
        None,
    )
    .unwrap();
    assert_eq!((r.contacts_created, r.organizations_created), (12_000, 50));
    // The import's transaction wrote the records, not their index entries, and its commit left
    // the pages in the WAL: the database file has not grown yet.
    assert_eq!(index_segments(&store), segments_before);
    assert_eq!(std::fs::metadata(&path).unwrap().len(), file_before);
    // The index follows in steps of 5,000 records, each its own transaction.
    let mut steps = 0;
    while store.index_step().unwrap() {
        steps += 1;
    }
    assert_eq!(steps, 3, "12,050 records in steps of 5,000");
    // FTS5 flushes its pending terms at every commit and every megabyte: the steps leave
    // every one of them as a segment (8 here), where its usual merging (from 4 on one level,
    // as it goes) would have left 5.
    let indexed = index_segments(&store);
    assert!(
        indexed >= segments_before + 7,
        "{segments_before} segments before, {indexed} after indexing"
    );
    let queries = [
        "huong 11999",
        "dang thi",
        "cong ty dau tu 4",
        "da nang",
        "02430005",
    ];
    let answers = |store: &Store| -> Vec<_> {
        queries
            .iter()
            .map(|q| serde_json::to_value(store.search(q, 8).unwrap()).unwrap())
            .collect()
    };
    let before = answers(&store);
    assert!(
        before[0].to_string().contains("Đặng Thị Hương 11999"),
        "{}",
        before[0]
    );
    let mut steps = 0;
    while store.tidy_step().unwrap() {
        steps += 1;
        assert!(steps < 1000, "tidying ends");
    }
    assert!(steps >= 1, "there was merging to do");
    assert!(
        index_segments(&store) < indexed,
        "the steps merged segments"
    );
    assert!(std::fs::metadata(&path).unwrap().len() > file_before);
    assert_eq!(answers(&store), before, "tidying changes no answer");
    assert!(!store.tidy_step().unwrap(), "nothing is left to do");
}

/// How many index entries match `query` (FTS5 syntax), read without the store.
fn raw_matches(path: &std::path::Path, query: &str) -> i64 {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row(
        "SELECT count(*) FROM search_index WHERE search_index MATCH ?1",
        [query],
        |r| r.get(0),
    )
    .unwrap()
}

#[test]
fn records_left_to_index_are_indexed_before_any_search_or_write_and_after_a_crash() {
    let (dir, mut store) = crate::temp_store();
    let path = store.path().unwrap().to_owned();
    import_file(&mut store, CSV, "a.csv");
    assert_eq!(raw_matches(&path, "nguyen"), 0, "not indexed yet");
    // A write indexes them first: renaming one leaves no entry under its old name.
    let an = contacts(&store)
        .into_iter()
        .find(|c| c.data.full_name == "Nguyễn Văn An")
        .unwrap();
    store
        .update_json(
            EntityKind::Contacts,
            an.meta.id,
            serde_json::json!({"full_name": "Nguyễn Văn Ánh"}),
        )
        .unwrap();
    assert_eq!(names_in(&store, "nguyen van anh"), ["Nguyễn Văn Ánh"]);
    assert!(names_in(&store, "nguyen van an")
        .iter()
        .all(|n| n != "Nguyễn Văn An"));
    // A search indexes them first too.
    import_file(&mut store, CSV_TWO, "b.csv");
    assert_eq!(raw_matches(&path, "thanh"), 0);
    assert_eq!(names_in(&store, "le thanh"), ["Lê Thanh Hà"]);
    // A process that ends before indexing leaves a mark: the next open rebuilds the index.
    import_file(&mut store, CSV_THREE, "c.csv");
    drop(store);
    assert_eq!(raw_matches(&path, "quang"), 0);
    let store = Store::open(&path).unwrap();
    assert_eq!(raw_matches(&path, "quang"), 1, "indexed on open");
    assert_eq!(names_in(&store, "vu quang"), ["Vũ Quang Huy"]);
    drop(dir);
}

#[test]
fn another_store_on_the_file_keeps_its_changes_and_its_crash_mark_while_one_indexes() {
    // Two stores on one file stand for two processes (the app and `planner`).
    let (_dir, mut a) = crate::temp_store();
    let path = a.path().unwrap().to_owned();
    import_file(&mut a, CSV, "a.csv");
    // B opens while A has not indexed: it finds A's mark and rebuilds the index; then it erases
    // one imported person and renames another.
    let mut b = Store::open(&path).unwrap();
    assert_eq!(
        raw_matches(&path, "dat"),
        1,
        "B's rebuild indexed A's records"
    );
    let people = contacts(&b);
    let id_of = |name: &str| {
        people
            .iter()
            .find(|c| c.data.full_name == name)
            .unwrap()
            .meta
            .id
    };
    planner_core::people::erase_contact(&mut b, id_of("Đỗ Đức Đạt")).unwrap();
    b.update_json(
        EntityKind::Contacts,
        id_of("Nguyễn Văn An"),
        serde_json::json!({"full_name": "Nguyễn Văn Ánh"}),
    )
    .unwrap();
    // A's steps skip what B changed: no entry comes back for the erased person, and the renamed
    // one is not indexed under the old name again.
    while a.index_step().unwrap() {}
    assert_eq!(raw_matches(&path, "dat"), 0);
    assert_eq!(names_in(&a, "nguyen van"), ["Nguyễn Văn Ánh"]);
    // Each import has its own mark: A indexing its second import does not clear B's.
    import_file(&mut a, CSV_TWO, "b.csv");
    import_file(&mut b, CSV_THREE, "c.csv");
    while a.index_step().unwrap() {}
    drop(b);
    drop(a);
    let reopened = Store::open(&path).unwrap();
    assert_eq!(names_in(&reopened, "vu quang"), ["Vũ Quang Huy"]);
    assert_eq!(names_in(&reopened, "le thanh"), ["Lê Thanh Hà"]);
}

#[test]
fn wiping_the_store_forgets_what_an_import_left_to_index() {
    let (_dir, mut store) = crate::temp_store();
    import_file(&mut store, CSV, "a.csv");
    let marks = |store: &Store| -> i64 {
        rusqlite::Connection::open(store.path().unwrap())
            .unwrap()
            .query_row(
                "SELECT count(*) FROM settings WHERE key GLOB 'search_index_pending:*'",
                [],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert_eq!(marks(&store), 1, "the import's mark");
    store.wipe().unwrap();
    assert_eq!(marks(&store), 0, "gone with the records");
    let created = store
        .create(&Contact {
            full_name: "Lê Minh Khoa".into(),
            ..Contact::default()
        })
        .unwrap();
    assert_eq!(names_in(&store, "khoa"), ["Lê Minh Khoa"]);
    assert_eq!(contacts(&store).len(), 1, "{created:?}");
    drop(store);
}

/// Imports `text` as file `name` (format guessed, no mapping, not a dry run).
fn import_file(store: &mut Store, text: &str, name: &str) -> import::ImportReport {
    import::import(store, text.as_bytes(), name, None, None, false, None).unwrap()
}

const CSV_TWO: &str = "Họ và tên,Email\nLê Thanh Hà,ha@example.vn\n";
const CSV_THREE: &str = "Họ và tên,Email\nVũ Quang Huy,huy@example.vn\n";

fn names_in(store: &Store, q: &str) -> Vec<String> {
    store
        .search(q, 10)
        .unwrap()
        .groups
        .into_iter()
        .flat_map(|g| g.hits)
        .map(|h| h.label)
        .collect()
}

on_both! {
    fn an_import_is_undone_as_a_whole_unless_changed_since(store) {
        let r = import::import(&mut store, CSV.as_bytes(), "a.csv", None, None, false, None).unwrap();
        let id = r.import_id.unwrap();
        let u = import::undo(&mut store, id).unwrap();
        assert_eq!((u.contacts_removed, u.organizations_removed), (2, 2));
        assert!(contacts(&store).is_empty());
        assert_eq!(store.count(EntityKind::Organizations).unwrap(), 0);
        assert!(store.search("nguyen", 5).unwrap().groups.is_empty());
        let Err(CoreError::Invalid(e)) = import::undo(&mut store, id) else {
            panic!("undone twice")
        };
        assert_eq!(e[0].code, "already_undone");
        // Once a contact has been linked to an interaction, the undo is refused and names it.
        let r = import::import(&mut store, CSV.as_bytes(), "b.csv", None, None, false, None).unwrap();
        let an = contacts(&store)[0].meta.id;
        store
            .create_json(
                EntityKind::Interactions,
                serde_json::json!({"occurred_at": "2027-01-05T02:00:00Z", "kind": "call",
                                   "summary": "Gọi", "contact_ids": [an]}),
            )
            .unwrap();
        let Err(CoreError::Invalid(e)) = import::undo(&mut store, r.import_id.unwrap()) else {
            panic!("undo after a link")
        };
        assert_eq!(e[0].code, "changed_since");
        assert!(e[0].message_en.contains(&an.to_string()));
        assert_eq!(contacts(&store).len(), 2, "nothing removed");
    }
}

fn book(store: &mut Store) {
    let org = store
        .create(&Organization {
            name_vi: "Công ty TNHH Điện tử Samsung Việt Nam".into(),
            country: "VN".into(),
            ..Organization::default()
        })
        .unwrap()
        .meta
        .id;
    let l = |label: &str, value: &str| Labelled {
        label: label.into(),
        value: value.into(),
    };
    store
        .create(&Contact {
            full_name: "Phạm Thị Hương Giang".into(),
            title: Some("Giám đốc, Đối ngoại".into()),
            organization_id: Some(org),
            emails: vec![
                l("work", "giang@samsung.com"),
                l("home", "giang.pham@gmail.com"),
            ],
            phones: vec![
                l("mobile", "+84912000111"),
                l("work", "+842435550101"),
                l("Trợ lý", "+84903000222"),
            ],
            languages: vec!["vi".into(), "ko".into()],
            nationality: Some("VN".into()),
            notes: Some("Thích trà \"Thái Nguyên\";\nhọp sáng thứ Hai, 9:00".into()),
            consent_basis: ConsentBasis::Consent,
            consent_date: chrono::NaiveDate::from_ymd_opt(2026, 5, 4),
            consent_source: Some("Hội chợ Vietnam Expo 2026".into()),
        })
        .unwrap();
    store
        .create(&Contact {
            full_name: "Kim Min-jun".into(),
            emails: vec![l("work", "mj.kim@samsung.com")],
            ..Contact::default()
        })
        .unwrap();
}

fn comparable(store: &Store) -> Vec<(String, Contact, Option<String>)> {
    let mut out: Vec<_> = contacts(store)
        .into_iter()
        .map(|r| {
            let org = r
                .data
                .organization_id
                .map(|o| store.get::<Organization>(o).unwrap().data.name_vi);
            (
                r.meta.uuid,
                Contact {
                    organization_id: None,
                    ..r.data
                },
                org,
            )
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[test]
fn exports_round_trip_through_import_into_an_empty_store() {
    for format in [ExportFormat::Csv, ExportFormat::Vcard] {
        let (_d1, mut a) = crate::temp_store();
        book(&mut a);
        let text = import::export(&a, format).unwrap();
        let (_d2, mut b) = crate::temp_store();
        let r = import::import(&mut b, text.as_bytes(), "export", None, None, false, None).unwrap();
        assert!(r.errors.is_empty(), "{format:?}: {:#?}", r.errors);
        assert_eq!(r.contacts_created, 2);
        assert_eq!(comparable(&a), comparable(&b), "{format:?} round trip");
    }
}

on_both! {
    /// A shared office landline alone is a hint for review, not a duplicate (#13.3): the new
    /// person is imported and the pair is listed under possible duplicates; the same person again
    /// (same name and phone) is still skipped.
    fn a_shared_phone_alone_imports_the_person_and_lists_the_pair_for_review(store) {
        let first = "Họ và tên,Email,Điện thoại\nNguyễn Văn An,an@vinfast.vn,024 3826 1234\n";
        import::import(
            &mut store,
            first.as_bytes(),
            "a.csv",
            None,
            None,
            false,
            None,
        )
        .unwrap();
        let second = "Họ và tên,Email,Điện thoại\n\
            Phạm Thu Hà,ha@vinfast.vn,+84 24 3826 1234\n\
            Nguyen Van An,,0243 826 1234\n";
        let r = import::import(
            &mut store,
            second.as_bytes(),
            "b.csv",
            None,
            None,
            false,
            None,
        )
        .unwrap();
        assert_eq!(r.contacts_created, 1, "{:#?}", r.duplicates);
        assert_eq!(r.duplicates.len(), 1, "{:#?}", r.duplicates);
        assert_eq!(r.duplicates[0].line, 3);
        let names: Vec<String> = contacts(&store)
            .into_iter()
            .map(|c| c.data.full_name)
            .collect();
        assert!(names.contains(&"Phạm Thu Hà".to_owned()), "{names:?}");
        let pairs = planner_core::people::find_duplicates(&store).unwrap();
        let pair = serde_json::to_string(&pairs).unwrap();
        assert!(
            pair.contains("Phạm Thu Hà")
                && pair.contains("Nguyễn Văn An")
                && pair.contains("same_phone"),
            "{pair}"
        );
    }
}
