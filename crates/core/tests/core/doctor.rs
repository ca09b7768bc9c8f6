//! The store doctor on real files: the demo store (with a generated brief, a picture, the
//! Tokyo brief received and a backup) is clean; each kind of damage made behind the app's back
//! is found under its code; `repair` rebuilds the index and leaves file damage reported.

use chrono::NaiveDate;
use planner_core::briefs::{self, Audience, BriefFormat, BriefRequest};
use planner_core::doctor::{self, Code, Options, Report};
use planner_core::domain::{BriefLanguage, Opportunity, Organization};
use planner_core::store::{plain_integrity_check, ListQuery};
use planner_core::{backup, Store};
use rusqlite::Connection;
use std::path::PathBuf;

const ALL: Options = Options { backups: true };

struct Demo {
    dir: tempfile::TempDir,
    store: Store,
    brief: PathBuf,
}

impl Demo {
    fn new() -> Demo {
        let (dir, mut store) = crate::temp_store();
        planner_core::demo::seed_demo(&mut store, NaiveDate::from_ymd_opt(2026, 11, 27).unwrap())
            .unwrap();
        let organization = store
            .list::<Organization>(&ListQuery::default())
            .unwrap()
            .items[0]
            .meta
            .id;
        let req = BriefRequest::new(
            Audience::Organization { id: organization },
            BriefLanguage::Vi,
        );
        let brief = dir.path().join("brief.html");
        briefs::generate(&mut store, &req, BriefFormat::Html, &brief).unwrap();
        let opportunity = store
            .list::<Opportunity>(&ListQuery::default())
            .unwrap()
            .items[0]
            .meta
            .id;
        store
            .add_opportunity_image(opportunity, &crate::images_png(), Some("Ảnh"))
            .unwrap();
        backup::create(&mut store, chrono::Utc::now(), false).unwrap();
        Demo { dir, store, brief }
    }

    /// A connection of standard SQLite beside the store's, to damage what the app would not.
    fn raw(&self, sql: &str) {
        let conn = Connection::open(self.store.path().unwrap()).unwrap();
        conn.execute_batch(sql).unwrap();
    }

    fn check(&self) -> Report {
        doctor::check(&self.store, ALL).unwrap()
    }

    fn received_dir(&self) -> PathBuf {
        self.dir.path().join("received")
    }
}

fn codes(r: &Report) -> Vec<Code> {
    r.findings.iter().map(|f| f.code).collect()
}

#[test]
fn the_demo_store_with_a_brief_a_picture_a_received_brief_and_a_backup_is_clean() {
    let demo = Demo::new();
    let report = demo.check();
    assert!(report.healthy(), "{:#?}", report.findings);
    let c = &report.checked;
    assert!(c.indexed_records > 100, "{c:?}");
    assert_eq!((c.brief_files, c.backups), (1, 1), "{c:?}");
    assert!(c.pictures >= 1 && c.received_files >= 2, "{c:?}");
    assert!(doctor::quick(&demo.store).unwrap().healthy());
    let plain = plain_integrity_check(demo.store.path().unwrap()).unwrap();
    assert!(plain.problems.is_empty(), "{:?}", plain.problems);
    // Since migration 14 no index needs our collation: plain SQLite checks the whole file.
    assert!(!plain.needed_collation);
}

#[test]
fn a_deleted_an_extra_and_a_stale_index_row_are_found_and_repaired() {
    let mut demo = Demo::new();
    let org = planner_core::search::rowid(planner_core::domain::EntityKind::Organizations, 1);
    let contact = planner_core::search::rowid(planner_core::domain::EntityKind::Contacts, 1);
    let nobody = planner_core::search::rowid(planner_core::domain::EntityKind::Contacts, 999_999);
    demo.raw(&format!(
        "DELETE FROM search_index WHERE rowid = {org};
         UPDATE search_index SET title = 'ten cu' WHERE rowid = {contact};
         INSERT INTO search_index (rowid, title, body, label, detail)
             VALUES ({nobody}, 'ma', '', 'Ma', '');"
    ));
    let report = demo.check();
    assert_eq!(
        codes(&report),
        [Code::IndexMissing, Code::IndexExtra, Code::IndexStale]
    );
    for f in &report.findings {
        assert!(f.repairable && f.count == 1, "{f:?}");
    }
    assert_eq!(report.findings[0].items, ["organizations 1"]);
    assert_eq!(report.findings[1].items, ["contacts 999999"]);
    assert_eq!(report.findings[2].items, ["contacts 1"]);

    let repair = doctor::repair(&mut demo.store, ALL).unwrap();
    assert!(repair.rebuilt_index);
    assert!(repair.after.healthy(), "{:#?}", repair.after.findings);
}

#[test]
fn an_imports_pending_mark_is_found_by_the_quick_check_and_repaired() {
    let mut demo = Demo::new();
    demo.raw("INSERT INTO settings (key, value) VALUES ('search_index_pending:7', '1')");
    let quick = doctor::quick(&demo.store).unwrap();
    assert!(quick.quick);
    assert_eq!(codes(&quick), [Code::IndexPending]);
    assert_eq!(quick.findings[0].items, ["search_index_pending:7"]);
    assert!(doctor::repair(&mut demo.store, ALL)
        .unwrap()
        .after
        .healthy());
}

#[test]
fn lost_or_changed_files_and_pictures_are_found_and_not_repaired() {
    let mut demo = Demo::new();
    let briefs_before = demo.check().checked.brief_files;
    std::fs::write(&demo.brief, b"<p>changed by hand</p>").unwrap();
    let picture = std::fs::read_dir(demo.received_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "png" || e == "jpg"))
        .expect("the Tokyo brief kept a picture");
    std::fs::remove_file(&picture).unwrap();
    let pdf = std::fs::read_dir(demo.received_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "pdf"))
        .unwrap();
    std::fs::write(&pdf, b"%PDF-1.7 not what was received").unwrap();
    demo.raw("UPDATE opportunity_images SET bytes = CAST(x'00' || bytes AS BLOB)");
    let report = demo.check();
    assert_eq!(
        codes(&report),
        [
            Code::BriefFileChanged,
            Code::PictureChanged,
            Code::ReceivedFileMissing,
            Code::ReceivedFileChanged
        ]
    );
    assert!(report.findings.iter().all(|f| !f.repairable));
    let name = picture.file_name().unwrap().to_string_lossy().into_owned();
    assert!(report.findings[2].items[0].ends_with(&name), "{report:?}");

    std::fs::remove_file(&demo.brief).unwrap();
    let repair = doctor::repair(&mut demo.store, ALL).unwrap();
    assert!(!repair.rebuilt_index, "nothing in the index to rebuild");
    assert_eq!(repair.after.findings[0].code, Code::BriefFileMissing);
    assert_eq!(repair.after.checked.brief_files, briefs_before);
    assert_eq!(codes(&repair.after).len(), 4, "{:#?}", repair.after);
}

#[test]
fn a_damaged_backup_is_found_only_when_backups_are_checked() {
    let demo = Demo::new();
    let listed = backup::list(&demo.dir.path().join("backups")).unwrap();
    let file = &listed[0].path;
    let mut bytes = std::fs::read(file).unwrap();
    // Past the header: the file still opens, its pages no longer read.
    for b in &mut bytes[4096..8192] {
        *b = 0xA5;
    }
    std::fs::write(file, bytes).unwrap();
    assert_eq!(codes(&demo.check()), [Code::BackupDamaged]);
    let without = doctor::check(&demo.store, Options { backups: false }).unwrap();
    assert!(without.healthy() && without.checked.backups == 0);
}
