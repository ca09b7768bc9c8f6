//! One scenario at a time, each on its own store.
//!
//! WebKitWebDriver allows one session at a time, and two windows on a 2-core machine would make
//! each other's timings (and timeouts) meaningless; so every scenario takes the one turn before it
//! prepares anything and gives it back only when its window is gone and its store removed. libtest
//! still runs each scenario as its own test, so one failure does not hide the others.

use crate::App;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;
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

    /// Launches the app on this scenario's store with `--demo`: the demo is seeded into a store
    /// that holds nothing yet and the first-run screen is skipped, as `./dev run` does. The
    /// window cannot outlive the scenario, so it is closed (even when the test panics) before
    /// the next scenario gets the turn.
    pub fn launch(&self) -> App<'_> {
        self.launch_with(&[])
    }

    /// Launches the app as `launch` does, with `args` after `--demo` (a file to open, as a file
    /// manager passes it).
    pub fn launch_with(&self, args: &[&str]) -> App<'_> {
        let args: Vec<&str> = std::iter::once("--demo")
            .chain(args.iter().copied())
            .collect();
        App::launch(StoreAt::File(&self.db, self.dir.path()), &args, &[])
    }

    /// Launches the app as `launch_with` does (onto the demo), with `env` changed for it (a
    /// value sets a variable, `None` removes it): a D-Bus session bus of the test's own for a
    /// second launch.
    pub fn launch_with_env(&self, args: &[&str], env: &[(&str, Option<&OsStr>)]) -> App<'_> {
        let args: Vec<&str> = std::iter::once("--demo")
            .chain(args.iter().copied())
            .collect();
        App::launch(StoreAt::File(&self.db, self.dir.path()), &args, env)
    }

    /// Launches the app as an officer's first start does, in the home folder `home` (no
    /// `--demo`, no store named), with `env` changed for it: the installed package's test.
    pub fn launch_at_home_with_env(&self, home: &Path, env: &[(&str, Option<&OsStr>)]) -> App<'_> {
        App::launch(StoreAt::Home(home), &[], env)
    }

    /// As `launch_at_home_with_env`, with `args` on the app's command line (`--demo`: the
    /// installed app told to start on its demo data).
    pub fn launch_at_home_with_args(
        &self,
        home: &Path,
        args: &[&str],
        env: &[(&str, Option<&OsStr>)],
    ) -> App<'_> {
        App::launch(StoreAt::Home(home), args, env)
    }

    /// Launches the app on the team store at `url` (PLANNER_DB), without `--demo`: the test
    /// seeds the team database itself.
    pub fn launch_on_team_store(&self, url: &str) -> App<'_> {
        App::launch(StoreAt::File(Path::new(url), self.dir.path()), &[], &[])
    }

    /// A home folder of the scenario's own, empty until the app or the CLI writes there.
    pub fn home(&self) -> PathBuf {
        let home = self.dir.path().join("home");
        std::fs::create_dir_all(&home).expect("the scenario's home folder");
        home
    }

    /// Launches the app as an officer's first start would: no `--demo`, no store named, HOME
    /// the scenario's `home` (nothing in it but what earlier launches left), so the app finds
    /// its store where the OS data directory and the config file say.
    pub fn launch_at_home(&self) -> App<'_> {
        App::launch(StoreAt::Home(&self.home()), &[], &[])
    }
}

/// Where a launched app finds its store.
#[derive(Clone, Copy)]
pub enum StoreAt<'a> {
    /// This file (PLANNER_DB), or team store URL; this desktop's data and config folders
    /// (XDG_DATA_HOME, XDG_CONFIG_HOME: where a team store's documents and the web view's data
    /// go) in the second, the scenario's folder, never the real ones.
    File(&'a Path, &'a Path),
    /// Wherever it looks with HOME here and no PLANNER_DB nor XDG folders set.
    Home(&'a Path),
}

impl StoreAt<'_> {
    /// Sets the environment the app inherits (through tauri-driver and WebKitWebDriver).
    pub(crate) fn set_env(self, cmd: &mut Command) {
        match self {
            StoreAt::File(db, folder) => {
                cmd.env("PLANNER_DB", db)
                    .env("XDG_DATA_HOME", folder.join("data"))
                    .env("XDG_CONFIG_HOME", folder.join("config"));
            }
            StoreAt::Home(home) => {
                cmd.env("HOME", home).env_remove("PLANNER_DB");
                for xdg in ["XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"] {
                    cmd.env_remove(xdg);
                }
            }
        }
    }
}
