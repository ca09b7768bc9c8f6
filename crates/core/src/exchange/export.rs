//! Bundles sent: a recorded brief, composed again as it was generated (with personal data only
//! when the officer chooses it), made into a signed bundle with its model, opportunities and
//! pictures, written and recorded in the Outbox in one transaction.

use super::content::{
    BriefJson, OpportunitiesJson, SentImage, SentOpportunity, SentRequest, SentSector, BRIEF_JSON,
    BRIEF_PDF, OPPORTUNITIES_JSON,
};
use super::views::{OfficeProfile, SentBundle};
use super::{to_wire, SENT_FOLDER};
use crate::briefs::{self, Audience, BriefBlock};
use crate::domain::{Brief, BriefLanguage, Delegation, Opportunity, Organization};
use crate::error::Result;
use crate::store::{NewSentBundle, Record, Store};
use chrono::{DateTime, SubsecRound, Utc};
use planner_exchange::{BriefRef, OfficeKey, Outgoing, OutgoingMember};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The extension of a bundle file.
pub const BUNDLE_EXTENSION: &str = planner_exchange::BUNDLE_EXTENSION;

/// Names every brief uuid: a fixed namespace, so that the same audience and language give the
/// same uuid in every office and every version.
const BRIEF_NAMESPACE: &str = "delegation-planner brief v1";

/// What a bundle is made of, before signing.
pub struct Prepared {
    pub brief: BriefRef,
    pub personal_data: bool,
    pub members: Vec<OutgoingMember>,
}

/// The stable uuid of a brief across its versions: derived (as UUID v8 over SHA-256) from the
/// audience (its record's uuid, or sector and country) and the language.
pub fn brief_uuid(audience_key: &str, language: BriefLanguage) -> String {
    let lang = serde_json::to_value(language).unwrap_or_default();
    let digest = briefs::sha256_hex(
        format!(
            "{BRIEF_NAMESPACE}\n{audience_key}\n{}",
            lang.as_str().unwrap_or("")
        )
        .as_bytes(),
    );
    let mut b = [0u8; 16];
    for (i, byte) in b.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&digest[2 * i..2 * i + 2], 16).unwrap_or(0);
    }
    b[6] = (b[6] & 0x0f) | 0x80;
    b[8] = (b[8] & 0x3f) | 0x80;
    uuid::Uuid::from_bytes(b).to_string()
}

/// Composes brief `brief_id` as it was generated, with personal data only if `personal_data`,
/// and gathers the members of its bundle.
pub fn prepare(store: &Store, brief_id: i64, personal_data: bool) -> Result<Prepared> {
    let brief: Record<Brief> = store.get(brief_id)?;
    let mut req = briefs::request_of(&brief.data)?;
    req.include_personal_data = personal_data;
    let at: DateTime<Utc> = brief
        .data
        .generated_at
        .unwrap_or_else(|| Utc::now().trunc_subsecs(0));
    let model = briefs::compose_at(store, &req, brief.data.version, at)?;
    let pdf = briefs::render_pdf(&model)?;
    let (audience_key, sent_request) = describe(store, &req.audience, &brief.data)?;
    let sent_request = SentRequest {
        language: req.language,
        include_personal_data: personal_data,
        ..sent_request
    };
    let mut members = vec![OutgoingMember {
        path: BRIEF_PDF.into(),
        media_type: "application/pdf".into(),
        bytes: pdf,
    }];
    let mut pictures: BTreeMap<String, OutgoingMember> = BTreeMap::new();
    let mut picture = |mime: &str, bytes: Vec<u8>| -> String {
        let jpeg = mime == "image/jpeg";
        let path = planner_exchange::image_member_path(&bytes, jpeg);
        pictures.entry(path.clone()).or_insert(OutgoingMember {
            path: path.clone(),
            media_type: mime.into(),
            bytes,
        });
        path
    };
    // The model's pictures, renumbered from 1: local ids mean nothing elsewhere.
    let mut sent_model = model.clone();
    sent_model.opportunity_ids.clear();
    let mut image_paths = BTreeMap::new();
    let mut renumbered = BTreeMap::new();
    for block in &mut sent_model.blocks {
        if let BriefBlock::Image { image_id, .. } = block {
            let next = renumbered.len() as i64 + 1;
            let new_id = *renumbered.entry(*image_id).or_insert(next);
            if let Some(bytes) = model.images.get(image_id) {
                let (mime, _) = store.opportunity_image_bytes(*image_id)?;
                image_paths.insert(new_id, picture(&mime, bytes.clone()));
            }
            *image_id = new_id;
        }
    }
    let mut sent = Vec::new();
    let mut tags: Vec<String> = Vec::new();
    for id in &model.opportunity_ids {
        let o: Record<Opportunity> = store.get(*id)?;
        let mut data = o.data.clone();
        data.notes = None;
        if !personal_data {
            data.contact = None;
        }
        for t in &data.sectors {
            if !tags.contains(t) {
                tags.push(t.clone());
            }
        }
        let mut images = Vec::new();
        for img in store.opportunity_images(*id)? {
            let (mime, bytes) = store.opportunity_image_bytes(img.id)?;
            images.push(SentImage {
                path: picture(&mime, bytes),
                caption: img.caption,
            });
        }
        sent.push(SentOpportunity {
            uuid: o.meta.uuid.clone(),
            data: serde_json::to_value(&data).expect("opportunity serialises"),
            images,
        });
    }
    let book = store.sectors()?;
    let sectors = tags
        .iter()
        .map(|t| {
            let name = book.label(t);
            SentSector {
                tag: t.clone(),
                name_vi: name.vi.clone(),
                name_en: name.en.clone(),
            }
        })
        .collect();
    let brief_json = BriefJson {
        request: sent_request,
        model: sent_model,
        images: image_paths,
    };
    let list = OpportunitiesJson {
        opportunities: sent,
        sectors,
    };
    let json = |v: serde_json::Result<Vec<u8>>| v.expect("content serialises");
    members.push(OutgoingMember {
        path: BRIEF_JSON.into(),
        media_type: "application/json".into(),
        bytes: json(serde_json::to_vec(&brief_json)),
    });
    members.push(OutgoingMember {
        path: OPPORTUNITIES_JSON.into(),
        media_type: "application/json".into(),
        bytes: json(serde_json::to_vec(&list)),
    });
    members.extend(pictures.into_values());
    let language = serde_json::to_value(req.language).unwrap_or_default();
    Ok(Prepared {
        brief: BriefRef {
            uuid: brief_uuid(&audience_key, req.language),
            version: brief.data.version,
            title: brief.data.title.clone(),
            language: language.as_str().unwrap_or("vi").to_owned(),
        },
        personal_data,
        members,
    })
}

