//! The real window on a team store whose server goes down and comes back (issue 17): the app
//! runs on a cluster of this scenario's own (`tests/pg-cluster`), which the test stops as an
//! outage would (`halt`: sessions cut) and starts again (`resume`). The first action after the
//! outage puts up the offline banner within the connect bound, saying what still works; once the
//! server is back the banner's own retry takes it away, with no action of the officer's.
//! A cluster of its own, not the shared test cluster: stopping that would pull it from under
//! every other team store test. Needs PostgreSQL's programs; runs when the team store's tests do
//! (PLANNER_TEST_PG set, or PLANNER_REQUIRE_PG=1).

use planner_e2e::{artifacts, by_test_id, planner, Scenario};
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// The app's bound for reaching the server (`store::CONNECT_TIMEOUT`, 5 s), with room for the
/// window to draw the banner: the banner must be up within this of the action.
const OFFLINE_BOUND: Duration = Duration::from_secs(8);

/// The banner asks the server again every 5 s (`TeamOfflineBanner.svelte`): gone within two
/// rounds once the server answers, connecting included.
const BACK_BOUND: Duration = Duration::from_secs(15);

/// A throwaway cluster of the scenario's own, stopped and removed when this drops.
struct OwnCluster {
    dir: PathBuf,
    /// Its `postgres` database, on the cluster's Unix socket.
    url: String,
}

impl OwnCluster {
    fn start() -> Option<OwnCluster> {
        if std::env::var_os("PLANNER_TEST_PG").is_none()
            && std::env::var("PLANNER_REQUIRE_PG").as_deref() != Ok("1")
        {
            return None;
        }
        // Under /tmp itself: the server's own user (as root, `postgres`) must reach the folder.
        let dir = tempfile::Builder::new()
            .prefix("planner-e2e-pg-")
            .tempdir_in("/tmp")
            .expect("a folder for the cluster")
            .keep();
        let out = cluster(&["start", dir.to_str().unwrap()]);
        let url = out
            .lines()
            .find_map(|l| l.strip_prefix("export PLANNER_TEST_PG='"))
            .and_then(|l| l.strip_suffix('\''))
            .expect("tests/pg-cluster start prints PLANNER_TEST_PG")
            .to_owned();
        Some(OwnCluster { dir, url })
    }

    fn halt(&self) {
        cluster(&["halt", self.dir.to_str().unwrap()]);
    }

    fn resume(&self) {
        cluster(&["resume", self.dir.to_str().unwrap()]);
    }

    /// The URL as the CLI's `--db` takes it.
    fn path(&self) -> &Path {
        Path::new(&self.url)
    }
}

impl Drop for OwnCluster {
    fn drop(&mut self) {
        let _ = Command::new(pg_cluster())
            .args(["stop", self.dir.to_str().unwrap()])
            .status();
    }
}

fn pg_cluster() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("pg-cluster")
}

/// Runs `tests/pg-cluster ARGS`; its standard output.
fn cluster(args: &[&str]) -> String {
    let out = Command::new(pg_cluster())
        .args(args)
        .output()
        .expect("tests/pg-cluster runs");
    assert!(
        out.status.success(),
        "tests/pg-cluster {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Waits until nothing matches `css`; how long that took.
fn wait_gone(app: &planner_e2e::App<'_>, css: &str, bound: Duration) -> Duration {
    let started = Instant::now();
    while !app.find_all(css).is_empty() {
        assert!(
            started.elapsed() < bound,
            "{css} still shown after {bound:?}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    started.elapsed()
}

#[test]
fn the_offline_banner_comes_with_an_outage_and_goes_on_its_own_when_the_server_is_back() {
    let scenario = Scenario::begin("e2e-team-offline.db");
    let Some(pg) = OwnCluster::start() else {
        return;
    };
    planner(pg.path(), &["team", "init", "--url", &pg.url]);
    let file = scenario.dir().join("organization.json");
    std::fs::write(
        &file,
        json!({"name_vi": "Công ty Cảng Hải Phòng", "country": "VN"}).to_string(),
    )
    .unwrap();
    planner(
        pg.path(),
        &["create", "organizations", file.to_str().unwrap()],
    );

    let app = scenario.launch_on_team_store(&pg.url);
    app.resize(1280, 800);
    app.wait_for(&by_test_id("dashboard-loaded"), 30);
    app.go("#/contacts/organizations");
    let rows = format!(
        "{} {}",
        by_test_id("organization-list"),
        by_test_id("organization-row")
    );
    app.wait_for_text(&rows, "Công ty Cảng Hải Phòng", 10);
    let banner = by_test_id("team-store-offline");
    assert!(app.find_all(&banner).is_empty(), "online: no banner");

    // The server goes down; the officer opens the dashboard. (The app's own look for changes
    // made elsewhere may meet the outage first: then the banner is up already.)
    pg.halt();
    let before = !app.find_all(&banner).is_empty();
    app.go("#/");
    let acted = Instant::now();
    app.wait_for(&banner, OFFLINE_BOUND.as_secs());
    let shown = acted.elapsed();
    println!("offline banner shown {shown:?} after the action (up before it: {before})");
    assert!(shown < OFFLINE_BOUND, "{shown:?}");
    // In Vietnamese (the app's first language): what happened, what still works, the retry.
    app.wait_for_text(&banner, "Kho dữ liệu chung đang mất kết nối", 1);
    app.wait_for_text(&banner, "vẫn đọc được", 1);
    app.wait_for_text(&banner, "planner team pull", 1);
    app.wait_for_text(&banner, "Đang thử kết nối lại mỗi 5 giây", 1);
    app.wait_for(&by_test_id("team-store-retry"), 1);
    app.screenshot(&artifacts().join("team-store-offline-vi-1280x800.png"));

    // The server comes back: the banner's own retry finds it, and the screen reads again.
    pg.resume();
    let back = wait_gone(&app, &banner, BACK_BOUND);
    println!("offline banner gone {back:?} after the server came back");
    app.wait_for(&by_test_id("dashboard-loaded"), 10);
    app.screenshot(&artifacts().join("team-store-back-vi-1280x800.png"));

    // The same in English (the language is this desktop's, chosen while the server answers).
    crate::screens::choose_language(&app, "en");
    pg.halt();
    app.go("#/");
    app.wait_for(&banner, OFFLINE_BOUND.as_secs());
    app.wait_for_text(&banner, "The team store is offline", 1);
    app.wait_for_text(&banner, "Trying again every 5 seconds", 1);
    app.screenshot(&artifacts().join("team-store-offline-en-1280x800.png"));
    pg.resume();
    wait_gone(&app, &banner, BACK_BOUND);
}
