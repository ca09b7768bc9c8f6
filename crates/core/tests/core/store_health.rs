//! The store's health as the app asks for it at start (`commands::health::store_health`): a
//! sound store is healthy and no backup is looked for; a store with a page damaged behind the
//! app's back (bytes overwritten in an index page of a copy) is damaged, names the newest
//! backup that passes a full check (skipping a newer damaged one), and restoring that backup
//! through the session brings the records back.

use chrono::{Duration, NaiveDate, Utc};
use planner_core::backup;
use planner_core::commands::{health, Session};
use planner_core::domain::EntityKind;
use planner_core::Store;
use rusqlite::Connection;
use std::io::{Seek, SeekFrom, Write};
use std::path::Path;

fn demo_store() -> (tempfile::TempDir, Store) {
    let (dir, mut store) = crate::temp_store();
    planner_core::demo::seed_demo(&mut store, NaiveDate::from_ymd_opt(2026, 11, 27).unwrap())
        .unwrap();
    (dir, store)
}

/// Overwrites the header of the first page of an index of `table` (its b-tree page type and
/// cell pointers), as a failing disk or another program might: the records' own pages stay
/// whole, so the store still opens.
pub fn damage_an_index_page(path: &Path, table: &str) {
    let (page_size, root): (u64, u64) = {
        let conn = Connection::open(path).unwrap();
        let _: String = conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(String::new()))
            .unwrap_or_default();
        (
            conn.pragma_query_value(None, "page_size", |r| r.get(0))
                .unwrap(),
            conn.query_row(
                "SELECT rootpage FROM sqlite_schema WHERE type = 'index' AND tbl_name = ?1
                 AND sql IS NOT NULL ORDER BY rootpage LIMIT 1",
                [table],
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

/// The health once the check's own thread is done (the first answers say `checking`).
pub fn checked(s: &mut Session) -> planner_core::doctor::StoreHealth {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let health = health::store_health(s).unwrap();
        if !health.checking {
            return health;
        }
        assert!(std::time::Instant::now() < deadline, "the check never ends");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

#[test]
fn the_first_answer_says_checking_and_read_only_without_waiting_for_the_check() {
    let (_dir, store) = demo_store();
    let mut s = Session::new(store);
    let first = health::store_health(&mut s).unwrap();
    assert!(first.checking && !first.damaged && first.findings.is_empty());
    // A store file keeps the office key beside it: its session may sign, before and after.
    assert!(first.may_sign);
    let done = checked(&mut s);
    assert!(!done.checking && done.may_sign);
}

#[test]
fn a_sound_store_is_healthy_and_its_start_does_not_check_backups() {
    let (_dir, mut store) = demo_store();
    backup::create(&mut store, Utc::now(), false).unwrap();
    let mut s = Session::new(store);
    let health = crate::core::store_health::checked(&mut s);
    assert!(!health.damaged, "{:?}", health.findings);
    assert_eq!(health.read_only, None);
    assert!(health.findings.is_empty());
    assert_eq!(
        health.newest_good_backup, None,
        "looked for only when damaged"
    );
    assert!(health.store_path.ends_with("planner.db"));
}

#[test]
fn a_damaged_store_names_the_newest_good_backup_and_restoring_it_brings_the_data_back() {
    let (dir, mut store) = demo_store();
    let path = store.path().unwrap().to_owned();
    let organizations = store.count(EntityKind::Organizations).unwrap();
    let now = Utc::now();
    let good = backup::create(&mut store, now - Duration::hours(2), false).unwrap();
    // A newer backup that is itself damaged is passed over.
    let bad = backup::create(&mut store, now - Duration::hours(1), false).unwrap();
    drop(store);
    damage_an_index_page(Path::new(&bad.path), "audit_log");
    damage_an_index_page(&path, "audit_log");

    let store = Store::open(&path).expect("an index page's damage does not stop the open");
    let mut s = Session::new(store);
    let health = crate::core::store_health::checked(&mut s);
    assert!(health.damaged, "{health:?}");
    let integrity = health
        .findings
        .iter()
        .find(|f| f.code == "integrity")
        .expect("quick_check finds the page");
    assert!(!integrity.items.is_empty());
    assert!(integrity.message.en.contains("restore a backup"));
    let offered = health.newest_good_backup.expect("a good backup is offered");
    assert_eq!(offered.name, good.name, "the newer damaged one is skipped");
    assert_eq!(offered.counts["organizations"], organizations);

    let report = s.restore(Path::new(&offered.path)).unwrap();
    assert_eq!(report.counts["organizations"], organizations);
    assert!(
        Path::new(&report.safety_backup.path).is_file(),
        "the damaged store is kept (moved aside when too damaged to copy): {}",
        report.safety_backup.path
    );
    let after = crate::core::store_health::checked(&mut s);
    assert!(!after.damaged, "{after:?}");
    assert_eq!(
        s.store.count(EntityKind::Organizations).unwrap(),
        organizations
    );
    drop(dir);
}
