//! "Erase this person": every trace of a contact removed in one transaction, and the
//! interactions whose free text still names them found through the search index for review.

use crate::domain::{Contact, EntityKind};
use crate::error::Result;
use crate::store::people::{interactions_matching, references, scrub_audit};
use crate::store::Store;
use crate::text::fold;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use ts_rs::TS;

/// What erasing a person did, and what the officer should still review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EraseReport {
    pub contact_id: i64,
    pub memberships_removed: i64,
    pub interactions_unlinked: i64,
    pub meetings_unlinked: i64,
    pub audit_rows_scrubbed: i64,
    /// Interactions whose free text still names the person (or an email): review them by hand.
    pub interactions_mentioning: Vec<i64>,
}

fn without(list: &Value, id: i64) -> Vec<i64> {
    list.as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_i64)
        .filter(|x| *x != id)
        .collect()
}

/// How `contact` may be mentioned in the folded text of the index: its full name or one of its
/// emails, each as its folded words in order. Empty when nothing searchable is left.
pub(crate) fn mention_phrases(contact: &Contact) -> Vec<Vec<String>> {
    std::iter::once(contact.full_name.as_str())
        .chain(contact.emails.iter().map(|e| e.value.as_str()))
        .map(|p| words(&fold(p)).map(str::to_owned).collect::<Vec<_>>())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The words of folded text as the index splits them (letters and digits; anything else
/// separates), so "o'brien" and "an.nguyen@x.vn" are their words in order.
fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !crate::text::is_word_char(c))
        .filter(|w| !w.is_empty())
}

/// The FTS5 query for the records holding every word of one of `phrases`. The index keeps no
/// positions, so the phrases themselves are checked afterwards (`mentions`). Each word is
/// quoted (letters and digits only, so it cannot end its quotes or add operators).
pub(crate) fn mention_query(phrases: &[Vec<String>]) -> Option<String> {
    let groups: Vec<String> = phrases
        .iter()
        .map(|p| {
            let words: Vec<String> = p.iter().map(|w| format!("\"{w}\"")).collect();
            format!("({})", words.join(" "))
        })
        .collect();
    (!groups.is_empty()).then(|| groups.join(" OR "))
}

/// Whether folded `text` holds one of `phrases`: its words, whole and in order.
pub(crate) fn mentions(text: &str, phrases: &[Vec<String>]) -> bool {
    let text: Vec<&str> = words(text).collect();
    phrases.iter().any(|p| {
        text.windows(p.len())
            .any(|w| w.iter().zip(p).all(|(a, b)| a == b))
    })
}

/// Erases contact `id` everywhere in one transaction: delegation memberships (and with them
/// their places in attendee lists), links from interactions and meetings, the search index,
/// and the personal data in every audit row about them; one `erase` audit entry remains,
/// holding no personal data.
pub fn erase_contact(store: &mut Store, id: i64) -> Result<EraseReport> {
    let c = store.get::<Contact>(id)?;
    let phrases = mention_phrases(&c.data);
    let query = mention_query(&phrases);
    // The store as it was stays in the backups until thinning rotates it out.
    crate::backup::before(store)?;
    // Erased means gone from the file too (see `erasing`).
    store.erasing(|store| {
        store.transaction(|tx| {
            // The lookup only reads the interactions' index entries, which hold their summary and
            // notes and nothing of the people linked to them: unlinking the person below and
            // unindexing their own entry change neither, so it may run at any point of the
            // transaction, and it sees the transaction's own writes either way.
            let mentioning = match &query {
                Some(q) => {
                    interactions_matching(tx.conn(), q, &phrases, |text| mentions(text, &phrases))?
                }
                None => Vec::new(),
            };
            let refs = references(tx.conn(), id)?;
            let mut scrubbed = 0;
            for i in &refs.interactions {
                let v = tx.get_json(EntityKind::Interactions, *i)?;
                tx.update_json(
                    EntityKind::Interactions,
                    *i,
                    json!({"contact_ids": without(&v["contact_ids"], id)}),
                )?;
            }
            for i in &refs.itinerary_items {
                let v = tx.get_json(EntityKind::ItineraryItems, *i)?;
                tx.update_json(
                    EntityKind::ItineraryItems,
                    *i,
                    json!({"contact_ids": without(&v["contact_ids"], id)}),
                )?;
            }
            for m in &refs.members {
                tx.delete(EntityKind::Members, *m)?;
                scrubbed += scrub_audit(tx.conn(), EntityKind::Members, *m)?;
            }
            tx.delete(EntityKind::Contacts, id)?;
            scrubbed += scrub_audit(tx.conn(), EntityKind::Contacts, id)?;
            tx.audit(EntityKind::Contacts, id, &c.meta.uuid, "erase", &json!({}))?;
            Ok(EraseReport {
                contact_id: id,
                memberships_removed: refs.members.len() as i64,
                interactions_unlinked: refs.interactions.len() as i64,
                meetings_unlinked: refs.itinerary_items.len() as i64,
                audit_rows_scrubbed: scrubbed as i64,
                interactions_mentioning: mentioning,
            })
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Labelled;

    fn contact(name: &str, emails: &[&str]) -> Contact {
        Contact {
            full_name: name.into(),
            emails: emails
                .iter()
                .map(|e| Labelled {
                    label: "work".into(),
                    value: (*e).into(),
                })
                .collect(),
            ..Contact::default()
        }
    }

    #[test]
    fn a_mention_is_the_folded_name_or_an_email_word_by_word() {
        let phrases = mention_phrases(&contact("Nguyễn Văn An", &["An.Nguyen@sumitomo.jp"]));
        assert_eq!(
            mention_query(&phrases).as_deref(),
            Some("(\"nguyen\" \"van\" \"an\") OR (\"an\" \"nguyen\" \"sumitomo\" \"jp\")")
        );
        assert!(mentions("gap ong nguyen van an tai ha noi", &phrases));
        assert!(mentions("email: an.nguyen@sumitomo.jp.", &phrases));
        // The same words in another order, or part of a longer word, are not a mention.
        assert!(!mentions("an van nguyen", &phrases));
        assert!(!mentions("nguyen van anh", &phrases));
        // Quotes and operators are not words: they can neither end a quote nor add operators.
        let odd = mention_phrases(&contact("Lê \"Tí\" OR x* NEAR(", &[]));
        assert_eq!(
            mention_query(&odd).as_deref(),
            Some("(\"le\" \"ti\" \"or\" \"x\" \"near\")")
        );
        assert_eq!(
            mention_query(&mention_phrases(&contact(" - ", &["  "]))),
            None
        );
    }
}
