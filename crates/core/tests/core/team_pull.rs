//! `planner team pull` (`store/team_copy.rs`) as a laptop going on a mission uses it: a new
//! file only, none left by a pull that failed, a read-only officer may pull, and the people met
//! come back to the team store by the contact book's export and import.

use super::team_copy::demo_file;
use crate::pg_database;
use planner_core::contacts_io::import as contacts_import;
use planner_core::domain::*;
use planner_core::store::team_copy;
use planner_core::Store;

#[test]
fn a_pull_refuses_an_existing_file_and_a_failed_pull_leaves_no_file() {
    let Some(db) = pg_database() else {
        return;
    };
    let (_dir, store) = demo_file();
    team_copy::push(&store, &db.url).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let taken = dir.path().join("taken.db");
    std::fs::write(&taken, b"mine").unwrap();
    let e = team_copy::pull(&db.url, &taken).unwrap_err();
    assert_eq!(
        crate::field_codes(e),
        [("path".into(), "file_exists".into())]
    );
    assert_eq!(std::fs::read(&taken).unwrap(), b"mine");

    // A read-only officer may pull; one who may not read the pictures gets an error and no file.
    let reader = db.login_role("planner_readonly");
    let as_reader = db.url.replacen("://postgres@", &format!("://{reader}@"), 1);
    let copy = dir.path().join("reader.db");
    team_copy::pull(&as_reader, &copy).unwrap();
    assert!(
        Store::open_existing(&copy)
            .unwrap()
            .count(EntityKind::Contacts)
            .unwrap()
            > 0
    );
    db.client()
        .batch_execute("REVOKE SELECT ON opportunity_images FROM planner_readonly")
        .unwrap();
    let refused = dir.path().join("refused.db");
    let e = team_copy::pull(&as_reader, &refused).unwrap_err();
    assert_eq!(e.code(), "not_permitted", "{e}");
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| !n.starts_with("refused") && !n.contains("pulling")),
        "{names:?}"
    );
}

/// The one way back built today for what a mission gathers most, the people met: the pulled
/// copy's contact book exported and imported into the team store brings only the new people
/// (everyone pulled is known there by uuid).
#[test]
fn people_met_on_a_mission_come_back_by_contact_export_and_import() {
    let Some(db) = pg_database() else {
        return;
    };
    let (_dir, store) = demo_file();
    team_copy::push(&store, &db.url).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let laptop_path = dir.path().join("mission.db");
    team_copy::pull(&db.url, &laptop_path).unwrap();
    let mut laptop = Store::open_existing(&laptop_path).unwrap();
    laptop
        .create(&Contact {
            full_name: "Tanaka Hiroshi".into(),
            emails: vec![Labelled {
                label: "work".into(),
                value: "tanaka@denso.example".into(),
            }],
            ..Default::default()
        })
        .unwrap();
    let book = contacts_import::export(&laptop, contacts_import::ExportFormat::Csv).unwrap();
    let mut team = Store::open_url(&db.url).unwrap();
    let before = team.count(EntityKind::Contacts).unwrap();
    let report = contacts_import::import(
        &mut team,
        book.as_bytes(),
        "mission.csv",
        None,
        None,
        false,
        None,
    )
    .unwrap();
    assert_eq!(report.contacts_created, 1, "{:?}", report.errors);
    assert_eq!(report.duplicates.len() as i64, before);
    assert_eq!(team.count(EntityKind::Contacts).unwrap(), before + 1);
    assert!(team
        .search("tanaka", 5)
        .unwrap()
        .groups
        .iter()
        .any(|g| g.hits.iter().any(|h| h.label == "Tanaka Hiroshi")));
}
