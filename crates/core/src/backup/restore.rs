//! Restoring a backup: the chosen file checked before anything moves, a safety backup of the
//! store as it is (kept out of rotation), the store and its `-wal`/`-shm` moved aside, the
//! backup copied in through a temporary file and renamed, and the store reopened through the
//! normal path (an older schema is migrated; if opening fails, the original is put back).
//!
//! A stale `-wal` beside a restored file would be replayed into it (the "malformed" restores
//! Anki and Zotero users meet): the WAL and shared-memory files go aside with the store.
//! A store too damaged to copy is kept as it was, moved aside (`<store>.replaced-<instant>`),
//! as Zotero keeps its `.damaged` copy, and the report names it as the safety copy.

use super::files::{self, beside, parse_name, sync_dir, BackupFile};
use super::places;
use crate::error::{invalid, CoreError, Result};
use crate::store::backup::{self as sql, Depth};
use crate::Store;
use chrono::Utc;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct RestoreReport {
    /// The backup restored, as it is now named (kept out of rotation).
    pub restored_from: String,
    /// The copy of the store as it was just before, kept out of rotation.
    pub safety_backup: BackupFile,
    pub schema_version: u32,
    pub counts: BTreeMap<String, i64>,
}

const SIDE_FILES: [&str; 2] = ["-wal", "-shm"];

/// Replaces the store at `store_path` with the backup at `backup`. The caller has closed its
/// own connections; the restore is refused (`store_in_use`) while any other is open, in this
/// process or another.
pub fn restore(store_path: &Path, backup: &Path) -> Result<RestoreReport> {
    let checked = files::verify(backup)?;
    if !checked.ok() {
        return Err(
            match checked.schema_version > crate::store::LATEST_VERSION {
                true => CoreError::NewerSchema {
                    found: checked.schema_version,
                    known: crate::store::LATEST_VERSION,
                },
                false => files::damaged(backup, &checked.problems),
            },
        );
    }
    let store = Store::open_existing(store_path)?;
    // The store file cannot be replaced where it cannot be written.
    store.ensure_writable()?;
    let places = places(&store)?;
    drop(store);
    let hold = sql::open_file(store_path, std::time::Duration::ZERO)?;
    if !sql::hold_alone(&hold)? {
        return Err(in_use(store_path));
    }
    // Taken on the held connection: nobody writes between the copy and the move. A store too
    // damaged to copy (the reason to restore, often) is kept whole instead: moved aside and
    // left there, as it was, for whoever wants to look at it.
    let schema: u32 = hold.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let safety = match files::take(&hold, store_path, &places, Utc::now(), true, Depth::Quick) {
        Ok(made) => Some(made),
        Err(e) if too_damaged_to_copy(&e) => None,
        Err(e) => return Err(e),
    };
    // The last connection to close copies the WAL into the store and deletes it.
    drop(hold);
    let restored_from = keep_out_of_rotation(backup)?;
    let aside = move_aside(store_path)?;
    match put_in(&restored_from, store_path).and_then(|()| Store::open_existing(store_path)) {
        Ok(store) => {
            let safety_backup = match safety {
                Some(made) => {
                    for (_, moved) in &aside {
                        let _ = std::fs::remove_file(moved);
                    }
                    made
                }
                None => kept_aside(&aside, schema)?,
            };
            let report = RestoreReport {
                restored_from: restored_from.display().to_string(),
                safety_backup,
                schema_version: store.schema_version()?,
                counts: store_counts(&store)?,
            };
            drop(store);
            Ok(report)
        }
        Err(e) => {
            put_back(store_path, &aside)?;
            Err(e)
        }
    }
}

/// SQLite could not read the store through to copy it, or the copy failed its check.
fn too_damaged_to_copy(e: &CoreError) -> bool {
    match e {
        CoreError::Db(e) => matches!(
            e.sqlite_error_code(),
            Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
        ),
        CoreError::Invalid(fields) => fields.iter().any(|f| f.code == "backup_damaged"),
        _ => false,
    }
}

