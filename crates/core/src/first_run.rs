//! First run: the choices an officer makes before the first screen (the interface language, the
//! demo or an empty store, this office's profile, where the data lives and where backups go),
//! checked together and applied in one go; the app's first-run screen and `planner init` make
//! the same call. Each choice can be changed later in Settings.
//!
//! A store is *set up* once first run completes (the `set_up_at` setting), and also when it
//! holds anything an officer made or the demo: records, an office profile, a saved language, or
//! the demo's mark. So the stores of officers who used the app before first run existed never
//! show the screen, and a store emptied later does not show it again.

use crate::backup;
use crate::demo;
use crate::error::{invalid, CoreError, Result};
use crate::exchange::office;
use crate::exchange::views::OfficeProfile;
use crate::paths::{check_data_folder, field_errors, Config, DB_FILE};
use crate::settings::UiLanguage;
use crate::Store;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// The setting written when first run completes.
pub const SET_UP_KEY: &str = "set_up_at";

/// Settings whose presence says an officer has used this store already.
const USED_KEYS: [&str; 3] = [SET_UP_KEY, demo::SEEDED_KEY, "ui_language"];

/// What the store starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StartWith {
    /// The demo data (a Hanoi agency, trade offices, investors, delegations).
    Demo,
    /// Nothing: the officer's own data only.
    Empty,
}

/// The first-run choices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FirstRunChoices {
    pub ui_language: UiLanguage,
    pub start_with: StartWith,
    /// This office's profile for exchange; None: set it later in Settings.
    pub office: Option<OfficeProfile>,
    /// The folder for the store (a full path); None or the store's own folder: it stays.
    pub data_folder: Option<String>,
    /// The backup folder (a full path); None: `backups/` beside the store.
    pub backup_folder: Option<String>,
}

/// What the first-run screen needs to know: whether to show itself, and the defaults it shows.
#[derive(Debug, Clone, Serialize, TS)]
pub struct FirstRunState {
    /// Set up already (or read-only, so that it cannot be): no first-run screen.
    pub set_up: bool,
    /// The folder the open store is in.
    pub data_folder: String,
    /// The backup folder the store uses unless another is chosen.
    pub backup_folder: String,
}

/// What completing first run did.
#[derive(Debug, Clone, Serialize, TS)]
pub struct FirstRunDone {
    /// The store now open.
    pub db_path: String,
    pub demo_seeded: bool,
    /// The chosen folder held a store that was set up already: it is opened as it is, and the
    /// other choices are left to Settings (they would overwrite that store's own).
    pub opened_existing: bool,
}

/// The outcome of `complete`: its reply, and the store opened in the chosen folder when the
/// data moved there (the caller's session switches to it).
pub struct Completed {
    pub done: FirstRunDone,
    pub moved_to: Option<Store>,
}

/// Whether `store` has been set up (see the module's comment).
pub fn is_set_up(store: &Store) -> Result<bool> {
    for key in USED_KEYS {
        if store.setting(key)?.is_some() {
            return Ok(true);
        }
    }
    Ok(store.office()?.is_some() || !store.is_empty()?)
}

/// Whether the window shows the first-run screen for `store`: not set up, and writable (a
/// read-only store could not keep the choices; its banner says why).
pub fn state(store: &Store) -> Result<FirstRunState> {
    // A team store was set up by `planner team init`; folders and backups are a file's choices.
    if store.backend() == crate::store::Backend::Postgres {
        return Ok(FirstRunState {
            set_up: true,
            data_folder: String::new(),
            backup_folder: String::new(),
        });
    }
    let path = store.path().ok_or_else(backup::in_memory)?;
    Ok(FirstRunState {
        set_up: store.read_only().is_some() || is_set_up(store)?,
        data_folder: folder_of(path).display().to_string(),
        backup_folder: backup::places(store)?.folder.display().to_string(),
    })
}

fn folder_of(db: &Path) -> &Path {
    db.parent().unwrap_or(Path::new("."))
}

/// The choices as checked: the office profile and the folders, every problem reported at once
/// beside its field (the office's under its own field names, as Settings shows them).
struct Checked {
    office: Option<OfficeProfile>,
    data_folder: Option<PathBuf>,
    backup_folder: Option<PathBuf>,
}

