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

/// The FTS5 query that finds a mention of `contact` in the folded text of the index: its full
/// name or one of its emails, each folded and matched as a phrase (the same words in the same
/// order, whole words only), any of them. None when nothing searchable is left.
pub(crate) fn mention_query(contact: &Contact) -> Option<String> {
    let phrases: Vec<String> = std::iter::once(contact.full_name.as_str())
        .chain(contact.emails.iter().map(|e| e.value.as_str()))
        .map(fold)
        // FTS5 reads a quoted string as one phrase, tokenized like the indexed text (so
        // "o'brien" and "an.nguyen@x.vn" become their words in order); a string with no word
        // would be an empty phrase.
        .filter(|p| p.chars().any(char::is_alphanumeric))
        .map(|p| format!("\"{}\"", p.replace('"', "\"\"")))
        .collect();
    (!phrases.is_empty()).then(|| phrases.join(" OR "))
}

/// Erases contact `id` everywhere in one transaction: delegation memberships (and with them
/// their places in attendee lists), links from interactions and meetings, the search index,
/// and the personal data in every audit row about them; one `erase` audit entry remains,
/// holding no personal data.
pub fn erase_contact(store: &mut Store, id: i64) -> Result<EraseReport> {
    let c = store.get::<Contact>(id)?;
    let mentions = mention_query(&c.data);
    store.transaction(|tx| {
        // The lookup only reads the interactions' index entries, which hold their summary and
        // notes and nothing of the people linked to them: unlinking the person below and
        // unindexing their own entry change neither, so it may run at any point of the
        // transaction, and it sees the transaction's own writes either way.
        let mentioning = match &mentions {
            Some(q) => interactions_matching(tx.conn(), q)?,
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
    fn a_mention_is_the_folded_name_or_an_email_as_a_quoted_phrase() {
        assert_eq!(
            mention_query(&contact("Nguyễn Văn An", &["An.Nguyen@sumitomo.jp"])).as_deref(),
            Some("\"nguyen van an\" OR \"an.nguyen@sumitomo.jp\"")
        );
        // Quotes are doubled inside the phrase, so a name cannot end it or add operators.
        assert_eq!(
            mention_query(&contact("Lê \"Tí\" OR x* NEAR(", &[])).as_deref(),
            Some("\"le \"\"ti\"\" or x* near(\"")
        );
        assert_eq!(mention_query(&contact(" - ", &["  "])), None);
    }
}
