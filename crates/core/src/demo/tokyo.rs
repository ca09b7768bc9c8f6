//! The demo's second office, the trade office in Tokyo, and the brief it sent: a signed bundle
//! checked in as `assets/demo/tokyo-brief.dpbundle`, built by `tokyo_bundle` from
//! `assets/demo/tokyo-office.json` with the demo-only key beside it (a test fails when the
//! checked-in file is stale; `UPDATE_BINDINGS=1 cargo test -p planner-core bindings` rebuilds
//! it). Seeding the demo trusts Tokyo's key and imports the bundle through the real import path,
//! so a new user sees one verified brief in the Inbox.

use crate::briefs::BriefSection;
use crate::domain::{AudienceKind, BilingualLayout, Brief, BriefLanguage, EntityKind, Paper};
use crate::error::{invalid, Result};
use crate::exchange::views::OfficeProfile;
use crate::exchange::{export, import};
use crate::store::{NewTrustedKey, Store};
use planner_exchange::OfficeKey;
use serde_json::Value;

/// Tokyo's profile and what its brief holds.
pub const TOKYO_JSON: &str = include_str!("../../../../assets/demo/tokyo-office.json");
/// Tokyo's key: public, shipped for the demo only, never to sign anything real.
pub const TOKYO_DEMO_ONLY_KEY: &str =
    include_str!("../../../../assets/demo/tokyo-office.DEMO-ONLY.office-key");
/// The bundle Tokyo sent, as checked in.
pub const TOKYO_BUNDLE: &[u8] = include_bytes!("../../../../assets/demo/tokyo-brief.dpbundle");
/// The checked-in bundle's path, relative to the repository.
pub const TOKYO_BUNDLE_PATH: &str = "assets/demo/tokyo-brief.dpbundle";

fn tokyo() -> Result<Value> {
    serde_json::from_str(TOKYO_JSON)
        .map_err(|e| invalid("tokyo-office.json", "corrupt", e.to_string(), e.to_string()))
}

fn profile(t: &Value) -> Result<OfficeProfile> {
    serde_json::from_value(t["profile"].clone())
        .map_err(|e| invalid("tokyo-office.json", "corrupt", e.to_string(), e.to_string()))
}

fn key() -> Result<OfficeKey> {
    Ok(OfficeKey::from_file_text(TOKYO_DEMO_ONLY_KEY)?)
}

/// Builds Tokyo's bundle from its JSON and key: the same bytes every time.
pub fn tokyo_bundle() -> Result<Vec<u8>> {
    let t = tokyo()?;
    let mut store = Store::open_in_memory()?;
    let mut ids = Vec::new();
    for o in t["opportunities"].as_array().into_iter().flatten() {
        ids.push(
            store.create_json(EntityKind::Opportunities, o.clone())?["id"]
                .as_i64()
                .unwrap_or_default(),
        );
    }
    if let Some(first) = ids.first() {
        store.add_opportunity_image(
            *first,
            &super::synthetic_picture(480, 270, 0),
            Some("Cảng Lạch Huyện"),
        )?;
    }
    let b = &t["brief"];
    let text = |v: &Value| v.as_str().unwrap_or_default().to_owned();
    let at = chrono::DateTime::parse_from_rfc3339(b["generated_at"].as_str().unwrap_or_default())
        .map_err(|e| {
            invalid(
                "brief.generated_at",
                "corrupt",
                e.to_string(),
                e.to_string(),
            )
        })?
        .to_utc();
    let brief = store.create(&Brief {
        title: text(&b["title"]),
        language: BriefLanguage::Bi,
        audience_kind: AudienceKind::Sector,
        sector: Some(text(&b["sector"])),
        country: Some(text(&b["country"])),
        opportunity_ids: ids,
        sections: [
            BriefSection::Cover,
            BriefSection::Summary,
            BriefSection::OpportunityTable,
            BriefSection::OpportunityPages,
            BriefSection::Incentives,
            BriefSection::HowToInvest,
        ]
        .iter()
        .map(|s| {
            serde_json::to_value(s)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default()
        })
        .collect(),
        include_personal_data: false,
        version: b["version"].as_i64().unwrap_or(1),
        generated_at: Some(at),
        layout: BilingualLayout::SideBySide,
        paper: Paper::A4,
        ..Default::default()
    })?;
    let prepared = export::prepare(&store, brief.meta.id, false)?;
    export::sign(
        &key()?,
        &profile(&t)?,
        prepared,
        text(&t["bundle_uuid"]),
        text(&t["created_at"]),
    )
}

/// Trusts Tokyo's key (as an officer would, after comparing its fingerprint) and imports its
/// bundle through the real path. Not for a store in memory (its received files would have no
/// folder); a store file keeps them beside it, a team store in its database.
pub fn receive_tokyo_brief(store: &mut Store) -> Result<()> {
    if store.path().is_none() && store.backend() == crate::store::Backend::Sqlite {
        return Ok(());
    }
    let t = tokyo()?;
    let public = key()?.public();
    if store.trusted_key(public.fingerprint().as_str())?.is_none() {
        store.insert_trusted_key(&NewTrustedKey {
            fingerprint: public.fingerprint().as_str().to_owned(),
            public_key: Some(public.to_base64()),
            office: Some(profile(&t)?),
            local_name: None,
            trusted_by: "demo".into(),
        })?;
    }
    import::import_bytes(store, TOKYO_BUNDLE, false, "demo")?;
    Ok(())
}
