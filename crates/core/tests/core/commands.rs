//! The one list of commands (`planner_core::with_commands!`) and what follows from it: the
//! TypeScript signatures, the window's permissions, a shell that writes no command by hand,
//! and the rules the commands share (one output-path rule, printed files only).

use planner_core::commands::{self, Session};
use std::collections::BTreeSet;
use std::path::PathBuf;

fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

/// `ui/src/lib/commands.gen.ts` must equal what the command list generates now.
#[test]
fn command_bindings_are_fresh() {
    let path = repo("ui/src/lib/commands.gen.ts");
    let generated = commands::typescript::typescript();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        checked_in == generated,
        "{} is stale: run `UPDATE_BINDINGS=1 cargo test -p planner-core bindings` and commit it",
        path.display()
    );
    assert!(generated
        .contains("  get_record: { args: { kind: EntityKind; id: number }; reply: JsonValue };"));
    assert!(generated.contains("search: { args: { query: string; perKind?: number | null };"));
}

#[test]
fn every_command_is_named_once() {
    let names = commands::names();
    let unique: BTreeSet<_> = names.iter().collect();
    assert_eq!(unique.len(), names.len(), "{names:?}");
    assert!(names.len() >= 42);
}

/// The main window is granted exactly one permission per declared command, plus the native
/// open/save dialogs: a command left out cannot be called, one not declared cannot be granted.
/// The capability file is generated (`UPDATE_BINDINGS=1` rewrites it).
#[test]
fn capability_bindings_are_fresh_and_grant_exactly_the_declared_commands() {
    let path = repo("src-tauri/capabilities/main.json");
    let generated = commands::typescript::capability();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text == generated,
        "{} is stale: run `UPDATE_BINDINGS=1 cargo test -p planner-core bindings` and commit it",
        path.display()
    );
    let capability: serde_json::Value = serde_json::from_str(&text).unwrap();
    let granted: BTreeSet<String> = capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_owned())
        .collect();
    let mut expected: BTreeSet<String> = commands::names()
        .into_iter()
        .map(|n| format!("allow-{}", n.replace('_', "-")))
        .collect();
    expected.insert("dialog:allow-open".into());
    expected.insert("dialog:allow-save".into());
    // The close request, heard so that unsaved changes are asked about (and the window then
    // destroyed by the page): nothing else of the window or event APIs.
    expected.insert("core:event:allow-listen".into());
    expected.insert("core:window:allow-destroy".into());
    assert_eq!(granted, expected);
    assert_eq!(capability["windows"], serde_json::json!(["main"]));
}

/// The shell generates its commands from the list: no source file of `src-tauri` writes a
/// `#[tauri::command]` of its own, so no command body can hold logic the CLI would lack.
#[test]
fn the_shell_writes_no_command_by_hand() {
    let dir = repo("src-tauri/src");
    let mut attributes = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        for (n, line) in text.lines().enumerate() {
            if line.contains("#[tauri::command") {
                attributes.push(format!("{}:{}", path.display(), n + 1));
            }
        }
    }
    assert_eq!(attributes.len(), 1, "{attributes:?}");
    assert!(attributes[0].contains("commands.rs"), "{attributes:?}");
}

/// A session on `store` with the demo seeded.
fn session(mut store: planner_core::Store) -> Session {
    planner_core::demo::seed_demo(
        &mut store,
        chrono::NaiveDate::from_ymd_opt(2027, 3, 1).unwrap(),
    )
    .unwrap();
    Session::new(store)
}

fn print_options() -> planner_core::itinerary::to_pdf::PrintOptions {
    planner_core::itinerary::to_pdf::PrintOptions {
        member_id: None,
        language: planner_core::domain::BriefLanguage::Vi,
    }
}

fn first_delegation(s: &mut Session) -> i64 {
    let page = commands::records::list_records(
        s,
        planner_core::domain::EntityKind::Delegations,
        Default::default(),
    )
    .unwrap();
    page.items[0]["id"].as_i64().unwrap()
}

/// Every command that writes a file the user chose follows one rule with one error code.
#[test]
fn every_chosen_output_path_follows_one_rule() {
    let (dir, store) = crate::temp_store();
    let mut s = session(store);
    let id = first_delegation(&mut s);
    let bad = |name: &str| Some(dir.path().join(name).display().to_string());
    let codes = [
        commands::delegations::export_itinerary_ics(&mut s, id, None, bad("x.pdf")),
        commands::delegations::print_itinerary(&mut s, id, print_options(), bad("x.ics")),
        commands::delegations::print_itinerary(&mut s, id, print_options(), Some("x.pdf".into())),
        commands::people::person_export(&mut s, 1, bad("x.txt").unwrap()),
        commands::people::export_contacts(
            &mut s,
            planner_core::contacts_io::import::ExportFormat::Vcard,
            bad("x.csv").unwrap(),
        ),
    ]
    .map(|r| r.unwrap_err().payload().fields[0].code.clone());
    assert!(codes.iter().all(|c| c == "bad_output_path"), "{codes:?}");
    let request = planner_core::briefs::BriefRequest::new(
        planner_core::briefs::Audience::Delegation { id },
        planner_core::domain::BriefLanguage::Vi,
    );
    let err = commands::briefs::brief_generate(&mut s, request.clone(), bad("x.html"));
    assert_eq!(err.unwrap_err().payload().fields[0].code, "bad_output_path");
    // With no path chosen, the brief goes to the store's own `briefs/` folder.
    let done = commands::briefs::brief_generate(&mut s, request, None).unwrap();
    assert!(done
        .path
        .starts_with(&dir.path().join("briefs").display().to_string()));
    assert!(std::path::Path::new(&done.path).exists());
}

on_both! {
    /// Only an itinerary this session printed can be opened through the window.
    fn only_a_printed_itinerary_can_be_opened(store) {
        let mut s = session(store);
        let err = commands::delegations::open_itinerary_pdf(&mut s, "/etc/passwd".into());
        assert_eq!(err.unwrap_err().payload().fields[0].code, "not_printed");
    }
}

on_both! {
    /// An import asks the shell for the index work it leaves; a dry run does not.
    fn an_import_asks_for_tidying_and_a_dry_run_does_not(store) {
        let (dir, mut s) = (tempfile::tempdir().unwrap(), session(store));
        let file = dir.path().join("people.csv");
        std::fs::write(&file, "full_name,email\nNguyễn Văn Tư,tu@example.vn\n").unwrap();
        let mut request = planner_core::contacts_io::ImportRequest {
            path: file.display().to_string(),
            dry_run: true,
            ..Default::default()
        };
        let dry = commands::people::import_contacts(&mut s, request.clone()).unwrap();
        assert!(!s.take_tidy_wanted());
        request.dry_run = false;
        let done = commands::people::import_contacts(&mut s, request).unwrap();
        assert_eq!((dry.contacts_created, done.contacts_created), (1, 1));
        assert!(s.take_tidy_wanted());
        assert!(!s.take_tidy_wanted(), "asked once");
    }
}
