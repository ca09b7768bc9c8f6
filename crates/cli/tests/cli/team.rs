//! `planner team init --url` and the ordinary commands on a team store (`--db postgres://…`),
//! on a fresh database of the test cluster (`PLANNER_TEST_PG`, which `./dev test` starts).

use super::{json, ok, planner, temp_db};
use std::path::Path;

/// A fresh database on the test cluster, dropped at the end; None when no cluster is given and
/// none is required.
pub(crate) struct TeamDb {
    admin: String,
    name: String,
    pub(crate) url: String,
}

impl TeamDb {
    pub(crate) fn new() -> Option<TeamDb> {
        let admin = match std::env::var("PLANNER_TEST_PG") {
            Ok(url) if !url.is_empty() => url,
            _ if std::env::var("PLANNER_REQUIRE_PG").as_deref() == Ok("1") => {
                panic!("PLANNER_REQUIRE_PG=1 but PLANNER_TEST_PG names no cluster")
            }
            _ => return None,
        };
        use std::sync::atomic::{AtomicUsize, Ordering};
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let name = format!(
            "planner_cli_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let mut client = postgres::Client::connect(&admin, postgres::NoTls).unwrap();
        // One statement each: several in one string run as one transaction, which these refuse.
        client
            .batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            .unwrap();
        client
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .unwrap();
        let url = match admin.rsplit_once('/') {
            Some((server, _)) => format!("{server}/{name}"),
            None => unreachable!("a URL names its database"),
        };
        Some(TeamDb { admin, name, url })
    }
}

impl Drop for TeamDb {
    fn drop(&mut self) {
        if let Ok(mut client) = postgres::Client::connect(&self.admin, postgres::NoTls) {
            let _ = client.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}

#[test]
fn team_init_then_the_usual_commands_work_on_the_team_store() {
    let Some(team) = TeamDb::new() else {
        return;
    };
    let db = Path::new(&team.url);
    let init = planner(db, &["team", "init", "--url", &team.url, "--json"], None);
    assert_eq!(init.code, 0, "{}", init.stderr);
    let answer: serde_json::Value = serde_json::from_str(&init.stdout).unwrap();
    assert!(answer["schema_version"].as_u64().unwrap() >= 1);
    // Twice is a no-op at the same version.
    let again = planner(db, &["team", "init", "--url", &team.url, "--json"], None);
    assert_eq!(again.stdout, init.stdout);

    let created = planner(
        db,
        &["create", "organizations"],
        Some(r#"{"kind":"investor","name_vi":"Công ty Đông Á","country":"JP","size":"large"}"#),
    );
    assert_eq!(created.code, 0, "{}", created.stderr);
    let found = planner(db, &["search", "dong a", "--json"], None);
    assert_eq!(found.code, 0, "{}", found.stderr);
    assert!(found.stdout.contains("Công ty Đông Á"), "{}", found.stdout);
    let listed = planner(db, &["list", "organizations", "--json"], None);
    assert!(
        listed.stdout.contains("Công ty Đông Á"),
        "{}",
        listed.stdout
    );
}

#[test]
fn an_unreachable_team_store_is_a_clear_error_not_a_hang() {
    // A loopback port nothing listens on: refused at once, named in words.
    let url = "postgres://nobody@127.0.0.1:9/none";
    let started = std::time::Instant::now();
    let run = planner(Path::new(url), &["list", "organizations"], None);
    assert_ne!(run.code, 0);
    assert!(
        run.stderr.contains("team store cannot be reached"),
        "{}",
        run.stderr
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
}

#[test]
fn team_push_moves_a_store_file_and_team_pull_copies_it_back() {
    let Some(team) = TeamDb::new() else {
        return;
    };
    let (dir, db) = temp_db();
    ok(&db, &["demo"], None);
    let from = db.to_str().unwrap();
    let push = ["team", "push", "--from", from, "--url", &team.url, "--json"];
    let report: serde_json::Value = serde_json::from_str(&ok(&db, &push, None)).unwrap();
    // The demo's received brief: its PDF and pictures went with it.
    assert!(report["received_files"].as_u64().unwrap() >= 1, "{report}");
    let organizations = json(&db, &["list", "organizations", "--json"]);
    let rows = |report: &serde_json::Value, table: &str| {
        report["tables"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["table"] == table)
            .map(|t| t["rows"].as_u64().unwrap())
    };
    assert_eq!(
        rows(&report, "organizations"),
        Some(organizations.as_array().unwrap().len() as u64)
    );
    let on_team = json(Path::new(&team.url), &["list", "organizations", "--json"]);
    assert_eq!(on_team, organizations);

    // A second push finds the first one's data: refused, in both languages, nothing copied.
    let again = planner(&db, &push, None);
    assert_eq!(again.code, 1, "{}", again.stderr);
    assert!(
        again.stderr.contains("already holds data")
            && again.stderr.contains("[team_store_not_empty]")
            && again.stderr.contains("đã có dữ liệu"),
        "{}",
        again.stderr
    );

    let copy = dir.path().join("mission.db");
    // A password in the URL's query is never shown.
    let url = format!("{}?password=hunter2", team.url);
    let pull = ["team", "pull", "--url", &url, "-o", copy.to_str().unwrap()];
    let pulled = ok(&db, &pull, None);
    assert!(pulled.starts_with("pulled "), "{pulled}");
    assert!(pulled.contains("organizations"), "{pulled}");
    assert!(
        pulled.contains("?password=***") && !pulled.contains("hunter2"),
        "{pulled}"
    );
    assert!(pulled.contains("received files"), "{pulled}");
    assert!(
        pulled.contains("office private key: not copied"),
        "{pulled}"
    );
    assert_eq!(
        json(&copy, &["list", "organizations", "--json"]),
        organizations
    );
    let over = planner(&db, &pull, None);
    assert_eq!(over.code, 2, "an existing file is refused: {}", over.stderr);
    assert!(over.stderr.contains("already exists"), "{}", over.stderr);
}

#[test]
fn team_push_names_an_altered_received_file_in_both_languages_and_copies_nothing() {
    let Some(team) = TeamDb::new() else {
        return;
    };
    let (dir, db) = temp_db();
    ok(&db, &["demo"], None);
    let received = dir.path().join("received");
    let file = std::fs::read_dir(&received)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "pdf"))
        .unwrap();
    let mut bytes = std::fs::read(&file).unwrap();
    bytes.push(b'\n');
    std::fs::write(&file, bytes).unwrap();
    let from = db.to_str().unwrap();
    let push = planner(
        &db,
        &["team", "push", "--from", from, "--url", &team.url],
        None,
    );
    assert_eq!(push.code, 1, "{}", push.stderr);
    let named = file.display().to_string();
    assert!(
        push.stderr
            .contains(&format!("{named}: a received brief's file is not the one"))
            && push.stderr.contains("[received_file_changed]")
            && push.stderr.contains("chưa chép gì"),
        "{}",
        push.stderr
    );
    let on_team = json(Path::new(&team.url), &["list", "organizations", "--json"]);
    assert_eq!(on_team, serde_json::json!([]), "nothing was copied");
}

#[test]
fn team_push_changes_brings_a_pulled_copys_work_back_once() {
    let Some(team) = TeamDb::new() else {
        return;
    };
    let (dir, db) = temp_db();
    ok(&db, &["demo"], None);
    let from = db.to_str().unwrap();
    ok(
        &db,
        &["team", "push", "--from", from, "--url", &team.url],
        None,
    );
    let copy = dir.path().join("mission.db");
    let copy_path = copy.to_str().unwrap();
    ok(
        &db,
        &["team", "pull", "--url", &team.url, "-o", copy_path],
        None,
    );
    let on_team = Path::new(&team.url);

    // In the copy: a new organisation with a new contact, and a pulled one changed.
    let made = ok(
        &copy,
        &["create", "organizations"],
        Some(r#"{"kind":"investor","name_vi":"Công ty Hải Âu","country":"JP","size":"large"}"#),
    );
    let made: serde_json::Value = serde_json::from_str(&made).unwrap();
    let person = format!(
        r#"{{"full_name":"Sato Yuki","organization_id":{}}}"#,
        made["id"]
    );
    ok(&copy, &["create", "contacts"], Some(&person));
    let first = json(&copy, &["list", "organizations", "--json"])[0]["id"].to_string();
    ok(
        &copy,
        &["update", "organizations", &first, "-"],
        Some(r#"{"notes":"Gặp ở Osaka"}"#),
    );
    // Meanwhile on the team store an organisation is made, taking the copy's new id.
    ok(
        on_team,
        &["create", "organizations"],
        Some(r#"{"kind":"other","name_vi":"Văn phòng Mới","country":"VN","size":"small"}"#),
    );

    let push = [
        "team",
        "push",
        "--changes",
        "--from",
        copy_path,
        "--url",
        &team.url,
    ];
    let dry = ok(&db, &[&push[..], &["--dry-run"]].concat(), None);
    assert!(dry.starts_with("would push (dry run"), "{dry}");
    assert!(
        dry.contains("Sato Yuki") && dry.contains("Công ty Hải Âu"),
        "{dry}"
    );
    let sato_on_team = || {
        json(on_team, &["search", "sato yuki", "--json"])
            .to_string()
            .contains("Sato Yuki")
    };
    assert!(!sato_on_team(), "a dry run writes nothing");

    let report = json(&db, &[&push[..], &["--json"]].concat());
    let changes = report["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 3, "{report}");
    let team_id = |name: &str| {
        changes
            .iter()
            .find(|c| c["name"] == name)
            .map(|c| c["team_id"].as_i64().unwrap())
            .unwrap()
    };
    let contact = json(
        on_team,
        &[
            "show",
            "contacts",
            &team_id("Sato Yuki").to_string(),
            "--json",
        ],
    );
    assert_eq!(contact["organization_id"], team_id("Công ty Hải Âu"));
    assert_ne!(team_id("Công ty Hải Âu"), made["id"].as_i64().unwrap());
    let again = ok(&db, &push, None);
    assert!(again.starts_with("pushed 0 changed records"), "{again}");

    // The same organisation changed on both sides: refused, exit 4, in both languages.
    ok(
        &copy,
        &["update", "organizations", &first, "-"],
        Some(r#"{"city":"Kobe"}"#),
    );
    ok(
        on_team,
        &["update", "organizations", &first, "-"],
        Some(r#"{"city":"Osaka"}"#),
    );
    let refused = planner(&db, &push, None);
    assert_eq!(refused.code, 4, "{}", refused.stderr);
    assert!(
        refused.stderr.contains("[changed_on_team_store]")
            && refused.stderr.contains("nothing was pushed")
            && refused.stderr.contains("chưa đẩy gì lên")
            && refused.stderr.contains("changed there: city"),
        "{}",
        refused.stderr
    );
    let city = json(on_team, &["show", "organizations", &first, "--json"]);
    assert_eq!(city["city"], "Osaka");
}
