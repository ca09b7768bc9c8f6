//! `planner backup create | list | verify | restore` round trip on a real store, as an officer
//! would: a backup, a change, a refused restore that says what it would replace, the restore,
//! and the change gone. (A module of the `cli` test binary.)

use super::{json, ok, planner, temp_db};

#[test]
fn backup_create_list_verify_and_restore_round_trip() {
    let (dir, db) = temp_db();
    ok(&db, &["demo"], None);
    let made = json(&db, &["backup", "create", "--json"]);
    let organizations = made["counts"]["organizations"].as_i64().unwrap();
    assert!(organizations > 0, "{made}");
    let file = made["path"].as_str().unwrap().to_owned();
    assert!(
        file.starts_with(dir.path().join("backups").to_str().unwrap()),
        "{file}"
    );

    let listed = json(&db, &["backup", "list", "--json"]);
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["bytes"], made["bytes"]);
    assert!(ok(&db, &["backup", "verify", &file], None).starts_with("ok: "));

    ok(
        &db,
        &["create", "organizations"],
        Some(r#"{"name_vi": "Công ty Mới Sau Sao Lưu", "country": "VN"}"#),
    );
    // Without --yes nothing moves, and the officer is told what would be replaced.
    let refused = planner(&db, &["backup", "restore", &file], None);
    assert_ne!(refused.code, 0);
    assert!(refused.stderr.contains("--yes"), "{}", refused.stderr);
    assert!(
        refused.stderr.contains(db.to_str().unwrap()),
        "{}",
        refused.stderr
    );
    let count = |db| {
        json(db, &["list", "organizations", "--json", "--limit", "10000"])
            .as_array()
            .unwrap()
            .len() as i64
    };
    assert_eq!(count(&db), organizations + 1);

    let restored = json(&db, &["backup", "restore", &file, "--yes", "--json"]);
    assert_eq!(restored["counts"]["organizations"], organizations);
    assert_eq!(count(&db), organizations);
    // Both the safety copy and the restored backup stay, out of rotation.
    let listed = json(&db, &["backup", "list", "--json"]);
    let kept: Vec<bool> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["kept"].as_bool().unwrap())
        .collect();
    assert_eq!(kept, vec![true, true], "{listed}");
}

#[test]
fn a_damaged_backup_fails_verify() {
    let (dir, db) = temp_db();
    ok(&db, &["demo"], None);
    let made = json(&db, &["backup", "create", "--json"]);
    let damaged = dir.path().join("damaged.db");
    let mut bytes = std::fs::read(made["path"].as_str().unwrap()).unwrap();
    let at = (bytes.len() / 4096 / 2) * 4096;
    bytes[at..at + 100].fill(0xA5);
    std::fs::write(&damaged, bytes).unwrap();
    let r = planner(&db, &["backup", "verify", damaged.to_str().unwrap()], None);
    assert_ne!(r.code, 0);
    assert!(r.stderr.contains("damaged"), "{}", r.stderr);
}
