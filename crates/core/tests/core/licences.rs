//! The licence list the About screen shows (`assets/licences/licences.json`, written by
//! `./dev licences`) against the lock files: every shipped crate, every production npm package
//! and every font is there with its version. The generator (ui/scripts/licences.mjs, which also
//! runs a Vite build) is not needed: the crate graph comes from `cargo metadata`, which cargo
//! answers from Cargo.lock, and the npm tree from ui/package-lock.json.

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).expect("JSON")
}

fn licences() -> Value {
    json(&root().join("assets/licences/licences.json"))
}

const REGENERATE: &str = "the licence list is stale: run ./dev licences";

/// (name, version) of the components of one kind in the licence list.
fn listed(list: &Value, kind: &str) -> BTreeSet<(String, String)> {
    list["components"]
        .as_array()
        .expect("components")
        .iter()
        .filter(|c| c["kind"] == kind)
        .map(|c| {
            (
                c["name"].as_str().unwrap().into(),
                c["version"].as_str().unwrap().into(),
            )
        })
        .collect()
}

/// What the generator walks: the registry crates reachable from the app and the CLI through
/// normal and build dependencies, on the target the packages are built for.
fn shipped_crates(target: &str) -> BTreeSet<(String, String)> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .current_dir(root())
        .args(["metadata", "--format-version", "1", "--locked"])
        .args(["--filter-platform", target])
        .output()
        .expect("cargo metadata");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: Value = serde_json::from_slice(&out.stdout).expect("metadata JSON");
    let packages = meta["packages"].as_array().unwrap();
    let package = |id: &str| packages.iter().find(|p| p["id"] == id).unwrap();
    let nodes = meta["resolve"]["nodes"].as_array().unwrap();
    let mut stack: Vec<&str> = packages
        .iter()
        .filter(|p| p["name"] == "planner-app" || p["name"] == "planner-cli")
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(stack.len(), 2, "both binaries' packages");
    let mut seen = BTreeSet::new();
    while let Some(id) = stack.pop() {
        if !seen.insert(id) {
            continue;
        }
        let node = nodes.iter().find(|n| n["id"] == id).unwrap();
        for dep in node["deps"].as_array().unwrap() {
            let shipped = dep["dep_kinds"]
                .as_array()
                .unwrap()
                .iter()
                .any(|k| k["kind"].is_null() || k["kind"] == "build");
            if shipped {
                stack.push(dep["pkg"].as_str().unwrap());
            }
        }
    }
    seen.into_iter()
        .map(package)
        .filter(|p| !p["source"].is_null())
        .map(|p| {
            (
                p["name"].as_str().unwrap().into(),
                p["version"].as_str().unwrap().into(),
            )
        })
        .collect()
}

#[test]
fn licences_list_every_shipped_crate_with_its_version() {
    let list = licences();
    let target = list["target"].as_str().expect("target");
    let expected = shipped_crates(target);
    let actual = listed(&list, "crate");
    let missing: Vec<_> = expected.difference(&actual).collect();
    let extra: Vec<_> = actual.difference(&expected).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{REGENERATE}: missing {missing:?}, not shipped {extra:?}"
    );
    assert!(
        actual.iter().any(|(name, _)| name == "rusqlite"),
        "{actual:?}"
    );
}

#[test]
fn licences_list_every_production_npm_package_with_its_locked_version() {
    let list = licences();
    let lock = json(&root().join("ui/package-lock.json"));
    let locked = lock["packages"].as_object().expect("lockfile v3 packages");
    let version_of = |name: &str| {
        locked
            .get(&format!("node_modules/{name}"))
            .and_then(|p| p["version"].as_str())
            .map(String::from)
    };
    let actual = listed(&list, "npm");
    // The production dependencies, all of them.
    for (path, entry) in locked {
        if path.is_empty() || entry["dev"] == true {
            continue;
        }
        let name = path.rsplit_once("node_modules/").unwrap().1.to_string();
        let version = entry["version"].as_str().unwrap().to_string();
        assert!(
            actual.contains(&(name.clone(), version.clone())),
            "{REGENERATE}: {name} {version}"
        );
    }
    // What the build bundles besides (Svelte's runtime), at the version now locked.
    for (name, version) in &actual {
        assert_eq!(
            version_of(name).as_ref(),
            Some(version),
            "{REGENERATE}: {name}"
        );
    }
    assert!(
        actual.iter().any(|(name, _)| name == "svelte"),
        "{actual:?}"
    );
}

#[test]
fn licences_list_every_font_under_its_ofl() {
    let list = licences();
    let fonts = root().join("assets/fonts");
    let listed_files: BTreeSet<String> = list["components"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["kind"] == "font")
        .flat_map(|c| c["files"].as_array().unwrap().iter())
        .map(|f| f.as_str().unwrap().to_string())
        .collect();
    for entry in std::fs::read_dir(&fonts).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.ends_with(".ttf") {
            assert!(listed_files.contains(&name), "{REGENERATE}: {name}");
        }
    }
    let ofl = std::fs::read_to_string(fonts.join("OFL.txt")).unwrap();
    let texts = list["texts"].as_object().unwrap();
    assert!(
        texts
            .values()
            .any(|t| t["text"].as_str().unwrap().trim() == ofl.replace("\r\n", "\n").trim()),
        "the OFL's text is the one beside the fonts"
    );
}

#[test]
fn every_licence_text_named_is_there_once() {
    let list = licences();
    let texts = list["texts"].as_object().unwrap();
    let mut used = BTreeSet::new();
    for c in list["components"].as_array().unwrap() {
        assert!(!c["licence"].as_str().unwrap().is_empty(), "{c}");
        for id in c["texts"].as_array().unwrap() {
            let id = id.as_str().unwrap();
            assert!(texts.contains_key(id), "{id} of {}", c["name"]);
            used.insert(id.to_string());
        }
    }
    let kept: BTreeSet<String> = texts.keys().cloned().collect();
    assert_eq!(used, kept, "texts no component names");
    let distinct: BTreeSet<&str> = texts
        .values()
        .map(|t| t["text"].as_str().unwrap())
        .collect();
    assert_eq!(distinct.len(), texts.len(), "each text once");
}
