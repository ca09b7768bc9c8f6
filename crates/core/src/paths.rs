//! Where the store lives: the same answer for the app and the CLI. An explicit `--db` wins, then
//! `$PLANNER_DB`, then the folder the officer chose at first run (remembered outside the store,
//! in a small config file, since the store's path must be known before the store is opened),
//! then the OS data directory.

use crate::error::{invalid, Result};
use crate::validate::FieldError;
use crate::CoreError;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The environment variable that overrides the default store path.
pub const DB_ENV: &str = "PLANNER_DB";

/// The store's file name inside a data folder.
pub const DB_FILE: &str = "planner.db";

fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("vn", "xuctien", "delegation-planner")
}

/// The default store file in the OS data directory
/// (e.g. `~/.local/share/delegation-planner/planner.db` on Linux).
pub fn default_db_path() -> PathBuf {
    project_dirs()
        .map(|d| d.data_dir().join(DB_FILE))
        .unwrap_or_else(|| PathBuf::from(DB_FILE))
}

/// The config file in the OS config directory
/// (e.g. `~/.config/delegation-planner/config.json` on Linux).
pub fn config_file() -> PathBuf {
    project_dirs()
        .map(|d| d.config_dir().join("config.json"))
        .unwrap_or_else(|| PathBuf::from("delegation-planner-config.json"))
}

/// What is remembered outside the store: where its folder is, when the officer chose one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Config {
    /// The folder holding `planner.db` (None: the OS data directory).
    pub data_folder: Option<PathBuf>,
}

impl Config {
    /// The config at `file`; none (the defaults) when the file is missing or unreadable, so a
    /// damaged config never keeps the app from starting on its default store.
    pub fn read(file: &Path) -> Config {
        std::fs::read(file)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    /// Writes the config at `file`, whole or not at all.
    pub fn write(&self, file: &Path) -> Result<()> {
        let text = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        crate::files::write_atomically(file, text.as_bytes())?;
        Ok(())
    }

    /// The store file this config names, if it names a folder.
    pub fn db_path(&self) -> Option<PathBuf> {
        self.data_folder.as_ref().map(|d| d.join(DB_FILE))
    }
}

/// The store to open: an explicit path, else `$PLANNER_DB`, else the config file's folder, else
/// the default.
pub fn resolve_db_path(explicit: Option<PathBuf>) -> PathBuf {
    let env = std::env::var_os(DB_ENV)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from);
    resolve_db_path_from(explicit, env, &config_file())
}

/// `resolve_db_path` with the environment and the config file given (what tests vary).
pub fn resolve_db_path_from(
    explicit: Option<PathBuf>,
    env: Option<PathBuf>,
    config: &Path,
) -> PathBuf {
    explicit
        .or(env)
        .or_else(|| Config::read(config).db_path())
        .unwrap_or_else(default_db_path)
}

/// Checks a folder chosen to hold the store (reported on `field`): a full path, made if missing,
/// where a file can be written. Returns it as given.
pub fn check_data_folder(field: &str, folder: &Path) -> Result<PathBuf> {
    let refuse = |code: &str, vi: String, en: String| invalid(field, code, vi, en);
    if !folder.is_absolute() {
        return Err(refuse(
            "bad_folder",
            "Thư mục phải là đường dẫn đầy đủ".into(),
            "The folder must be a full path".into(),
        ));
    }
    let shown = folder.display();
    if folder.exists() && !folder.is_dir() {
        return Err(refuse(
            "bad_folder",
            format!("«{shown}» là một tệp, không phải thư mục"),
            format!("«{shown}» is a file, not a folder"),
        ));
    }
    // A probe file answers for every reason a write could fail (permissions, a read-only
    // mount, ACLs) where the mode bits would not.
    let probe = folder.join(".delegation-planner-probe");
    let writable = std::fs::create_dir_all(folder)
        .and_then(|()| std::fs::write(&probe, b""))
        .and_then(|()| std::fs::remove_file(&probe));
    if let Err(e) = writable {
        return Err(refuse(
            "folder_not_writable",
            format!("Không ghi được vào «{shown}»: {e}"),
            format!("Cannot write in «{shown}»: {e}"),
        ));
    }
    Ok(folder.to_owned())
}

/// The field error inside an `Invalid` (what `check_data_folder` returns), to gather it with
/// others.
pub(crate) fn field_errors(e: CoreError) -> std::result::Result<Vec<FieldError>, CoreError> {
    match e {
        CoreError::Invalid(errors) => Ok(errors),
        e => Err(e),
    }
}
