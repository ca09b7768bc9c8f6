//! The About screen's facts (`app_info`) and the one version: Cargo's workspace version is the
//! core's, the app's and the CLI's, and tauri.conf.json has none of its own (Tauri 2 takes the
//! crate's).

use super::two_offices::profile;
use planner_core::about::{BUILD_DATE, VERSION, VERSION_LINE};
use planner_core::commands::{records, Session};
use planner_core::exchange::office;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// `version = "…"` of Cargo.toml's `[workspace.package]`.
pub fn workspace_version() -> String {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    let section = manifest
        .split("[workspace.package]")
        .nth(1)
        .expect("[workspace.package]");
    let line = section
        .lines()
        .find(|l| l.trim_start().starts_with("version"))
        .expect("version");
    line.split('"').nth(1).expect("quoted version").to_string()
}

#[test]
fn the_version_is_the_workspace_version_everywhere() {
    assert_eq!(VERSION, workspace_version());
    for krate in ["crates/core", "crates/cli", "src-tauri"] {
        let manifest = std::fs::read_to_string(root().join(krate).join("Cargo.toml")).unwrap();
        assert!(
            manifest.contains("version.workspace = true"),
            "{krate} takes the workspace version"
        );
    }
    let conf: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("src-tauri/tauri.conf.json")).unwrap(),
    )
    .unwrap();
    assert!(
        conf.get("version").is_none(),
        "tauri.conf.json takes Cargo's version"
    );
    assert_eq!(VERSION_LINE, format!("{VERSION} (built {BUILD_DATE})"));
}

#[test]
fn the_build_date_is_a_calendar_date() {
    let date = chrono::NaiveDate::parse_from_str(BUILD_DATE, "%Y-%m-%d").expect(BUILD_DATE);
    assert!(date.format("%Y").to_string().parse::<i32>().unwrap() >= 1970);
}

#[test]
fn app_info_names_the_store_its_schema_and_the_office_fingerprint_once_there_is_a_key() {
    let (dir, store) = crate::temp_store();
    let path = dir.path().join("planner.db");
    let mut session = Session::new(store);
    let info = records::app_info(&mut session).unwrap();
    assert_eq!(info.version, workspace_version());
    assert_eq!(info.build_date, BUILD_DATE);
    assert_eq!(Path::new(&info.db_path), path);
    assert_eq!(info.schema_version, session.store.schema_version().unwrap());
    assert!(info.schema_version >= 1);
    assert_eq!(info.office_fingerprint, None);

    // About only reads: asking it makes no key.
    let key = office::key_path(&session.store).unwrap();
    assert_eq!(
        records::app_info(&mut session).unwrap().office_fingerprint,
        None
    );
    assert!(!key.exists());

    let view = office::save(&mut session.store, profile("XTHN", "Trung tâm", "Centre")).unwrap();
    let shown = records::app_info(&mut session).unwrap().office_fingerprint;
    assert!(view.fingerprint.is_some());
    assert_eq!(
        shown, view.fingerprint,
        "the fingerprint as Settings groups it"
    );
}