/// The damaged store, moved aside and kept, described as the safety copy a restore reports.
fn kept_aside(aside: &[(PathBuf, PathBuf)], schema: u32) -> Result<BackupFile> {
    let (_, moved) = aside.first().ok_or_else(|| {
        CoreError::Io(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            "the store was not there to move aside",
        ))
    })?;
    Ok(BackupFile {
        path: moved.display().to_string(),
        name: moved
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned(),
        taken_at: Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        schema_version: schema,
        bytes: std::fs::metadata(moved)?.len(),
        kept: true,
        counts: BTreeMap::new(),
        with_office_key: false,
        second_copy: None,
    })
}

fn in_use(path: &Path) -> CoreError {
    invalid(
        "store",
        "store_in_use",
        format!(
            "Kho dữ liệu {} đang được mở ở nơi khác (ứng dụng hoặc lệnh planner khác): hãy đóng nó rồi khôi phục lại",
            path.display()
        ),
        format!(
            "The store {} is open elsewhere (the app or another planner command): close it, then restore again",
            path.display()
        ),
    )
}

/// The store's records of each kind, by table.
pub(crate) fn store_counts(store: &Store) -> Result<BTreeMap<String, i64>> {
    let mut counts = BTreeMap::new();
    for kind in crate::domain::EntityKind::ALL {
        counts.insert(kind.table().to_owned(), store.count(kind)?);
    }
    Ok(counts)
}

/// A backup of ours that a restore came from is renamed `…-kept.db`, so that the backups
/// taken after the restore never thin it away. Any other file is left as it is.
fn keep_out_of_rotation(backup: &Path) -> Result<PathBuf> {
    let name = backup.file_name().unwrap_or_default().to_string_lossy();
    let Some((at, schema, false)) = parse_name(&name) else {
        return Ok(backup.to_owned());
    };
    // The safety backup just taken may have the same instant: never rename over it.
    let kept = files::free_name(backup.parent().unwrap_or(Path::new(".")), at, schema, true);
    std::fs::rename(backup, &kept)?;
    let key = beside(backup, ".office-key");
    if key.is_file() {
        std::fs::rename(&key, beside(&kept, ".office-key"))?;
    }
    sync_dir(kept.parent().unwrap_or(Path::new(".")))?;
    Ok(kept)
}

/// Moves the store and its side files to `<name>.replaced…`; returns (original, moved) pairs.
fn move_aside(store_path: &Path) -> Result<Vec<(PathBuf, PathBuf)>> {
    let stamp = Utc::now().format("%Y%m%dT%H%M%SZ");
    let mut moved = Vec::new();
    for suffix in std::iter::once("").chain(SIDE_FILES) {
        let from = beside(store_path, suffix);
        if from.exists() {
            let to = beside(store_path, &format!(".replaced-{stamp}{suffix}"));
            std::fs::rename(&from, &to)?;
            moved.push((from, to));
        }
    }
    Ok(moved)
}

/// Copies the backup in under the store's name, whole or not at all, with its office key when
/// the store has none (a new machine carrying on).
fn put_in(backup: &Path, store_path: &Path) -> Result<()> {
    files::copy_atomically(backup, store_path, false)?;
    let key = beside(backup, ".office-key");
    let store_key = beside(store_path, ".office-key");
    if key.is_file() && !store_key.exists() {
        files::copy_atomically(&key, &store_key, true)?;
    }
    Ok(())
}

/// Undoes `move_aside`: whatever was put in goes, the originals come back.
fn put_back(store_path: &Path, aside: &[(PathBuf, PathBuf)]) -> Result<()> {
    for suffix in std::iter::once("").chain(SIDE_FILES) {
        let _ = std::fs::remove_file(beside(store_path, suffix));
    }
    for (original, moved) in aside {
        std::fs::rename(moved, original)?;
    }
    sync_dir(store_path.parent().unwrap_or(Path::new(".")))
}
