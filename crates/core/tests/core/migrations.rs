use planner_core::store::{migrate_to, LATEST_VERSION, MIGRATIONS};
use planner_core::{CoreError, Store};
use rusqlite::Connection;

#[test]
fn empty_file_reaches_latest_with_pragmas() {
    let (_dir, store) = crate::temp_store();
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
    let conn = Connection::open(store.path().unwrap()).unwrap();
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for t in [
        "audit_log",
        "briefs",
        "contacts",
        "delegations",
        "itinerary_items",
        "leads",
        "trade_offices",
        "office",
        "trusted_keys",
        "received_bundles",
        "sent_bundles",
        "adopted_opportunities",
    ] {
        assert!(
            tables.iter().any(|x| x == t),
            "missing table {t}: {tables:?}"
        );
    }
}

/// The last migration that recreated the search index (and so must make the store rebuild it).
const RECREATED_INDEX: u32 = 8;

/// From every earlier version (including an empty file), opening migrates to the latest and keeps
/// the rows that version held.
#[test]
fn every_earlier_version_migrates_and_keeps_data() {
    for &(from, name, _) in std::iter::once(&(0, "empty", "")).chain(MIGRATIONS.iter()) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        {
            let mut conn = Connection::open(&path).unwrap();
            migrate_to(&mut conn, from).unwrap();
            if from >= 1 {
                conn.execute(
                    "INSERT INTO organizations (uuid, created_at, updated_at, kind, name_vi, country, size)
                     VALUES ('0f8e8f6a-3c1b-4c43-9d4c-6b1f7a1d2e3f', '2025-01-01T00:00:00.000Z',
                             '2025-01-01T00:00:00.000Z', 'investor', 'Công ty Đông Á', 'VN', 'unknown')",
                    [],
                )
                .unwrap();
                // A person on a delegation: rebuilding the contacts table (migration 9) must
                // not cascade to the membership that refers to them.
                conn.execute_batch(
                    "INSERT INTO contacts (id, uuid, created_at, updated_at, full_name,
                         organization_id, consent_basis)
                     VALUES (7, '5b0c7a3e-1d2f-4e5a-8b9c-0d1e2f3a4b5c', '2025-01-01T00:00:00.000Z',
                             '2025-01-01T00:00:00.000Z', 'Đặng Thu Hà', 1, 'consent');
                     INSERT INTO delegations (id, uuid, created_at, updated_at, kind, title,
                         destination_country, time_zone, status)
                     VALUES (3, '6c1d8b4f-2e3a-4f6b-9cad-1e2f3a4b5c6d', '2025-01-01T00:00:00.000Z',
                             '2025-01-01T00:00:00.000Z', 'outbound', 'Xúc tiến tại Osaka', 'JP',
                             'Asia/Tokyo', 'draft');
                     INSERT INTO delegation_members (uuid, created_at, updated_at, delegation_id,
                         contact_id, role, visa_status)
                     VALUES ('7d2e9c5a-3f4b-4a7c-8dbe-2f3a4b5c6d7e', '2025-01-01T00:00:00.000Z',
                             '2025-01-01T00:00:00.000Z', 3, 7, 'head', 'pending');",
                )
                .unwrap();
                // Names whose order binary comparison gets wrong (Đ after Z): migration 14
                // gives each its sort key.
                conn.execute_batch(
                    "INSERT INTO organizations (uuid, created_at, updated_at, kind, name_vi,
                         country, size)
                     VALUES ('1a000000-0000-4000-8000-000000000002', '2025-01-01T00:00:00.000Z',
                             '2025-01-01T00:00:00.000Z', 'investor', 'Zeta Group', 'JP', 'unknown'),
                            ('1a000000-0000-4000-8000-000000000003', '2025-01-01T00:00:00.000Z',
                             '2025-01-01T00:00:00.000Z', 'investor', 'Đà Nẵng Logistics', 'VN',
                             'unknown'),
                            ('1a000000-0000-4000-8000-000000000004', '2025-01-01T00:00:00.000Z',
                             '2025-01-01T00:00:00.000Z', 'investor', 'Dệt may Việt', 'VN',
                             'unknown');
                     INSERT INTO contacts (id, uuid, created_at, updated_at, full_name,
                         consent_basis)
                     VALUES (20, '1b000000-0000-4000-8000-000000000020', '2025-01-01T00:00:00.000Z',
                             '2025-01-01T00:00:00.000Z', 'Zoe Tran', 'unknown'),
                            (21, '1b000000-0000-4000-8000-000000000021', '2025-01-01T00:00:00.000Z',
                             '2025-01-01T00:00:00.000Z', 'Dương Anh', 'unknown');",
                )
                .unwrap();
            }
            if (4..9).contains(&from) {
                // Imported before import_records held the uuids. Import 1 (as the last builds
                // did) wrote an `import` audit row per record; import 2 (as the first ones did)
                // a `create` row, and its contact 9 was later deleted and its id given to a
                // newcomer; import 3's contact 10 was erased (its rows' changes blanked) and its
                // id given to another newcomer. Each import closes with its own audit row.
                conn.execute_batch(
                    "INSERT INTO imports (id, uuid, at, file_name, format, sha256,
                         contacts_created, organizations_created, duplicates_skipped, rows_rejected)
                     VALUES (1, '8e3f0d6b-4a5c-4b8d-9ecf-3a4b5c6d7e8f', '2024-12-31T23:59:59.999Z',
                             'danh-ba.csv', 'csv', 'ab', 1, 0, 0, 0),
                            (2, '9f4a1e7c-5b6d-4c9e-8fd0-4b5c6d7e8f90', '2025-01-02T00:00:00.000Z',
                             'cu.csv', 'csv', 'cd', 2, 0, 0, 0),
                            (3, 'af5b2f8d-6c7e-4daf-9a01-5c6d7e8f9012', '2025-01-05T00:00:00.000Z',
                             'moi.csv', 'csv', 'ef', 1, 0, 0, 0);
                     INSERT INTO import_records (import_id, entity, record_id)
                     VALUES (1, 'contacts', 7), (2, 'contacts', 8), (2, 'contacts', 9),
                            (3, 'contacts', 10);
                     INSERT INTO contacts (id, uuid, created_at, updated_at, full_name, consent_basis)
                     VALUES (8, 'a0000000-0000-4000-8000-000000000008', '2025-01-02T00:00:00.003Z',
                             '2025-01-02T00:00:00.003Z', 'Vũ Minh Tâm', 'unknown'),
                            (9, 'b0000000-0000-4000-8000-000000000009', '2025-01-04T00:00:00.000Z',
                             '2025-01-04T00:00:00.000Z', 'Người Mới', 'unknown'),
                            (10, 'd0000000-0000-4000-8000-00000000000d', '2025-01-07T00:00:00.000Z',
                             '2025-01-07T00:00:00.000Z', 'Người Mới Nữa', 'unknown');
                     INSERT INTO audit_log (at, entity, entity_id, entity_uuid, action, changes)
                     VALUES ('2025-01-01T00:00:00.000Z', 'contacts', 7,
                             '5b0c7a3e-1d2f-4e5a-8b9c-0d1e2f3a4b5c', 'import',
                             '{\"import_id\":{\"after\":1}}'),
                            ('2025-01-01T00:00:00.000Z', 'contacts', 0, '', 'import',
                             '{\"import_id\":1,\"created\":1}'),
                            ('2025-01-02T00:00:00.003Z', 'contacts', 8,
                             'a0000000-0000-4000-8000-000000000008', 'create', '{}'),
                            ('2025-01-02T00:00:00.004Z', 'contacts', 9,
                             'c0000000-0000-4000-8000-00000000000c', 'create', '{}'),
                            ('2025-01-02T00:00:00.005Z', 'contacts', 0, '', 'import',
                             '{\"import_id\":2,\"created\":2}'),
                            ('2025-01-03T00:00:00.000Z', 'contacts', 9,
                             'c0000000-0000-4000-8000-00000000000c', 'delete', '{}'),
                            ('2025-01-04T00:00:00.000Z', 'contacts', 9,
                             'b0000000-0000-4000-8000-000000000009', 'create', '{}'),
                            ('2025-01-05T00:00:00.000Z', 'contacts', 10,
                             'e0000000-0000-4000-8000-00000000000e', 'import',
                             '{\"erased\":true}'),
                            ('2025-01-05T00:00:00.000Z', 'contacts', 0, '', 'import',
                             '{\"import_id\":3,\"created\":1}'),
                            ('2025-01-06T00:00:00.000Z', 'contacts', 10,
                             'e0000000-0000-4000-8000-00000000000e', 'erase', '{}'),
                            ('2025-01-07T00:00:00.000Z', 'contacts', 10,
                             'd0000000-0000-4000-8000-00000000000d', 'create', '{}');",
                )
                .unwrap();
            }
            if (3..RECREATED_INDEX).contains(&from) {
                // As if that version had indexed it: the index must still be rebuilt when a
                // later migration recreates it. (A row written by raw SQL after that is rightly
                // not indexed, so those versions are left out.)
                conn.execute(
                    "INSERT INTO settings(key, value) VALUES ('search_index_version', ?1)",
                    [planner_core::search::INDEX_VERSION.to_string()],
                )
                .unwrap();
            }
        }
        let store = Store::open(&path).unwrap_or_else(|e| panic!("from v{from} ({name}): {e}"));
        assert_eq!(
            store.schema_version().unwrap(),
            LATEST_VERSION,
            "from v{from}"
        );
        if from >= 1 {
            let org = store
                .get_json(planner_core::domain::EntityKind::Organizations, 1)
                .unwrap();
            assert_eq!(org["name_vi"], "Công ty Đông Á");
            // Migration 13: a stored record starts at revision 1, and its next change is
            // checked against that and counted.
            assert_eq!(org["revision"], 1, "from v{from}");
            let mut store = Store::open(&path).unwrap();
            let kind = planner_core::domain::EntityKind::Organizations;
            let changed = store
                .update_json(kind, 1, serde_json::json!({"revision": 1, "city": "Huế"}))
                .unwrap();
            assert_eq!(changed["revision"], 2, "from v{from}");
            assert!(matches!(
                store.update_json(kind, 1, serde_json::json!({"revision": 1, "city": "Vinh"})),
                Err(CoreError::ChangedElsewhere { .. })
            ));
            let person = store
                .get_json(planner_core::domain::EntityKind::Contacts, 7)
                .unwrap();
            assert_eq!(
                (&person["full_name"], &person["organization_id"]),
                (&serde_json::json!("Đặng Thu Hà"), &serde_json::json!(1)),
                "from v{from}"
            );
            let members = store
                .list_json(
                    planner_core::domain::EntityKind::Members,
                    &planner_core::store::ListQuery::default(),
                )
                .unwrap();
            assert_eq!(members.items.len(), 1, "from v{from}");
            assert_eq!(members.items[0]["contact_id"], 7, "from v{from}");
            names_sort_in_vietnamese_order(&mut store, from);
        }
        // Migration 12 starts every store with no office profile, no trusted key and an empty
        // Inbox and Outbox, and their rules in place.
        assert!(store.office().unwrap().is_none(), "from v{from}");
        assert!(store.trusted_keys().unwrap().is_empty(), "from v{from}");
        assert!(store.inbox().unwrap().is_empty(), "from v{from}");
        assert!(store.sent_bundles().unwrap().is_empty(), "from v{from}");
        if (1..RECREATED_INDEX).contains(&from) {
            let found = store.search("dong a", 5).unwrap();
            assert_eq!(
                found.groups.iter().map(|g| g.total).sum::<i64>(),
                1,
                "from v{from}: the organisation is in the search index"
            );
        }
        if (4..9).contains(&from) {
            let actions = |id: i64| -> Vec<(String, String)> {
                store
                    .audit_of(planner_core::domain::EntityKind::Contacts, id)
                    .unwrap()
                    .into_iter()
                    .map(|e| (e.action, e.entity_uuid))
                    .collect()
            };
            let pair = |a: &str, u: &str| (a.to_owned(), u.to_owned());
            // One `import` entry each, read from import_records (its audit row is gone).
            assert_eq!(
                actions(7),
                [pair("import", "5b0c7a3e-1d2f-4e5a-8b9c-0d1e2f3a4b5c")],
                "from v{from}"
            );
            assert_eq!(
                actions(8),
                [
                    pair("import", "a0000000-0000-4000-8000-000000000008"),
                    pair("create", "a0000000-0000-4000-8000-000000000008")
                ],
                "from v{from}"
            );
            // The newcomers holding ids 9 and 10 are not taken for the imported contacts.
            for id in [9, 10] {
                assert!(
                    actions(id).iter().all(|(a, _)| a != "import"),
                    "from v{from}: {id}"
                );
            }
            let mut store = store;
            let undone = planner_core::contacts_io::import::undo(&mut store, 2).unwrap();
            assert_eq!(undone.contacts_removed, 1, "from v{from}");
            let left = store
                .get_json(planner_core::domain::EntityKind::Contacts, 9)
                .unwrap();
            assert_eq!(left["full_name"], "Người Mới");
            assert!(store
                .get_json(planner_core::domain::EntityKind::Contacts, 8)
                .is_err());
            let undone = planner_core::contacts_io::import::undo(&mut store, 3).unwrap();
            assert_eq!(undone.contacts_removed, 0, "from v{from}");
            assert!(store
                .get_json(planner_core::domain::EntityKind::Contacts, 10)
                .is_ok());
        }
    }
}

