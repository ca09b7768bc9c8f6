//! The store's health at the app's start, in the real window: a read-only store (a 0444 file
//! in a 0555 folder) opens with the read-only banner and shows its data; a store with a page
//! damaged behind the app's back opens with the damage banner offering the newest good backup,
//! and restoring it through the confirmation brings the data back and the banner goes.

use planner_e2e::{artifacts, by_test_id, planner, Scenario};
use rusqlite::Connection;
use serde_json::Value;
use std::io::{Seek, SeekFrom, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::{Duration, Instant};

/// Gives the folder and the store their write bits back, even when the scenario panics, so the
/// temp folder can go (another user than root could not remove a file from a 0555 folder).
struct Writable<'a>(&'a Path);

impl Drop for Writable<'_> {
    fn drop(&mut self) {
        let _ =
            std::fs::set_permissions(self.0.parent().unwrap(), PermissionsExt::from_mode(0o755));
        let _ = std::fs::set_permissions(self.0, PermissionsExt::from_mode(0o644));
    }
}

#[test]
fn a_read_only_store_opens_with_a_banner_and_shows_its_data() {
    let scenario = Scenario::begin("e2e-read-only.db");
    let db = scenario.db();
    planner(db, &["demo"]);
    let _writable = Writable(db);
    std::fs::set_permissions(db, PermissionsExt::from_mode(0o444)).unwrap();
    std::fs::set_permissions(scenario.dir(), PermissionsExt::from_mode(0o555)).unwrap();

    let app = scenario.launch();
    app.wait_for(&by_test_id("dashboard-loaded"), 30);
    let banner = app.wait_for(&by_test_id("store-health-read-only"), 15);
    let said = app.text(&banner);
    assert!(
        said.contains("chỉ đọc") && said.contains(db.to_str().unwrap()),
        "{said}"
    );
    // The window paints a moment after the element is there.
    std::thread::sleep(Duration::from_millis(1000));
    app.screenshot(&artifacts().join("store-read-only.png"));
    // The data is there: a record reads as ever.
    app.go("#/contacts/organizations/1");
    app.wait_for_text(&by_test_id("detail-title"), &organization_name(db), 15);
    drop(app);
    let folder: Vec<_> = std::fs::read_dir(scenario.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !folder
            .iter()
            .any(|n| n.ends_with("-wal") || n.ends_with("-shm")),
        "nothing written beside it: {folder:?}"
    );
}

/// The first organisation's Vietnamese name, as the CLI reads it.
fn organization_name(db: &Path) -> String {
    let shown: Value =
        serde_json::from_str(&planner(db, &["show", "organizations", "1", "--json"])).unwrap();
    shown["name_vi"].as_str().unwrap().to_owned()
}

/// Overwrites the header of an index page of `audit_log` (the records' own pages stay whole,
/// so the store opens), as a failing disk might.
fn damage_an_index_page(path: &Path) {
    let (page_size, root): (u64, u64) = {
        let conn = Connection::open(path).unwrap();
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .unwrap();
        (
            conn.pragma_query_value(None, "page_size", |r| r.get(0))
                .unwrap(),
            conn.query_row(
                "SELECT rootpage FROM sqlite_schema WHERE type = 'index'
                 AND tbl_name = 'audit_log' AND sql IS NOT NULL ORDER BY rootpage LIMIT 1",
                [],
                |r| r.get(0),
            )
            .unwrap(),
        )
    };
    let mut file = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    file.seek(SeekFrom::Start((root - 1) * page_size)).unwrap();
    file.write_all(&[0x42; 12]).unwrap();
    file.sync_all().unwrap();
}

#[test]
fn a_damaged_store_offers_the_newest_good_backup_and_restoring_it_brings_the_data_back() {
    let scenario = Scenario::begin("e2e-damaged.db");
    let db = scenario.db();
    planner(db, &["demo"]);
    planner(db, &["backup", "create"]);
    let listed: Value = serde_json::from_str(&planner(db, &["backup", "list", "--json"])).unwrap();
    let name = listed[0]["name"].as_str().expect("a backup").to_owned();
    let organization = organization_name(db);
    damage_an_index_page(db);

    let app = scenario.launch();
    let banner = app.wait_for(&by_test_id("store-health-damaged"), 30);
    let offered = app.wait_for(&by_test_id("store-health-backup"), 5);
    assert!(app.text(&offered).contains(&name), "{}", app.text(&offered));
    assert!(
        app.text(&banner).contains("bị hỏng"),
        "{}",
        app.text(&banner)
    );
    std::thread::sleep(Duration::from_millis(1000));
    app.screenshot(&artifacts().join("store-damaged.png"));
    app.click(&by_test_id("store-health-restore"));
    let panel = app.wait_for(&by_test_id("restore-panel"), 10);
    assert!(app.text(&panel).contains(db.to_str().unwrap()));
    app.click(&by_test_id("restore-confirm"));
    app.wait_for(&by_test_id("restore-notice"), 60);
    let deadline = Instant::now() + Duration::from_secs(15);
    while !app.find_all(&by_test_id("store-health-damaged")).is_empty() {
        assert!(
            Instant::now() < deadline,
            "the damage banner stays after the restore"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    app.go("#/contacts/organizations/1");
    app.wait_for_text(&by_test_id("detail-title"), &organization, 15);
    drop(app);
    let doctor = planner(db, &["doctor", "--no-backups"]);
    assert!(doctor.starts_with("ok"), "{doctor}");
}
