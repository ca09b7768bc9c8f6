//! The hostile corpus (`tests/fixtures/hostile-text.json`) through `planner create` into every
//! text field of every kind of record, the fields read from the core's own declaration
//! (`EntityKind::text_fields`): an accepted text reads back byte for byte (after NFC), a refused
//! one names its field and the rule's words, and a refused write leaves nothing behind.
//! (A module of the `cli` test binary.)

use super::{json, ok, planner, temp_db};
use planner_core::domain::EntityKind;
use planner_core::validate::Validator;
use serde_json::{json, Value};
use std::path::Path;

/// One corpus entry: the text, and how a single-line and a free-text field take it.
pub(crate) struct Hostile {
    pub id: String,
    pub value: String,
    pub stored: String,
    pub line: String,
    pub free: String,
}

/// The shared corpus, with repeats expanded.
pub(crate) fn corpus() -> Vec<Hostile> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/hostile-text.json"
    );
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let s = |e: &Value, k: &str| e[k].as_str().map(str::to_owned);
    doc["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let value = s(e, "value")
                .unwrap()
                .repeat(e["repeat"].as_u64().unwrap_or(1) as usize);
            Hostile {
                id: s(e, "id").unwrap(),
                stored: s(e, "stored").unwrap_or_else(|| value.clone()),
                value,
                line: s(e, "line").unwrap(),
                free: s(e, "free").unwrap(),
            }
        })
        .collect()
}

/// How a text field takes text, found by asking the store (not from a list of our own).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Rule {
    Line,
    Free,
    /// A coded value (country, time zone, currency, e-mail, phone, sector, hash): a plain
    /// phrase is refused, so corpus text is either refused or kept exactly.
    Format,
}

fn put(record: &mut Value, field: &str, text: &str) {
    match field.strip_suffix("[]") {
        Some(list) => record[list] = json!([text]),
        None => record[field] = json!(text),
    }
}

fn read(record: &Value, field: &str) -> Value {
    match field.strip_suffix("[]") {
        Some(list) => record[list][0].clone(),
        None => record[field].clone(),
    }
}

fn create(db: &Path, kind: EntityKind, record: &Value) -> Result<Value, String> {
    let r = planner(db, &["create", kind.name(), "-"], Some(&record.to_string()));
    match r.code {
        0 => Ok(serde_json::from_str(&r.stdout).unwrap()),
        2 => Err(r.stderr),
        other => panic!("planner create {kind} exited {other}: {}", r.stderr),
    }
}

fn id(v: &Value) -> i64 {
    v["id"].as_i64().unwrap()
}

/// A valid record of each kind, its parents made first.
fn bases(db: &Path) -> Vec<(EntityKind, Value)> {
    let mk = |kind: EntityKind, v: Value| id(&create(db, kind, &v).unwrap());
    let office = mk(
        EntityKind::Offices,
        json!({"name_vi": "Thương vụ Tokyo", "country": "JP", "city": "Tokyo", "time_zone": "Asia/Tokyo"}),
    );
    let org = mk(
        EntityKind::Organizations,
        json!({"name_vi": "Công ty A", "country": "VN"}),
    );
    let delegation =
        json!({"title": "Đoàn Nhật Bản", "destination_country": "JP", "time_zone": "Asia/Tokyo"});
    let del = mk(EntityKind::Delegations, delegation.clone());
    let at = |h: u32| format!("2027-03-01T{h:02}:00:00Z");
    vec![
        (
            EntityKind::Offices,
            json!({"name_vi": "Thương vụ", "country": "JP", "city": "Osaka", "time_zone": "Asia/Tokyo"}),
        ),
        (
            EntityKind::Counsellors,
            json!({"office_id": office, "full_name": "Trần Minh"}),
        ),
        (
            EntityKind::Organizations,
            json!({"name_vi": "Công ty B", "country": "VN"}),
        ),
        (EntityKind::Contacts, json!({"full_name": "Nguyễn Văn A"})),
        (EntityKind::Delegations, delegation),
        (
            EntityKind::Members,
            json!({"delegation_id": del, "staff_name": "Cán bộ"}),
        ),
        (
            EntityKind::ItineraryItems,
            json!({"delegation_id": del, "title": "Họp", "starts_at": at(1), "ends_at": at(2), "time_zone": "Asia/Tokyo"}),
        ),
        (
            EntityKind::Interactions,
            json!({"occurred_at": at(3), "summary": "Gặp"}),
        ),
        (
            EntityKind::Leads,
            json!({"organization_id": org, "title": "Dự án"}),
        ),
        (
            EntityKind::Opportunities,
            json!({"name_vi": "KCN", "location": "Hà Nội", "source": "Sở KH&ĐT"}),
        ),
        (
            EntityKind::Briefs,
            json!({"title": "Bản tin", "audience_kind": "organization", "organization_id": org}),
        ),
    ]
}

fn rule_of(db: &Path, kind: EntityKind, base: &Value, field: &str) -> Rule {
    let with = |text: &str| {
        let mut r = base.clone();
        put(&mut r, field, text);
        create(db, kind, &r)
    };
    if with("Hà Nội").is_err() {
        Rule::Format
    } else if with("hai\ndòng").is_ok() {
        Rule::Free
    } else {
        Rule::Line
    }
}

