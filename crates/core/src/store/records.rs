//! Create, read, update and delete for every entity, each write with its audit row.
//!
//! Input arrives as a JSON object (from the CLI, the app, or a typed struct serialised): unknown
//! fields are refused, text is NFC-normalised, the entity's rules and its references are checked
//! (`checks`), and only then is anything written. Nothing here knows a particular kind: what a
//! kind's delete does first is its own declaration (`Entity::CASCADE`, run by `cascade`).

use super::audit;
use super::checks::{as_object, checked, invalid_uuid, record_uuid, refuse_protected};
use super::db::Db;
use super::shape::{key_column, sort_key_value, to_sql, Column, Shape, META};
use super::{revisions, Store, Tx};
use crate::domain::{Entity, EntityKind};
use crate::error::{invalid, CoreError, Result};
use chrono::{DateTime, Utc};
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use ts_rs::TS;

/// What every stored record has besides its fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Meta {
    /// Local key, stable within one store.
    pub id: i64,
    /// Stable identity across stores (exchange between offices).
    pub uuid: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// 1 when created, incremented by each change; an update or delete may name the revision
    /// it was based on (`store::revisions`).
    pub revision: i64,
}

/// A stored record: its metadata and its fields, serialised side by side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Record<E> {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(flatten)]
    pub data: E,
}

impl<E: Entity> Record<E> {
    /// Splits a stored JSON object into metadata and typed fields.
    pub fn from_value(v: Value) -> Result<Record<E>> {
        let Value::Object(mut map) = v else {
            return Err(invalid(
                "",
                "not_object",
                "Cần một đối tượng JSON",
                "Expected a JSON object",
            ));
        };
        let meta_map: Map<String, Value> = META
            .iter()
            .filter_map(|m| map.remove(*m).map(|v| ((*m).to_owned(), v)))
            .collect();
        let parse = |e: serde_json::Error| invalid("", "corrupt", e.to_string(), e.to_string());
        Ok(Record {
            meta: serde_json::from_value(Value::Object(meta_map)).map_err(parse)?,
            data: serde_json::from_value(Value::Object(map)).map_err(parse)?,
        })
    }
}

