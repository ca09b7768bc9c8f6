//! Backups as the app's window reaches them: the `backups` commands over a `Session`, the
//! session's restore (its own connection closed, the store reopened, or the original kept open
//! when the restore fails), and the idle backups the app's thread runs.

use planner_core::backup::IdleBackups;
use planner_core::commands::{backups, Session};
use planner_core::domain::*;
use planner_core::{CoreError, Store};
use std::path::Path;
use std::time::Duration;

fn add_organizations(store: &mut Store, names: &[&str]) {
    for name in names {
        store
            .create(&Organization {
                name_vi: (*name).into(),
                country: "VN".into(),
                ..Organization::default()
            })
            .unwrap();
    }
}

fn session_with(names: &[&str]) -> (tempfile::TempDir, Session) {
    let (dir, mut store) = crate::temp_store();
    add_organizations(&mut store, names);
    (dir, Session::new(store))
}

fn organizations(s: &Session) -> i64 {
    s.store.count(EntityKind::Organizations).unwrap()
}

fn code(e: CoreError) -> String {
    match e {
        CoreError::Invalid(f) => f[0].code.clone(),
        other => other.code().to_owned(),
    }
}

#[test]
fn a_restore_through_the_session_brings_the_backup_back_and_the_store_stays_usable() {
    let (_dir, mut s) = session_with(&["Công ty Sông Hồng", "Tập đoàn Biển Đông"]);
    let made = backups::backup_now(&mut s).unwrap();
    assert_eq!(made.counts["organizations"], 2);
    add_organizations(&mut s.store, &["Công ty Mới"]);

    let status = backups::backup_status(&mut s).unwrap();
    assert_eq!(status.store_counts["organizations"], 3);
    assert_eq!(status.last_path.as_deref(), Some(made.path.as_str()));
    assert_eq!(status.last_at.as_deref(), Some(made.taken_at.as_str()));
    assert!(status.folder_is_default && status.last_failure.is_none());

    let report = backups::restore_backup(&mut s, made.path.clone()).unwrap();
    assert_eq!(report.counts["organizations"], 2);
    assert_eq!(report.safety_backup.counts["organizations"], 3);
    assert!(report.safety_backup.kept);
    // The session's store is the restored file, open and writable again.
    assert_eq!(organizations(&s), 2);
    add_organizations(&mut s.store, &["Sau khi khôi phục"]);
    assert_eq!(organizations(&s), 3);
    // Both the safety backup and the backup restored from are kept out of rotation.
    let listed = backups::list_backups(&mut s).unwrap();
    assert_eq!(listed.iter().filter(|b| b.kept).count(), 2, "{listed:?}");
}

#[test]
fn a_failed_restore_leaves_the_original_store_open_as_it_was() {
    let (dir, mut s) = session_with(&["Công ty Sông Hồng"]);
    let made = backups::backup_now(&mut s).unwrap();
    add_organizations(&mut s.store, &["Công ty Mới"]);

    // Another connection holds the store (another planner process): refused, nothing moved.
    let elsewhere = rusqlite::Connection::open(dir.path().join("planner.db")).unwrap();
    elsewhere
        .query_row("SELECT count(*) FROM settings", [], |r| r.get::<_, i64>(0))
        .unwrap();
    let e = backups::restore_backup(&mut s, made.path.clone()).unwrap_err();
    assert_eq!(code(e), "store_in_use");
    assert_eq!(organizations(&s), 2);
    drop(elsewhere);

    // A damaged file with a backup's name: refused before anything moves.
    let damaged = Path::new(&made.path).with_file_name("planner-20200101T000000Z-s1.db");
    std::fs::write(&damaged, b"not a database at all, only bytes").unwrap();
    let e = backups::restore_backup(&mut s, damaged.display().to_string()).unwrap_err();
    assert_eq!(code(e), "backup_damaged");
    assert_eq!(organizations(&s), 2);
    add_organizations(&mut s.store, &["Vẫn ghi được"]);
    assert_eq!(organizations(&s), 3);
}

