//! Demo data: the embedded default seeded on first start, and synthetic data for benchmarks.
//!
//! `assets/demo/demo.json` refers between records by string keys and gives dates relative to the
//! day it is loaded, so the demo always shows upcoming delegations and due follow-ups.

mod synthetic;
pub mod tokyo;

pub use synthetic::{seed_synthetic, synthetic_picture};

use crate::domain::EntityKind;
use crate::error::{invalid, CoreError, Result};
use crate::store::{Store, Tx};
use crate::time::local_to_utc;
use crate::validate::FieldError;
use chrono::{Duration, NaiveDate, NaiveTime};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// The demo, embedded in the binary.
pub const DEMO_JSON: &str = include_str!("../../../../assets/demo/demo.json");

/// The setting that records when the demo was seeded (so an emptied store is not re-seeded).
pub const SEEDED_KEY: &str = "demo_seeded_at";

/// How many records of each kind a seeding created.
pub type SeedSummary = Vec<(EntityKind, usize)>;

/// The arrays of demo.json in load order, with their kinds.
const SECTIONS: [(&str, EntityKind); 10] = [
    ("offices", EntityKind::Offices),
    ("counsellors", EntityKind::Counsellors),
    ("organizations", EntityKind::Organizations),
    ("contacts", EntityKind::Contacts),
    ("opportunities", EntityKind::Opportunities),
    ("delegations", EntityKind::Delegations),
    ("members", EntityKind::Members),
    ("itinerary_items", EntityKind::ItineraryItems),
    ("interactions", EntityKind::Interactions),
    ("leads", EntityKind::Leads),
];

/// Single references: demo key → (field, kind).
const REFS: [(&str, &str, EntityKind); 6] = [
    ("office", "office_id", EntityKind::Offices),
    ("counsellor", "counsellor_id", EntityKind::Counsellors),
    ("organization", "organization_id", EntityKind::Organizations),
    ("contact", "contact_id", EntityKind::Contacts),
    ("delegation", "delegation_id", EntityKind::Delegations),
    ("item", "itinerary_item_id", EntityKind::ItineraryItems),
];

/// List references: demo key → (field, kind).
const LIST_REFS: [(&str, &str, EntityKind); 3] = [
    ("contacts", "contact_ids", EntityKind::Contacts),
    ("attendees", "attendee_ids", EntityKind::Members),
    (
        "opportunities",
        "opportunity_ids",
        EntityKind::Opportunities,
    ),
];

/// Seeds the demo on first start: only into a store that has never been seeded and is empty.
pub fn seed_on_first_start(store: &mut Store, today: NaiveDate) -> Result<bool> {
    if store.setting(SEEDED_KEY)?.is_some() || !store.is_empty()? {
        return Ok(false);
    }
    seed_demo(store, today)?;
    Ok(true)
}

/// Seeds the demo into an empty store, all in one transaction; refuses a store with data.
pub fn seed_demo(store: &mut Store, today: NaiveDate) -> Result<SeedSummary> {
    if !store.is_empty()? {
        return Err(CoreError::NotEmpty);
    }
    let demo: Value = serde_json::from_str(DEMO_JSON)
        .map_err(|e| invalid("demo.json", "corrupt", e.to_string(), e.to_string()))?;
    let summary = store.transaction(|tx| load(tx, &demo, today))?;
    tokyo::receive_tokyo_brief(store)?;
    store.set_setting(SEEDED_KEY, &crate::store::now_text())?;
    Ok(summary)
}

struct Loader {
    today: NaiveDate,
    ids: HashMap<(EntityKind, String), i64>,
    delegation_start: HashMap<String, NaiveDate>,
}

fn load(tx: &mut Tx<'_>, demo: &Value, today: NaiveDate) -> Result<SeedSummary> {
    let mut loader = Loader {
        today,
        ids: HashMap::new(),
        delegation_start: HashMap::new(),
    };
    let mut summary = Vec::new();
    for (section, kind) in SECTIONS {
        let records = demo[section].as_array().cloned().unwrap_or_default();
        for (i, record) in records.into_iter().enumerate() {
            let at = format!("{section}[{i}]");
            let Value::Object(obj) = record else {
                return Err(invalid(
                    &at,
                    "not_object",
                    "Cần một đối tượng",
                    "Expected an object",
                ));
            };
            let key = obj.get("key").and_then(Value::as_str).map(str::to_owned);
            let input = loader.resolve(kind, obj, &at)?;
            let created = tx
                .create_json_protected(kind, input)
                .map_err(|e| prefix(e, &at))?;
            if let Some(key) = key {
                loader
                    .ids
                    .insert((kind, key), created["id"].as_i64().unwrap_or_default());
            }
        }
        summary.push((kind, demo[section].as_array().map_or(0, Vec::len)));
    }
    Ok(summary)
}

