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

/// Every file under `folder` whose bytes hold `needle`.
fn holding(folder: &std::path::Path, needle: &str) -> Vec<String> {
    std::fs::read_dir(folder)
        .map(|d| d.flatten().map(|e| e.path()).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
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
fn an_erase_thins_the_backups_that_hold_the_person_in_both_folders_when_asked() {
    let (dir, db) = temp_db();
    let usb = dir.path().join("usb");
    ok(&db, &["demo"], None);
    ok(
        &db,
        &["backup", "folders", "--second", usb.to_str().unwrap()],
        None,
    );
    let email = "ngoc.erase@example.vn";
    let person = |name: &str, email: &str| -> i64 {
        let body = format!(
            r#"{{"full_name": "{name}", "emails": [{{"label": "work", "value": "{email}"}}]}}"#
        );
        let out = ok(&db, &["create", "contacts", "-"], Some(&body));
        serde_json::from_str::<serde_json::Value>(&out).unwrap()["id"]
            .as_i64()
            .unwrap()
    };
    let a = person("Phạm Bích Ngọc", email);
    ok(&db, &["backup", "create"], None);
    // Erased without thinning: the backups keep the person, and the officer is told how to
    // remove them.
    let erased = ok(&db, &["person", "erase", &a.to_string(), "--yes"], None);
    assert!(erased.contains("backup thin --erased"), "{erased}");
    let backups = dir.path().join("backups");
    assert!(!holding(&backups, email).is_empty());
    assert!(!holding(&usb, email).is_empty());
    // Without --yes, the backups that would go are listed and nothing is deleted.
    let asked = planner(&db, &["backup", "thin", "--erased", &a.to_string()], None);
    assert_ne!(asked.code, 0);
    assert!(asked.stderr.contains("--yes"), "{}", asked.stderr);
    // One backup in each folder: the erase's own copy was skipped, nothing having changed.
    assert_eq!(asked.stdout.lines().count(), 2, "{}", asked.stdout);
    let thinned = json(
        &db,
        &[
            "backup",
            "thin",
            "--erased",
            &a.to_string(),
            "--yes",
            "--json",
        ],
    );
    assert_eq!(thinned["removed"].as_array().unwrap().len(), 2, "{thinned}");
    assert_eq!(holding(&backups, email), Vec::<String>::new());
    assert_eq!(holding(&usb, email), Vec::<String>::new());
    let left = json(&db, &["backup", "list", "--json"]);
    assert_eq!(left.as_array().unwrap().len(), 1, "{left}");
    assert_eq!(left[0]["path"], thinned["fresh"]["path"]);
    assert!(ok(
        &db,
        &["backup", "verify", left[0]["path"].as_str().unwrap()],
        None
    )
    .starts_with("ok: "));

    // The one-step form: erase and thin at once.
    let b_email = "tam.erase@example.vn";
    let b = person("Lê Văn Tám", b_email);
    ok(&db, &["backup", "create"], None);
    let out = ok(
        &db,
        &["person", "erase", &b.to_string(), "--yes", "--thin-backups"],
        None,
    );
    assert!(out.contains("deleted"), "{out}");
    for folder in [&backups, &usb] {
        assert_eq!(holding(folder, b_email), Vec::<String>::new());
        assert_eq!(holding(folder, email), Vec::<String>::new());
    }
    assert_eq!(
        json(&db, &["backup", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
}
