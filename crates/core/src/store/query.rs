//! Listing records: filtering on any field, sorting, paging.

use super::db::Backend;
use super::shape::{key_column, Column, Shape, META};
use super::{Record, Store};
use crate::domain::{Entity, EntityKind};
use crate::error::{invalid, Result};
use rusqlite::types::Value as Sql;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

/// Keep records whose `field` equals `value` (for a list field: contains it), or, with
/// `op: "prefix"`, whose `field` starts with `value` (e.g. a year: `start_date` prefix `2027`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct Filter {
    pub field: String,
    pub value: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub op: Option<FilterOp>,
}

/// How a filter compares.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FilterOp {
    #[default]
    Eq,
    Prefix,
}

impl Filter {
    /// `field` equals `value`.
    pub fn eq(field: &str, value: impl Into<String>) -> Filter {
        Filter {
            field: field.into(),
            value: value.into(),
            op: None,
        }
    }

    /// Parses `FIELD=VALUE` (equals) or `FIELD^=VALUE` (starts with) as given on the command line.
    pub fn parse(s: &str) -> Option<Filter> {
        let (f, v) = s.split_once('=')?;
        let (f, op) = match f.strip_suffix('^') {
            Some(f) => (f, Some(FilterOp::Prefix)),
            None => (f, None),
        };
        Some(Filter {
            field: f.trim().to_owned(),
            value: v.to_owned(),
            op,
        })
    }
}

/// Which records to list and in which order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ListQuery {
    pub filters: Vec<Filter>,
    /// A field name; `id` when absent.
    pub sort: Option<String>,
    /// A field a record sorts by where its `sort` field is empty, so that a list sorts by the
    /// name it shows (`name_en`, else `name_vi`, in English).
    pub sort_else: Option<String>,
    pub descending: bool,
    /// At most this many records (all when absent).
    pub limit: Option<u32>,
    pub offset: u32,
}

/// One page of a list, with the total number of matching records.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: i64,
    pub offset: u32,
    pub limit: Option<u32>,
}

fn unknown_field(param: &str, field: &str, shape: &Shape) -> crate::error::CoreError {
    let known: Vec<&str> = META
        .iter()
        .copied()
        .chain(shape.fields.iter().map(|(n, _)| n.as_str()))
        .collect();
    invalid(
        param,
        "unknown_field",
        format!(
            "Trường «{field}» không có trong {}; các trường: {}",
            shape.kind.noun().vi,
            known.join(", ")
        ),
        format!(
            "No field “{field}” in a {}; fields are: {}",
            shape.kind.noun().en,
            known.join(", ")
        ),
    )
}

fn where_clause(backend: Backend, shape: &Shape, filters: &[Filter]) -> Result<(String, Vec<Sql>)> {
    let mut clauses = Vec::new();
    let mut params = Vec::new();
    for f in filters {
        let value = crate::text::nfc(&f.value);
        let n = params.len() + 1;
        let column = if META.contains(&f.field.as_str()) {
            Some(Column::Plain)
        } else {
            shape.column(&f.field)
        };
        match column {
            None => return Err(unknown_field("filter", &f.field, shape)),
            Some(Column::Plain) if f.op == Some(FilterOp::Prefix) => {
                clauses.push(format!("substr(t.{}, 1, length(?{n})) = ?{n}", f.field));
                params.push(Sql::Text(value));
            }
            Some(Column::Plain) => {
                clauses.push(format!("t.{} = ?{n}", f.field));
                params.push(Sql::Text(value));
            }
            Some(Column::Bool) => {
                clauses.push(format!("t.{} = ?{n}", f.field));
                params.push(Sql::Integer(
                    matches!(value.as_str(), "true" | "1" | "yes") as i64
                ));
            }
            Some(Column::Json) => {
                clauses.push(format!(
                    "EXISTS (SELECT 1 FROM {} WHERE e.value = ?{n})",
                    super::dialect::json_elements(backend, &format!("t.{}", f.field), "e")
                ));
                params.push(Sql::Text(value));
            }
            Some(Column::Link(l)) => {
                clauses.push(format!(
                    "EXISTS (SELECT 1 FROM {} j WHERE j.{} = t.id AND j.{} = ?{n})",
                    l.table, l.owner_column, l.target_column
                ));
                params.push(Sql::Text(value));
            }
        }
    }
    let sql = if clauses.is_empty() {
        String::new()
    } else {
        format!(" WHERE {}", clauses.join(" AND "))
    };
    Ok((sql, params))
}

/// What a list sorted by `sort` (else `sort_else`, where `sort` is empty) orders by. Free text
/// (a field whose default is an empty string, or one with a stored sort key: names, titles)
/// sorts in the Vietnamese alphabet: by its stored key (`Entity::SORT_KEYS`, indexed where
/// lists are long), else by the key computed as the query runs (`vi_sort_key()`); dates, codes
/// and numbers keep SQLite's order and their indexes.
fn order_key(backend: Backend, shape: &Shape, sort: &str, sort_else: Option<&str>) -> String {
    let keyed = |field: &str| shape.sort_keys.contains(&field);
    let vi = |expr: String| super::dialect::vietnamese_order(backend, &expr);
    let text = |field: &str| {
        keyed(field) || matches!(&shape.default[field], Value::String(s) if s.is_empty())
    };
    match sort_else {
        None if keyed(sort) => format!("t.{}", key_column(sort)),
        None if text(sort) => vi(format!("t.{sort}")),
        None => format!("t.{sort}"),
        // The empty text's key is the empty blob, as its text is the empty string.
        Some(other) if keyed(sort) && keyed(other) => format!(
            "coalesce(nullif(t.{}, {}), t.{})",
            key_column(sort),
            super::dialect::empty_blob(backend),
            key_column(other)
        ),
        Some(other) if text(sort) || text(other) => {
            vi(format!("coalesce(nullif(t.{sort}, ''), t.{other})"))
        }
        Some(other) => format!("coalesce(nullif(t.{sort}, ''), t.{other})"),
    }
}

