//! `planner team push` and `pull` (`store/team_copy.rs`): a whole office moved from a store file
//! into an empty team database gives the same answers there, and pulled back into a new file
//! gives the same rows, table for table; a team database with data is refused, and a push that
//! fails midway leaves the team database as empty as it was.

use super::two_offices::{brief, export_to, hanoi, profile, Office};
use crate::{pg_database, PgDatabase};
use planner_core::contacts_io::import as contacts_import;
use planner_core::domain::*;
use planner_core::exchange::{adopt, import, office};
use planner_core::store::team_copy::{self, CopyReport, PULLED_AT, PULLED_FROM};
use planner_core::store::{ListQuery, PipelineFilter, LATEST_VERSION};
use planner_core::{CoreError, Store};
use rusqlite::types::Value;
use serde_json::json;
use std::collections::BTreeMap;
use std::path::Path;

const CSV: &str = "Họ và tên;Email;Công ty\r\n\
Nguyễn Văn An;an@vinfast.vn;VinFast\r\n\
Đỗ Đức Đạt;dat@fpt.com.vn;Tập đoàn FPT Hà Nội\r\n";

/// The demo office in a store file (what is pushed).
fn hanoi_file() -> Office {
    let (_template, file) = crate::file_store();
    hanoi(&file)
}

/// A whole office: the demo, a contact file imported, a sector added, a picture, a brief sent
/// (the office's key made), and two versions of another office's brief received, the first
/// superseded by the second (a row naming a later row of its own table), with its
/// opportunities adopted. Every table of the schema holds rows (checked by `table_rows`).
fn whole_office() -> Office {
    let mut a = hanoi_file();
    let mut osaka = hanoi_file();
    office::save(
        &mut osaka.store,
        profile("TV-OSAKA", "Thương vụ Osaka", "Osaka Trade Office"),
    )
    .unwrap();
    let first = brief(&mut osaka);
    let v1 = export_to(&mut osaka, first, true, "v1");
    let second = brief(&mut osaka);
    let v2 = export_to(&mut osaka, second, true, "v2");
    import::import_file(&mut a.store, &v1, true, "cli").unwrap();
    let received = import::import_file(&mut a.store, &v2, true, "cli").unwrap();
    adopt::adopt(&mut a.store, received.received_id, None, &[]).unwrap();
    let ours = brief(&mut a);
    export_to(&mut a, ours, false, "ours");
    contacts_import::import(
        &mut a.store,
        CSV.as_bytes(),
        "danh-ba.csv",
        None,
        None,
        false,
        None,
    )
    .unwrap();
    a.store
        .add_sector("Hàng không vũ trụ", "Aerospace")
        .unwrap();
    let opportunity = a
        .store
        .list::<Opportunity>(&ListQuery::default())
        .unwrap()
        .items[0]
        .meta
        .id;
    a.store
        .add_opportunity_image(opportunity, &crate::images_png(), Some("Toàn cảnh"))
        .unwrap();
    a
}

/// Every table of a store file but SQLite's own and the search index's (FTS5 and its shadow
/// tables), each with its rows in full order; the settings without the copy's own
/// (`team_pulled_*`) and the search index's bookkeeping (an import's pending key: the copy
/// rebuilds its index whole).
fn table_rows(path: &Path) -> BTreeMap<String, Vec<Vec<Value>>> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let names: Vec<String> = conn
        .prepare(
            "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table'
               AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut tables = BTreeMap::new();
    for name in names {
        let mut stmt = conn.prepare(&format!("SELECT * FROM {name}")).unwrap();
        let n = stmt.column_count();
        let mut rows: Vec<Vec<Value>> = stmt
            .query_map([], |r| (0..n).map(|i| r.get(i)).collect())
            .unwrap()
            .map(Result::unwrap)
            .filter(|row: &Vec<Value>| {
                name != "settings"
                    || !matches!(&row[0], Value::Text(k)
                        if k.starts_with("team_pulled_") || k.starts_with("search_index_"))
            })
            .collect();
        rows.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
        tables.insert(name, rows);
    }
    tables
}

