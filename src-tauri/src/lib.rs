//! Delegation Planner's desktop shell: opens the store (seeding the demo when started with
//! `--demo`; otherwise a store not yet set up shows the first-run screen), keeps the
//! file it was started with (a bundle opened from the file manager) for the window to ask for,
//! starts the idle-backup thread and the one that tells the window of other programs' changes
//! (`changes_elsewhere`), and exposes the core through the commands `commands` generates from the core's one list
//! (`planner_core::with_commands!`). Everything else lives in planner-core.

mod changes_elsewhere;
mod commands;
mod second_launch;

use commands::handler;
use planner_core::commands::Session;
use planner_core::paths::resolve_db_path;
use planner_core::store::is_team_url;
use planner_core::Store;
use std::path::PathBuf;
use std::sync::Mutex;

/// What the commands share: the session over the one open store.
pub struct AppState {
    pub session: Mutex<Session>,
}

/// What the command line names: the store and a file to open.
#[derive(Default)]
struct LaunchArgs {
    /// `--db PATH` (or `--db=PATH`).
    db: Option<PathBuf>,
    /// `--demo`: seed the demo into a store that holds nothing yet and skip the first-run
    /// screen (`./dev run` and the end-to-end tests start this way).
    demo: bool,
    /// The first argument that is not a flag nor a flag's value: the file a file manager opens
    /// with the app (a received bundle). Flags the app does not know are left alone, since
    /// WebKit's automation and desktop launchers add their own.
    bundle: Option<PathBuf>,
}

fn launch_args(args: impl IntoIterator<Item = std::ffi::OsString>) -> LaunchArgs {
    let mut found = LaunchArgs::default();
    let mut args = args.into_iter();
    while let Some(a) = args.next() {
        if a == "--db" {
            found.db = args.next().map(PathBuf::from);
        } else if let Some(p) = a.to_str().and_then(|s| s.strip_prefix("--db=")) {
            found.db = Some(PathBuf::from(p));
        } else if a == "--demo" {
            found.demo = true;
        } else if a.to_str().is_some_and(|s| s.starts_with('-')) {
            continue;
        } else if found.bundle.is_none() {
            found.bundle = Some(PathBuf::from(a));
        }
    }
    found
}

/// The bundle argument as the window will name it: absolute (the window shows where the file
/// is), and text (a path that is not UTF-8 cannot cross to the window, so it is said and left).
fn bundle_path(path: PathBuf) -> Option<String> {
    let path = std::path::absolute(&path).unwrap_or(path);
    let text = path.to_str().map(str::to_owned);
    if text.is_none() {
        eprintln!(
            "delegation-planner: cannot open {}: the path is not UTF-8",
            path.display()
        );
    }
    text
}

fn open_store(db: Option<PathBuf>, demo: bool) -> Result<Store, String> {
    let path = resolve_db_path(db);
    // `--db postgres://…` (or `PLANNER_DB`) is a team store; its URL is not printed, since it
    // may hold a password. A path that is not UTF-8 can only be a file.
    let mut store = match path.to_str() {
        Some(location) if is_team_url(location) => {
            Store::open_location(location).map_err(|e| format!("the team store: {e}"))?
        }
        _ => Store::open(&path).map_err(|e| format!("{}: {e}", path.display()))?,
    };
    // A read-only store opens as it is (the window says so in its health banner).
    if demo && store.read_only().is_none() {
        let today = chrono::Local::now().date_naive();
        planner_core::demo::seed_on_first_start(&mut store, today)
            .map_err(|e| format!("demo data: {e}"))?;
    }
    Ok(store)
}

/// Starts the app. Exits with a one-line error if the store cannot be opened.
pub fn run() {
    let args = launch_args(std::env::args_os().skip(1));
    let store = match open_store(args.db, args.demo) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("delegation-planner: cannot open the store: {e}");
            std::process::exit(1);
        }
    };
    // A team store has no path: no idle backups (the server's are the agency's IT's) and no
    // one-window-per-store key (each officer's app is its own window on the shared store).
    let store_path = store.path().map(PathBuf::from);
    let mut session = Session::new(store);
    session.set_launch_bundle(args.bundle.and_then(bundle_path));
    // Idle backups: a thread of their own, each run on its own connection (the core decides
    // when; see `planner_core::backup::idle`), on the session's store wherever it moves.
    if store_path.is_some() {
        let backups = session.idle_backups();
        std::thread::spawn(move || backups.run_forever());
    }
    let mut app = tauri::Builder::default();
    // First: a second launch on the same store hands its file over and exits right there.
    if let Some(path) = &store_path {
        app = app.plugin(second_launch::plugin(path));
    }
    app.plugin(tauri_plugin_dialog::init())
        .manage(AppState {
            session: Mutex::new(session),
        })
        .setup(|app| {
            changes_elsewhere::watch(app.handle().clone());
            Ok(())
        })
        .invoke_handler(planner_core::with_commands!(handler))
        .run(tauri::generate_context!())
        .expect("error while running the Tauri application");
}

#[cfg(test)]
mod tests {
    use super::launch_args;

    #[test]
    fn demo_is_a_flag_and_the_bundle_still_the_first_other_argument() {
        let args = [
            "--demo",
            "--db",
            "/tmp/x.db",
            "--some-webkit-flag",
            "brief.dpbundle",
        ];
        let found = launch_args(args.map(Into::into));
        assert!(found.demo);
        assert_eq!(found.db.as_deref(), Some(std::path::Path::new("/tmp/x.db")));
        assert_eq!(
            found.bundle.as_deref(),
            Some(std::path::Path::new("brief.dpbundle"))
        );
        assert!(
            !launch_args(["brief.dpbundle".into()]).demo,
            "no seeding unless asked"
        );
    }
}
