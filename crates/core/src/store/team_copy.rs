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
//! behind on a pull (a file has no officers).

use super::db::{Db, SqlResult};
use super::{now_text, search, Store};
use crate::error::{invalid, CoreError, Result};
use rusqlite::types::Value;
use rusqlite::Connection;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The setting of a pulled copy naming the team store it came from (without a password).
pub const PULLED_FROM: &str = "team_pulled_from";
/// The setting of a pulled copy saying when it was pulled (UTC, as `updated_at`).
pub const PULLED_AT: &str = "team_pulled_at";

/// The settings a copy takes: not the search index's bookkeeping (the destination rebuilds its
/// index and writes its own) nor where an earlier pull came from (a copy's own facts).
const COPIED_SETTINGS: &str =
    "substr(key, 1, 13) <> 'search_index_' AND substr(key, 1, 12) <> 'team_pulled_'";

/// Rows written per INSERT: few enough for either engine's limit on parameters, and no more
/// than `BATCH_BYTES` of data (pictures are large).
const BATCH_ROWS: usize = 500;
const BATCH_BYTES: usize = 4 << 20;
/// Rows read per FETCH from the team store: each FETCH is a statement of its own, so no single
/// one nears the statement time limit however large the store.
const FETCH_ROWS: usize = 2000;

/// What a push or pull copied.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CopyReport {
    /// Rows copied per table, in the order copied (a table after those it refers to).
    pub tables: Vec<TableRows>,
    /// How long the whole copy took, search index included, in milliseconds.
    pub millis: u64,
}

/// The rows copied of one table.
#[derive(Debug, Clone, Serialize)]
pub struct TableRows {
    pub table: String,
    pub rows: u64,
}

/// One table to copy, as the SQLite schema describes it.
#[derive(Debug)]
struct Table {
    name: String,
    columns: Vec<String>,
    /// The primary key's columns in key order: rows are read in this order.
    key: Vec<String>,
    /// Positions of the columns that refer to this same table (a superseded bundle names the
    /// later one): written once every row is in, since a row may name one copied after it.
    self_refs: Vec<usize>,
}

impl Table {
    fn select(&self) -> String {
        let filter = match self.name.as_str() {
            "settings" => format!(" WHERE {COPIED_SETTINGS}"),
            _ => String::new(),
        };
        format!(
            "SELECT {} FROM {}{filter} ORDER BY {}",
            self.columns.join(", "),
            self.name,
            self.key.join(", ")
        )
    }

    fn insert(&self, rows: usize) -> String {
        let row = format!("({})", vec!["?"; self.columns.len()].join(", "));
        format!(
            "INSERT INTO {} ({}) VALUES {}",
            self.name,
            self.columns.join(", "),
            vec![row; rows].join(", ")
        )
    }
}

/// Every table of a store file's schema but SQLite's own and the virtual tables (the FTS5
/// index, rebuilt instead) with their shadow tables, in an order where each table comes after
/// those it refers to.
fn tables(conn: &Connection) -> Result<Vec<Table>> {
    let names = conn
        .prepare(
            "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table'
               AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
        )?
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<SqlResult<Vec<_>>>()?;
    let mut left = Vec::new();
    for name in names {
        let mut columns = Vec::new();
        let mut key: Vec<(i64, String)> = Vec::new();
        let mut stmt = conn.prepare("SELECT name, pk FROM pragma_table_info(?1) ORDER BY cid")?;
        for row in stmt.query_map([&name], |r| Ok((r.get::<_, String>(0)?, r.get(1)?)))? {
            let (column, pk) = row?;
            if pk > 0 {
                key.push((pk, column.clone()));
            }
            columns.push(column);
        }
        key.sort();
        let key: Vec<String> = key.into_iter().map(|(_, c)| c).collect();
        let mut refers_to = Vec::new();
        let mut self_refs = Vec::new();
        let mut stmt =
            conn.prepare("SELECT \"table\", \"from\" FROM pragma_foreign_key_list(?1)")?;
        for row in stmt.query_map([&name], |r| Ok((r.get::<_, String>(0)?, r.get(1)?)))? {
            let (target, from): (String, String) = row?;
            if target == name {
                self_refs.extend(columns.iter().position(|c| *c == from));
            } else if !refers_to.contains(&target) {
                refers_to.push(target);
            }
        }
        if key.is_empty() || (!self_refs.is_empty() && key.len() != 1) {
            return Err(copy_rule(&name));
        }
        let table = Table {
            name,
            columns,
            key,
            self_refs,
        };
        left.push((table, refers_to));
    }
    let mut ordered: Vec<Table> = Vec::new();
    while !left.is_empty() {
        let ready = left.iter().position(|(_, refers_to)| {
            refers_to
                .iter()
                .all(|target| ordered.iter().any(|t| t.name == *target))
        });
        let Some(i) = ready else {
            return Err(copy_rule(&left[0].0.name));
        };
        ordered.push(left.remove(i).0);
    }
    Ok(ordered)
}

