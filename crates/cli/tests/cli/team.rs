//! `planner team init --url` and the ordinary commands on a team store (`--db postgres://…`),
//! on a fresh database of the test cluster (`PLANNER_TEST_PG`, which `./dev test` starts).

use super::planner;
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
        // One per test: tests of this process run at once, each on its own database.
        static MADE: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let made = MADE.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let name = format!("planner_cli_{}_{made}", std::process::id());
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
