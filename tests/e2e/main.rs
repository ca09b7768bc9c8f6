//! End-to-end tests on the real app window. Run under `xvfb-run -a` after building the app and
//! the CLI (the README's test command does all of it). Each scenario is its own test on its own
//! store; they take turns at the window (`Scenario`), so one failure does not hide the others.

mod about;
mod backup_notices;
mod backups;
mod briefs;
mod changes_elsewhere;
mod contacts;
mod delegations;
mod exchange;
mod first_run;
mod forms;
mod foundation;
mod guide_screenshots;
mod hostile;
mod installed;
mod leads;
mod revisions;
mod screens;
mod second_launch;
mod store_health;
mod team_offline;
mod team_store;
mod words;

/// The harness takes only the UI's own test ids (no window needed).
#[test]
fn selectors_take_only_the_uis_test_ids() {
    use planner_e2e::is_test_id;
    assert!(is_test_id("dashboard-loaded"));
    assert!(is_test_id("nav-briefs"));
    assert!(is_test_id("error-path"));
    assert!(!is_test_id("dashboard-loaded-typo"));
    assert!(!is_test_id("nav-"));
}
