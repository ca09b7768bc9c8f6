//! A second launch on the same store (a received bundle double-clicked while the window is open)
//! hands its file to the open window and exits, instead of opening another window: the window
//! shows the bundle's preview. The single-instance plugin finds the first window over the D-Bus
//! session bus, so the scenario starts a bus of its own (a desktop's bus, if any, is left alone).

use planner_e2e::{app_bin, by_test_id, Scenario};
use std::ffi::OsStr;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A private session bus, stopped when dropped.
struct SessionBus {
    daemon: Child,
    address: String,
}

impl SessionBus {
    fn start() -> SessionBus {
        let mut daemon = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-daemon starts (Debian package dbus, see ./dev)");
        let mut address = String::new();
        BufReader::new(daemon.stdout.take().expect("the daemon's stdout"))
            .read_line(&mut address)
            .expect("the bus's address");
        SessionBus {
            daemon,
            address: address.trim().to_owned(),
        }
    }
}

impl Drop for SessionBus {
    fn drop(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
}

#[test]
fn a_second_launch_hands_its_bundle_to_the_open_window_and_exits() {
    let scenario = Scenario::begin("second-launch.db");
    let bus = SessionBus::start();
    let bus_env = [
        ("DBUS_SESSION_BUS_ADDRESS", Some(OsStr::new(&bus.address))),
        // GTK's accessibility bridge would look for its own bus on ours: not what is tested.
        ("NO_AT_BRIDGE", Some(OsStr::new("1"))),
    ];
    let app = scenario.launch_with_env(&[], &bus_env);
    app.wait_for(&by_test_id("dashboard-loaded"), 30);

    // As a file manager starts it: the file's name relative to the folder it was opened from.
    let sample = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../assets/demo/tokyo-brief.dpbundle"
    );
    std::fs::copy(sample, scenario.dir().join("tokyo-brief.dpbundle")).unwrap();
    let started = Instant::now();
    let mut second = Command::new(app_bin())
        .arg("tokyo-brief.dpbundle")
        .current_dir(scenario.dir())
        .env("PLANNER_DB", scenario.db())
        .envs(bus_env.iter().map(|(k, v)| (k, v.unwrap())))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("a second copy of the app starts");
    let status = loop {
        if let Some(status) = second.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(30) {
            let _ = second.kill();
            let _ = second.wait();
            panic!("the second launch did not exit: it opened a window of its own");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(status.success(), "the second launch failed: {status}");
    println!(
        "second launch: handed over and exited in {} ms",
        started.elapsed().as_millis()
    );

    // The open window previews the file the second launch was given.
    app.wait_for(&by_test_id("bundle-preview"), 20);
    app.wait_for_text(&by_test_id("preview-signer"), "Nhật Bản", 20);
}
