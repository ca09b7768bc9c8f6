//! The exchange on a team store under its roles (PostgreSQL only): the one office key lives in the
//! database, where only managers may read or make it, so every manager's app signs with it and
//! an officer's sees its fingerprint but cannot sign; the received bundles' files live there too,
//! so an officer's app shows a brief another officer received. Each test takes a fresh database.

use super::team_schema::{migrated, refused};
use super::two_offices::{brief, code, export_to, hanoi, profile};
use crate::PgDatabase;
use planner_core::domain::*;
use planner_core::exchange::{self, adopt, import, office, received};
use planner_core::Store;

/// Login role `role`'s app on the team database.
fn app(db: &PgDatabase, role: &str) -> Store {
    Store::open_url(&db.url_as(role)).expect("open the team store as an officer")
}

/// A migrated team database whose office has a profile but no key yet (set behind the apps'
/// backs, as a manager's app would before first use).
fn office_without_key() -> Option<PgDatabase> {
    let (db, mut client) = migrated()?;
    client
        .batch_execute(
            "INSERT INTO office (id, name_vi, name_en, code, updated_at)
             VALUES (1, 'Trung tâm Xúc tiến Hà Nội', 'Hanoi Promotion Centre', 'ITPC-HN', 'x')",
        )
        .unwrap();
    Some(db)
}

#[test]
fn only_managers_read_or_make_the_office_key_and_nobody_replaces_it() {
    let Some((db, _client)) = migrated() else {
        return;
    };
    let make = "INSERT INTO office_private_key VALUES (1, 'key', '2025-01-01T00:00:00Z')";
    let read = "SELECT key_file FROM office_private_key";
    for group in ["planner_readonly", "planner_officer"] {
        let role = db.login_role(group);
        assert!(refused(&db, &role, read), "{group} reads the office key");
        assert!(refused(&db, &role, make), "{group} makes the office key");
    }
    let manager = db.login_role("planner_manager");
    assert!(!refused(&db, &manager, make));
    assert!(!refused(&db, &manager, read));
    assert!(refused(
        &db,
        &manager,
        "UPDATE office_private_key SET key_file = 'other'"
    ));
    assert!(refused(&db, &manager, "DELETE FROM office_private_key"));
}

#[test]
fn received_files_are_read_by_all_written_by_officers_and_deleted_by_managers() {
    let Some((db, _client)) = migrated() else {
        return;
    };
    let read = "SELECT count(*) FROM received_files";
    let delete = "DELETE FROM received_files";
    let reader = db.login_role("planner_readonly");
    assert!(!refused(&db, &reader, read));
    assert!(refused(
        &db,
        &reader,
        "INSERT INTO received_files VALUES (1, 'a.pdf', 'a', '')"
    ));
    let officer = db.login_role("planner_officer");
    assert!(!refused(&db, &officer, read));
    assert!(refused(&db, &officer, delete));
    let manager = db.login_role("planner_manager");
    assert!(!refused(&db, &manager, delete));
}

#[test]
fn an_officer_sees_the_office_fingerprint_but_cannot_sign() {
    let Some(db) = office_without_key() else {
        return;
    };
    let officer = db.login_role("planner_officer");
    let reader = db.login_role("planner_readonly");
    let mut officers_app = app(&db, &officer);
    let before = office::view(&mut officers_app).unwrap();
    assert!(
        before.profile.is_some() && !before.has_key,
        "an officer's app shows the office and makes no key"
    );

    let manager = db.login_role("planner_manager");
    let made = office::view(&mut app(&db, &manager)).unwrap();
    assert!(made.has_key && made.fingerprint.is_some());
    for role in [&officer, &reader] {
        let mut store = app(&db, role);
        let seen = office::view(&mut store).unwrap();
        assert_eq!(
            (seen.has_key, &seen.fingerprint),
            (true, &made.fingerprint),
            "{role} sees the key the manager made"
        );
        assert_eq!(
            code(office::signing_key(&mut store).unwrap_err()),
            "not_permitted"
        );
        let card = tempfile::tempdir().unwrap().path().join("hn.dpoffice");
        assert_eq!(
            code(office::export_card(&mut store, Some(card)).unwrap_err()),
            "not_permitted"
        );
    }
}

