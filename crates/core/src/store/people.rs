//! SQL for the contact book's whole-person operations: matching rows for duplicate detection,
//! what points at a contact, and scrubbing audit rows of an erased person.

use super::records::ids;
use super::Tx;
use crate::domain::EntityKind;
use crate::error::Result;
use rusqlite::{params, Connection};

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

pub(crate) fn match_rows(conn: &Connection) -> Result<Vec<MatchRow>> {
    let mut stmt =
        conn.prepare("SELECT id, full_name, organization_id, emails, phones FROM contacts")?;
    let rows = stmt.query_map([], |r| {
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

pub(crate) fn references(conn: &Connection, id: i64) -> Result<References> {
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

/// Replaces the recorded changes of every audit row of a record with `{"erased": true}`.
pub(crate) fn scrub_audit(conn: &Connection, kind: EntityKind, id: i64) -> Result<usize> {
    Ok(conn.execute(
        "UPDATE audit_log SET changes = '{\"erased\":true}' WHERE entity = ?1 AND entity_id = ?2",
        params![kind.name(), id],
    )?)
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
pub(crate) fn items_attended_by(conn: &Connection, member: i64) -> Result<Vec<i64>> {
    ids(
        conn,
        "SELECT item_id FROM itinerary_item_attendees WHERE member_id = ?1 ORDER BY 1",
        member,
    )
}

/// Interactions whose summary or notes mention `folded_name` (folded text).
pub(crate) fn interactions_mentioning(conn: &Connection, folded_name: &str) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare("SELECT id, summary, notes FROM interactions")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<String>>(2)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, summary, notes) = row?;
        let text = crate::text::fold(&format!("{summary} {}", notes.unwrap_or_default()));
        if text.contains(folded_name) {
            out.push(id);
        }
    }
    Ok(out)
}
