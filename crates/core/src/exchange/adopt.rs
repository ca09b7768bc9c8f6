//! Adopting received opportunities into the local catalogue. An adopted record is a local one
//! (a new uuid, its pictures re-encoded as any picture added here) that remembers its source:
//! the office's key, the sender's uuid, the received version and its data as adopted. A newer
//! received version updates it while it is unedited here; once edited, the officer sees the
//! difference field by field and chooses (a field left unchosen keeps the local value where it
//! was edited here, and takes theirs where only they changed it).

use super::content::{self, SentOpportunity, SentSector, Stored};
use super::views::{AdoptPlan, AdoptReport, AdoptState, FieldChoice, FieldDiff, Side};
use super::{refuse, Code};
use crate::domain::{EntityKind, Opportunity};
use crate::error::Result;
use crate::labels::{tag_of_name, SectorBook};
use crate::store::{AdoptedRow, ReceivedRow, Store};
use serde_json::{Map, Value};

/// Fields kept out of the comparison: local only, never sent.
const LOCAL_ONLY: &[&str] = &["notes"];

/// One received opportunity, its data with tags as this store names them, and its standing.
struct Plan {
    sent: SentOpportunity,
    theirs: Opportunity,
    provenance: Option<AdoptedRow>,
    mine: Option<Value>,
    state: AdoptState,
    diffs: Vec<FieldDiff>,
}

/// A sent tag as this store names it: a known tag as is; else the local sector with the same
/// names, or the tag adding the bundle's names would make.
fn local_tag(book: &SectorBook, named: &[SentSector], tag: &str) -> (String, Option<SentSector>) {
    if book.knows(tag) {
        return (tag.to_owned(), None);
    }
    let Some(s) = named.iter().find(|s| s.tag == tag) else {
        return (tag.to_owned(), None);
    };
    let same = book.sectors.iter().find(|b| {
        tag_of_name(&b.name.vi) == tag_of_name(&s.name_vi)
            || tag_of_name(&b.name.en) == tag_of_name(&s.name_en)
    });
    match same {
        Some(b) => (b.tag.clone(), None),
        None => (tag_of_name(&s.name_en), Some(s.clone())),
    }
}

fn canonical(o: &Opportunity) -> Map<String, Value> {
    let Value::Object(mut m) = serde_json::to_value(o).expect("opportunity serialises") else {
        unreachable!("an opportunity is an object")
    };
    for f in LOCAL_ONLY {
        m.remove(*f);
    }
    m
}

fn plans(
    store: &Store,
    row: &ReceivedRow,
    stored: &Stored,
    uuids: Option<&[String]>,
) -> Result<Vec<Plan>> {
    let book = store.sectors()?;
    let fp = &row.brief.fingerprint;
    let mut out = Vec::new();
    for sent in &stored.opportunities.opportunities {
        if uuids.is_some_and(|u| !u.contains(&sent.uuid)) {
            continue;
        }
        let mut theirs: Opportunity = crate::store::check_received(&sent.data)?;
        theirs.sectors = theirs
            .sectors
            .iter()
            .map(|t| local_tag(&book, &stored.opportunities.sectors, t).0)
            .collect();
        let provenance = store.adopted_from(fp, &sent.uuid)?;
        let (mut state, mut diffs, mut mine) = (AdoptState::New, Vec::new(), None);
        if let Some(p) = &provenance {
            let local: Opportunity = serde_json::from_value(
                store.get_json(EntityKind::Opportunities, p.opportunity_id)?,
            )
            .map_err(|e| refuse(Code::MalformedContent, e.to_string()))?;
            let base: Opportunity = serde_json::from_str(&p.adopted).unwrap_or_default();
            let (m, b, t) = (canonical(&local), canonical(&base), canonical(&theirs));
            state = if row.brief.brief_version <= p.source_version {
                AdoptState::UpToDate
            } else if m == b || t == b {
                AdoptState::Update
            } else {
                AdoptState::Conflict
            };
            if state == AdoptState::Conflict {
                diffs = t
                    .iter()
                    .filter(|(k, v)| m.get(*k) != Some(v))
                    .map(|(k, v)| FieldDiff {
                        field: k.clone(),
                        base: b.get(k).cloned().unwrap_or(Value::Null),
                        mine: m.get(k).cloned().unwrap_or(Value::Null),
                        theirs: v.clone(),
                    })
                    .collect();
            }
            mine = Some(Value::Object(m));
        }
        out.push(Plan {
            sent: sent.clone(),
            theirs,
            provenance,
            mine,
            state,
            diffs,
        });
    }
    if let Some(u) = uuids.and_then(|u| u.iter().find(|u| !out.iter().any(|p| &&p.sent.uuid == u)))
    {
        return Err(crate::error::invalid(
            "opportunity_uuids",
            "not_found",
            format!("Bản tin này không có cơ hội {u}"),
            format!("This brief carries no opportunity {u}"),
        ));
    }
    Ok(out)
}

/// What adopting would do to each received opportunity (all of them, or those listed).
pub fn preview(
    store: &Store,
    received_id: i64,
    uuids: Option<&[String]>,
) -> Result<Vec<AdoptPlan>> {
    let row = store.received(received_id)?;
    let stored = content::stored(&row)?;
    Ok(plans(store, &row, &stored, uuids)?
        .into_iter()
        .map(|p| AdoptPlan {
            uuid: p.sent.uuid,
            name_vi: p.theirs.name_vi,
            state: p.state,
            local_id: p.provenance.map(|a| a.opportunity_id),
            diffs: p.diffs,
        })
        .collect())
}

