//! Create, read, update and delete for every entity, each write with its audit row.
//!
//! Input arrives as a JSON object (from the CLI, the app, or a typed struct serialised): unknown
//! fields are refused, text is NFC-normalised, the entity's rules and its references are checked,
//! and only then is anything written.

use super::audit;
use super::shape::{to_sql, Column, Shape, META};
use super::{Store, Tx};
use crate::domain::{Entity, EntityKind};
use crate::error::{invalid, CoreError, Result};
use crate::text::normalize_value;
use crate::validate::{FieldError, Validator};
use chrono::{DateTime, Utc};
use rusqlite::{params_from_iter, Connection, OptionalExtension};
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

fn as_object(input: Value) -> Result<Map<String, Value>> {
    match input {
        Value::Object(m) => Ok(m),
        _ => Err(invalid(
            "",
            "not_object",
            "Dữ liệu vào phải là một đối tượng JSON",
            "Input must be a JSON object",
        )),
    }
}

/// Overlays `input` on `base`, normalises it, and checks it into an `E` with all its rules.
fn checked<E: Entity>(
    conn: &Connection,
    base: &Value,
    input: &Map<String, Value>,
) -> Result<(E, Value)> {
    let shape = Shape::get(E::KIND);
    shape.reject_unknown(input)?;
    let mut merged = base.clone();
    let obj = merged.as_object_mut().expect("base is an object");
    for (k, v) in input {
        if !META.contains(&k.as_str()) {
            obj.insert(k.clone(), v.clone());
        }
    }
    normalize_value(&mut merged);
    let entity: E = match serde_json::from_value(merged.clone()) {
        Ok(e) => e,
        Err(whole) => return Err(CoreError::Invalid(type_errors::<E>(shape, &merged, whole))),
    };
    let mut v = Validator::default();
    entity.validate(&mut v);
    let canonical = serde_json::to_value(&entity).expect("entity serialises");
    check_references::<E>(conn, &canonical, &mut v)?;
    if !v.errors.is_empty() {
        return Err(CoreError::Invalid(v.errors));
    }
    Ok((entity, canonical))
}

/// Finds which fields failed to deserialise by trying each one alone on the defaults.
fn type_errors<E: Entity>(
    shape: &Shape,
    merged: &Value,
    whole: serde_json::Error,
) -> Vec<FieldError> {
    let mut errors = Vec::new();
    for (k, v) in merged.as_object().into_iter().flatten() {
        let mut probe = shape.default.clone();
        probe[k.as_str()] = v.clone();
        if let Err(e) = serde_json::from_value::<E>(probe) {
            errors.push(FieldError::new(
                k,
                "invalid_value",
                format!("Giá trị không hợp lệ ({e})"),
                format!("Invalid value ({e})"),
            ));
        }
    }
    if errors.is_empty() {
        errors.push(FieldError::new(
            "",
            "invalid_value",
            whole.to_string(),
            whole.to_string(),
        ));
    }
    errors
}

fn exists(conn: &Connection, kind: EntityKind, id: i64) -> Result<bool> {
    let sql = format!("SELECT 1 FROM {} WHERE id = ?1", kind.table());
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], |_| Ok(()))
        .optional()?
        .is_some())
}

fn missing_ref(field: &str, kind: EntityKind, id: i64) -> FieldError {
    FieldError::new(
        field,
        "unknown_reference",
        format!("Không có {} nào mang mã {id}", kind.noun().vi),
        format!("There is no {} with id {id}", kind.noun().en),
    )
}

fn check_references<E: Entity>(conn: &Connection, v: &Value, out: &mut Validator) -> Result<()> {
    for (field, kind) in E::REFS {
        if let Some(id) = v[*field].as_i64().filter(|id| *id != 0) {
            if !exists(conn, *kind, id)? {
                out.push(missing_ref(field, *kind, id));
            } else if let Some((_, shared)) = E::REFS_WITHIN.iter().find(|(f, _)| f == field) {
                let sql = format!("SELECT {shared} FROM {} WHERE id = ?1", kind.table());
                let theirs: Option<i64> =
                    conn.prepare_cached(&sql)?.query_row([id], |r| r.get(0))?;
                if theirs != v[*shared].as_i64() {
                    out.push(FieldError::new(
                        field,
                        "not_same_parent",
                        format!(
                            "{} {id} thuộc {shared} {}, không phải {shared} của bản ghi này",
                            kind.noun().vi,
                            theirs.map_or("(trống)".into(), |t| t.to_string())
                        ),
                        format!(
                            "{} {id} belongs to {shared} {}, not to this record's {shared}",
                            kind.noun().en,
                            theirs.map_or("(none)".into(), |t| t.to_string())
                        ),
                    ));
                }
            }
        }
    }
    for link in E::LINKS {
        let ids: Vec<i64> = v[link.field]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_i64)
            .collect();
        for (i, id) in ids.iter().enumerate() {
            if ids[..i].contains(id) {
                out.push(FieldError::new(
                    link.field,
                    "duplicate",
                    format!("Mã {id} bị lặp"),
                    format!("Id {id} is listed twice"),
                ));
            } else if !exists(conn, link.target, *id)? {
                out.push(missing_ref(link.field, link.target, *id));
            } else if let Some(shared) = link.same {
                let sql = format!(
                    "SELECT {shared} = ?2 FROM {} WHERE id = ?1",
                    link.target.table()
                );
                let same: bool =
                    conn.query_row(&sql, rusqlite::params![id, v[shared].as_i64()], |r| {
                        r.get(0)
                    })?;
                if !same {
                    out.push(FieldError::new(
                        link.field,
                        "not_same_parent",
                        format!("{} {id} không thuộc cùng {shared}", link.target.noun().vi),
                        format!(
                            "{} {id} does not share this record's {shared}",
                            link.target.noun().en
                        ),
                    ));
                }
            }
        }
    }
    Ok(())
}

