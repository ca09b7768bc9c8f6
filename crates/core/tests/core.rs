//! Integration tests of planner-core on real SQLite files (one test binary, one module per area).

mod core {
    pub mod about;
    pub mod backup;
    pub mod backup_after_erase;
    pub mod backup_free_pages;
    pub mod backup_overdue;
    pub mod backup_session;
    pub mod bindings;
    pub mod briefs;
    pub mod clock_changes;
    pub mod commands;
    pub mod concurrency;
    pub mod contacts_io;
    pub mod crud;
    pub mod dashboard;
    pub mod demo;
    pub mod doctor;
    pub mod erased_bytes;
    pub mod exchange;
    pub mod exchange_adopt;
    pub mod first_run;
    pub mod fixtures;
    pub mod hostile;
    pub mod ics;
    pub mod images;
    pub mod import;
    pub mod import_report;
    pub mod itinerary;
    pub mod itinerary_pdf;
    pub mod labels;
    pub mod licences;
    pub mod linked;
    pub mod migrations;
    pub mod people;
    pub mod read_only;
    pub mod revisions;
    pub mod search;
    pub mod sectors;
    pub mod sort_keys;
    pub mod store_health;
    pub mod two_offices;
    pub mod validation;
    pub mod words;
}

use planner_core::Store;
use tempfile::TempDir;

/// A fresh store in a real file under a temporary directory (kept alive by the returned guard).
pub fn temp_store() -> (TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("planner.db")).expect("open store");
    (dir, store)
}

/// The (field, code) of each field error of an `Invalid` error.
pub fn field_codes(e: planner_core::CoreError) -> Vec<(String, String)> {
    match e {
        planner_core::CoreError::Invalid(errs) => {
            errs.into_iter().map(|e| (e.field, e.code)).collect()
        }
        other => panic!("expected invalid input, got {other}"),
    }
}

/// A small opaque PNG picture.
pub fn images_png() -> Vec<u8> {
    let img = image::RgbImage::from_fn(64, 48, |x, y| image::Rgb([x as u8 * 4, y as u8 * 5, 90]));
    let mut out = Vec::new();
    image::DynamicImage::ImageRgb8(img)
        .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
}
