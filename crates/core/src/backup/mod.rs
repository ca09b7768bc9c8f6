//! Backups of the store: verified copies in a folder beside it (and in a second one if set),
//! thinned grandfather-father-son, and restored whole.
//!
//! A backup is `VACUUM INTO` a temporary file on a connection of its own, checked on another
//! fresh connection (SQLite's `integrity_check`, the search index's own check, the application
//! id, the schema version, the record counts), flushed to disk and only then renamed to its
//! name, `planner-<UTC instant>-s<schema>.db`, so that a file with that name is always a whole,
//! checked copy; a crash leaves at most a `.tmp` file. The office key, kept in its own file
//! beside the store, is copied beside the backup with the same owner-only permissions.
//!
//! Taken before every operation that changes much at once (`before`: a migration, a bulk
//! import, an undo, a merge, an erase, `demo --reset`, a restore), unless nothing changed since
//! the last one; and by the app when idle, at most hourly (`due`, `automatic`, run by
//! `idle::IdleBackups` on the app's background thread).

mod after_erase;
mod files;
pub mod idle;
mod restore;
pub mod retention;
mod status;

pub use after_erase::{holding_erased, thin_after_erase, ErasedInBackups, ThinnedBackups};
pub use files::{list, verify, BackupFile, Verified};
pub use idle::{IdleBackups, IdleFailure};
pub use restore::{restore, RestoreReport};
pub use status::{listed, status, BackupStatus, CountedKind, OVERDUE_AFTER};

use crate::error::{invalid, Result};
use crate::store::backup::{self as sql, Depth};
use crate::Store;
use chrono::{DateTime, Duration, Utc};
use std::path::{Path, PathBuf};

/// Settings keys: the folder (default `backups/` beside the store), the second destination, and
/// what the last backup was (instant and content fingerprint), to skip one when nothing changed.
pub const FOLDER_KEY: &str = "backup_folder";
pub const SECOND_FOLDER_KEY: &str = "backup_second_folder";
pub(crate) const LAST_AT_KEY: &str = "backup_last_at";
const LAST_FINGERPRINT_KEY: &str = "backup_last_fingerprint";
pub(crate) const LAST_NAME_KEY: &str = "backup_last_name";

/// The app's automatic backups come at most this often.
pub const AUTOMATIC_EVERY: Duration = Duration::hours(1);

/// Where backups go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Places {
    pub folder: PathBuf,
    pub second: Option<PathBuf>,
}

/// The backup folders of `store`: its settings, else `backups/` beside the store file.
pub fn places(store: &Store) -> Result<Places> {
    let path = store_file(store)?;
    Ok(Places {
        folder: match store.setting(FOLDER_KEY)? {
            Some(f) if !f.is_empty() => PathBuf::from(f),
            _ => default_folder(path),
        },
        second: store
            .setting(SECOND_FOLDER_KEY)?
            .filter(|f| !f.is_empty())
            .map(PathBuf::from),
    })
}

/// `backups/` beside the store file, as the store's document folders are (`files::documents_dir`).
pub fn default_folder(store_path: &Path) -> PathBuf {
    store_path
        .parent()
        .unwrap_or(Path::new("."))
        .join("backups")
}

/// Sets the backup folder and the second destination (None: the default folder, no second).
/// Each must be a full path; the folders are made now, so that a wrong one is said at once.
pub fn set_places(store: &mut Store, folder: Option<&Path>, second: Option<&Path>) -> Result<()> {
    for dir in folder.iter().chain(second.iter()) {
        if !dir.is_absolute() {
            return Err(invalid(
                "folder",
                "bad_output_path",
                "Thư mục sao lưu phải là đường dẫn đầy đủ",
                "The backup folder must be a full path",
            ));
        }
        std::fs::create_dir_all(dir)?;
    }
    let text = |p: Option<&Path>| p.map(|p| p.display().to_string()).unwrap_or_default();
    store.set_settings(&[
        (FOLDER_KEY, &text(folder)),
        (SECOND_FOLDER_KEY, &text(second)),
    ])
}

/// The store's file, which backups copy: a team store has none here (its backups are the
/// server's, made by the agency's IT), and an in-memory one none at all.
pub(crate) fn store_file(store: &Store) -> Result<&std::path::Path> {
    store.path().ok_or_else(|| match store.backend() {
        crate::store::Backend::Postgres => crate::CoreError::NotOnTeamStore {
            vi: "bản sao lưu",
            en: "backups",
        },
        crate::store::Backend::Sqlite => in_memory(),
    })
}

