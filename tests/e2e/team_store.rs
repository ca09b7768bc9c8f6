//! The real window on a team store (PostgreSQL, issue 17): the app opens `PLANNER_DB=postgres://…`,
//! lists what `planner --db URL` commands created, and shows what a second `planner` process
//! creates and changes while the window is open, with no navigation and no reload (the server's
//! NOTIFY, heard by the app's LISTEN, raises the same `store-changed` as a file's commit).
//! Needs the test cluster (`tests/pg-cluster`, PLANNER_TEST_PG); skipped without it unless
//! PLANNER_REQUIRE_PG=1.

use planner_e2e::{artifacts, by_test_id, planner, Scenario};
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// A fresh database on the test cluster, dropped with this.
struct TeamDb {
    admin_url: String,
    name: String,
    url: String,
}

impl TeamDb {
    fn create(name: &str) -> Option<TeamDb> {
        let Ok(admin_url) = std::env::var("PLANNER_TEST_PG") else {
            assert!(
                std::env::var("PLANNER_REQUIRE_PG").as_deref() != Ok("1"),
                "PLANNER_REQUIRE_PG=1 but PLANNER_TEST_PG is not set (tests/pg-cluster start DIR)"
            );
            return None;
        };
        let name = format!("{name}_{}", std::process::id());
        psql(
            &admin_url,
            &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
        );
        psql(
            &admin_url,
            &format!("CREATE DATABASE {name} TEMPLATE template0"),
        );
        // The cluster's URL naming this database: `scheme://authority/db?query`.
        let (scheme, rest) = admin_url.split_once("://").expect("a postgres:// URL");
        let authority = &rest[..rest.find(['/', '?']).unwrap_or(rest.len())];
        let url = format!("{scheme}://{authority}/{name}");
        Some(TeamDb {
            admin_url,
            name,
            url,
        })
    }

    /// The URL as the CLI's `--db` takes it.
    fn path(&self) -> &Path {
        Path::new(&self.url)
    }
}

impl Drop for TeamDb {
    fn drop(&mut self) {
        psql(
            &self.admin_url,
            &format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name),
        );
    }
}

/// Runs one statement with the cluster's own psql.
fn psql(url: &str, sql: &str) {
    let bindir = Command::new("tests/pg-cluster")
        .current_dir(env!("CARGO_MANIFEST_DIR").trim_end_matches("/tests"))
        .arg("bindir")
        .output()
        .expect("tests/pg-cluster bindir");
    let bindir = PathBuf::from(String::from_utf8(bindir.stdout).unwrap().trim());
    let out = Command::new(bindir.join("psql"))
        .args([url, "-v", "ON_ERROR_STOP=1", "-qc", sql])
        .output()
        .expect("psql runs");
    assert!(
        out.status.success(),
        "psql {sql}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `planner --db URL create organizations` with `name`; its id.
fn create_organization(scenario: &Scenario, db: &TeamDb, name: &str) -> i64 {
    let file = scenario.dir().join("organization.json");
    std::fs::write(&file, json!({"name_vi": name, "country": "VN"}).to_string()).unwrap();
    let out = planner(
        db.path(),
        &["create", "organizations", file.to_str().unwrap()],
    );
    serde_json::from_str::<serde_json::Value>(&out).unwrap()["id"]
        .as_i64()
        .unwrap()
}

#[test]
fn another_officers_changes_appear_in_the_open_window() {
    let scenario = Scenario::begin("e2e-team-store.db");
    let Some(db) = TeamDb::create("planner_e2e_team") else {
        return;
    };
    planner(db.path(), &["team", "init", "--url", &db.url]);
    create_organization(&scenario, &db, "Công ty Cảng Hải Phòng");
    let other = create_organization(&scenario, &db, "Công ty Dệt Nam Định");

    let app = scenario.launch_on_team_store(&db.url);
    app.wait_for(&by_test_id("dashboard-loaded"), 30);
    app.screenshot(&artifacts().join("team-store-dashboard.png"));
    app.go("#/contacts/organizations");
    let row = format!(
        "{} {}",
        by_test_id("organization-list"),
        by_test_id("organization-row")
    );
    app.wait_for_text(&row, "Công ty Cảng Hải Phòng", 10);
    app.wait_for_text(&row, "Công ty Dệt Nam Định", 1);
    let hash_before = app.script("return location.hash;", vec![]);

    // A second `planner` process creates a record: the list shows it without a reload.
    create_organization(&scenario, &db, "Công ty Bến Nghé");
    let committed = Instant::now();
    app.wait_for_text(&row, "Công ty Bến Nghé", 10);
    println!(
        "created: shown {:?} after the CLI's commit",
        committed.elapsed()
    );

    // … and changes one: the list shows the new name.
    let patch = scenario.dir().join("patch.json");
    std::fs::write(
        &patch,
        json!({"name_vi": "Công ty Dệt Thành Công"}).to_string(),
    )
    .unwrap();
    planner(
        db.path(),
        &[
            "update",
            "organizations",
            &other.to_string(),
            patch.to_str().unwrap(),
        ],
    );
    let committed = Instant::now();
    app.wait_for_text(&row, "Công ty Dệt Thành Công", 10);
    println!(
        "updated: shown {:?} after the CLI's commit",
        committed.elapsed()
    );
    assert_eq!(app.script("return location.hash;", vec![]), hash_before);
    app.screenshot(&artifacts().join("team-store-list.png"));
}
