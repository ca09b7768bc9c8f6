//! A team store's server that stops answering, goes away, or loses a client mid-transaction:
//! the officer's app gets a clear error within a bounded time and nothing is half-written.

use crate::{pg_database, PgDatabase};
use planner_core::domain::EntityKind;
use planner_core::{CoreError, Store};
use serde_json::json;
use std::time::{Duration, Instant};

/// The test database over TCP on loopback, with `options` (a URL-encoded query) added.
fn tcp_url(db: &PgDatabase, query: &str) -> String {
    let tcp = std::env::var("PLANNER_TEST_PG_TCP").expect("PLANNER_TEST_PG_TCP");
    let server = tcp.rsplit_once('/').unwrap().0;
    let name = db
        .url
        .rsplit_once('/')
        .unwrap()
        .1
        .split('?')
        .next()
        .unwrap();
    format!("{server}/{name}?{query}")
}

/// The process id of the server backend serving the connection named `application`.
fn backend_of(db: &PgDatabase, application: &str) -> i32 {
    db.client()
        .query_one(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database()
               AND application_name = $1",
            &[&application],
        )
        .expect("one backend serves the store")
        .get(0)
}

fn signal(pid: i32, sig: &str) {
    let done = std::process::Command::new("kill")
        .args([sig, &pid.to_string()])
        .status()
        .unwrap();
    assert!(done.success(), "kill {sig} {pid}");
}

/// Sends SIGCONT to the backend when dropped, so that a failing test leaves no server stopped.
struct Stopped(i32);

impl Drop for Stopped {
    fn drop(&mut self) {
        signal(self.0, "-CONT");
    }
}

#[test]
fn a_stopped_server_backend_gives_an_error_within_the_bound_not_a_hang() {
    let Some(db) = pg_database() else {
        return;
    };
    // 2 s statement limit, given by the URL (kept: `pg::config` adds only what is missing).
    let url = tcp_url(
        &db,
        "application_name=stopped&options=-c%20statement_timeout%3D2000",
    );
    let mut store = Store::open_url(&url).unwrap();
    store
        .create_json(
            EntityKind::Organizations,
            json!({"name_vi": "Công ty A", "country": "VN"}),
        )
        .unwrap();
    let backend = backend_of(&db, "stopped");
    let (done, result) = std::sync::mpsc::channel();
    let started = Instant::now();
    let stopped = Stopped(backend);
    signal(backend, "-STOP");
    std::thread::spawn(move || {
        let r = store.list_json(EntityKind::Organizations, &Default::default());
        let _ = done.send((r.map(|p| p.total), started.elapsed()));
    });
    let outcome = result.recv_timeout(Duration::from_secs(40));
    drop(stopped);
    let (r, took) = outcome.expect("the statement came back (no hang) within 40 s");
    eprintln!("stopped backend: {r:?} after {took:?}");
    match r {
        Err(CoreError::TeamStoreTimeout) => {}
        other => panic!("expected team_store_timeout, got {other:?}"),
    }
    assert!(took < Duration::from_secs(8), "{took:?}");
}

/// The child process of `a_client_killed_mid_transaction_leaves_nothing_half_written`: run only
/// when that test starts this binary with `PLANNER_TEST_CHILD_URL`, it writes inside one
/// transaction, says so, and waits there to be killed.
#[test]
fn child_writing_in_a_transaction_until_killed() {
    let Ok(url) = std::env::var("PLANNER_TEST_CHILD_URL") else {
        return;
    };
    let org: i64 = std::env::var("PLANNER_TEST_CHILD_ORG")
        .unwrap()
        .parse()
        .unwrap();
    let mut store = Store::open_url(&url).unwrap();
    let _ = store.transaction(|tx| {
        for n in 0..50 {
            tx.create_json(
                EntityKind::Organizations,
                json!({"name_vi": format!("Công ty nửa chừng {n}"), "country": "VN"}),
            )?;
        }
        tx.update_json(
            EntityKind::Organizations,
            org,
            json!({"notes": "nửa chừng"}),
        )?;
        use std::io::Write;
        println!("written");
        std::io::stdout().flush().unwrap();
        std::thread::sleep(Duration::from_secs(120));
        Ok(())
    });
}