/// A table outside what the copy knows how to order (no key, references in a circle): a
/// schema change that needs this module's attention, found by the copy tests.
fn copy_rule(table: &str) -> CoreError {
    CoreError::Io(std::io::Error::other(format!(
        "table {table} has no key, or references that go round in a circle: the team copy \
         cannot order it"
    )))
}

/// Hands each row of `table` in `from` to `f`, in key order, inside the caller's snapshot.
fn read_rows(from: &Db, table: &Table, mut f: impl FnMut(Vec<Value>) -> Result<()>) -> Result<()> {
    let n = table.columns.len();
    match from {
        Db::Sqlite(conn) => {
            let mut stmt = conn.prepare(&table.select())?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                f((0..n).map(|i| r.get(i)).collect::<SqlResult<_>>()?)?;
            }
        }
        Db::Pg(pg) => {
            let mut client = pg.client();
            let fail = |e| CoreError::from(super::pg::fail(e));
            client
                .batch_execute(&format!(
                    "DECLARE team_copy NO SCROLL CURSOR FOR {}",
                    table.select()
                ))
                .map_err(fail)?;
            loop {
                let rows = client
                    .query(&format!("FETCH {FETCH_ROWS} FROM team_copy"), &[])
                    .map_err(fail)?;
                if rows.is_empty() {
                    break;
                }
                for r in &rows {
                    f((0..n)
                        .map(|i| super::pg::cell(r, i))
                        .collect::<SqlResult<_>>()?)?;
                }
            }
            client.batch_execute("CLOSE team_copy").map_err(fail)?;
        }
    }
    Ok(())
}

/// Rows gathered for one multi-row INSERT into `to`.
struct Batch<'a> {
    to: &'a Db,
    table: &'a Table,
    per_insert: usize,
    values: Vec<Value>,
    bytes: usize,
    /// (key, [(self-referring column, value)]) to set once every row is in.
    later: Vec<(Value, Vec<(usize, Value)>)>,
    written: u64,
}