/// The query of one page sorted by `sort`: the page's ids first (sorting only the sort key, by
/// its index where there is one), then their full rows (sorting whole rows would evaluate every
/// row's link subqueries). See `order_key` for the order.
fn page_sql(
    conn: &super::db::Db,
    shape: &Shape,
    filter_sql: &str,
    (sort, sort_else): (&str, Option<&str>),
    descending: bool,
    limit: i64,
    offset: u32,
) -> String {
    let dir = if descending { "DESC" } else { "ASC" };
    // An empty field sorts before any value, as SQLite has it; PostgreSQL's default is after.
    let nulls = if descending {
        "NULLS LAST"
    } else {
        "NULLS FIRST"
    };
    let key = order_key(conn.backend(), shape, sort, sort_else);
    let limit = super::dialect::limit(conn.backend(), limit);
    format!(
        "{} WHERE t.id IN (SELECT t.id FROM {} t{filter_sql} ORDER BY {key} {dir} {nulls}, \
         t.id {dir} LIMIT {limit} OFFSET {offset}) ORDER BY {key} {dir} {nulls}, t.id {dir}",
        shape.select_on(conn),
        shape.kind.table(),
    )
}

/// Lists records of `kind` as JSON objects.
pub(crate) fn list_values(store: &Store, kind: EntityKind, q: &ListQuery) -> Result<Page<Value>> {
    let shape = Shape::get(kind);
    let (filter_sql, params) = where_clause(store.conn().backend(), shape, &q.filters)?;
    let sort = q.sort.as_deref().unwrap_or("id");
    let sortable = |field: &str| {
        META.contains(&field) || matches!(shape.column(field), Some(Column::Plain | Column::Bool))
    };
    if !sortable(sort) {
        return Err(unknown_field("sort", sort, shape));
    }
    let sort_else = q.sort_else.as_deref().filter(|f| !f.is_empty());
    if let Some(other) = sort_else.filter(|f| !sortable(f)) {
        return Err(unknown_field("sort_else", other, shape));
    }
    let count_sql = if filter_sql.is_empty() {
        super::dialect::record_count(store.conn().backend(), kind.table())
    } else {
        format!("SELECT count(*) FROM {} t{filter_sql}", kind.table())
    };
    let total: i64 = store
        .conn()
        .query_row(&count_sql, &params[..], |r| r.get(0))?;
    let limit = q.limit.map_or(-1, i64::from);
    let sql = page_sql(
        store.conn(),
        shape,
        &filter_sql,
        (sort, sort_else),
        q.descending,
        limit,
        q.offset,
    );
    let mut stmt = store.conn().prepare_cached(&sql)?;
    let items = stmt
        .query_map(&params[..], |r| shape.row_to_value(r))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Page {
        items,
        total,
        offset: q.offset,
        limit: q.limit,
    })
}

impl Store {
    /// Lists records of `E`.
    pub fn list<E: Entity>(&self, q: &ListQuery) -> Result<Page<Record<E>>> {
        let page = list_values(self, E::KIND, q)?;
        Ok(Page {
            items: page
                .items
                .into_iter()
                .map(Record::from_value)
                .collect::<Result<_>>()?,
            total: page.total,
            offset: page.offset,
            limit: page.limit,
        })
    }

    /// Lists records of `kind` as JSON objects.
    pub fn list_json(&self, kind: EntityKind, q: &ListQuery) -> Result<Page<Value>> {
        list_values(self, kind, q)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A name-sorted page reads its rows in the order of the sort key's index (no sort of the
    /// whole table), forwards and backwards.
    #[test]
    fn name_sorted_pages_read_the_key_index() {
        let store = Store::open_in_memory().unwrap();
        for (kind, sort, index) in [
            (EntityKind::Contacts, "full_name", "contacts_full_name_key"),
            (
                EntityKind::Organizations,
                "name_vi",
                "organizations_name_vi_key",
            ),
            (EntityKind::Leads, "due_at", "leads_due_at"),
        ] {
            for descending in [false, true] {
                let sql = page_sql(
                    store.conn(),
                    Shape::get(kind),
                    "",
                    (sort, None),
                    descending,
                    50,
                    1000,
                );
                let plan: Vec<String> = store
                    .conn()
                    .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
                    .unwrap()
                    .query_map((), |r| r.get::<_, String>(3))
                    .unwrap()
                    .collect::<rusqlite::Result<_>>()
                    .unwrap();
                assert!(
                    plan.iter()
                        .any(|s| s.starts_with("SCAN t USING") && s.ends_with(index)),
                    "{sort}: {plan:#?}"
                );
                // Only the page's own rows are sorted again (the outer ORDER BY), not the table.
                assert_eq!(
                    plan.iter().filter(|s| s.contains("TEMP B-TREE")).count(),
                    1,
                    "{sort}: {plan:#?}"
                );
            }
        }
    }
}
