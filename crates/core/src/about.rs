//! What the app says about itself: the About screen (`app_info`), Settings' installation facts
//! and `planner --version`. The version is the workspace's (Cargo.toml), one fact for the app,
//! the CLI and the packages (tauri.conf.json has no version of its own: Tauri takes Cargo's).

use crate::error::Result;
use crate::store::Store;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The version of this build: the workspace version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The day this core was built (YYYY-MM-DD, UTC; `SOURCE_DATE_EPOCH`'s when set: `build.rs`).
pub const BUILD_DATE: &str = env!("PLANNER_BUILD_DATE");

/// What `planner --version` prints after the program's name.
pub const VERSION_LINE: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (built ",
    env!("PLANNER_BUILD_DATE"),
    ")"
);

/// What the app shows about itself (the About screen, Settings).
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct AppInfo {
    pub version: String,
    /// YYYY-MM-DD.
    pub build_date: String,
    /// Where the store is (`Store::location`): a file's path or a team store's URL.
    pub db_path: String,
    pub schema_version: u32,
    pub demo_seeded_at: Option<String>,
    /// This office's key fingerprint, grouped, once it has a key (read only: never makes one).
    pub office_fingerprint: Option<String>,
}

impl Store {
    /// Facts about this installation and its store.
    pub fn app_info(&self) -> Result<AppInfo> {
        Ok(AppInfo {
            version: VERSION.into(),
            build_date: BUILD_DATE.into(),
            db_path: self.location(),
            schema_version: self.schema_version()?,
            demo_seeded_at: self.setting(crate::demo::SEEDED_KEY)?,
            office_fingerprint: self
                .office()?
                .and_then(|row| row.fingerprint)
                .map(|f| crate::exchange::grouped(&f)),
        })
    }
}
