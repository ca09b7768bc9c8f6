//! The store's health, which the window asks for once at start: read-only or not, the doctor's
//! quick check, and the newest good backup when the store is damaged.

use super::types::*;
use super::Session;
use crate::Result;

/// Read-only or not (and why), what the quick check found, and when that is damage the newest
/// backup that passes a full check.
pub fn store_health(s: &mut Session) -> Result<StoreHealth> {
    crate::doctor::store_health(&s.store)
}
