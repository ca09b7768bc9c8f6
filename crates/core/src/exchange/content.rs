//! What a brief bundle carries besides its PDF, as the sender writes it and the receiver
//! checks it: `brief.json` (the request by names, not local ids, and the model) and
//! `opportunities.json` (the opportunities the brief shows, each with its pictures, and the
//! names of the sectors they are tagged with). Every received record passes the same
//! validators as a local one before anything is written.

use super::{refuse, Code};
use crate::briefs::BriefModel;
use crate::domain::{BriefLanguage, Opportunity};
use crate::error::Result;
use crate::store::Store;
use crate::validate::Validator;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub use planner_exchange::names::{BRIEF_JSON, BRIEF_PDF, OPPORTUNITIES_JSON};

/// Whom the brief was written for, by names (local ids mean nothing to another office).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SentRequest {
    /// `delegation`, `organization` or `sector`.
    pub audience: String,
    /// The delegation's title or the organisation's name.
    pub audience_name: Option<String>,
    pub sector: Option<String>,
    pub country: Option<String>,
    pub language: BriefLanguage,
    pub sections: Vec<String>,
    pub include_personal_data: bool,
}

/// `brief.json`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BriefJson {
    pub request: SentRequest,
    /// The model, its picture ids numbered from 1 in the bundle and its local opportunity ids
    /// left out.
    pub model: BriefModel,
    /// Picture id in the model → member path (`images/<sha256>.<ext>`).
    pub images: BTreeMap<i64, String>,
}

/// One picture of a sent opportunity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SentImage {
    pub path: String,
    pub caption: Option<String>,
}

/// One sent opportunity: the sender's uuid, its data (never its notes; its contact only with
/// personal data) and its pictures.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SentOpportunity {
    pub uuid: String,
    pub data: serde_json::Value,
    pub images: Vec<SentImage>,
}

/// A sector named in the bundle, for tags the receiver may not know.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SentSector {
    pub tag: String,
    pub name_vi: String,
    pub name_en: String,
}

/// `opportunities.json`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpportunitiesJson {
    pub opportunities: Vec<SentOpportunity>,
    pub sectors: Vec<SentSector>,
}

fn bad(detail: String) -> crate::CoreError {
    refuse(Code::InvalidContent, detail)
}

/// Checks what a trusted bundle says, as the store would check a local record: every text in
/// NFC, no unknown field, every field rule, every sector tag known here or named in the bundle,
/// no notes, a contact only when the manifest says personal data is included, every picture a
/// member of the bundle, and the model's pictures too.
pub fn check(
    store: &Store,
    brief: &BriefJson,
    list: &OpportunitiesJson,
    personal_data: bool,
    members: &BTreeMap<String, Vec<u8>>,
) -> Result<usize> {
    let book = store.sectors()?;
    for s in &list.sectors {
        let mut v = Validator::default();
        v.required("name_vi", &s.name_vi);
        v.required("name_en", &s.name_en);
        if let Some(e) = v.errors.first() {
            return Err(bad(format!(
                "sectors «{}».{}: {}",
                s.tag, e.field, e.message_en
            )));
        }
    }
    let mut seen: Vec<&str> = Vec::new();
    for (i, o) in list.opportunities.iter().enumerate() {
        let at = format!("opportunities[{i}]");
        if uuid::Uuid::parse_str(&o.uuid).is_err() || seen.contains(&o.uuid.as_str()) {
            return Err(bad(format!("{at}.uuid: not a uuid, or listed twice")));
        }
        let mut normal = o.data.clone();
        if crate::text::normalize_value(&mut normal) {
            return Err(bad(format!("{at}: a text is not in Unicode NFC")));
        }
        let data = crate::store::check_received::<Opportunity>(&o.data)
            .map_err(|e| bad(format!("{at}.{e}")))?;
        if data.notes.is_some() {
            return Err(bad(format!("{at}.notes: notes are never sent")));
        }
        if data.contact.is_some() && !personal_data {
            return Err(bad(format!(
                "{at}.contact: personal data the manifest says is left out"
            )));
        }
        for tag in &data.sectors {
            if !book.knows(tag) && !list.sectors.iter().any(|s| &s.tag == tag) {
                return Err(bad(format!(
                    "{at}.sectors: «{tag}» is neither known here nor named"
                )));
            }
        }
        for (j, img) in o.images.iter().enumerate() {
            if !members.contains_key(&img.path) || !img.path.starts_with("images/") {
                return Err(bad(format!(
                    "{at}.images[{j}]: «{}» is not a picture of the bundle",
                    img.path
                )));
            }
            if img.caption.as_deref().is_some_and(|c| {
                c.chars().count() > crate::validate::MAX_LINE || crate::text::nfc(c) != c
            }) {
                return Err(bad(format!("{at}.images[{j}].caption")));
            }
        }
        seen.push(&o.uuid);
    }
    for path in brief.images.values() {
        if !members.contains_key(path) || !path.starts_with("images/") {
            return Err(bad(format!(
                "brief.json images: «{path}» is not a picture of the bundle"
            )));
        }
    }
    let mut model = serde_json::to_value(&brief.model).unwrap_or_default();
    if crate::text::normalize_value(&mut model) {
        return Err(bad("brief.json model: a text is not in Unicode NFC".into()));
    }
    Ok(seen.len())
}

/// What the Inbox keeps of a received bundle's content: its two JSON members as received.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stored {
    pub brief: BriefJson,
    pub opportunities: OpportunitiesJson,
}

/// Reads the content a received row keeps (it passed every check when it was received).
pub fn stored(row: &crate::store::ReceivedRow) -> Result<Stored> {
    serde_json::from_str(&row.content)
        .map_err(|e| refuse(Code::MalformedContent, format!("stored content: {e}")))
}

/// The file under which a received member was kept: its SHA-256 and an extension from its
/// media type (never its name in the bundle).
pub fn kept_file(manifest: &planner_exchange::Manifest, path: &str) -> Option<String> {
    let m = manifest.members.iter().find(|m| m.path == path)?;
    let ext = match m.media_type.as_str() {
        "application/pdf" => "pdf",
        "image/png" => "png",
        "image/jpeg" => "jpg",
        _ => return None,
    };
    Some(format!("{}.{ext}", m.sha256))
}
