//! A second launch on the same store (a received bundle double-clicked while the window is open)
//! hands its file to the running window and focuses it instead of opening another window: the
//! single-instance plugin forwards the second process's arguments over the D-Bus session bus,
//! the file becomes the session's launch bundle (the one `launch_bundle` hands over at start) and
//! `launch-bundle` tells the window to ask for it (ui/src/exchange/open-bundle.ts).
//!
//! One instance per store, not per machine: the D-Bus name carries a hash of the store's path, so
//! a copy started on another store (`--db`, the end-to-end tests' temporary stores) opens its own
//! window. Without a session bus the plugin lets every launch open normally.

use crate::{bundle_path, launch_args, AppState};
use std::path::{Path, PathBuf};
use tauri::{AppHandle, Emitter, Manager, Runtime};

/// The event the window listens to: a later launch brought a file to open.
pub const LAUNCH_BUNDLE: &str = "launch-bundle";

/// The plugin, named after the store at `store_path`. Register it before any other plugin, so
/// that a second launch exits before it sets anything up.
pub fn plugin<R: Runtime>(store_path: &Path) -> tauri::plugin::TauriPlugin<R> {
    tauri_plugin_single_instance::Builder::new()
        .dbus_id(dbus_id(store_path))
        .callback(|app, argv, cwd| hand_over(app, argv, &cwd))
        .build()
}

/// `vn.xuctien.delegation_planner.s<16 hex digits>`: a well-known D-Bus name (each element starts
/// with a letter) that the same store always gets. FNV-1a rather than std's hasher, whose output
/// may change between Rust releases (two installed versions must still find each other).
fn dbus_id(store_path: &Path) -> String {
    let absolute = std::path::absolute(store_path).unwrap_or_else(|_| store_path.to_path_buf());
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in absolute.as_os_str().as_encoded_bytes() {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("vn.xuctien.delegation_planner.s{hash:016x}")
}

/// Runs in the first instance with the second one's arguments (argv[0] first) and working folder.
fn hand_over<R: Runtime>(app: &AppHandle<R>, argv: Vec<String>, cwd: &str) {
    let args = launch_args(argv.into_iter().skip(1).map(Into::into));
    // The second process's relative path names a file in its own working folder, not ours.
    let bundle = args
        .bundle
        .map(|p| Path::new(cwd).join(p))
        .and_then(|p: PathBuf| bundle_path(p));
    if let Some(path) = bundle {
        let state = app.state::<AppState>();
        match state.session.lock() {
            Ok(mut session) => session.set_launch_bundle(Some(path)),
            Err(_) => return,
        }
        if let Err(e) = app.emit(LAUNCH_BUNDLE, ()) {
            eprintln!("delegation-planner: cannot hand the opened file to the window: {e}");
        }
    }
    if let Some(window) = app.webview_windows().into_values().next() {
        // Each step may fail on a window manager that refuses it; the file is handed over anyway.
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}
