//! Drives the real Delegation Planner window through tauri-driver + WebKitWebDriver.
//!
//! tauri-driver runs in its own process group, which is stopped as a whole when the `App` is
//! dropped; the WebDriver session is always deleted first (WebKitWebDriver allows one at a time).
//! The first second of a session sometimes drops a request, so idempotent requests are retried.
//! An `App` is launched only through a `Scenario`, which holds the one turn at the window.

mod scenario;
mod test_id;

pub use scenario::{Scenario, StoreAt};
pub use test_id::{by_test_id, is_test_id};

use base64::Engine;
use serde_json::{json, Value};
use std::ffi::OsStr;
use std::marker::PhantomData;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// The directory that holds the workspace's built binaries (target/debug).
pub fn bin_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("test executable path");
    exe.parent()
        .and_then(Path::parent)
        .expect("target/debug/deps/..")
        .to_path_buf()
}

/// The app the tests launch: target/debug's, or E2E_APP (the release binary, to time its launch;
/// the installed package's).
pub fn app_bin() -> PathBuf {
    std::env::var_os("E2E_APP")
        .map(PathBuf::from)
        .unwrap_or_else(|| bin_dir().join("delegation-planner"))
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn tauri_driver() -> PathBuf {
    let home = PathBuf::from(std::env::var_os("HOME").unwrap_or_default());
    let in_cargo = home.join(".cargo/bin/tauri-driver");
    if in_cargo.exists() {
        in_cargo
    } else {
        PathBuf::from("tauri-driver")
    }
}

/// A running app with a WebDriver session on it, living no longer than its `Scenario`.
pub struct App<'scenario> {
    driver: Child,
    agent: ureq::Agent,
    base: String,
    session: Option<String>,
    /// Milliseconds from asking for the session (which launches the app) to the session's start.
    pub launch_ms: u128,
    started: Instant,
    scenario: PhantomData<&'scenario Scenario>,
}

