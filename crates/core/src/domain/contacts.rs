//! Investor organisations, their people, every interaction with them, and the pipeline of leads.

use super::{Cascade, Entity, EntityKind, Labelled, Link};
use crate::validate::Validator;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What an organisation is to the agency.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OrganizationKind {
    #[default]
    Investor,
    Government,
    Association,
    Other,
}

/// Rough size of an organisation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OrganizationSize {
    #[default]
    Unknown,
    Small,
    Medium,
    Large,
    Multinational,
}

/// An investor organisation (nhà đầu tư, doanh nghiệp), or a partner body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Organization {
    pub kind: OrganizationKind,
    pub name_vi: String,
    pub name_en: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub city: Option<String>,
    pub sectors: Vec<String>,
    pub size: OrganizationSize,
    pub website: Option<String>,
    pub notes: Option<String>,
}

impl Entity for Organization {
    const KIND: EntityKind = EntityKind::Organizations;
    const TABLE: &'static str = "organizations";
    const TITLE_FIELD: &'static str = "name_vi";
    const SORT_KEYS: &'static [&'static str] = &["name_vi", "name_en"];
    /// An import creates the organisations its contacts name.
    const IMPORTED: bool = true;
    const SECTOR_FIELDS: &'static [&'static str] = &["sectors"];
    fn validate(&self, v: &mut Validator) {
        v.required("name_vi", &self.name_vi);
        v.opt_line("name_en", &self.name_en);
        v.country("country", &self.country);
        v.opt_line("city", &self.city);
        v.tags("sectors", &self.sectors);
        v.opt_line("website", &self.website);
        v.text("notes", &self.notes);
    }
}

/// The lawful basis on which we hold a person's data (Law 91/2025/QH15).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ConsentBasis {
    #[default]
    Unknown,
    Consent,
    Contract,
    LegalObligation,
    PublicInterest,
}

/// A person at an organisation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Contact {
    pub full_name: String,
    pub title: Option<String>,
    pub organization_id: Option<i64>,
    pub emails: Vec<Labelled>,
    pub phones: Vec<Labelled>,
    pub languages: Vec<String>,
    /// ISO 3166-1 alpha-2.
    pub nationality: Option<String>,
    pub notes: Option<String>,
    pub consent_basis: ConsentBasis,
    pub consent_date: Option<NaiveDate>,
    pub consent_source: Option<String>,
}

impl Entity for Contact {
    const KIND: EntityKind = EntityKind::Contacts;
    const TABLE: &'static str = "contacts";
    const REFS: &'static [(&'static str, EntityKind)] =
        &[("organization_id", EntityKind::Organizations)];
    const TITLE_FIELD: &'static str = "full_name";
    const SORT_KEYS: &'static [&'static str] = &["full_name"];
    /// Their delegation memberships (passport, visa, diet) go with them: the schema's `ON
    /// DELETE SET NULL` would leave each member with neither a contact nor a staff name.
    const CASCADE: &'static [Cascade] = &[Cascade::Delete {
        kind: EntityKind::Members,
        field: "contact_id",
    }];
    const PERSONAL: bool = true;
    const IMPORTED: bool = true;
    fn validate(&self, v: &mut Validator) {
        v.required("full_name", &self.full_name);
        v.opt_line("title", &self.title);
        v.labelled("emails", &self.emails, Validator::email);
        v.labelled("phones", &self.phones, Validator::phone);
        v.tags("languages", &self.languages);
        if let Some(n) = &self.nationality {
            v.country("nationality", n);
        }
        v.text("notes", &self.notes);
        v.opt_line("consent_source", &self.consent_source);
    }
}

/// How we were in touch with an investor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum InteractionKind {
    #[default]
    Meeting,
    Call,
    Email,
    SiteVisit,
    Event,
    Note,
}

/// One logged contact with an investor: a meeting, call, email, visit or event.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Interaction {
    pub occurred_at: DateTime<Utc>,
    pub kind: InteractionKind,
    pub summary: String,
    pub organization_id: Option<i64>,
    pub contact_ids: Vec<i64>,
    pub delegation_id: Option<i64>,
    pub itinerary_item_id: Option<i64>,
    pub notes: Option<String>,
}

