//! The trusted offices: trusting by fingerprint or card, renaming, revoking.

use super::not_yet;
use super::views::{OfficeCardView, TrustedOffice};
use crate::{Result, Store};
use std::path::Path;

/// Every trusted key, revoked ones too.
pub fn list(_store: &Store) -> Result<Vec<TrustedOffice>> {
    Err(not_yet("trusted_offices"))
}

/// Reads and checks an office card.
pub fn inspect_card_file(_store: &Store, _path: &Path) -> Result<OfficeCardView> {
    Err(not_yet("inspect_office_card"))
}

/// Trusts a key by fingerprint, or by card.
pub fn trust(
    _store: &mut Store,
    _fingerprint: &str,
    _card: Option<&Path>,
    _name: Option<String>,
    _by: &str,
) -> Result<TrustedOffice> {
    Err(not_yet("trust_office"))
}

/// Renames a trusted office locally.
pub fn rename(_store: &mut Store, _key_id: i64, _name: &str) -> Result<TrustedOffice> {
    Err(not_yet("rename_office"))
}

/// Revokes a key.
pub fn revoke(_store: &mut Store, _key_id: i64, _by: &str) -> Result<TrustedOffice> {
    Err(not_yet("revoke_office"))
}
