//! Backups and restore on real files: a checked copy, a damaged copy found, a restore round
//! trip, a newer schema refused with the store untouched, a store held elsewhere refused, the
//! office key carried with its permissions, and the backups taken before a migration.

use planner_core::backup::{self, BackupFile};
use planner_core::domain::*;
use planner_core::store::{migrate_to, LATEST_VERSION};
use planner_core::{CoreError, Store};
use rusqlite::Connection;
use std::path::{Path, PathBuf};

fn add_organizations(store: &mut Store, n: usize, from: usize) {
    for i in from..from + n {
        store
            .create(&Organization {
                name_vi: format!("Công ty Đông Á {i}"),
                country: "VN".into(),
                ..Organization::default()
            })
            .unwrap();
    }
}

fn store_with(n: usize) -> (tempfile::TempDir, Store) {
    let (dir, mut store) = crate::temp_store();
    add_organizations(&mut store, n, 0);
    (dir, store)
}

fn folder(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("backups")
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

fn organizations(b: &BackupFile) -> i64 {
    b.counts["organizations"]
}

fn code(e: CoreError) -> String {
    match e {
        CoreError::Invalid(f) => f[0].code.clone(),
        other => other.code().to_owned(),
    }
}

#[test]
fn a_backup_is_a_checked_self_contained_copy_named_by_instant_and_schema() {
    let (dir, mut store) = store_with(30);
    let made = backup::create(&mut store, chrono::Utc::now(), false).unwrap();
    assert!(
        made.name.starts_with("planner-")
            && made.name.ends_with(&format!("Z-s{LATEST_VERSION}.db")),
        "{}",
        made.name
    );
    assert_eq!(organizations(&made), 30);
    // Only the finished copy is there: no temporary file, no WAL beside it.
    assert_eq!(names(&folder(&dir)), vec![made.name.clone()]);
    let checked = backup::verify(Path::new(&made.path)).unwrap();
    assert!(checked.ok(), "{:?}", checked.problems);
    assert_eq!(checked.counts, made.counts);
    let listed = backup::list(&folder(&dir)).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].bytes, made.bytes);
    assert_eq!(listed[0].counts, made.counts);
    assert_eq!(names(&folder(&dir)), vec![made.name]);
}

#[test]
fn a_backup_before_an_operation_is_skipped_when_nothing_changed() {
    let (_dir, mut empty) = crate::temp_store();
    assert!(
        backup::before(&mut empty).unwrap().is_none(),
        "nothing to keep"
    );
    let (dir, mut store) = store_with(3);
    assert!(backup::before(&mut store).unwrap().is_some());
    assert!(backup::before(&mut store).unwrap().is_none(), "unchanged");
    let id = store
        .list::<Organization>(&planner_core::store::ListQuery::default())
        .unwrap()
        .items[0]
        .meta
        .id;
    store
        .update_json(
            EntityKind::Organizations,
            id,
            serde_json::json!({"name_vi": "Đổi tên"}),
        )
        .unwrap();
    assert!(
        backup::before(&mut store).unwrap().is_some(),
        "an update is a change"
    );
    assert_eq!(names(&folder(&dir)).len(), 2);
    // A backup deleted by hand is taken again.
    for n in names(&folder(&dir)) {
        std::fs::remove_file(folder(&dir).join(n)).unwrap();
    }
    assert!(backup::before(&mut store).unwrap().is_some());
}

#[test]
fn a_damaged_backup_is_found_and_never_restored() {
    let (dir, mut store) = store_with(200);
    let made = backup::create(&mut store, chrono::Utc::now(), false).unwrap();
    let damaged = dir.path().join("damaged.db");
    let mut bytes = std::fs::read(&made.path).unwrap();
    // A torn write: the head of a page in the middle of the file (a page of the records, past
    // the header and the schema) overwritten with other bytes.
    let page = 4096;
    let at = (bytes.len() / page / 2) * page;
    for b in &mut bytes[at..at + 100] {
        *b ^= 0x5a;
    }
    std::fs::write(&damaged, bytes).unwrap();
    let checked = backup::verify(&damaged).unwrap();
    assert!(!checked.ok(), "flipped bytes must be found");
    let path = store.path().unwrap().to_owned();
    drop(store);
    let before = std::fs::read(&path).unwrap();
    let refused = backup::restore(&path, &damaged).unwrap_err();
    assert_eq!(code(refused), "backup_damaged");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the store is untouched"
    );
}

