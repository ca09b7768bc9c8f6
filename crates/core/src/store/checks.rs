//! Checking what is about to be written: input overlaid on a record and checked into its entity
//! (unknown fields refused, NFC, the entity's rules, its references), the fields only a
//! dedicated operation may change, and the uuid a new record is stored under.

use super::db::Db;
use super::shape::{Shape, META};
use crate::domain::{Entity, EntityKind};
use crate::error::{invalid, CoreError, Result};
use crate::text::normalize_value;
use crate::validate::{FieldError, Validator};
use rusqlite::OptionalExtension;
use serde_json::{Map, Value};

pub(super) fn as_object(input: Value) -> Result<Map<String, Value>> {
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
pub(super) fn checked<E: Entity>(
    conn: &Db,
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
    super::sectors::check_tags(conn, E::KIND, &canonical, &mut v)?;
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

pub(super) fn exists(conn: &Db, kind: EntityKind, id: i64) -> Result<bool> {
    let sql = format!("SELECT 1 FROM {} WHERE id = ?1", kind.table());
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], |_| Ok(()))
        .optional()?
        .is_some())
}

pub(super) fn missing_ref(field: &str, kind: EntityKind, id: i64) -> FieldError {
    FieldError::new(
        field,
        "unknown_reference",
        format!("Không có {} nào mang mã {id}", kind.noun().vi),
        format!("There is no {} with id {id}", kind.noun().en),
    )
}

fn check_references<E: Entity>(conn: &Db, v: &Value, out: &mut Validator) -> Result<()> {
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

/// Refuses `input` when it would change one of `E::PROTECTED` from its value in `current` (the
/// stored record, or the defaults for a new one).
pub(super) fn refuse_protected<E: Entity>(
    input: &Map<String, Value>,
    current: &Value,
) -> Result<()> {
    let errors: Vec<FieldError> = E::PROTECTED
        .iter()
        .filter(|k| input.get(**k).is_some_and(|v| *v != current[**k]))
        .map(|k| {
            FieldError::new(
                k,
                "use_workflow",
                "Trường này chỉ thay đổi qua quy trình duyệt đoàn",
                "This field changes only through the delegation workflow",
            )
        })
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(CoreError::Invalid(errors))
    }
}

/// The uuid a new record is stored under: the one given, in lower case, or a new one.
pub(super) fn record_uuid(given: Option<&str>) -> std::result::Result<String, FieldError> {
    match given {
        None => Ok(new_uuid()),
        Some(s) if uuid::Uuid::parse_str(s).is_ok() => Ok(s.to_lowercase()),
        Some(other) => Err(invalid_uuid(other)),
    }
}

/// The error of a given uuid that is not one.
pub(super) fn invalid_uuid(given: &str) -> FieldError {
    FieldError::new(
        "uuid",
        "invalid_uuid",
        format!("UUID không hợp lệ: {given}"),
        format!("Not a valid UUID: {given}"),
    )
}

/// A new record's uuid: version 7 (RFC 9562), which starts with the creation time, so that new
/// records land at the end of the uuid index instead of anywhere in it; 74 random bits keep
/// uuids made in other offices apart.
fn new_uuid() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// Checks a record that arrived from another office (a received bundle) against the rules of
/// `E` as `checked` does a local one, without the store's own references: an object of `E`'s
/// fields only (no local metadata), of the right types, passing every field rule. The caller
/// checks NFC and sector tags (which may be named by the bundle).
pub(crate) fn check_received<E: Entity>(input: &Value) -> Result<E> {
    let Value::Object(map) = input else {
        return Err(invalid(
            "",
            "not_object",
            "Cần một đối tượng",
            "Expected an object",
        ));
    };
    let shape = Shape::get(E::KIND);
    if let Some(meta) = META.iter().find(|m| map.contains_key(**m)) {
        return Err(invalid(
            meta,
            "unknown_field",
            "Trường cục bộ không được gửi",
            "A local field is never sent",
        ));
    }
    shape.reject_unknown(map)?;
    let entity: E = serde_json::from_value(input.clone())
        .map_err(|whole| CoreError::Invalid(type_errors::<E>(shape, input, whole)))?;
    let mut v = Validator::default();
    entity.validate(&mut v);
    if !v.errors.is_empty() {
        return Err(CoreError::Invalid(v.errors));
    }
    Ok(entity)
}
