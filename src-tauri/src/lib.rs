//! Delegation Planner's desktop shell: opens the store, seeds the demo on first start, and
//! exposes the core through the commands in `commands`. Everything else lives in planner-core.

mod briefs;
mod commands;
mod delegations;
mod images;
mod people;

use planner_core::paths::resolve_db_path;
use planner_core::Store;
use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Mutex;

/// What the commands share: the one open store.
pub struct AppState {
    pub store: Mutex<Store>,
    /// Itinerary PDFs printed in this session: the only paths `open_itinerary_pdf` opens.
    pub printed: Mutex<HashSet<PathBuf>>,
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
            store: Mutex::new(store),
            printed: Mutex::new(HashSet::new()),
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::get_settings,
            commands::save_settings,
            commands::dashboard,
            commands::pipeline_totals,
            commands::list_records,
            commands::get_record,
            commands::create_record,
            commands::update_record,
            commands::delete_record,
            commands::record_audit,
            commands::linked_records,
            briefs::brief_suggestions,
            briefs::brief_preview,
            briefs::brief_generate,
            briefs::brief_open,
            images::opportunity_images,
            images::opportunity_image_data,
            images::add_opportunity_image,
            images::remove_opportunity_image,
            delegations::itinerary_view,
            delegations::itinerary_entry,
            delegations::save_itinerary_item,
            delegations::quick_add_item,
            delegations::duplicate_itinerary_item,
            delegations::move_itinerary_item,
            delegations::delegation_next_steps,
            delegations::delegation_transition,
            delegations::counsellor_load,
            delegations::export_itinerary_ics,
            delegations::print_itinerary,
            delegations::open_itinerary_pdf,
            commands::search,
            people::find_duplicates,
            people::merge_contacts,
            people::person_export,
            people::person_erase,
            people::import_preview,
            people::import_contacts,
            people::undo_import,
            people::list_imports,
            people::export_contacts,
        ])
        .run(tauri::generate_context!())
        .expect("error while running the Tauri application");
}
