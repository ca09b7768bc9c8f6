//! What a delete does first, as the deleted record's kind declares it (`Entity::CASCADE`): what
//! the schema would otherwise change silently through `ON DELETE` is done record by record
//! through the audited path, so that each change has its own audit row.

use super::db::Db;
use super::records::{delete, ids, read_value, update};
use super::shape::{Column, Shape};
use crate::domain::{Cascade, EntityKind};
use crate::error::Result;
use serde_json::Value;

/// Runs the cascade of deleting record `id` of `kind`, before the record itself goes.
pub(super) fn run(conn: &Db, kind: EntityKind, id: i64) -> Result<()> {
    for rule in kind.cascade() {
        match *rule {
            Cascade::Delete { kind: child, field } => {
                let sql = format!("SELECT id FROM {} WHERE {field} = ?1", child.table());
                for record in ids(conn, &sql, id)? {
                    delete(conn, child, record, None)?;
                }
            }
            Cascade::Unlink { kind: owner, field } => {
                let Some(Column::Link(link)) = Shape::get(owner).column(field) else {
                    panic!("{owner}.{field} is not a link field");
                };
                let sql = format!(
                    "SELECT {} FROM {} WHERE {} = ?1",
                    link.owner_column, link.table, link.target_column
                );
                for record in ids(conn, &sql, id)? {
                    let v = read_value(conn, owner, record)?;
                    let rest: Vec<Value> = v[field]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter(|m| m.as_i64() != Some(id))
                        .cloned()
                        .collect();
                    let patch = serde_json::json!({ field: rest });
                    crate::with_entity!(owner, E => update::<E>(conn, record, patch, false))?;
                }
            }
        }
    }
    Ok(())
}
