//! The shape of an entity's table, read from its `Default` serialisation, and the conversions
//! between JSON values and SQLite values that the generic record code uses.

use super::db::Backend;
use super::db::Row;
use crate::domain::{Entity, EntityKind, Link};
use crate::error::{CoreError, Result};
use crate::validate::FieldError;
use rusqlite::types::{Value as Sql, ValueRef};
use serde_json::{Map, Value};
use std::sync::OnceLock;

/// How one struct field is stored.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Column {
    /// Text, integer, real or null, stored as is.
    Plain,
    /// A bool, stored as 0/1.
    Bool,
    /// A list or object, stored as JSON text.
    Json,
    /// A list of ids, stored in a junction table.
    Link(&'static Link),
}

/// The columns of one entity's table, in struct order.
pub(crate) struct Shape {
    pub kind: EntityKind,
    pub fields: Vec<(String, Column)>,
    pub select: String,
    /// The same for a team store (its link fields spelt in PostgreSQL's JSON functions).
    select_pg: String,
    /// `INSERT` of the metadata, the stored fields and the sort keys, `?1`… in that order.
    pub insert: String,
    /// The fields with a stored sort key, column `<field>_key` (`Entity::SORT_KEYS`).
    pub sort_keys: &'static [&'static str],
    pub default: Value,
}

/// The record metadata columns every table has, in order.
pub(crate) const META: [&str; 5] = ["id", "uuid", "created_at", "updated_at", "revision"];

