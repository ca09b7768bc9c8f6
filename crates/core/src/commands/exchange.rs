//! Exchange commands: the office profile and card, bundles sent and received, trusted offices,
//! and adopting received opportunities. Each is one call into `crate::exchange`.

use super::types::*;
use super::Session;
use crate::exchange;
use crate::Result;

/// Who trusts a key from the window: the local office's code, else "app".
const BY_APP: &str = "app";

pub fn office_view(s: &mut Session) -> Result<OfficeView> {
    exchange::office::view(&mut s.store)
}

pub fn save_office(s: &mut Session, profile: OfficeProfile) -> Result<OfficeView> {
    exchange::office::save(&mut s.store, profile)
}

/// Writes this office's card at `path` (the save dialog's), or in the store's `exchange/` folder.
pub fn export_office_card(s: &mut Session, path: Option<String>) -> Result<ExportedFile> {
    exchange::office::export_card(&mut s.store, path.map(Into::into))
}

pub fn exchange_export(
    s: &mut Session,
    brief_id: i64,
    personal_data: bool,
    sent_to: Option<String>,
    path: Option<String>,
) -> Result<SentBundle> {
    exchange::export::export_brief(
        &mut s.store,
        brief_id,
        personal_data,
        sent_to,
        path.map(Into::into),
    )
}

pub fn exchange_inspect(s: &mut Session, path: String) -> Result<Inspection> {
    exchange::import::inspect_file(&s.store, path.as_ref())
}

/// Imports the bundle at `path`; with `trust`, an unknown signer is trusted first (the window
/// asks only after showing the fingerprint).
pub fn exchange_import(s: &mut Session, path: String, trust: bool) -> Result<ImportOutcome> {
    exchange::import::import_file(&mut s.store, path.as_ref(), trust, BY_APP)
}

pub fn exchange_inbox(s: &mut Session) -> Result<Vec<ReceivedBrief>> {
    exchange::received::inbox(&s.store)
}

pub fn exchange_outbox(s: &mut Session) -> Result<Vec<SentBundle>> {
    exchange::export::outbox(&s.store)
}

pub fn received_detail(s: &mut Session, received_id: i64) -> Result<ReceivedDetail> {
    exchange::received::detail(&s.store, received_id)
}

/// Opens a received brief's PDF (kept under its hash) in the system's viewer.
pub fn open_received_pdf(s: &mut Session, received_id: i64) -> Result<()> {
    exchange::received::open_pdf(&s.store, received_id)
}

/// Renders a received brief here in `language` from its received model and pictures.
pub fn regenerate_received(
    s: &mut Session,
    received_id: i64,
    language: BriefLanguage,
    path: Option<String>,
) -> Result<ExportedFile> {
    exchange::received::regenerate(&s.store, received_id, language, path.map(Into::into))
}

pub fn adopt_preview(
    s: &mut Session,
    received_id: i64,
    opportunity_uuids: Option<Vec<String>>,
) -> Result<Vec<AdoptPlan>> {
    exchange::adopt::preview(&s.store, received_id, opportunity_uuids.as_deref())
}

pub fn adopt_received(
    s: &mut Session,
    received_id: i64,
    opportunity_uuids: Option<Vec<String>>,
    choices: Vec<FieldChoice>,
) -> Result<AdoptReport> {
    exchange::adopt::adopt(
        &mut s.store,
        received_id,
        opportunity_uuids.as_deref(),
        &choices,
    )
}

pub fn trusted_offices(s: &mut Session) -> Result<Vec<TrustedOffice>> {
    exchange::trust::list(&s.store)
}

pub fn inspect_office_card(s: &mut Session, path: String) -> Result<OfficeCardView> {
    exchange::trust::inspect_card_file(&s.store, path.as_ref())
}

/// Trusts a key by its fingerprint, read on the phone, or by an office card (whose
/// fingerprint must then be the one given).
pub fn trust_office(
    s: &mut Session,
    fingerprint: String,
    card_path: Option<String>,
    name: Option<String>,
) -> Result<TrustedOffice> {
    exchange::trust::trust(
        &mut s.store,
        &fingerprint,
        card_path.as_deref().map(std::path::Path::new),
        name,
        BY_APP,
    )
}

pub fn rename_office(s: &mut Session, key_id: i64, name: String) -> Result<TrustedOffice> {
    exchange::trust::rename(&mut s.store, key_id, &name)
}

pub fn revoke_office(s: &mut Session, key_id: i64) -> Result<TrustedOffice> {
    exchange::trust::revoke(&mut s.store, key_id, BY_APP)
}

/// The bundle path the app was started with (from the file manager), handed out once.
pub fn launch_bundle(s: &mut Session) -> Result<Option<String>> {
    Ok(s.launch_bundle.take())
}
