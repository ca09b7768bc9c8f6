//! Moving a whole office between a store file and the team store (issue 17, item 4): `push`
//! copies a SQLite store into an empty team database, `pull` copies a team store into a new
//! SQLite file for a laptop going on a mission.
//!
//! The copy is generic over tables: their list, columns and order come from the SQLite schema,
//! which both sides hold at this build's newest version (`team_schema.rs` tests that the team
//! schema mirrors every table and column), so a table added to the schema is copied without a
//! word here. Rows keep their ids, so every reference, audit row and import record stays true.
//! The search index is not copied (FTS5 on one side, a plain table on the other): the
//! destination rebuilds it from the records, and its bookkeeping settings are left out. The
//! team store's one column of its own, `audit_log.officer`, takes its default on a push (the
//! role that pushes: the history before was one desktop's and names no officer) and stays
//! behind on a pull (a file has no officers). What a store file keeps in files beside it is
//! carried too (`beside_files.rs`): the office key and the received files into the team tables
//! made for them on a push; the received files, but not the key, back beside the copy on a pull.

mod beside_files;
mod changes;
mod hidden_password;
mod tables;

/// A team store's URL without its password, for messages and a pulled copy's settings.
pub use hidden_password::without_password;

use super::db::{Db, SqlResult};
use super::{now_text, search, Store};
use crate::error::{invalid, CoreError, Result};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::time::Instant;
use tables::{copy_tables, tables, Table};

pub use changes::{push_changes, ChangeAction, ChangesReport, PushedChange};

/// The setting of a pulled copy naming the team store it came from (without a password).
pub const PULLED_FROM: &str = "team_pulled_from";
/// The setting of a pulled copy saying when it was pulled (UTC, as `updated_at`).
pub const PULLED_AT: &str = "team_pulled_at";
/// The setting of a pulled copy naming the team database it came from by its identity
/// (`team_identity.uuid`), which no URL change alters.
pub const PULLED_IDENTITY: &str = "team_pulled_identity";
/// The settings of a pulled copy holding the highest audit row and import ids it pulled: the
/// copy's own changes are those after them (`changes.rs`).
const PULLED_AUDIT: &str = "team_pulled_audit";
const PULLED_IMPORT: &str = "team_pulled_import";

/// What a push or pull copied.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CopyReport {
    /// Rows copied per table, in the order copied (a table after those it refers to).
    pub tables: Vec<TableRows>,
    /// Whether the office's private key was carried (a push of a store with a key file; a
    /// pull never carries it).
    pub office_key: bool,
    /// The received briefs' PDFs and pictures carried, and their bytes.
    pub received_files: u64,
    pub received_bytes: u64,
    /// How long the whole copy took, search index included, in milliseconds.
    pub millis: u64,
}

/// The rows copied of one table.
#[derive(Debug, Clone, Serialize)]
pub struct TableRows {
    pub table: String,
    pub rows: u64,
}

/// Copies the store file `from` into the team database at `team_url`, which must hold no data
/// (its schema is made when it has none), in one transaction, then rebuilds the team store's
/// search index and sets each identity past the highest id copied, so a record created
/// afterwards gets a fresh id. A team database with data is refused (`team_store_not_empty`).
/// The office key file and the received files beside `from` go in the same transaction, each
/// checked first: a bad one refuses the push (`CoreError::TeamCopyFile`, naming it).
pub fn push(from: &Store, team_url: &str) -> Result<CopyReport> {
    let started = Instant::now();
    let Some(file) = from.conn.sqlite() else {
        return Err(invalid(
            "from",
            "not_a_store_file",
            "Chỉ đẩy được kho dữ liệu dạng tệp lên kho dữ liệu chung",
            "Only a store file can be pushed to a team store",
        ));
    };
    let tables = tables(file)?;
    // One consistent picture of the file (a read transaction: no write lock, so a read-only
    // store can be pushed too), rolled back when dropped.
    let _snapshot =
        rusqlite::Transaction::new_unchecked(file, rusqlite::TransactionBehavior::Deferred)?;
    // The key is checked before the team store is touched: a bad key file costs nothing.
    let key = beside_files::office_key(from)?;
    let team = Store::open_url(team_url)?;
    let tx = team.conn.transaction()?;
    refuse_data(&tx, &tables)?;
    let copied = copy_tables(&from.conn, &tx, &tables)?;
    if let Some((key, made_at)) = &key {
        beside_files::push_office_key(&tx, key, made_at)?;
    }
    let files = beside_files::push_received_files(from, &tx)?;
    search::rebuild(&tx)?;
    // Last before the commit: a sequence's setval is not undone by a rollback.
    for table in &tables {
        advance_identities(&tx, &table.name)?;
    }
    tx.commit()?;
    // The planner's statistics of what was just copied, now rather than when the server's
    // autovacuum gets to them (a search before that read whole partitions: 1,144 ms).
    team.analyze()?;
    Ok(CopyReport {
        tables: copied,
        office_key: key.is_some(),
        received_files: files.files,
        received_bytes: files.bytes,
        millis: started.elapsed().as_millis() as u64,
    })
}

