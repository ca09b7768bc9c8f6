//! First run: when a store counts as set up, the choices applied together or refused together,
//! the data moved to a chosen folder and remembered in the config file that `resolve_db_path`
//! reads, and the session following the store there.

use chrono::NaiveDate;
use planner_core::backup;
use planner_core::commands::{first_run as commands, Session};
use planner_core::domain::*;
use planner_core::exchange::views::OfficeProfile;
use planner_core::first_run::{complete, is_set_up, state, FirstRunChoices, StartWith, SET_UP_KEY};
use planner_core::paths::{check_data_folder, resolve_db_path_from, Config};
use planner_core::settings::UiLanguage;
use planner_core::Store;
use std::path::{Path, PathBuf};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

fn office() -> OfficeProfile {
    OfficeProfile {
        name_vi: "Trung tâm Xúc tiến Đầu tư Hà Nội".into(),
        name_en: "Hanoi Investment Promotion Centre".into(),
        code: "ITPC-HN".into(),
        city: Some("Hà Nội".into()),
        country: Some("vn".into()),
        email: Some("xuctien@hanoi.gov.vn".into()),
    }
}

fn choices(start_with: StartWith) -> FirstRunChoices {
    FirstRunChoices {
        ui_language: UiLanguage::En,
        start_with,
        office: Some(office()),
        data_folder: None,
        backup_folder: None,
    }
}

fn text(p: &Path) -> Option<String> {
    Some(p.to_str().unwrap().to_owned())
}

#[test]
fn a_store_is_set_up_once_anyone_used_it() {
    let (_dir, store) = crate::temp_store();
    assert!(!is_set_up(&store).unwrap(), "a new store is not set up");
    assert!(!state(&store).unwrap().set_up);

    // Stores from before first run existed: records, an office profile, a language chosen,
    // the demo seeded. None of them shows the first-run screen.
    let (_d1, mut with_records) = crate::temp_store();
    with_records
        .create(&Organization {
            name_vi: "Công ty A".into(),
            country: "VN".into(),
            ..Organization::default()
        })
        .unwrap();
    assert!(is_set_up(&with_records).unwrap());
    let (_d2, mut with_office) = crate::temp_store();
    with_office.save_office_profile(&office()).unwrap();
    assert!(is_set_up(&with_office).unwrap());
    let (_d3, mut with_language) = crate::temp_store();
    let mut s = with_language.settings().unwrap();
    s.ui_language = UiLanguage::En;
    with_language.save_settings(&s).unwrap();
    assert!(is_set_up(&with_language).unwrap());
    let (_d4, mut seeded) = crate::temp_store();
    planner_core::demo::seed_on_first_start(&mut seeded, today()).unwrap();
    assert!(is_set_up(&seeded).unwrap());
}

#[test]
fn first_run_applies_every_choice_and_an_emptied_store_stays_set_up() {
    let (dir, mut store) = crate::temp_store();
    let config = dir.path().join("config/config.json");
    let backups = dir.path().join("elsewhere/backups");
    let mut c = choices(StartWith::Empty);
    c.backup_folder = text(&backups);
    let done = complete(&mut store, &c, today(), &config).unwrap();
    assert!(done.moved_to.is_none(), "no folder chosen: the store stays");
    assert!(!done.done.demo_seeded && !done.done.opened_existing);
    assert!(store.is_empty().unwrap(), "start empty: no records");
    assert_eq!(store.settings().unwrap().ui_language, UiLanguage::En);
    let saved = store.office().unwrap().unwrap().profile;
    assert_eq!(saved.code, "ITPC-HN");
    assert_eq!(
        saved.country.as_deref(),
        Some("VN"),
        "checked as Settings checks it"
    );
    assert_eq!(backup::places(&store).unwrap().folder, backups);
    assert!(backups.is_dir(), "the backup folder is made at once");
    assert!(store.setting(SET_UP_KEY).unwrap().is_some());
    assert!(
        !config.exists(),
        "no folder chosen: nothing remembered outside the store"
    );
    assert!(state(&store).unwrap().set_up);

    // Set up once: a second first run is refused, and emptying the store does not bring the
    // screen back.
    let again = complete(&mut store, &c, today(), &config).map(|_| ());
    assert_eq!(
        crate::field_codes(again.unwrap_err()),
        [("store".into(), "already_set_up".into())]
    );
    store.wipe().unwrap();
    assert!(is_set_up(&store).unwrap());
}

#[test]
fn the_demo_choice_seeds_and_the_default_backup_folder_is_not_written_down() {
    let (dir, mut store) = crate::temp_store();
    let mut c = choices(StartWith::Demo);
    c.office = None;
    c.backup_folder = text(&dir.path().join("backups"));
    let done = complete(&mut store, &c, today(), &dir.path().join("c.json")).unwrap();
    assert!(done.done.demo_seeded);
    assert!(store.count(EntityKind::Delegations).unwrap() >= 2);
    assert!(
        store.office().unwrap().is_none(),
        "no profile given: none set"
    );
    assert_eq!(
        store
            .setting(backup::FOLDER_KEY)
            .unwrap()
            .unwrap_or_default(),
        "",
        "the default folder follows the store"
    );
}

