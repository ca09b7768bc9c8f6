//! Backups after a person was erased: the erase removes them from the store file, but every
//! backup taken before it still holds them until thinning rotates it out (up to a year). The
//! officer may remove those backups at once instead.
//!
//! Which backups go: every backup whose name's instant is at or before the erase's second, in
//! the backup folder and the second destination, kept ones (safety copies of restores)
//! included, since any of them may hold the person; with their office-key files, and any
//! temporary file left there before the erase. The names are read before anything is written,
//! then a new fully checked backup of the store as it is now is taken (so the officer is never
//! left without a backup, and it holds nothing of the person: `VACUUM INTO` copies no free
//! page), and only then are the listed files deleted. The price, said in the confirmation: the
//! copy taken just before the erase goes too, so an erase made by mistake can no longer be
//! undone from a backup. Until the officer accepts, that copy is what undoes one.

use super::files::{beside, named, sync_dir, BackupFile};
use super::{create, places, Places};
use crate::error::{invalid, Result};
use crate::Store;
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// The backups that may still hold an erased person.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ErasedInBackups {
    /// When the person was erased (UTC, RFC 3339).
    pub erased_at: String,
    /// The backup files taken at or before then, in both folders, newest first.
    pub backups: Vec<String>,
    /// Backup folders that could not be read (a second destination unplugged): thin again
    /// once they are back.
    pub unreachable: Vec<String>,
}

/// What thinning the backups after an erase did.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ThinnedBackups {
    /// The backup files deleted (their office-key files went with them).
    pub removed: Vec<String>,
    /// The backup of the store as it is now, taken before anything was deleted.
    pub fresh: BackupFile,
    /// Backup folders that could not be read: their backups are still there.
    pub unreachable: Vec<String>,
}

/// The backups taken at or before the erase of contact `contact_id` (refused with
/// `not_erased` when that contact was never erased).
pub fn holding_erased(store: &Store, contact_id: i64) -> Result<ErasedInBackups> {
    let erased_at = erased_at(store, contact_id)?;
    let places = places(store)?;
    let (found, unreachable) = taken_before(&places, erased_at);
    let mut backups: Vec<(DateTime<Utc>, PathBuf)> = found
        .into_iter()
        .filter(|(_, path)| !is_temporary(path))
        .collect();
    backups.sort_by(|a, b| b.cmp(a));
    Ok(ErasedInBackups {
        erased_at: erased_at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        backups: backups
            .into_iter()
            .map(|(_, p)| p.display().to_string())
            .collect(),
        unreachable: unreachable
            .iter()
            .map(|p| p.display().to_string())
            .collect(),
    })
}

/// Deletes every backup taken at or before the erase of contact `contact_id` (see the module
/// text for which), after a new backup of the store as it is now.
pub fn thin_after_erase(
    store: &mut Store,
    contact_id: i64,
    now: DateTime<Utc>,
) -> Result<ThinnedBackups> {
    let erased_at = erased_at(store, contact_id)?;
    let places = places(store)?;
    // Listed first: the new backup may carry the erase's own second in its name.
    let (doomed, unreachable) = taken_before(&places, erased_at);
    let fresh = create(store, now, false)?;
    let mut removed = Vec::new();
    for (_, path) in doomed {
        let _ = std::fs::remove_file(beside(&path, ".office-key"));
        match std::fs::remove_file(&path) {
            Ok(()) => removed.push(path),
            // Gone already (thinned by the new backup's rotation): nothing holds the person.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e.into()),
        }
    }
    for folder in folders(&places) {
        if folder.is_dir() {
            sync_dir(folder)?;
        }
    }
    removed.sort_by(|a, b| b.cmp(a));
    Ok(ThinnedBackups {
        removed: removed
            .iter()
            .filter(|p| !is_temporary(p))
            .map(|p| p.display().to_string())
            .collect(),
        fresh,
        unreachable: unreachable
            .iter()
            .map(|p| p.display().to_string())
            .collect(),
    })
}

/// When contact `contact_id` was last erased, from the erase's audit row.
fn erased_at(store: &Store, contact_id: i64) -> Result<DateTime<Utc>> {
    super::store_file(store)?;
    crate::store::people::erased_at(store.conn(), contact_id)?
        .and_then(|at| DateTime::parse_from_rfc3339(&at).ok())
        .map(|at| at.with_timezone(&Utc))
        .ok_or_else(|| {
            invalid(
                "contact_id",
                "not_erased",
                format!("Người liên hệ số {contact_id} chưa bị xóa hẳn"),
                format!("Contact {contact_id} was not erased"),
            )
        })
}

fn folders(places: &Places) -> impl Iterator<Item = &PathBuf> {
    std::iter::once(&places.folder).chain(places.second.iter())
}

/// The backups (and temporary files) in `places` taken at or before `erased_at`, each with its
/// instant, and the folders that could not be read. A name's instant is cut to the second, so
/// a backup taken later in the erase's own second is counted too: better one too many.
fn taken_before(
    places: &Places,
    erased_at: DateTime<Utc>,
) -> (Vec<(DateTime<Utc>, PathBuf)>, Vec<PathBuf>) {
    let mut found = Vec::new();
    let mut unreachable = Vec::new();
    for folder in folders(places) {
        let Ok(named) = named(folder) else {
            unreachable.push(folder.clone());
            continue;
        };
        if !folder.is_dir() && Some(folder) == places.second.as_ref() {
            unreachable.push(folder.clone());
        }
        found.extend(
            named
                .into_iter()
                .filter(|(_, at, _, _)| *at <= erased_at)
                .map(|(path, at, _, _)| (at, path)),
        );
        found.extend(temporary_files(folder, erased_at));
    }
    (found, unreachable)
}

/// A backup left half-made by a crash (`.planner-….tmp`, and SQLite's journal beside it)
/// last written before `erased_at`: it may hold the person too. One still being written is
/// newer than the erase and stays.
fn temporary_files(folder: &Path, erased_at: DateTime<Utc>) -> Vec<(DateTime<Utc>, PathBuf)> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| is_temporary(p))
        .filter_map(|p| {
            let modified: DateTime<Utc> = std::fs::metadata(&p).ok()?.modified().ok()?.into();
            (modified <= erased_at).then_some((modified, p))
        })
        .collect()
}

fn is_temporary(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with(".planner-") && n.contains(".tmp"))
}