/// Locks every table against other writers until the commit (a second push waits here, then
/// finds this one's rows), then refuses a database where one of them holds a row.
fn refuse_data(tx: &Db, tables: &[Table]) -> Result<()> {
    let names: Vec<&str> = tables.iter().map(|t| t.name.as_str()).collect();
    tx.execute_batch(&format!(
        "LOCK TABLE {} IN SHARE ROW EXCLUSIVE MODE",
        names.join(", ")
    ))?;
    for table in tables {
        let sql = format!("SELECT EXISTS ({} LIMIT 1)", table.select());
        if tx.query_row(&sql, (), |r| r.get::<_, bool>(0))? {
            return Err(CoreError::TeamStoreNotEmpty(table.name.clone()));
        }
    }
    Ok(())
}

/// Sets the sequence of each identity column of `table` to its highest value (PostgreSQL's
/// identities do not move when rows are inserted with their ids, as SQLite's rowids do).
fn advance_identities(tx: &Db, table: &str) -> Result<()> {
    let columns = tx
        .prepare(
            "SELECT attname::text FROM pg_attribute
             WHERE attrelid = to_regclass(?1) AND attidentity <> '' AND NOT attisdropped",
        )?
        .query_map([table], |r| r.get::<_, String>(0))?
        .collect::<SqlResult<Vec<_>>>()?;
    for column in columns {
        let sql =
            format!("SELECT setval(pg_get_serial_sequence(?1, ?2), max({column})) FROM {table}");
        tx.query_row(&sql, [table, column.as_str()], |r| {
            r.get::<_, Option<i64>>(0)
        })?;
    }
    Ok(())
}

/// Copies the team store at `team_url` into a new store file at `path` (refused when anything
/// is there): one snapshot of the team store, read only (REPEATABLE READ), written in one
/// transaction into a file beside `path` that takes its name only once complete, so a pull
/// that fails leaves nothing. The copy's settings say where and when it was pulled
/// (`PULLED_FROM`, `PULLED_AT`), from which database (`PULLED_IDENTITY`) and up to which
/// audit row and import (the marks its changes are counted from: `push_changes`). The received
/// files go into the `received/` folder beside `path` before the copy takes its name (and are
/// removed if it fails); the office's private key does not: the copy holds the office's public
/// key only, and refuses to sign.
pub fn pull(team_url: &str, path: &Path) -> Result<CopyReport> {
    let started = Instant::now();
    if path.symlink_metadata().is_ok() {
        return Err(invalid(
            "path",
            "file_exists",
            format!("Đã có tệp {}: hãy chọn một tên tệp mới", path.display()),
            format!("{} already exists: choose a new file name", path.display()),
        ));
    }
    let team = Store::open_url(team_url)?;
    let partial = partial_path(path);
    remove_store_files(&partial);
    let mut written = Vec::new();
    let pulled = pull_into(&team, team_url, &partial, &mut written).and_then(|pulled| {
        // A hard link, unlike a rename, never replaces a file made there meanwhile.
        std::fs::hard_link(&partial, path)?;
        Ok(pulled)
    });
    remove_store_files(&partial);
    if pulled.is_err() {
        for file in &written {
            let _ = std::fs::remove_file(file);
        }
    }
    let (tables, files) = pulled?;
    Ok(CopyReport {
        tables,
        office_key: false,
        received_files: files.files,
        received_bytes: files.bytes,
        millis: started.elapsed().as_millis() as u64,
    })
}

/// Copies the team store into the file at `partial`, and its received files into the folder
/// beside it (`written`: the files made there).
fn pull_into(
    team: &Store,
    team_url: &str,
    partial: &Path,
    written: &mut Vec<PathBuf>,
) -> Result<(Vec<TableRows>, beside_files::Carried)> {
    let copy = Store::open(partial)?;
    let file = copy.conn.sqlite().expect("Store::open makes a file");
    let tables = tables(file)?;
    let snapshot = team.conn.transaction()?;
    snapshot.execute_batch("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")?;
    let tx = copy.conn.transaction()?;
    let copied = copy_tables(&team.conn, &tx, &tables)?;
    search::rebuild(&tx)?;
    let (from, at) = (without_password(team_url), now_text());
    let identity: String = team
        .conn
        .query_row("SELECT uuid FROM team_identity", (), |r| r.get(0))?;
    let (audit, import): (i64, i64) = tx.query_row(
        "SELECT (SELECT coalesce(max(id), 0) FROM audit_log),
                (SELECT coalesce(max(id), 0) FROM imports)",
        (),
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let (audit, import) = (audit.to_string(), import.to_string());
    tx.execute(
        "INSERT INTO settings (key, value)
         VALUES (?1, ?2), (?3, ?4), (?5, ?6), (?7, ?8), (?9, ?10)",
        [
            PULLED_FROM,
            from.as_str(),
            PULLED_AT,
            at.as_str(),
            PULLED_IDENTITY,
            identity.as_str(),
            PULLED_AUDIT,
            audit.as_str(),
            PULLED_IMPORT,
            import.as_str(),
        ],
    )?;
    // The copy's `received/` is the folder beside `partial`, which is beside `path`.
    let dir = crate::exchange::received_dir(&copy);
    let files = beside_files::pull_received_files(&team.conn, &dir, written)?;
    tx.commit()?;
    snapshot.commit()?;
    // Everything into the file itself before it is linked into place without its WAL.
    file.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    Ok((copied, files))
}

/// Where a pull writes before the copy is complete: a hidden file beside `path`.
fn partial_path(path: &Path) -> PathBuf {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    path.with_file_name(format!(".{name}.pulling"))
}

/// Removes a store file and its WAL and shared-memory files, if there.
fn remove_store_files(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}
