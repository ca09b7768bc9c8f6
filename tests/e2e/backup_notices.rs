//! Backups outside Settings, in the real window: the dashboard's backup status on the demo data
//! (a warning while there is no backup, its link to Settings › Backups, calm after a backup),
//! and erasing a person, then accepting the offer to remove the backups that still hold them:
//! the old backups leave the list, and no byte of the backup folder holds their e-mail.

use planner_e2e::{artifacts, by_test_id, create, planner, Scenario};
use serde_json::json;

#[test]
fn the_dashboard_shows_the_backups_and_leads_to_settings() {
    let scenario = Scenario::begin("e2e-backup-glance.db");
    let app = scenario.launch();
    app.wait_for(&by_test_id("dashboard-loaded"), 30);
    // The demo was just seeded and nothing backed it up yet: said in a warning's colours.
    app.wait_for_text(&by_test_id("backup-glance-last"), "Chưa có bản sao lưu", 10);
    let warning = app.script(
        "return document.querySelector(arguments[0]).dataset.warning;",
        vec![json!(by_test_id("backup-glance"))],
    );
    assert_eq!(warning, json!("true"));
    app.screenshot(&artifacts().join("backup-glance-none.png"));

    app.click(&by_test_id("backup-glance-link"));
    app.wait_for(&by_test_id("backup-settings"), 10);
    app.click(&by_test_id("backup-now"));
    app.wait_for(&by_test_id("backup-made"), 60);

    app.click(&by_test_id("nav-dashboard"));
    app.wait_for(&by_test_id("dashboard-loaded"), 30);
    app.wait_for_text(
        &by_test_id("backup-glance-last"),
        "Lần sao lưu gần nhất",
        10,
    );
    let glance = app.wait_for(&by_test_id("backup-glance"), 10);
    let text = app.text(&glance);
    let folder = scenario.dir().join("backups");
    assert!(
        text.contains(folder.to_str().unwrap()),
        "the place is shown: {text}"
    );
    let warning = app.script(
        "return document.querySelector(arguments[0]).dataset.warning;",
        vec![json!(by_test_id("backup-glance"))],
    );
    assert_eq!(warning, json!("false"));
    app.screenshot(&artifacts().join("backup-glance.png"));
}

/// Every file in `folder` whose bytes hold `needle`.
fn files_holding(folder: &std::path::Path, needle: &str) -> Vec<String> {
    std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            std::fs::read(p)
                .unwrap()
                .windows(needle.len())
                .any(|w| w == needle.as_bytes())
        })
        .map(|p| p.display().to_string())
        .collect()
}

#[test]
fn erase_a_person_then_remove_the_backups_that_still_hold_them() {
    let scenario = Scenario::begin("e2e-erase-thin.db");
    let db = scenario.db();
    let name = "Phạm Thị Xoá Hẳn";
    let email = "xoa.han@example.vn";
    planner(db, &["demo"]);
    let id = create(
        db,
        "contacts",
        json!({ "full_name": name, "emails": [{ "label": "work", "value": email }] }),
    );
    let old = planner(db, &["backup", "create"]);
    let folder = scenario.dir().join("backups");
    assert!(!files_holding(&folder, email).is_empty());

    let app = scenario.launch();
    app.wait_for(&by_test_id("dashboard-loaded"), 30);
    app.go(&format!("#/contacts/people/{id}"));
    app.click(&by_test_id("person-erase"));
    app.type_into(&by_test_id("erase-confirm-name"), name);
    app.click(&by_test_id("erase-confirm"));
    app.wait_for(&by_test_id("erase-report"), 30);
    // The offer counts the backup taken before the erase, and asks before removing anything.
    app.wait_for_text(&by_test_id("erase-thin-offer"), "1 bản sao lưu", 10);
    app.click(&by_test_id("erase-thin-ask"));
    let panel = app.wait_for(&by_test_id("erase-thin-panel"), 10);
    let asked = app.text(&panel);
    assert!(asked.contains("nơi lưu thứ hai"), "{asked}");
    app.screenshot(&artifacts().join("erase-thin-confirm.png"));
    app.click(&by_test_id("erase-thin-confirm"));
    app.wait_for(&by_test_id("erase-thin-done"), 60);

    // The backup taken before the erase is gone from the list; the new one is all there is.
    app.click(&by_test_id("nav-settings"));
    app.wait_for(&by_test_id("backup-row"), 10);
    let rows = app.find_all(&by_test_id("backup-row"));
    assert_eq!(rows.len(), 1);
    // A row names its file in the title of its time.
    let listed = app.script(
        "return [...document.querySelectorAll(arguments[0] + ' span[title]')].map((s) => s.title);",
        vec![json!(by_test_id("backup-row"))],
    );
    let old_name = old
        .split_whitespace()
        .find(|w| w.contains("planner-"))
        .and_then(|p| p.rsplit('/').next())
        .unwrap()
        .to_owned();
    let listed: Vec<String> = serde_json::from_value(listed).unwrap();
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert_ne!(listed[0], old_name);
    drop(app);
    assert_eq!(files_holding(&folder, email), Vec::<String>::new());
}
