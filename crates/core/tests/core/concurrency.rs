//! One store used by several connections at once, as the app, `planner` commands and the idle
//! backups do: a write waits for another's up to `BUSY_WAIT`, then gives up with `store_busy`
//! in words (never SQLite's "database is locked"); a backup on another connection fails no
//! write; two programs opening an old store at once migrate it once. (The three-writer test
//! with real `planner` processes is in the CLI's tests.)

use crate::temp_store;
use planner_core::domain::{EntityKind, Organization};
use planner_core::store::{migrate_to, BUSY_WAIT, LATEST_VERSION};
use planner_core::{CoreError, Store};
use std::path::Path;
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

fn organization(name: String) -> Organization {
    Organization {
        name_vi: name,
        country: "VN".into(),
        ..Organization::default()
    }
}

/// Another program's write transaction on `path`, held for `hold` once this returns.
fn write_elsewhere(path: &Path, hold: Duration) -> JoinHandle<()> {
    let path = path.to_owned();
    let (taken, wait) = mpsc::channel();
    let other = std::thread::spawn(move || {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "BEGIN IMMEDIATE; INSERT INTO settings(key, value) VALUES ('elsewhere', 'x');",
        )
        .unwrap();
        taken.send(()).unwrap();
        std::thread::sleep(hold);
        conn.execute_batch("COMMIT").unwrap();
    });
    wait.recv().unwrap();
    other
}

#[test]
fn a_write_waits_for_a_shorter_write_elsewhere_and_lands() {
    let (dir, mut store) = temp_store();
    let other = write_elsewhere(&dir.path().join("planner.db"), Duration::from_millis(800));
    let started = Instant::now();
    store
        .create(&organization("Công ty Chờ Lượt".into()))
        .unwrap();
    let waited = started.elapsed();
    other.join().unwrap();
    assert!(waited >= Duration::from_millis(700), "waited {waited:?}");
    assert!(waited < BUSY_WAIT, "waited {waited:?}");
    assert_eq!(store.setting("elsewhere").unwrap().as_deref(), Some("x"));
}

#[test]
fn a_write_held_up_longer_than_the_bound_gives_up_with_store_busy_in_words() {
    let (dir, mut store) = temp_store();
    let other = write_elsewhere(
        &dir.path().join("planner.db"),
        BUSY_WAIT + Duration::from_millis(1500),
    );
    let started = Instant::now();
    let refused = store
        .create(&organization("Công ty Hết Giờ".into()))
        .unwrap_err();
    let waited = started.elapsed();
    assert!(matches!(refused, CoreError::StoreBusy), "{refused:?}");
    assert!(
        waited >= BUSY_WAIT - Duration::from_millis(300)
            && waited < BUSY_WAIT + Duration::from_millis(1200),
        "gave up after {waited:?}, the bound is {BUSY_WAIT:?}"
    );
    let payload = refused.payload();
    assert_eq!(payload.code, "store_busy");
    for words in [&payload.message_en, &payload.message_vi] {
        assert!(!words.to_lowercase().contains("locked"), "{words}");
    }
    assert!(payload.message_en.contains("nothing was saved"));
    assert!(payload.message_vi.contains("chưa lưu"));
    other.join().unwrap();
    // Nothing half-written; the next write goes through.
    assert_eq!(store.count(EntityKind::Organizations).unwrap(), 0);
    store
        .create(&organization("Công ty Lần Sau".into()))
        .unwrap();
}

#[test]
fn backups_on_another_connection_fail_no_write() {
    let (dir, mut store) = temp_store();
    let path = dir.path().join("planner.db");
    for n in 0..200 {
        store
            .create(&organization(format!("Công ty Nền {n}")))
            .unwrap();
    }
    // What the idle-backup thread does: its own connection, `VACUUM INTO`, the checks, its
    // bookkeeping in the settings, and the WAL checkpoints its commits bring.
    let backups = std::thread::spawn(move || {
        let mut beside = Store::open_existing(&path).unwrap();
        (0..3)
            .map(|_| planner_core::backup::create(&mut beside, chrono::Utc::now(), false))
            .collect::<Vec<_>>()
    });
    let mut longest = Duration::ZERO;
    for n in 0..300 {
        let started = Instant::now();
        store
            .create(&organization(format!("Công ty Song Song {n}")))
            .unwrap();
        longest = longest.max(started.elapsed());
    }
    for made in backups.join().unwrap() {
        made.unwrap();
    }
    println!("the longest write beside backups took {longest:?}");
    assert_eq!(store.count(EntityKind::Organizations).unwrap(), 500);
    assert!(longest < BUSY_WAIT);
}

#[test]
fn two_programs_opening_an_old_store_at_once_migrate_it_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("planner.db");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "journal_mode", "WAL").unwrap();
        migrate_to(&mut conn, LATEST_VERSION - 1).unwrap();
    }
    let opening: Vec<_> = (0..2)
        .map(|_| {
            let path = path.clone();
            std::thread::spawn(move || Store::open(&path).map(|s| s.schema_version()))
        })
        .collect();
    for open in opening {
        assert_eq!(open.join().unwrap().unwrap().unwrap(), LATEST_VERSION);
    }
}