/// UTC now in the fixed-width form the store sorts by.
pub(crate) fn now_text() -> String {
    Utc::now().format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

fn write_links(conn: &Db, shape: &Shape, id: i64, v: &Value) -> Result<()> {
    for (field, link) in shape.links() {
        conn.execute(
            &format!(
                "DELETE FROM {} WHERE {} = ?1",
                link.table, link.owner_column
            ),
            [id],
        )?;
        let sql = format!(
            "INSERT INTO {} ({}, {}, position) VALUES (?1, ?2, ?3)",
            link.table, link.owner_column, link.target_column
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        for (pos, target) in v[field].as_array().into_iter().flatten().enumerate() {
            stmt.execute(rusqlite::params![id, target.as_i64(), pos as i64])?;
        }
    }
    Ok(())
}

/// Reads one record as a JSON object.
pub(crate) fn read_value(conn: &Db, kind: EntityKind, id: i64) -> Result<Value> {
    let shape = Shape::get(kind);
    let sql = format!("{} WHERE t.id = ?1", shape.select_on(conn));
    conn.prepare_cached(&sql)?
        .query_row([id], |r| shape.row_to_value(r))
        .optional()?
        .ok_or(CoreError::NotFound { kind, id })
}

fn insert<E: Entity>(conn: &Db, input: Value, protected_ok: bool) -> Result<Value> {
    let input = as_object(input)?;
    let shape = Shape::get(E::KIND);
    if !protected_ok {
        refuse_protected::<E>(&input, &shape.default)?;
    }
    let (_, row) = checked::<E>(conn, &shape.default, &input)?;
    let uuid = match input.get("uuid") {
        None | Some(Value::Null) => record_uuid(None),
        Some(Value::String(s)) => record_uuid(Some(s)),
        Some(other) => Err(invalid_uuid(&other.to_string())),
    }
    .map_err(|e| CoreError::Invalid(vec![e]))?;
    let now = now_text();
    let mut values = vec![
        rusqlite::types::Value::Text(uuid.clone()),
        rusqlite::types::Value::Text(now.clone()),
        rusqlite::types::Value::Text(now.clone()),
    ];
    values.extend(shape.stored().map(|(n, _)| to_sql(&row[n])));
    values.extend(shape.key_values(&row));
    let id = insert_row(conn, shape, values)?;
    write_links(conn, shape, id, &row)?;
    audit::record(
        conn,
        E::KIND,
        id,
        &uuid,
        "create",
        &audit::changes(None, Some(&row)),
    )?;
    // The stored record is the canonical row just written plus its metadata (reading it back
    // would cost a query per record, which bulk imports feel).
    let mut stored = Map::new();
    stored.insert("id".into(), Value::from(id));
    stored.insert("uuid".into(), Value::from(uuid));
    stored.insert("created_at".into(), Value::from(now.clone()));
    stored.insert("updated_at".into(), Value::from(now));
    stored.insert("revision".into(), Value::from(1));
    if let Value::Object(fields) = row {
        stored.extend(fields);
    }
    let stored = Value::Object(stored);
    super::search::index_new(conn, E::KIND, id, &stored)?;
    Ok(stored)
}

fn duplicate_uuid() -> CoreError {
    invalid(
        "uuid",
        "duplicate_uuid",
        "Đã có bản ghi mang UUID này",
        "A record with this UUID already exists",
    )
}

/// Inserts one row (`values`: uuid, created_at, updated_at, the stored fields in shape order,
/// then the sort keys) and returns its id.
pub(super) fn insert_row(
    conn: &Db,
    shape: &Shape,
    values: Vec<rusqlite::types::Value>,
) -> Result<i64> {
    match conn
        .prepare_cached(&shape.insert)?
        .query_row(values, |r| r.get(0))
    {
        // A UNIQUE constraint: the uuid.
        Err(e) if super::db::is_unique_violation(&e) => Err(duplicate_uuid()),
        other => Ok(other?),
    }
}

/// Applies `patch` to record `id`. A `"revision"` in the patch is the revision the change was
/// based on: when the record has another, nothing is written (`revisions`).
pub(super) fn update<E: Entity>(
    conn: &Db,
    id: i64,
    patch: Value,
    protected_ok: bool,
) -> Result<Value> {
    let mut patch = as_object(patch)?;
    let base = revisions::take_base(&mut patch)?;
    let shape = Shape::get(E::KIND);
    // The row is read locked: a plain update (no base) made meanwhile by another connection
    // waits for this one, then reads its result, and is the last writer's, as on a store file;
    // without the lock it would meet this one at the revision check below and be refused.
    // (The lock is its own statement so that the read after it sees the row's links as of now.)
    if let Some(lock) = super::dialect::lock_row(conn.backend(), E::KIND.table()) {
        conn.prepare_cached(&lock)?
            .query_row([id], |_| Ok(()))
            .optional()?;
    }
    let before = read_value(conn, E::KIND, id)?;
    if let Some(base) = base.filter(|b| *b != revisions::of(&before)) {
        return Err(stale::<E>(conn, before, base, &patch));
    }
    if !protected_ok {
        refuse_protected::<E>(&patch, &before)?;
    }
    for key in ["id", "uuid"] {
        if patch.get(key).is_some_and(|v| *v != before[key]) {
            return Err(invalid(
                key,
                "read_only",
                "Không thể thay đổi trường này",
                "This field cannot be changed",
            ));
        }
    }
    let mut fields = before.clone();
    fields
        .as_object_mut()
        .expect("object")
        .retain(|k, _| !META.contains(&k.as_str()));
    let (_, after) = checked::<E>(conn, &fields, &patch)?;
    let changed: Vec<&str> = shape
        .fields
        .iter()
        .map(|(n, _)| n.as_str())
        .filter(|n| before[*n] != after[*n])
        .collect();
    if changed.is_empty() {
        return Ok(before);
    }
    let stored: Vec<&str> = changed
        .iter()
        .copied()
        .filter(|n| !matches!(shape.column(n), Some(Column::Link(_))))
        .collect();
    let mut sets: Vec<String> = vec!["updated_at = ?1".into(), "revision = revision + 1".into()];
    // A changed text with a sort key gets its new key in the same statement.
    let keyed: Vec<&str> = stored
        .iter()
        .copied()
        .filter(|n| shape.sort_keys.contains(n))
        .collect();
    let columns = stored
        .iter()
        .map(|n| (*n).to_owned())
        .chain(keyed.iter().map(|n| key_column(n)));
    sets.extend(
        columns
            .enumerate()
            .map(|(i, c)| format!("{c} = ?{}", i + 2)),
    );
    let set = stored.len() + keyed.len();
    // The revision read above must still be the stored one: the check and the write are one
    // statement, so a change committed in between by another connection refuses this one.
    let sql = format!(
        "UPDATE {} SET {} WHERE id = ?{} AND revision = ?{}",
        E::KIND.table(),
        sets.join(", "),
        set + 2,
        set + 3
    );
    let revision = revisions::of(&before);
    let mut values = vec![rusqlite::types::Value::Text(now_text())];
    values.extend(stored.iter().map(|n| to_sql(&after[*n])));
    values.extend(keyed.iter().map(|n| sort_key_value(&after[*n])));
    values.push(rusqlite::types::Value::Integer(id));
    values.push(rusqlite::types::Value::Integer(revision));
    if conn.execute(&sql, values)? == 0 {
        let now = read_value(conn, E::KIND, id)?;
        return Err(revisions::refusal(
            conn,
            E::KIND,
            now,
            revision,
            Some(&after),
        )?);
    }
    if changed
        .iter()
        .any(|n| matches!(shape.column(n), Some(Column::Link(_))))
    {
        write_links(conn, shape, id, &after)?;
    }
    let uuid = before["uuid"].as_str().unwrap_or_default().to_owned();
    let mut diff = Map::new();
    for n in &changed {
        diff.insert(
            (*n).to_owned(),
            serde_json::json!({"before": before[*n], "after": after[*n]}),
        );
    }
    let diff = Value::Object(diff);
    audit::record_update(conn, E::KIND, id, &uuid, revision + 1, &diff)?;
    let stored = read_value(conn, E::KIND, id)?;
    super::search::index(conn, E::KIND, id, &stored)?;
    Ok(stored)
}

/// The refusal of `patch`, based on revision `base` of a record that is now `current`: the
/// fields it names are compared with what the patch would store (as checked, when it passes
/// the checks; as given, when it does not).
fn stale<E: Entity>(conn: &Db, current: Value, base: i64, patch: &Map<String, Value>) -> CoreError {
    let mut fields = current.clone();
    fields
        .as_object_mut()
        .expect("object")
        .retain(|k, _| !META.contains(&k.as_str()));
    let wanted = match checked::<E>(conn, &fields, patch) {
        Ok((_, after)) => after,
        Err(_) => Value::Object(patch.clone()),
    };
    revisions::refusal(conn, E::KIND, current, base, Some(&wanted)).unwrap_or_else(|e| e)
}

/// The ids `sql` (one `?1` parameter) selects.
pub(crate) fn ids(conn: &Db, sql: &str, id: i64) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map([id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<i64>>>()?)
}

/// Deletes record `id` of `kind` (its cascade first). With `base`, the revision the delete was
/// based on, a record changed since is refused as an update would be (`revisions`).
pub(super) fn delete(conn: &Db, kind: EntityKind, id: i64, base: Option<i64>) -> Result<()> {
    // Locked first, as an update's row is (see `update`): a plain delete waits for an edit in
    // progress and deletes the record as it then is.
    if let Some(lock) = super::dialect::lock_row(conn.backend(), kind.table()) {
        conn.prepare_cached(&lock)?
            .query_row([id], |_| Ok(()))
            .optional()?;
    }
    let before = read_value(conn, kind, id)?;
    if let Some(base) = base.filter(|b| *b != revisions::of(&before)) {
        return Err(revisions::refusal(conn, kind, before, base, None)?);
    }
    super::cascade::run(conn, kind, id)?;
    let sql = format!(
        "DELETE FROM {} WHERE id = ?1 AND revision = ?2",
        kind.table()
    );
    match conn.execute(&sql, [id, revisions::of(&before)]) {
        // A foreign key, or an ON DELETE RESTRICT action.
        Err(e) if super::db::is_foreign_key_violation(&e) => {
            return Err(CoreError::InUse { kind, id })
        }
        Ok(0) => {
            let now = read_value(conn, kind, id)?;
            return Err(revisions::refusal(
                conn,
                kind,
                now,
                revisions::of(&before),
                None,
            )?);
        }
        other => other?,
    };
    let mut fields = before.clone();
    fields
        .as_object_mut()
        .expect("object")
        .retain(|k, _| !META.contains(&k.as_str()));
    let uuid = before["uuid"].as_str().unwrap_or_default().to_owned();
    super::search::unindex(conn, kind, id)?;
    audit::record(
        conn,
        kind,
        id,
        &uuid,
        "delete",
        &super::people::delete_changes(conn, kind, id, &fields)?,
    )
}

/// Record operations on an open transaction.
impl Tx<'_> {
    /// Creates a record from a typed value.
    pub fn create<E: Entity>(&mut self, data: &E) -> Result<Record<E>> {
        let v = serde_json::to_value(data).expect("entity serialises");
        Record::from_value(insert::<E>(self.conn(), v, false)?)
    }

    /// Creates a record of `kind` from a JSON object, keeping a given `uuid`.
    pub fn create_json(&mut self, kind: EntityKind, input: Value) -> Result<Value> {
        crate::with_entity!(kind, E => insert::<E>(self.conn(), input, false))
    }

    /// Like `create_json`, and may set the entity's protected fields (demo data, and records
    /// that arrive with their history such as exchanged delegations).
    pub(crate) fn create_json_protected(
        &mut self,
        kind: EntityKind,
        input: Value,
    ) -> Result<Value> {
        crate::with_entity!(kind, E => insert::<E>(self.conn(), input, true))
    }

    /// Applies the fields given in `patch` to record `id` of `kind`.
    pub fn update_json(&mut self, kind: EntityKind, id: i64, patch: Value) -> Result<Value> {
        crate::with_entity!(kind, E => update::<E>(self.conn(), id, patch, false))
    }

    /// Deletes record `id` of `kind`.
    pub fn delete(&mut self, kind: EntityKind, id: i64) -> Result<()> {
        delete(self.conn(), kind, id, None)
    }

    /// Deletes record `id` of `kind` if it is still at revision `base` (else
    /// `changed_elsewhere`); `None` deletes whatever its revision.
    pub fn delete_based_on(&mut self, kind: EntityKind, id: i64, base: Option<i64>) -> Result<()> {
        delete(self.conn(), kind, id, base)
    }

    /// Like `update_json`, and may change the entity's protected fields (for the operation that
    /// owns them, such as the delegation workflow).
    pub(crate) fn update_protected(
        &mut self,
        kind: EntityKind,
        id: i64,
        patch: Value,
    ) -> Result<Value> {
        crate::with_entity!(kind, E => update::<E>(self.conn(), id, patch, true))
    }
}

/// Record operations on the store, each in its own transaction.
impl Store {
    /// Creates a record from a typed value.
    pub fn create<E: Entity>(&mut self, data: &E) -> Result<Record<E>> {
        self.transaction(|tx| tx.create(data))
    }

    /// Creates a record of `kind` from a JSON object.
    pub fn create_json(&mut self, kind: EntityKind, input: Value) -> Result<Value> {
        self.transaction(|tx| tx.create_json(kind, input))
    }

    /// Reads one record.
    pub fn get<E: Entity>(&self, id: i64) -> Result<Record<E>> {
        Record::from_value(read_value(self.conn(), E::KIND, id)?)
    }

    /// Reads one record of `kind` as a JSON object.
    pub fn get_json(&self, kind: EntityKind, id: i64) -> Result<Value> {
        read_value(self.conn(), kind, id)
    }

    /// Replaces every field of record `id` with `data`.
    pub fn update<E: Entity>(&mut self, id: i64, data: &E) -> Result<Record<E>> {
        let v = serde_json::to_value(data).expect("entity serialises");
        Record::from_value(self.transaction(|tx| tx.update_json(E::KIND, id, v))?)
    }

    /// Applies the fields given in `patch` to record `id` of `kind`.
    pub fn update_json(&mut self, kind: EntityKind, id: i64, patch: Value) -> Result<Value> {
        self.transaction(|tx| tx.update_json(kind, id, patch))
    }

    /// Deletes record `id` of `kind`.
    pub fn delete(&mut self, kind: EntityKind, id: i64) -> Result<()> {
        self.transaction(|tx| tx.delete(kind, id))
    }

    /// Deletes record `id` of `kind` if it is still at revision `base` (else
    /// `changed_elsewhere`, nothing deleted); `None` deletes whatever its revision.
    pub fn delete_based_on(&mut self, kind: EntityKind, id: i64, base: Option<i64>) -> Result<()> {
        self.transaction(|tx| tx.delete_based_on(kind, id, base))
    }
}