/// Names the demo record in every field error, e.g. `contacts[3].emails[0].value`.
fn prefix(e: CoreError, at: &str) -> CoreError {
    match e {
        CoreError::Invalid(errs) => CoreError::Invalid(
            errs.into_iter()
                .map(|f| FieldError {
                    field: format!("{at}.{}", f.field),
                    ..f
                })
                .collect(),
        ),
        other => other,
    }
}

fn bad(at: &str, field: &str, what: &str) -> CoreError {
    invalid(
        &format!("{at}.{field}"),
        "invalid_demo",
        what.to_owned(),
        what.to_owned(),
    )
}

impl Loader {
    fn id(&self, kind: EntityKind, key: &Value, at: &str, field: &str) -> Result<i64> {
        let key = key.as_str().unwrap_or_default();
        self.ids
            .get(&(kind, key.to_owned()))
            .copied()
            .ok_or_else(|| {
                bad(
                    at,
                    field,
                    &format!("unknown {} key «{key}»", kind.noun().en),
                )
            })
    }

    fn resolve(
        &mut self,
        kind: EntityKind,
        mut obj: Map<String, Value>,
        at: &str,
    ) -> Result<Value> {
        let key = obj.remove("key");
        let delegation_key = obj
            .get("delegation")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        let refs: &[(&str, EntityKind)] =
            crate::with_entity!(kind, E => <E as crate::domain::Entity>::REFS);
        // Only keys naming one of this kind's references are keys: an opportunity's `contact`
        // is plain text.
        for (demo_key, field, target) in REFS
            .into_iter()
            .filter(|(_, f, _)| refs.iter().any(|(r, _)| r == f))
        {
            if let Some(k) = obj.remove(demo_key) {
                obj.insert(field.into(), self.id(target, &k, at, demo_key)?.into());
            }
        }
        for (demo_key, field, target) in LIST_REFS {
            if let Some(Value::Array(keys)) = obj.remove(demo_key) {
                let ids = keys
                    .iter()
                    .map(|k| self.id(target, k, at, demo_key))
                    .collect::<Result<Vec<_>>>()?;
                obj.insert(field.into(), ids.into());
            }
        }
        let day =
            |obj: &mut Map<String, Value>, name: &str| obj.remove(name).and_then(|v| v.as_i64());
        match kind {
            EntityKind::Delegations => {
                let start =
                    self.today + Duration::days(day(&mut obj, "start_in_days").unwrap_or(30));
                let days = day(&mut obj, "days").unwrap_or(1).max(1);
                obj.insert("start_date".into(), start.to_string().into());
                obj.insert(
                    "end_date".into(),
                    (start + Duration::days(days - 1)).to_string().into(),
                );
                if let Some(k) = key.as_ref().and_then(Value::as_str) {
                    self.delegation_start.insert(k.to_owned(), start);
                }
            }
            EntityKind::ItineraryItems => {
                let first = self
                    .delegation_start
                    .get(&delegation_key)
                    .copied()
                    .unwrap_or(self.today);
                let start_day = first + Duration::days(day(&mut obj, "day").unwrap_or(0));
                let end_day =
                    day(&mut obj, "end_day").map_or(start_day, |d| first + Duration::days(d));
                let zone = obj
                    .get("time_zone")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_owned();
                let end_zone = obj
                    .get("end_time_zone")
                    .and_then(Value::as_str)
                    .unwrap_or(&zone)
                    .to_owned();
                let starts = self.instant(&mut obj, "start", start_day, &zone, at)?;
                let ends = self.instant(&mut obj, "end", end_day, &end_zone, at)?;
                obj.insert("starts_at".into(), starts);
                obj.insert("ends_at".into(), ends);
            }
            EntityKind::Interactions => {
                let date = self.today - Duration::days(day(&mut obj, "days_ago").unwrap_or(0));
                let when = self.instant(&mut obj, "time", date, "Asia/Ho_Chi_Minh", at)?;
                obj.insert("occurred_at".into(), when);
            }
            EntityKind::Leads => {
                if let Some(d) = day(&mut obj, "due_in_days") {
                    let date = self.today + Duration::days(d);
                    let nine = NaiveTime::from_hms_opt(9, 0, 0).expect("valid time");
                    let due =
                        local_to_utc(date, nine, "Asia/Ho_Chi_Minh").expect("Hanoi is a zone");
                    obj.insert(
                        "due_at".into(),
                        serde_json::to_value(due).expect("serialises"),
                    );
                }
            }
            _ => {}
        }
        Ok(Value::Object(obj))
    }

    fn instant(
        &self,
        obj: &mut Map<String, Value>,
        name: &str,
        date: NaiveDate,
        zone: &str,
        at: &str,
    ) -> Result<Value> {
        let text = obj
            .remove(name)
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        let time = NaiveTime::parse_from_str(&text, "%H:%M")
            .map_err(|_| bad(at, name, &format!("expected HH:MM, found «{text}»")))?;
        let utc = local_to_utc(date, time, zone)
            .ok_or_else(|| bad(at, "time_zone", "unknown time zone"))?;
        Ok(serde_json::to_value(utc).expect("serialises"))
    }
}
