//! Backups in the window: back up now from Settings and see the backup listed with its counts,
//! change a record with the `planner` CLI while the app is open, restore the backup through the
//! confirmation (which names the store), land on the dashboard, and see the old value back in
//! the window and through the CLI.

use planner_e2e::{artifacts, by_test_id, create, planner, Scenario};
use serde_json::{json, Value};

#[test]
fn back_up_change_a_record_then_restore_it_in_the_window() {
    let scenario = Scenario::begin("e2e-backups.db");
    let db = scenario.db();
    let before = "Công ty Sao Lưu Gốc";
    let after = "Công ty Đã Đổi Tên";
    let app = scenario.launch();
    app.wait_for(&by_test_id("dashboard-loaded"), 30);
    // Written by the CLI while the app is open, as an office's script would.
    let id = create(
        db,
        "organizations",
        json!({ "name_vi": before, "country": "VN" }),
    );
    let organizations: Value =
        serde_json::from_str(&planner(db, &["list", "organizations", "--json"])).unwrap();
    let organizations = organizations.as_array().unwrap().len();

    app.click(&by_test_id("nav-settings"));
    app.wait_for(&by_test_id("backup-settings"), 10);
    app.click(&by_test_id("backup-now"));
    app.wait_for(&by_test_id("backup-made"), 60);
    // The newest backup is first, with the store's counts; the last backup's place is shown.
    app.wait_for_text(
        &by_test_id("backup-counts"),
        &format!("Tổ chức {organizations}"),
        10,
    );
    app.wait_for_text(&by_test_id("backup-last-path"), "planner-", 10);
    app.screenshot(&artifacts().join("backups.png"));

    let patch = scenario.dir().join("rename.json");
    std::fs::write(&patch, json!({ "name_vi": after }).to_string()).unwrap();
    planner(
        db,
        &[
            "update",
            "organizations",
            &id.to_string(),
            patch.to_str().unwrap(),
        ],
    );

    app.click(&by_test_id("backup-restore"));
    let panel = app.wait_for(&by_test_id("restore-panel"), 10);
    let asked = app.text(&panel);
    assert!(
        asked.contains(db.to_str().unwrap()),
        "the confirmation names the store: {asked}"
    );
    app.screenshot(&artifacts().join("backup-restore-confirm.png"));
    app.click(&by_test_id("restore-confirm"));
    app.wait_for(&by_test_id("restore-notice"), 60);
    app.wait_for(&by_test_id("dashboard-loaded"), 30);

    app.script(
        &format!("window.location.hash = '#/contacts/organizations/{id}'; return true;"),
        vec![],
    );
    app.wait_for_text(&by_test_id("detail-title"), before, 10);
    drop(app);

    let shown: Value = serde_json::from_str(&planner(
        db,
        &["show", "organizations", &id.to_string(), "--json"],
    ))
    .unwrap();
    assert_eq!(shown["name_vi"], before);
}
