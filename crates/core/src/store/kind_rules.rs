//! Checks that the rules every kind declares on its type (`Entity`) name real tables, columns,
//! references and links, and agree with the schema, so that a new kind with a wrong rule fails
//! here rather than at its first delete.

use super::db::Db;
use super::shape::{Column, Shape, META};
use super::Store;
use crate::domain::{Cascade, EntityKind};

fn columns(conn: &Db, table: &str) -> Vec<String> {
    let mut stmt = conn
        .prepare("SELECT name FROM pragma_table_info(?1)")
        .unwrap();
    let names = stmt.query_map([table], |r| r.get(0)).unwrap();
    names.collect::<rusqlite::Result<_>>().unwrap()
}

fn refs(kind: EntityKind) -> &'static [(&'static str, EntityKind)] {
    crate::with_entity!(kind, E => E::REFS)
}

fn protected(kind: EntityKind) -> &'static [&'static str] {
    crate::with_entity!(kind, E => E::PROTECTED)
}

fn kind_of_table(table: &str) -> Option<EntityKind> {
    EntityKind::ALL.into_iter().find(|k| k.table() == table)
}

#[test]
fn every_kind_names_a_table_holding_its_fields() {
    let store = Store::open_in_memory().unwrap();
    for kind in EntityKind::ALL {
        let have = columns(store.conn(), kind.table());
        let shape = Shape::get(kind);
        for name in META.into_iter().chain(shape.stored().map(|(n, _)| n)) {
            assert!(have.iter().any(|c| c == name), "{}.{name}", kind.table());
        }
    }
}

#[test]
fn every_cascade_follows_a_reference_or_link_to_the_deleted_kind() {
    let store = Store::open_in_memory().unwrap();
    for kind in EntityKind::ALL {
        for rule in kind.cascade() {
            match *rule {
                Cascade::Delete { kind: child, field } => {
                    assert!(
                        refs(child).contains(&(field, kind)),
                        "{kind} cascades to {child}.{field}, which is not its reference to {kind}"
                    );
                    assert!(columns(store.conn(), child.table())
                        .iter()
                        .any(|c| c == field));
                }
                Cascade::Unlink { kind: owner, field } => {
                    let Some(Column::Link(link)) = Shape::get(owner).column(field) else {
                        panic!("{kind} unlinks {owner}.{field}, which is not a link field");
                    };
                    assert_eq!(link.target, kind, "{owner}.{field} lists no {kind}");
                    let have = columns(store.conn(), link.table);
                    assert!(have.iter().any(|c| c == link.owner_column));
                    assert!(have.iter().any(|c| c == link.target_column));
                }
            }
        }
    }
}

