//! Stores that cannot be written here open read-only, decided from the mode bits (so root,
//! whom the kernel lets write anything, gets the same answer as another user): reads work,
//! every write and backup is refused with `store_read_only`, nothing is migrated, and an older
//! schema is refused in words rather than upgraded.

use planner_core::backup;
use planner_core::commands::Session;
use planner_core::domain::{EntityKind, Organization};
use planner_core::store::{migrate_to, ReadOnlyReason, LATEST_VERSION};
use planner_core::{CoreError, Store};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, PermissionsExt::from_mode(mode)).unwrap();
}

fn organization() -> Organization {
    Organization {
        name_vi: "Công ty Chỉ Đọc".into(),
        country: "VN".into(),
        ..Organization::default()
    }
}

#[test]
fn a_0444_store_opens_read_only_and_refuses_every_write_in_words() {
    let (dir, mut store) = crate::temp_store();
    store.create(&organization()).unwrap();
    let path = store.path().unwrap().to_owned();
    drop(store);
    chmod(&path, 0o444);

    let mut store = Store::open(&path).expect("opens rather than failing");
    assert_eq!(store.read_only(), Some(ReadOnlyReason::File));
    assert_eq!(store.count(EntityKind::Organizations).unwrap(), 1);
    let refused = store.create(&organization()).unwrap_err();
    assert!(matches!(refused, CoreError::ReadOnlyStore), "{refused:?}");
    assert_eq!(refused.code(), "store_read_only");
    assert!(refused.message_vi().contains("chỉ đọc"));
    let refused = store.set_setting("language", "en").unwrap_err();
    assert_eq!(refused.code(), "store_read_only");
    let refused = backup::create(&mut store, chrono::Utc::now(), false).unwrap_err();
    assert_eq!(refused.code(), "store_read_only");
    assert!(!backup::due(&store, chrono::Utc::now()).unwrap());
    assert!(!dir.path().join("backups").exists(), "no backup written");

    let mut s = Session::new(store);
    let health = crate::core::store_health::checked(&mut s);
    assert_eq!(health.read_only, Some(ReadOnlyReason::File));
    assert!(!health.damaged);
    drop(s);
    chmod(&path, 0o644);
    assert_eq!(Store::open(&path).unwrap().read_only(), None);
}

#[test]
fn a_store_in_a_0555_folder_opens_immutable_and_leaves_no_file_beside_it() {
    let outer = tempfile::tempdir().unwrap();
    let folder = outer.path().join("shared");
    let path = folder.join("planner.db");
    Store::open(&path).unwrap().create(&organization()).unwrap();
    chmod(&folder, 0o555);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.read_only(), Some(ReadOnlyReason::Folder));
    assert_eq!(store.count(EntityKind::Organizations).unwrap(), 1);
    drop(store);
    let names: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("planner.db")]);
    chmod(&folder, 0o755);
}

#[test]
fn an_older_read_only_store_is_refused_untouched_since_upgrading_would_write() {
    let outer = tempfile::tempdir().unwrap();
    let folder = outer.path().join("old");
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join("planner.db");
    let mut conn = rusqlite::Connection::open(&path).unwrap();
    migrate_to(&mut conn, 12).unwrap();
    drop(conn);
    chmod(&path, 0o444);
    chmod(&folder, 0o555);
    let refused = Store::open(&path).err().expect("refused");
    assert!(
        matches!(refused, CoreError::ReadOnlyOldSchema { found: 12, known } if known == LATEST_VERSION),
        "{refused:?}"
    );
    assert_eq!(refused.code(), "store_read_only_old_schema");
    assert!(refused
        .to_string()
        .contains("copy it to a folder you can write to"));
    chmod(&folder, 0o755);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: u32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 12, "not migrated");
}
