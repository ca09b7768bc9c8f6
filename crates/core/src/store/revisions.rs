//! Edits that cannot silently overwrite each other. Every record carries a `revision` (1 when
//! created) that each change through `records::update` increments. An update's patch, or a
//! delete, may name the revision it was based on (`"revision": N`); when the record has moved
//! on since, the write is refused with `changed_elsewhere`, carrying the record as it is now and
//! the fields that differ. Without a base revision a write is last-writer-wins, as scripts
//! expect. The check is the write's own `WHERE revision = ?`, so two connections cannot both
//! pass it.

use super::db::Db;
use crate::domain::EntityKind;
use crate::error::{invalid, ChangedElsewhere, CoreError, Result};
use serde_json::{Map, Value};
use std::collections::BTreeSet;

/// Takes the base revision out of a patch: `None` when the caller named none.
pub(super) fn take_base(patch: &mut Map<String, Value>) -> Result<Option<i64>> {
    match patch.remove("revision") {
        None | Some(Value::Null) => Ok(None),
        Some(v) => match v.as_i64() {
            Some(n) if n >= 1 => Ok(Some(n)),
            _ => Err(invalid(
                "revision",
                "bad_revision",
                "Số phiên bản phải là số nguyên dương",
                "The revision must be a positive whole number",
            )),
        },
    }
}

/// The revision of a stored record read as JSON.
pub(super) fn of(record: &Value) -> i64 {
    record["revision"].as_i64().unwrap_or(1)
}

/// The fields changed since revision `base` of the record, read from the audit rows of the
/// updates that brought it past `base` (each update's row names its fields and its revision).
fn changed_since(conn: &Db, kind: EntityKind, current: &Value, base: i64) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT changes FROM audit_log
         WHERE entity = ?1 AND entity_id = ?2 AND entity_uuid = ?3 AND revision > ?4",
    )?;
    let rows = stmt.query_map(
        rusqlite::params![
            kind.name(),
            current["id"].as_i64(),
            current["uuid"].as_str(),
            base
        ],
        |r| r.get::<_, String>(0),
    )?;
    let mut fields = BTreeSet::new();
    for changes in rows {
        if let Ok(Value::Object(map)) = serde_json::from_str::<Value>(&changes?) {
            // Only the record's own fields: a merge's row also names what was merged in.
            fields.extend(
                map.into_iter()
                    .map(|(k, _)| k)
                    .filter(|k| current.get(k).is_some()),
            );
        }
    }
    Ok(fields.into_iter().collect())
}

/// The refusal of a write based on revision `base` of a record that is now `current`. For an
/// update (`wanted`: the fields it would set, already checked and normalised) the fields named
/// are those changed since `base` that the update would set to another value than they hold
/// now: the ones where the two changes really meet. For a delete (`wanted` None), every field
/// changed since `base`.
pub(super) fn refusal(
    conn: &Db,
    kind: EntityKind,
    current: Value,
    base: i64,
    wanted: Option<&Value>,
) -> Result<CoreError> {
    let mut fields = changed_since(conn, kind, &current, base)?;
    if let Some(wanted) = wanted {
        fields.retain(|f| wanted.get(f).is_some_and(|w| *w != current[f]));
    }
    Ok(CoreError::ChangedElsewhere {
        kind,
        id: current["id"].as_i64().unwrap_or_default(),
        changed: Box::new(ChangedElsewhere { current, fields }),
    })
}