/// The audience as another office can read it, and the key its brief uuid is derived from.
fn describe(store: &Store, audience: &Audience, brief: &Brief) -> Result<(String, SentRequest)> {
    let base = SentRequest {
        audience: String::new(),
        audience_name: None,
        sector: None,
        country: None,
        language: brief.language,
        sections: brief.sections.clone(),
        include_personal_data: false,
    };
    Ok(match audience {
        Audience::Delegation { id } => {
            let d: Record<Delegation> = store.get(*id)?;
            (
                format!("delegation:{}", d.meta.uuid),
                SentRequest {
                    audience: "delegation".into(),
                    audience_name: Some(d.data.title),
                    ..base
                },
            )
        }
        Audience::Organization { id } => {
            let o: Record<Organization> = store.get(*id)?;
            (
                format!("organization:{}", o.meta.uuid),
                SentRequest {
                    audience: "organization".into(),
                    audience_name: Some(o.data.name_vi),
                    ..base
                },
            )
        }
        Audience::Sector { sector, country } => (
            format!("sector:{sector}:{}", country.as_deref().unwrap_or("")),
            SentRequest {
                audience: "sector".into(),
                sector: Some(sector.clone()),
                country: country.clone(),
                ..base
            },
        ),
    })
}

/// Signs the prepared members as `office` with `key`.
pub fn sign(
    key: &OfficeKey,
    office: &OfficeProfile,
    prepared: Prepared,
    bundle_uuid: String,
    created_at: String,
) -> Result<Vec<u8>> {
    Ok(planner_exchange::write_bundle(
        key,
        &Outgoing {
            bundle_uuid,
            brief: prepared.brief,
            created_at,
            office: to_wire(office),
            app_version: env!("CARGO_PKG_VERSION").into(),
            schema_version: crate::store::LATEST_VERSION,
            personal_data: prepared.personal_data,
            members: prepared.members,
        },
    )?)
}

/// Writes a signed bundle of brief `brief_id` at `chosen` (or in the store's `exchange/`
/// folder) and records it in the Outbox, in one transaction.
pub fn export_brief(
    store: &mut Store,
    brief_id: i64,
    personal_data: bool,
    sent_to: Option<String>,
    chosen: Option<PathBuf>,
) -> Result<SentBundle> {
    let key = super::office::signing_key(store)?;
    let office = super::office::profile(store)?;
    let prepared = prepare(store, brief_id, personal_data)?;
    let brief = prepared.brief.clone();
    let bundle_uuid = uuid::Uuid::new_v4().to_string();
    let bytes = sign(
        &key,
        &office,
        prepared,
        bundle_uuid.clone(),
        super::now_rfc3339(),
    )?;
    let path =
        crate::files::output_or_default(store, chosen, &[BUNDLE_EXTENSION], SENT_FOLDER, || {
            Ok(crate::file_names::safe_file_name(
                &format!("{}-{}-v{}", office.code, &brief.uuid[..8], brief.version),
                BUNDLE_EXTENSION,
            ))
        })?;
    let sent_to = sent_to
        .map(|s| crate::text::nfc(s.trim()))
        .filter(|s| !s.is_empty());
    let row = NewSentBundle {
        uuid: bundle_uuid,
        brief_id,
        brief_uuid: brief.uuid,
        brief_version: brief.version,
        title: brief.title,
        path: path.display().to_string(),
        bytes: bytes.len() as i64,
        sha256: briefs::sha256_hex(&bytes),
        personal_data,
        sent_to,
    };
    let id = store.transaction(|tx| {
        let id = tx.insert_sent_bundle(&row)?;
        crate::files::write_atomically(&path, &bytes)?;
        Ok(id)
    })?;
    store
        .sent_bundles()?
        .into_iter()
        .find(|b| b.id == id)
        .ok_or_else(|| crate::error::invalid("id", "not_found", "Không thấy", "Not found"))
}

/// The Outbox, newest first.
pub fn outbox(store: &Store) -> Result<Vec<SentBundle>> {
    store.sent_bundles()
}
