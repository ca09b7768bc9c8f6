//! The bulk form of creating records, for imports: `Prepared` checks a typed record into its
//! stored values and index document without touching the store (so a file's rows are prepared
//! on a second thread while the first writes them), and `Bulk` names the import they belong to,
//! whose instant each carries as `created_at` and whose `import_records` listing is each one's
//! history instead of an audit row.

use super::checks::{exists, missing_ref, record_uuid};
use super::db::Db;
use super::records::insert_row;
use super::shape::{to_sql, Shape};
use super::{Store, Tx, WAL_AUTOCHECKPOINT};
use crate::domain::{Entity, EntityKind};
use crate::error::{CoreError, Result};
use crate::text::normalize_value;
use crate::validate::{FieldError, Validator};

/// A record checked for a bulk create, with its stored values and its index document, ready
/// to be written. Preparing touches no store, so a file's rows can be prepared on another
/// thread while earlier ones are written.
#[derive(Debug, Clone)]
pub(crate) struct Prepared {
    kind: EntityKind,
    uuid: String,
    /// The stored fields in shape order, then the sort keys (computed here, on the preparing
    /// thread, rather than by the writing one).
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
        debug_assert!(E::IMPORTED, "{} is not declared IMPORTED", E::KIND);
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
        let uuid = record_uuid(uuid).unwrap_or_else(|e| {
            v.push(e);
            String::new()
        });
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
            values: names
                .iter()
                .map(|n| to_sql(&row[*n]))
                .chain(shape.key_values(&row))
                .collect(),
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
fn insert_prepared(conn: &Db, p: Prepared, bulk: &Bulk) -> Result<i64> {
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

/// Bulk record operations on an open transaction.
impl Tx<'_> {
    /// Writes a record prepared for a bulk create (see `Prepared`) as one of the records of
    /// the import `bulk` names; returns its id.
    pub(crate) fn insert_prepared(&mut self, record: Prepared, bulk: &Bulk) -> Result<i64> {
        insert_prepared(self.conn(), record, bulk)
    }

    /// Marks this transaction's bulk write as leaving records to index after it commits
    /// (`Store::leave_to_index`, `Store::index_step`).
    pub(crate) fn mark_index_pending(&mut self, import_id: i64) -> Result<()> {
        super::search::mark_pending(self.conn(), import_id)
    }
}

/// Bulk writes on the store.
impl Store {
    /// Like `transaction`, for a bulk write (an import): its commit does not copy the WAL
    /// into the database file (SQLite's automatic checkpoint, a tenth of a 100,000-row
    /// import). That changes no answer: `tidy_step` does it afterwards, and otherwise the next
    /// ordinary commit does.
    pub(crate) fn bulk_transaction<T>(
        &mut self,
        f: impl FnOnce(&mut Tx<'_>) -> Result<T>,
    ) -> Result<T> {
        if let Some(conn) = self.conn.sqlite() {
            conn.pragma_update(None, "wal_autocheckpoint", 0)?;
        }
        let out = self.transaction(f);
        // Not `?`: the import may have committed. Should this fail, commits only skip their
        // automatic checkpoints until `tidy_step` or the next open.
        if let Some(conn) = self.conn.sqlite() {
            let _ = conn.pragma_update(None, "wal_autocheckpoint", WAL_AUTOCHECKPOINT);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Contact;
    use serde_json::json;

    /// The one-record and the bulk create once worded this refusal differently (the first
    /// quoted the given text); both now come from `checks::record_uuid`.
    #[test]
    fn both_create_paths_refuse_a_bad_uuid_with_the_same_error() {
        let contact = Contact {
            full_name: "Lê Văn Hải".into(),
            ..Contact::default()
        };
        let bulk = Prepared::new(Some("not-a-uuid"), &contact).unwrap_err();
        let mut store = Store::open_in_memory().unwrap();
        let input = json!({"full_name": "Lê Văn Hải", "uuid": "not-a-uuid"});
        let Err(CoreError::Invalid(one)) = store.create_json(EntityKind::Contacts, input) else {
            panic!("a bad uuid is refused");
        };
        assert_eq!(one, bulk);
        assert_eq!(one[0].code, "invalid_uuid");
        assert_eq!(one[0].message_en, "Not a valid UUID: not-a-uuid");
    }
}