fn check(choices: &FirstRunChoices) -> Result<Checked> {
    let mut errors = Vec::new();
    let mut keep = |r: Result<PathBuf>| -> Result<Option<PathBuf>> {
        match r {
            Ok(p) => Ok(Some(p)),
            Err(e) => {
                errors.extend(field_errors(e)?);
                Ok(None)
            }
        }
    };
    let data_folder = match folder(&choices.data_folder) {
        Some(f) => keep(check_data_folder("data_folder", Path::new(f)))?,
        None => None,
    };
    let backup_folder = match folder(&choices.backup_folder) {
        Some(f) => keep(check_data_folder("backup_folder", Path::new(f)))?,
        None => None,
    };
    let office = match choices.office.clone().filter(|p| !is_blank(p)) {
        Some(p) => match office::checked(p) {
            Ok(p) => Some(p),
            Err(e) => {
                errors.extend(field_errors(e)?);
                None
            }
        },
        None => None,
    };
    if errors.is_empty() {
        Ok(Checked {
            office,
            data_folder,
            backup_folder,
        })
    } else {
        Err(CoreError::Invalid(errors))
    }
}

/// A folder given, trimmed (blank: none).
fn folder(f: &Option<String>) -> Option<&str> {
    f.as_deref().map(str::trim).filter(|f| !f.is_empty())
}

/// A profile with no field filled in: none given.
fn is_blank(p: &OfficeProfile) -> bool {
    let blank = |s: &Option<String>| s.as_deref().is_none_or(|s| s.trim().is_empty());
    p.name_vi.trim().is_empty()
        && p.name_en.trim().is_empty()
        && p.code.trim().is_empty()
        && blank(&p.city)
        && blank(&p.country)
        && blank(&p.email)
}

/// Completes first run on `store`: checks every choice, then, in the chosen folder (the store
/// opened or made there, and remembered in `config_file` for the next start) or in `store`,
/// saves the language, the office, the backup folder, seeds the demo if asked, and marks the
/// store set up. A chosen folder is remembered in `config_file` (none: the default folder).
/// Refused on a store that is set up already (`already_set_up`).
pub fn complete(
    store: &mut Store,
    choices: &FirstRunChoices,
    today: NaiveDate,
    config_file: &Path,
) -> Result<Completed> {
    store.ensure_writable()?;
    if is_set_up(store)? {
        return Err(invalid(
            "store",
            "already_set_up",
            "Kho dữ liệu này đã được thiết lập: hãy đổi các lựa chọn trong Cài đặt",
            "This store is set up already: change the choices in Settings",
        ));
    }
    let checked = check(choices)?;
    let here = store.path().ok_or_else(backup::in_memory)?.to_owned();
    let chosen = checked.data_folder.clone();
    // The store in a chosen folder is always its `planner.db`, the file the config will name.
    let mut moved_to = match &chosen {
        Some(folder) if !same_file(&folder.join(DB_FILE), &here) => {
            Some(Store::open(&folder.join(DB_FILE))?)
        }
        _ => None,
    };
    let target = moved_to.as_mut().unwrap_or(store);
    let done = if is_set_up(target)? {
        FirstRunDone {
            db_path: db_path_of(target),
            demo_seeded: false,
            opened_existing: true,
        }
    } else {
        apply(target, choices, checked, today)?
    };
    // Remembered last, once the store there is set up: a failure before leaves the next start
    // where it was, on a store that shows first run again.
    if let Some(folder) = chosen {
        let default = crate::paths::default_db_path();
        let data_folder = (!same_folder(&folder, folder_of(&default))).then_some(folder);
        Config { data_folder }.write(config_file)?;
    }
    Ok(Completed { done, moved_to })
}

fn apply(
    store: &mut Store,
    choices: &FirstRunChoices,
    checked: Checked,
    today: NaiveDate,
) -> Result<FirstRunDone> {
    let mut settings = store.settings()?;
    settings.ui_language = choices.ui_language;
    store.save_settings(&settings)?;
    if let Some(profile) = checked.office {
        store.save_office_profile(&profile)?;
    }
    if let Some(folder) = checked.backup_folder {
        let path = store.path().ok_or_else(backup::in_memory)?;
        // The default folder is not written down, so that it follows the store if it moves.
        let chosen = (!same_folder(&folder, &backup::default_folder(path))).then_some(folder);
        backup::set_places(store, chosen.as_deref(), None)?;
    }
    let demo_seeded = choices.start_with == StartWith::Demo && store.is_empty()?;
    if demo_seeded {
        demo::seed_demo(store, today)?;
    }
    store.set_setting(SET_UP_KEY, &crate::store::now_text())?;
    Ok(FirstRunDone {
        db_path: db_path_of(store),
        demo_seeded,
        opened_existing: false,
    })
}

fn db_path_of(store: &Store) -> String {
    store
        .path()
        .map(|p| p.display().to_string())
        .unwrap_or_default()
}

/// The same file: the same name in the same folder.
fn same_file(a: &Path, b: &Path) -> bool {
    a.file_name() == b.file_name() && same_folder(folder_of(a), folder_of(b))
}

/// Two names of one folder (a trailing slash, a symbolic link) are the same folder.
fn same_folder(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