pub(crate) fn in_memory() -> crate::CoreError {
    invalid(
        "store",
        "no_store_file",
        "Kho dữ liệu trong bộ nhớ không có tệp để sao lưu",
        "An in-memory store has no file to back up",
    )
}

/// Takes a backup now, whatever changed, and thins the folders. `kept`: out of rotation.
pub fn create(store: &mut Store, now: DateTime<Utc>, kept: bool) -> Result<BackupFile> {
    create_checked(store, now, kept, Depth::Full)
}

fn create_checked(
    store: &mut Store,
    now: DateTime<Utc>,
    kept: bool,
    depth: Depth,
) -> Result<BackupFile> {
    // A read-only store could not record its backup (nor, root aside, write beside itself).
    store.ensure_writable()?;
    let path = store_file(store)?.to_owned();
    let places = places(store)?;
    let conn = sql::open_file(&path, std::time::Duration::from_secs(5))?;
    let fingerprint = sql::fingerprint(&conn)?;
    let made = files::take(&conn, &path, &places, now, kept, depth)?;
    drop(conn);
    store.set_settings(&[
        (LAST_AT_KEY, &now.to_rfc3339()),
        (LAST_FINGERPRINT_KEY, &fingerprint),
        (LAST_NAME_KEY, &made.name),
    ])?;
    files::thin(&places, now)?;
    Ok(made)
}

/// The backup taken before an operation that changes much at once; none for an in-memory or
/// empty store, or when nothing changed since the last backup and that backup is still there.
pub fn before(store: &mut Store) -> Result<Option<BackupFile>> {
    // The operation that follows would be refused: refuse it before a copy is written.
    store.ensure_writable()?;
    if store.path().is_none() || !changed_since_last(store)? {
        return Ok(None);
    }
    create_checked(store, Utc::now(), false, Depth::Quick).map(Some)
}

pub(crate) fn changed_since_last(store: &Store) -> Result<bool> {
    let Some(path) = store.path() else {
        return Ok(false);
    };
    let conn = sql::open_file(path, std::time::Duration::from_secs(5))?;
    if !sql::holds_records(&conn)? {
        return Ok(false);
    }
    let last = store.setting(LAST_NAME_KEY)?;
    let still_there =
        last.is_some_and(|name| places(store).is_ok_and(|p| p.folder.join(name).is_file()));
    Ok(!still_there || store.setting(LAST_FINGERPRINT_KEY)? != Some(sql::fingerprint(&conn)?))
}

/// Whether the app should take an automatic backup at `now`: the last one is an hour old or
/// more (or there is none) and the store changed since.
pub fn due(store: &Store, now: DateTime<Utc>) -> Result<bool> {
    // Nothing changes in a read-only store, and it could not record a backup.
    if store.read_only().is_some() {
        return Ok(false);
    }
    let last = store
        .setting(LAST_AT_KEY)?
        .and_then(|t| DateTime::parse_from_rfc3339(&t).ok())
        .map(|t| t.with_timezone(&Utc));
    if last.is_some_and(|t| now - t < AUTOMATIC_EVERY) {
        return Ok(false);
    }
    changed_since_last(store)
}

/// The app's idle-time backup: one if `due`, else none.
pub fn automatic(store: &mut Store, now: DateTime<Utc>) -> Result<Option<BackupFile>> {
    if !due(store, now)? {
        return Ok(None);
    }
    create(store, now, false).map(Some)
}

/// The backup before a migration of the store at `conn`'s file to this build's schema: only
/// for a store of ours, older than this build, that holds records. Called on the connection
/// that will migrate, before it does, so settings (which an old schema may lack) are not read:
/// the copy goes to the default folder.
pub(crate) fn before_migration(conn: &rusqlite::Connection, store_path: &Path) -> Result<()> {
    // Every open passes here: the two header fields first, the counts only for an old store.
    let version: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version == 0 || version >= crate::store::LATEST_VERSION {
        return Ok(());
    }
    if sql::holds_records(conn)? {
        let places = Places {
            folder: default_folder(store_path),
            second: None,
        };
        files::take(conn, store_path, &places, Utc::now(), false, Depth::Quick)?;
    }
    Ok(())
}
