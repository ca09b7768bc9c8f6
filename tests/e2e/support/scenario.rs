//! One scenario at a time, each on its own store.
//!
//! WebKitWebDriver allows one session at a time, and two windows on a 2-core machine would make
//! each other's timings (and timeouts) meaningless; so every scenario takes the one turn before it
//! prepares anything and gives it back only when its window is gone and its store removed. libtest
//! still runs each scenario as its own test, so one failure does not hide the others.

use crate::App;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use tempfile::TempDir;

static TURN: Mutex<()> = Mutex::new(());

/// A scenario's turn at the window and its fresh store (a file in a new temp folder).
pub struct Scenario {
    // Fields drop in this order: the folder goes before the turn passes to the next scenario.
    dir: TempDir,
    db: PathBuf,
    _turn: MutexGuard<'static, ()>,
}

impl Scenario {
    /// Waits for the turn, then names the store file `db_name` in a new temp folder; the app
    /// (seeding its demo on first start) or the CLI creates it on first use.
    pub fn begin(db_name: &str) -> Scenario {
        // A scenario that failed poisons the lock; the next one still runs on its own store.
        let turn = TURN.lock().unwrap_or_else(|e| e.into_inner());
        let dir = tempfile::tempdir().expect("temp folder for the store");
        let db = dir.path().join(db_name);
        Scenario {
            dir,
            db,
            _turn: turn,
        }
    }

    /// The store file (PLANNER_DB for the app, `--db` for the CLI).
    pub fn db(&self) -> &Path {
        &self.db
    }

    /// The scenario's temp folder, for files it hands to the app.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// Launches the app on this scenario's store. The window cannot outlive the scenario, so it
    /// is closed (even when the test panics) before the next scenario gets the turn.
    pub fn launch(&self) -> App<'_> {
        App::launch(&self.db, &[], &[])
    }

    /// Launches the app as `launch` does, with `args` after the program's name (a file to open,
    /// as a file manager passes it).
    pub fn launch_with(&self, args: &[&str]) -> App<'_> {
        App::launch(&self.db, args, &[])
    }

    /// Launches the app as `launch_with` does, with `env` changed for it (a value sets a
    /// variable, `None` removes it): another HOME and no PLANNER_DB for the installed package's
    /// fresh user, a D-Bus session bus of the test's own for a second launch.
    pub fn launch_with_env(&self, args: &[&str], env: &[(&str, Option<&OsStr>)]) -> App<'_> {
        App::launch(&self.db, args, env)
    }
}