impl Entity for Interaction {
    const KIND: EntityKind = EntityKind::Interactions;
    const TABLE: &'static str = "interactions";
    const REFS: &'static [(&'static str, EntityKind)] = &[
        ("organization_id", EntityKind::Organizations),
        ("delegation_id", EntityKind::Delegations),
        ("itinerary_item_id", EntityKind::ItineraryItems),
    ];
    const REFS_WITHIN: &'static [(&'static str, &'static str)] =
        &[("itinerary_item_id", "delegation_id")];
    const LINKS: &'static [Link] = &[Link {
        field: "contact_ids",
        table: "interaction_contacts",
        owner_column: "interaction_id",
        target_column: "contact_id",
        target: EntityKind::Contacts,
        same: None,
    }];
    const TITLE_FIELD: &'static str = "summary";
    const SHOWN_UNDER: &'static [&'static str] =
        &["organization_id", "contact_ids", "delegation_id"];
    fn validate(&self, v: &mut Validator) {
        v.required_instant("occurred_at", &self.occurred_at);
        v.required("summary", &self.summary);
        v.text("notes", &self.notes);
    }
}

/// Where a lead stands in the investment-promotion pipeline.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LeadStage {
    #[default]
    Lead,
    Contacted,
    Meeting,
    SiteVisit,
    Mou,
    Licensed,
    Aftercare,
    Lost,
}

impl LeadStage {
    /// Every stage in pipeline order.
    pub const ALL: [LeadStage; 8] = [
        LeadStage::Lead,
        LeadStage::Contacted,
        LeadStage::Meeting,
        LeadStage::SiteVisit,
        LeadStage::Mou,
        LeadStage::Licensed,
        LeadStage::Aftercare,
        LeadStage::Lost,
    ];
}

/// A prospective investment followed from first contact to a licensed project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Lead {
    pub organization_id: i64,
    pub title: String,
    pub stage: LeadStage,
    pub lost_reason: Option<String>,
    pub sectors: Vec<String>,
    /// Expected capital in minor units (cents) of `expected_capital_currency`.
    pub expected_capital_minor: Option<i64>,
    pub expected_capital_currency: String,
    pub jobs: Option<i64>,
    /// The officer who owns the lead.
    pub owner: Option<String>,
    pub next_action: Option<String>,
    pub due_at: Option<DateTime<Utc>>,
    pub notes: Option<String>,
}

impl Default for Lead {
    fn default() -> Self {
        Lead {
            organization_id: 0,
            title: String::new(),
            stage: LeadStage::Lead,
            lost_reason: None,
            sectors: Vec::new(),
            expected_capital_minor: None,
            expected_capital_currency: "USD".into(),
            jobs: None,
            owner: None,
            next_action: None,
            due_at: None,
            notes: None,
        }
    }
}

impl Entity for Lead {
    const KIND: EntityKind = EntityKind::Leads;
    const TABLE: &'static str = "leads";
    const REFS: &'static [(&'static str, EntityKind)] =
        &[("organization_id", EntityKind::Organizations)];
    const TITLE_FIELD: &'static str = "title";
    // A lead has a page of its own (the pipeline's lead page): no SHOWN_UNDER.
    const SECTOR_FIELDS: &'static [&'static str] = &["sectors"];
    fn validate(&self, v: &mut Validator) {
        v.required_ref("organization_id", self.organization_id);
        v.required("title", &self.title);
        v.tags("sectors", &self.sectors);
        v.currency("expected_capital_currency", &self.expected_capital_currency);
        v.non_negative(
            "expected_capital_minor",
            self.expected_capital_minor.map(|x| x as f64),
        );
        v.non_negative("jobs", self.jobs.map(|x| x as f64));
        v.opt_line("owner", &self.owner);
        v.opt_line("next_action", &self.next_action);
        v.text("notes", &self.notes);
        let no_reason = self
            .lost_reason
            .as_deref()
            .is_none_or(|r| r.trim().is_empty());
        if self.stage == LeadStage::Lost && no_reason {
            v.push(crate::validate::FieldError::new(
                "lost_reason",
                "required",
                format!(
                    "Cần nêu lý do khi chuyển sang «{}»",
                    crate::labels::Labelled::label(LeadStage::Lost).vi
                ),
                "A reason is required when a lead is lost",
            ));
        }
        v.text("lost_reason", &self.lost_reason);
    }
}
