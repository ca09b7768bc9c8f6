//! The installed package as an officer meets it: `./dev test-package` installs the .deb, then
//! runs this scenario (ignored otherwise) with E2E_APP naming the installed app and E2E_HOME a
//! fresh home folder. The app starts from the PATH's binary with that HOME, no PLANNER_DB and
//! no XDG_DATA_HOME, so it must create its store in the OS data directory, and shows its first
//! screen: the first-run screen (once the UI has one; until then the demo's dashboard).

use planner_e2e::{by_test_id, is_test_id, Scenario};
use std::ffi::OsStr;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// The first-run screen's test id (ui/src/lib/test-ids.json, item 3 of issue 16).
const FIRST_RUN: &str = "first-run";

#[test]
#[ignore = "run by `./dev test-package` on the installed package (E2E_APP, E2E_HOME)"]
fn the_installed_app_creates_its_store_in_the_data_directory_and_shows_its_first_screen() {
    let home = PathBuf::from(std::env::var_os("E2E_HOME").expect("E2E_HOME: a fresh home"));
    let scenario = Scenario::begin("unused.db");
    let app = scenario.launch_at_home_with_env(&home, &[("NO_AT_BRIDGE", Some(OsStr::new("1")))]);
    // A build whose UI has the first-run screen must show it on a fresh home; one without it
    // seeds the demo and shows the dashboard.
    let expected = if is_test_id(FIRST_RUN) {
        FIRST_RUN
    } else {
        "dashboard-loaded"
    };
    let deadline = Instant::now() + Duration::from_secs(60);
    while app.find_all(&by_test_id(expected)).is_empty() {
        assert!(
            Instant::now() < deadline,
            "the installed app did not show `{expected}` within 60 s"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    println!(
        "installed app: first screen `{expected}` {} ms after launch",
        app.since_launch().as_millis()
    );
    let store = home.join(".local/share/delegation-planner/planner.db");
    assert!(store.is_file(), "no store at {}", store.display());
    drop(app);

    // Told to start on the demo (as the README's run command does), on another fresh home: the
    // time from launch to the first screen with data, the dashboard's counts of the demo.
    let demo_home = scenario.home();
    let app = scenario.launch_at_home_with_args(
        &demo_home,
        &["--demo"],
        &[("NO_AT_BRIDGE", Some(OsStr::new("1")))],
    );
    let deadline = Instant::now() + Duration::from_secs(60);
    while app.find_all(&by_test_id("dashboard-loaded")).is_empty() {
        assert!(
            Instant::now() < deadline,
            "the installed app did not show the demo's dashboard within 60 s"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    println!(
        "installed app: first screen with data (the demo's dashboard) {} ms after launch",
        app.since_launch().as_millis()
    );
    assert!(demo_home
        .join(".local/share/delegation-planner/planner.db")
        .is_file());
}
