//! A full disk and a read-only store, through `planner` as an officer's script would meet them.
//! The disk is made full with a file-size limit (RLIMIT_FSIZE) on the child process, with
//! SIGXFSZ ignored so that a write past it fails with EFBIG instead of killing the process: it
//! runs anywhere, as root too. A small tmpfs is tried as well where mounting is allowed.
//! Read-only is a 0444 store in a 0555 folder, which the core decides from the mode bits, so
//! root (whom the kernel lets write anything) and another user get the same answers.
//! (A module of the `cli` test binary.)

use super::{ok, planner, temp_db, Run};
use planner_core::domain::EntityKind;
use planner_core::store::plain_integrity_check;
use planner_core::Store;
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

/// `planner --db DB ARGS` with files limited to `bytes` (writes past it fail with EFBIG).
fn limited(db: &Path, bytes: u64, args: &[&str], stdin: Option<&str>) -> Run {
    let mut cmd = crate::planner_command();
    cmd.arg("--db").arg(db).args(args).env_remove("PLANNER_DB");
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            let limit = libc::rlimit {
                rlim_cur: bytes,
                rlim_max: bytes,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    run(cmd, stdin)
}

fn run(mut cmd: Command, stdin: Option<&str>) -> Run {
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("planner runs");
    let mut input = child.stdin.take().unwrap();
    if let Some(text) = stdin {
        input.write_all(text.as_bytes()).unwrap();
    }
    drop(input);
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// What must not change when a write fails: every kind's count and the import list.
fn snapshot(db: &Path) -> (Vec<i64>, String) {
    let store = Store::open_existing(db).unwrap();
    let counts = EntityKind::ALL
        .iter()
        .map(|k| store.count(*k).unwrap())
        .collect();
    drop(store);
    (counts, ok(db, &["import", "list", "--json"], None))
}

/// The store opens normally, SQLite (outside the app) finds it sound, and so does the doctor.
fn assert_sound(db: &Path) {
    let plain = plain_integrity_check(db).unwrap();
    assert!(plain.problems.is_empty(), "{:?}", plain.problems);
    let doctor = planner(db, &["doctor", "--no-backups"], None);
    assert_eq!(doctor.code, 0, "{}{}", doctor.stdout, doctor.stderr);
}

fn assert_says(r: &Run, code: &str, en: &str, vi: &str) {
    assert_ne!(r.code, 0, "{}", r.stdout);
    assert!(
        r.stderr.contains(&format!("[{code}]")) && r.stderr.contains(en) && r.stderr.contains(vi),
        "{}",
        r.stderr
    );
}

fn assert_disk_full(r: &Run) {
    assert_says(r, "disk_full", "no room to write", "Không còn chỗ để ghi");
}

/// A contact file of `rows` rows, as a spreadsheet exports it.
fn contacts_csv(dir: &Path, rows: usize) -> std::path::PathBuf {
    let mut text = String::from("full_name,email,organization,phone\n");
    for i in 0..rows {
        text.push_str(&format!(
            "Nguyễn Văn Thử {i},thu{i}@example.vn,Công ty Thử {},+84 90{i:07}\n",
            i % 400
        ));
    }
    let path = dir.join("contacts.csv");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn an_import_and_a_create_with_no_room_say_disk_full_and_leave_the_store_as_it_was() {
    let (dir, db) = temp_db();
    ok(&db, &["demo"], None);
    let csv = contacts_csv(dir.path(), 20_000);
    let before = snapshot(&db);
    let store_bytes = std::fs::metadata(&db).unwrap().len();

    // Room for the backup taken before the import (a copy of the store), not for the import.
    let started = Instant::now();
    let r = limited(
        &db,
        store_bytes + 256 * 1024,
        &["import", "contacts", csv.to_str().unwrap()],
        None,
    );
    eprintln!(
        "import of 20,000 rows with no room: refused in {} ms",
        started.elapsed().as_millis()
    );
    assert_disk_full(&r);
    assert_eq!(snapshot(&db), before, "no record and no half import left");
    assert_sound(&db);

    // 32 KiB: the store still opens and reads (its -shm is 32 KiB), a write cannot land.
    let read = limited(&db, 32 * 1024, &["list", "organizations", "--json"], None);
    assert_eq!(read.code, 0, "{}", read.stderr);
    let r = limited(
        &db,
        32 * 1024,
        &["create", "organizations"],
        Some(r#"{"name_vi": "Công ty Không Chỗ", "country": "VN"}"#),
    );
    assert_disk_full(&r);
    assert_eq!(snapshot(&db), before);
    assert_sound(&db);
    // With room again, the same write goes through.
    ok(
        &db,
        &["create", "organizations"],
        Some(r#"{"name_vi": "Công ty Không Chỗ", "country": "VN"}"#),
    );
}

#[test]
fn a_backup_or_a_pdf_with_no_room_says_disk_full_and_leaves_no_partial_file() {
    let (dir, db) = temp_db();
    ok(&db, &["demo"], None);
    let backups = dir.path().join("backups");
    std::fs::create_dir_all(&backups).unwrap();
    let store_bytes = std::fs::metadata(&db).unwrap().len();

    let r = limited(&db, store_bytes / 2, &["backup", "create"], None);
    assert_disk_full(&r);
    assert_eq!(
        std::fs::read_dir(&backups).unwrap().count(),
        0,
        "no backup, no temporary copy left"
    );

    let pdf = dir.path().join("lich.pdf");
    let r = limited(
        &db,
        16 * 1024 + 32 * 1024,
        &["itinerary", "pdf", "1", "-o", pdf.to_str().unwrap()],
        None,
    );
    assert_disk_full(&r);
    assert!(!pdf.exists());
    assert!(!dir.path().join("lich.pdf.part").exists());
    assert_sound(&db);
}

#[test]
fn the_temporary_copy_a_dead_backup_left_goes_with_the_next_backup() {
    let (dir, db) = temp_db();
    ok(&db, &["demo"], None);
    let backups = dir.path().join("backups");
    std::fs::create_dir_all(&backups).unwrap();
    let old = backups.join(".planner-20260101T000000Z-4242.tmp");
    let young = backups.join(".planner-20260101T000000Z-4343.tmp");
    for tmp in [&old, &young] {
        std::fs::write(tmp, b"half a copy").unwrap();
    }
    let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&old)
        .unwrap()
        .set_modified(an_hour_ago)
        .unwrap();
    ok(&db, &["backup", "create"], None);
    assert!(!old.exists(), "a stale temporary copy is removed");
    assert!(young.exists(), "one that may still be written is left");
}

#[test]
fn a_full_tmpfs_says_disk_full_and_leaves_the_store_as_it_was() {
    let mount = tempfile::tempdir().unwrap();
    let size = "size=3m";
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", size, "tmpfs"])
        .arg(mount.path())
        .stderr(Stdio::piped())
        .output();
    match mounted {
        Ok(out) if out.status.success() => {}
        Ok(out) => {
            eprintln!(
                "skipped: mounting a tmpfs is not permitted here ({}); the file-size limit tests cover a full disk",
                String::from_utf8_lossy(&out.stderr).trim()
            );
            return;
        }
        Err(e) => {
            eprintln!("skipped: no mount command ({e})");
            return;
        }
    }
    let db = mount.path().join("planner.db");
    let outcome = std::panic::catch_unwind(|| {
        ok(&db, &["demo"], None);
        let before = snapshot(&db);
        let csv = contacts_csv(&std::env::temp_dir(), 20_000);
        let r = planner(&db, &["import", "contacts", csv.to_str().unwrap()], None);
        assert_disk_full(&r);
        assert_eq!(snapshot(&db), before);
        assert_sound(&db);
    });
    let _ = Command::new("umount").arg(mount.path()).status();
    outcome.unwrap();
}

/// A demo store, then the store file made 0444 and its folder 0555.
fn read_only_store() -> (tempfile::TempDir, std::path::PathBuf) {
    let outer = tempfile::tempdir().unwrap();
    // Another user must be able to reach the folder.
    std::fs::set_permissions(outer.path(), PermissionsExt::from_mode(0o755)).unwrap();
    let folder = outer.path().join("shared");
    let db = folder.join("planner.db");
    ok(&db, &["demo"], None);
    std::fs::set_permissions(&db, PermissionsExt::from_mode(0o444)).unwrap();
    std::fs::set_permissions(&folder, PermissionsExt::from_mode(0o555)).unwrap();
    (outer, db)
}

fn restore_write(db: &Path) {
    std::fs::set_permissions(db.parent().unwrap(), PermissionsExt::from_mode(0o755)).unwrap();
}

/// Reads work and writes say `store_read_only`, for whoever runs `as_user` (None: ourselves).
fn check_read_only(db: &Path, as_user: Option<&str>) {
    let planner_as = |args: &[&str], stdin: Option<&str>| {
        let mut cmd = match as_user {
            None => crate::planner_command(),
            Some(user) => {
                let mut c = Command::new("setpriv");
                c.args(["--reuid", user, "--regid", user, "--clear-groups", "--"])
                    .arg(env!("CARGO_BIN_EXE_planner"))
                    .envs(crate::test_folders());
                c
            }
        };
        cmd.arg("--db").arg(db).args(args).env_remove("PLANNER_DB");
        run(cmd, stdin)
    };
    let list = planner_as(&["list", "organizations", "--json"], None);
    assert_eq!(list.code, 0, "{:?}: {}", as_user, list.stderr);
    let organizations: serde_json::Value = serde_json::from_str(&list.stdout).unwrap();
    assert!(!organizations.as_array().unwrap().is_empty());
    let found = planner_as(&["search", "Hòa Lạc"], None);
    assert_eq!(found.code, 0, "{}", found.stderr);

    let r = planner_as(
        &["create", "organizations"],
        Some(r#"{"name_vi": "Công ty Chỉ Đọc", "country": "VN"}"#),
    );
    assert_says(&r, "store_read_only", "read-only", "chỉ đọc");
    let r = planner_as(&["backup", "create"], None);
    assert_says(&r, "store_read_only", "read-only", "chỉ đọc");
    let folder: Vec<String> = std::fs::read_dir(db.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !folder
            .iter()
            .any(|n| n.ends_with("-wal") || n.ends_with("-shm") || n == "backups"),
        "nothing written beside a read-only store ({as_user:?}): {folder:?}"
    );
}

#[test]
fn a_read_only_store_reads_and_refuses_writes_in_words_for_root_and_for_another_user() {
    let (_outer, db) = read_only_store();
    check_read_only(&db, None);
    // As root, the same with an unprivileged user, who the kernel does stop.
    let root = unsafe { libc::geteuid() } == 0;
    let setpriv = Command::new("setpriv").arg("--version").output().is_ok();
    if root && setpriv {
        check_read_only(&db, Some("65534"));
    } else {
        eprintln!("not root or no setpriv: the read-only store was checked as this user only");
    }
    restore_write(&db);
}

#[test]
fn doctor_quick_is_the_apps_start_check_and_says_read_only() {
    let (_dir, db) = temp_db();
    ok(&db, &["demo"], None);
    let out = ok(&db, &["doctor", "--quick"], None);
    assert!(out.starts_with("ok: quick check in "), "{out}");
    let (_outer, ro) = read_only_store();
    let health: serde_json::Value =
        serde_json::from_str(&ok(&ro, &["doctor", "--quick", "--json"], None)).unwrap();
    assert_eq!(health["read_only"], "folder");
    assert_eq!(health["damaged"], false);
    restore_write(&ro);
}
