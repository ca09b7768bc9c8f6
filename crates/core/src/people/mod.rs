//! Whole-person operations on the contact book: duplicate detection, merging two contacts
//! without losing anything, "export everything about this person" and "erase this person"
//! (`erase.rs`).

mod erase;
pub mod pdf;

pub use erase::{erase_contact, EraseReport};

use crate::domain::{Contact, EntityKind, Labelled};
use crate::error::{invalid, Result};
use crate::store::people::{match_rows, references, MatchRow};
use crate::store::{Record, Store};
use crate::text::fold;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap};
use ts_rs::TS;

/// Why two contacts look like the same person.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum MatchReason {
    SameEmail(String),
    SamePhone(String),
    SimilarName(String),
}

/// Two contacts that may be the same person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DuplicatePair {
    pub a: i64,
    pub b: i64,
    pub a_name: String,
    pub b_name: String,
    pub reasons: Vec<MatchReason>,
}

/// The comparable form of an email.
pub fn email_key(s: &str) -> String {
    s.trim().to_lowercase()
}

/// The comparable form of a phone number: its digits, Vietnamese numbers in national form
/// (+84 912… and 0912… are the same line). None when too short to mean anything.
pub fn phone_key(s: &str) -> Option<String> {
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    let key = match digits.strip_prefix("84") {
        Some(rest) if s.trim_start().starts_with('+') || s.trim_start().starts_with("0084") => {
            format!("0{rest}")
        }
        _ => digits
            .strip_prefix("0084")
            .map(|r| format!("0{r}"))
            .unwrap_or(digits),
    };
    (key.len() >= 7).then_some(key)
}

