//! The team store's PostgreSQL schema (`migrations/pg/`): its migration runner, its drift from
//! the SQLite schema (none allowed beyond what is listed here), and the role model's grants.
//! Each test takes a fresh database on the test cluster (`pg_database`).

use crate::{pg_database, PgDatabase};
use planner_core::store::pg_schema::{migrate, PG_LATEST_VERSION, PG_MIGRATIONS};
use planner_core::{CoreError, Store};
use std::collections::BTreeSet;

/// Columns only the team schema has: the audit names the officer (a role per officer), and the
/// search index, a plain table, keeps FTS5's rowid as a column and the framed words it matches.
const PG_ONLY: &[(&str, &str)] = &[
    ("audit_log", "officer"),
    ("search_index", "rowid"),
    ("search_index", "words"),
];

/// Tables only the team schema has: what a store file keeps as files beside it (the office's
/// private key, the received bundles' PDFs and pictures) a team store keeps in these; and the
/// team database's identity, which a pulled copy records to push its changes back only there.
/// `record_counts` holds the kinds' totals as their triggers keep them (pg/0006), where SQLite
/// counts rows. The search index's per-kind partitions are left out below: their parent is
/// the mirror of SQLite's index.
const PG_ONLY_TABLES: &[&str] = &[
    "office_private_key",
    "received_files",
    "record_counts",
    "team_identity",
];

pub(crate) fn migrated() -> Option<(PgDatabase, postgres::Client)> {
    let db = pg_database()?;
    let mut client = db.client();
    assert_eq!(migrate(&mut client).expect("migrate"), PG_LATEST_VERSION);
    Some((db, client))
}

fn applied(client: &mut postgres::Client) -> Vec<i64> {
    client
        .query("SELECT version FROM planner_schema ORDER BY version", &[])
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect()
}

fn every_version() -> Vec<i64> {
    PG_MIGRATIONS.iter().map(|(v, _)| i64::from(*v)).collect()
}

#[test]
fn migrations_make_the_schema_once_and_again_change_nothing() {
    let Some((_db, mut client)) = migrated() else {
        return;
    };
    assert_eq!(applied(&mut client), every_version());
    assert_eq!(migrate(&mut client).unwrap(), PG_LATEST_VERSION);
    assert_eq!(applied(&mut client), every_version());
}

#[test]
fn two_apps_migrating_one_new_database_at_once_make_one_schema() {
    let Some(db) = pg_database() else {
        return;
    };
    let start = std::sync::Barrier::new(2);
    let versions: Vec<u32> = std::thread::scope(|s| {
        let apps: Vec<_> = (0..2)
            .map(|_| {
                s.spawn(|| {
                    let mut client = db.client();
                    start.wait();
                    migrate(&mut client).expect("migrate while another app does")
                })
            })
            .collect();
        apps.into_iter().map(|a| a.join().unwrap()).collect()
    });
    assert_eq!(versions, [PG_LATEST_VERSION; 2]);
    assert_eq!(applied(&mut db.client()), every_version());
}

#[test]
fn a_newer_schema_is_refused() {
    let Some((_db, mut client)) = migrated() else {
        return;
    };
    let newer = PG_LATEST_VERSION + 1;
    client
        .execute(
            "INSERT INTO planner_schema (version) VALUES ($1)",
            &[&i64::from(newer)],
        )
        .unwrap();
    match migrate(&mut client) {
        Err(CoreError::NewerSchema { found, known }) => {
            assert_eq!((found, known), (newer, PG_LATEST_VERSION));
        }
        other => panic!("expected newer_schema, got {other:?}"),
    }
}

#[test]
fn another_programs_database_is_left_alone() {
    let Some(db) = pg_database() else {
        return;
    };
    let mut client = db.client();
    client
        .batch_execute("CREATE TABLE invoices (id BIGINT)")
        .unwrap();
    assert!(matches!(
        migrate(&mut client),
        Err(CoreError::ForeignDatabase)
    ));
    let ours: bool = client
        .query_one("SELECT to_regclass('planner_schema') IS NOT NULL", &[])
        .unwrap()
        .get(0);
    assert!(!ours, "nothing of ours was made in it");
}