#[test]
fn the_window_checks_and_restores_only_backups_in_the_backup_folders() {
    let (dir, mut s) = session_with(&["Công ty Sông Hồng"]);
    let made = backups::backup_now(&mut s).unwrap();
    let outside = dir.path().join(&made.name);
    std::fs::copy(&made.path, &outside).unwrap();
    for path in [outside, dir.path().join("planner.db")] {
        let path = path.display().to_string();
        let e = backups::verify_backup(&mut s, path.clone()).unwrap_err();
        assert_eq!(code(e), "not_a_backup");
        let e = backups::restore_backup(&mut s, path).unwrap_err();
        assert_eq!(code(e), "not_a_backup");
    }
    let checked = backups::verify_backup(&mut s, made.path).unwrap();
    assert!(checked.ok(), "{:?}", checked.problems);
    assert_eq!(checked.counts["organizations"], 1);
}

#[test]
fn folders_chosen_in_the_window_receive_the_next_backup() {
    let (dir, mut s) = session_with(&["Công ty Sông Hồng"]);
    let main = dir.path().join("chosen");
    let usb = dir.path().join("usb");
    let status = backups::set_backup_folders(
        &mut s,
        Some(main.display().to_string()),
        Some(usb.display().to_string()),
    )
    .unwrap();
    assert_eq!(status.folder, main.display().to_string());
    assert!(!status.folder_is_default);
    assert_eq!(status.second_folder, Some(usb.display().to_string()));
    let made = backups::backup_now(&mut s).unwrap();
    assert_eq!(Path::new(&made.path).parent(), Some(main.as_path()));
    assert_eq!(
        made.second_copy,
        Some(usb.join(&made.name).display().to_string())
    );
    // A backup in the second destination may be checked too.
    let copy = usb.join(&made.name).display().to_string();
    assert!(backups::verify_backup(&mut s, copy).unwrap().ok());
    // A relative folder is refused by the core, whatever the dialog gave.
    let e = backups::set_backup_folders(&mut s, Some("relative/dir".into()), None).unwrap_err();
    assert_eq!(code(e), "bad_output_path");
    // None: back to `backups/` beside the store, no second destination.
    let status = backups::set_backup_folders(&mut s, None, Some(String::new())).unwrap();
    assert!(status.folder_is_default && status.second_folder.is_none());
}

#[test]
fn idle_backups_wait_for_a_pause_run_when_due_and_keep_their_failure() {
    let (dir, s) = session_with(&["Công ty Sông Hồng"]);
    let path = dir.path().join("planner.db");
    let now = chrono::Utc::now();

    // Commands ran a moment ago: not idle, no backup.
    let busy = IdleBackups::new(Duration::from_secs(3600));
    busy.note_command();
    assert!(!busy.is_idle());
    assert!(busy.run_once(&path, now).is_none());

    let quiet = IdleBackups::new(Duration::ZERO);
    let made = quiet
        .run_once(&path, now)
        .expect("a backup when idle and due");
    assert_eq!(made.counts["organizations"], 1);
    // Taken on the thread's own connection, while the session's stays open; then not due.
    assert_eq!(organizations(&s), 1);
    assert!(quiet.run_once(&path, now).is_none());
    assert!(quiet
        .run_once(&path, now + chrono::Duration::hours(2))
        .is_none());

    // A failure is kept (for the Settings screen), not raised, and the next success clears it.
    let gone = dir.path().join("moved-away.db");
    assert!(quiet.run_once(&gone, now).is_none());
    let failure = quiet.last_failure().expect("the failure is kept");
    assert_eq!(failure.error.code, "no_store");
    let mut s = s;
    add_organizations(&mut s.store, &["Công ty Mới"]);
    let later = now + chrono::Duration::hours(2);
    assert!(quiet.run_once(&path, later).is_some());
    assert!(quiet.last_failure().is_none());
}
