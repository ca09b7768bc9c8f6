//! `planner team push --changes`: what a pulled copy changed goes back to the team store it was
//! pulled from, in one transaction, with revision checks (issue 17, item 4).
//!
//! The copy's own changes are read from its audit trail: every record with an audit row after
//! the last one the pull copied (or the last push of changes took into account), and every
//! record an import made in the copy since. Pulled ids are the team's, so marks by id, unlike
//! timestamps, do not depend on two computers' clocks agreeing. What is applied is each record's
//! state in the copy now: a record made in the copy is created (matched by uuid: one the team
//! store already holds is not made twice), one pulled and changed is updated to the copy's
//! fields, one pulled and gone is deleted. An update or delete is based on the revision the copy
//! had from the team store; any such record changed or deleted on the team store meanwhile
//! refuses the whole push (`changed_on_team_store`, listing each). References and links are
//! rewritten by uuid from the copy's ids to the team store's, so a contact of an organisation
//! made in the copy points at the organisation the push made.
//!
//! After a push the copy remembers it (`team_pushed_*` settings): the new marks, and for each
//! record pushed its team id and the revisions the two sides then had, so a second push applies
//! nothing twice and a later change is based on the revision the push left on the team store.

mod plan;

use super::{PULLED_AT, PULLED_IDENTITY};
use crate::domain::EntityKind;
use crate::error::{invalid, CoreError, PushConflict, Result};
use crate::store::db::Db;
use crate::store::records::{now_text, read_value};
use crate::store::shape::{Column, Shape};
use crate::store::{revisions, Store, Tx};
use plan::{copy_settings, plan, record_key, Marks, Planned, Step};
use plan::{PUSHED_AT, PUSHED_AUDIT, PUSHED_IMPORT, PUSHED_RECORDS};
use rusqlite::OptionalExtension;
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap};
use std::time::Instant;

/// What a push of changes did to one record on the team store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeAction {
    /// Made in the copy, created on the team store with a new id.
    Created,
    /// Made in the copy, but the team store already had a record with its uuid.
    AlreadyThere,
    Updated,
    Deleted,
}

/// One record a push of changes wrote (or, dry, would write).
#[derive(Debug, Clone, Serialize)]
pub struct PushedChange {
    pub kind: EntityKind,
    pub action: ChangeAction,
    pub uuid: String,
    /// Its id in the copy.
    pub copy_id: i64,
    /// Its id on the team store (a created record's new id; 0 in a dry run's creates).
    pub team_id: i64,
    pub name: String,
}

/// What `push_changes` did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ChangesReport {
    pub changes: Vec<PushedChange>,
    /// Nothing was written: the changes were applied in a transaction rolled back.
    pub dry_run: bool,
    pub millis: u64,
}

