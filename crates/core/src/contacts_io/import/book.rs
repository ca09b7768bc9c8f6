//! What the book already holds that an imported row may be a duplicate of, or whose
//! organisation it may name.

use super::DuplicateReason;
use crate::contacts_io::ImportedContact;
use crate::error::Result;
use crate::people::{email_key, phone_key};

use crate::store::{self, Tx};
use crate::text::fold;
use std::collections::{HashMap, HashSet};

/// Duplicate and organisation keys (emails, phones, folded names) to what they match.
type Keyed<V> = HashMap<String, V, foldhash::fast::RandomState>;

/// What the preparing thread works out for the writing one besides the record: the keys that
/// find duplicates, and the organisation named (folded).
pub(super) struct Keys {
    pub emails: Vec<String>,
    /// Each phone with the folded name (`person_phone_key`).
    pub phones: Vec<Option<String>>,
    pub org: Option<String>,
}

/// A phone as a duplicate key: with the person's folded name, because a shared phone alone (an
/// office landline) is a hint for review, listed by `people::find_duplicates`, not a duplicate.
pub(super) fn person_phone_key(phone: &str, full_name: &str) -> Option<String> {
    phone_key(phone).map(|k| format!("{k}\0{}", fold(full_name.trim())))
}

/// What the book holds that an imported row may match: its contacts' uuids, emails and phones,
/// and its organisations' names. Rows written join them, so that a file's later rows match its
/// earlier ones (those keys map to None: no contact id to report).
pub(super) struct Book {
    uuids: HashSet<String>,
    /// The uuids of the rows written from this file.
    file_uuids: HashSet<String>,
    emails: Keyed<Option<i64>>,
    phones: Keyed<Option<i64>>,
    pub(super) orgs: Keyed<i64>,
}

impl Book {
    /// Reads the book, with room for `rows` more rows.
    pub(super) fn read(tx: &Tx<'_>, rows: usize) -> Result<Book> {
        let conn = tx.conn();
        let uuids = store::contact_uuids(conn)?;
        let people = store::people::match_rows(conn)?;
        // Sized for the book and two emails and two phones a row, so that they never grow (and
        // copy themselves) while the rows are written; hashed with foldhash, several times
        // faster than the standard SipHash on short keys and still seeded per process.
        let keys = 2 * (people.len() + rows);
        let mut emails: Keyed<Option<i64>> =
            Keyed::with_capacity_and_hasher(keys, Default::default());
        let mut phones: Keyed<Option<i64>> =
            Keyed::with_capacity_and_hasher(keys, Default::default());
        for r in people {
            for e in &r.emails {
                emails.insert(email_key(e), Some(r.id));
            }
            for p in &r.phones {
                if let Some(k) = person_phone_key(p, &r.full_name) {
                    phones.insert(k, Some(r.id));
                }
            }
        }
        let mut orgs: Keyed<i64> = Keyed::default();
        for (id, vi, en) in store::organization_names(conn)? {
            orgs.entry(fold(vi.trim())).or_insert(id);
            if let Some(en) = en {
                orgs.entry(fold(en.trim())).or_insert(id);
            }
        }
        Ok(Book {
            uuids,
            file_uuids: HashSet::new(),
            emails,
            phones,
            orgs,
        })
    }

    /// The duplicate a row is of, if any: the reason, the value both have and the contact in
    /// the book (None: an earlier row of the file). A uuid is looked at first, then each email,
    /// then each phone of a person with the same name.
    pub(super) fn duplicate_of(
        &self,
        row: &ImportedContact,
        keys: &Keys,
    ) -> Option<(DuplicateReason, String, Option<i64>)> {
        let c = &row.contact;
        row.uuid
            .as_ref()
            .filter(|u| self.uuids.contains(*u) || self.file_uuids.contains(*u))
            .map(|u| (DuplicateReason::Uuid, u.clone(), None))
            .or_else(|| {
                c.emails.iter().zip(&keys.emails).find_map(|(e, k)| {
                    self.emails
                        .get(k)
                        .map(|id| (DuplicateReason::Email, e.value.clone(), *id))
                })
            })
            .or_else(|| {
                c.phones.iter().zip(&keys.phones).find_map(|(p, k)| {
                    k.as_ref()
                        .and_then(|k| self.phones.get(k))
                        .map(|id| (DuplicateReason::Phone, p.value.clone(), *id))
                })
            })
    }

    /// Adds a written row's keys, so that the file's later rows with them are duplicates.
    pub(super) fn remember(&mut self, uuid: Option<String>, keys: Keys) {
        if let Some(uuid) = uuid {
            self.file_uuids.insert(uuid);
        }
        for k in keys.emails {
            self.emails.insert(k, None);
        }
        for k in keys.phones.into_iter().flatten() {
            self.phones.insert(k, None);
        }
    }
}
