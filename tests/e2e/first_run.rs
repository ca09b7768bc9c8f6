//! First run on the real window and a fresh HOME (no store named, no `--demo`): the app makes
//! its store in the OS data directory and asks. Picked in English, empty, with the office: the
//! empty dashboard, the choices kept in the store, and the next start straight onto the app.
//! Again with the demo in another folder: the demo dashboard, the folder remembered in the
//! config file, where the CLI finds the store too.

use planner_e2e::{artifacts, bin_dir, by_test_id, planner, Scenario};
use serde_json::Value;
use std::path::Path;
use std::process::Command;

/// The store the OS data directory holds under `home` (Linux).
fn default_store(home: &Path) -> std::path::PathBuf {
    home.join(".local/share/delegation-planner/planner.db")
}

/// `planner` as the officer runs it: HOME `home`, no store named.
fn planner_at_home(home: &Path, args: &[&str]) -> String {
    let out = Command::new(bin_dir().join("planner"))
        .args(args)
        .env("HOME", home)
        .env_remove("PLANNER_DB")
        .env_remove("XDG_DATA_HOME")
        .env_remove("XDG_CONFIG_HOME")
        .output()
        .expect("planner runs");
    assert!(
        out.status.success(),
        "planner {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn count(listed: &str) -> usize {
    serde_json::from_str::<Value>(listed)
        .unwrap()
        .as_array()
        .unwrap()
        .len()
}

#[test]
fn first_run_in_english_starting_empty_with_the_office() {
    let scenario = Scenario::begin("unused.db");
    let home = scenario.home();
    {
        let app = scenario.launch_at_home();
        app.wait_for(&by_test_id("first-run"), 30);
        app.wait_for_text(&by_test_id("first-run"), "Chào mừng", 10);
        app.click(&by_test_id("language-en"));
        app.wait_for_text(&by_test_id("first-run"), "Welcome to Delegation Planner", 5);
        // The real default, shown: the OS data directory under this HOME.
        let shown = app.value_of(&by_test_id("first-run-data-folder"));
        let folder = default_store(&home).parent().unwrap().to_owned();
        assert_eq!(shown, folder.to_str().unwrap());
        app.click(&by_test_id("first-run-start-empty"));
        app.type_into(
            &by_test_id("profile-name_vi"),
            "Trung tâm Xúc tiến Đầu tư Hà Nội",
        );
        app.type_into(
            &by_test_id("profile-name_en"),
            "Hanoi Investment Promotion Centre",
        );
        app.type_into(&by_test_id("profile-code"), "itpc hn");
        app.type_into(&by_test_id("profile-country"), "VN");
        app.type_into(&by_test_id("profile-email"), "xuctien@hanoi.gov.vn");
        app.screenshot(&artifacts().join("first-run.png"));
        app.click(&by_test_id("first-run-finish"));
        // The core refuses the code beside its field; corrected, first run completes.
        app.wait_for(&by_test_id("error-code"), 10);
        app.type_into(&by_test_id("profile-code"), "ITPC-HN");
        app.click(&by_test_id("first-run-finish"));
        app.wait_for(&by_test_id("dashboard-loaded"), 30);
        app.wait_for_text(&by_test_id("nav-dashboard"), "Dashboard", 10);
        assert!(
            app.find_all(&by_test_id("upcoming-delegation")).is_empty(),
            "an empty store shows no delegation"
        );
        app.screenshot(&artifacts().join("first-run-empty-dashboard.png"));
    }
    let db = default_store(&home);
    assert!(db.is_file(), "the store is in the OS data directory");
    let office: Value = serde_json::from_str(&planner(&db, &["office", "show", "--json"])).unwrap();
    assert_eq!(office["profile"]["code"], "ITPC-HN");
    assert_eq!(office["profile"]["email"], "xuctien@hanoi.gov.vn");
    assert_eq!(
        count(&planner(&db, &["list", "organizations", "--json"])),
        0
    );
    assert!(
        !home.join(".config/delegation-planner/config.json").exists(),
        "the default folder is not written down"
    );

    // Set up: the next start opens the app in the language chosen, without asking again.
    let app = scenario.launch_at_home();
    app.wait_for(&by_test_id("dashboard-loaded"), 30);
    app.wait_for_text(&by_test_id("nav-settings"), "Settings", 10);
    assert!(app.find_all(&by_test_id("first-run")).is_empty());
}

#[test]
fn first_run_with_the_demo_in_a_folder_of_its_own() {
    let scenario = Scenario::begin("unused.db");
    let home = scenario.home();
    let folder = home.join("Dữ liệu xúc tiến");
    {
        let app = scenario.launch_at_home();
        app.wait_for(&by_test_id("first-run"), 30);
        app.click(&by_test_id("first-run-start-demo"));
        app.type_into(
            &by_test_id("first-run-data-folder"),
            folder.to_str().unwrap(),
        );
        // The backups follow the data folder until chosen apart.
        let backups = app.value_of(&by_test_id("first-run-backup-folder"));
        assert_eq!(backups, folder.join("backups").to_str().unwrap());
        app.click(&by_test_id("first-run-finish"));
        app.wait_for(&by_test_id("dashboard-loaded"), 60);
        app.wait_for(&by_test_id("upcoming-delegation"), 10);
        app.wait_for_text(&by_test_id("nav-dashboard"), "Tổng quan", 5);
    }
    let db = folder.join("planner.db");
    assert!(
        count(&planner(&db, &["list", "delegations", "--json"])) >= 2,
        "the demo is in the chosen folder"
    );
    let config: Value = serde_json::from_slice(
        &std::fs::read(home.join(".config/delegation-planner/config.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(config["data_folder"], folder.to_str().unwrap());
    // The CLI, given no store, finds the same one.
    let listed = planner_at_home(&home, &["list", "delegations", "--json"]);
    assert!(count(&listed) >= 2);
}