#[test]
fn a_restore_brings_back_the_records_and_keeps_both_copies_out_of_rotation() {
    let (dir, mut store) = store_with(10);
    let made = backup::create(&mut store, chrono::Utc::now(), false).unwrap();
    add_organizations(&mut store, 5, 10);
    let path = store.path().unwrap().to_owned();
    drop(store);
    let report = backup::restore(&path, Path::new(&made.path)).unwrap();
    assert_eq!(report.counts["organizations"], 10);
    assert_eq!(report.safety_backup.counts["organizations"], 15);
    assert!(report.safety_backup.kept && report.safety_backup.name.ends_with("-kept.db"));
    assert!(
        report.restored_from.ends_with("-kept.db"),
        "{}",
        report.restored_from
    );
    let store = Store::open_existing(&path).unwrap();
    assert_eq!(store.count(EntityKind::Organizations).unwrap(), 10);
    // Nothing left aside, and the two copies are kept out of rotation.
    let leftovers: Vec<_> = names(dir.path())
        .into_iter()
        .filter(|n| n.contains("replaced") || n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // The safety copy is not lost under the renamed one, even when both are of one second.
    let listed = backup::list(&folder(&dir)).unwrap();
    assert_eq!(listed.len(), 2, "{listed:?}");
    assert!(listed.iter().all(|b| b.kept), "{listed:?}");
}

#[test]
fn a_newer_schema_backup_is_refused_and_the_store_kept() {
    let (dir, mut store) = store_with(4);
    let made = backup::create(&mut store, chrono::Utc::now(), false).unwrap();
    let newer = dir.path().join("newer.db");
    std::fs::copy(&made.path, &newer).unwrap();
    Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", LATEST_VERSION + 1)
        .unwrap();
    let path = store.path().unwrap().to_owned();
    drop(store);
    let refused = backup::restore(&path, &newer).unwrap_err();
    assert!(
        matches!(refused, CoreError::NewerSchema { .. }),
        "{refused}"
    );
    let store = Store::open_existing(&path).unwrap();
    assert_eq!(store.count(EntityKind::Organizations).unwrap(), 4);
    assert_eq!(
        names(&folder(&dir)),
        vec![made.name],
        "no safety copy either"
    );
}

#[test]
fn a_restore_is_refused_while_the_store_is_open_elsewhere() {
    let (_dir, mut store) = store_with(2);
    let made = backup::create(&mut store, chrono::Utc::now(), false).unwrap();
    let path = store.path().unwrap().to_owned();
    // `store` stays open: the app, or another planner command.
    let refused = backup::restore(&path, Path::new(&made.path)).unwrap_err();
    assert_eq!(code(refused), "store_in_use");
    assert_eq!(store.count(EntityKind::Organizations).unwrap(), 2);
}

#[cfg(unix)]
#[test]
fn the_office_key_goes_beside_the_backup_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, mut store) = store_with(1);
    let profile = crate::core::two_offices::profile("HN", "Xúc tiến Hà Nội", "Hanoi promotion");
    planner_core::exchange::office::save(&mut store, profile).unwrap();
    planner_core::exchange::office::signing_key(&mut store).unwrap();
    let key = planner_core::exchange::office::key_path(&store).unwrap();
    let made = backup::create(&mut store, chrono::Utc::now(), false).unwrap();
    assert!(made.with_office_key);
    let copy = folder(&dir).join(format!("{}.office-key", made.name));
    assert_eq!(std::fs::read(&copy).unwrap(), std::fs::read(&key).unwrap());
    let mode = std::fs::metadata(&copy).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "{mode:o}");
}

#[test]
fn a_second_destination_gets_the_same_copy() {
    let (dir, mut store) = store_with(3);
    let usb = dir.path().join("usb");
    backup::set_places(&mut store, None, Some(&usb)).unwrap();
    let made = backup::create(&mut store, chrono::Utc::now(), false).unwrap();
    let second = usb.join(&made.name);
    assert_eq!(made.second_copy.as_deref(), Some(second.to_str().unwrap()));
    assert_eq!(
        std::fs::read(&second).unwrap(),
        std::fs::read(&made.path).unwrap()
    );
}

#[test]
fn taking_a_backup_thins_the_folder() {
    let (dir, mut store) = store_with(1);
    let first = backup::create(&mut store, chrono::Utc::now(), false).unwrap();
    // Old backups as a year of use leaves them: two on one day 20 days ago, one two years ago.
    for old in [
        "planner-20200101T000000Z-s12.db",
        "planner-20200101T000000Z-s12-kept.db",
    ] {
        std::fs::copy(&first.path, folder(&dir).join(old)).unwrap();
    }
    let day = (chrono::Utc::now() - chrono::Duration::days(20)).format("%Y%m%d");
    for hour in ["08", "17"] {
        let name = format!("planner-{day}T{hour}0000Z-s12.db");
        std::fs::copy(&first.path, folder(&dir).join(name)).unwrap();
    }
    add_organizations(&mut store, 1, 1);
    let second = backup::create(&mut store, chrono::Utc::now(), false).unwrap();
    let mut expected = vec![
        first.name,
        second.name,
        "planner-20200101T000000Z-s12-kept.db".to_owned(),
        format!("planner-{day}T170000Z-s12.db"),
    ];
    expected.sort();
    assert_eq!(names(&folder(&dir)), expected);
}

#[test]
fn a_store_with_records_is_copied_before_it_is_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("planner.db");
    {
        let mut conn = Connection::open(&path).unwrap();
        migrate_to(&mut conn, LATEST_VERSION - 1).unwrap();
        conn.execute(
            "INSERT INTO organizations (uuid, created_at, updated_at, kind, name_vi, country, size)
             VALUES ('0f8e8f6a-3c1b-4c43-9d4c-6b1f7a1d2e3f', '2025-01-01T00:00:00.000Z',
                     '2025-01-01T00:00:00.000Z', 'investor', 'Công ty Đông Á', 'VN', 'unknown')",
            [],
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
    let listed = backup::list(&dir.path().join("backups")).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].schema_version, LATEST_VERSION - 1);
    assert_eq!(organizations(&listed[0]), 1);
    // An empty store, or one already current, is not copied.
    drop(store);
    Store::open(&path).unwrap();
    let (fresh, _) = crate::temp_store();
    assert_eq!(backup::list(&dir.path().join("backups")).unwrap().len(), 1);
    assert!(names(&fresh.path().join("backups")).is_empty());
}