impl<'a> Batch<'a> {
    fn new(to: &'a Db, table: &'a Table) -> Batch<'a> {
        Batch {
            to,
            table,
            per_insert: BATCH_ROWS.min(30_000 / table.columns.len()).max(1),
            values: Vec::new(),
            bytes: 0,
            later: Vec::new(),
            written: 0,
        }
    }

    fn push(&mut self, mut row: Vec<Value>) -> Result<()> {
        let refs: Vec<(usize, Value)> = self
            .table
            .self_refs
            .iter()
            .map(|&i| (i, std::mem::replace(&mut row[i], Value::Null)))
            .filter(|(_, v)| *v != Value::Null)
            .collect();
        if !refs.is_empty() {
            let key = &self.table.key[0];
            let at = self.table.columns.iter().position(|c| c == key);
            self.later.push((row[at.unwrap_or(0)].clone(), refs));
        }
        self.bytes += row
            .iter()
            .map(|v| match v {
                Value::Text(s) => s.len(),
                Value::Blob(b) => b.len(),
                _ => 8,
            })
            .sum::<usize>();
        self.values.extend(row);
        if self.values.len() >= self.per_insert * self.table.columns.len()
            || self.bytes >= BATCH_BYTES
        {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        let rows = self.values.len() / self.table.columns.len();
        if rows == 0 {
            return Ok(());
        }
        let sql = self.table.insert(rows);
        // The full-size statement is the one run again and again.
        let mut stmt = match rows == self.per_insert {
            true => self.to.prepare_cached(&sql)?,
            false => self.to.prepare(&sql)?,
        };
        stmt.execute(&self.values)?;
        self.written += rows as u64;
        self.values.clear();
        self.bytes = 0;
        Ok(())
    }

    fn finish(mut self) -> Result<u64> {
        self.flush()?;
        for (key, refs) in &self.later {
            for (at, value) in refs {
                let sql = format!(
                    "UPDATE {} SET {} = ?1 WHERE {} = ?2",
                    self.table.name, self.table.columns[*at], self.table.key[0]
                );
                self.to.execute(&sql, (value, key))?;
            }
        }
        Ok(self.written)
    }
}

/// Copies every table from `from` to `to`, inside the callers' transactions.
fn copy_tables(from: &Db, to: &Db, tables: &[Table]) -> Result<Vec<TableRows>> {
    let mut copied = Vec::new();
    for table in tables {
        let mut batch = Batch::new(to, table);
        read_rows(from, table, |row| batch.push(row))?;
        copied.push(TableRows {
            table: table.name.clone(),
            rows: batch.finish()?,
        });
    }
    Ok(copied)
}

/// Copies the store file `from` into the team database at `team_url`, which must hold no data
/// (its schema is made when it has none), in one transaction, then rebuilds the team store's
/// search index and sets each identity past the highest id copied, so a record created
/// afterwards gets a fresh id. A team database with data is refused (`team_store_not_empty`).
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
    let team = Store::open_url(team_url)?;
    // One consistent picture of the file (a read transaction: no write lock, so a read-only
    // store can be pushed too), rolled back when dropped.
    let _snapshot =
        rusqlite::Transaction::new_unchecked(file, rusqlite::TransactionBehavior::Deferred)?;
    let tx = team.conn.transaction()?;
    refuse_data(&tx, &tables)?;
    let copied = copy_tables(&from.conn, &tx, &tables)?;
    search::rebuild(&tx)?;
    // Last before the commit: a sequence's setval is not undone by a rollback.
    for table in &tables {
        advance_identities(&tx, &table.name)?;
    }
    tx.commit()?;
    Ok(CopyReport {
        tables: copied,
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
/// (`PULLED_FROM`, `PULLED_AT`).
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
    let pulled = pull_into(&team, team_url, &partial).and_then(|tables| {
        // A hard link, unlike a rename, never replaces a file made there meanwhile.
        std::fs::hard_link(&partial, path)?;
        Ok(tables)
    });
    remove_store_files(&partial);
    Ok(CopyReport {
        tables: pulled?,
        millis: started.elapsed().as_millis() as u64,
    })
}

fn pull_into(team: &Store, team_url: &str, partial: &Path) -> Result<Vec<TableRows>> {
    let copy = Store::open(partial)?;
    let file = copy.conn.sqlite().expect("Store::open makes a file");
    let tables = tables(file)?;
    let snapshot = team.conn.transaction()?;
    snapshot.execute_batch("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")?;
    let tx = copy.conn.transaction()?;
    let copied = copy_tables(&team.conn, &tx, &tables)?;
    search::rebuild(&tx)?;
    let (from, at) = (without_password(team_url), now_text());
    tx.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2), (?3, ?4)",
        [PULLED_FROM, from.as_str(), PULLED_AT, at.as_str()],
    )?;
    tx.commit()?;
    snapshot.commit()?;
    // Everything into the file itself before it is linked into place without its WAL.
    file.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    Ok(copied)
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

/// A team store's URL without its password, for messages and for a pulled copy's settings.
pub fn without_password(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let credentials = &url[scheme + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}
