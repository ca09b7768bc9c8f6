//! Files the app writes and reads on the user's behalf: the one atomic write, the one rule for
//! an output path, reading an input file with a size cap, the store's document folders, and
//! opening a document in the system's viewer. The app's commands and the CLI both call these.

use crate::error::{invalid, Result};
use crate::Store;
use serde::Serialize;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// A document written to disk.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ExportedFile {
    pub path: String,
    pub bytes: i64,
}

/// Writes `bytes` to `path` whole or not at all: a temporary file beside it, flushed to disk,
/// then renamed into place, so that a reader (or a crash) never leaves half a file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<ExportedFile> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".part");
    let tmp = PathBuf::from(tmp);
    let written = std::fs::File::create(&tmp).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    if let Err(e) = written.and_then(|()| std::fs::rename(&tmp, path)) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e.into());
    }
    Ok(ExportedFile {
        path: path.display().to_string(),
        bytes: bytes.len() as i64,
    })
}

/// Like `write_atomically`, for a secret: the file is readable and writable by its owner only
/// (mode 0600 on Unix) from the moment it exists, before any byte is written.
pub fn write_private_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".part");
    let tmp = PathBuf::from(tmp);
    let _ = std::fs::remove_file(&tmp);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let written = options.open(&tmp).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    if let Err(e) = written.and_then(|()| std::fs::rename(&tmp, path)) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e.into());
    }
    Ok(())
}

/// The one rule for a file the user asked us to write: a full path whose extension is one of
/// `extensions` (any case). A save dialog may return whatever was typed; the CLI makes a
/// relative path absolute against its working directory before it asks.
pub fn output_path(path: impl Into<PathBuf>, extensions: &[&str]) -> Result<PathBuf> {
    let path = path.into();
    let ext_ok = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.iter().any(|x| e.eq_ignore_ascii_case(x)));
    if ext_ok && path.is_absolute() {
        return Ok(path);
    }
    let list = extensions
        .iter()
        .map(|e| format!(".{e}"))
        .collect::<Vec<_>>();
    Err(invalid(
        "path",
        "bad_output_path",
        format!(
            "Tên tệp phải là đường dẫn đầy đủ, kết thúc bằng {}",
            list.join(" hoặc ")
        ),
        format!(
            "The file must be a full path ending in {}",
            list.join(" or ")
        ),
    ))
}

/// `chosen` checked by `output_path`, or when none was chosen, `file_name` in the store's
/// folder for documents of `folder` (`briefs`, `calendars`, `itineraries`).
pub fn output_or_default(
    store: &Store,
    chosen: Option<PathBuf>,
    extensions: &[&str],
    folder: &str,
    file_name: impl FnOnce() -> Result<String>,
) -> Result<PathBuf> {
    match chosen {
        Some(p) => output_path(p, extensions),
        None => Ok(documents_dir(store, folder).join(file_name()?)),
    }
}

/// The store's folder for documents of `folder`, beside the store file. A team store has no
/// folder (its server is not this desktop): the documents an officer writes from it go to this
/// desktop's data folder (the one chosen at first run, else the OS data folder), where a store
/// file would live.
pub fn documents_dir(store: &Store, folder: &str) -> PathBuf {
    if store.path().is_none() && store.backend() == crate::store::Backend::Postgres {
        let data = crate::paths::Config::read(&crate::paths::config_file())
            .data_folder
            .or_else(|| crate::paths::default_db_path().parent().map(Path::to_owned))
            .unwrap_or_default();
        return data.join(folder);
    }
    store
        .path()
        .and_then(Path::parent)
        .map(|d| d.join(folder))
        .unwrap_or_else(|| PathBuf::from(folder))
}

/// The first `limit` + 1 bytes of the file at `path` at most: enough for the caller to see that
/// it is too large, without reading a huge file whole.
pub fn read_at_most(path: &Path, limit: u64) -> Result<Vec<u8>> {
    let f = std::fs::File::open(path).map_err(|e| {
        invalid(
            "path",
            "cannot_read",
            format!("Không đọc được {}: {e}", path.display()),
            format!("Cannot read {}: {e}", path.display()),
        )
    })?;
    let mut bytes = Vec::new();
    f.take(limit + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The bytes of the file at `path`, refused (code `too_large`) beyond `limit` bytes without
/// reading more than one byte past it.
pub fn read_limited(path: &Path, limit: usize) -> Result<Vec<u8>> {
    let bytes = read_at_most(path, limit as u64)?;
    if bytes.len() > limit {
        let mb = limit / 1024 / 1024;
        return Err(invalid(
            "path",
            "too_large",
            format!("{}: tệp lớn hơn {mb} MB", path.display()),
            format!("{}: the file is larger than {mb} MB", path.display()),
        ));
    }
    Ok(bytes)
}

/// The last part of `path`, for reports (never used to build another path).
pub fn display_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Opens `path` in the system's default viewer, without waiting for it.
pub fn open_in_viewer(path: &Path) -> Result<()> {
    open::that_detached(path).map_err(|e| {
        invalid(
            "path",
            "cannot_open",
            format!("Không mở được {}: {e}", path.display()),
            format!("Cannot open {}: {e}", path.display()),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_path_needs_a_full_path_and_a_listed_extension() {
        let dir = std::env::temp_dir();
        assert!(output_path(dir.join("a.PDF"), &["pdf"]).is_ok());
        assert!(output_path(dir.join("a.json"), &["json", "pdf"]).is_ok());
        for bad in [dir.join("a.txt"), dir.join("a"), PathBuf::from("a.pdf")] {
            let err = output_path(bad.clone(), &["pdf"]).unwrap_err().payload();
            assert_eq!(err.fields[0].code, "bad_output_path", "{}", bad.display());
        }
    }

    #[test]
    fn write_atomically_leaves_no_part_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("x.ics");
        let f = write_atomically(&path, b"hello").unwrap();
        assert_eq!(f.bytes, 5);
        assert_eq!(std::fs::read(&path).unwrap(), b"hello");
        let names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("x.ics")]);
    }

    #[test]
    fn read_limited_refuses_a_file_past_the_cap() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.csv");
        std::fs::write(&path, vec![b'x'; 11]).unwrap();
        assert_eq!(read_limited(&path, 11).unwrap().len(), 11);
        let err = read_limited(&path, 10).unwrap_err().payload();
        assert_eq!(err.fields[0].code, "too_large");
    }
}