/// (table, column) → (type class, NOT NULL) of the SQLite store at its newest version.
fn sqlite_columns() -> BTreeSet<(String, String, &'static str, bool)> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("planner.db");
    drop(Store::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT m.name, c.name, c.type, c.\"notnull\" OR c.pk > 0
             FROM sqlite_schema m, pragma_table_info(m.name) c
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
               AND m.name NOT LIKE 'search\\_index\\_%' ESCAPE '\\'",
        )
        .unwrap();
    let rows = stmt
        .query_map([], |r| {
            let table: String = r.get(0)?;
            let ty: String = r.get(2)?;
            // FTS5's columns have no type: they hold text.
            let class = match (table.as_str(), ty.as_str()) {
                ("search_index", "") => "text",
                (_, "INTEGER") => "integer",
                (_, "TEXT") => "text",
                (_, "BLOB") => "blob",
                (_, "REAL") => "real",
                (_, other) => panic!("{table}: a column of type {other:?} has no mirror rule"),
            };
            // A key is never NULL in PostgreSQL (nor, but for a legacy quirk, in SQLite); FTS5's
            // columns are all nullable, the team index always has all four.
            let not_null = r.get::<_, bool>(3)? || table == "search_index";
            Ok((table, r.get(1)?, class, not_null))
        })
        .unwrap();
    rows.map(Result::unwrap).collect()
}

fn pg_columns(client: &mut postgres::Client) -> BTreeSet<(String, String, &'static str, bool)> {
    let rows = client
        .query(
            "SELECT table_name::text, column_name::text, data_type::text,
                    is_nullable = 'NO', collation_name::text
             FROM information_schema.columns
             WHERE table_schema = current_schema() AND table_name <> 'planner_schema'
               AND table_name NOT IN (SELECT relname FROM pg_class WHERE relispartition)",
            &[],
        )
        .unwrap();
    rows.iter()
        .filter(|r| !PG_ONLY.contains(&(r.get::<_, &str>(0), r.get::<_, &str>(1))))
        .filter(|r| !PG_ONLY_TABLES.contains(&r.get::<_, &str>(0)))
        .map(|r| {
            let (table, column): (String, String) = (r.get(0), r.get(1));
            let class = match r.get::<_, &str>(2) {
                "bigint" => "integer",
                "text" => {
                    // Byte order, as SQLite's BINARY: every text compares the same in both.
                    let collation: Option<&str> = r.get(4);
                    assert_eq!(
                        collation,
                        Some("C"),
                        "{table}.{column} is not COLLATE \"C\""
                    );
                    "text"
                }
                "bytea" => "blob",
                "double precision" => "real",
                other => panic!("{table}.{column} has type {other}, outside the mirror rules"),
            };
            (table, column, class, r.get(3))
        })
        .collect()
}

#[test]
fn every_sqlite_table_and_column_has_its_mirror() {
    let Some((_db, mut client)) = migrated() else {
        return;
    };
    let sqlite = sqlite_columns();
    let pg = pg_columns(&mut client);
    let only_sqlite: Vec<_> = sqlite.difference(&pg).collect();
    let only_pg: Vec<_> = pg.difference(&sqlite).collect();
    assert!(
        only_sqlite.is_empty() && only_pg.is_empty(),
        "the schemas drifted (table, column, type, not null):\n  only in SQLite: {only_sqlite:?}\n  \
         only in PostgreSQL: {only_pg:?}"
    );
}

