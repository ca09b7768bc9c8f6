//! SQL for the contact book's whole-person operations: matching rows for duplicate detection,
//! what points at a contact, the interactions whose text mentions one (through the search
//! index), and scrubbing audit rows of an erased person.

use super::db::Db;
use super::records::ids;
use super::Tx;
use crate::domain::EntityKind;
use crate::error::Result;
use rusqlite::params;

/// The fields duplicate detection compares.
#[derive(Debug, Clone)]
pub struct MatchRow {
    pub id: i64,
    pub full_name: String,
    pub organization_id: Option<i64>,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
}

fn values(json: &str) -> Vec<String> {
    serde_json::from_str::<serde_json::Value>(json)
        .ok()
        .and_then(|v| v.as_array().cloned())
        .unwrap_or_default()
        .iter()
        .filter_map(|l| l["value"].as_str().map(str::to_owned))
        .collect()
}

pub(crate) fn match_rows(conn: &Db) -> Result<Vec<MatchRow>> {
    let mut stmt =
        conn.prepare("SELECT id, full_name, organization_id, emails, phones FROM contacts")?;
    let rows = stmt.query_map((), |r| {
        Ok(MatchRow {
            id: r.get(0)?,
            full_name: r.get(1)?,
            organization_id: r.get(2)?,
            emails: values(&r.get::<_, String>(3)?),
            phones: values(&r.get::<_, String>(4)?),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The records that point at contact `id`.
#[derive(Debug, Clone, Default)]
pub struct References {
    pub interactions: Vec<i64>,
    pub itinerary_items: Vec<i64>,
    pub members: Vec<i64>,
}

pub(crate) fn references(conn: &Db, id: i64) -> Result<References> {
    Ok(References {
        interactions: ids(
            conn,
            "SELECT interaction_id FROM interaction_contacts WHERE contact_id = ?1 ORDER BY 1",
            id,
        )?,
        itinerary_items: ids(
            conn,
            "SELECT item_id FROM itinerary_item_contacts WHERE contact_id = ?1 ORDER BY 1",
            id,
        )?,
        members: ids(
            conn,
            "SELECT id FROM delegation_members WHERE contact_id = ?1 ORDER BY 1",
            id,
        )?,
    })
}

/// When contact `id` was last erased (its `erase` audit row's instant), if it was.
pub(crate) fn erased_at(conn: &Db, id: i64) -> Result<Option<String>> {
    Ok(conn.query_row(
        "SELECT max(at) FROM audit_log
         WHERE entity = 'contacts' AND entity_id = ?1 AND action = 'erase'",
        [id],
        |r| r.get(0),
    )?)
}

/// Replaces the recorded changes of every audit row of a record with `{"erased": true}`.
pub(crate) fn scrub_audit(conn: &Db, kind: EntityKind, id: i64) -> Result<usize> {
    Ok(conn.execute(
        "UPDATE audit_log SET changes = '{\"erased\":true}' WHERE entity = ?1 AND entity_id = ?2",
        params![kind.name(), id],
    )?)
}

/// The audit `changes` of deleting record `id` of `kind` whose fields were `fields`, for the
/// generic delete. A person's record keeps no field values (the row still names it by id and
/// uuid) and its earlier audit rows are scrubbed, as an erase does: deleting a person must not
/// leave their data in the log (`Entity::PERSONAL`). Any other record keeps what it held, as
/// `before` values.
pub(crate) fn delete_changes(
    conn: &Db,
    kind: EntityKind,
    id: i64,
    fields: &serde_json::Value,
) -> Result<serde_json::Value> {
    if !kind.is_personal() {
        return Ok(super::audit::changes(Some(fields), None));
    }
    scrub_audit(conn, kind, id)?;
    Ok(serde_json::json!({}))
}

impl Tx<'_> {
    /// Reads one record of `kind` as a JSON object inside the transaction.
    pub fn get_json(&self, kind: EntityKind, id: i64) -> Result<serde_json::Value> {
        super::records::read_value(self.conn(), kind, id)
    }

    /// Writes one audit row of `action` (merge, erase, import, undo) for a record.
    pub(crate) fn audit(
        &self,
        kind: EntityKind,
        id: i64,
        uuid: &str,
        action: &str,
        changes: &serde_json::Value,
    ) -> Result<()> {
        super::audit::record(self.conn(), kind, id, uuid, action, changes)
    }
}

/// The itinerary items member `id` attends.
pub(crate) fn items_attended_by(conn: &Db, member: i64) -> Result<Vec<i64>> {
    ids(
        conn,
        "SELECT item_id FROM itinerary_item_attendees WHERE member_id = ?1 ORDER BY 1",
        member,
    )
}

/// The interactions whose summary or notes hold every word of one of `phrases` (folded; also
/// given as the FTS5 query `fts_query`) and whose indexed title or body passes `keep`, by id: a
/// lookup in the search index restricted to the interactions' rowids, instead of folding the
/// text of every interaction.
pub(crate) fn interactions_matching(
    conn: &Db,
    fts_query: &str,
    phrases: &[Vec<String>],
    keep: impl Fn(&str) -> bool,
) -> Result<Vec<i64>> {
    let kind = EntityKind::Interactions;
    let (lo, hi) = (
        crate::search::rowid(kind, 0),
        crate::search::rowid(kind, (1 << 40) - 1),
    );
    let (found, mut args) = super::dialect::index_holds_words(conn.backend(), fts_query, phrases);
    let n = args.len();
    let mut stmt = conn.prepare_for_arguments(&format!(
        "SELECT rowid, title, body FROM search_index
         WHERE ({found}) AND rowid BETWEEN ?{} AND ?{} ORDER BY rowid",
        n + 1,
        n + 2
    ))?;
    args.extend([lo, hi].map(rusqlite::types::Value::Integer));
    let rows = stmt.query_map(args, |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        // Each column on its own: a name is not split between the summary and the notes.
        let (rowid, title, body) = row?;
        let kept = keep(&title) || keep(&body);
        if let Some((_, id)) = crate::search::from_rowid(rowid).filter(|_| kept) {
            out.push(id);
        }
    }
    Ok(out)
}

impl super::Store {
    /// Runs an erase, `f`, so that what it removes is gone from the file too, not only from
    /// every table. Every connection zeroes deleted content where that costs no extra I/O
    /// (`secure_delete = FAST`); FAST leaves whole freed pages as they were, so the erase runs
    /// with it fully on. Then the search index's older segments, which still hold the person's
    /// words, are merged away (`optimize`; their pages are freed, and zeroed), and the WAL,
    /// which still holds the pages as they were before, is copied into the store and truncated.
    /// A reader in another process can hold the WAL back; its frames then go at the next
    /// checkpoint.
    pub(crate) fn erasing<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T>) -> Result<T> {
        // A team store's server keeps deleted rows until VACUUM: the agency's IT runs it.
        let Some(conn) = self.conn.sqlite() else {
            return f(self);
        };
        conn.pragma_update(None, "secure_delete", "ON")?;
        let out = f(self).and_then(|out| {
            super::search::optimize(&self.conn)?;
            if let Some(conn) = self.conn.sqlite() {
                conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
            }
            Ok(out)
        });
        if let Some(conn) = self.conn.sqlite() {
            conn.pragma_update(None, "secure_delete", "FAST")?;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Contact, Organization};
    use crate::store::Store;
    use serde_json::json;

    #[test]
    fn deleting_a_person_keeps_no_field_values_and_scrubs_their_audit_rows() {
        let mut store = Store::open_in_memory().unwrap();
        let org = store
            .create(&Organization {
                name_vi: "Tập đoàn Sumitomo".into(),
                country: "JP".into(),
                ..Organization::default()
            })
            .unwrap()
            .meta
            .id;
        let person = store
            .create(&Contact {
                full_name: "Phạm Thị Bích Ngọc".into(),
                ..Contact::default()
            })
            .unwrap()
            .meta
            .id;
        store
            .update_json(
                EntityKind::Contacts,
                person,
                json!({"notes": "Hộ chiếu C7654321"}),
            )
            .unwrap();
        let fields = json!({"full_name": "Phạm Thị Bích Ngọc"});
        let (person_changes, org_changes) = store
            .transaction(|tx| {
                Ok((
                    delete_changes(tx.conn(), EntityKind::Contacts, person, &fields)?,
                    delete_changes(tx.conn(), EntityKind::Organizations, org, &fields)?,
                ))
            })
            .unwrap();
        assert_eq!(person_changes, json!({}));
        assert_eq!(
            org_changes,
            json!({"full_name": {"before": "Phạm Thị Bích Ngọc"}})
        );
        let audit = store.audit_of(EntityKind::Contacts, person).unwrap();
        assert_eq!(audit.len(), 2);
        assert!(audit.iter().all(|a| a.changes == json!({"erased": true})));
        assert_ne!(
            store.audit_of(EntityKind::Organizations, org).unwrap()[0].changes,
            json!({"erased": true})
        );
    }
}
