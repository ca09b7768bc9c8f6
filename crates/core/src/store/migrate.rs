//! Numbered, embedded migrations applied at open, all pending ones in one transaction.

use super::db::Db;
use super::APPLICATION_ID;
use crate::error::{CoreError, Result};
use rusqlite::Connection;

/// Every migration in order: (version, name, SQL). A new schema change appends one here.
pub const MIGRATIONS: &[(u32, &str, &str)] = &[
    (
        1,
        "domain",
        include_str!("../../migrations/0001_domain.sql"),
    ),
    (
        2,
        "brief layout and images",
        include_str!("../../migrations/0002_brief_layout_and_images.sql"),
    ),
    (
        3,
        "search index",
        include_str!("../../migrations/0003_search.sql"),
    ),
    (
        4,
        "audit actions and imports",
        include_str!("../../migrations/0004_audit_actions_and_imports.sql"),
    ),
    (
        5,
        "list indexes",
        include_str!("../../migrations/0005_list_indexes.sql"),
    ),
    (
        6,
        "linked records indexes",
        include_str!("../../migrations/0006_linked_indexes.sql"),
    ),
    (
        7,
        "vietnamese sort",
        include_str!("../../migrations/0007_vietnamese_sort.sql"),
    ),
    (
        8,
        "lean search index",
        include_str!("../../migrations/0008_lean_search_index.sql"),
    ),
    (
        9,
        "import history and fast checks",
        include_str!("../../migrations/0009_import_history_and_fast_checks.sql"),
    ),
    (
        10,
        "sectors from one list",
        include_str!("../../migrations/0010_sectors.sql"),
    ),
    (
        11,
        "typed times kept across clock changes",
        include_str!("../../migrations/0011_entered_times.sql"),
    ),
    (
        12,
        "exchange between offices",
        include_str!("../../migrations/0012_exchange.sql"),
    ),
    (
        13,
        "record revisions",
        include_str!("../../migrations/0013_revisions.sql"),
    ),
    (
        14,
        "sort keys instead of a collation of our own",
        include_str!("../../migrations/0014_sort_keys.sql"),
    ),
];

/// The schema version this build writes.
pub const LATEST_VERSION: u32 = MIGRATIONS[MIGRATIONS.len() - 1].0;

/// Brings the schema to `target` (tests use earlier targets to build old files).
pub fn migrate_to(conn: &mut Connection, target: u32) -> Result<u32> {
    // The migrations run through `Db` (migration 10's step is the store's own code), so the
    // connection is lent to one meanwhile; an in-memory stand-in costs microseconds.
    let mut db = Db::Sqlite(std::mem::replace(conn, Connection::open_in_memory()?));
    let out = migrate_db(&mut db, target);
    // Irrefutable in a build without the team store.
    #[allow(irrefutable_let_patterns)]
    if let Db::Sqlite(back) = db {
        *conn = back;
    }
    out
}

/// `migrate_to` on a store's own connection (a SQLite one: a team store has its own
/// migrations, `pg_schema`).
pub(crate) fn migrate_db(db: &mut Db, target: u32) -> Result<u32> {
    let Some(conn) = db.sqlite() else {
        return Ok(target);
    };
    super::prepare_connection(conn)?;
    let current = check_header(conn)?;
    if current >= target {
        return Ok(current);
    }
    // Foreign keys are off while the migrations run, as SQLite prescribes for rebuilding a
    // table: dropping the old copy must not cascade to the rows that refer to it. Every
    // reference is checked before the commit. (The pragma cannot change inside a transaction.)
    let keys: bool = conn.pragma_query_value(None, "foreign_keys", |r| r.get(0))?;
    conn.pragma_update(None, "foreign_keys", false)?;
    let result = run_migrations(db, current, target);
    let conn = db.sqlite().expect("a SQLite store");
    conn.pragma_update(None, "foreign_keys", keys)?;
    result
}

/// The file's schema version, once it is known to be ours (or empty) and not newer than this
/// build: the checks an open makes before anything is migrated (or, read-only, instead).
pub(crate) fn check_header(conn: &Connection) -> Result<u32> {
    let current: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if current > LATEST_VERSION {
        return Err(CoreError::NewerSchema {
            found: current,
            known: LATEST_VERSION,
        });
    }
    let app_id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
    if app_id != APPLICATION_ID && (current > 0 || tables > 0) {
        return Err(CoreError::ForeignDatabase);
    }
    Ok(current)
}

fn run_migrations(db: &Db, current: u32, target: u32) -> Result<u32> {
    let tx = db.transaction()?;
    let conn = db.sqlite().expect("a SQLite store");
    // Read again under the write lock: another process opening the store at the same time may
    // have migrated it while this one waited at BEGIN.
    let current: u32 = current.max(conn.pragma_query_value(None, "user_version", |r| r.get(0))?);
    if current >= target {
        return Ok(current);
    }
    for (version, _, sql) in MIGRATIONS
        .iter()
        .filter(|(v, _, _)| *v > current && *v <= target)
    {
        tx.execute_batch(sql)?;
        // The steps SQL alone cannot take (they need the app's folding of Vietnamese text).
        if *version == 10 {
            super::sectors::map_free_text(&tx)?;
        }
        conn.pragma_update(None, "user_version", version)?;
    }
    conn.pragma_update(None, "application_id", APPLICATION_ID)?;
    let broken: Option<String> = conn
        .query_row(
            "SELECT \"table\" FROM pragma_foreign_key_check LIMIT 1",
            (),
            |r| r.get(0),
        )
        .ok();
    if let Some(table) = broken {
        return Err(CoreError::Migration(format!(
            "broken references left in table {table}"
        )));
    }
    tx.commit()?;
    Ok(target)
}
