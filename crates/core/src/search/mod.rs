//! Accent-insensitive search: what each record contributes to the index (pure), and the
//! query form. The SQL lives in `store/search.rs`.

use crate::domain::EntityKind;
use crate::text::fold;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

/// The kinds the search box covers, in the order their groups are shown.
pub const KINDS: [EntityKind; 7] = [
    EntityKind::Organizations,
    EntityKind::Contacts,
    EntityKind::Leads,
    EntityKind::Delegations,
    EntityKind::ItineraryItems,
    EntityKind::Interactions,
    EntityKind::Opportunities,
];

/// Bump when `document` or `fold` change: the store then rebuilds the index once.
pub const INDEX_VERSION: u32 = 2;

/// What one record puts in the index: its label (shown), a detail line (shown), and the folded
/// title and body (matched).
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub label: String,
    pub detail: String,
    pub title: String,
    pub body: String,
}

fn s<'a>(v: &'a Value, f: &str) -> &'a str {
    v[f].as_str().unwrap_or_default()
}

fn strings(v: &Value, f: &str) -> Vec<String> {
    match &v[f] {
        Value::Array(items) => items
            .iter()
            .filter_map(|x| match x {
                Value::String(s) => Some(s.clone()),
                Value::Object(o) => o.get("value").and_then(Value::as_str).map(str::to_owned),
                _ => None,
            })
            .collect(),
        Value::String(s) => vec![s.clone()],
        _ => Vec::new(),
    }
}

fn join(parts: &[&str]) -> String {
    parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Folded text for matching: accents gone, đ → d, and phone numbers also as bare digits so
/// "0912345678" finds "+84 912 345 678".
fn folded(parts: &[String]) -> String {
    let mut out = String::new();
    for p in parts.iter().filter(|p| !p.trim().is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&fold(p));
    }
    out
}

/// The index document of a stored record (`v` as the store reads it), None for kinds that are
/// not searched.
pub fn document(kind: EntityKind, v: &Value) -> Option<Document> {
    let (label, detail, title, body): (String, String, Vec<String>, Vec<String>) = match kind {
        EntityKind::Organizations => (
            s(v, "name_vi").into(),
            join(&[s(v, "name_en"), s(v, "city"), s(v, "country")]),
            vec![s(v, "name_vi").into(), s(v, "name_en").into()],
            [
                vec![
                    s(v, "city").into(),
                    s(v, "country").into(),
                    s(v, "website").into(),
                    s(v, "notes").into(),
                ],
                strings(v, "sectors"),
            ]
            .concat(),
        ),
        EntityKind::Contacts => {
            let phones = strings(v, "phones");
            // Digits alone, and Vietnamese numbers also in their national form (+84 9… → 09…).
            let digits: Vec<String> = phones
                .iter()
                .flat_map(|p| {
                    let d: String = p.chars().filter(char::is_ascii_digit).collect();
                    let national = d
                        .strip_prefix("84")
                        .filter(|_| p.trim_start().starts_with('+'))
                        .map(|rest| format!("0{rest}"));
                    // An E.164 number is already one token: its digits again would only
                    // double the index's work.
                    let spaced = p.trim().trim_start_matches('+') != d;
                    spaced.then_some(d).into_iter().chain(national)
                })
                .collect();
            (
                s(v, "full_name").into(),
                join(&[
                    s(v, "title"),
                    &strings(v, "emails").first().cloned().unwrap_or_default(),
                ]),
                vec![s(v, "full_name").into()],
                [
                    vec![
                        s(v, "title").into(),
                        s(v, "nationality").into(),
                        s(v, "notes").into(),
                    ],
                    strings(v, "emails"),
                    phones,
                    digits,
                ]
                .concat(),
            )
        }
        EntityKind::Leads => (
            s(v, "title").into(),
            join(&[s(v, "stage"), s(v, "owner").trim(), s(v, "next_action")]),
            vec![s(v, "title").into()],
            [
                vec![
                    s(v, "next_action").into(),
                    s(v, "owner").into(),
                    s(v, "notes").into(),
                    s(v, "lost_reason").into(),
                ],
                strings(v, "sectors"),
            ]
            .concat(),
        ),
        EntityKind::Delegations => (
            s(v, "title").into(),
            join(&[
                s(v, "destination_city"),
                s(v, "destination_country"),
                s(v, "start_date"),
            ]),
            vec![s(v, "title").into()],
            [
                vec![
                    s(v, "purpose").into(),
                    s(v, "destination_city").into(),
                    s(v, "lead_officer").into(),
                    s(v, "notes").into(),
                ],
                strings(v, "sectors"),
            ]
            .concat(),
        ),
        EntityKind::ItineraryItems => (
            s(v, "title").into(),
            join(&[
                s(v, "venue"),
                &s(v, "starts_at").chars().take(10).collect::<String>(),
            ]),
            vec![s(v, "title").into()],
            vec![
                s(v, "venue").into(),
                s(v, "address").into(),
                s(v, "notes").into(),
            ],
        ),
        EntityKind::Interactions => (
            s(v, "summary").chars().take(120).collect(),
            join(&[
                s(v, "kind"),
                &s(v, "occurred_at").chars().take(10).collect::<String>(),
            ]),
            vec![s(v, "summary").into()],
            vec![s(v, "notes").into()],
        ),
        EntityKind::Opportunities => (
            s(v, "name_vi").into(),
            join(&[s(v, "name_en"), s(v, "location")]),
            vec![s(v, "name_vi").into(), s(v, "name_en").into()],
            [
                vec![
                    s(v, "location").into(),
                    s(v, "summary_vi").into(),
                    s(v, "summary_en").into(),
                ],
                strings(v, "sectors"),
            ]
            .concat(),
        ),
        _ => return None,
    };
    Some(Document {
        label,
        detail,
        title: folded(&title),
        body: folded(&body),
    })
}

