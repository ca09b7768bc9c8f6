//! What the Settings screen (and the dashboard, in short) shows of the backups: the last one (when and where, so an officer
//! can see backups are running), the folders, and the store a restore would replace, with its
//! record counts to set beside a backup's.

use super::files::parse_name;
use super::{changed_since_last, default_folder, places, IdleFailure, LAST_AT_KEY, LAST_NAME_KEY};
use crate::domain::EntityKind;
use crate::error::{invalid, Result};
use crate::Store;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// The backups of the open store, as the Settings screen shows them.
#[derive(Debug, Clone, Serialize, TS)]
pub struct BackupStatus {
    /// The store file a restore replaces.
    pub store_path: String,
    /// Its records of each kind, by table (to compare with a backup's).
    pub store_counts: BTreeMap<String, i64>,
    /// The kinds whose records are counted, in display order, with the table each count is
    /// keyed by (so the window names counts from the kinds' labels).
    pub kinds: Vec<CountedKind>,
    pub folder: String,
    /// Whether `folder` is the default, `backups/` beside the store.
    pub folder_is_default: bool,
    pub second_folder: Option<String>,
    /// When the last backup was taken (UTC, RFC 3339), by the app or the CLI.
    pub last_at: Option<String>,
    /// Where it is (in `folder`), when known.
    pub last_path: Option<String>,
    /// The last idle backup's failure, until one succeeds.
    pub last_failure: Option<IdleFailure>,
    /// The store changed since the last backup and that one is older than `OVERDUE_AFTER`, or
    /// there is none while the store holds records: the dashboard shows it as a warning.
    pub overdue: bool,
}

/// How old the last backup may be, with changes made since, before it is shown as overdue:
/// the app backs up hourly while it is used, so a day means backups are not running (the app
/// closed all along, only the CLI used, or a folder that fails).
pub const OVERDUE_AFTER: chrono::Duration = chrono::Duration::days(1);

/// A kind of record and the table its counts are keyed by.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CountedKind {
    pub kind: EntityKind,
    pub table: String,
}

/// The status of `store`'s backups (`last_failure` is the session's to fill).
pub fn status(store: &Store) -> Result<BackupStatus> {
    let path = super::store_file(store)?;
    let last_at = store
        .setting(LAST_AT_KEY)?
        .and_then(|t| chrono::DateTime::parse_from_rfc3339(&t).ok())
        .map(|t| t.with_timezone(&chrono::Utc));
    // The content's fingerprint is read only once the last backup is old enough to matter.
    let overdue = last_at.is_none_or(|t| chrono::Utc::now() - t >= OVERDUE_AFTER)
        && changed_since_last(store)?;
    let places = places(store)?;
    let last_path = store
        .setting(LAST_NAME_KEY)?
        .filter(|n| !n.is_empty())
        .map(|n| places.folder.join(n).display().to_string());
    Ok(BackupStatus {
        store_path: path.display().to_string(),
        store_counts: super::restore::store_counts(store)?,
        kinds: EntityKind::ALL
            .into_iter()
            .map(|kind| CountedKind {
                kind,
                table: kind.table().to_owned(),
            })
            .collect(),
        folder_is_default: places.folder == default_folder(path),
        folder: places.folder.display().to_string(),
        second_folder: places.second.map(|p| p.display().to_string()),
        // Kept to the second, as a backup's name and `taken_at` are.
        last_at: last_at.map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
        last_path,
        last_failure: None,
        overdue,
    })
}

/// `path` if it names a backup in one of the store's backup folders; the window may check and
/// restore only those, as it may open only the itineraries its session printed.
pub fn listed(store: &Store, path: &Path) -> Result<PathBuf> {
    let places = places(store)?;
    let in_a_folder = path
        .parent()
        .is_some_and(|dir| dir == places.folder || places.second.as_deref() == Some(dir));
    let named = path
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| parse_name(n).is_some());
    if in_a_folder && named && path.is_file() {
        return Ok(path.to_owned());
    }
    Err(invalid(
        "path",
        "not_a_backup",
        format!(
            "{} không phải là một bản sao lưu trong thư mục sao lưu",
            path.display()
        ),
        format!("{} is not a backup in the backup folders", path.display()),
    ))
}
