//! Exchange between offices: this office's identity (`office`: profile and key pair), signed
//! brief bundles sent (`export`) and received (`import`: every check in the order before
//! anything is written), the trusted offices (`trust`), the Inbox (`received`) and adopting
//! received opportunities (`adopt`). The bundle format itself is the `planner-exchange` crate;
//! the SQL is in `store/exchange.rs` and `store/received.rs`, and where the office key and the
//! received files are kept (beside a store file, or in a team store's database) is
//! `store/exchange_files.rs`.

pub mod adopt;
mod content;
pub(crate) use content::kept_file;
pub mod export;
pub mod import;
pub mod office;
pub mod received;
pub mod trust;
pub mod views;

/// The bundle format (keys, manifest, reader, writer), for tools that build bundles by hand.
pub use planner_exchange as format;
pub use planner_exchange::{BundleError, Code};

use crate::error::CoreError;
use crate::Store;
use std::path::PathBuf;

/// A refusal with its exchange code and what it concerns.
pub(crate) fn refuse(code: Code, detail: impl Into<String>) -> CoreError {
    CoreError::Exchange(BundleError::new(code, detail))
}

/// A stored fingerprint (32 hex) in groups of four, as people read it.
pub fn grouped(fingerprint: &str) -> String {
    planner_exchange::Fingerprint::parse(fingerprint)
        .map(|f| f.grouped())
        .unwrap_or_else(|_| fingerprint.to_owned())
}

/// Where a store file keeps received PDFs and pictures, each under its SHA-256 (never a name
/// from a file); where a team store's are copied to be opened on this desktop
/// (`store::exchange_files`).
pub fn received_dir(store: &Store) -> PathBuf {
    crate::files::documents_dir(store, "received")
}

/// Where bundles and office cards are written when no path is chosen.
pub(crate) const SENT_FOLDER: &str = "exchange";

/// How the local office names itself as the one who trusted or revoked a key: its code, or
/// `fallback` ("app", "cli") before a profile is set.
pub(crate) fn acting_office(store: &Store, fallback: &str) -> crate::Result<String> {
    if fallback != "app" {
        return Ok(fallback.to_owned());
    }
    Ok(store
        .office()?
        .map(|o| o.profile.code)
        .unwrap_or_else(|| fallback.to_owned()))
}

/// The crate's profile type from the core's (the same fields).
pub(crate) fn to_wire(p: &views::OfficeProfile) -> planner_exchange::OfficeProfile {
    planner_exchange::OfficeProfile {
        name_vi: p.name_vi.clone(),
        name_en: p.name_en.clone(),
        code: p.code.clone(),
        city: p.city.clone(),
        country: p.country.clone(),
        email: p.email.clone(),
    }
}

/// The core's profile type from the crate's.
pub(crate) fn from_wire(p: &planner_exchange::OfficeProfile) -> views::OfficeProfile {
    views::OfficeProfile {
        name_vi: p.name_vi.clone(),
        name_en: p.name_en.clone(),
        code: p.code.clone(),
        city: p.city.clone(),
        country: p.country.clone(),
        email: p.email.clone(),
    }
}

/// Now in RFC 3339 UTC, to the second (what manifests and cards carry).
pub(crate) fn now_rfc3339() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
