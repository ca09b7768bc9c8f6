//! The app's idle backups: every few minutes a background thread looks whether the officer has
//! paused (no command for a while) and, if so, takes the hourly backup when one is due
//! (`automatic`). Each run opens its own connection and closes it, so that between runs no
//! connection of the thread holds the file; a restore waits for a run in progress rather than
//! meeting it (`hold_file`). A failed run is kept for the Settings screen, never raised: the
//! next run tries again.

use super::{automatic, BackupFile};
use crate::{ErrorPayload, Store};
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};
use ts_rs::TS;

/// How often the thread looks.
pub const CHECK_EVERY: Duration = Duration::from_secs(10 * 60);
/// The app is idle once no command has run for this long: a backup copies the whole file, and
/// an officer typing should not wait on its lock.
pub const QUIET_FOR: Duration = Duration::from_secs(2 * 60);

/// An idle backup that failed, as the Settings screen shows it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct IdleFailure {
    /// When (UTC, RFC 3339).
    pub at: String,
    pub error: ErrorPayload,
}

/// What the idle backups and the session share: when the last command ran, the last failure,
/// and the lock on the file that a run and a restore take in turn.
pub struct IdleBackups {
    quiet_for: Duration,
    file: Mutex<()>,
    state: Mutex<IdleState>,
    /// The store the runs back up: the session's, which first run may move to another folder.
    store_path: Mutex<Option<PathBuf>>,
}

struct IdleState {
    last_command: Instant,
    last_failure: Option<IdleFailure>,
}

impl Default for IdleBackups {
    fn default() -> Self {
        IdleBackups::new(QUIET_FOR)
    }
}

/// A poisoned lock only means a thread panicked while holding it; what it guards stays usable.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl IdleBackups {
    /// Idle once no command has run for `quiet_for` (counted from now).
    pub fn new(quiet_for: Duration) -> Self {
        IdleBackups {
            quiet_for,
            file: Mutex::new(()),
            state: Mutex::new(IdleState {
                last_command: Instant::now(),
                last_failure: None,
            }),
            store_path: Mutex::new(None),
        }
    }

    /// A command ran: the app is not idle.
    pub fn note_command(&self) {
        lock(&self.state).last_command = Instant::now();
    }

    /// Whether no command has run for the quiet time.
    pub fn is_idle(&self) -> bool {
        lock(&self.state).last_command.elapsed() >= self.quiet_for
    }

    /// The last run's failure, if the last run failed.
    pub fn last_failure(&self) -> Option<IdleFailure> {
        lock(&self.state).last_failure.clone()
    }

    /// Keeps idle runs off the store file while the guard lives (a restore replacing it).
    pub(crate) fn hold_file(&self) -> MutexGuard<'_, ()> {
        lock(&self.file)
    }

    /// One look: when idle, the backup `automatic` says is due, on a connection opened for it
    /// and closed after. None when not idle, not due, or failed (the failure is kept).
    pub fn run_once(&self, store_path: &Path, now: DateTime<Utc>) -> Option<BackupFile> {
        if !self.is_idle() {
            return None;
        }
        let made = {
            let _file = self.hold_file();
            Store::open_beside(store_path).and_then(|mut store| automatic(&mut store, now))
        };
        let mut state = lock(&self.state);
        match made {
            Ok(made) => {
                state.last_failure = None;
                made
            }
            Err(e) => {
                state.last_failure = Some(IdleFailure {
                    at: now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                    error: e.payload(),
                });
                None
            }
        }
    }

    /// Points the runs at the store at `path` (the session's store, when it opens or moves).
    pub fn set_store_path(&self, path: Option<PathBuf>) {
        *lock(&self.store_path) = path;
    }

    /// The thread's loop: a look every `CHECK_EVERY` at the session's store, for as long as
    /// the app runs.
    pub fn run_forever(self: Arc<Self>) {
        loop {
            std::thread::sleep(CHECK_EVERY);
            let path = lock(&self.store_path).clone();
            if let Some(path) = path {
                self.run_once(&path, Utc::now());
            }
        }
    }
}