/// The comparable form of a name: folded words, sorted (word order varies between
/// Vietnamese and Western forms).
pub fn name_key(s: &str) -> String {
    let mut words: Vec<String> = fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    words.sort();
    words.join(" ")
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// True when two names at the same organisation are probably one person: the same words in
/// any order, accents ignored, or one or two letters apart in a longer name.
pub fn similar_names(a: &str, b: &str) -> bool {
    let (ka, kb) = (name_key(a), name_key(b));
    if ka.is_empty() || kb.is_empty() {
        return false;
    }
    ka == kb || (ka.len().min(kb.len()) >= 8 && edit_distance(&fold(a), &fold(b)) <= 2)
}

/// Every pair of contacts that look like the same person: same email, same phone, or a
/// similar name at the same organisation.
pub fn find_duplicates(store: &Store) -> Result<Vec<DuplicatePair>> {
    Ok(pairs(&match_rows(store.conn())?))
}

fn pairs(rows: &[MatchRow]) -> Vec<DuplicatePair> {
    let mut found: BTreeMap<(i64, i64), Vec<MatchReason>> = BTreeMap::new();
    let mut add = |a: i64, b: i64, r: MatchReason| {
        let key = (a.min(b), a.max(b));
        let reasons = found.entry(key).or_default();
        if !reasons.contains(&r) {
            reasons.push(r);
        }
    };
    let mut by_email: HashMap<String, Vec<i64>> = HashMap::new();
    let mut by_phone: HashMap<String, Vec<i64>> = HashMap::new();
    let mut by_org: HashMap<i64, Vec<&MatchRow>> = HashMap::new();
    for r in rows {
        for e in &r.emails {
            let k = email_key(e);
            if !k.is_empty() {
                by_email.entry(k).or_default().push(r.id);
            }
        }
        for p in &r.phones {
            if let Some(k) = phone_key(p) {
                by_phone.entry(k).or_default().push(r.id);
            }
        }
        if let Some(o) = r.organization_id {
            by_org.entry(o).or_default().push(r);
        }
    }
    for (k, ids) in &by_email {
        for (n, a) in ids.iter().enumerate() {
            for b in ids[n + 1..].iter().filter(|b| *b != a) {
                add(*a, *b, MatchReason::SameEmail(k.clone()));
            }
        }
    }
    for (k, ids) in &by_phone {
        for (n, a) in ids.iter().enumerate() {
            for b in ids[n + 1..].iter().filter(|b| *b != a) {
                add(*a, *b, MatchReason::SamePhone(k.clone()));
            }
        }
    }
    for people in by_org.values() {
        for (n, a) in people.iter().enumerate() {
            for b in &people[n + 1..] {
                if similar_names(&a.full_name, &b.full_name) {
                    add(a.id, b.id, MatchReason::SimilarName(b.full_name.clone()));
                }
            }
        }
    }
    let names: HashMap<i64, &str> = rows.iter().map(|r| (r.id, r.full_name.as_str())).collect();
    found
        .into_iter()
        .map(|((a, b), mut reasons)| {
            reasons.sort();
            DuplicatePair {
                a,
                b,
                a_name: names.get(&a).copied().unwrap_or_default().to_owned(),
                b_name: names.get(&b).copied().unwrap_or_default().to_owned(),
                reasons,
            }
        })
        .collect()
}

fn union(keep: &[Labelled], other: &[Labelled], key: impl Fn(&str) -> String) -> Vec<Labelled> {
    let mut out = keep.to_vec();
    for l in other {
        if !out.iter().any(|k| key(&k.value) == key(&l.value)) {
            out.push(l.clone());
        }
    }
    out
}

/// The contact that results from merging `other` into `keep`: every email, phone and language
/// of both, `keep`'s fields where set and `other`'s where not, both notes.
pub fn merged(keep: &Contact, other: &Contact) -> Contact {
    let fill = |a: &Option<String>, b: &Option<String>| {
        a.clone()
            .filter(|s| !s.trim().is_empty())
            .or_else(|| b.clone())
    };
    let mut languages = keep.languages.clone();
    for l in &other.languages {
        if !languages.contains(l) {
            languages.push(l.clone());
        }
    }
    let notes = match (&keep.notes, &other.notes) {
        (Some(a), Some(b)) if !b.trim().is_empty() && !a.contains(b.as_str()) => {
            Some(format!("{a}\n\n{b}"))
        }
        (a, b) => fill(a, b),
    };
    Contact {
        full_name: keep.full_name.clone(),
        title: fill(&keep.title, &other.title),
        organization_id: keep.organization_id.or(other.organization_id),
        emails: union(&keep.emails, &other.emails, email_key),
        phones: union(&keep.phones, &other.phones, |p| {
            phone_key(p).unwrap_or_else(|| p.trim().to_owned())
        }),
        languages,
        nationality: fill(&keep.nationality, &other.nationality),
        notes,
        consent_basis: if keep.consent_basis == Default::default() {
            other.consent_basis
        } else {
            keep.consent_basis
        },
        consent_date: keep.consent_date.or(other.consent_date),
        consent_source: fill(&keep.consent_source, &other.consent_source),
    }
}

fn replaced(list: &Value, from: i64, to: i64) -> Vec<i64> {
    let mut out: Vec<i64> = Vec::new();
    for x in list
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_i64)
    {
        let x = if x == from { to } else { x };
        if !out.contains(&x) {
            out.push(x);
        }
    }
    out
}

