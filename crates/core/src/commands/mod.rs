//! The app's commands, one function each, in the groups `declared.rs` lists: what the window
//! can ask of the core. Each takes the `Session` and the command's arguments, and is one call
//! into the feature it belongs to, so that `src-tauri` only generates their Tauri wrappers and
//! the CLI calls the same features.

mod declared;

pub mod backups;
pub mod briefs;
pub mod delegations;
pub mod exchange;
pub mod first_run;
pub mod health;
pub mod images;
pub mod people;
pub mod records;
pub mod typescript;

use crate::backup::{IdleBackups, RestoreReport};
use crate::Store;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The types the command list names, in one place for every reader of the list.
pub mod types {
    pub use crate::about::AppInfo;
    pub use crate::backup::{
        BackupFile, BackupStatus, ErasedInBackups, RestoreReport, ThinnedBackups, Verified,
    };
    pub use crate::briefs::{
        Audience, BriefModel, BriefRequest, GeneratedBrief, OpportunitySuggestion,
    };
    pub use crate::contacts_io::import::{ExportFormat, ImportReport, UndoReport};
    pub use crate::contacts_io::{ColumnMap, ImportFormat, ImportRequest};
    pub use crate::doctor::StoreHealth;
    pub use crate::domain::{BriefLanguage, EntityKind};
    pub use crate::exchange::views::{
        AdoptPlan, AdoptReport, FieldChoice, ImportOutcome, Inspection, OfficeCardView,
        OfficeProfile, OfficeView, ReceivedBrief, ReceivedDetail, SentBundle, TrustedOffice,
    };
    pub use crate::files::ExportedFile;
    pub use crate::first_run::{FirstRunChoices, FirstRunDone, FirstRunState};
    pub use crate::itinerary::{
        to_pdf::PrintOptions, ItemEntry, ItineraryView, NextStep, QuickAddRequest, QuickAdded,
        Transition,
    };
    pub use crate::labels::Sector;
    pub use crate::links::LinkKind;
    pub use crate::people::{DuplicatePair, EraseReport};
    pub use crate::search::SearchResults;
    pub use crate::settings::Settings;
    pub use crate::store::audit::AuditEntry;
    pub use crate::store::{
        CounsellorLoad, Dashboard, ImportBatch, Linked, ListQuery, OpportunityImage, Page,
        PipelineFilter, PipelineTotals,
    };
    pub use chrono::NaiveDate;
    pub use serde_json::Value;
}

/// What the commands of one window share: the open store and what this session did that
/// later commands depend on.
pub struct Session {
    pub store: Store,
    /// Itinerary PDFs printed in this session: the only paths `open_itinerary_pdf` opens.
    printed: HashSet<PathBuf>,
    /// Set by a command that left work for `Store::tidy_step` (an import's index and merges).
    tidy_wanted: bool,
    /// The bundle the app was started with, until `launch_bundle` hands it to the window.
    launch_bundle: Option<String>,
    /// Shared with the app's idle-backup thread: when a command last ran, its last failure.
    backups: Arc<IdleBackups>,
    /// The store-health check at start, run on a thread of its own (`health::store_health`).
    start_check: Arc<std::sync::Mutex<health::StartCheck>>,
}

impl Session {
    /// A session over an open store.
    pub fn new(store: Store) -> Self {
        let backups = Arc::<IdleBackups>::default();
        backups.set_store_path(store.path().map(Path::to_owned));
        Session {
            store,
            printed: HashSet::new(),
            tidy_wanted: false,
            launch_bundle: None,
            backups,
            start_check: health::fresh(),
        }
    }

    /// Makes `store` the session's store (first run moved the data to another folder): what
    /// the session remembered of the former one goes, and the idle backups follow it.
    pub fn switch_store(&mut self, store: Store) {
        let backups = Arc::clone(&self.backups);
        let _file = backups.hold_file();
        self.backups
            .set_store_path(store.path().map(Path::to_owned));
        self.store = store;
        self.printed.clear();
        self.tidy_wanted = false;
        self.start_check = health::fresh();
    }

    /// What the idle-backup thread shares with this session (`IdleBackups::run_forever`).
    pub fn idle_backups(&self) -> Arc<IdleBackups> {
        Arc::clone(&self.backups)
    }

    /// Replaces the store with the backup at `backup` (`backup::restore`, which refuses while
    /// any connection holds the file): this session's connection is closed first, an idle
    /// backup in progress is waited for, and the store is then opened again through the normal
    /// path, the restored one, or on failure the original as it was.
    pub fn restore(&mut self, backup: &Path) -> crate::Result<RestoreReport> {
        let path = self
            .store
            .path()
            .ok_or_else(crate::backup::in_memory)?
            .to_owned();
        let backups = Arc::clone(&self.backups);
        let _file = backups.hold_file();
        // An in-memory store stands in while the file is replaced: dropping the old one
        // closes its connection, and `store` is never without a value.
        self.store = Store::open_in_memory()?;
        let restored = crate::backup::restore(&path, backup);
        self.store = Store::open_existing(&path)?;
        // The health the window asks for next is the restored store's.
        self.start_check = health::fresh();
        restored
    }

    /// Whether another program (a `planner` command, another process of the app) changed the
    /// store since the last call, for the shell to tell the window (`store-changed`). Backend-
    /// neutral: the SQLite store answers from `PRAGMA data_version`; this session's own writes
    /// never count, and a restore's new connection starts afresh.
    pub fn changes_elsewhere(&mut self) -> crate::Result<bool> {
        self.store.changes_elsewhere()
    }

    /// Keeps the bundle path the app was started with (opened from the file manager) for the
    /// window's `launch_bundle`.
    pub fn set_launch_bundle(&mut self, path: Option<String>) {
        self.launch_bundle = path;
    }

    /// Whether a command asked for `Store::tidy_step`s since the last call (then cleared): the
    /// app runs them in the background, between other commands.
    pub fn take_tidy_wanted(&mut self) -> bool {
        std::mem::take(&mut self.tidy_wanted)
    }
}

/// The names of every command, in the order declared.
pub fn names() -> Vec<&'static str> {
    macro_rules! names {
        ($($group:ident { $($name:ident ($($arg:ident : $ty:ty),*) -> $ret:ty;)* })*) => {
            vec![$($(stringify!($name)),*),*]
        };
    }
    crate::with_commands!(names)
}