impl App<'_> {
    /// Launches the app on the store `at` names (a file given as PLANNER_DB, or whatever a fresh
    /// HOME gives), with `args` on its command line (`--demo`, a bundle to open, as the file
    /// manager gives it), under the X display already set.
    /// WebKitWebDriver has once dropped the session request on a loaded machine ("Peer
    /// disconnected"): a launch whose session cannot be made is retried from a new tauri-driver,
    /// twice at most; its last failure fails the test.
    fn launch(at: StoreAt<'_>, args: &[&str], env: &[(&str, Option<&OsStr>)]) -> Self {
        let mut failures = Vec::new();
        loop {
            match Self::try_launch(at, args, env) {
                Ok(app) => return app,
                Err(e) if failures.len() < 2 => failures.push(e),
                Err(e) => panic!("{e} (earlier launches: {failures:?})"),
            }
        }
    }

    /// `env` is applied after the store's own variables: a value sets a variable, `None`
    /// removes it.
    fn try_launch(
        at: StoreAt<'_>,
        args: &[&str],
        env: &[(&str, Option<&OsStr>)],
    ) -> Result<Self, String> {
        assert!(
            std::env::var_os("DISPLAY").is_some(),
            "end-to-end tests need an X display: run them under `xvfb-run -a` (see README)"
        );
        let app_bin = app_bin();
        assert!(
            app_bin.exists(),
            "{} is missing: run `cargo build -p planner-app` first",
            app_bin.display()
        );
        let (port, native) = (free_port(), free_port());
        let mut cmd = Command::new(tauri_driver());
        cmd.args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native.to_string(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null());
        at.set_env(&mut cmd);
        for (name, value) in env {
            match value {
                Some(value) => cmd.env(name, value),
                None => cmd.env_remove(name),
            };
        }
        std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
        let driver = cmd
            .spawn()
            .expect("tauri-driver starts (cargo install tauri-driver --locked)");
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(60)))
            .build()
            .into();
        let mut app = App {
            driver,
            agent,
            base: format!("http://127.0.0.1:{port}"),
            session: None,
            launch_ms: 0,
            started: Instant::now(),
            scenario: PhantomData,
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "tauri-driver did not listen on port {port}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "wry",
            "tauri:options": {"application": app_bin, "args": args}
        }}});
        app.started = Instant::now();
        // On failure `app` is dropped, which stops this tauri-driver and its WebKitWebDriver.
        let v = app.try_request("POST", "/session", Some(caps), true)?;
        app.launch_ms = app.started.elapsed().as_millis();
        app.session = Some(
            v["value"]["sessionId"]
                .as_str()
                .expect("session id")
                .to_owned(),
        );
        Ok(app)
    }

    /// Time since the session was requested (the app's launch).
    pub fn since_launch(&self) -> Duration {
        self.started.elapsed()
    }

    fn request(&self, method: &str, path: &str, body: Option<Value>, retry: bool) -> Value {
        self.try_request(method, path, body, retry)
            .unwrap_or_else(|e| panic!("{e}"))
    }

    /// A WebDriver request; an error status fails the test at once, a failed connection is
    /// retried (with `retry`) and then returned as an error.
    fn try_request(
        &self,
        method: &str,
        path: &str,
        body: Option<Value>,
        retry: bool,
    ) -> Result<Value, String> {
        let url = format!("{}{path}", self.base);
        let attempts = if retry { 6 } else { 1 };
        let mut last = String::new();
        let trace = std::env::var_os("E2E_TRACE").is_some();
        for attempt in 0..attempts {
            if trace {
                eprintln!("[e2e] {method} {path} (attempt {attempt})");
            }
            let res = match (method, &body) {
                ("GET", _) => self.agent.get(&url).call(),
                ("DELETE", _) => self.agent.delete(&url).call(),
                (_, Some(b)) => self.agent.post(&url).send_json(b),
                (_, None) => self.agent.post(&url).send_json(json!({})),
            };
            match res {
                Ok(mut r) => {
                    let status = r.status().as_u16();
                    let v: Value = r
                        .body_mut()
                        .with_config()
                        .limit(64 << 20)
                        .read_json()
                        .unwrap_or(Value::Null);
                    if status >= 400 {
                        panic!("WebDriver {method} {path} -> {status}: {}", v["value"]);
                    }
                    return Ok(v);
                }
                Err(e) => {
                    last = e.to_string();
                    std::thread::sleep(Duration::from_millis(250 * (attempt + 1)));
                }
            }
        }
        Err(format!("WebDriver {method} {path} failed: {last}"))
    }

    fn s(&self, tail: &str) -> String {
        format!(
            "/session/{}{tail}",
            self.session.as_deref().expect("session")
        )
    }

    /// Runs a script in the page (idempotent scripts only: it is retried).
    pub fn script(&self, script: &str, args: Vec<Value>) -> Value {
        self.request(
            "POST",
            &self.s("/execute/sync"),
            Some(json!({"script": script, "args": args})),
            true,
        )["value"]
            .clone()
    }

    /// The element ids matching `css` now.
    pub fn find_all(&self, css: &str) -> Vec<String> {
        let v = self.request(
            "POST",
            &self.s("/elements"),
            Some(json!({"using": "css selector", "value": css})),
            true,
        );
        v["value"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| e[ELEMENT].as_str().map(str::to_owned))
            .collect()
    }

    /// Waits up to `secs` for an element matching `css` and returns its id.
    pub fn wait_for(&self, css: &str, secs: u64) -> String {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            if let Some(id) = self.find_all(css).into_iter().next() {
                return id;
            }
            if Instant::now() > deadline {
                let body = self.script(
                    "return document.body ? document.body.innerText.slice(0, 2000) : ''",
                    vec![],
                );
                panic!("no element {css} after {secs}s; page text: {body}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Opens a route of the app by its hash (e.g. `#/delegations/3/edit`).
    pub fn go(&self, hash: &str) {
        self.script(
            "window.location.hash = arguments[0]; return true;",
            vec![Value::String(hash.to_owned())],
        );
    }

    /// The value of the first form field matching `css`.
    pub fn value_of(&self, css: &str) -> Value {
        self.script(
            "return document.querySelector(arguments[0]).value;",
            vec![Value::String(css.to_owned())],
        )
    }

    /// Waits until the form field matching `css` holds `value` (a form is loaded when its
    /// record's values are in its fields).
    pub fn wait_for_value(&self, css: &str, value: &str, secs: u64) {
        let deadline = Instant::now() + Duration::from_secs(secs);
        while self.value_of(css) != value {
            assert!(
                Instant::now() < deadline,
                "{css} does not hold «{value}» after {secs}s"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Waits until some element matching `css` contains `text`. Read in one script, not element
    /// by element: a list that reloads (a change elsewhere) replaces its rows between two
    /// WebDriver requests, and a row found by one is gone ("stale") for the next.
    pub fn wait_for_text(&self, css: &str, text: &str, secs: u64) {
        let deadline = Instant::now() + Duration::from_secs(secs);
        let script = "return Array.from(document.querySelectorAll(arguments[0]))
            .some((e) => e.innerText.includes(arguments[1]));";
        loop {
            let args = vec![json!(css), json!(text)];
            if self.script(script, args) == Value::Bool(true) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "no {css} containing «{text}» after {secs}s"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    pub fn click(&self, css: &str) {
        let id = self.wait_for(css, 10);
        self.request(
            "POST",
            &self.s(&format!("/element/{id}/click")),
            Some(json!({})),
            false,
        );
    }

    pub fn text(&self, id: &str) -> String {
        self.request("GET", &self.s(&format!("/element/{id}/text")), None, true)["value"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// Clears a field and types `text` into it, key by key, as a user would.
    pub fn type_into(&self, css: &str, text: &str) {
        let id = self.wait_for(css, 10);
        self.request(
            "POST",
            &self.s(&format!("/element/{id}/clear")),
            Some(json!({})),
            false,
        );
        self.request(
            "POST",
            &self.s(&format!("/element/{id}/value")),
            Some(json!({"text": text})),
            false,
        );
    }

    /// Sets a field's value the way a picker does (date inputs, selects) and fires input/change.
    pub fn set_value(&self, css: &str, value: &str) {
        self.wait_for(css, 10);
        self.script(
            "const el = document.querySelector(arguments[0]); el.value = arguments[1];
             el.dispatchEvent(new Event('input', {bubbles: true}));
             el.dispatchEvent(new Event('change', {bubbles: true})); return el.value;",
            vec![json!(css), json!(value)],
        );
    }

    /// Sets the window's outer size, for a screen checked at several sizes; returns the page's
    /// (innerWidth, innerHeight) once the window has it.
    pub fn resize(&self, width: u32, height: u32) -> (u64, u64) {
        self.request(
            "POST",
            &self.s("/window/rect"),
            Some(json!({"width": width, "height": height})),
            false,
        );
        let v = self.script("return [window.innerWidth, window.innerHeight];", vec![]);
        (v[0].as_u64().unwrap_or(0), v[1].as_u64().unwrap_or(0))
    }

    /// Saves a PNG screenshot of the window.
    pub fn screenshot(&self, path: &Path) {
        let v = self.request("GET", &self.s("/screenshot"), None, true);
        let png = base64::engine::general_purpose::STANDARD
            .decode(v["value"].as_str().unwrap_or_default())
            .unwrap();
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, png).unwrap();
    }
}

impl Drop for App<'_> {
    fn drop(&mut self) {
        let trace = std::env::var_os("E2E_TRACE").is_some();
        if let Some(s) = self.session.take() {
            let deleted = delete_session(&self.base, &s);
            if trace {
                eprintln!("[e2e] delete session: {deleted:?}");
            }
        }
        let group = format!("-{}", self.driver.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.driver.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = self.driver.wait();
    }
}

/// Deletes the WebDriver session over a plain socket with a hard time limit, so that the app
/// closing under the request cannot hang the test.
fn delete_session(base: &str, session: &str) -> std::io::Result<String> {
    use std::io::{Read, Write};
    let addr = base.trim_start_matches("http://");
    let mut stream = std::net::TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    stream.set_write_timeout(Some(Duration::from_secs(5)))?;
    write!(
        stream,
        "DELETE /session/{session} HTTP/1.1\r\nHost: {addr}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    )?;
    let mut reply = String::new();
    let _ = stream.read_to_string(&mut reply);
    Ok(reply.lines().next().unwrap_or_default().to_owned())
}

/// Runs the `planner` CLI built beside the app.
/// Creates a record of `entity` from `json` with the CLI (as a script of an office would), and
/// returns its id.
pub fn create(db: &Path, entity: &str, json: serde_json::Value) -> i64 {
    let file = db.with_extension(format!("{entity}.json"));
    std::fs::write(&file, json.to_string()).unwrap();
    let out: serde_json::Value =
        serde_json::from_str(&planner(db, &["create", entity, file.to_str().unwrap()])).unwrap();
    out["id"].as_i64().unwrap()
}

pub fn planner(db: &Path, args: &[&str]) -> String {
    let out = Command::new(bin_dir().join("planner"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("planner runs");
    assert!(
        out.status.success(),
        "planner {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Where tests leave screenshots (tests/artifacts, ignored by git).
pub fn artifacts() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("artifacts")
}