/// Merges contact `other` into `keep` in one transaction: fields combined, every interaction,
/// meeting and delegation membership moved to `keep`, `other` deleted; each change audited and
/// a `merge` entry on `keep` naming what was merged.
pub fn merge_contacts(store: &mut Store, keep: i64, other: i64) -> Result<Record<Contact>> {
    if keep == other {
        return Err(invalid(
            "other",
            "same_record",
            "Không thể gộp một người với chính họ",
            "A contact cannot be merged with itself",
        ));
    }
    let k = store.get::<Contact>(keep)?;
    let o = store.get::<Contact>(other)?;
    let combined = merged(&k.data, &o.data);
    crate::backup::before(store)?;
    store.transaction(|tx| {
        let refs = references(tx.conn(), other)?;
        for i in &refs.interactions {
            let v = tx.get_json(EntityKind::Interactions, *i)?;
            tx.update_json(
                EntityKind::Interactions,
                *i,
                json!({"contact_ids": replaced(&v["contact_ids"], other, keep)}),
            )?;
        }
        for i in &refs.itinerary_items {
            let v = tx.get_json(EntityKind::ItineraryItems, *i)?;
            tx.update_json(
                EntityKind::ItineraryItems,
                *i,
                json!({"contact_ids": replaced(&v["contact_ids"], other, keep)}),
            )?;
        }
        let keep_refs = references(tx.conn(), keep)?;
        for m in &refs.members {
            let member = tx.get_json(EntityKind::Members, *m)?;
            let delegation = member["delegation_id"].as_i64();
            let already = keep_refs.members.iter().copied().find(|km| {
                tx.get_json(EntityKind::Members, *km)
                    .map(|v| v["delegation_id"].as_i64() == delegation)
                    .unwrap_or(false)
            });
            match already {
                // Both were on the delegation: keep's membership takes over other's meetings.
                Some(km) => {
                    for item in crate::store::people::items_attended_by(tx.conn(), *m)? {
                        let v = tx.get_json(EntityKind::ItineraryItems, item)?;
                        tx.update_json(
                            EntityKind::ItineraryItems,
                            item,
                            json!({"attendee_ids": replaced(&v["attendee_ids"], *m, km)}),
                        )?;
                    }
                    tx.delete(EntityKind::Members, *m)?;
                }
                None => {
                    tx.update_json(EntityKind::Members, *m, json!({"contact_id": keep}))?;
                }
            }
        }
        tx.update_json(
            EntityKind::Contacts,
            keep,
            serde_json::to_value(&combined).expect("contact serialises"),
        )?;
        tx.delete(EntityKind::Contacts, other)?;
        tx.audit(
            EntityKind::Contacts,
            keep,
            &k.meta.uuid,
            "merge",
            &json!({"merged": {"before": {"id": other, "uuid": o.meta.uuid}}}),
        )?;
        Ok(())
    })?;
    store.get::<Contact>(keep)
}

/// Writes everything about contact `id` to `path`: JSON or a bilingual PDF by its extension
/// (checked by `files::output_path`).
pub fn export_person_to(
    store: &Store,
    id: i64,
    path: std::path::PathBuf,
) -> Result<crate::files::ExportedFile> {
    let path = crate::files::output_path(path, &["json", "pdf"])?;
    let export = export_person(store, id)?;
    let is_pdf = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    let bytes = if is_pdf {
        pdf::person_pdf(&export, chrono::Utc::now())?
    } else {
        serde_json::to_vec_pretty(&export).expect("json serialises")
    };
    crate::files::write_atomically(&path, &bytes)
}

/// Everything the store holds about contact `id` (for a subject-access request): the record,
/// their organisation, interactions, delegation memberships and meetings, and its audit trail.
pub fn export_person(store: &Store, id: i64) -> Result<Value> {
    let c = store.get_json(EntityKind::Contacts, id)?;
    let refs = references(store.conn(), id)?;
    let organization = match c["organization_id"].as_i64() {
        Some(o) => store.get_json(EntityKind::Organizations, o).ok(),
        None => None,
    };
    let all = |kind: EntityKind, ids: &[i64]| -> Result<Vec<Value>> {
        ids.iter().map(|i| store.get_json(kind, *i)).collect()
    };
    let mut memberships = Vec::new();
    for m in &refs.members {
        let member = store.get_json(EntityKind::Members, *m)?;
        let delegation = member["delegation_id"]
            .as_i64()
            .map(|d| store.get_json(EntityKind::Delegations, d))
            .transpose()?;
        let attended = crate::store::people::items_attended_by(store.conn(), *m)?;
        memberships.push(json!({
            "member": member,
            "delegation": delegation.map(|d| json!({"id": d["id"], "title": d["title"],
                "start_date": d["start_date"], "end_date": d["end_date"]})),
            "itinerary_items": all(EntityKind::ItineraryItems, &attended)?,
        }));
    }
    Ok(json!({
        "exported_at": chrono::Utc::now().to_rfc3339(),
        "contact": c,
        "organization": organization,
        "interactions": all(EntityKind::Interactions, &refs.interactions)?,
        "meetings": all(EntityKind::ItineraryItems, &refs.itinerary_items)?,
        "memberships": memberships,
        "audit": store.audit_of(EntityKind::Contacts, id)?,
    }))
}
