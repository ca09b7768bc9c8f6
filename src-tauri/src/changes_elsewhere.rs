//! Tells the window when another program (a `planner` command, another copy of the app) changed
//! the store: a thread looks about once a second (`Session::changes_elsewhere`, which this
//! session's own writes never trigger) and emits `store-changed`, on which the window reloads
//! what it shows (ui/src/lib/changes-elsewhere.svelte.ts). The event names no backend: a team
//! store's notifications (LISTEN/NOTIFY, heard by the same `changes_elsewhere`) raise it too.

use crate::AppState;
use std::sync::TryLockError;
use std::time::Duration;
use tauri::{AppHandle, Emitter, Manager};

/// The event the window listens to.
pub const STORE_CHANGED: &str = "store-changed";

/// How often the thread looks.
const LOOK_EVERY: Duration = Duration::from_secs(1);

/// Starts the thread, for as long as the app runs.
pub fn watch(app: AppHandle) {
    std::thread::spawn(move || loop {
        std::thread::sleep(LOOK_EVERY);
        let state = app.state::<AppState>();
        // A command holding the session is left alone: the next look sees the same change.
        let changed = match state.session.try_lock() {
            Ok(mut session) => session.changes_elsewhere(),
            Err(TryLockError::WouldBlock) => continue,
            Err(TryLockError::Poisoned(_)) => return,
        };
        match changed {
            Ok(true) => {
                if let Err(e) = app.emit(STORE_CHANGED, ()) {
                    eprintln!("delegation-planner: cannot tell the window of a change: {e}");
                }
            }
            Ok(false) => {}
            Err(e) => eprintln!("delegation-planner: cannot look for changes elsewhere: {e}"),
        }
    });
}
