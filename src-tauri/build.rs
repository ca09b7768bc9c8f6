/// The only commands the webview may call. Each gets an `allow-…` permission that
/// `capabilities/main.json` grants to the main window; nothing else is reachable.
const COMMANDS: &[&str] = &[
    "app_info",
    "get_settings",
    "save_settings",
    "dashboard",
    "pipeline_totals",
    "list_records",
    "get_record",
    "create_record",
    "update_record",
    "delete_record",
    "record_audit",
    "linked_records",
    "brief_suggestions",
    "brief_preview",
    "brief_generate",
    "brief_open",
    "opportunity_images",
    "opportunity_image_data",
    "add_opportunity_image",
    "remove_opportunity_image",
    "itinerary_view",
    "itinerary_entry",
    "save_itinerary_item",
    "quick_add_item",
    "duplicate_itinerary_item",
    "move_itinerary_item",
    "delegation_next_steps",
    "delegation_transition",
    "counsellor_load",
    "export_itinerary_ics",
    "print_itinerary",
    "open_itinerary_pdf",
    "search",
    "find_duplicates",
    "merge_contacts",
    "person_export",
    "person_erase",
    "import_preview",
    "import_contacts",
    "undo_import",
    "list_imports",
    "export_contacts",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build script");
}
