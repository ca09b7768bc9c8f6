//! What the exchange commands answer with: the office profile, bundles sent and received,
//! inspections, trusted offices and adoption plans. Plain serde types with their TypeScript
//! bindings; the rules that fill them live in the sibling modules.

use crate::briefs::BriefModel;
use crate::domain::{BriefLanguage, Opportunity};
use crate::error::ErrorPayload;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

/// This installation's office as other offices see it: no personal data.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct OfficeProfile {
    pub name_vi: String,
    pub name_en: String,
    /// A short code, upper-case letters, digits and dashes (e.g. `ITPC-HN`).
    pub code: String,
    pub city: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// The office's shared mailbox (never a person's).
    pub email: Option<String>,
}

/// The office profile, its key's fingerprint and where the private key lives.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct OfficeView {
    pub profile: Option<OfficeProfile>,
    /// The fingerprint in groups of four, to read aloud (None until the key is made).
    pub fingerprint: Option<String>,
    /// Where the private key is kept (None for a store in memory, which keeps none).
    pub key_place: Option<OfficeKeyPlace>,
    /// Whether the key pair exists (it is made on first use).
    pub has_key: bool,
}

/// Where a store keeps the office's private key: a fact, which the window and the CLI each put
/// in their own words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum OfficeKeyPlace {
    /// A file beside the store file, readable by this user only.
    File { path: String },
    /// The team database (its `office_private_key` table), which only managers may read.
    TeamDatabase,
}

/// A bundle written for another office (the Outbox).
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct SentBundle {
    pub id: i64,
    pub uuid: String,
    /// The local brief it was made from (None once that brief is deleted).
    pub brief_id: Option<i64>,
    pub brief_uuid: String,
    pub brief_version: i64,
    pub title: String,
    pub path: String,
    pub bytes: i64,
    pub sha256: String,
    pub personal_data: bool,
    pub sent_to: Option<String>,
    pub created_at: String,
}

/// How the store stands towards a signer's key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TrustState {
    /// The key is on the trusted list.
    Trusted,
    /// Never seen: the officer may trust it after comparing the fingerprint.
    Unknown,
    /// The office is known under another key: refused, whatever the officer says.
    KeyChanged,
    /// The key was trusted, then revoked.
    Revoked,
}

/// What an import did (or, in an inspection, would do).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportStatus {
    /// A brief not received before.
    Imported,
    /// A newer version of a received brief; the older one stays in its history.
    Updated,
    /// This very bundle was received before: nothing changed.
    AlreadyReceived,
}

/// One file inside a bundle, as its manifest lists it.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct BundleMember {
    pub path: String,
    pub size: i64,
    pub sha256: String,
    pub media_type: String,
}

/// Who signed a bundle or a card, and how the store stands towards them.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct Signer {
    pub office: OfficeProfile,
    /// 32 lower-case hex digits.
    pub fingerprint: String,
    /// The same in groups of four, to compare on the phone.
    pub fingerprint_grouped: String,
    pub trust: TrustState,
    /// The trusted-list row of this key, when there is one.
    pub key_id: Option<i64>,
    /// The name the officer gave this office here.
    pub local_name: Option<String>,
}

/// A received file checked without writing anything: who signed it, what it holds, and what an
/// import would do.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct Inspection {
    pub bundle_uuid: String,
    pub bundle_sha256: String,
    pub bytes: i64,
    pub signer: Signer,
    pub brief_uuid: String,
    pub brief_version: i64,
    pub title: String,
    pub language: BriefLanguage,
    pub created_at: String,
    pub personal_data: bool,
    pub app_version: String,
    pub members: Vec<BundleMember>,
    /// How many opportunities it carries (None while the signer is not trusted: content is
    /// read only from trusted signers).
    pub opportunities: Option<i64>,
    /// What an import would do, when it would succeed (trusting the signer first if unknown).
    pub would: Option<ImportStatus>,
    /// Why an import would be refused (for an unknown signer: `untrusted_signer`, lifted by
    /// trusting it).
    pub refusal: Option<ErrorPayload>,
}

