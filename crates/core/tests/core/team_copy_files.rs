//! What a store file keeps in files beside it, carried by `planner team push` and `pull`
//! (`store/team_copy/beside_files.rs`): the office's private key goes into the team store, so
//! its managers sign as the desktop did; the received briefs' PDFs and pictures go in and come
//! back byte for byte; a key file or received file that is not what the store records refuses
//! the push and leaves the team database empty; a pulled copy never gets the key.

use super::two_offices::{brief, code, export_to, hanoi, profile, Office};
use crate::{pg_database, PgDatabase, StoreGuard};
use planner_core::domain::*;
use planner_core::exchange::{self, adopt, import, office, received};
use planner_core::store::team_copy;
use planner_core::{CoreError, Store};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The Hanoi centre in a store file: its key made (a brief sent), and a brief received from
/// Osaka that shows a picture, so `received/` beside it holds a PDF and a picture (a JPEG, as
/// briefs carry pictures). Also
/// returns Osaka, which trusts Hanoi's key (it received Hanoi's brief).
fn desktop() -> (Office, Office) {
    let (_template, file) = crate::file_store();
    let mut hanoi = hanoi(&file);
    let mut osaka = super::two_offices::hanoi(&file);
    office::save(
        &mut osaka.store,
        profile("TV-OSAKA", "Thương vụ Osaka", "Osaka Trade Office"),
    )
    .unwrap();
    let id = brief(&mut osaka);
    let shown = osaka.store.get::<Brief>(id).unwrap().data.opportunity_ids[0];
    osaka
        .store
        .add_opportunity_image(shown, &crate::images_png(), Some("Toàn cảnh"))
        .unwrap();
    let id = brief(&mut osaka);
    let from_osaka = export_to(&mut osaka, id, false, "osaka");
    import::import_file(&mut hanoi.store, &from_osaka, true, "cli").unwrap();
    let ours = brief(&mut hanoi);
    let from_hanoi = export_to(&mut hanoi, ours, false, "hanoi");
    import::import_file(&mut osaka.store, &from_hanoi, true, "cli").unwrap();
    (hanoi, osaka)
}

/// The files in `dir` by name, with their bytes.
fn files_in(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.unwrap())
                .map(|e| {
                    let name = e.file_name().into_string().unwrap();
                    (name, std::fs::read(e.path()).unwrap())
                })
                .collect()
        })
        .unwrap_or_default()
}

fn received_files(store: &Store) -> BTreeMap<String, Vec<u8>> {
    files_in(&exchange::received_dir(store))
}

fn app(db: &PgDatabase, group: &str) -> Store {
    Store::open_url(&db.url_as(&db.login_role(group))).unwrap()
}

#[test]
fn a_pushed_office_signs_as_before_and_shows_its_received_files_to_officers() {
    let Some(db) = pg_database() else {
        return;
    };
    let (mut desktop, mut osaka) = desktop();
    let on_desktop = received_files(&desktop.store);
    let names: Vec<&String> = on_desktop.keys().collect();
    assert!(names.iter().any(|n| n.ends_with(".pdf")), "{names:?}");
    assert!(names.iter().any(|n| n.ends_with(".jpg")), "{names:?}");
    let seen_on_desktop = office::view(&mut desktop.store).unwrap();
    let key_on_desktop = desktop.store.office().unwrap().unwrap().public_key;

    let report = team_copy::push(&desktop.store, &db.url).unwrap();
    assert!(report.office_key);
    assert_eq!(report.received_files, on_desktop.len() as u64);
    let bytes: usize = on_desktop.values().map(Vec::len).sum();
    assert_eq!(report.received_bytes, bytes as u64);

    // A manager's app signs with the desktop's key: Settings shows the same fingerprint, and
    // Osaka, which trusted the desktop's key, takes a brief the team store signed.
    let mut manager = Office {
        store: app(&db, "planner_manager"),
        guard: StoreGuard::Dir(tempfile::tempdir().unwrap()),
        dir: tempfile::tempdir().unwrap(),
    };
    let seen = office::view(&mut manager.store).unwrap();
    assert_eq!(seen.fingerprint, seen_on_desktop.fingerprint);
    assert!(seen.fingerprint.is_some());
    let signing = office::signing_key(&mut manager.store).unwrap();
    assert_eq!(Some(signing.public().to_base64()), key_on_desktop);
    let id = brief(&mut manager);
    let from_team = export_to(&mut manager, id, false, "from-team");
    let taken = import::import_file(&mut osaka.store, &from_team, false, "cli").unwrap();
    assert!(!taken.trusted_now, "the key Osaka already trusts");

    // An officer's app shows the received brief's PDF and adopts its pictured opportunity.
    let mut officer = app(&db, "planner_officer");
    let inbox = officer.inbox().unwrap();
    assert_eq!(inbox.len(), 2, "the demo's brief and Osaka's");
    for brief in &inbox {
        let pdf = std::fs::read(received::pdf_path(&officer, brief.id).unwrap()).unwrap();
        assert!(
            pdf == on_desktop[&pdf_name(&officer, brief.id)],
            "{}",
            brief.title
        );
    }
    let got = inbox
        .iter()
        .find(|b| b.office_code == "TV-OSAKA")
        .unwrap()
        .id;
    let adopted = adopt::adopt(&mut officer, got, None, &[]).unwrap();
    let pictures: Vec<Vec<u8>> = adopted
        .created
        .iter()
        .flat_map(|id| officer.opportunity_images(*id).unwrap())
        .map(|image| officer.opportunity_image_bytes(image.id).unwrap().1)
        .collect();
    assert!(!pictures.is_empty(), "the picture came from the team store");
    for picture in &pictures {
        let hash = planner_core::briefs::sha256_hex(picture);
        assert!(on_desktop.contains_key(&format!("{hash}.jpg")), "{hash}");
    }
}

