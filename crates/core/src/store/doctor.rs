//! SQL of the store doctor (`crate::doctor`): SQLite's own checks, the search index read back
//! beside what the records would put in it, pending index marks, and the rows that name files.

use super::backup::{problems, Depth};
use super::db::Db;
use super::search::IS_PENDING_KEY;
use super::shape::{key_column, Shape};
use super::{prepare_connection, Store};
use crate::domain::EntityKind;
use crate::error::Result;
use crate::search::{self, Document, KINDS};
use rusqlite::{Connection, OpenFlags};
use std::collections::HashMap;
use std::path::Path;

/// What the doctor's checks are called when a team store is asked for them.
const FILE_CHECKS: (&str, &str) = ("kiểm tra tệp kho dữ liệu", "store file checks");

/// What SQLite finds wrong with the file: `integrity_check` (every page, index and constraint)
/// and the search index's own check of its segments, or with `quick`, `quick_check` alone
/// (pages and constraints, not index contents: milliseconds, for the app's start).
pub(crate) fn sqlite_problems(conn: &Db, quick: bool) -> Result<Vec<String>> {
    problems(
        conn.file(FILE_CHECKS)?,
        if quick { Depth::Quick } else { Depth::Full },
    )
}

/// Each row `PRAGMA foreign_key_check` reports, as "table rowid → parent".
pub(crate) fn foreign_key_problems(conn: &Db) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
    let rows = stmt.query_map((), |r| {
        Ok(format!(
            "{} {} → {}",
            r.get::<_, String>(0)?,
            r.get::<_, Option<i64>>(1)?
                .map_or("-".to_owned(), |id| id.to_string()),
            r.get::<_, String>(2)?,
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The settings keys that say an import left records unindexed.
pub(crate) fn pending_marks(conn: &Db) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT key FROM settings WHERE {IS_PENDING_KEY} ORDER BY key"
    ))?;
    let rows = stmt.query_map((), |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every row of the search index, by rowid.
pub(crate) fn index_rows(conn: &Db) -> Result<HashMap<i64, Document>> {
    let mut stmt = conn.prepare("SELECT rowid, title, body, label, detail FROM search_index")?;
    let rows = stmt.query_map((), |r| {
        Ok((
            r.get::<_, i64>(0)?,
            Document {
                title: r.get(1)?,
                body: r.get(2)?,
                label: r.get(3)?,
                detail: r.get(4)?,
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Calls `each` with every searched record's kind, id and the document it should have in the
/// index: the same reading `search::rebuild` indexes from.
pub(crate) fn expected_documents(
    conn: &Db,
    mut each: impl FnMut(EntityKind, i64, Option<Document>),
) -> Result<()> {
    for kind in KINDS {
        let shape = Shape::get(kind);
        let mut stmt = conn.prepare(shape.select_on(conn))?;
        let rows = stmt.query_map((), |r| shape.row_to_value(r))?;
        for v in rows {
            let v = v?;
            let id = v["id"].as_i64().unwrap_or_default();
            each(kind, id, search::document(kind, &v));
        }
    }
    Ok(())
}

/// Each record whose stored sort key is not its text's (a row another tool wrote or changed
/// has a NULL or an old one), as "table id field", by table then id.
pub(crate) fn stale_sort_keys(conn: &Db) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for kind in EntityKind::ALL {
        for field in kind.sort_keys() {
            let sql = format!(
                "SELECT id FROM {} WHERE {} ORDER BY id",
                kind.table(),
                stale_key(field)
            );
            let mut stmt = conn.prepare(&sql)?;
            let ids = stmt.query_map((), |r| r.get::<_, i64>(0))?;
            for id in ids {
                out.push(format!("{} {} {field}", kind.table(), id?));
            }
        }
    }
    Ok(out)
}

/// The condition on a row whose sort key of `field` is not its text's (NULL included).
fn stale_key(field: &str) -> String {
    format!("{} IS NOT vi_sort_key({field})", key_column(field))
}

/// A brief that names the file it was generated to: id, path and the SHA-256 recorded.
pub(crate) fn brief_files(conn: &Db) -> Result<Vec<(i64, String, Option<String>)>> {
    let mut stmt = conn.prepare(
        "SELECT id, file_name, file_sha256 FROM briefs WHERE file_name IS NOT NULL ORDER BY id",
    )?;
    let rows = stmt.query_map((), |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Calls `each` with every opportunity picture's id, recorded SHA-256 and bytes, one at a time
/// (a store may hold hundreds of megabytes of them).
pub(crate) fn each_picture(conn: &Db, mut each: impl FnMut(i64, &str, &[u8])) -> Result<()> {
    let mut stmt = conn.prepare("SELECT id, sha256, bytes FROM opportunity_images ORDER BY id")?;
    let rows = stmt.query_map((), |r| {
        let sha: String = r.get(1)?;
        r.with_ref(2, |bytes| -> rusqlite::Result<()> {
            each(r.get(0)?, &sha, bytes.as_blob()?);
            Ok(())
        })?
    })?;
    Ok(rows.collect::<rusqlite::Result<()>>()?)
}

/// Every received bundle's id and signed manifest (it names the files kept under `received/`).
pub(crate) fn received_manifests(conn: &Db) -> Result<Vec<(i64, String)>> {
    let mut stmt = conn.prepare("SELECT id, manifest FROM received_bundles ORDER BY id")?;
    let rows = stmt.query_map((), |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How SQLite's `integrity_check` went on a connection of standard SQLite, outside the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlainCheck {
    /// What it found wrong; empty when the file is sound.
    pub problems: Vec<String>,
    /// The check needed our `vi` collation: plain SQLite stops at the name indexes that use
    /// it, so the check was run again with our connection setup. Only a store older than
    /// schema 14 (a backup of one, say) has such indexes; migration 14 drops them.
    pub needed_collation: bool,
}

/// Runs `integrity_check` on the file at `path` read-only, on a connection without our setup
/// (as `sqlite3` or another tool would), and again with our collation if plain SQLite cannot
/// read the name indexes.
pub fn plain_integrity_check(path: &Path) -> Result<PlainCheck> {
    let open = || {
        Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
    };
    let check = |conn: &Connection| -> rusqlite::Result<Vec<String>> {
        let mut stmt = conn.prepare("PRAGMA integrity_check")?;
        let rows = stmt.query_map((), |r| r.get::<_, String>(0))?;
        let mut out: Vec<String> = rows.collect::<rusqlite::Result<_>>()?;
        out.retain(|l| l != "ok");
        Ok(out)
    };
    let no_collation = |text: &str| text.contains("no such collation sequence");
    match check(&open()?) {
        Ok(p) if !p.iter().any(|l| no_collation(l)) => Ok(PlainCheck {
            problems: p,
            needed_collation: false,
        }),
        Err(e) if !no_collation(&e.to_string()) => Err(e.into()),
        _ => {
            let conn = open()?;
            prepare_connection(&conn)?;
            Ok(PlainCheck {
                problems: check(&conn)?,
                needed_collation: true,
            })
        }
    }
}

impl Store {
    /// Writes the sort key of its current text to every record whose key is not that (one
    /// transaction); returns how many keys were written. Changes no record's revision: the key
    /// is derived from the text, as the search index is.
    pub(crate) fn refresh_sort_keys(&mut self) -> Result<usize> {
        let tx = self.conn.transaction()?;
        let mut written = 0;
        for kind in EntityKind::ALL {
            for field in kind.sort_keys() {
                let sql = format!(
                    "UPDATE {} SET {} = vi_sort_key({field}) WHERE {}",
                    kind.table(),
                    key_column(field),
                    stale_key(field)
                );
                written += tx.execute(&sql, ())?;
            }
        }
        tx.commit()?;
        Ok(written)
    }

    /// Settles the index work this process left (it is not damage: it is done on the next
    /// search or write anyway), then hands the connection to the doctor's checks.
    pub(crate) fn settled_conn(&self) -> Result<&Db> {
        self.settle()?;
        self.conn.file(FILE_CHECKS)?;
        Ok(self.conn())
    }
}
