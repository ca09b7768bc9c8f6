//! The Tauri commands, generated from the core's one list (`planner_core::with_commands!`):
//! each takes its declared arguments and makes one call to `planner_core::commands`, with the
//! session locked, its error mapped to the one `ErrorPayload`. Nothing here is written per
//! command; a new command is one line in `crates/core/src/commands/declared.rs` and one
//! function in its group.

use crate::AppState;
use planner_core::commands::Session;
use planner_core::{CoreError, ErrorPayload};
use tauri::{AppHandle, Manager};

macro_rules! tauri_commands {
    ($($group:ident { $($name:ident ($($arg:ident : $ty:ty),*) -> $ret:ty;)* })*) => {
        $(pub mod $group {
            #[allow(unused_imports)]
            use planner_core::commands::types::*;
            $(
                #[tauri::command]
                pub async fn $name(app: tauri::AppHandle $(, $arg: $ty)*) -> Result<$ret, planner_core::ErrorPayload> {
                    super::call_blocking(app, move |session| planner_core::commands::$group::$name(session $(, $arg)*)).await
                }
            )*
        })*
    };
}

planner_core::with_commands!(tauri_commands);

/// The invoke handler of every declared command.
macro_rules! handler {
    ($($group:ident { $($name:ident ($($arg:ident : $ty:ty),*) -> $ret:ty;)* })*) => {
        tauri::generate_handler![$($(crate::commands::$group::$name),*),*]
    };
}
pub(crate) use handler;

/// Runs `call` on the runtime's blocking threads: a command may wait on the session's lock, on
/// the disk, or on a team store's server through the blocking `postgres` client, which may not
/// run on an async worker at all (it drives a runtime of its own).
async fn call_blocking<T: Send + 'static>(
    app: AppHandle,
    command: impl FnOnce(&mut Session) -> Result<T, CoreError> + Send + 'static,
) -> Result<T, ErrorPayload> {
    tauri::async_runtime::spawn_blocking(move || call(&app, command))
        .await
        .unwrap_or_else(|_| Err(internal_error()))
}

/// What the window hears when a command's thread died (it panicked, leaving the lock poisoned).
fn internal_error() -> ErrorPayload {
    ErrorPayload {
        code: "poisoned".into(),
        message_vi: "Lỗi nội bộ: kho dữ liệu bị khoá sau một sự cố; hãy khởi động lại ứng dụng"
            .into(),
        message_en: "Internal error: the store is locked after a crash; restart the app".into(),
        fields: Vec::new(),
        changed: None,
    }
}

/// Runs one command on the locked session. A command that left work for the store's
/// `tidy_step`s (an import) gets it done on a background thread.
fn call<T>(
    app: &AppHandle,
    command: impl FnOnce(&mut Session) -> Result<T, CoreError>,
) -> Result<T, ErrorPayload> {
    let state = app.state::<AppState>();
    let mut session = state.session.lock().map_err(|_| internal_error())?;
    // The idle backups wait for a pause in the officer's work.
    session.idle_backups().note_command();
    let reply = command(&mut session).map_err(|e| e.payload());
    if session.take_tidy_wanted() {
        tidy_in_background(app.clone());
    }
    reply
}

/// Runs what an import leaves (`Store::tidy_step`: indexing its records, merging the search
/// index's segments, the WAL checkpoint) on its own thread, one short step per lock. Between
/// steps it pauses for a few milliseconds: `std::sync::Mutex` is not fair, and without the pause
/// this thread would take the lock again before a waiting command could, which would then wait
/// for every step. A search or a write that gets in first indexes the rest itself. A failed
/// step leaves the work to the next search or write.
fn tidy_in_background(app: AppHandle) {
    std::thread::spawn(move || {
        let state = app.state::<AppState>();
        loop {
            let more = match state.session.lock() {
                Ok(mut session) => session.store.tidy_step(),
                Err(_) => return,
            };
            match more {
                Ok(true) => std::thread::sleep(std::time::Duration::from_millis(5)),
                Ok(false) => return,
                Err(e) => {
                    eprintln!("delegation-planner: housekeeping after an import: {e}");
                    return;
                }
            }
        }
    });
}
