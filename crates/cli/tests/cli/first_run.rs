//! `planner init` with the first-run flags, on real store files: the choices the app's
//! first-run screen makes, a refusal beside its flag, the old `planner init` unchanged, and a
//! chosen data folder remembered in the config file under a fresh HOME, where every later
//! `planner` command (and the app) finds the store. (A module of the `cli` test binary.)

use super::{json, ok, planner, temp_db};
use std::path::Path;
use std::process::Command;

/// The setting `key` of the store at `db`, read by Python's sqlite3 (the CLI shows no settings).
fn setting(db: &Path, key: &str) -> String {
    let out = Command::new("python3")
        .args([
            "-c",
            "import sqlite3,sys; r=sqlite3.connect(sys.argv[1]).execute(\
             'SELECT value FROM settings WHERE key=?',(sys.argv[2],)).fetchone(); \
             print(r[0] if r else '')",
        ])
        .arg(db)
        .arg(key)
        .output()
        .expect("python3 runs");
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

#[test]
fn init_without_flags_only_creates_the_store() {
    let (_dir, db) = temp_db();
    let out = ok(&db, &["init"], None);
    assert!(out.contains("schema version"), "{out}");
    assert!(!out.contains("set up"), "{out}");
    assert_eq!(
        setting(&db, "set_up_at"),
        "",
        "the app's first run still asks"
    );
}

#[test]
fn init_flags_make_the_first_run_choices() {
    let (dir, db) = temp_db();
    let backups = dir.path().join("sao lưu");
    let out = ok(
        &db,
        &[
            "init",
            "--language",
            "en",
            "--empty",
            "--office-name",
            "Trung tâm Xúc tiến Hà Nội",
            "--office-name-en",
            "Hanoi Promotion Centre",
            "--office-code",
            "ITPC-HN",
            "--office-city",
            "Hà Nội",
            "--office-country",
            "vn",
            "--office-email",
            "xuctien@hanoi.gov.vn",
            "--backups",
            backups.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.starts_with("set up empty"), "{out}");
    assert_eq!(setting(&db, "ui_language"), "en");
    assert_ne!(setting(&db, "set_up_at"), "");
    assert_eq!(setting(&db, "backup_folder"), backups.to_str().unwrap());
    assert!(backups.is_dir());
    let office = json(&db, &["office", "show", "--json"]);
    assert_eq!(office["profile"]["code"], "ITPC-HN");
    assert_eq!(office["profile"]["name_en"], "Hanoi Promotion Centre");
    assert_eq!(office["profile"]["country"], "VN");
    let delegations = json(&db, &["list", "delegations", "--json"]);
    assert_eq!(delegations.as_array().unwrap().len(), 0, "started empty");

    // Set up once: the same flags again are refused, and say why.
    let again = planner(&db, &["init", "--demo"], None);
    assert_eq!(again.code, 2, "{}", again.stderr);
    assert!(again.stderr.contains("set up already"), "{}", again.stderr);
}

#[test]
fn init_demo_seeds_and_a_wrong_office_code_is_refused_with_nothing_written() {
    let (_dir, db) = temp_db();
    let bad = planner(
        &db,
        &[
            "init",
            "--demo",
            "--office-name",
            "VP",
            "--office-code",
            "vp hn",
        ],
        None,
    );
    assert_eq!(bad.code, 2, "{}", bad.stderr);
    assert!(bad.stderr.contains("code"), "{}", bad.stderr);
    assert_eq!(setting(&db, "set_up_at"), "", "nothing applied");
    let wrong_language = planner(&db, &["init", "--language", "fr"], None);
    assert_eq!(wrong_language.code, 2, "{}", wrong_language.stderr);

    let out = ok(&db, &["init", "--demo"], None);
    assert!(out.starts_with("set up with the demo data"), "{out}");
    assert_eq!(setting(&db, "ui_language"), "vi", "Vietnamese unless told");
    let delegations = json(&db, &["list", "delegations", "--json"]);
    assert!(delegations.as_array().unwrap().len() >= 2);
}

/// `planner` with HOME set to `home` and nothing else telling it where the store is.
fn in_home(home: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_planner"))
        .args(args)
        .env("HOME", home)
        .env_remove("PLANNER_DB")
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("XDG_DATA_HOME")
        .output()
        .expect("planner runs")
}

#[test]
fn a_data_folder_chosen_at_init_is_where_every_later_command_looks() {
    let home = tempfile::tempdir().unwrap();
    let folder = home.path().join("Dữ liệu xúc tiến");
    let out = in_home(
        home.path(),
        &["init", "--empty", "--data-folder", folder.to_str().unwrap()],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let db = folder.join("planner.db");
    assert!(db.is_file(), "the store is made in the chosen folder");
    assert!(
        !home
            .path()
            .join(".local/share/delegation-planner/planner.db")
            .exists(),
        "no store at the default path on the way"
    );
    let config = home.path().join(".config/delegation-planner/config.json");
    let remembered: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&config).unwrap()).unwrap();
    assert_eq!(remembered["data_folder"], folder.to_str().unwrap());

    // No --db: the config file names the store, for `init` and for every other command
    // (which refuses a missing store, so success means it found this one).
    let again = in_home(home.path(), &["init"]);
    let text = String::from_utf8(again.stdout).unwrap();
    assert!(text.starts_with(db.to_str().unwrap()), "{text}");
    let listed = in_home(home.path(), &["list", "delegations", "--json"]);
    assert!(
        listed.status.success(),
        "{}",
        String::from_utf8_lossy(&listed.stderr)
    );

    // --db and --data-folder name two places.
    let both = Command::new(env!("CARGO_BIN_EXE_planner"))
        .args(["--db", "/tmp/x.db", "init", "--data-folder", "/tmp/y"])
        .env("HOME", home.path())
        .output()
        .unwrap();
    assert_eq!(both.status.code(), Some(1));
}
