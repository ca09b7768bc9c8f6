//! Stores that cannot be written here (a file copied off a CD, a folder shared read-only, a
//! USB stick with its lock on) open read-only instead of failing: every read works, every write
//! is refused with `store_read_only` (SQLite's own refusal, sorted in `error.rs`), no migration
//! runs and no backup is taken.
//!
//! Whether a store is read-only is decided before SQLite opens it, from the file's and the
//! folder's metadata: no write bit at all in the mode, or `access(W_OK)` refused (another
//! owner, a read-only mount). The mode bits decide the same for root, whom the kernel lets
//! write anything: a 0444 file is read-only for every user. SQLite has the last word: a file it
//! opens read-only anyway (`SQLITE_READONLY`, `SQLITE_CANTOPEN` for writing) is read-only too.
//!
//! A WAL store needs its `-shm` (and `-wal`) beside it. In a folder that cannot be written and
//! with no `-wal` left there, the file is opened `immutable`: SQLite then creates no side file
//! and takes no lock, which is sound because nobody (of our users) can write the store there
//! either: a writer would need to create a `-wal` or a journal in that same folder. With a
//! `-wal` present it holds commits that are not in the file yet, so it must be read: the file
//! opens plain read-only, which needs its `-shm`.

use crate::error::{CoreError, Result};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use std::path::Path;
use ts_rs::TS;

/// Why a store was opened read-only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReadOnlyReason {
    /// The store file cannot be written (its mode, its owner, a read-only disk).
    File,
    /// Its folder cannot be written, so SQLite cannot keep its `-wal` and `-shm` beside it.
    Folder,
    /// SQLite would only open it for reading.
    Refused,
    /// A team store on which this officer's role may only read (`planner_readonly`): the
    /// server refuses every write (`not_permitted`).
    TeamRole,
}

/// Why the existing store at `path` cannot be written here, if it cannot.
/// The folder comes first: it decides how the file is opened (`open`).
pub(crate) fn reason(path: &Path) -> Option<ReadOnlyReason> {
    let folder = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if !writable(folder) {
        return Some(ReadOnlyReason::Folder);
    }
    (!writable(path)).then_some(ReadOnlyReason::File)
}

/// No write bit in the mode (for anyone: root included), or the kernel's access check says no.
fn writable(path: &Path) -> bool {
    let Ok(meta) = std::fs::metadata(path) else {
        return false;
    };
    !meta.permissions().readonly() && access_allows_writing(path)
}

#[cfg(unix)]
fn access_allows_writing(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(c) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: `c` is a valid NUL-terminated path for the call's duration.
    unsafe { libc::access(c.as_ptr(), libc::W_OK) == 0 }
}

#[cfg(not(unix))]
fn access_allows_writing(_path: &Path) -> bool {
    true
}

/// Opens the store at `path` for reading only (see the module's comment for `immutable`).
pub(crate) fn open(path: &Path, reason: ReadOnlyReason) -> Result<Connection> {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    let wal = std::path::PathBuf::from(wal);
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if reason == ReadOnlyReason::Folder && !wal.exists() {
        let uri = format!("file:{}?immutable=1", uri_path(path)?);
        return Ok(Connection::open_with_flags(
            uri,
            flags | OpenFlags::SQLITE_OPEN_URI,
        )?);
    }
    Ok(Connection::open_with_flags(path, flags)?)
}

/// `path` as the path of a `file:` URI: absolute, `%`-escaped where a URI would read it.
fn uri_path(path: &Path) -> Result<String> {
    let path = std::path::absolute(path)?;
    let text = path.to_str().ok_or_else(|| {
        CoreError::Io(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "non-UTF-8 store path",
        ))
    })?;
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        match b {
            b'%' | b'?' | b'#' | b'&' | b'=' | b'+' | b' ' | 0x80.. | ..0x20 => {
                out.push_str(&format!("%{b:02X}"))
            }
            _ => out.push(b as char),
        }
    }
    Ok(out)
}

/// Whether SQLite refuses to open a store for writing: a read-only file it opened read-only,
/// or an open refused with `SQLITE_READONLY`/`SQLITE_CANTOPEN`.
pub(crate) fn refused(e: &CoreError) -> bool {
    match e {
        CoreError::ReadOnlyStore => true,
        CoreError::Db(e) => e.sqlite_error_code() == Some(rusqlite::ErrorCode::CannotOpen),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_paths_escape_what_a_uri_would_read() {
        assert_eq!(
            uri_path(Path::new("/a b/x?y#z%.db")).unwrap(),
            "/a%20b/x%3Fy%23z%25.db"
        );
        assert_eq!(
            uri_path(Path::new("/kho/dữ.db")).unwrap(),
            "/kho/d%E1%BB%AF.db"
        );
    }
}
