//! Backup commands: the Settings screen's status, list, check, back up now, folders and
//! restore, and thinning after an erase. Only backups in the store's backup folders may be checked or restored from the
//! window (`backup::listed`).

use super::types::*;
use super::Session;
use crate::backup;
use crate::Result;
use std::path::Path;

/// The last backup (when, where), the folders, the last idle failure, and the store's counts.
pub fn backup_status(s: &mut Session) -> Result<BackupStatus> {
    let mut status = backup::status(&s.store)?;
    status.last_failure = s.backups.last_failure();
    Ok(status)
}

/// The backups in the backup folder, newest first, with sizes and record counts.
pub fn list_backups(s: &mut Session) -> Result<Vec<BackupFile>> {
    backup::list(&backup::places(&s.store)?.folder)
}

/// Checks one backup as a restore would.
pub fn verify_backup(s: &mut Session, path: String) -> Result<Verified> {
    backup::verify(&backup::listed(&s.store, Path::new(&path))?)
}

/// Takes a fully checked backup now, whatever changed, and thins the folders.
pub fn backup_now(s: &mut Session) -> Result<BackupFile> {
    backup::create(&mut s.store, chrono::Utc::now(), false)
}

/// Sets the backup folder (None: `backups/` beside the store) and the second destination
/// (None: none), both chosen with the folder dialog.
pub fn set_backup_folders(
    s: &mut Session,
    folder: Option<String>,
    second: Option<String>,
) -> Result<BackupStatus> {
    let folder = folder.filter(|f| !f.trim().is_empty());
    let second = second.filter(|f| !f.trim().is_empty());
    backup::set_places(
        &mut s.store,
        folder.as_deref().map(Path::new),
        second.as_deref().map(Path::new),
    )?;
    backup_status(s)
}

/// Replaces the store with a listed backup, after a safety backup (`Session::restore`).
pub fn restore_backup(s: &mut Session, path: String) -> Result<RestoreReport> {
    let path = backup::listed(&s.store, Path::new(&path))?;
    s.restore(&path)
}

/// The backups taken before contact `contact_id` was erased, which may still hold them (what
/// the erase notice offers to remove).
pub fn backups_holding_erased(s: &mut Session, contact_id: i64) -> Result<ErasedInBackups> {
    backup::holding_erased(&s.store, contact_id)
}

/// Deletes the backups taken before contact `contact_id` was erased, in both folders, after a
/// new backup of the store as it is now (`backup::thin_after_erase`). An idle backup in
/// progress finishes first.
pub fn thin_backups_after_erase(s: &mut Session, contact_id: i64) -> Result<ThinnedBackups> {
    let backups = std::sync::Arc::clone(&s.backups);
    let _file = backups.hold_file();
    backup::thin_after_erase(&mut s.store, contact_id, chrono::Utc::now())
}
