//! Several programs writing one store at once: two `planner` processes and the core (as the app
//! uses it) lose nothing and never show "database is locked"; a command that still cannot
//! write says so in words and exits 75. (A module of the `cli` test binary.)

use super::{ok, planner, temp_db};
use planner_core::domain::Organization;
use planner_core::store::{ListQuery, BUSY_WAIT};
use planner_core::Store;
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

const EACH: usize = 1000;

fn write_workload(db: &Path, tag: &str) -> std::process::Child {
    crate::planner_command()
        .arg("--db")
        .arg(db)
        .args(["write-workload", "--count", &EACH.to_string(), "--tag", tag])
        .env_remove("PLANNER_DB")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("planner runs")
}

#[test]
fn two_planner_processes_and_the_core_write_a_thousand_records_each_into_one_store_at_once() {
    let (_dir, db) = temp_db();
    ok(&db, &["init"], None);
    let mut store = Store::open_existing(&db).unwrap();
    let started = Instant::now();
    let children = [
        write_workload(&db, "Tiến trình A"),
        write_workload(&db, "Tiến trình B"),
    ];
    let mut longest = Duration::ZERO;
    for n in 0..EACH {
        let write = Instant::now();
        store
            .create(&Organization {
                name_vi: format!("Lõi ứng dụng {n}"),
                country: "VN".into(),
                ..Organization::default()
            })
            .expect("the core's write lands");
        longest = longest.max(write.elapsed());
    }
    let mut longest_ms = vec![longest.as_millis()];
    for child in children {
        let out = child.wait_with_output().unwrap();
        let (stdout, stderr) = (
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        );
        assert_eq!(out.status.code(), Some(0), "{stderr}");
        assert!(!stderr.to_lowercase().contains("locked"), "{stderr}");
        let ms = stdout
            .lines()
            .find_map(|l| l.strip_prefix("longest_write_ms "))
            .expect("the workload says its longest write");
        longest_ms.push(ms.parse().unwrap());
    }
    let wall = started.elapsed();
    println!("3 writers × {EACH}: {wall:?}; the longest write (core, A, B): {longest_ms:?} ms");

    let names: BTreeSet<String> = store
        .list::<Organization>(&ListQuery::default())
        .unwrap()
        .items
        .into_iter()
        .map(|r| r.data.name_vi)
        .collect();
    let expected: BTreeSet<String> = ["Lõi ứng dụng", "Tiến trình A", "Tiến trình B"]
        .iter()
        .flat_map(|tag| (0..EACH).map(move |n| format!("{tag} {n}")))
        .collect();
    assert_eq!(names.len(), 3 * EACH);
    assert_eq!(names, expected);
    assert!(longest_ms.iter().all(|&ms| ms < BUSY_WAIT.as_millis()));
}

#[test]
fn a_command_that_cannot_write_for_the_whole_wait_exits_75_in_words() {
    let (_dir, db) = temp_db();
    ok(&db, &["init"], None);
    // Another program holding the store's write lock for longer than a write waits.
    let (held, wait) = std::sync::mpsc::channel();
    let path = db.clone();
    let holder = std::thread::spawn(move || {
        let mut other = Store::open_existing(&path).unwrap();
        other
            .transaction(|_| {
                held.send(()).unwrap();
                std::thread::sleep(BUSY_WAIT + Duration::from_millis(1500));
                Ok(())
            })
            .unwrap();
    });
    wait.recv().unwrap();
    let started = Instant::now();
    let refused = planner(
        &db,
        &["create", "organizations", "-"],
        Some(r#"{"name_vi": "Công ty Đợi Mãi", "country": "VN"}"#),
    );
    let waited = started.elapsed();
    holder.join().unwrap();
    assert_eq!(refused.code, 75, "{}", refused.stderr);
    assert!(refused.stderr.contains("busy"), "{}", refused.stderr);
    assert!(
        refused.stderr.contains("nothing was saved"),
        "{}",
        refused.stderr
    );
    assert!(
        !refused.stderr.to_lowercase().contains("locked"),
        "{}",
        refused.stderr
    );
    assert!(
        waited >= BUSY_WAIT - Duration::from_millis(300),
        "{waited:?}"
    );
    assert!(ok(&db, &["list", "organizations", "--json"], None).contains("[]"));
    let help = ok(&db, &["--help"], None);
    assert!(help.contains("75 the store stayed busy"), "{help}");
}
