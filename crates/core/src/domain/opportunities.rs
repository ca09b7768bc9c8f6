//! Investment opportunities (cơ hội đầu tư) and the briefs generated about them.

use super::{Entity, EntityKind, Link};
use crate::validate::{FieldError, Validator};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What kind of place or project an opportunity is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OpportunityKind {
    HitechZone,
    IndustrialCluster,
    IndustrialZone,
    LogisticsCentre,
    WholesaleMarket,
    #[default]
    FdiProject,
}

/// Whether an opportunity is open to investors.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OpportunityStatus {
    #[default]
    Open,
    Preparing,
    Operating,
    Closed,
}

/// One sourced figure about an opportunity, as a brief prints it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct KeyFigure {
    pub label_vi: String,
    pub label_en: String,
    pub value: String,
    pub source: String,
    pub source_date: Option<NaiveDate>,
}

/// An investment opportunity: a zone, cluster, logistics centre, market or project.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Opportunity {
    pub kind: OpportunityKind,
    pub name_vi: String,
    pub name_en: Option<String>,
    pub summary_vi: Option<String>,
    pub summary_en: Option<String>,
    pub location: String,
    pub area_ha: Option<f64>,
    pub sectors: Vec<String>,
    pub status: OpportunityStatus,
    /// Indicative land rent range in minor units of `land_rent_currency`, per `land_rent_unit`.
    pub land_rent_min_minor: Option<i64>,
    pub land_rent_max_minor: Option<i64>,
    pub land_rent_currency: Option<String>,
    pub land_rent_unit: Option<String>,
    pub incentives_vi: Option<String>,
    pub incentives_en: Option<String>,
    pub infrastructure: Option<String>,
    pub contact: Option<String>,
    pub key_figures: Vec<KeyFigure>,
    /// Where the figures come from, and as of when.
    pub source: String,
    pub source_date: Option<NaiveDate>,
    pub notes: Option<String>,
}

impl Entity for Opportunity {
    const KIND: EntityKind = EntityKind::Opportunities;
    const TABLE: &'static str = "opportunities";
    const TITLE_FIELD: &'static str = "name_vi";
    const SORT_KEYS: &'static [&'static str] = &["name_vi", "name_en"];
    const SECTOR_FIELDS: &'static [&'static str] = &["sectors"];
    fn validate(&self, v: &mut Validator) {
        v.required("name_vi", &self.name_vi);
        v.opt_line("name_en", &self.name_en);
        v.text("summary_vi", &self.summary_vi);
        v.text("summary_en", &self.summary_en);
        v.required("location", &self.location);
        v.non_negative("area_ha", self.area_ha);
        v.tags("sectors", &self.sectors);
        v.non_negative(
            "land_rent_min_minor",
            self.land_rent_min_minor.map(|x| x as f64),
        );
        v.non_negative(
            "land_rent_max_minor",
            self.land_rent_max_minor.map(|x| x as f64),
        );
        if let (Some(lo), Some(hi)) = (self.land_rent_min_minor, self.land_rent_max_minor) {
            if hi < lo {
                v.push(FieldError::new(
                    "land_rent_max_minor",
                    "max_below_min",
                    "Giá thuê tối đa nhỏ hơn giá tối thiểu",
                    "Maximum rent is below the minimum",
                ));
            }
        }
        let has_rent = self.land_rent_min_minor.is_some() || self.land_rent_max_minor.is_some();
        match &self.land_rent_currency {
            Some(c) => v.currency("land_rent_currency", c),
            None if has_rent => v.push(FieldError::new(
                "land_rent_currency",
                "required",
                "Cần chọn loại tiền cho giá thuê đất",
                "Land rent needs a currency",
            )),
            None => {}
        }
        v.opt_line("land_rent_unit", &self.land_rent_unit);
        v.text("incentives_vi", &self.incentives_vi);
        v.text("incentives_en", &self.incentives_en);
        v.text("infrastructure", &self.infrastructure);
        v.opt_line("contact", &self.contact);
        for (i, f) in self.key_figures.iter().enumerate() {
            v.required(&format!("key_figures[{i}].label_vi"), &f.label_vi);
            v.line(&format!("key_figures[{i}].label_en"), &f.label_en);
            v.required(&format!("key_figures[{i}].value"), &f.value);
            v.required(&format!("key_figures[{i}].source"), &f.source);
        }
        v.required("source", &self.source);
        v.text("notes", &self.notes);
    }
}

