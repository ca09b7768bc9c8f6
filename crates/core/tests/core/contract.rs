//! The contract suite stays whole (issue 17): every file of this test binary is either a contract
//! file, whose tests run on both backends (`on_both!`) unless listed here as SQLite-only with a
//! reason, or a file listed here as not about the store's behaviour. A new store test therefore
//! cannot silently be SQLite-only, and a new file must say which it is.

use std::collections::BTreeSet;
use std::path::PathBuf;

/// The files whose tests are the store's contract: on both backends, but for the exceptions.
const CONTRACT_FILES: &[&str] = &[
    "briefs",
    "clock_changes",
    "commands",
    "crud",
    "dashboard",
    "demo",
    "exchange",
    "exchange_adopt",
    "fixtures",
    "hostile",
    "images",
    "import",
    "import_report",
    "itinerary",
    "linked",
    "people",
    "revisions",
    "search",
    "sectors",
    "sort_keys",
    "store_exports",
    "two_offices",
    "validation",
];

/// Tests of contract files that run on SQLite only, each with its reason. (A plain test that opens
/// a team store itself, `crate::team_store()`, compares the backends and needs no entry.)
const SQLITE_ONLY: &[(&str, &str, &str)] = &[
    ("commands", "command_bindings_are_fresh", NO_STORE),
    ("commands", "every_command_is_named_once", NO_STORE),
    (
        "commands",
        "capability_bindings_are_fresh_and_grant_exactly_the_declared_commands",
        NO_STORE,
    ),
    ("commands", "the_shell_writes_no_command_by_hand", NO_STORE),
    (
        "commands",
        "every_chosen_output_path_follows_one_rule",
        BESIDE_THE_FILE,
    ),
    (
        "fixtures",
        "fixture_bindings_are_fresh",
        "writes the checked-in answers from store files; \
        fixture_answers_are_the_same_from_a_team_store holds a team store to the same file",
    ),
    (
        "hostile",
        "links_open_only_what_the_corpus_allows",
        NO_STORE,
    ),
    (
        "hostile",
        "every_exporter_keeps_hostile_text_as_text",
        BESIDE_THE_FILE,
    ),
    (
        "hostile",
        "the_webview_fetches_nothing_remote_and_runs_no_inline_script",
        NO_STORE,
    ),
    (
        "import",
        "a_dry_run_reports_what_the_import_then_does",
        "imports every fixture twice into \
        fresh stores: minutes on a server per run for what the import tests on both already hold",
    ),
    (
        "import",
        "a_large_import_leaves_indexing_merging_and_the_checkpoint_to_steps_that_change_no_answer",
        FTS5,
    ),
    (
        "import",
        "records_left_to_index_are_indexed_before_any_search_or_write_and_after_a_crash",
        FTS5,
    ),
    (
        "import",
        "another_store_on_the_file_keeps_its_changes_and_its_crash_mark_while_one_indexes",
        FTS5,
    ),
    (
        "import",
        "wiping_the_store_forgets_what_an_import_left_to_index",
        FTS5,
    ),
    (
        "import",
        "exports_round_trip_through_import_into_an_empty_store",
        "opens two stores in one \
        test; the export and import it chains are each on both",
    ),
    (
        "import",
        "an_id_freed_by_a_deletion_is_not_taken_for_the_imports_record",
        "SQLite gives a deleted highest id again; PostgreSQL's sequences never do, so the case \
         cannot arise",
    ),
    (
        "revisions",
        "two_connections_racing_on_one_revision_exactly_one_wins",
        "two connections to \
        one file; two officers on a team store race in crates/cli/tests/cli/team.rs",
    ),
    (
        "sectors",
        "migration_10_maps_free_text_sectors_to_tags_and_keeps_the_rest_for_review",
        "a SQLite schema migration (a team store starts at the current schema)",
    ),
    (
        "sort_keys",
        "plain_sqlite_and_python_check_and_write_the_store_and_the_doctor_mends_their_keys",
        "plain SQLite and Python's sqlite3 writing the store file behind the core's back",
    ),
    (
        "validation",
        "required_fields_are_those_an_empty_record_is_refused_on",
        NO_STORE,
    ),
];

/// A test that reads no store.
const NO_STORE: &str = "reads no store";
/// A test of the documents a store writes into its own folder beside the file.
const BESIDE_THE_FILE: &str = "checks the default folder beside the store file (a team store's \
    is this desktop's data folder: a_team_stores_documents_go_to_this_desktops_data_folder)";
/// A test of SQLite's FTS5 index maintenance (a team store's index has no deferred steps).
const FTS5: &str = "SQLite's FTS5 index left to later steps after a large import (a team store \
    indexes as it writes)";

