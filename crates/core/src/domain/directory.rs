//! Vietnam's trade offices abroad (thương vụ) and their trade counsellors (tham tán thương mại).

use super::{Entity, EntityKind};
use crate::validate::Validator;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A trade office abroad (thương vụ), e.g. the Vietnam Trade Office in Tokyo.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Office {
    pub name_vi: String,
    pub name_en: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub city: String,
    /// IANA zone, e.g. `Asia/Tokyo`.
    pub time_zone: String,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub languages: Vec<String>,
    pub notes: Option<String>,
}

impl Entity for Office {
    const KIND: EntityKind = EntityKind::Offices;
    const TABLE: &'static str = "trade_offices";
    const TITLE_FIELD: &'static str = "name_vi";
    const SORT_KEYS: &'static [&'static str] = &["name_vi", "name_en"];
    fn validate(&self, v: &mut Validator) {
        v.required("name_vi", &self.name_vi);
        v.opt_line("name_en", &self.name_en);
        v.country("country", &self.country);
        v.required("city", &self.city);
        v.time_zone("time_zone", &self.time_zone);
        v.opt_line("address", &self.address);
        v.opt_phone("phone", &self.phone);
        v.opt_email("email", &self.email);
        v.tags("languages", &self.languages);
        v.text("notes", &self.notes);
    }
}

/// A trade counsellor or attaché working at a trade office.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Counsellor {
    pub office_id: i64,
    pub full_name: String,
    pub title: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub languages: Vec<String>,
    pub notes: Option<String>,
}

impl Entity for Counsellor {
    const KIND: EntityKind = EntityKind::Counsellors;
    const TABLE: &'static str = "counsellors";
    const REFS: &'static [(&'static str, EntityKind)] = &[("office_id", EntityKind::Offices)];
    const TITLE_FIELD: &'static str = "full_name";
    const SORT_KEYS: &'static [&'static str] = &["full_name"];
    fn validate(&self, v: &mut Validator) {
        v.required_ref("office_id", self.office_id);
        v.required("full_name", &self.full_name);
        v.opt_line("title", &self.title);
        v.opt_email("email", &self.email);
        v.opt_phone("phone", &self.phone);
        v.tags("languages", &self.languages);
        v.text("notes", &self.notes);
    }
}