/// What an officer sees of a store, as JSON: every kind's list, the audit of a few records of
/// each kind, searches with and without accents, the dashboard, the pipeline, pictures and
/// their bytes, the sectors, the imports, the Inbox, the Outbox, the office and its keys.
fn answers(store: &Store) -> serde_json::Value {
    let mut out = serde_json::Map::new();
    for kind in EntityKind::ALL {
        let list = store.list_json(kind, &ListQuery::default()).unwrap();
        let audits: Vec<_> = list
            .items
            .iter()
            .take(3)
            .map(|r| {
                let mut entries = store.audit_of(kind, r["id"].as_i64().unwrap()).unwrap();
                // Who wrote a row is the team store's own fact (the pushing role; checked
                // below); a file names no one.
                for e in &mut entries {
                    e.officer = None;
                }
                entries
            })
            .collect();
        out.insert(
            format!("{kind:?}"),
            json!({ "list": list, "audit": audits }),
        );
    }
    for q in [
        "da nang",
        "Đà Nẵng",
        "nguyen",
        "Nguyễn",
        "ban dan",
        "hà nội",
        "FPT",
    ] {
        out.insert(format!("search {q}"), json!(store.search(q, 20).unwrap()));
    }
    out.insert("dashboard".into(), json!(store.dashboard().unwrap()));
    let pipeline = store.pipeline_totals(&PipelineFilter::default()).unwrap();
    out.insert("pipeline".into(), json!(pipeline));
    let mut pictures = Vec::new();
    for o in store
        .list::<Opportunity>(&ListQuery::default())
        .unwrap()
        .items
    {
        for image in store.opportunity_images(o.meta.id).unwrap() {
            let bytes = store.opportunity_image_bytes(image.id).unwrap();
            pictures.push(json!({ "image": image, "bytes": bytes }));
        }
    }
    out.insert("pictures".into(), json!(pictures));
    out.insert("imports".into(), json!(store.imports().unwrap()));
    out.insert("inbox".into(), json!(store.inbox().unwrap()));
    let outbox = planner_core::exchange::export::outbox(store).unwrap();
    out.insert("outbox".into(), json!(outbox));
    let debug = format!(
        "{:?} {:?} {:?}",
        store.sectors().unwrap(),
        store.office().unwrap(),
        store.trusted_keys().unwrap()
    );
    out.insert("sectors, office, keys".into(), json!(debug));
    serde_json::Value::Object(out)
}

fn rows_of(report: &CopyReport) -> BTreeMap<String, u64> {
    report
        .tables
        .iter()
        .map(|t| (t.table.clone(), t.rows))
        .collect()
}

/// Rows per table in the team database, settings without the search index's bookkeeping.
fn team_counts(db: &PgDatabase, tables: impl Iterator<Item = String>) -> BTreeMap<String, u64> {
    let mut client = db.client();
    tables
        .map(|t| {
            let filter = match t.as_str() {
                "settings" => " WHERE key NOT LIKE 'search\\_index\\_%'",
                _ => "",
            };
            let sql = format!("SELECT count(*) FROM {t}{filter}");
            let n: i64 = client.query_one(&sql, &[]).unwrap().get(0);
            (t, n as u64)
        })
        .collect()
}

