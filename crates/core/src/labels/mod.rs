//! Every word that names a value: the one bilingual text type, the labels of every enum a user
//! sees, and the sector tags. The PDFs, the `.ics` export, the workflow's messages, the briefs
//! and (through the generated `ui/src/lib/labels.gen.ts`) the screens all read them from here,
//! so a value is named the same way everywhere.

mod enums;
mod sectors;
pub mod typescript;

pub use sectors::{
    known_sector_of, sector_label, sector_list, tag_of_name, Sector, SectorBook, SECTORS,
    SECTOR_ALIASES,
};

use crate::domain::BriefLanguage;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Who attends an itinerary item without chosen attendees: the whole delegation. One wording on
/// the screens, the printed itinerary, the calendar and the conflict check.
pub const WHOLE_DELEGATION: Bilingual<&str> = Bilingual {
    vi: "Cả đoàn",
    en: "Whole delegation",
};

/// The same rule, said where attendees are chosen.
pub const NO_ONE_CHOSEN: Bilingual<&str> = Bilingual {
    vi: "Không chọn ai: cả đoàn tham dự",
    en: "No one chosen: the whole delegation attends",
};

/// A text in Vietnamese and English: `Bilingual<&'static str>` for the fixed labels declared
/// here, `Bilingual` (owned) for composed text such as a brief's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(concrete(S = String))]
pub struct Bilingual<S = String> {
    pub vi: S,
    pub en: S,
}

impl Bilingual {
    /// A text with a Vietnamese and an English form.
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Bilingual {
        Bilingual {
            vi: vi.into(),
            en: en.into(),
        }
    }

    /// The same text in both languages (names, numbers).
    pub fn same(s: impl Into<String>) -> Bilingual {
        let s = s.into();
        Bilingual {
            vi: s.clone(),
            en: s,
        }
    }
}

impl Bilingual<&'static str> {
    /// The owned form, to place a fixed label among composed text.
    pub fn owned(self) -> Bilingual {
        Bilingual::new(self.vi, self.en)
    }
}

impl<S: AsRef<str>> Bilingual<S> {
    /// The form for one language (`Bi` gives "vi / en", or one form when both are equal).
    pub fn get(&self, lang: BriefLanguage) -> String {
        let (vi, en) = (self.vi.as_ref(), self.en.as_ref());
        match lang {
            BriefLanguage::Vi => vi.to_owned(),
            BriefLanguage::En => en.to_owned(),
            BriefLanguage::Bi if vi == en => vi.to_owned(),
            BriefLanguage::Bi => format!("{vi} / {en}"),
        }
    }
}

/// An enum whose every value has a Vietnamese and an English label.
pub trait Labelled: Copy + Serialize + TS + 'static {
    /// Every value, in the order menus and legends list them.
    const DISPLAY_ORDER: &'static [Self];

    /// The value's name in both languages.
    fn label(self) -> Bilingual<&'static str>;

    /// The value as serde writes it (the key stored and sent over IPC).
    fn key(self) -> String {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::String(s)) => s,
            other => panic!("a labelled enum serialises to a string, not {other:?}"),
        }
    }
}

/// The labels of one enum, keyed as serde writes its values (for the TypeScript export and the
/// tests that check every enum).
pub struct EnumLabels {
    /// The name of the generated TypeScript constant, e.g. `DELEGATION_STATUS`.
    pub constant: &'static str,
    /// The TypeScript type of its keys, e.g. `DelegationStatus`.
    pub type_name: String,
    /// Each value's key and label, in display order.
    pub values: Vec<(String, Bilingual<&'static str>)>,
}

impl EnumLabels {
    fn of<E: Labelled>(constant: &'static str) -> EnumLabels {
        EnumLabels {
            constant,
            type_name: E::name(&ts_rs::Config::new()),
            values: E::DISPLAY_ORDER
                .iter()
                .map(|v| (v.key(), v.label()))
                .collect(),
        }
    }
}

/// The labels of every enum shown to a user.
pub fn every_enum() -> Vec<EnumLabels> {
    use crate::briefs::BriefSection;
    use crate::contacts_io::{ImportFormat, Target};
    use crate::domain::*;
    use crate::itinerary::{ConflictKind, Severity};
    vec![
        EnumLabels::of::<EntityKind>("ENTITY_KIND"),
        EnumLabels::of::<DelegationKind>("DELEGATION_KIND"),
        EnumLabels::of::<DelegationStatus>("DELEGATION_STATUS"),
        EnumLabels::of::<MemberRole>("MEMBER_ROLE"),
        EnumLabels::of::<VisaStatus>("VISA_STATUS"),
        EnumLabels::of::<ItineraryKind>("ITINERARY_KIND"),
        EnumLabels::of::<Severity>("SEVERITY"),
        EnumLabels::of::<ConflictKind>("CONFLICT_KIND"),
        EnumLabels::of::<OrganizationKind>("ORGANIZATION_KIND"),
        EnumLabels::of::<OrganizationSize>("ORGANIZATION_SIZE"),
        EnumLabels::of::<ConsentBasis>("CONSENT_BASIS"),
        EnumLabels::of::<InteractionKind>("INTERACTION_KIND"),
        EnumLabels::of::<LeadStage>("LEAD_STAGE"),
        EnumLabels::of::<OpportunityKind>("OPPORTUNITY_KIND"),
        EnumLabels::of::<OpportunityStatus>("OPPORTUNITY_STATUS"),
        EnumLabels::of::<BriefLanguage>("BRIEF_LANGUAGE"),
        EnumLabels::of::<AudienceKind>("AUDIENCE_KIND"),
        EnumLabels::of::<BilingualLayout>("BILINGUAL_LAYOUT"),
        EnumLabels::of::<Paper>("PAPER"),
        EnumLabels::of::<BriefSection>("BRIEF_SECTION"),
        EnumLabels::of::<ImportFormat>("IMPORT_FORMAT"),
        EnumLabels::of::<Target>("IMPORT_TARGET"),
    ]
}