/// The language a brief is written in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BriefLanguage {
    #[default]
    Vi,
    En,
    /// Bilingual: Vietnamese and English.
    Bi,
}

/// How a bilingual brief places the two languages.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BilingualLayout {
    /// Vietnamese and English in two columns.
    #[default]
    SideBySide,
    /// The whole brief in Vietnamese, then in English.
    Sequential,
}

/// Paper size of a printed document.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

/// Whom a brief is written for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AudienceKind {
    #[default]
    Delegation,
    Organization,
    Sector,
}

/// An investment brief: its inputs and, once generated, its file's version and hash.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Brief {
    pub title: String,
    pub language: BriefLanguage,
    pub audience_kind: AudienceKind,
    pub delegation_id: Option<i64>,
    pub organization_id: Option<i64>,
    pub sector: Option<String>,
    /// ISO 3166-1 alpha-2, with a sector audience.
    pub country: Option<String>,
    pub opportunity_ids: Vec<i64>,
    pub sections: Vec<String>,
    pub include_personal_data: bool,
    pub version: i64,
    pub file_name: Option<String>,
    /// Lower-case hex SHA-256 of the generated file.
    pub file_sha256: Option<String>,
    pub generated_at: Option<DateTime<Utc>>,
    pub notes: Option<String>,
    pub layout: BilingualLayout,
    pub paper: Paper,
}

impl Entity for Brief {
    const KIND: EntityKind = EntityKind::Briefs;
    const TABLE: &'static str = "briefs";
    const REFS: &'static [(&'static str, EntityKind)] = &[
        ("delegation_id", EntityKind::Delegations),
        ("organization_id", EntityKind::Organizations),
    ];
    const LINKS: &'static [Link] = &[Link {
        field: "opportunity_ids",
        table: "brief_opportunities",
        owner_column: "brief_id",
        target_column: "opportunity_id",
        target: EntityKind::Opportunities,
        same: None,
    }];
    const TITLE_FIELD: &'static str = "title";
    const SECTOR_FIELDS: &'static [&'static str] = &["sector"];
    fn validate(&self, v: &mut Validator) {
        v.required("title", &self.title);
        let missing = |field: &str| {
            FieldError::new(
                field,
                "required",
                "Cần chọn đối tượng của bản tin",
                "The brief's audience must be chosen",
            )
        };
        match self.audience_kind {
            AudienceKind::Delegation if self.delegation_id.is_none() => {
                v.push(missing("delegation_id"))
            }
            AudienceKind::Organization if self.organization_id.is_none() => {
                v.push(missing("organization_id"))
            }
            AudienceKind::Sector if self.sector.as_deref().is_none_or(str::is_empty) => {
                v.push(missing("sector"))
            }
            _ => {}
        }
        if let Some(c) = &self.country {
            v.country("country", c);
        }
        v.tags("sections", &self.sections);
        if self.version < 0 {
            v.non_negative("version", Some(self.version as f64));
        }
        if let Some(h) = &self.file_sha256 {
            if h.len() != 64 || !h.chars().all(|c| c.is_ascii_hexdigit()) {
                v.push(FieldError::new(
                    "file_sha256",
                    "invalid_hash",
                    "Mã băm SHA-256 phải gồm 64 ký tự hex",
                    "A SHA-256 hash is 64 hex characters",
                ));
            }
        }
        v.opt_line("file_name", &self.file_name);
        v.text("notes", &self.notes);
    }
}