#[test]
fn a_client_killed_mid_transaction_leaves_nothing_half_written() {
    let Some(db) = pg_database() else {
        return;
    };
    let mut store = Store::open_url(&db.url).unwrap();
    let org = store
        .create_json(
            EntityKind::Organizations,
            json!({"name_vi": "Công ty A", "country": "VN"}),
        )
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "core::team_failures::child_writing_in_a_transaction_until_killed",
            "--nocapture",
        ])
        .env("PLANNER_TEST_CHILD_URL", &db.url)
        .env("PLANNER_TEST_CHILD_ORG", org.to_string())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    while !line.starts_with("written") {
        line.clear();
        use std::io::BufRead;
        assert!(
            out.read_line(&mut line).unwrap() > 0,
            "the child ended early"
        );
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let killed = Instant::now();
    // The record the child had locked is another officer's to change at once (the server saw
    // the socket close and rolled the transaction back), not after a lock or idle timeout.
    store
        .update_json(EntityKind::Organizations, org, json!({"city": "Huế"}))
        .unwrap();
    let took = killed.elapsed();
    eprintln!("killed client: its lock was free after {took:?}");
    assert!(took < Duration::from_secs(2), "{took:?}");
    let now = store.get_json(EntityKind::Organizations, org).unwrap();
    assert_eq!(
        (now["notes"].as_str(), now["revision"].as_i64()),
        (None, Some(2))
    );
    let page = store
        .list_json(EntityKind::Organizations, &Default::default())
        .unwrap();
    assert_eq!(page.total, 1, "none of the child's records was kept");
    let audit: i64 = db
        .client()
        .query_one("SELECT count(*) FROM audit_log", &[])
        .unwrap()
        .get(0);
    assert_eq!(
        audit, 2,
        "only the create and the update after the kill are audited"
    );
}

#[test]
fn a_server_that_stops_gives_unreachable_at_once_and_so_does_opening_it_again() {
    if pg_database().is_none() {
        return;
    }
    // A cluster of this test's own, to stop.
    let dir = tempfile::tempdir().unwrap();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/pg-cluster");
    let started = std::process::Command::new(script)
        .args(["start", dir.path().join("c").to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        started.status.success(),
        "{}",
        String::from_utf8_lossy(&started.stderr)
    );
    let exports = String::from_utf8(started.stdout).unwrap();
    let url = exports
        .lines()
        .find_map(|l| l.strip_prefix("export PLANNER_TEST_PG_TCP='"))
        .unwrap()
        .trim_end_matches('\'')
        .to_owned();
    let mut store = Store::open_url(&url).unwrap();
    store
        .create_json(
            EntityKind::Organizations,
            json!({"name_vi": "Công ty A", "country": "VN"}),
        )
        .unwrap();
    let stopped = std::process::Command::new(script)
        .args(["stop", dir.path().join("c").to_str().unwrap()])
        .status()
        .unwrap();
    assert!(stopped.success());

    let at = Instant::now();
    let r = store.create_json(
        EntityKind::Organizations,
        json!({"name_vi": "Công ty B", "country": "VN"}),
    );
    let took = at.elapsed();
    eprintln!("server stopped: a write gave {r:?} after {took:?}");
    assert!(
        matches!(r, Err(CoreError::TeamStoreUnreachable(_))),
        "{r:?}"
    );
    assert!(took < Duration::from_secs(2), "{took:?}");

    let at = Instant::now();
    let r = Store::open_url(&url).map(|_| ());
    let took = at.elapsed();
    eprintln!("server stopped: opening gave {r:?} after {took:?}");
    let e = r.expect_err("nothing listens");
    assert_eq!(e.code(), "team_store_unreachable");
    assert!(e.to_string().contains("cannot be reached"), "{e}");
    assert!(took < planner_core::store::CONNECT_TIMEOUT, "{took:?}");
}

#[test]
fn a_server_that_does_not_answer_the_connection_gives_unreachable_within_the_connect_timeout() {
    if pg_database().is_none() {
        return;
    }
    // A listening socket that never accepts: the handshake completes in the kernel, and the
    // server's first word never comes (a server too busy to start a backend looks the same).
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = silent.local_addr().unwrap().port();
    let at = Instant::now();
    let r = Store::open_url(&format!(
        "postgres://nobody@127.0.0.1:{port}/none?connect_timeout=2"
    ));
    let took = at.elapsed();
    eprintln!(
        "silent server: opening gave {:?} after {took:?}",
        r.as_ref().err()
    );
    assert_eq!(r.err().map(|e| e.code()), Some("team_store_unreachable"));
    assert!(
        took >= Duration::from_secs(2) && took < Duration::from_secs(4),
        "{took:?}"
    );
}