/// The words the core gives for refusing `text` in `field` under `rule`.
fn refusal_words(field: &str, rule: Rule, text: &str) -> Vec<String> {
    let mut v = Validator::default();
    let name = field.replace("[]", "[0]");
    match rule {
        Rule::Line => v.line(&name, text),
        _ => v.text(&name, &Some(text.to_owned())),
    }
    v.errors.iter().map(ToString::to_string).collect()
}

fn count(db: &Path, kind: EntityKind) -> usize {
    json(db, &["list", kind.name(), "--json", "--limit", "100000"])
        .as_array()
        .unwrap()
        .len()
}

#[test]
fn every_text_field_of_every_kind_keeps_hostile_text_exactly_or_refuses_it_whole() {
    let (_dir, db) = temp_db();
    ok(&db, &["init"], None);
    let corpus = corpus();
    let mut fields_seen = 0;
    for (kind, base) in bases(&db) {
        let fields: Vec<(String, Rule)> = kind
            .text_fields()
            .into_iter()
            .map(|f| {
                let rule = rule_of(&db, kind, &base, &f);
                (f, rule)
            })
            .collect();
        assert!(
            fields.iter().any(|(_, r)| *r != Rule::Format),
            "{kind} has no free text field: {fields:?}"
        );
        fields_seen += fields.len();
        let before = count(&db, kind);
        let mut created = 0;
        for h in &corpus {
            let expect = |rule: Rule| match rule {
                Rule::Line => Some(h.line.as_str()),
                Rule::Free => Some(h.free.as_str()),
                Rule::Format => None,
            };
            let (taken, refused): (Vec<_>, Vec<_>) = fields
                .iter()
                .partition(|(_, rule)| expect(*rule) == Some("accepted"));
            if !taken.is_empty() {
                let mut record = base.clone();
                for (f, _) in &taken {
                    put(&mut record, f, &h.value);
                }
                let made = create(&db, kind, &record)
                    .unwrap_or_else(|e| panic!("{kind} {} refused: {e}", h.id));
                created += 1;
                let shown = json(
                    &db,
                    &["show", kind.name(), &id(&made).to_string(), "--json"],
                );
                for (f, _) in &taken {
                    assert_eq!(read(&shown, f), json!(h.stored), "{kind}.{f} ← {}", h.id);
                }
            }
            for (f, rule) in &refused {
                let mut record = base.clone();
                put(&mut record, f, &h.value);
                match (create(&db, kind, &record), rule) {
                    (Ok(made), Rule::Format) => {
                        created += 1;
                        assert_eq!(read(&made, f), json!(h.stored), "{kind}.{f} ← {}", h.id)
                    }
                    (Ok(_), _) => panic!("{kind}.{f} took {} (expected {:?})", h.id, expect(*rule)),
                    (Err(words), Rule::Format) => {
                        assert!(words.contains(&f.replace("[]", "")), "{kind}.{f}: {words}")
                    }
                    (Err(words), _) => {
                        let code = expect(*rule).unwrap();
                        let wanted = refusal_words(f, *rule, &h.value);
                        assert!(
                            !wanted.is_empty(),
                            "the core's {rule:?} rule takes {}",
                            h.id
                        );
                        for w in wanted {
                            assert!(
                                words.contains(&w),
                                "{kind}.{f} ← {} ({code}): {words}",
                                h.id
                            );
                        }
                    }
                }
            }
        }
        assert_eq!(
            count(&db, kind),
            before + created,
            "{kind}: a refused write left a record"
        );
    }
    assert!(fields_seen > 60, "only {fields_seen} text fields found");
}

#[test]
fn a_refused_update_leaves_the_record_as_it_was() {
    let (_dir, db) = temp_db();
    ok(&db, &["init"], None);
    let made = create(
        &db,
        EntityKind::Organizations,
        &json!({"name_vi": "Công ty", "country": "VN"}),
    )
    .unwrap();
    let id = id(&made).to_string();
    for h in corpus().iter().filter(|h| h.line != "accepted") {
        let patch = json!({"name_vi": h.value, "notes": "ghi chú", "city": "Huế"});
        let r = planner(
            &db,
            &["update", "organizations", &id, "-"],
            Some(&patch.to_string()),
        );
        assert_eq!(r.code, 2, "{}: {}", h.id, r.stderr);
        assert_eq!(
            json(&db, &["show", "organizations", &id, "--json"]),
            made,
            "{}",
            h.id
        );
    }
}

#[test]
fn error_lines_show_control_characters_escaped_not_raw() {
    let (_dir, db) = temp_db();
    ok(&db, &["init"], None);
    let r = planner(
        &db,
        &["create", "organizations", "-"],
        Some(r#"{"name_vi": "A", "country": "\u001b[31mVN\u0007"}"#),
    );
    assert_eq!(r.code, 2);
    assert!(
        !r.stderr.contains(['\u{1b}', '\u{7}']) && r.stderr.contains("\\u{1b}[31mVN\\u{7}"),
        "{:?}",
        r.stderr
    );
}