/// A record the schema would delete with its parent must go through the audited path first.
#[test]
fn every_schema_cascade_between_records_is_declared() {
    let store = Store::open_in_memory().unwrap();
    let mut stmt = store
        .conn()
        .prepare("SELECT \"table\", \"from\", on_delete FROM pragma_foreign_key_list(?1)")
        .unwrap();
    let mut seen = 0;
    for child in EntityKind::ALL {
        let keys = stmt
            .query_map([child.table()], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .unwrap();
        for key in keys {
            let (parent, field, on_delete) = key.unwrap();
            let Some(parent) = kind_of_table(&parent).filter(|_| on_delete == "CASCADE") else {
                continue;
            };
            seen += 1;
            let field: &str = &field;
            assert!(
                parent.cascade().iter().any(
                    |r| matches!(*r, Cascade::Delete { kind, field: f } if kind == child && f == field)
                ),
                "the schema deletes {child} with its {parent} ({field}), undeclared"
            );
        }
    }
    assert!(
        seen > 0,
        "the schema has such cascades (a delegation's members)"
    );
}

/// A personal record pointing at another person's record goes with it: the schema's `SET NULL`
/// would leave its personal data behind, no longer anyone's.
#[test]
fn a_personal_record_goes_with_the_personal_record_it_points_at() {
    for kind in EntityKind::ALL.into_iter().filter(|k| k.is_personal()) {
        for (field, parent) in refs(kind).iter().filter(|(_, p)| p.is_personal()) {
            let rule = Cascade::Delete { kind, field };
            assert!(parent.cascade().contains(&rule), "{parent} lacks {rule:?}");
        }
    }
    assert!(EntityKind::Contacts.is_personal() && EntityKind::Members.is_personal());
}

#[test]
fn protected_fields_are_stored_fields_of_their_kind() {
    for kind in EntityKind::ALL {
        let shape = Shape::get(kind);
        for field in protected(kind) {
            let stored = shape.stored().any(|(n, _)| n == *field);
            assert!(
                stored,
                "{kind} protects {field}, not one of its stored fields"
            );
        }
    }
}

#[test]
fn a_kind_shown_under_another_names_it_by_a_reference_or_link() {
    for kind in EntityKind::ALL {
        for field in kind.shown_under() {
            let link = matches!(Shape::get(kind).column(field), Some(Column::Link(_)));
            assert!(link || kind.reference(field).is_some(), "{kind}.{field}");
        }
    }
    // The kinds with no page of their own.
    for kind in [EntityKind::ItineraryItems, EntityKind::Interactions] {
        assert!(!kind.shown_under().is_empty(), "{kind}");
    }
    // A lead has its own page (#13.18).
    assert!(EntityKind::Leads.shown_under().is_empty());
}

/// The bulk path writes no junction tables (`Prepared`).
#[test]
fn imported_kinds_have_no_link_fields() {
    for kind in EntityKind::ALL.into_iter().filter(|k| k.is_imported()) {
        assert!(Shape::get(kind).links().next().is_none(), "{kind}");
    }
}

#[test]
fn sector_fields_are_stored_fields_of_their_kind_and_every_sector_field_is_declared() {
    for kind in EntityKind::ALL {
        let shape = Shape::get(kind);
        for field in kind.sector_fields() {
            assert!(
                shape.stored().any(|(n, _)| n == *field),
                "{kind} declares sector field {field}, not one of its stored fields"
            );
        }
        // A field named like a sector field must be declared, or its tags go unchecked.
        for (name, _) in shape.stored() {
            if name == "sectors" || name == "sector" {
                assert!(
                    kind.sector_fields().contains(&name),
                    "{kind}.{name} is not declared"
                );
            }
        }
    }
}

/// Each declared sort key is a text field's, with its BLOB column; every `*_key` column of a
/// record table is declared (or no write would set it).
#[test]
fn sort_keys_are_text_fields_with_their_columns_and_every_key_column_is_declared() {
    let store = Store::open_in_memory().unwrap();
    for kind in EntityKind::ALL {
        let shape = Shape::get(kind);
        let have = columns(store.conn(), kind.table());
        for field in kind.sort_keys() {
            let text = matches!(&shape.default[*field], serde_json::Value::String(_))
                || (shape.default[*field].is_null() && shape.stored().any(|(n, _)| n == *field));
            assert!(text, "{kind}.{field} is not a stored text field");
            let column = super::shape::key_column(field);
            let kind_of: String = store
                .conn()
                .query_row(
                    "SELECT type FROM pragma_table_info(?1) WHERE name = ?2",
                    [kind.table(), column.as_str()],
                    |r| r.get(0),
                )
                .unwrap_or_else(|_| panic!("{}.{column} missing", kind.table()));
            assert_eq!(kind_of, "BLOB", "{}.{column}", kind.table());
        }
        for c in have.iter().filter(|c| c.ends_with("_key")) {
            let field = c.strip_suffix("_key").unwrap();
            assert!(
                kind.sort_keys().contains(&field),
                "{}.{c} is not declared",
                kind.table()
            );
        }
    }
    assert!(EntityKind::Contacts.sort_keys().contains(&"full_name"));
}

/// Standard tools (sqlite3, DB Browser, Python) can check and write the file: no table, index
/// or view names a collation or function only this program provides.
#[test]
fn no_schema_object_names_a_collation_or_function_of_ours() {
    let store = Store::open_in_memory().unwrap();
    let mut stmt = store
        .conn()
        .prepare("SELECT name, sql FROM sqlite_schema WHERE sql IS NOT NULL")
        .unwrap();
    let rows: Vec<(String, String)> = stmt
        .query_map((), |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert!(rows.len() > 20);
    for (name, sql) in rows {
        let sql = sql.to_lowercase();
        assert!(
            !sql.contains("collate vi") && !sql.contains("vi_sort_key"),
            "{name}: {sql}"
        );
    }
}