/// The adopt state of every opportunity of a received brief, by sender uuid.
pub(crate) fn states(
    store: &Store,
    row: &ReceivedRow,
    stored: &Stored,
) -> Result<Vec<(String, AdoptState, Option<i64>)>> {
    Ok(plans(store, row, stored, None)?
        .into_iter()
        .map(|p| (p.sent.uuid, p.state, p.provenance.map(|a| a.opportunity_id)))
        .collect())
}

/// The value kept for one field of a conflicting record.
fn merged(field: &str, diff: &FieldDiff, choices: &[FieldChoice], uuid: &str) -> Value {
    let chosen = choices
        .iter()
        .find(|c| c.uuid == uuid && c.field == field)
        .map(|c| c.take);
    let take = chosen.unwrap_or(if diff.mine == diff.base {
        Side::Theirs
    } else {
        Side::Mine
    });
    match take {
        Side::Theirs => diff.theirs.clone(),
        Side::Mine => diff.mine.clone(),
    }
}

/// Adopts the received opportunities (all, or those listed) in one transaction: new ones are
/// created with their pictures, unedited ones updated, edited ones merged field by field as
/// chosen; the sectors they need are added from the bundle's names.
pub fn adopt(
    store: &mut Store,
    received_id: i64,
    uuids: Option<&[String]>,
    choices: &[FieldChoice],
) -> Result<AdoptReport> {
    let row = store.received(received_id)?;
    let stored = content::stored(&row)?;
    let manifest: planner_exchange::Manifest = serde_json::from_str(&row.manifest)
        .map_err(|e| refuse(Code::MalformedManifest, e.to_string()))?;
    let plans = plans(store, &row, &stored, uuids)?;
    let book = store.sectors()?;
    let mut to_add: Vec<SentSector> = Vec::new();
    for p in &plans {
        let sent: Opportunity = crate::store::check_received(&p.sent.data)?;
        for t in &sent.sectors {
            if let (_, Some(s)) = local_tag(&book, &stored.opportunities.sectors, t) {
                if !to_add.contains(&s) {
                    to_add.push(s);
                }
            }
        }
    }
    // Pictures are read and re-encoded before the transaction: a bad one refuses it all.
    let mut pictures = Vec::new();
    for p in plans.iter().filter(|p| p.state == AdoptState::New) {
        let mut mine = Vec::new();
        for img in &p.sent.images {
            let file = content::kept_file(&manifest, &img.path)
                .ok_or_else(|| refuse(Code::MissingMember, img.path.clone()))?;
            let bytes =
                crate::store::exchange_files::received_file_bytes(store, received_id, &file)?;
            mine.push((crate::images::prepare(&bytes)?, img.caption.clone()));
        }
        pictures.push(mine);
    }
    let brief = &row.brief;
    store.transaction(|tx| {
        let mut report = AdoptReport::default();
        for s in &to_add {
            report
                .sectors_added
                .push(tx.add_sector(&s.name_vi, &s.name_en)?.tag);
        }
        let mut pictures = pictures.into_iter();
        for p in plans {
            let id = match p.state {
                AdoptState::UpToDate => {
                    report.unchanged += 1;
                    continue;
                }
                AdoptState::New => {
                    let created = tx.create(&p.theirs)?;
                    for (img, caption) in pictures.next().unwrap_or_default() {
                        tx.add_prepared_image(
                            created.meta.id,
                            &created.meta.uuid,
                            &img,
                            caption.as_deref(),
                        )?;
                    }
                    report.created.push(created.meta.id);
                    created.meta.id
                }
                AdoptState::Update | AdoptState::Conflict => {
                    let local = p
                        .provenance
                        .as_ref()
                        .map(|a| a.opportunity_id)
                        .unwrap_or_default();
                    let mine = p.mine.clone().unwrap_or_default();
                    let base: Value = p
                        .provenance
                        .as_ref()
                        .and_then(|a| serde_json::from_str(&a.adopted).ok())
                        .unwrap_or_default();
                    let mut patch = Map::new();
                    for (k, t) in canonical(&p.theirs) {
                        let d = FieldDiff {
                            field: k.clone(),
                            base: base.get(&k).cloned().unwrap_or(Value::Null),
                            mine: mine.get(&k).cloned().unwrap_or(Value::Null),
                            theirs: t,
                        };
                        let keep = merged(&k, &d, choices, &p.sent.uuid);
                        if keep != d.mine {
                            patch.insert(k, keep);
                        }
                    }
                    if !patch.is_empty() {
                        tx.update_json(EntityKind::Opportunities, local, Value::Object(patch))?;
                        report.updated.push(local);
                    } else {
                        report.unchanged += 1;
                    }
                    local
                }
            };
            tx.record_adopted(&AdoptedRow {
                opportunity_id: id,
                source_fingerprint: brief.fingerprint.clone(),
                source_office_code: brief.office_code.clone(),
                source_uuid: p.sent.uuid.clone(),
                received_id: brief.id,
                source_version: brief.brief_version,
                adopted: serde_json::to_string(&p.theirs).expect("opportunity serialises"),
            })?;
        }
        Ok(report)
    })
}
