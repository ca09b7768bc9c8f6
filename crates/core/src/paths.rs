//! Where the store lives: the same default for the app and the CLI.

use std::path::PathBuf;

/// The environment variable that overrides the default store path.
pub const DB_ENV: &str = "PLANNER_DB";

/// The default store file in the OS data directory
/// (e.g. `~/.local/share/delegation-planner/planner.db` on Linux).
pub fn default_db_path() -> PathBuf {
    directories::ProjectDirs::from("vn", "xuctien", "delegation-planner")
        .map(|d| d.data_dir().join("planner.db"))
        .unwrap_or_else(|| PathBuf::from("planner.db"))
}

/// The store to open: an explicit path, else `$PLANNER_DB`, else the default.
pub fn resolve_db_path(explicit: Option<PathBuf>) -> PathBuf {
    explicit
        .or_else(|| {
            std::env::var_os(DB_ENV)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
        .unwrap_or_else(default_db_path)
}