fn pdf_name(store: &Store, received_id: i64) -> String {
    format!("{}.pdf", store.received(received_id).unwrap().pdf_sha256)
}

/// Pushes `desktop` into the empty `db` (`empty` rows): refused with `code` naming `file`,
/// nothing written.
fn refused_push(
    desktop: &Store,
    db: &PgDatabase,
    expected: &str,
    file: &Path,
    empty: &[(String, i64)],
) {
    let e = team_copy::push(desktop, &db.url).unwrap_err();
    assert!(matches!(e, CoreError::TeamCopyFile { .. }), "{e:?}");
    let payload = e.payload();
    assert_eq!(payload.code, expected, "{e}");
    let named = file.display().to_string();
    assert!(
        payload.message_en.contains(&named),
        "{}",
        payload.message_en
    );
    assert!(
        payload.message_vi.contains(&named),
        "{}",
        payload.message_vi
    );
    assert!(payload.message_en.contains("nothing was copied"));
    assert!(payload.message_vi.contains("chưa chép gì"));
    assert_eq!(
        db.row_counts(),
        empty,
        "one transaction: the team database stays empty"
    );
}

#[test]
fn a_key_file_or_received_file_not_as_recorded_refuses_the_push() {
    let Some(db) = pg_database() else {
        return;
    };
    let (desktop, _osaka) = desktop();
    drop(Store::open_url(&db.url).unwrap());
    let empty = db.row_counts();
    let store = &desktop.store;
    let dir = exchange::received_dir(store);
    let picture: PathBuf = dir.join(
        received_files(store)
            .keys()
            .find(|n| n.ends_with(".jpg"))
            .unwrap(),
    );
    let original = std::fs::read(&picture).unwrap();

    // One byte of the picture changed, then the picture gone.
    let mut altered = original.clone();
    *altered.last_mut().unwrap() ^= 1;
    std::fs::write(&picture, &altered).unwrap();
    refused_push(store, &db, "received_file_changed", &picture, &empty);
    std::fs::remove_file(&picture).unwrap();
    refused_push(store, &db, "received_file_missing", &picture, &empty);
    std::fs::write(&picture, &original).unwrap();

    // The key file: not a key, too large, another office's key.
    let key_file = exchange::office::key_path(store).unwrap();
    let key = std::fs::read(&key_file).unwrap();
    std::fs::write(&key_file, b"not a key").unwrap();
    refused_push(store, &db, "office_key_file_invalid", &key_file, &empty);
    std::fs::write(&key_file, vec![b'A'; 1 << 20]).unwrap();
    refused_push(store, &db, "office_key_file_invalid", &key_file, &empty);
    let other = exchange::format::OfficeKey::generate().unwrap();
    std::fs::write(&key_file, other.to_file_text()).unwrap();
    refused_push(store, &db, "office_key_file_mismatch", &key_file, &empty);

    // Put back, the same store goes in whole.
    std::fs::write(&key_file, &key).unwrap();
    let report = team_copy::push(store, &db.url).unwrap();
    assert!(report.office_key && report.received_files >= 2);
}

#[test]
fn a_pull_brings_the_received_files_back_but_never_the_key() {
    let Some(db) = pg_database() else {
        return;
    };
    let (desktop, _osaka) = desktop();
    let on_desktop = received_files(&desktop.store);
    team_copy::push(&desktop.store, &db.url).unwrap();

    let laptop = tempfile::tempdir().unwrap();
    let path = laptop.path().join("mission.db");
    // A password in the URL's query is used, and never kept in the copy.
    let with_password = format!("{}?connect_timeout=5&password=hunter2", db.url);
    let report = team_copy::pull(&with_password, &path).unwrap();
    assert_eq!(report.received_files, on_desktop.len() as u64);
    assert!(!report.office_key);
    let mut copy = Store::open(&path).unwrap();
    let public_key = |s: &Store| s.office().unwrap().unwrap().public_key;
    assert!(received_files(&copy) == on_desktop, "byte for byte");
    let got = copy.inbox().unwrap()[0].id;
    let pdf = std::fs::read(received::pdf_path(&copy, got).unwrap()).unwrap();
    assert_eq!(pdf, on_desktop[&pdf_name(&copy, got)]);
    // The copy knows the office's public key, not its private one: it does not sign.
    assert!(!exchange::office::key_path(&copy).unwrap().exists());
    assert_eq!(public_key(&copy), public_key(&desktop.store));
    assert_eq!(
        copy.setting(team_copy::PULLED_FROM).unwrap(),
        Some(format!("{}?connect_timeout=5&password=***", db.url))
    );
    assert_eq!(
        code(office::signing_key(&mut copy).unwrap_err()),
        "office_key_missing"
    );

    // A file altered in the team database (the last one written) refuses the pull: no copy,
    // and the files written before it are removed.
    db.client()
        .batch_execute(
            "UPDATE received_files SET bytes = bytes || '\\x00'::bytea
             WHERE name = (SELECT max(name) FROM received_files)",
        )
        .unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let path = elsewhere.path().join("mission.db");
    let e = team_copy::pull(&db.url, &path).unwrap_err();
    assert_eq!(e.code(), "received_file_changed", "{e}");
    let left: Vec<_> = walk(elsewhere.path());
    assert!(left.is_empty(), "{left:?}");
}

/// Every file under `dir`, in its folders.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        match path.is_dir() {
            true => files.extend(walk(&path)),
            false => files.push(path),
        }
    }
    files
}
