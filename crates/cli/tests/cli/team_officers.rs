//! Two officers' `planner` processes on one team store: an edit based on a revision another
//! process has moved past is refused (exit 4, the record as it is now on standard output), and
//! redone on that record it keeps both changes.

use super::team::TeamDb;
use super::{ok, planner};
use serde_json::Value;
use std::path::Path;

#[test]
fn a_stale_edit_from_a_second_process_is_refused_and_redone_without_losing_the_first() {
    let Some(team) = TeamDb::new() else {
        return;
    };
    let db = Path::new(&team.url);
    let created: Value = serde_json::from_str(&ok(
        db,
        &["create", "organizations"],
        Some(r#"{"name_vi":"Công ty Đông Á","country":"JP"}"#),
    ))
    .unwrap();
    let id = created["id"].to_string();
    // Both officers read revision 1; the first saves, the second's save is stale.
    ok(
        db,
        &["update", "organizations", &id],
        Some(r#"{"notes":"Đã gọi lại","revision":1}"#),
    );
    let stale = planner(
        db,
        &["update", "organizations", &id],
        Some(r#"{"city":"Osaka","revision":1}"#),
    );
    assert_eq!(stale.code, 4, "{}", stale.stderr);
    assert!(
        stale.stderr.contains("changed elsewhere"),
        "{}",
        stale.stderr
    );
    let now: Value = serde_json::from_str(&stale.stdout).expect("the record as it is now");
    assert_eq!(now["notes"], "Đã gọi lại");
    // Redone on the record as it is now.
    let redo = format!(r#"{{"city":"Osaka","revision":{}}}"#, now["revision"]);
    ok(db, &["update", "organizations", &id], Some(&redo));
    let last: Value =
        serde_json::from_str(&ok(db, &["show", "organizations", &id, "--json"], None)).unwrap();
    assert_eq!(
        (&last["notes"], &last["city"], &last["revision"]),
        (
            &Value::from("Đã gọi lại"),
            &Value::from("Osaka"),
            &Value::from(3)
        )
    );
}

#[test]
fn two_processes_editing_the_same_records_at_once_lose_no_change() {
    let Some(team) = TeamDb::new() else {
        return;
    };
    let db = Path::new(&team.url);
    let ids: Vec<String> = (0..8)
        .map(|n| {
            let v: Value = serde_json::from_str(&ok(
                db,
                &["create", "organizations"],
                Some(&format!(r#"{{"name_vi":"Công ty {n}","country":"VN"}}"#)),
            ))
            .unwrap();
            v["id"].to_string()
        })
        .collect();
    // Each officer's script: save its field on every record based on revision 1, and on exit 4
    // redo it on the revision the refusal printed.
    let officer = |field: &'static str, value: &'static str| {
        let ids = ids.clone();
        let url = team.url.clone();
        std::thread::spawn(move || {
            let mut refused = 0;
            for id in &ids {
                let mut base = Value::from(1);
                loop {
                    let patch = format!(r#"{{"{field}":"{value}","revision":{base}}}"#);
                    let run = planner(
                        Path::new(&url),
                        &["update", "organizations", id],
                        Some(&patch),
                    );
                    match run.code {
                        0 => break,
                        4 => {
                            refused += 1;
                            let now: Value = serde_json::from_str(&run.stdout).unwrap();
                            base = now["revision"].clone();
                        }
                        code => panic!("exit {code}: {}", run.stderr),
                    }
                }
            }
            refused
        })
    };
    let (a, b) = (officer("notes", "A"), officer("city", "B"));
    let refused = a.join().unwrap() + b.join().unwrap();
    assert_eq!(
        refused,
        ids.len(),
        "each record's later edit was refused once"
    );
    for id in &ids {
        let v: Value =
            serde_json::from_str(&ok(db, &["show", "organizations", id, "--json"], None)).unwrap();
        assert_eq!(
            (&v["notes"], &v["city"]),
            (&Value::from("A"), &Value::from("B")),
            "{v}"
        );
    }
    let listed: Value =
        serde_json::from_str(&ok(db, &["list", "organizations", "--json"], None)).unwrap();
    assert_eq!(
        listed.as_array().unwrap().len(),
        ids.len(),
        "no record added or lost"
    );
}
