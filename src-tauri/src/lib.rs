//! Delegation Planner's desktop shell: opens the store, seeds the demo on first start, and
//! exposes the core through the commands `commands` generates from the core's one list
//! (`planner_core::with_commands!`). Everything else lives in planner-core.

mod commands;

use commands::handler;
use planner_core::commands::Session;
use planner_core::paths::resolve_db_path;
use planner_core::Store;
use std::path::PathBuf;
use std::sync::Mutex;

/// What the commands share: the session over the one open store.
pub struct AppState {
    pub session: Mutex<Session>,
}

/// `--db PATH` (or `--db=PATH`) from the command line, if given.
fn db_arg() -> Option<PathBuf> {
    let mut args = std::env::args_os().skip(1);
    while let Some(a) = args.next() {
        if a == "--db" {
            return args.next().map(PathBuf::from);
        }
        if let Some(p) = a.to_str().and_then(|s| s.strip_prefix("--db=")) {
            return Some(PathBuf::from(p));
        }
    }
    None
}

fn open_store() -> Result<Store, String> {
    let path = resolve_db_path(db_arg());
    let mut store = Store::open(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let today = chrono::Local::now().date_naive();
    planner_core::demo::seed_on_first_start(&mut store, today)
        .map_err(|e| format!("demo data: {e}"))?;
    Ok(store)
}

/// Starts the app. Exits with a one-line error if the store cannot be opened.
pub fn run() {
    let store = match open_store() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("delegation-planner: cannot open the store: {e}");
            std::process::exit(1);
        }
    };
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(AppState {
            session: Mutex::new(Session::new(store)),
        })
        .invoke_handler(planner_core::with_commands!(handler))
        .run(tauri::generate_context!())
        .expect("error while running the Tauri application");
}