/// The files that are not about the store's behaviour, each with its reason.
const OTHER_FILES: &[(&str, &str)] = &[
    (
        "about",
        "the About box: the build and the store file's place",
    ),
    (
        "backup",
        "backups copy the store file (a team store's are the server's, by the agency's IT)",
    ),
    (
        "backup_after_erase",
        "backups of the store file after an erase",
    ),
    ("backup_free_pages", "free pages of the SQLite file"),
    ("backup_overdue", "backups of the store file"),
    ("backup_session", "backups of the store file"),
    ("bindings", "generated TypeScript bindings"),
    (
        "concurrency",
        "SQLite's locking between connections to one file",
    ),
    (
        "contacts_io",
        "reads no store: vCard and CSV files parsed and written from contacts made in memory \
         (a store's export and import of them: store_exports, import)",
    ),
    ("contract", "this check"),
    (
        "live_changes",
        "another officer's commit heard through LISTEN/NOTIFY (PostgreSQL only)",
    ),
    (
        "team_changes",
        "a pulled copy's changes pushed back to its team store (both at once)",
    ),
    (
        "team_copy",
        "a store file pushed into a team database and pulled back (both at once)",
    ),
    (
        "team_copy_files",
        "the files beside a store file carried by a push and pull (both at once)",
    ),
    (
        "team_failures",
        "a team store's server stopped, stalled or cut off (PostgreSQL only)",
    ),
    (
        "team_migrations",
        "the team schema migrated with its rows from every earlier version (PostgreSQL only)",
    ),
    (
        "team_counts",
        "the totals a team store's triggers keep (PostgreSQL only)",
    ),
    (
        "team_officers",
        "two officers' logins editing one team store at once (PostgreSQL only)",
    ),
    (
        "team_pull",
        "a team store pulled into a new file (both at once)",
    ),
    (
        "team_roles",
        "the database's role model: read-only, officer, manager (PostgreSQL only)",
    ),
    (
        "team_tls",
        "TLS to a server on another computer (PostgreSQL only)",
    ),
    (
        "team_app",
        "what the app asks at start, answered on a team store (PostgreSQL only)",
    ),
    ("doctor", "the SQLite file's integrity"),
    (
        "exchange_team",
        "the exchange's key and received files under a team store's roles (PostgreSQL only)",
    ),
    (
        "erased_bytes",
        "erased bytes gone from the SQLite file's pages",
    ),
    (
        "first_run",
        "choosing the store's folder and file at first start",
    ),
    (
        "ics",
        "reads no store: calendar files written from plans made in memory (a store's: \
         store_exports)",
    ),
    (
        "itinerary_pdf",
        "reads no store: printed itineraries from plans made in memory (a store's: \
         store_exports)",
    ),
    ("labels", "generated labels"),
    ("licences", "the licences list"),
    (
        "migrations",
        "the SQLite schema's migrations (the team schema's are in team_schema)",
    ),
    ("read_only", "store files that cannot be written"),
    ("store_health", "the store file's health"),
    (
        "team_schema",
        "the team store's own schema, roles and grants (PostgreSQL only)",
    ),
    ("words", "screen words"),
];

/// How a file that says it reads no store would open one.
const STORE_OPENERS: &[&str] = &[
    "Store",
    "temp_store",
    "team_store",
    "file_store",
    "store_like",
    "open_url",
];

fn tests_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/core")
}

/// The plain `#[test]` functions of a file's text: (name, body up to its closing brace).
fn plain_tests(text: &str) -> Vec<(String, String)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line.trim() != "#[test]" {
            continue;
        }
        let Some((j, name)) = lines[i + 1..].iter().enumerate().find_map(|(k, l)| {
            let rest = l.trim_start().strip_prefix("fn ")?;
            Some((i + 1 + k, rest[..rest.find('(')?].to_owned()))
        }) else {
            continue;
        };
        let end = lines[j..]
            .iter()
            .position(|l| *l == "}")
            .map_or(lines.len(), |k| j + k);
        out.push((name, lines[j..end].join("\n")));
    }
    out
}

#[test]
fn every_store_test_runs_on_both_backends_or_says_why_not() {
    let mut files = BTreeSet::new();
    for entry in std::fs::read_dir(tests_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "rs") {
            files.insert(path.file_stem().unwrap().to_string_lossy().into_owned());
        }
    }
    let contract: BTreeSet<String> = CONTRACT_FILES.iter().map(|f| f.to_string()).collect();
    let other: BTreeSet<String> = OTHER_FILES.iter().map(|(f, _)| f.to_string()).collect();
    assert!(contract.is_disjoint(&other), "a file in both lists");
    let unsorted: Vec<_> = files
        .iter()
        .filter(|f| !contract.contains(*f) && !other.contains(*f))
        .collect();
    assert!(
        unsorted.is_empty(),
        "put each of {unsorted:?} in CONTRACT_FILES or OTHER_FILES (with a reason) in {}",
        file!()
    );
    let gone: Vec<_> = contract
        .union(&other)
        .filter(|f| !files.contains(*f))
        .collect();
    assert!(gone.is_empty(), "listed but missing: {gone:?}");

    for (file, reason) in OTHER_FILES {
        if !reason.starts_with("reads no store") {
            continue;
        }
        let text = std::fs::read_to_string(tests_dir().join(format!("{file}.rs"))).unwrap();
        let opens: Vec<_> = STORE_OPENERS.iter().filter(|o| text.contains(*o)).collect();
        assert!(
            opens.is_empty(),
            "{file} is listed as reading no store but names {opens:?}: make it a contract file"
        );
    }

    let mut excepted: BTreeSet<(String, String)> = SQLITE_ONLY
        .iter()
        .map(|(f, t, _)| (f.to_string(), t.to_string()))
        .collect();
    let mut single = Vec::new();
    let mut both = 0;
    for file in CONTRACT_FILES {
        let text = std::fs::read_to_string(tests_dir().join(format!("{file}.rs"))).unwrap();
        both += text.matches("on_both! {").count();
        for (name, body) in plain_tests(&text) {
            let listed = excepted.remove(&(file.to_string(), name.clone()));
            let opens_a_team_store = body.contains("crate::team_store()");
            if !listed && !opens_a_team_store {
                single.push(format!("{file}::{name}"));
            }
        }
    }
    assert!(
        single.is_empty(),
        "these store tests run on SQLite only: put each in on_both! {{ … }}, or list it with its \
         reason in SQLITE_ONLY in {}: {single:#?}",
        file!()
    );
    assert!(
        excepted.is_empty(),
        "SQLITE_ONLY names tests that are no longer plain tests: {excepted:?}"
    );
    assert!(both >= 80, "only {both} contract tests on both backends");
}