/// Pushes the changes made in `copy`, a pulled copy, since it was pulled or last pushed, to the
/// team store at `team_url` it was pulled from, in one transaction. With `dry_run` the same
/// checks and writes run in a transaction that is rolled back, and the copy is left as it was.
pub fn push_changes(copy: &Store, team_url: &str, dry_run: bool) -> Result<ChangesReport> {
    let started = Instant::now();
    let settings = copy_settings(copy)?;
    let (Some(identity), Some(_)) = (settings.get(PULLED_IDENTITY), settings.get(PULLED_AT)) else {
        return Err(invalid(
            "from",
            "not_a_pulled_copy",
            "Tệp này không phải bản sao lấy về từ kho dữ liệu chung bằng phiên bản này (`planner team pull`)",
            "This file is not a copy pulled from a team store by this version (`planner team pull`)",
        ));
    };
    let team = Store::open_url(team_url)?;
    let team_identity: String = team
        .conn
        .query_row("SELECT uuid FROM team_identity", (), |r| r.get(0))?;
    if *identity != team_identity {
        return Err(invalid(
            "url",
            "pulled_from_another_team_store",
            "Bản sao này được lấy về từ một kho dữ liệu chung khác: chỉ đẩy thay đổi về đúng kho đã sao",
            "This copy was pulled from another team store: push its changes only to the one it came from",
        ));
    }
    // IMMEDIATE: the copy stays as read until its settings say what was pushed.
    let copy_tx = copy.conn.transaction()?;
    let marks = Marks::read(&settings)?;
    let (audit_high, import_high): (i64, i64) = copy_tx.query_row(
        "SELECT (SELECT coalesce(max(id), 0) FROM audit_log),
                (SELECT coalesce(max(id), 0) FROM imports)",
        (),
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let plan = plan(&copy_tx, &marks)?;
    let mut tx = Tx {
        tx: team.conn.transaction()?,
    };
    let mut push = Push {
        copy: &copy_tx,
        team: &mut tx,
        ids: HashMap::new(),
        pushed: marks.records,
        changes: Vec::new(),
    };
    push.refuse_conflicts(&plan)?;
    push.apply(&plan)?;
    let Push {
        mut changes,
        pushed,
        ..
    } = push;
    if dry_run {
        tx.tx.rollback()?;
        // The ids its creates took went with the rollback.
        for c in changes
            .iter_mut()
            .filter(|c| c.action == ChangeAction::Created)
        {
            c.team_id = 0;
        }
        copy_tx.rollback()?;
    } else {
        let records = serde_json::to_string(&pushed).expect("map serialises");
        let mut upsert = copy_tx.prepare(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        )?;
        for (key, value) in [
            (PUSHED_AT, now_text()),
            (PUSHED_AUDIT, audit_high.to_string()),
            (PUSHED_IMPORT, import_high.to_string()),
            (PUSHED_RECORDS, records),
        ] {
            upsert.execute((key, value))?;
        }
        drop(upsert);
        // The team store first: were the copy's commit to fail after it, a second push would
        // find its creates there by uuid and refuse its updates as changed there (by this push),
        // rather than lose them.
        tx.tx.commit()?;
        copy_tx.commit()?;
    }
    Ok(ChangesReport {
        changes,
        dry_run,
        millis: started.elapsed().as_millis() as u64,
    })
}

/// A record's display name in a JSON record.
fn name_of(kind: EntityKind, record: &Value) -> String {
    let field = crate::with_entity!(kind, E => E::TITLE_FIELD);
    record[field].as_str().unwrap_or_default().to_owned()
}

/// The id and revision of the record with `uuid` on `conn`.
fn by_uuid(conn: &Db, kind: EntityKind, uuid: &str) -> Result<Option<(i64, i64)>> {
    Ok(conn
        .query_row(
            &format!("SELECT id, revision FROM {} WHERE uuid = ?1", kind.table()),
            [uuid],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// One push under way: the copy read, the team store's transaction written.
struct Push<'a, 't> {
    copy: &'a Db,
    team: &'a mut Tx<'t>,
    /// (kind, copy id) -> team id, as found by uuid.
    ids: HashMap<(EntityKind, i64), i64>,
    pushed: BTreeMap<String, [i64; 3]>,
    changes: Vec<PushedChange>,
}

impl Push<'_, '_> {
    /// Refuses the push when a record it would update or delete has moved on the team store
    /// since the revision the copy had (or is gone from it, for an update), naming every one.
    fn refuse_conflicts(&self, plan: &[Planned]) -> Result<()> {
        let mut conflicts = Vec::new();
        for p in plan {
            let (Step::Update { base } | Step::Delete { base }) = p.step else {
                continue;
            };
            match by_uuid(self.team.conn(), p.kind, &p.uuid)? {
                Some((_, revision)) if revision == base => {}
                Some((id, _)) => {
                    let current = read_value(self.team.conn(), p.kind, id)?;
                    let name = name_of(p.kind, &current);
                    let fields =
                        match revisions::refusal(self.team.conn(), p.kind, current, base, None)? {
                            CoreError::ChangedElsewhere { changed, .. } => changed.fields,
                            _ => Vec::new(),
                        };
                    conflicts.push(PushConflict {
                        kind: p.kind,
                        id,
                        name,
                        deleted: false,
                        fields,
                    });
                }
                // Deleted on both sides: nothing to do.
                None if matches!(p.step, Step::Delete { .. }) => {}
                None => conflicts.push(PushConflict {
                    kind: p.kind,
                    id: p.copy_id,
                    name: name_of(p.kind, &read_value(self.copy, p.kind, p.copy_id)?),
                    deleted: true,
                    fields: Vec::new(),
                }),
            }
        }
        match conflicts.is_empty() {
            true => Ok(()),
            false => Err(CoreError::ChangedOnTeamStore(conflicts)),
        }
    }

    /// Creates, then updates (parents before children), then deletes (children first).
    fn apply(&mut self, plan: &[Planned]) -> Result<()> {
        for p in plan.iter().filter(|p| p.step == Step::Create) {
            self.create(p)?;
        }
        for p in plan {
            if let Step::Update { base } = p.step {
                self.update(p, base)?;
            }
        }
        for p in plan.iter().rev() {
            if let Step::Delete { base } = p.step {
                self.delete(p, base)?;
            }
        }
        Ok(())
    }

    fn create(&mut self, p: &Planned) -> Result<()> {
        let record = read_value(self.copy, p.kind, p.copy_id)?;
        let (action, team_id, revision) = match by_uuid(self.team.conn(), p.kind, &p.uuid)? {
            Some((id, revision)) => (ChangeAction::AlreadyThere, id, revision),
            None => {
                let mut fields = self.team_fields(p.kind, &record)?;
                fields.insert("uuid".into(), Value::from(p.uuid.clone()));
                let stored = self
                    .team
                    .create_json_protected(p.kind, Value::Object(fields))?;
                (
                    ChangeAction::Created,
                    stored["id"].as_i64().unwrap_or_default(),
                    1,
                )
            }
        };
        self.done(p, action, team_id, revision, &record);
        Ok(())
    }

    fn update(&mut self, p: &Planned, base: i64) -> Result<()> {
        let record = read_value(self.copy, p.kind, p.copy_id)?;
        let team_id = self.team_id(p.kind, p.copy_id)?;
        let mut patch = self.team_fields(p.kind, &record)?;
        patch.insert("revision".into(), Value::from(base));
        let stored = self
            .team
            .update_protected(p.kind, team_id, Value::Object(patch))?;
        self.done(
            p,
            ChangeAction::Updated,
            team_id,
            revisions::of(&stored),
            &record,
        );
        Ok(())
    }

    fn delete(&mut self, p: &Planned, base: i64) -> Result<()> {
        // Gone already: deleted there too, or with a parent deleted before it here.
        let Some((team_id, _)) = by_uuid(self.team.conn(), p.kind, &p.uuid)? else {
            return Ok(());
        };
        let record = read_value(self.team.conn(), p.kind, team_id)?;
        self.team.delete_based_on(p.kind, team_id, Some(base))?;
        self.pushed.remove(&record_key(p.kind, &p.uuid));
        self.changes.push(PushedChange {
            kind: p.kind,
            action: ChangeAction::Deleted,
            uuid: p.uuid.clone(),
            copy_id: p.copy_id,
            team_id,
            name: name_of(p.kind, &record),
        });
        Ok(())
    }

    /// Notes a record created or updated on the team store, for the report and the copy.
    fn done(
        &mut self,
        p: &Planned,
        action: ChangeAction,
        team_id: i64,
        revision: i64,
        record: &Value,
    ) {
        self.ids.insert((p.kind, p.copy_id), team_id);
        self.pushed.insert(
            record_key(p.kind, &p.uuid),
            [team_id, revision, p.copy_revision],
        );
        self.changes.push(PushedChange {
            kind: p.kind,
            action,
            uuid: p.uuid.clone(),
            copy_id: p.copy_id,
            team_id,
            name: name_of(p.kind, record),
        });
    }

    /// A copy record's fields with its references and links rewritten to the team's ids.
    fn team_fields(&mut self, kind: EntityKind, record: &Value) -> Result<Map<String, Value>> {
        let mut fields = Map::new();
        for (name, column) in &Shape::get(kind).fields {
            let value = &record[name.as_str()];
            let value = match (column, kind.reference(name)) {
                (Column::Link(link), _) => {
                    let mut ids = Vec::new();
                    for id in value
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(Value::as_i64)
                    {
                        ids.push(Value::from(self.team_id(link.target, id)?));
                    }
                    Value::Array(ids)
                }
                (_, Some(target)) => match value.as_i64() {
                    Some(id) if id != 0 => Value::from(self.team_id(target, id)?),
                    _ => value.clone(),
                },
                _ => value.clone(),
            };
            fields.insert(name.clone(), value);
        }
        Ok(fields)
    }

    /// The team store's id of the copy's record `id` of `kind`, found by uuid. A record the
    /// copy refers to that the team store no longer has was deleted there meanwhile.
    fn team_id(&mut self, kind: EntityKind, id: i64) -> Result<i64> {
        if let Some(team_id) = self.ids.get(&(kind, id)) {
            return Ok(*team_id);
        }
        let record = read_value(self.copy, kind, id)?;
        let uuid = record["uuid"].as_str().unwrap_or_default();
        let Some((team_id, _)) = by_uuid(self.team.conn(), kind, uuid)? else {
            return Err(CoreError::ChangedOnTeamStore(vec![PushConflict {
                kind,
                id,
                name: name_of(kind, &record),
                deleted: true,
                fields: Vec::new(),
            }]));
        };
        self.ids.insert((kind, id), team_id);
        Ok(team_id)
    }
}