fn write_links(conn: &Connection, shape: &Shape, id: i64, v: &Value) -> Result<()> {
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
pub(crate) fn read_value(conn: &Connection, kind: EntityKind, id: i64) -> Result<Value> {
    let shape = Shape::get(kind);
    let sql = format!("{} WHERE t.id = ?1", shape.select);
    conn.prepare_cached(&sql)?
        .query_row([id], |r| shape.row_to_value(r))
        .optional()?
        .ok_or(CoreError::NotFound { kind, id })
}

fn insert<E: Entity>(conn: &Connection, input: Value, protected_ok: bool) -> Result<Value> {
    let input = as_object(input)?;
    let shape = Shape::get(E::KIND);
    if !protected_ok {
        let errors: Vec<FieldError> = E::PROTECTED
            .iter()
            .filter(|k| input.get(**k).is_some_and(|v| *v != shape.default[**k]))
            .map(|k| {
                FieldError::new(
                    k,
                    "use_workflow",
                    "Trường này chỉ thay đổi qua quy trình duyệt đoàn",
                    "This field changes only through the delegation workflow",
                )
            })
            .collect();
        if !errors.is_empty() {
            return Err(CoreError::Invalid(errors));
        }
    }
    let (_, row) = checked::<E>(conn, &shape.default, &input)?;
    let uuid = match input.get("uuid") {
        None | Some(Value::Null) => new_uuid(),
        Some(Value::String(s)) if uuid::Uuid::parse_str(s).is_ok() => s.to_lowercase(),
        Some(other) => {
            return Err(invalid(
                "uuid",
                "invalid_uuid",
                format!("UUID không hợp lệ: {other}"),
                format!("Not a valid UUID: {other}"),
            ))
        }
    };
    let now = now_text();
    let mut values = vec![
        rusqlite::types::Value::Text(uuid.clone()),
        rusqlite::types::Value::Text(now.clone()),
        rusqlite::types::Value::Text(now.clone()),
    ];
    values.extend(shape.stored().map(|(n, _)| to_sql(&row[n])));
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

/// Inserts one row (`values`: uuid, created_at, updated_at, then the stored fields in shape
/// order) and returns its id.
/// A new record's uuid: version 7 (RFC 9562), which starts with the creation time, so that new
/// records land at the end of the uuid index instead of anywhere in it; 74 random bits keep
/// uuids made in other offices apart.
fn new_uuid() -> String {
    uuid::Uuid::now_v7().to_string()
}

fn insert_row(
    conn: &Connection,
    shape: &Shape,
    values: Vec<rusqlite::types::Value>,
) -> Result<i64> {
    match conn
        .prepare_cached(&shape.insert)?
        .execute(params_from_iter(values))
    {
        // 2067: a UNIQUE constraint (the uuid).
        Err(rusqlite::Error::SqliteFailure(e, _)) if e.extended_code == 2067 => {
            Err(duplicate_uuid())
        }
        other => {
            other?;
            Ok(conn.last_insert_rowid())
        }
    }
}

/// A record checked for a bulk create, with its stored values and its index document, ready
/// to be written. Preparing touches no store, so a file's rows can be prepared on another
/// thread while earlier ones are written.
#[derive(Debug, Clone)]
pub(crate) struct Prepared {
    kind: EntityKind,
    uuid: String,
    /// The stored fields in shape order.
    values: Vec<rusqlite::types::Value>,
    /// The reference fields to check when written, with their kind and position in `values`.
    refs: Vec<(&'static str, EntityKind, usize)>,
    document: Option<crate::search::Document>,
}

impl Prepared {
    /// Checks `data` (NFC, the entity's rules) into its stored form. Link fields are not
    /// supported here (no imported entity has them); references are checked when written.
    pub(crate) fn new<E: Entity>(
        uuid: Option<&str>,
        data: &E,
    ) -> std::result::Result<Prepared, Vec<FieldError>> {
        let shape = Shape::get(E::KIND);
        debug_assert!(shape.links().next().is_none(), "bulk create has no links");
        let mut row = serde_json::to_value(data).expect("entity serialises");
        let renormalised;
        let entity: &E = if normalize_value(&mut row) {
            renormalised = serde_json::from_value::<E>(row.clone()).map_err(|e| {
                vec![FieldError::new(
                    "",
                    "invalid_value",
                    e.to_string(),
                    e.to_string(),
                )]
            })?;
            &renormalised
        } else {
            data
        };
        let mut v = Validator::default();
        entity.validate(&mut v);
        let uuid = match uuid {
            None => new_uuid(),
            Some(s) if uuid::Uuid::parse_str(s).is_ok() => s.to_lowercase(),
            Some(other) => {
                v.push(FieldError::new(
                    "uuid",
                    "invalid_uuid",
                    format!("UUID không hợp lệ: {other}"),
                    format!("Not a valid UUID: {other}"),
                ));
                String::new()
            }
        };
        if !v.errors.is_empty() {
            return Err(v.errors);
        }
        let names: Vec<&str> = shape.stored().map(|(n, _)| n).collect();
        let refs = E::REFS
            .iter()
            .filter_map(|(f, k)| Some((*f, *k, names.iter().position(|n| n == f)?)))
            .collect();
        Ok(Prepared {
            kind: E::KIND,
            uuid,
            values: names.iter().map(|n| to_sql(&row[*n])).collect(),
            refs,
            document: crate::search::document(E::KIND, &row),
        })
    }

    /// Sets a reference the caller has just resolved in the same transaction (an organisation
    /// found or created by the same import), so it is not checked again when written.
    pub(crate) fn set_resolved(&mut self, field: &str, id: i64) {
        let shape = Shape::get(self.kind);
        if let Some(i) = shape.stored().position(|(n, _)| n == field) {
            self.values[i] = rusqlite::types::Value::Integer(id);
            self.refs.retain(|(f, _, _)| *f != field);
        }
    }

    /// The record's uuid.
    pub(crate) fn uuid(&self) -> &str {
        &self.uuid
    }

    /// Takes the index document out, for the caller to index later (an import leaves its
    /// records' documents to `Store::index_step`, the organisations after the contacts, so that
    /// the index receives rowids in increasing order and does not flush at every organisation).
    pub(crate) fn take_document(&mut self) -> Option<crate::search::Document> {
        self.document.take()
    }
}

/// The import a bulk write belongs to, and one instant for every record it creates. Each record
/// is listed under the import in `import_records` (with its uuid), which is also the `import`
/// entry of its history (`Store::audit_of`): one row per record instead of an audit row
/// repeating it.
pub(crate) struct Bulk {
    import_id: i64,
    at: String,
}

impl Bulk {
    /// The records of import `import_id`, created at its instant `at`.
    pub(crate) fn import(import_id: i64, at: String) -> Bulk {
        Bulk { import_id, at }
    }
}

/// Writes a prepared record: its row (after checking its unresolved references), its place in
/// the import `bulk` names, and its index entry.
fn insert_prepared(conn: &Connection, p: Prepared, bulk: &Bulk) -> Result<i64> {
    let mut v = Validator::default();
    for (field, kind, i) in &p.refs {
        if let rusqlite::types::Value::Integer(id) = p.values[*i] {
            if id != 0 && !exists(conn, *kind, id)? {
                v.push(missing_ref(field, *kind, id));
            }
        }
    }
    if !v.errors.is_empty() {
        return Err(CoreError::Invalid(v.errors));
    }
    let shape = Shape::get(p.kind);
    let mut values = Vec::with_capacity(p.values.len() + 3);
    values.push(rusqlite::types::Value::Text(p.uuid.clone()));
    values.push(rusqlite::types::Value::Text(bulk.at.clone()));
    values.push(rusqlite::types::Value::Text(bulk.at.clone()));
    values.extend(p.values);
    let id = insert_row(conn, shape, values)?;
    super::imports::record_created(conn, bulk.import_id, p.kind, id, &p.uuid)?;
    if let Some(d) = &p.document {
        super::search::index_document(conn, p.kind, id, d)?;
    }
    Ok(id)
}

fn update<E: Entity>(
    conn: &Connection,
    id: i64,
    patch: Value,
    protected_ok: bool,
) -> Result<Value> {
    let patch = as_object(patch)?;
    let shape = Shape::get(E::KIND);
    let before = read_value(conn, E::KIND, id)?;
    if !protected_ok {
        let errors: Vec<FieldError> = E::PROTECTED
            .iter()
            .filter(|k| patch.get(**k).is_some_and(|v| *v != before[**k]))
            .map(|k| {
                FieldError::new(
                    k,
                    "use_workflow",
                    "Trường này chỉ thay đổi qua quy trình duyệt đoàn",
                    "This field changes only through the delegation workflow",
                )
            })
            .collect();
        if !errors.is_empty() {
            return Err(CoreError::Invalid(errors));
        }
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
    let mut base = before.clone();
    base.as_object_mut()
        .expect("object")
        .retain(|k, _| !META.contains(&k.as_str()));
    let (_, after) = checked::<E>(conn, &base, &patch)?;
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
    let mut sets: Vec<String> = vec!["updated_at = ?1".into()];
    sets.extend(
        stored
            .iter()
            .enumerate()
            .map(|(i, n)| format!("{n} = ?{}", i + 2)),
    );
    let sql = format!(
        "UPDATE {} SET {} WHERE id = ?{}",
        E::KIND.table(),
        sets.join(", "),
        stored.len() + 2
    );
    let mut values = vec![rusqlite::types::Value::Text(now_text())];
    values.extend(stored.iter().map(|n| to_sql(&after[*n])));
    values.push(rusqlite::types::Value::Integer(id));
    conn.execute(&sql, params_from_iter(values))?;
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
    audit::record(conn, E::KIND, id, &uuid, "update", &Value::Object(diff))?;
    let stored = read_value(conn, E::KIND, id)?;
    super::search::index(conn, E::KIND, id, &stored)?;
    Ok(stored)
}

/// The ids `sql` (one `?1` parameter) selects.
pub(crate) fn ids(conn: &Connection, sql: &str, id: i64) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map([id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<i64>>>()?)
}

/// What a delete would otherwise change silently through `ON DELETE CASCADE` is done record by
/// record first, so that each change has its own audit row: a delegation's items and members
/// go with it, and a member leaves the attendee lists of its delegation's items.
fn cascade(conn: &Connection, kind: EntityKind, id: i64) -> Result<()> {
    match kind {
        EntityKind::Delegations => {
            for item in ids(
                conn,
                "SELECT id FROM itinerary_items WHERE delegation_id = ?1",
                id,
            )? {
                delete(conn, EntityKind::ItineraryItems, item)?;
            }
            for member in ids(
                conn,
                "SELECT id FROM delegation_members WHERE delegation_id = ?1",
                id,
            )? {
                delete(conn, EntityKind::Members, member)?;
            }
        }
        // A contact's delegation memberships (passport, visa, diet) go with them: `ON DELETE
        // SET NULL` would leave each member with neither a contact nor a staff name.
        EntityKind::Contacts => {
            for member in ids(
                conn,
                "SELECT id FROM delegation_members WHERE contact_id = ?1",
                id,
            )? {
                delete(conn, EntityKind::Members, member)?;
            }
        }
        EntityKind::Members => {
            let items = ids(
                conn,
                "SELECT item_id FROM itinerary_item_attendees WHERE member_id = ?1",
                id,
            )?;
            for item in items {
                let v = read_value(conn, EntityKind::ItineraryItems, item)?;
                let rest: Vec<Value> = v["attendee_ids"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter(|m| m.as_i64() != Some(id))
                    .cloned()
                    .collect();
                update::<crate::domain::ItineraryItem>(
                    conn,
                    item,
                    serde_json::json!({ "attendee_ids": rest }),
                    false,
                )?;
            }
        }
        _ => {}
    }
    Ok(())
}

fn delete(conn: &Connection, kind: EntityKind, id: i64) -> Result<()> {
    let before = read_value(conn, kind, id)?;
    cascade(conn, kind, id)?;
    let sql = format!("DELETE FROM {} WHERE id = ?1", kind.table());
    match conn.execute(&sql, [id]) {
        // 787: a foreign key; 1811: an ON DELETE RESTRICT action.
        Err(rusqlite::Error::SqliteFailure(e, _)) if matches!(e.extended_code, 787 | 1811) => {
            return Err(CoreError::InUse { kind, id })
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
        delete(self.conn(), kind, id)
    }

    /// Writes a record prepared for a bulk create (see `Prepared`), audited as `action` with
    /// `note`; returns its id.
    pub(crate) fn insert_prepared(&mut self, record: Prepared, bulk: &Bulk) -> Result<i64> {
        insert_prepared(self.conn(), record, bulk)
    }

    /// Marks this transaction's bulk write as leaving records to index after it commits
    /// (`Store::leave_to_index`, `Store::index_step`).
    pub(crate) fn mark_index_pending(&mut self, import_id: i64) -> Result<()> {
        super::search::mark_pending(self.conn(), import_id)
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
}
