//! SQL of backups (`crate::backup`): a connection of their own on a store or backup file,
//! `VACUUM INTO`, the checks a copy must pass, what it holds, and a fingerprint of the store's
//! content to skip a backup when nothing changed.

use super::{prepare_connection, APPLICATION_ID};
use crate::domain::EntityKind;
use crate::error::Result;
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

/// What a store or backup file holds, read from the file itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Contents {
    pub application_id: i32,
    pub schema_version: u32,
    /// Records of each kind whose table the file has, by table name.
    pub counts: BTreeMap<String, i64>,
}

/// A connection of its own on an existing file, set up as the app's own are
/// (`prepare_connection`: secure deletion, and the `vi` collation without which `VACUUM INTO`
/// and `integrity_check` fail on the name indexes of a store older than schema 14, such as the
/// copy taken before migrating one). Never creates a file.
pub(crate) fn open_file(path: &Path, busy: Duration) -> Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    prepare_connection(&conn)?;
    conn.busy_timeout(busy)?;
    Ok(conn)
}

/// Writes a compacted copy of the store to `target` (which must not exist), in one read
/// transaction: the copy is the store as of one commit, without its free pages (so without
/// what deleted records left in them).
///
/// SQLite's online backup (a page copy) was measured instead for the copies taken before an
/// operation, on a 100,000-organisation store (650 MB, debug build): the copy took 0.8-1.1 s
/// against 1.4-2.3 s, but the `quick_check` that follows took 4-6 s either way, so the backup
/// as a whole was only about a tenth faster, and a page copy keeps the free pages (32 of 60
/// deleted contacts' e-mails were found in one). Not worth it; the check is where time goes.
pub(crate) fn vacuum_into(conn: &Connection, target: &Path) -> Result<()> {
    let target = target.to_str().ok_or_else(|| {
        std::io::Error::new(std::io::ErrorKind::InvalidInput, "non-UTF-8 backup path")
    })?;
    conn.execute("VACUUM INTO ?1", [target])?;
    Ok(())
}

/// A copy keeps no WAL: in rollback-journal mode it is one self-contained file that opens
/// read-only, and the store turns WAL back on when it is restored and opened.
pub(crate) fn make_self_contained(conn: &Connection) -> Result<()> {
    let _: String = conn.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
    Ok(())
}

/// How thoroughly a copy is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    /// `integrity_check` (every page, index and constraint) and the search index's own check
    /// of its segments against its content: backups an officer asks for or the idle ones.
    Full,
    /// `quick_check` (every page and constraint, not index contents): the copy taken before
    /// an import or an erase, which would otherwise wait seconds on a large store for checks
    /// of a file `VACUUM INTO` has just written afresh.
    Quick,
}

/// What is wrong with the file, in SQLite's words, checked to `depth`. Empty when the file is
/// sound.
pub(crate) fn problems(conn: &Connection, depth: Depth) -> Result<Vec<String>> {
    let pragma = match depth {
        Depth::Full => "PRAGMA integrity_check",
        Depth::Quick => "PRAGMA quick_check",
    };
    let mut out: Vec<String> = {
        let mut stmt = conn.prepare(pragma)?;
        let rows = stmt.query_map((), |r| r.get::<_, String>(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    out.retain(|line| line != "ok");
    if depth == Depth::Full && has_table(conn, "search_index")? {
        // FTS5 runs its check as a write that changes nothing; it fails when the index and
        // its content disagree.
        if let Err(e) = conn.execute(
            "INSERT INTO search_index(search_index) VALUES ('integrity-check')",
            (),
        ) {
            out.push(format!("search index: {e}"));
        }
    }
    Ok(out)
}

fn has_table(conn: &Connection, name: &str) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1",
            [name],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// The file's application id, schema version and record counts.
pub(crate) fn contents(conn: &Connection) -> Result<Contents> {
    let mut counts = BTreeMap::new();
    for kind in EntityKind::ALL {
        let table = kind.table();
        // An older schema may not have every table yet.
        if has_table(conn, table)? {
            let n: i64 = conn.query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |r| {
                r.get(0)
            })?;
            counts.insert(table.to_owned(), n);
        }
    }
    Ok(Contents {
        application_id: conn.pragma_query_value(None, "application_id", |r| r.get(0))?,
        schema_version: conn.pragma_query_value(None, "user_version", |r| r.get(0))?,
        counts,
    })
}

/// Whether the file is one of ours that holds at least one record.
pub(crate) fn holds_records(conn: &Connection) -> Result<bool> {
    let c = contents(conn)?;
    Ok(c.application_id == APPLICATION_ID && c.counts.values().any(|n| *n > 0))
}

/// Settings keys of the backups themselves: they change when a backup is taken, so they are
/// not part of what a backup is taken of.
pub(crate) const BACKUP_SETTINGS: &str = "backup_%";

/// A digest of everything a write changes: each table's row count and highest rowid (every
/// record write also appends an audit or import row, so an update moves these too), the
/// highest `updated_at` where a table has one (tables without audit rows), every setting but
/// the backups' own (by content: writing those must not count as a change), and the schema
/// version. Equal digests: nothing to back up again.
pub(crate) fn fingerprint(conn: &Connection) -> Result<String> {
    let mut text = String::new();
    let tables: Vec<(String, bool)> = {
        let mut stmt = conn.prepare(
            "SELECT name, wr FROM pragma_table_list
             WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'
               AND name <> 'settings'
             ORDER BY name",
        )?;
        let rows = stmt.query_map((), |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for (table, without_rowid) in tables {
        let updated: bool = conn
            .query_row(
                "SELECT 1 FROM pragma_table_info(?1) WHERE name = 'updated_at'",
                [&table],
                |_| Ok(()),
            )
            .optional()?
            .is_some();
        let sql = format!(
            "SELECT count(*), {}, {} FROM \"{table}\"",
            if without_rowid { "NULL" } else { "max(rowid)" },
            if updated { "max(updated_at)" } else { "NULL" },
        );
        let row: (i64, Option<i64>, Option<String>) =
            conn.query_row(&sql, [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        text.push_str(&format!("{table}:{row:?}\n"));
    }
    if has_table(conn, "settings")? {
        let mut stmt =
            conn.prepare("SELECT key, value FROM settings WHERE key NOT LIKE ?1 ORDER BY key")?;
        let rows = stmt.query_map([BACKUP_SETTINGS], |r| {
            Ok(format!(
                "{}={}\n",
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?
            ))
        })?;
        for row in rows {
            text.push_str(&row?);
        }
    }
    let version: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    text.push_str(&format!("schema {version}"));
    Ok(crate::briefs::sha256_hex(text.as_bytes()))
}

/// Takes the store for this connection alone, or says that another connection (in this
/// process or another) has it open: in WAL mode every open connection holds a shared lock on
/// the file, so an exclusive one is granted only to the last connection left. The lock is kept
/// until `conn` closes (exclusive locking mode), so nobody opens the store in between.
pub(crate) fn hold_alone(conn: &Connection) -> Result<bool> {
    conn.busy_timeout(Duration::ZERO)?;
    let _: String = conn.query_row("PRAGMA locking_mode = EXCLUSIVE", [], |r| r.get(0))?;
    match conn.execute_batch("BEGIN EXCLUSIVE; SELECT count(*) FROM sqlite_schema; COMMIT;") {
        Ok(()) => Ok(true),
        Err(rusqlite::Error::SqliteFailure(e, _))
            if e.code == rusqlite::ErrorCode::DatabaseBusy =>
        {
            Ok(false)
        }
        Err(e) => Err(e.into()),
    }
}
