//! The exchange's secret and files, kept where the store is (issue 17). A store file keeps them
//! beside it, as ever: the office's private key in `<store>.office-key` (readable by the user
//! only) and each received PDF and picture in the `received/` folder, under its SHA-256. A team
//! store has no folder of its own, so its database keeps them (`migrations/pg/0004`): the one
//! office key in `office_private_key`, which only managers may read, so that every manager's app
//! signs with the same key; the received files in `received_files`, with their bundle's row, so
//! that every officer's app shows them. The exchange asks here and never knows which it is.

use super::db::Backend;
use super::{Store, Tx};
use crate::error::Result;
use crate::exchange::views::OfficeKeyPlace;
use crate::exchange::{refuse, Code};
use planner_exchange::OfficeKey;
use rusqlite::{params, OptionalExtension};
use std::path::{Path, PathBuf};

/// Where a store keeps the office's private key (Settings and `planner office` say it in their
/// words): the key file's path (none for a store in memory), or the team database.
pub(crate) fn office_key_place(store: &Store) -> Option<OfficeKeyPlace> {
    match store.backend() {
        Backend::Sqlite => {
            crate::exchange::office::key_path(store)
                .ok()
                .map(|p| OfficeKeyPlace::File {
                    path: p.display().to_string(),
                })
        }
        Backend::Postgres => Some(OfficeKeyPlace::TeamDatabase),
    }
}

/// Whether this session may read and make the office key: a store file (not in memory) always; on
/// a team store, a manager only (the grants say so; an officer's app never tries).
pub(crate) fn keeps_office_key(store: &Store) -> Result<bool> {
    match store.backend() {
        Backend::Sqlite => Ok(store.path().is_some()),
        Backend::Postgres => Ok(store.conn().query_row(
            "SELECT has_table_privilege('office_private_key', 'SELECT')
                 AND has_table_privilege('office_private_key', 'INSERT')",
            (),
            |r| r.get(0),
        )?),
    }
}

/// The office's private key as kept, if one is: `office_key_missing` when the key file cannot be
/// read, `not_permitted` for a team store's officer.
pub(crate) fn office_key(store: &Store) -> Result<Option<OfficeKey>> {
    let text = match store.backend() {
        Backend::Sqlite => read_key_file(&crate::exchange::office::key_path(store)?)?,
        Backend::Postgres => store
            .conn()
            .query_row(
                "SELECT key_file FROM office_private_key WHERE id = 1",
                (),
                |r| r.get::<_, String>(0),
            )
            .optional()?,
    };
    Ok(text.map(|t| OfficeKey::from_file_text(&t)).transpose()?)
}

fn read_key_file(path: &Path) -> Result<Option<String>> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(refuse(
            Code::OfficeKeyMissing,
            format!("{}: {e}", path.display()),
        )),
    }
}

/// Keeps a newly made office key and returns the key kept: `key`, or on a team store the key
/// another manager's app kept first (two apps making the key at once end with one).
pub(crate) fn save_office_key(store: &mut Store, key: OfficeKey) -> Result<OfficeKey> {
    match store.backend() {
        Backend::Sqlite => {
            let path = crate::exchange::office::key_path(store)?;
            crate::files::write_private_atomically(&path, key.to_file_text().as_bytes())?;
            Ok(key)
        }
        Backend::Postgres => {
            store.conn().execute(
                "INSERT INTO office_private_key (id, key_file, made_at) VALUES (1, ?1, ?2)
                 ON CONFLICT (id) DO NOTHING",
                params![key.to_file_text(), super::now_text()],
            )?;
            office_key(store)?.ok_or_else(|| refuse(Code::OfficeKeyMissing, "office_private_key"))
        }
    }
}

/// Where a store keeps the files of received bundles: a folder beside it, or its team database.
pub(crate) enum ReceivedFiles {
    Folder(PathBuf),
    Database,
}

impl ReceivedFiles {
    /// Where `store` keeps them.
    pub(crate) fn of(store: &Store) -> ReceivedFiles {
        match store.backend() {
            Backend::Sqlite => ReceivedFiles::Folder(crate::exchange::received_dir(store)),
            Backend::Postgres => ReceivedFiles::Database,
        }
    }

    /// Keeps file `name` (`<sha256>.<ext>`) of received bundle `received_id`, inside the
    /// transaction that records the bundle: in the folder once (its name is its content, so a
    /// file already there is this one), in the database with the bundle's row.
    pub(crate) fn put(
        &self,
        tx: &mut Tx<'_>,
        received_id: i64,
        name: &str,
        sha256: &str,
        bytes: &[u8],
    ) -> Result<()> {
        match self {
            ReceivedFiles::Folder(dir) => {
                let path = dir.join(name);
                if !path.is_file() {
                    crate::files::write_atomically(&path, bytes)?;
                }
            }
            ReceivedFiles::Database => {
                tx.conn().execute(
                    "INSERT INTO received_files (received_id, name, sha256, bytes)
                     VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
                    params![received_id, name, sha256, bytes],
                )?;
            }
        }
        Ok(())
    }

    /// The bytes of file `name` of received bundle `received_id`, None when none is kept (or
    /// the file cannot be read).
    pub(crate) fn find(
        &self,
        store: &Store,
        received_id: i64,
        name: &str,
    ) -> Result<Option<Vec<u8>>> {
        match self {
            ReceivedFiles::Folder(dir) => Ok(std::fs::read(dir.join(name)).ok()),
            ReceivedFiles::Database => Ok(store
                .conn()
                .query_row(
                    "SELECT bytes FROM received_files WHERE received_id = ?1 AND name = ?2",
                    params![received_id, name],
                    |r| r.get(0),
                )
                .optional()?),
        }
    }
}

/// The bytes of file `name` of received bundle `received_id`: a missing file is an error (a
/// missing row on a team store, `missing_member`).
pub(crate) fn received_file_bytes(store: &Store, received_id: i64, name: &str) -> Result<Vec<u8>> {
    match ReceivedFiles::of(store) {
        ReceivedFiles::Folder(dir) => Ok(std::fs::read(dir.join(name))?),
        kept => kept
            .find(store, received_id, name)?
            .ok_or_else(|| refuse(Code::MissingMember, name)),
    }
}

/// A path on this desktop holding file `name` of received bundle `received_id`, for the system's
/// viewer: the kept file itself beside a store file; for a team store, a copy written to this
/// desktop's data folder (`received/`), named by its SHA-256 like the file it copies (never by a
/// name from the bundle) and written again when absent or changed.
pub(crate) fn received_file_path(store: &Store, received_id: i64, name: &str) -> Result<PathBuf> {
    let path = crate::exchange::received_dir(store).join(name);
    if let ReceivedFiles::Database = ReceivedFiles::of(store) {
        let bytes = received_file_bytes(store, received_id, name)?;
        if std::fs::read(&path).ok().as_deref() != Some(bytes.as_slice()) {
            crate::files::write_atomically(&path, &bytes)?;
        }
    }
    Ok(path)
}