#[test]
fn a_whole_office_pushed_then_pulled_gives_the_same_answers_and_the_same_rows() {
    let Some(db) = pg_database() else {
        return;
    };
    let office = whole_office();
    let path = office.store.path().unwrap().to_owned();
    let source_rows = table_rows(&path);
    for (table, rows) in &source_rows {
        assert!(
            !rows.is_empty(),
            "the fixture leaves {table} empty: add rows"
        );
    }
    let expected = answers(&office.store);

    let pushed = team_copy::push(&office.store, &db.url).unwrap();
    eprintln!("push of the whole office: {} ms", pushed.millis);
    let copied = rows_of(&pushed);
    let source_counts: BTreeMap<String, u64> = source_rows
        .iter()
        .map(|(t, rows)| (t.clone(), rows.len() as u64))
        .collect();
    assert_eq!(copied, source_counts, "every table, every row");
    assert_eq!(team_counts(&db, copied.keys().cloned()), source_counts);

    let team = Store::open_url(&db.url).unwrap();
    assert_eq!(answers(&team), expected);
    // The history before the push names the role that pushed it.
    let officers: Vec<String> = db
        .client()
        .query("SELECT DISTINCT officer FROM audit_log", &[])
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(officers, ["postgres"]);

    let dir = tempfile::tempdir().unwrap();
    let copy_path = dir.path().join("mission.db");
    let pulled = team_copy::pull(&db.url, &copy_path).unwrap();
    eprintln!("pull of the whole office: {} ms", pulled.millis);
    assert_eq!(rows_of(&pulled), copied);
    let pulled_rows = table_rows(&copy_path);
    assert_eq!(
        pulled_rows.keys().collect::<Vec<_>>(),
        source_rows.keys().collect::<Vec<_>>()
    );
    for (table, rows) in &source_rows {
        let theirs = &pulled_rows[table];
        let differ: Vec<_> = rows
            .iter()
            .zip(theirs)
            .filter(|(a, b)| a != b)
            .take(2)
            .collect();
        assert!(
            rows.len() == theirs.len() && differ.is_empty(),
            "{table}: {} rows here, {} pulled; differing: {differ:?}",
            rows.len(),
            theirs.len()
        );
    }
    let copy = Store::open(&copy_path).unwrap();
    assert_eq!(copy.schema_version().unwrap(), LATEST_VERSION);
    assert_eq!(answers(&copy), expected);
    assert_eq!(
        copy.setting(PULLED_FROM).unwrap().as_deref(),
        Some(db.url.as_str())
    );
    assert!(copy.setting(PULLED_AT).unwrap().unwrap().starts_with("20"));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.contains("pulling"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // Identities were moved past the ids copied: a record made on the team store now gets a
    // fresh one.
    let mut team = team;
    for kind in [EntityKind::Organizations, EntityKind::Contacts] {
        let highest = expected[format!("{kind:?}")]["list"]["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_i64().unwrap())
            .max()
            .unwrap();
        let made = match kind {
            EntityKind::Organizations => {
                team.create(&Organization {
                    name_vi: "Công ty Mới".into(),
                    country: "VN".into(),
                    ..Default::default()
                })
                .unwrap()
                .meta
                .id
            }
            _ => {
                team.create(&Contact {
                    full_name: "Lê Mới".into(),
                    ..Default::default()
                })
                .unwrap()
                .meta
                .id
            }
        };
        assert_eq!(made, highest + 1, "{kind:?}");
    }
}

/// The demo alone in a store file.
pub fn demo_file() -> (tempfile::TempDir, Store) {
    let (dir, mut store) = crate::temp_store();
    planner_core::demo::seed_demo(
        &mut store,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
    )
    .unwrap();
    (dir, store)
}

#[test]
fn a_team_database_with_data_is_refused_and_left_as_it_was() {
    let Some(db) = pg_database() else {
        return;
    };
    let (_dir, store) = demo_file();
    // One organisation made on the team store is data enough to refuse.
    let mut team = Store::open_url(&db.url).unwrap();
    team.create(&Organization {
        name_vi: "Công ty Đã Có".into(),
        country: "VN".into(),
        ..Default::default()
    })
    .unwrap();
    let before = db.row_counts();
    let e = team_copy::push(&store, &db.url).unwrap_err();
    assert!(matches!(e, CoreError::TeamStoreNotEmpty(_)), "{e:?}");
    let payload = e.payload();
    assert_eq!(payload.code, "team_store_not_empty");
    assert!(payload.message_en.contains("already holds data"));
    assert!(payload.message_vi.contains("đã có dữ liệu"));
    assert_eq!(db.row_counts(), before, "nothing was written");
}

#[test]
fn a_push_that_fails_midway_leaves_the_team_database_empty() {
    let Some(db) = pg_database() else {
        return;
    };
    let (_dir, store) = demo_file();
    drop(Store::open_url(&db.url).unwrap());
    let empty = db.row_counts();
    // The team database refuses the last table the demo fills, after all the others went in.
    db.client()
        .batch_execute("ALTER TABLE received_bundles ADD CONSTRAINT refused CHECK (false)")
        .unwrap();
    let e = team_copy::push(&store, &db.url).unwrap_err();
    assert!(e.to_string().contains("refused"), "{e}");
    assert_eq!(db.row_counts(), empty, "one transaction: nothing stayed");
    // And so the same push works once the database accepts the row.
    db.client()
        .batch_execute("ALTER TABLE received_bundles DROP CONSTRAINT refused")
        .unwrap();
    let report = team_copy::push(&store, &db.url).unwrap();
    assert_eq!(rows_of(&report)["received_bundles"], 1);
}
