//! SQL of contact imports: the import log, the records each import created, lookups.

use super::db::{Db, Row};
use super::{Store, Tx};
use crate::domain::EntityKind;
use crate::error::Result;
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One recorded import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportBatch {
    pub id: i64,
    pub uuid: String,
    pub at: String,
    pub file_name: String,
    pub format: String,
    pub sha256: String,
    pub contacts_created: i64,
    pub organizations_created: i64,
    pub duplicates_skipped: i64,
    pub rows_rejected: i64,
    pub undone_at: Option<String>,
}

fn batch(r: &Row<'_>) -> rusqlite::Result<ImportBatch> {
    Ok(ImportBatch {
        id: r.get(0)?,
        uuid: r.get(1)?,
        at: r.get(2)?,
        file_name: r.get(3)?,
        format: r.get(4)?,
        sha256: r.get(5)?,
        contacts_created: r.get(6)?,
        organizations_created: r.get(7)?,
        duplicates_skipped: r.get(8)?,
        rows_rejected: r.get(9)?,
        undone_at: r.get(10)?,
    })
}

const COLUMNS: &str = "id, uuid, at, file_name, format, sha256, contacts_created, \
    organizations_created, duplicates_skipped, rows_rejected, undone_at";

pub(crate) fn import_batch(conn: &Db, id: i64) -> Result<Option<ImportBatch>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM imports WHERE id = ?1"),
            [id],
            batch,
        )
        .optional()?)
}

/// Every contact uuid in the store.
pub(crate) fn contact_uuids(conn: &Db) -> Result<std::collections::HashSet<String>> {
    let mut stmt = conn.prepare("SELECT uuid FROM contacts")?;
    let rows = stmt.query_map((), |r| r.get::<_, String>(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every organisation's id with its Vietnamese and English names.
pub(crate) fn organization_names(conn: &Db) -> Result<Vec<(i64, String, Option<String>)>> {
    let mut stmt = conn.prepare("SELECT id, name_vi, name_en FROM organizations")?;
    let rows = stmt.query_map((), |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The records of `kind` (contacts or organisations) that import `id` created.
pub(crate) fn created_by(conn: &Db, id: i64, kind: EntityKind) -> Result<Vec<i64>> {
    // Still there, and the same record: an id freed by a deletion can be given to a new
    // record, which has another uuid.
    let mut stmt = conn.prepare(&format!(
        "SELECT r.record_id FROM import_records r
         JOIN {} t ON t.id = r.record_id AND t.uuid = r.record_uuid
         WHERE r.import_id = ?1 AND r.entity = ?2 ORDER BY r.record_id",
        kind.table()
    ))?;
    let rows = stmt.query_map(params![id, kind.name()], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Whether anything besides contacts of the import still points at organisation `id`.
pub(crate) fn organization_in_use(conn: &Db, id: i64) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS(SELECT 1 FROM contacts WHERE organization_id = ?1)
             OR EXISTS(SELECT 1 FROM leads WHERE organization_id = ?1)
             OR EXISTS(SELECT 1 FROM interactions WHERE organization_id = ?1)
             OR EXISTS(SELECT 1 FROM itinerary_items WHERE organization_id = ?1)",
        [id],
        |r| r.get(0),
    )?)
}

impl Tx<'_> {
    /// Records a new import; its id and instant (every record it creates carries that instant).
    pub(crate) fn start_import(
        &self,
        uuid: &str,
        file_name: &str,
        format: &str,
        sha256: &str,
    ) -> Result<(i64, String)> {
        let at = super::now_text();
        let id: i64 = self.conn().query_row(
            "INSERT INTO imports (uuid, at, file_name, format, sha256, contacts_created,
                 organizations_created, duplicates_skipped, rows_rejected)
             VALUES (?1, ?2, ?3, ?4, ?5, 0, 0, 0, 0) RETURNING id",
            params![uuid, at, file_name, format, sha256],
            |r| r.get::<_, i64>(0),
        )?;
        Ok((id, at))
    }

    pub(crate) fn finish_import(&self, import: i64, counts: [i64; 4]) -> Result<()> {
        self.conn().execute(
            "UPDATE imports SET contacts_created = ?2, organizations_created = ?3,
                 duplicates_skipped = ?4, rows_rejected = ?5 WHERE id = ?1",
            params![import, counts[0], counts[1], counts[2], counts[3]],
        )?;
        Ok(())
    }

    pub(crate) fn mark_undone(&self, import: i64) -> Result<()> {
        self.conn().execute(
            "UPDATE imports SET undone_at = ?2 WHERE id = ?1",
            params![import, super::now_text()],
        )?;
        Ok(())
    }
}

/// Lists record `id` (uuid `uuid`) of `kind` as created by import `import`.
pub(crate) fn record_created(
    conn: &Db,
    import: i64,
    kind: EntityKind,
    id: i64,
    uuid: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO import_records (import_id, entity, record_id, record_uuid)
         VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![import, kind.name(), id, uuid])?;
    Ok(())
}

impl Store {
    /// Every import, newest first.
    pub fn imports(&self) -> Result<Vec<ImportBatch>> {
        let mut stmt = self
            .conn()
            .prepare(&format!("SELECT {COLUMNS} FROM imports ORDER BY id DESC"))?;
        let rows = stmt.query_map((), batch)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Runs `f` in a transaction that is always rolled back (dry runs).
    pub fn dry_run<T>(&mut self, f: impl FnOnce(&mut Tx<'_>) -> Result<T>) -> Result<T> {
        let tx = self.conn().transaction()?;
        let mut wrapped = Tx { tx };
        let out = f(&mut wrapped);
        wrapped.tx.rollback()?;
        out
    }
}