/// What an import did.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ImportOutcome {
    pub status: ImportStatus,
    pub received_id: i64,
    pub title: String,
    pub brief_version: i64,
    pub signer: Signer,
    /// Whether this import added the signer to the trusted list.
    pub trusted_now: bool,
}

/// A received brief (a row of the Inbox).
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ReceivedBrief {
    pub id: i64,
    pub uuid: String,
    pub key_id: i64,
    pub fingerprint: String,
    pub fingerprint_grouped: String,
    pub office_code: String,
    pub office_name_vi: String,
    pub office_name_en: String,
    /// The officer's own name for the sending office, if given.
    pub local_name: Option<String>,
    pub brief_uuid: String,
    pub brief_version: i64,
    pub title: String,
    pub language: BriefLanguage,
    pub sent_at: String,
    pub received_at: String,
    pub personal_data: bool,
    pub bundle_sha256: String,
    /// Signature, signer and every byte were checked on receipt, and the key is not revoked since.
    pub verified: bool,
    /// The newer version that replaced this one (None for the current one).
    pub superseded_by: Option<i64>,
}

/// How a received opportunity stands towards the local catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AdoptState {
    /// Not in the catalogue: adopting creates it.
    New,
    /// Adopted, and nothing newer to take.
    UpToDate,
    /// Adopted from an older version and not edited here: adopting updates it.
    Update,
    /// Adopted from an older version and edited here since: the officer chooses field by field.
    Conflict,
}

/// A picture of a received opportunity.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ReceivedImage {
    pub path: String,
    pub sha256: String,
    pub caption: Option<String>,
}

/// A received opportunity and its adoption.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ReceivedOpportunity {
    /// The sender's uuid of the opportunity.
    pub uuid: String,
    pub data: Opportunity,
    pub images: Vec<ReceivedImage>,
    pub state: AdoptState,
    /// The local record it was adopted as.
    pub local_id: Option<i64>,
}

/// Everything about one received brief.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ReceivedDetail {
    pub brief: ReceivedBrief,
    /// The received brief's model (for a preview).
    pub model: BriefModel,
    pub opportunities: Vec<ReceivedOpportunity>,
    pub members: Vec<BundleMember>,
    /// The versions received before this one, newest first.
    pub history: Vec<ReceivedBrief>,
}

/// One field that differs between the local record and the received one.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct FieldDiff {
    pub field: String,
    /// The value as last adopted.
    pub base: Value,
    /// The value here now.
    pub mine: Value,
    /// The value in the received version.
    pub theirs: Value,
}

/// What adopting one received opportunity would do.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct AdoptPlan {
    pub uuid: String,
    pub name_vi: String,
    pub state: AdoptState,
    pub local_id: Option<i64>,
    /// For `conflict`: the fields where both sides changed (each needs a choice) and where
    /// only theirs changed (taken unless chosen otherwise).
    pub diffs: Vec<FieldDiff>,
}

/// Which side to keep for one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Mine,
    Theirs,
}

/// The officer's choice for one field of one conflicting opportunity.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct FieldChoice {
    pub uuid: String,
    pub field: String,
    pub take: Side,
}

/// What adopting did.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct AdoptReport {
    /// Local ids of the opportunities created.
    pub created: Vec<i64>,
    /// Local ids of the opportunities updated.
    pub updated: Vec<i64>,
    /// How many were already up to date.
    pub unchanged: i64,
    /// Sector tags added from the bundle's sector names.
    pub sectors_added: Vec<String>,
}

/// An office on the trusted list.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct TrustedOffice {
    pub id: i64,
    pub uuid: String,
    pub fingerprint: String,
    pub fingerprint_grouped: String,
    /// Whether the public key itself is known (trusting by fingerprint learns it from the first
    /// bundle).
    pub has_key: bool,
    pub office_code: Option<String>,
    pub name_vi: Option<String>,
    pub name_en: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub email: Option<String>,
    pub local_name: Option<String>,
    pub trusted_at: String,
    pub trusted_by: String,
    pub revoked_at: Option<String>,
    pub revoked_by: Option<String>,
    /// How many briefs were received under this key.
    pub received: i64,
}

/// A received office card, checked.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct OfficeCardView {
    pub signer: Signer,
    pub created_at: String,
}