/// The FTS5 query for what the user typed as one types: every word complete except the last,
/// which matches as a prefix ("nguyen va" → "nguyen" "va"*). Complete words read one doclist
/// each, where prefixes merge the doclists of every word they start, so this is the fast form;
/// `fts_query` (every word a prefix) is the fallback when it finds nothing.
pub fn fts_query_typing(input: &str) -> Option<String> {
    let words = query_words(input);
    let last = words.len().checked_sub(1)?;
    Some(
        words
            .iter()
            .enumerate()
            .map(|(n, w)| {
                if n == last {
                    format!("\"{w}\"*")
                } else {
                    format!("\"{w}\"")
                }
            })
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// The FTS5 query for what the user typed: each word folded and matched as a prefix, all words
/// required. None when nothing searchable is left.
pub fn fts_query(input: &str) -> Option<String> {
    let folded = fold(input);
    let words: Vec<String> = folded
        .split(|c: char| !crate::text::is_word_char(c))
        .filter(|w| !w.is_empty())
        .take(8)
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// The folded words of what the user typed.
pub fn query_words(input: &str) -> Vec<String> {
    fold(input)
        .split(|c: char| !crate::text::is_word_char(c))
        .filter(|w| !w.is_empty())
        .take(8)
        .map(str::to_owned)
        .collect()
}

/// How well a folded title matches the words typed: 3 per word matched whole, 2 per word
/// matched as a prefix, 1 more when the title starts with the first word.
pub fn title_score(words: &[String], title: &str) -> u32 {
    let title_words: Vec<&str> = title
        .split(|c: char| !crate::text::is_word_char(c))
        .filter(|w| !w.is_empty())
        .collect();
    let mut score = 0;
    for w in words {
        if title_words.iter().any(|t| t == w) {
            score += 3;
        } else if title_words.iter().any(|t| t.starts_with(w.as_str())) {
            score += 2;
        }
    }
    if words.first().is_some_and(|w| {
        title_words
            .first()
            .is_some_and(|t| t.starts_with(w.as_str()))
    }) {
        score += 1;
    }
    score
}

/// One record found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SearchHit {
    pub kind: EntityKind,
    pub id: i64,
    pub label: String,
    pub detail: String,
    /// The page the hit is shown on when it has none of its own: an itinerary item's
    /// delegation, an interaction's organisation (else its first person, else its delegation).
    /// None for kinds with their own page (a lead has one), and for an interaction tied to
    /// nothing.
    pub parent: Option<SearchParent>,
}

/// The record whose page shows a hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SearchParent {
    pub kind: EntityKind,
    pub id: i64,
}

/// The hits of one kind, best first, and how many there are in all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SearchGroup {
    pub kind: EntityKind,
    pub hits: Vec<SearchHit>,
    pub total: i64,
    /// True when there are more than `total` (counting stops at 1,000: show "1000+").
    pub more: bool,
}

/// Results grouped by kind, in the order of `KINDS`; kinds with no hit are left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SearchResults {
    pub query: String,
    pub groups: Vec<SearchGroup>,
}

/// The rowid of a record in the index.
pub fn rowid(kind: EntityKind, id: i64) -> i64 {
    let n = EntityKind::ALL.iter().position(|k| *k == kind).unwrap_or(0) as i64;
    (n << 40) | id
}

/// The kind and id of an index rowid.
pub fn from_rowid(rowid: i64) -> Option<(EntityKind, i64)> {
    let kind = *EntityKind::ALL.get((rowid >> 40) as usize)?;
    Some((kind, rowid & ((1 << 40) - 1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_folded_prefixes_and_inert() {
        assert_eq!(fts_query("Đà Nẵng").as_deref(), Some("\"da\"* \"nang\"*"));
        assert_eq!(fts_query("hoa lac").as_deref(), Some("\"hoa\"* \"lac\"*"));
        assert_eq!(
            fts_query("\"); DROP TABLE x; --").as_deref(),
            Some("\"drop\"* \"table\"* \"x\"*")
        );
        assert_eq!(fts_query(" -* "), None);
    }

    #[test]
    fn rowids_round_trip() {
        for kind in KINDS {
            assert_eq!(from_rowid(rowid(kind, 123_456)), Some((kind, 123_456)));
        }
    }
}