#[test]
fn wrong_choices_are_refused_together_beside_their_fields_and_nothing_is_written() {
    let (dir, mut store) = crate::temp_store();
    let a_file = dir.path().join("a-file");
    std::fs::write(&a_file, b"x").unwrap();
    let config = dir.path().join("config.json");
    let c = FirstRunChoices {
        ui_language: UiLanguage::En,
        start_with: StartWith::Demo,
        office: Some(OfficeProfile {
            code: "hn".into(),
            email: Some("not an address".into()),
            ..office()
        }),
        data_folder: Some("relative/folder".into()),
        backup_folder: text(&a_file),
    };
    let err = complete(&mut store, &c, today(), &config)
        .map(|_| ())
        .unwrap_err();
    let mut codes = crate::field_codes(err);
    codes.sort();
    assert_eq!(
        codes,
        [
            ("backup_folder".into(), "bad_folder".into()),
            ("code".into(), "bad_office_code".into()),
            ("data_folder".into(), "bad_folder".into()),
            ("email".into(), "invalid_email".into()),
        ]
    );
    assert!(!is_set_up(&store).unwrap(), "nothing was applied");
    assert!(store.is_empty().unwrap() && store.office().unwrap().is_none());
    assert!(!config.exists());
}

#[test]
fn a_data_folder_must_be_full_a_folder_and_writable() {
    let dir = tempfile::tempdir().unwrap();
    let made = dir.path().join("new/deeper");
    assert_eq!(check_data_folder("data_folder", &made).unwrap(), made);
    assert!(made.is_dir(), "a missing folder is made");
    let no_probe_left = std::fs::read_dir(&made).unwrap().count();
    assert_eq!(no_probe_left, 0, "the write probe is removed");
    let code = |p: &Path| crate::field_codes(check_data_folder("data_folder", p).unwrap_err());
    assert_eq!(code(Path::new("x"))[0].1, "bad_folder");
    // Under a regular file nothing can be made, whoever runs the test (root too).
    let file = dir.path().join("file");
    std::fs::write(&file, b"").unwrap();
    assert_eq!(code(&file)[0].1, "bad_folder");
    assert_eq!(code(&file.join("below"))[0].1, "folder_not_writable");
}

#[test]
fn a_chosen_folder_gets_the_store_and_the_config_file_names_it_for_the_next_start() {
    let (dir, mut store) = crate::temp_store();
    let config = dir.path().join("config/config.json");
    let folder = dir.path().join("Tài liệu/planner data");
    let mut c = choices(StartWith::Demo);
    c.data_folder = text(&folder);
    let done = complete(&mut store, &c, today(), &config).unwrap();
    let moved = done.moved_to.expect("the store in the chosen folder");
    let there = folder.join("planner.db");
    assert_eq!(moved.path(), Some(there.as_path()));
    assert_eq!(done.done.db_path, there.display().to_string());
    assert!(done.done.demo_seeded && is_set_up(&moved).unwrap());
    assert_eq!(moved.settings().unwrap().ui_language, UiLanguage::En);
    assert!(moved.office().unwrap().is_some());
    assert!(
        !is_set_up(&store).unwrap(),
        "the first store is left as it was"
    );

    assert_eq!(Config::read(&config).data_folder, Some(folder.clone()));
    // `--db` and PLANNER_DB still win; without them the next start opens the chosen store.
    assert_eq!(resolve_db_path_from(None, None, &config), there);
    let env = PathBuf::from("/tmp/env.db");
    assert_eq!(resolve_db_path_from(None, Some(env.clone()), &config), env);
    let explicit = PathBuf::from("/tmp/explicit.db");
    assert_eq!(
        resolve_db_path_from(Some(explicit.clone()), Some(env), &config),
        explicit
    );
}

#[test]
fn a_folder_holding_a_set_up_store_opens_it_as_it_is() {
    let (dir, mut store) = crate::temp_store();
    let folder = dir.path().join("existing");
    let mut theirs = Store::open(&folder.join("planner.db")).unwrap();
    planner_core::demo::seed_demo(&mut theirs, today()).unwrap();
    let delegations = theirs.count(EntityKind::Delegations).unwrap();
    drop(theirs);
    let mut c = choices(StartWith::Empty);
    c.data_folder = text(&folder);
    let config = dir.path().join("config.json");
    let done = complete(&mut store, &c, today(), &config).unwrap();
    assert!(done.done.opened_existing);
    let moved = done.moved_to.unwrap();
    assert_eq!(moved.count(EntityKind::Delegations).unwrap(), delegations);
    assert!(
        moved.office().unwrap().is_none(),
        "its own choices are kept"
    );
    assert_eq!(moved.settings().unwrap().ui_language, UiLanguage::Vi);
    assert_eq!(Config::read(&config).data_folder, Some(folder));
}

#[test]
fn a_damaged_or_missing_config_file_means_the_default_store() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("none.json");
    let damaged = dir.path().join("damaged.json");
    std::fs::write(&damaged, b"{ not json").unwrap();
    let default = planner_core::paths::default_db_path();
    assert_eq!(resolve_db_path_from(None, None, &missing), default);
    assert_eq!(resolve_db_path_from(None, None, &damaged), default);
    assert_eq!(Config::read(&damaged), Config::default());
}

#[test]
fn the_session_completes_first_run_and_follows_a_moved_store() {
    let (dir, store) = crate::temp_store();
    let mut session = Session::new(store);
    assert!(!commands::first_run_state(&mut session).unwrap().set_up);
    let done = commands::complete_first_run(&mut session, choices(StartWith::Empty)).unwrap();
    assert_eq!(
        done.db_path,
        dir.path().join("planner.db").display().to_string()
    );
    assert!(commands::first_run_state(&mut session).unwrap().set_up);

    // A store moved to another folder becomes the session's (what the command does with
    // `complete`'s store, without touching this machine's own config file).
    let other = dir.path().join("other/planner.db");
    session.switch_store(Store::open(&other).unwrap());
    assert_eq!(session.store.path(), Some(other.as_path()));
    let shown = commands::first_run_state(&mut session).unwrap();
    assert!(!shown.set_up);
    assert_eq!(
        shown.data_folder,
        dir.path().join("other").display().to_string()
    );
    assert_eq!(
        shown.backup_folder,
        dir.path().join("other/backups").display().to_string()
    );
}
