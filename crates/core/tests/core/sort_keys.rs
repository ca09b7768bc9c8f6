//! A store that standard tools can open, check and write (issue 15, item 7): names sort by keys
//! the core stores beside them (`text::vi_sort_key`), indexed with SQLite's own collation, so
//! plain SQLite (rusqlite without our setup, Python's `sqlite3`) checks and writes the file;
//! what such a tool writes has no key, which the doctor finds and `--repair` writes.

use chrono::NaiveDate;
use planner_core::contacts_io::import;
use planner_core::doctor::{self, Code, Options};
use planner_core::domain::{Contact, EntityKind, Organization};
use planner_core::store::{plain_integrity_check, Backend, ListQuery};
use planner_core::text::{vi_cmp, vi_sort_key};
use planner_core::Store;
use rusqlite::{Connection, OpenFlags};
use std::path::Path;

const STORE_ONLY: Options = Options { backups: false };

fn seed(store: &mut Store) {
    planner_core::demo::seed_demo(store, NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()).unwrap();
}

fn demo_store() -> (tempfile::TempDir, Store) {
    let (dir, mut store) = crate::temp_store();
    seed(&mut store);
    (dir, store)
}

/// The names of `kind`'s records in the order a list sorted by `field` gives them.
fn listed(store: &Store, kind: EntityKind, field: &str) -> Vec<String> {
    let q = ListQuery {
        sort: Some(field.into()),
        ..ListQuery::default()
    };
    let page = store.list_json(kind, &q).unwrap();
    page.items
        .iter()
        .map(|v| v[field].as_str().unwrap_or_default().to_owned())
        .collect()
}

fn in_vietnamese_order(names: &[String]) -> bool {
    names.windows(2).all(|w| vi_cmp(&w[0], &w[1]).is_le())
}

/// Each record whose stored sort key is not `vi_sort_key` of its text (NULL for no text), as
/// "table id field", read behind the store's back: what the doctor finds in a store file, asked
/// of either backend.
fn stale_keys(store: &Store) -> Vec<String> {
    let hex = match store.backend() {
        Backend::Sqlite => "lower(hex(k))",
        _ => "encode(k, 'hex')",
    };
    let mut stale = Vec::new();
    for kind in EntityKind::ALL {
        for field in kind.sort_keys() {
            let sql = format!(
                "SELECT id || ' ' || CASE WHEN k IS NULL THEN '-' ELSE '+' || {hex} END || ' ' ||
                        CASE WHEN t IS NULL THEN '-' ELSE '+' || t END
                 FROM (SELECT id, {field}_key AS k, {field} AS t FROM {}) AS r ORDER BY id",
                kind.table()
            );
            for row in crate::raw_texts(store, &sql) {
                let mut parts = row.splitn(3, ' ');
                let (id, key, text) = (parts.next(), parts.next(), parts.next());
                let expected = match text.and_then(|t| t.strip_prefix('+')) {
                    Some(t) => format!(
                        "+{}",
                        vi_sort_key(t)
                            .iter()
                            .map(|b| format!("{b:02x}"))
                            .collect::<String>()
                    ),
                    None => "-".to_owned(),
                };
                if key != Some(expected.as_str()) {
                    stale.push(format!("{} {} {field}", kind.table(), id.unwrap()));
                }
            }
        }
    }
    stale
}

/// SQLite's own `integrity_check` on a connection that registers nothing of ours.
fn plain_check(path: &Path) -> Vec<String> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let mut stmt = conn.prepare("PRAGMA integrity_check").unwrap();
    let rows = stmt.query_map([], |r| r.get::<_, String>(0)).unwrap();
    rows.collect::<rusqlite::Result<_>>().unwrap()
}

on_both! {
    fn every_writer_keeps_the_keys_of_what_it_writes(store) {
        // The demo seeds through records, people, the exchange (the Tokyo brief adopted) and more.
        seed(&mut store);
        let csv = "Họ và tên,Email,Điện thoại,Công ty\n\
                   Đoàn Văn Bảo,bao@example.vn,,Công ty Ánh Dương\n\
                   Zoe Tran,zoe@example.com,,Zenith Ltd\n\
                   Dương Thị Ánh,anh@example.vn,,Công ty Ánh Dương\n";
        let report = import::import(
            &mut store,
            csv.as_bytes(),
            "moi.csv",
            None,
            None,
            false,
            None,
        )
        .unwrap();
        assert_eq!(report.contacts_created, 3);
        while store.tidy_step().unwrap() {}
        let people = store.list::<Contact>(&ListQuery::default()).unwrap().items;
        let (a, b) = (people[0].meta.id, people[1].meta.id);
        store
            .update_json(
                EntityKind::Contacts,
                a,
                serde_json::json!({"full_name": "Đặng Văn Đổi Tên"}),
            )
            .unwrap();
        planner_core::people::merge_contacts(&mut store, a, b).unwrap();
        let org = store
            .list::<Organization>(&ListQuery::default())
            .unwrap()
            .items[0]
            .meta
            .id;
        store
            .update_json(
                EntityKind::Organizations,
                org,
                serde_json::json!({"name_en": "Renamed Co", "name_vi": "Ô tô Việt"}),
            )
            .unwrap();
        assert_eq!(stale_keys(&store), Vec::<String>::new());
        // The doctor checks store files only (a team store's health is the server's).
        if store.backend() == Backend::Sqlite {
            let report = doctor::check(&store, STORE_ONLY).unwrap();
            assert!(report.healthy(), "{:#?}", report.findings);
        }
        for (kind, field) in [
            (EntityKind::Contacts, "full_name"),
            (EntityKind::Organizations, "name_vi"),
            (EntityKind::Counsellors, "full_name"),
            (EntityKind::Offices, "name_vi"),
            (EntityKind::Delegations, "title"),
            (EntityKind::Opportunities, "name_vi"),
        ] {
            let names = listed(&store, kind, field);
            assert!(names.len() > 1, "{kind}");
            assert!(in_vietnamese_order(&names), "{kind}: {names:?}");
        }
        // Đ sorts after D, before E, not after Z.
        let people = listed(&store, EntityKind::Contacts, "full_name");
        let at = |n: &str| people.iter().position(|p| p == n).unwrap();
        assert!(at("Dương Thị Ánh") < at("Đoàn Văn Bảo") && at("Đoàn Văn Bảo") < at("Zoe Tran"));
    }
}

