//! The audit log: one row per write, in the same transaction as the write.

use super::db::Db;
use super::dialect;
use super::records::now_text;
use crate::domain::EntityKind;
use crate::error::Result;
use crate::store::Store;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use ts_rs::TS;

/// The per-field changes of a create (after only) or a delete (before only).
pub(crate) fn changes(before: Option<&Value>, after: Option<&Value>) -> Value {
    let mut out = Map::new();
    let (side, fields) = match (before, after) {
        (Some(b), None) => ("before", b),
        (None, Some(a)) => ("after", a),
        _ => return Value::Object(out),
    };
    for (k, v) in fields.as_object().into_iter().flatten() {
        if !v.is_null() && v != &Value::Array(vec![]) {
            out.insert(k.clone(), serde_json::json!({ side: v }));
        }
    }
    Value::Object(out)
}

pub(crate) fn record(
    conn: &Db,
    kind: EntityKind,
    id: i64,
    uuid: &str,
    action: &str,
    changes: &Value,
) -> Result<()> {
    record_text(
        conn,
        kind,
        id,
        uuid,
        action,
        &changes.to_string(),
        &now_text(),
    )
}

/// The audit row of an update, with the revision it brought the record to (what a refused
/// update reads to name the fields changed since its base: `revisions`).
pub(crate) fn record_update(
    conn: &Db,
    kind: EntityKind,
    id: i64,
    uuid: &str,
    revision: i64,
    changes: &Value,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO audit_log (at, entity, entity_id, entity_uuid, action, changes, revision)
         VALUES (?1, ?2, ?3, ?4, 'update', ?5, ?6)",
    )?
    .execute(rusqlite::params![
        now_text(),
        kind.name(),
        id,
        uuid,
        changes.to_string(),
        revision
    ])?;
    Ok(())
}

/// `record` with the changes already serialised and the instant given (bulk writes).
pub(crate) fn record_text(
    conn: &Db,
    kind: EntityKind,
    id: i64,
    uuid: &str,
    action: &str,
    changes: &str,
    at: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO audit_log (at, entity, entity_id, entity_uuid, action, changes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(rusqlite::params![
        at,
        kind.name(),
        id,
        uuid,
        action,
        changes
    ])?;
    Ok(())
}

/// One row of the audit log.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct AuditEntry {
    pub id: i64,
    pub at: String,
    pub entity: String,
    pub entity_id: i64,
    pub entity_uuid: String,
    pub action: String,
    /// `{field: {before?, after?}}`.
    pub changes: Value,
    /// The officer (database role) whose session wrote it, on a team store; None on a store
    /// file (one person's) and for an import's entry. Left out when None, so that a store
    /// file's audit (and a person's export, which carries it) reads as before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub officer: Option<String>,
}

impl Store {
    /// The audit entries of one record, oldest first. A record an import created starts with
    /// an `import` entry naming the import (id 0: it is read from `import_records`, which lists
    /// what each import created with its uuid, rather than from an audit row of its own).
    pub fn audit_of(&self, kind: EntityKind, id: i64) -> Result<Vec<AuditEntry>> {
        // Only the kinds imports create have such an entry (`Entity::IMPORTED`).
        let imported = if kind.is_imported() {
            format!(
                "SELECT 0, i.at, r.entity, r.record_id, r.record_uuid,
                        'import', '{{\"import_id\":{{\"after\":' || i.id || '}}}}', NULL, 0
                 FROM import_records r JOIN imports i ON i.id = r.import_id
                 WHERE r.entity = ?1 AND r.record_id = ?2
                   -- Not a later record given the id of a deleted one.
                   AND coalesce((SELECT CASE WHEN uuid = r.record_uuid THEN 1 ELSE 0 END
                                 FROM {} WHERE id = r.record_id), 1) = 1
                 UNION ALL ",
                kind.table()
            )
        } else {
            String::new()
        };
        let officer = dialect::audit_officer(self.conn().backend());
        let mut stmt = self.conn().prepare_cached(&format!(
            "{imported}SELECT id, at, entity, entity_id, entity_uuid, action, changes, {officer}, 1
             FROM audit_log WHERE entity = ?1 AND entity_id = ?2 ORDER BY 9, 1"
        ))?;
        let rows = stmt.query_map(rusqlite::params![kind.name(), id], |r| {
            Ok(AuditEntry {
                id: r.get(0)?,
                at: r.get(1)?,
                entity: r.get(2)?,
                entity_id: r.get(3)?,
                entity_uuid: r.get(4)?,
                action: r.get(5)?,
                changes: serde_json::from_str(&r.get::<_, String>(6)?).unwrap_or(Value::Null),
                officer: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
