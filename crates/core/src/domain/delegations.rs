//! Promotion delegations (đoàn xúc tiến), their members and their itineraries.

use super::{Cascade, Entity, EntityKind, Link};
use crate::validate::{FieldError, Validator};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Outbound mission abroad or inbound investor visit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DelegationKind {
    #[default]
    Outbound,
    Inbound,
}

/// Where a delegation stands in its approval workflow.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DelegationStatus {
    #[default]
    Draft,
    Proposed,
    Approved,
    Confirmed,
    Completed,
    Reported,
    Cancelled,
}

/// A promotion delegation: an outbound mission or an inbound visit.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Delegation {
    pub kind: DelegationKind,
    pub title: String,
    pub purpose: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub destination_country: String,
    pub destination_city: Option<String>,
    /// IANA zone of the destination; the itinerary is entered in it by default.
    pub time_zone: String,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub status: DelegationStatus,
    pub lead_officer: Option<String>,
    pub counsellor_id: Option<i64>,
    /// Budget in minor units of `budget_currency`.
    pub budget_minor: Option<i64>,
    pub budget_currency: Option<String>,
    pub sectors: Vec<String>,
    pub approved_by: Option<String>,
    pub approved_at: Option<DateTime<Utc>>,
    pub notes: Option<String>,
}

impl Entity for Delegation {
    const KIND: EntityKind = EntityKind::Delegations;
    const TABLE: &'static str = "delegations";
    const REFS: &'static [(&'static str, EntityKind)] =
        &[("counsellor_id", EntityKind::Counsellors)];
    const TITLE_FIELD: &'static str = "title";
    const SORT_KEYS: &'static [&'static str] = &["title"];
    const PROTECTED: &'static [&'static str] = &["status", "approved_by", "approved_at"];
    /// Its programme and its members go with it (the schema would cascade them silently).
    const CASCADE: &'static [Cascade] = &[
        Cascade::Delete {
            kind: EntityKind::ItineraryItems,
            field: "delegation_id",
        },
        Cascade::Delete {
            kind: EntityKind::Members,
            field: "delegation_id",
        },
    ];
    const SECTOR_FIELDS: &'static [&'static str] = &["sectors"];
    fn validate(&self, v: &mut Validator) {
        v.required("title", &self.title);
        v.text("purpose", &self.purpose);
        v.country("destination_country", &self.destination_country);
        v.opt_line("destination_city", &self.destination_city);
        v.time_zone("time_zone", &self.time_zone);
        v.date_order("end_date", self.start_date, self.end_date);
        v.opt_line("lead_officer", &self.lead_officer);
        v.non_negative("budget_minor", self.budget_minor.map(|x| x as f64));
        match (&self.budget_minor, &self.budget_currency) {
            (_, Some(c)) => v.currency("budget_currency", c),
            (Some(_), None) => v.push(FieldError::new(
                "budget_currency",
                "required",
                "Cần chọn loại tiền cho ngân sách",
                "A budget needs a currency",
            )),
            (None, None) => {}
        }
        v.tags("sectors", &self.sectors);
        v.opt_line("approved_by", &self.approved_by);
        v.text("notes", &self.notes);
    }
}

/// The part a member plays in a delegation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MemberRole {
    Head,
    #[default]
    Member,
    Interpreter,
    Counsellor,
    Liaison,
    Security,
}

/// Where a member's visa stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum VisaStatus {
    NotRequired,
    #[default]
    Pending,
    Issued,
    Refused,
}

/// A person on a delegation: a contact from the book, or a staff member named directly.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Member {
    pub delegation_id: i64,
    pub contact_id: Option<i64>,
    pub staff_name: Option<String>,
    pub role: MemberRole,
    pub passport_number: Option<String>,
    pub passport_expiry: Option<NaiveDate>,
    pub visa_status: VisaStatus,
    pub dietary_notes: Option<String>,
    pub protocol_notes: Option<String>,
}