#[test]
fn every_sqlite_index_and_reference_has_its_mirror() {
    let Some((_db, mut client)) = migrated() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("planner.db");
    drop(Store::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    let strings = |sql: &str| -> BTreeSet<String> {
        let mut stmt = conn.prepare(sql).unwrap();
        let rows = stmt.query_map([], |r| r.get(0)).unwrap();
        rows.map(Result::unwrap).collect()
    };
    // Indexes by name (automatic ones, for UNIQUE and keys, are constraints there too).
    let sqlite_indexes =
        strings("SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL");
    let pg_indexes: BTreeSet<String> = client
        .query(
            "SELECT indexname::text FROM pg_indexes WHERE schemaname = current_schema()",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    let missing: Vec<_> = sqlite_indexes.difference(&pg_indexes).collect();
    assert!(
        missing.is_empty(),
        "indexes missing in PostgreSQL: {missing:?}"
    );

    // References: table.column → table.column and what a delete does.
    let sqlite_refs = strings(
        "SELECT m.name || '.' || f.\"from\" || ' -> ' || f.\"table\" || '.' || f.\"to\"
                || ' ON DELETE ' || f.on_delete
         FROM sqlite_schema m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table'",
    );
    let pg_refs: BTreeSet<String> = client
        .query(
            "SELECT t.relname || '.' || a.attname || ' -> ' || rt.relname || '.' || ra.attname
                    || ' ON DELETE ' || CASE c.confdeltype WHEN 'a' THEN 'NO ACTION'
                       WHEN 'r' THEN 'RESTRICT' WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL'
                       ELSE 'SET DEFAULT' END
             FROM pg_constraint c
             JOIN pg_class t ON t.oid = c.conrelid
             JOIN pg_class rt ON rt.oid = c.confrelid
             JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
             JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = c.confkey[1]
             WHERE c.contype = 'f' AND t.relnamespace = current_schema()::regnamespace
               AND t.relname::text <> ALL($1)",
            &[&PG_ONLY_TABLES],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    let only_sqlite: Vec<_> = sqlite_refs.difference(&pg_refs).collect();
    let only_pg: Vec<_> = pg_refs.difference(&sqlite_refs).collect();
    assert!(
        only_sqlite.is_empty() && only_pg.is_empty(),
        "references drifted:\n  only in SQLite: {only_sqlite:?}\n  only in PostgreSQL: {only_pg:?}"
    );
}

/// Whether `sql`, run as `role`, is refused for want of a privilege (a grant or a row policy).
pub(crate) fn refused(db: &PgDatabase, role: &str, sql: &str) -> bool {
    match db.client_as(role).batch_execute(sql) {
        Ok(()) => false,
        Err(e) => {
            let code = e.code().unwrap_or_else(|| panic!("{sql}: {e}"));
            assert_eq!(
                code,
                &postgres::error::SqlState::INSUFFICIENT_PRIVILEGE,
                "{sql}: {e}"
            );
            true
        }
    }
}

const NEW_ORGANIZATION: &str = "INSERT INTO organizations
    (uuid, created_at, updated_at, kind, name_vi, country, size)
    VALUES (gen_random_uuid()::text, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z', 'investor',
            'Công ty A', 'JP', 'large')";
const NEW_AUDIT_ROW: &str = "INSERT INTO audit_log
    (at, entity, entity_id, entity_uuid, action, changes)
    VALUES ('2025-01-01T00:00:00Z', 'organizations', 1, 'u', 'create', '{}')";

#[test]
fn read_only_officers_write_nothing() {
    let Some((db, _client)) = migrated() else {
        return;
    };
    let reader = db.login_role("planner_readonly");
    assert!(!refused(
        &db,
        &reader,
        "SELECT count(*) FROM organizations, audit_log, settings"
    ));
    assert!(refused(&db, &reader, NEW_ORGANIZATION));
    assert!(refused(&db, &reader, NEW_AUDIT_ROW));
    assert!(refused(
        &db,
        &reader,
        "INSERT INTO settings VALUES ('search_index_version', '2')"
    ));
}

#[test]
fn officers_add_to_the_audit_trail_under_their_own_name_and_never_change_it() {
    let Some((db, mut client)) = migrated() else {
        return;
    };
    let officer = db.login_role("planner_officer");
    assert!(!refused(&db, &officer, NEW_ORGANIZATION));
    assert!(!refused(&db, &officer, NEW_AUDIT_ROW));
    let named: String = client
        .query_one("SELECT officer FROM audit_log", &[])
        .unwrap()
        .get(0);
    assert_eq!(
        named, officer,
        "the audit row names the officer who wrote it"
    );

    assert!(refused(
        &db,
        &officer,
        "UPDATE audit_log SET changes = '[]'"
    ));
    assert!(refused(&db, &officer, "DELETE FROM audit_log"));
    let as_someone_else = NEW_AUDIT_ROW
        .replace("(at,", "(officer, at,")
        .replace("VALUES (", "VALUES ('someone_else', ");
    assert!(refused(&db, &officer, &as_someone_else));
    // Deleting a record, and the office's identity, are a manager's.
    assert!(refused(&db, &officer, "DELETE FROM organizations"));
    assert!(refused(
        &db,
        &officer,
        "INSERT INTO office (id, name_vi, name_en, code, updated_at) VALUES (1, 'a', 'a', 'A', 'x')"
    ));
    // Settings: the search index's marks (an import leaves them), not the office's choices.
    assert!(!refused(
        &db,
        &officer,
        "INSERT INTO settings VALUES ('search_index_pending:1', '1')"
    ));
    assert!(refused(
        &db,
        &officer,
        "INSERT INTO settings VALUES ('language', 'en')"
    ));
}

#[test]
fn managers_delete_records_but_not_the_audit_trail() {
    let Some((db, mut client)) = migrated() else {
        return;
    };
    client.batch_execute(NEW_ORGANIZATION).unwrap();
    client.batch_execute(NEW_AUDIT_ROW).unwrap();
    let manager = db.login_role("planner_manager");
    assert!(!refused(&db, &manager, "DELETE FROM organizations"));
    assert!(!refused(
        &db,
        &manager,
        "INSERT INTO settings VALUES ('language', 'en')"
    ));
    assert!(refused(&db, &manager, "DELETE FROM audit_log"));
    assert!(refused(
        &db,
        &manager,
        "UPDATE audit_log SET changes = '[]'"
    ));
}

/// Each searched kind's entries are a partition of the index of their own, bounded by exactly
/// the kind's rowids (the range the search writes into its statement), with its own text-search
/// index and statistics: a search of one kind reads that partition only.
#[test]
fn each_searched_kind_has_a_partition_of_the_index_over_its_own_rowids() {
    let Some((_db, mut client)) = migrated() else {
        return;
    };
    use planner_core::search::{rowid, KINDS};
    for kind in KINDS {
        let partition = format!("search_index_{}", kind.table());
        let (lo, hi) = (rowid(kind, 0), rowid(kind, (1 << 40) - 1));
        let bound: String = client
            .query_one(
                "SELECT pg_get_expr(c.relpartbound, c.oid) FROM pg_class c
                 JOIN pg_inherits i ON i.inhrelid = c.oid
                 WHERE i.inhparent = 'search_index'::regclass AND c.relname = $1",
                &[&partition],
            )
            .unwrap_or_else(|e| panic!("no partition {partition}: {e}"))
            .get(0);
        assert_eq!(
            bound,
            format!("FOR VALUES FROM ('{lo}') TO ('{}')", hi + 1),
            "{kind}"
        );
        let lexemes: i64 = client
            .query_one(
                "SELECT count(*) FROM pg_indexes WHERE tablename = $1
                   AND indexdef LIKE '%gin (to_tsvector(''simple''::regconfig, words))%'",
                &[&partition],
            )
            .unwrap()
            .get(0);
        assert_eq!(
            lexemes, 1,
            "{partition} has no text-search index of its own"
        );
        let plan: Vec<String> = client
            .query(
                &format!(
                    "EXPLAIN SELECT rowid FROM search_index
                     WHERE to_tsvector('simple', words) @@ to_tsquery('simple', 'nguyen:*')
                       AND rowid BETWEEN {lo} AND {hi} LIMIT 100"
                ),
                &[],
            )
            .unwrap()
            .iter()
            .map(|r| r.get(0))
            .collect();
        let read: Vec<&String> = plan
            .iter()
            .filter(|l| l.contains(" on search_index"))
            .collect();
        assert!(
            !read.is_empty() && read.iter().all(|l| l.contains(&partition)),
            "{kind}'s search reads more than its partition:\n{}",
            plan.join("\n")
        );
    }
}