impl Shape {
    fn of<E: Entity>() -> Shape {
        let default = serde_json::to_value(E::default()).expect("entity serialises");
        let Value::Object(map) = &default else {
            panic!("{} does not serialise to an object", E::KIND)
        };
        let fields: Vec<(String, Column)> = map
            .iter()
            .map(|(name, v)| {
                let column = if let Some(link) = E::LINKS.iter().find(|l| l.field == name) {
                    Column::Link(link)
                } else {
                    match v {
                        Value::Bool(_) => Column::Bool,
                        Value::Array(_) | Value::Object(_) => Column::Json,
                        _ => Column::Plain,
                    }
                };
                (name.clone(), column)
            })
            .collect();
        let select_for = |backend: Backend| {
            let mut select: Vec<String> = META.iter().map(|m| format!("t.{m}")).collect();
            for (name, column) in &fields {
                select.push(match column {
                    Column::Link(l) => format!(
                        "{} AS {name}",
                        super::dialect::json_array_of(
                            backend,
                            &format!("j.{}", l.target_column),
                            &format!("FROM {} j WHERE j.{} = t.id", l.table, l.owner_column),
                            "j.position",
                        )
                    ),
                    _ => format!("t.{name}"),
                });
            }
            format!("SELECT {} FROM {} t", select.join(", "), E::KIND.table())
        };
        let stored: Vec<&str> = fields
            .iter()
            .filter(|(_, c)| !matches!(c, Column::Link(_)))
            .map(|(n, _)| n.as_str())
            .collect();
        let keys: Vec<String> = E::SORT_KEYS.iter().map(|f| key_column(f)).collect();
        let insert = format!(
            "INSERT INTO {} (uuid, created_at, updated_at, {}) VALUES ({}) RETURNING id",
            E::KIND.table(),
            stored
                .iter()
                .copied()
                .chain(keys.iter().map(String::as_str))
                .collect::<Vec<_>>()
                .join(", "),
            (1..=stored.len() + keys.len() + 3)
                .map(|i| format!("?{i}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        Shape {
            kind: E::KIND,
            select: select_for(Backend::Sqlite),
            select_pg: select_for(Backend::Postgres),
            insert,
            sort_keys: E::SORT_KEYS,
            fields,
            default,
        }
    }

    /// The shape of the table that holds `kind`.
    pub fn get(kind: EntityKind) -> &'static Shape {
        static SHAPES: OnceLock<Vec<Shape>> = OnceLock::new();
        let shapes = SHAPES.get_or_init(|| {
            EntityKind::ALL
                .iter()
                .map(|&k| crate::with_entity!(k, E => Shape::of::<E>()))
                .collect()
        });
        shapes
            .iter()
            .find(|s| s.kind == kind)
            .expect("every kind has a shape")
    }

    /// `select` as `conn`'s backend spells it.
    pub(crate) fn select_on(&self, conn: &super::db::Db) -> &str {
        match conn.backend() {
            Backend::Sqlite => &self.select,
            Backend::Postgres => &self.select_pg,
        }
    }

    /// How `name` is stored, if it is a field of this entity.
    pub fn column(&self, name: &str) -> Option<Column> {
        self.fields.iter().find(|(n, _)| n == name).map(|(_, c)| *c)
    }

    /// The stored (non-link) fields.
    pub fn stored(&self) -> impl Iterator<Item = (&str, Column)> {
        self.fields
            .iter()
            .filter(|(_, c)| !matches!(c, Column::Link(_)))
            .map(|(n, c)| (n.as_str(), *c))
    }

    /// The link fields.
    pub fn links(&self) -> impl Iterator<Item = (&str, &'static Link)> {
        self.fields.iter().filter_map(|(n, c)| match c {
            Column::Link(l) => Some((n.as_str(), *l)),
            _ => None,
        })
    }

    /// The sort keys of a record's fields `row`, in `sort_keys` order: what `insert` takes after
    /// the stored fields.
    pub fn key_values<'a>(&'a self, row: &'a Value) -> impl Iterator<Item = Sql> + 'a {
        self.sort_keys.iter().map(move |f| sort_key_value(&row[*f]))
    }

    /// Fails with a field error for every key of `input` that is neither a field nor metadata.
    pub fn reject_unknown(&self, input: &Map<String, Value>) -> Result<()> {
        let unknown: Vec<FieldError> = input
            .keys()
            .filter(|k| !META.contains(&k.as_str()) && self.column(k).is_none())
            .map(|k| {
                FieldError::new(
                    k,
                    "unknown_field",
                    format!("Trường không tồn tại trong {}", self.kind.noun().vi),
                    format!("No such field in a {}", self.kind.noun().en),
                )
            })
            .collect();
        if unknown.is_empty() {
            Ok(())
        } else {
            Err(CoreError::Invalid(unknown))
        }
    }

    /// Reads one row selected with `self.select` into a JSON object (metadata first).
    pub fn row_to_value(&self, row: &Row<'_>) -> rusqlite::Result<Value> {
        let mut map = Map::with_capacity(META.len() + self.fields.len());
        for (i, m) in META.iter().enumerate() {
            map.insert(
                (*m).to_owned(),
                row.with_ref(i, |v| from_sql(v, Column::Plain))?,
            );
        }
        for (i, (name, column)) in self.fields.iter().enumerate() {
            map.insert(
                name.clone(),
                row.with_ref(META.len() + i, |v| from_sql(v, *column))?,
            );
        }
        Ok(Value::Object(map))
    }
}

/// The column holding the sort key of text field `field`.
pub(crate) fn key_column(field: &str) -> String {
    format!("{field}_key")
}

/// The stored sort key of a text field's value: `text::vi_sort_key` of its text, NULL for null.
pub(crate) fn sort_key_value(v: &Value) -> Sql {
    match v {
        Value::String(s) => Sql::Blob(crate::text::vi_sort_key(s)),
        _ => Sql::Null,
    }
}

/// Converts a field value to what SQLite stores.
pub(crate) fn to_sql(v: &Value) -> Sql {
    match v {
        Value::Null => Sql::Null,
        Value::Bool(b) => Sql::Integer(i64::from(*b)),
        Value::Number(n) => match n.as_i64() {
            Some(i) => Sql::Integer(i),
            None => Sql::Real(n.as_f64().unwrap_or(0.0)),
        },
        Value::String(s) => Sql::Text(s.clone()),
        Value::Array(_) | Value::Object(_) => Sql::Text(v.to_string()),
    }
}

/// Converts what SQLite returned back to the field's JSON value.
pub(crate) fn from_sql(v: ValueRef<'_>, column: Column) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => match column {
            Column::Bool => Value::Bool(i != 0),
            _ => Value::from(i),
        },
        ValueRef::Real(f) => Value::from(f),
        ValueRef::Text(t) | ValueRef::Blob(t) => {
            let s = String::from_utf8_lossy(t);
            match column {
                Column::Json | Column::Link(_) => serde_json::from_str(&s).unwrap_or(Value::Null),
                _ => Value::String(s.into_owned()),
            }
        }
    }
}
