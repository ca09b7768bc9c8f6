//! The domain records and what the generic store needs to know about each of them.
//!
//! Each entity is a plain serde struct whose field names are its table's column names. The store
//! reads the shape from `Default` serialisation: a JSON array/object field is stored as JSON text
//! (or, when listed in `LINKS`, in a junction table), a bool as 0/1, everything else as is.
//! Entities therefore avoid `Option<bool>` and `Option<Vec<_>>`.

mod contacts;
mod delegations;
mod directory;
mod opportunities;

pub use contacts::*;
pub use delegations::*;
pub use directory::*;
pub use opportunities::*;

use crate::validate::Validator;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Every kind of record the store keeps, named as the CLI and the IPC name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum EntityKind {
    Offices,
    Counsellors,
    Organizations,
    Contacts,
    Delegations,
    Members,
    ItineraryItems,
    Interactions,
    Leads,
    Opportunities,
    Briefs,
}

impl EntityKind {
    /// All kinds, parents before children (the order demo data and resets use).
    pub const ALL: [EntityKind; 11] = [
        EntityKind::Offices,
        EntityKind::Counsellors,
        EntityKind::Organizations,
        EntityKind::Contacts,
        EntityKind::Delegations,
        EntityKind::Members,
        EntityKind::ItineraryItems,
        EntityKind::Interactions,
        EntityKind::Leads,
        EntityKind::Opportunities,
        EntityKind::Briefs,
    ];

    /// The SQL table that holds this kind (`Entity::TABLE`).
    pub fn table(self) -> &'static str {
        crate::with_entity!(self, E => E::TABLE)
    }

    /// The fields a record of this kind must have: those whose empty value its `validate`
    /// refuses (an empty record's errors), so a form marks exactly what the core requires.
    pub fn required_fields(self) -> Vec<String> {
        let mut v = Validator::default();
        crate::with_entity!(self, E => E::default().validate(&mut v));
        let mut fields: Vec<String> = v.errors.into_iter().map(|e| e.field).collect();
        fields.dedup();
        fields
    }

    /// The fields of this kind that may hold any text (not a number, date, enum or id), read
    /// from the type itself so that a new text field is counted without a list to update: a
    /// field named `x` holds one text, `x[]` a list of texts (tags). What a field accepts is
    /// then its `validate`'s rule (single line, free text, e-mail, country code…).
    pub fn text_fields(self) -> Vec<String> {
        crate::with_entity!(self, E => text_fields_of::<E>())
    }

    /// The plural, kebab-case name used on the command line and over IPC.
    pub fn name(self) -> &'static str {
        match self {
            EntityKind::Offices => "offices",
            EntityKind::Counsellors => "counsellors",
            EntityKind::Organizations => "organizations",
            EntityKind::Contacts => "contacts",
            EntityKind::Delegations => "delegations",
            EntityKind::Members => "members",
            EntityKind::ItineraryItems => "itinerary-items",
            EntityKind::Interactions => "interactions",
            EntityKind::Leads => "leads",
            EntityKind::Opportunities => "opportunities",
            EntityKind::Briefs => "briefs",
        }
    }

    /// Parses the CLI/IPC name (also accepts the singular and snake_case forms).
    pub fn parse(s: &str) -> Option<EntityKind> {
        let s = s.trim().to_ascii_lowercase().replace('_', "-");
        EntityKind::ALL.into_iter().find(|k| {
            let n = k.name();
            let singular = match n.strip_suffix("ies") {
                Some(stem) => format!("{stem}y"),
                None => n.trim_end_matches('s').to_owned(),
            };
            s == n || s == singular
        })
    }
}

impl std::fmt::Display for EntityKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The rules each kind declares on its type (`Entity`), for code that holds only a kind.
impl EntityKind {
    /// What deleting one record of this kind does first (`Entity::CASCADE`).
    pub fn cascade(self) -> &'static [Cascade] {
        crate::with_entity!(self, E => E::CASCADE)
    }

    /// Whether a record of this kind is personal data about one person (`Entity::PERSONAL`).
    pub fn is_personal(self) -> bool {
        crate::with_entity!(self, E => E::PERSONAL)
    }

    /// The fields of this kind holding sector tags (`Entity::SECTOR_FIELDS`).
    pub fn sector_fields(self) -> &'static [&'static str] {
        crate::with_entity!(self, E => E::SECTOR_FIELDS)
    }

    /// The kind the reference field `field` (one of `Entity::REFS`) points at.
    pub fn reference(self, field: &str) -> Option<EntityKind> {
        crate::with_entity!(self, E => E::REFS.iter().find(|(f, _)| *f == field).map(|(_, k)| *k))
    }

    /// The fields naming the record whose page shows one of this kind (`Entity::SHOWN_UNDER`).
    pub fn shown_under(self) -> &'static [&'static str] {
        crate::with_entity!(self, E => E::SHOWN_UNDER)
    }

    /// The fields with a stored sort key (`Entity::SORT_KEYS`).
    pub fn sort_keys(self) -> &'static [&'static str] {
        crate::with_entity!(self, E => E::SORT_KEYS)
    }

    /// Whether contact imports create records of this kind (`Entity::IMPORTED`).
    pub fn is_imported(self) -> bool {
        crate::with_entity!(self, E => E::IMPORTED)
    }
}

