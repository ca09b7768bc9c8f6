//! Bundles received: every check, in order, then one transaction.

use super::not_yet;
use super::views::{ImportOutcome, Inspection};
use crate::{Result, Store};
use std::path::Path;

/// Every check of an import, without writing.
pub fn inspect_file(_store: &Store, _path: &Path) -> Result<Inspection> {
    Err(not_yet("exchange_inspect"))
}

/// Imports a bundle file.
pub fn import_file(
    _store: &mut Store,
    _path: &Path,
    _trust: bool,
    _by: &str,
) -> Result<ImportOutcome> {
    Err(not_yet("exchange_import"))
}