#[test]
fn two_managers_apps_on_one_team_database_sign_with_one_key() {
    let Some(db) = office_without_key() else {
        return;
    };
    let managers = [
        db.login_role("planner_manager"),
        db.login_role("planner_manager"),
    ];
    // Both apps make the key at once on first use: they end with one.
    let start = std::sync::Barrier::new(2);
    let keys: Vec<String> = std::thread::scope(|s| {
        let apps: Vec<_> = managers
            .iter()
            .map(|m| {
                let (db, start) = (&db, &start);
                s.spawn(move || {
                    let mut store = app(db, m);
                    start.wait();
                    let key = office::signing_key(&mut store).expect("sign as a manager");
                    key.public().to_base64()
                })
            })
            .collect();
        apps.into_iter().map(|a| a.join().unwrap()).collect()
    });
    assert_eq!(keys[0], keys[1], "one office key");
    let kept: i64 = db
        .client()
        .query_one("SELECT count(*) FROM office_private_key", &[])
        .unwrap()
        .get(0);
    assert_eq!(kept, 1);

    let mut first = app(&db, &managers[0]);
    let mut second = app(&db, &managers[1]);
    let fingerprint = office::view(&mut first).unwrap().fingerprint;
    assert!(fingerprint.is_some());
    assert_eq!(office::view(&mut second).unwrap().fingerprint, fingerprint);
    assert_eq!(
        office::signing_key(&mut second)
            .unwrap()
            .public()
            .to_base64(),
        keys[0]
    );
    let recorded = first.office().unwrap().unwrap().public_key;
    assert_eq!(recorded.as_deref(), Some(keys[0].as_str()));
}

#[test]
fn an_officer_shows_and_adopts_a_brief_another_officer_received() {
    let Some((db, _client)) = migrated() else {
        return;
    };
    let (_file_guard, file_store) = crate::file_store();
    let mut hanoi = hanoi(&file_store);
    let id = brief(&mut hanoi);
    let shown = hanoi.store.get::<Brief>(id).unwrap().data.opportunity_ids[0];
    hanoi
        .store
        .add_opportunity_image(shown, &crate::images_png(), Some("Toàn cảnh"))
        .unwrap();
    let id = brief(&mut hanoi);
    let bundle = export_to(&mut hanoi, id, false, "v1");

    let (first, second) = (
        db.login_role("planner_officer"),
        db.login_role("planner_officer"),
    );
    let mut receiving = app(&db, &first);
    office::save(
        &mut app(&db, &db.login_role("planner_manager")),
        profile("TV-TOKYO", "Thương vụ", "Trade office"),
    )
    .unwrap();
    let got = import::import_file(&mut receiving, &bundle, true, "cli").unwrap();
    let files: i64 = db
        .client()
        .query_one("SELECT count(*) FROM received_files", &[])
        .unwrap()
        .get(0);
    assert!(files >= 2, "the PDF and the picture, in the database");

    let mut other = app(&db, &second);
    let pdf = received::pdf_path(&other, got.received_id).unwrap();
    let row = other.received(got.received_id).unwrap();
    assert_eq!(
        pdf,
        exchange::received_dir(&other).join(format!("{}.pdf", row.pdf_sha256)),
        "a copy on this desktop, named by its hash"
    );
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    assert_eq!(planner_core::briefs::sha256_hex(&bytes), row.pdf_sha256);
    let out = hanoi.dir.path().join("en.pdf");
    received::regenerate(&other, got.received_id, BriefLanguage::En, Some(out)).unwrap();
    let report = adopt::adopt(&mut other, got.received_id, None, &[]).unwrap();
    assert!(!report.created.is_empty());
    let pictures: usize = report
        .created
        .iter()
        .map(|id| other.opportunity_images(*id).unwrap().len())
        .sum();
    assert!(pictures >= 1, "the picture came from the server");
}