fn text_fields_of<E: Entity>() -> Vec<String> {
    let default = serde_json::to_value(E::default()).expect("entity serialises");
    let serde_json::Value::Object(fields) = &default else {
        return Vec::new();
    };
    let accepts = |field: &str, probe: serde_json::Value| {
        let mut record = default.clone();
        record[field] = probe;
        serde_json::from_value::<E>(record).is_ok()
    };
    let probe = || serde_json::Value::from("text");
    fields
        .iter()
        .filter_map(|(name, value)| match value {
            serde_json::Value::Array(_) => {
                accepts(name, serde_json::Value::Array(vec![probe()])).then(|| format!("{name}[]"))
            }
            _ => accepts(name, probe()).then(|| name.clone()),
        })
        .collect()
}

/// What deleting a record does first to the records that point at it. The store does it record
/// by record through its audited path, so that nothing changes silently through the schema's
/// `ON DELETE` actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cascade {
    /// Every record of `kind` whose reference `field` (one of its `REFS`) holds the deleted
    /// record's id is deleted with it.
    Delete {
        kind: EntityKind,
        field: &'static str,
    },
    /// The deleted record's id leaves the link field `field` (one of `kind`'s `LINKS`) of every
    /// record of `kind` that lists it, each an audited update.
    Unlink {
        kind: EntityKind,
        field: &'static str,
    },
}

/// A many-to-many field kept in a junction table rather than in a column.
#[derive(Debug, Clone, Copy)]
pub struct Link {
    /// The struct field (a `Vec<i64>` of target ids).
    pub field: &'static str,
    /// The junction table.
    pub table: &'static str,
    /// The junction column that points at the owning record.
    pub owner_column: &'static str,
    /// The junction column that points at the target record.
    pub target_column: &'static str,
    /// The kind of record the ids point at.
    pub target: EntityKind,
    /// A field the owner and every target must share (an item's attendees are members of the
    /// item's own delegation).
    pub same: Option<&'static str>,
}

/// What the generic store needs from a domain record.
pub trait Entity: Serialize + DeserializeOwned + Default + Clone + Send + Sync + 'static {
    /// Which kind this is.
    const KIND: EntityKind;
    /// The SQL table that holds this kind.
    const TABLE: &'static str;
    /// Single foreign keys: (field, kind referenced). 0 or null means none.
    const REFS: &'static [(&'static str, EntityKind)] = &[];
    /// References whose record must share a field with this one: (reference field, shared
    /// field), the shared field having the same name in both. An interaction's itinerary item
    /// must belong to the interaction's delegation.
    const REFS_WITHIN: &'static [(&'static str, &'static str)] = &[];
    /// Many-to-many fields kept in junction tables.
    const LINKS: &'static [Link] = &[];
    /// Fields listed first by `planner list` and used as the record's display name.
    const TITLE_FIELD: &'static str;
    /// Fields only a dedicated operation may change (e.g. a delegation's status, which moves
    /// through the workflow); a plain update that changes them is refused.
    const PROTECTED: &'static [&'static str] = &[];
    /// What deleting one record does first, in this order (see `Cascade`).
    const CASCADE: &'static [Cascade] = &[];
    /// Whether one record is personal data about one person. Deleting one leaves none of its
    /// field values in the audit log, and scrubs its earlier audit rows.
    const PERSONAL: bool = false;
    /// Whether contact imports create records of this kind: their history then starts with
    /// the import that created them (read from `import_records`, not from an audit row).
    const IMPORTED: bool = false;
    /// For a kind without its own page: the fields (references, or link fields whose first
    /// target counts) naming the record whose page shows it, the first one set winning.
    const SHOWN_UNDER: &'static [&'static str] = &[];
    /// The fields holding sector tags (a list, or one optional tag), which the store checks
    /// against the store's sectors (`labels::SectorBook`).
    const SECTOR_FIELDS: &'static [&'static str] = &[];
    /// The text fields lists sort by in Vietnamese order through a stored sort key: each has a
    /// column `<field>_key` holding `text::vi_sort_key` of its text (NULL where it is null),
    /// which every write sets and the list queries order by.
    const SORT_KEYS: &'static [&'static str] = &[];
    /// Checks the record's own fields (references are checked by the store).
    fn validate(&self, v: &mut Validator);
}

/// A value with a label, such as a phone ("work", "+84 24 ...") or an email.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct Labelled {
    #[serde(default)]
    pub label: String,
    pub value: String,
}

/// Calls `$body` with the type alias `$t` bound to the entity type of `$kind`.
#[macro_export]
macro_rules! with_entity {
    ($kind:expr, $t:ident => $body:expr) => {{
        use $crate::domain::*;
        match $kind {
            EntityKind::Offices => {
                type $t = Office;
                $body
            }
            EntityKind::Counsellors => {
                type $t = Counsellor;
                $body
            }
            EntityKind::Organizations => {
                type $t = Organization;
                $body
            }
            EntityKind::Contacts => {
                type $t = Contact;
                $body
            }
            EntityKind::Delegations => {
                type $t = Delegation;
                $body
            }
            EntityKind::Members => {
                type $t = Member;
                $body
            }
            EntityKind::ItineraryItems => {
                type $t = ItineraryItem;
                $body
            }
            EntityKind::Interactions => {
                type $t = Interaction;
                $body
            }
            EntityKind::Leads => {
                type $t = Lead;
                $body
            }
            EntityKind::Opportunities => {
                type $t = Opportunity;
                $body
            }
            EntityKind::Briefs => {
                type $t = Brief;
                $body
            }
        }
    }};
}