/// After migration 14, names list in the Vietnamese alphabet (Đ after D, not after Z) from
/// their keys, and nothing in the schema needs a collation of ours. Rows written by plain SQL
/// into a store already at 14 have no key: the doctor finds and writes them.
fn names_sort_in_vietnamese_order(store: &mut Store, from: u32) {
    use planner_core::doctor::{self, Code, Options};
    use planner_core::domain::EntityKind;
    if from >= 14 {
        let report = doctor::check(store, Options { backups: false }).unwrap();
        // The 4 organisations, 3 people and the delegation written above.
        let stale = report.finding(Code::SortKeyStale);
        assert_eq!(stale.map(|f| f.count), Some(8), "from v{from}: {report:#?}");
        doctor::repair(store, Options { backups: false }).unwrap();
    }
    let listed = |kind: EntityKind, field: &str| -> Vec<String> {
        let q = planner_core::store::ListQuery {
            sort: Some(field.into()),
            ..Default::default()
        };
        let page = store.list_json(kind, &q).unwrap();
        page.items
            .iter()
            .map(|v| v[field].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        listed(EntityKind::Organizations, "name_vi"),
        [
            "Công ty Đông Á",
            "Dệt may Việt",
            "Đà Nẵng Logistics",
            "Zeta Group"
        ],
        "from v{from}"
    );
    let people = listed(EntityKind::Contacts, "full_name");
    let at = |n: &str| people.iter().position(|p| p == n).unwrap();
    assert!(
        at("Dương Anh") < at("Đặng Thu Hà") && at("Đặng Thu Hà") < at("Zoe Tran"),
        "from v{from}: {people:?}"
    );
    let conn = Connection::open(store.path().unwrap()).unwrap();
    let collated: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%COLLATE vi%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(collated, 0, "from v{from}");
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok", "from v{from}: plain SQLite checks the file");
}

#[test]
fn newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    drop(Store::open(&path).unwrap());
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", LATEST_VERSION + 1)
        .unwrap();
    drop(conn);
    match Store::open(&path) {
        Err(CoreError::NewerSchema { found, known }) => {
            assert_eq!((found, known), (LATEST_VERSION + 1, LATEST_VERSION))
        }
        other => panic!("expected NewerSchema, got {:?}", other.err()),
    }
}

#[test]
fn foreign_database_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    Connection::open(&path)
        .unwrap()
        .execute("CREATE TABLE t (x)", [])
        .unwrap();
    assert!(matches!(
        Store::open(&path),
        Err(CoreError::ForeignDatabase)
    ));
    let conn = Connection::open(&path).unwrap();
    let n: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1, "nothing was added to the stranger's file");
}
