//! Backup commands: the Settings screen's status, list, check, back up now, folders and
//! restore. Only backups in the store's backup folders may be checked or restored from the
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