#[test]
fn plain_sqlite_and_python_check_and_write_the_store_and_the_doctor_mends_their_keys() {
    let (_dir, store) = demo_store();
    let path = store.path().unwrap().to_owned();
    drop(store);
    assert_eq!(plain_check(&path), ["ok"]);
    let plain = plain_integrity_check(&path).unwrap();
    assert!(
        !plain.needed_collation && plain.problems.is_empty(),
        "{plain:?}"
    );

    // rusqlite without our setup, as any program linking SQLite would write.
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(
        "INSERT INTO contacts (uuid, created_at, updated_at, full_name, consent_basis)
         VALUES ('0b5c2e1a-7d3f-4a6b-9c8d-1e2f3a4b5c6d', '2026-01-01T00:00:00.000Z',
                 '2026-01-01T00:00:00.000Z', 'Zoe Plain', 'unknown');
         UPDATE organizations SET name_vi = 'Đông Phương Plain' WHERE id = 1;",
    )
    .unwrap();
    drop(conn);

    // Python's sqlite3, as the agency's IT would run it.
    let script = "import sqlite3, sys\n\
        db = sqlite3.connect(sys.argv[1])\n\
        assert db.execute('PRAGMA integrity_check').fetchall() == [('ok',)]\n\
        db.execute(\"INSERT INTO organizations (uuid, created_at, updated_at, kind, name_vi, country, size) \
            VALUES ('1c6d3f2b-8e4a-4b7c-8d9e-2f3a4b5c6d7e', '2026-01-01T00:00:00.000Z', \
            '2026-01-01T00:00:00.000Z', 'investor', 'Ánh Dương Python', 'VN', 'unknown')\")\n\
        db.execute(\"UPDATE contacts SET full_name = 'Đinh Python' WHERE id = 2\")\n\
        db.commit()\n";
    let out = std::process::Command::new("/usr/bin/python3")
        .args(["-c", script])
        .arg(&path)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(plain_check(&path), ["ok"]);

    let mut store = Store::open(&path).unwrap();
    let report = doctor::check(&store, STORE_ONLY).unwrap();
    let stale = report
        .finding(Code::SortKeyStale)
        .expect("stale keys found");
    assert!(stale.repairable);
    let mut items = stale.items.clone();
    items.sort();
    let raw = Connection::open(&path).unwrap();
    let id_of = |table: &str, uuid: &str| -> i64 {
        raw.query_row(
            &format!("SELECT id FROM {table} WHERE uuid = ?1"),
            [uuid],
            |r| r.get(0),
        )
        .unwrap()
    };
    let new_contact = id_of("contacts", "0b5c2e1a-7d3f-4a6b-9c8d-1e2f3a4b5c6d");
    let new_org = id_of("organizations", "1c6d3f2b-8e4a-4b7c-8d9e-2f3a4b5c6d7e");
    // (The new organisation's English name is NULL, and so is its key: nothing to mend.)
    let mut expected = vec![
        format!("contacts {new_contact} full_name"),
        "contacts 2 full_name".to_owned(),
        format!("organizations {new_org} name_vi"),
        "organizations 1 name_vi".to_owned(),
    ];
    expected.sort();
    assert_eq!(items, expected);
    // What the contract test reads on either backend finds the same as the doctor.
    let mut read = stale_keys(&store);
    read.sort();
    assert_eq!(read, expected);
    // Until then the rows they wrote list out of order (a NULL key first, an old key where
    // the old name was).
    assert!(!in_vietnamese_order(&listed(
        &store,
        EntityKind::Contacts,
        "full_name"
    )));

    let repair = doctor::repair(&mut store, STORE_ONLY).unwrap();
    assert_eq!(repair.sort_keys_refreshed, 4);
    assert!(repair.after.healthy(), "{:#?}", repair.after.findings);
    for (kind, field) in [
        (EntityKind::Contacts, "full_name"),
        (EntityKind::Organizations, "name_vi"),
    ] {
        let names = listed(&store, kind, field);
        assert!(in_vietnamese_order(&names), "{kind}: {names:?}");
    }
    let orgs = listed(&store, EntityKind::Organizations, "name_vi");
    assert!(orgs.iter().any(|o| o == "Ánh Dương Python"), "{orgs:?}");
}
