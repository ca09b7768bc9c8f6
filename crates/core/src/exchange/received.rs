//! The Inbox: received briefs (the current version of each, verified on receipt), one brief's
//! detail (its model, opportunities with their adopt state, members and history), its PDF as
//! received, and the brief rendered here in another language from the received model and
//! pictures (the model carries every text in both languages).

use super::content::{self, kept_file};
use super::views::{ReceivedBrief, ReceivedDetail, ReceivedImage, ReceivedOpportunity};
use super::{refuse, Code};
use crate::domain::{BriefLanguage, Opportunity};
use crate::files::ExportedFile;
use crate::store::exchange_files;
use crate::{Result, Store};
use planner_exchange::Manifest;
use std::path::PathBuf;

/// The current version of every received brief, newest first.
pub fn inbox(store: &Store) -> Result<Vec<ReceivedBrief>> {
    store.inbox()
}

fn manifest_of(row: &crate::store::ReceivedRow) -> Result<Manifest> {
    serde_json::from_str(&row.manifest).map_err(|e| refuse(Code::MalformedManifest, e.to_string()))
}

/// One received brief with its model, opportunities (and their adopt state), members and the
/// versions received before it.
pub fn detail(store: &Store, received_id: i64) -> Result<ReceivedDetail> {
    let row = store.received(received_id)?;
    let stored = content::stored(&row)?;
    let manifest = manifest_of(&row)?;
    let states = super::adopt::states(store, &row, &stored)?;
    let mut opportunities = Vec::new();
    for (sent, (_, state, local_id)) in stored.opportunities.opportunities.iter().zip(states) {
        let data: Opportunity = crate::store::check_received(&sent.data)?;
        let images = sent
            .images
            .iter()
            .map(|i| ReceivedImage {
                path: i.path.clone(),
                sha256: manifest
                    .members
                    .iter()
                    .find(|m| m.path == i.path)
                    .map(|m| m.sha256.clone())
                    .unwrap_or_default(),
                caption: i.caption.clone(),
            })
            .collect();
        opportunities.push(ReceivedOpportunity {
            uuid: sent.uuid.clone(),
            data,
            images,
            state,
            local_id,
        });
    }
    let history = store
        .received_history(&row.brief.fingerprint, &row.brief.brief_uuid)?
        .into_iter()
        .filter(|b| b.id != row.brief.id)
        .collect();
    Ok(ReceivedDetail {
        members: members_of(&manifest),
        model: stored.brief.model,
        opportunities,
        history,
        brief: row.brief,
    })
}

fn members_of(m: &Manifest) -> Vec<super::views::BundleMember> {
    m.members
        .iter()
        .map(|x| super::views::BundleMember {
            path: x.path.clone(),
            size: x.size as i64,
            sha256: x.sha256.clone(),
            media_type: x.media_type.clone(),
        })
        .collect()
}

/// The received PDF, kept under its hash, as a file on this desktop (a team store's is copied
/// to this desktop's data folder, see `exchange_files::received_file_path`).
pub fn pdf_path(store: &Store, received_id: i64) -> Result<PathBuf> {
    let row = store.received(received_id)?;
    exchange_files::received_file_path(store, received_id, &format!("{}.pdf", row.pdf_sha256))
}

/// Opens the received PDF in the system's viewer.
pub fn open_pdf(store: &Store, received_id: i64) -> Result<()> {
    crate::files::open_in_viewer(&pdf_path(store, received_id)?)
}

/// Renders the received brief in `language` from its received model and pictures, at
/// `chosen` (a `.pdf`) or in the store's `briefs/` folder.
pub fn regenerate(
    store: &Store,
    received_id: i64,
    language: BriefLanguage,
    chosen: Option<PathBuf>,
) -> Result<ExportedFile> {
    let row = store.received(received_id)?;
    let stored = content::stored(&row)?;
    let manifest = manifest_of(&row)?;
    let mut model = stored.brief.model;
    model.language = language;
    for (id, path) in &stored.brief.images {
        let file =
            kept_file(&manifest, path).ok_or_else(|| refuse(Code::MissingMember, path.clone()))?;
        let bytes = exchange_files::received_file_bytes(store, received_id, &file)?;
        model.images.insert(*id, bytes);
    }
    let bytes = crate::briefs::render_pdf(&model)?;
    let lang = serde_json::to_value(language).unwrap_or_default();
    let path = crate::files::output_or_default(store, chosen, &["pdf"], "briefs", || {
        Ok(crate::file_names::safe_file_name(
            &format!(
                "ban-tin-nhan-{}-{}-v{}",
                row.brief.office_code,
                lang.as_str().unwrap_or("vi"),
                row.brief.brief_version
            ),
            "pdf",
        ))
    })?;
    crate::files::write_atomically(&path, &bytes)
}
