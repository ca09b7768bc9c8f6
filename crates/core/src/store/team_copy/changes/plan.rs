//! Which records a pulled copy changed since it was pulled or last pushed, and what pushing
//! each means on the team store (see `changes.rs`).

use super::super::{PULLED_AUDIT, PULLED_IMPORT};
use crate::domain::EntityKind;
use crate::error::{invalid, CoreError, Result};
use crate::store::db::Db;
use crate::store::Store;
use rusqlite::OptionalExtension;
use std::collections::{BTreeMap, HashMap};

/// When the copy's changes were last pushed.
pub(super) const PUSHED_AT: &str = "team_pushed_at";
/// The marks after a push: the highest audit row and import id it took into account.
pub(super) const PUSHED_AUDIT: &str = "team_pushed_audit";
pub(super) const PUSHED_IMPORT: &str = "team_pushed_import";
/// Every record pushed so far: `{"kind/uuid": [team id, team revision, copy revision]}`.
pub(super) const PUSHED_RECORDS: &str = "team_pushed_records";

/// What to do with one record the copy changed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Step {
    Create,
    /// Update or delete the team's record if it is still at revision `base`.
    Update {
        base: i64,
    },
    Delete {
        base: i64,
    },
}

/// A record to push.
pub(super) struct Planned {
    pub(super) kind: EntityKind,
    pub(super) uuid: String,
    pub(super) copy_id: i64,
    pub(super) step: Step,
    /// The copy's revision of it now (0 when deleted).
    pub(super) copy_revision: i64,
}

/// The copy's `team_*` settings.
pub(super) fn copy_settings(copy: &Store) -> Result<HashMap<String, String>> {
    if copy.conn.sqlite().is_none() {
        return Err(invalid(
            "from",
            "not_a_store_file",
            "Chỉ đẩy được thay đổi từ một tệp kho dữ liệu",
            "Only a store file's changes can be pushed",
        ));
    }
    let mut stmt = copy
        .conn
        .prepare("SELECT key, value FROM settings WHERE substr(key, 1, 5) = 'team_'")?;
    let rows = stmt.query_map((), |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Where the copy's own changes start, and what earlier pushes left on the team store.
pub(super) struct Marks {
    /// The last audit row and import taken into account (pulled, or pushed since).
    pub(super) audit: i64,
    pub(super) import: i64,
    /// The last audit row the pull copied: the team's history of each record up to the pull.
    pub(super) pulled_audit: i64,
    pub(super) records: BTreeMap<String, [i64; 3]>,
}

impl Marks {
    pub(super) fn read(settings: &HashMap<String, String>) -> Result<Marks> {
        let number =
            |key: &str| -> i64 { settings.get(key).and_then(|v| v.parse().ok()).unwrap_or(0) };
        let pulled_audit = number(PULLED_AUDIT);
        let records = match settings.get(PUSHED_RECORDS) {
            Some(text) => serde_json::from_str(text).map_err(|e| {
                CoreError::Io(std::io::Error::other(format!("{PUSHED_RECORDS}: {e}")))
            })?,
            None => BTreeMap::new(),
        };
        Ok(Marks {
            audit: number(PUSHED_AUDIT).max(pulled_audit),
            import: number(PUSHED_IMPORT).max(number(PULLED_IMPORT)),
            pulled_audit,
            records,
        })
    }
}

pub(super) fn record_key(kind: EntityKind, uuid: &str) -> String {
    format!("{}/{uuid}", kind.name())
}

/// The records the copy changed since the marks, each with what to do, parents before
/// children (deletes are applied in the reverse order).
pub(super) fn plan(copy: &Db, marks: &Marks) -> Result<Vec<Planned>> {
    // (kind, uuid) -> (id in the copy, made in the copy since the marks)
    let mut touched: BTreeMap<(usize, String), (i64, bool)> = BTreeMap::new();
    let mut note = |entity: String, uuid: String, id: i64, created: bool| {
        if let Some(at) = EntityKind::ALL.iter().position(|k| k.name() == entity) {
            let seen = touched.entry((at, uuid)).or_insert((id, false));
            seen.1 |= created;
        }
    };
    let mut stmt = copy.prepare(
        "SELECT entity, entity_uuid, max(entity_id), max(CASE WHEN action = 'create' THEN 1 ELSE 0 END)
         FROM audit_log WHERE id > ?1 GROUP BY entity, entity_uuid",
    )?;
    for row in stmt.query_map([marks.audit], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get::<_, i64>(3)? == 1))
    })? {
        let (entity, uuid, id, created) = row?;
        note(entity, uuid, id, created);
    }
    // An import's records have no audit row of their own (`import_records` lists them).
    let mut stmt = copy.prepare(
        "SELECT entity, record_uuid, record_id FROM import_records WHERE import_id > ?1",
    )?;
    for row in stmt.query_map([marks.import], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))? {
        let (entity, uuid, id) = row?;
        note(entity, uuid, id, true);
    }
    let mut plan = Vec::new();
    for ((at, uuid), (id, created)) in touched {
        let kind = EntityKind::ALL[at];
        let now: Option<(i64, i64)> = copy
            .query_row(
                &format!("SELECT id, revision FROM {} WHERE uuid = ?1", kind.table()),
                [&uuid],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let (copy_id, copy_revision) = now.unwrap_or((id, 0));
        let step = match (created, now.is_some()) {
            (true, true) => Step::Create,
            // Made and gone again: the team store never knew it.
            (true, false) => continue,
            (false, exists) => {
                let [_, team_base, copy_base] = match marks.records.get(&record_key(kind, &uuid)) {
                    Some(pushed) => *pushed,
                    None => {
                        let pulled = pulled_revision(copy, kind, id, &uuid, marks.pulled_audit)?;
                        [0, pulled, pulled]
                    }
                };
                match exists {
                    // No change of its own fields (an audit row of its pictures, say).
                    true if copy_revision == copy_base => continue,
                    true => Step::Update { base: team_base },
                    false => Step::Delete { base: team_base },
                }
            }
        };
        plan.push(Planned {
            kind,
            uuid,
            copy_id,
            step,
            copy_revision,
        });
    }
    Ok(plan)
}

/// The revision a pulled record had on the team store when pulled: the one its last update
/// before the pull brought it to (each update's audit row names it), 1 if never updated.
fn pulled_revision(copy: &Db, kind: EntityKind, id: i64, uuid: &str, mark: i64) -> Result<i64> {
    Ok(copy.query_row(
        "SELECT coalesce(max(revision), 1) FROM audit_log
         WHERE entity = ?1 AND entity_id = ?2 AND entity_uuid = ?3 AND id <= ?4",
        rusqlite::params![kind.name(), id, uuid, mark],
        |r| r.get(0),
    )?)
}
