//! The copy's engine: the tables of a store file's schema in the order their references need,
//! and their rows read from one store and written into another in multi-row INSERTs, on either
//! engine (see `team_copy.rs` for what is copied and why).

use super::TableRows;
use crate::error::{CoreError, Result};
use crate::store::db::{Db, SqlResult};
use rusqlite::types::Value;
use rusqlite::Connection;

/// The settings a copy takes: not the search index's bookkeeping (the destination rebuilds its
/// index and writes its own) nor where an earlier pull came from and what was pushed back from
/// it since (a copy's own facts).
const COPIED_SETTINGS: &str = "substr(key, 1, 13) <> 'search_index_' \
    AND substr(key, 1, 12) <> 'team_pulled_' AND substr(key, 1, 12) <> 'team_pushed_'";

/// Rows written per INSERT: few enough for either engine's limit on parameters, and no more
/// than `BATCH_BYTES` of data (pictures are large).
const BATCH_ROWS: usize = 500;
const BATCH_BYTES: usize = 4 << 20;
/// Rows read per FETCH from the team store: each FETCH is a statement of its own, so no single
/// one nears the statement time limit however large the store.
const FETCH_ROWS: usize = 2000;

/// One table to copy, as the SQLite schema describes it.
#[derive(Debug)]
pub(super) struct Table {
    pub(super) name: String,
    columns: Vec<String>,
    /// The primary key's columns in key order: rows are read in this order.
    key: Vec<String>,
    /// Positions of the columns that refer to this same table (a superseded bundle names the
    /// later one): written once every row is in, since a row may name one copied after it.
    self_refs: Vec<usize>,
}

impl Table {
    pub(super) fn select(&self) -> String {
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
pub(super) fn tables(conn: &Connection) -> Result<Vec<Table>> {
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
            let mut client = pg.client()?;
            let fail = |e| CoreError::from(crate::store::pg::fail(e));
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
                        .map(|i| crate::store::pg::cell(r, i))
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
pub(super) fn copy_tables(from: &Db, to: &Db, tables: &[Table]) -> Result<Vec<TableRows>> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn db(sql: &str) -> Db {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("PRAGMA foreign_keys = ON").unwrap();
        conn.execute_batch(sql).unwrap();
        Db::Sqlite(conn)
    }

    /// Engines check a reference at the end of each statement: a row naming a row of its own
    /// table that comes in a later INSERT must wait for it (a superseded bundle names the
    /// later version).
    #[test]
    fn rows_naming_later_rows_of_their_table_are_copied_across_batches() {
        const SCHEMA: &str =
            "CREATE TABLE chain (id INTEGER PRIMARY KEY, next INTEGER REFERENCES chain(id))";
        let from = db(SCHEMA);
        let n = BATCH_ROWS as i64 * 2 + 7;
        from.execute_batch(&format!(
            "PRAGMA foreign_keys = OFF;
             WITH RECURSIVE i(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM i WHERE v < {n})
             INSERT INTO chain SELECT v, CASE WHEN v < {n} THEN v + 1 END FROM i;"
        ))
        .unwrap();
        let to = db(SCHEMA);
        let tables = tables(from.sqlite().unwrap()).unwrap();
        let tx = to.transaction().unwrap();
        let copied = copy_tables(&from, &tx, &tables).unwrap();
        tx.commit().unwrap();
        assert_eq!(copied[0].rows, n as u64);
        let linked: i64 = to
            .query_row("SELECT count(*) FROM chain WHERE next = id + 1", (), |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(linked, n - 1);
    }

    /// Every table of the store's schema but the search index's, each after those it refers to.
    #[test]
    fn a_stores_tables_come_after_those_they_refer_to() {
        let store = crate::Store::open_in_memory().unwrap();
        let conn = store.conn().sqlite().unwrap();
        let ordered = tables(conn).unwrap();
        let names: Vec<&str> = ordered.iter().map(|t| t.name.as_str()).collect();
        assert!(names.contains(&"contacts") && names.contains(&"audit_log"));
        assert!(!names.iter().any(|n| n.starts_with("search_index")));
        for (at, table) in names.iter().enumerate() {
            let mut stmt = conn
                .prepare("SELECT \"table\" FROM pragma_foreign_key_list(?1)")
                .unwrap();
            for target in stmt.query_map([table], |r| r.get::<_, String>(0)).unwrap() {
                let target = target.unwrap();
                let before = names.iter().position(|n| *n == target).unwrap();
                assert!(before <= at, "{table} refers to {target}, copied after it");
            }
        }
    }
}