impl Entity for Member {
    const KIND: EntityKind = EntityKind::Members;
    const TABLE: &'static str = "delegation_members";
    const REFS: &'static [(&'static str, EntityKind)] = &[
        ("delegation_id", EntityKind::Delegations),
        ("contact_id", EntityKind::Contacts),
    ];
    const TITLE_FIELD: &'static str = "staff_name";
    /// A member leaves the attendee lists of its delegation's items.
    const CASCADE: &'static [Cascade] = &[Cascade::Unlink {
        kind: EntityKind::ItineraryItems,
        field: "attendee_ids",
    }];
    /// Passport, visa and diet.
    const PERSONAL: bool = true;
    fn validate(&self, v: &mut Validator) {
        v.required_ref("delegation_id", self.delegation_id);
        let staff = self
            .staff_name
            .as_deref()
            .is_some_and(|s| !s.trim().is_empty());
        if self.contact_id.is_some() == staff {
            v.push(FieldError::new(
                "contact_id",
                "contact_or_staff",
                "Chọn một người liên hệ hoặc nhập tên cán bộ (chỉ một trong hai)",
                "Choose a contact or enter a staff name (exactly one of the two)",
            ));
        }
        v.opt_line("staff_name", &self.staff_name);
        v.opt_line("passport_number", &self.passport_number);
        v.text("dietary_notes", &self.dietary_notes);
        v.text("protocol_notes", &self.protocol_notes);
    }
}

/// What an itinerary item is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ItineraryKind {
    #[default]
    Meeting,
    SiteVisit,
    Conference,
    Travel,
    Meal,
    Free,
}

/// One entry of a delegation's programme, kept as UTC instants plus the zone it was entered in.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ItineraryItem {
    pub delegation_id: i64,
    pub kind: ItineraryKind,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// IANA zone the start was entered in (the departure zone of a travel leg).
    pub time_zone: String,
    /// IANA zone of the end, when it differs (the arrival zone of a travel leg).
    pub end_time_zone: Option<String>,
    pub venue: Option<String>,
    pub address: Option<String>,
    pub organization_id: Option<i64>,
    pub counsellor_id: Option<i64>,
    pub contact_ids: Vec<i64>,
    /// Delegation members attending (ids of `Member`).
    pub attendee_ids: Vec<i64>,
    pub notes: Option<String>,
    /// The local start the officer typed, kept when a clock change did not let the start or the
    /// end be taken as typed (it did not exist, or occurred twice: `time::place_local`).
    pub entered_start: Option<NaiveDateTime>,
    /// The local end the officer typed, kept with `entered_start`.
    pub entered_end: Option<NaiveDateTime>,
}

impl Entity for ItineraryItem {
    const KIND: EntityKind = EntityKind::ItineraryItems;
    const TABLE: &'static str = "itinerary_items";
    const REFS: &'static [(&'static str, EntityKind)] = &[
        ("delegation_id", EntityKind::Delegations),
        ("organization_id", EntityKind::Organizations),
        ("counsellor_id", EntityKind::Counsellors),
    ];
    const LINKS: &'static [Link] = &[
        Link {
            field: "contact_ids",
            table: "itinerary_item_contacts",
            owner_column: "item_id",
            target_column: "contact_id",
            target: EntityKind::Contacts,
            same: None,
        },
        Link {
            field: "attendee_ids",
            table: "itinerary_item_attendees",
            owner_column: "item_id",
            target_column: "member_id",
            target: EntityKind::Members,
            same: Some("delegation_id"),
        },
    ];
    const TITLE_FIELD: &'static str = "title";
    const SHOWN_UNDER: &'static [&'static str] = &["delegation_id"];
    fn validate(&self, v: &mut Validator) {
        v.required_ref("delegation_id", self.delegation_id);
        v.required("title", &self.title);
        v.required_instant("starts_at", &self.starts_at);
        v.required_instant("ends_at", &self.ends_at);
        v.instant_order("ends_at", &self.starts_at, &self.ends_at);
        v.time_zone("time_zone", &self.time_zone);
        if let Some(z) = &self.end_time_zone {
            v.time_zone("end_time_zone", z);
        }
        v.opt_line("venue", &self.venue);
        v.opt_line("address", &self.address);
        v.text("notes", &self.notes);
    }
}
