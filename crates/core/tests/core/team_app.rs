//! What the window asks of a team store at start, answered for a store with no file here: it
//! is set up (`planner team init` made it; no first-run page), its health is not checked here
//! (the server keeps its pages) and so never "damaged", and backups say in words that they are
//! the server's; and it is told what the officer's role may do.

use crate::team_store;
use planner_core::commands::{backups, first_run, health, Session};
use planner_core::domain::EntityKind;
use planner_core::exchange::office;
use planner_core::exchange::views::OfficeProfile;
use planner_core::store::ReadOnlyReason;
use planner_core::Store;
use serde_json::json;

#[test]
fn a_team_store_opens_set_up_and_healthy_and_says_backups_are_the_servers() {
    let Some((_db, store)) = team_store() else {
        return;
    };
    let mut session = Session::new(store);
    assert!(first_run::first_run_state(&mut session).unwrap().set_up);
    let health = health::store_health(&mut session).unwrap();
    assert!(!health.damaged && !health.checking, "{health:?}");
    assert!(health.findings.is_empty());
    let refused = backups::backup_status(&mut session).unwrap_err();
    assert_eq!(refused.code(), "not_on_team_store");
    assert!(refused.to_string().contains("backups"), "{refused}");
}

/// What the window is told at start of each team role's session, checked against what the
/// server then allows: a manager may sign (the office key is theirs to read and make); an
/// officer writes records but may not sign; a read-only role is read-only (the window's
/// read-only banner) and may not sign either.
#[test]
fn the_window_is_told_what_each_role_may_do_and_the_server_agrees() {
    let Some(db) = crate::pg_database() else {
        return;
    };
    let mut owner = Store::open_url(&db.url).expect("the owner makes the schema");
    office::save(&mut owner, profile()).unwrap();
    let roles = [
        ("planner_manager", None, true),
        ("planner_officer", None, false),
        ("planner_readonly", Some(ReadOnlyReason::TeamRole), false),
    ];
    for (group, read_only, may_sign) in roles {
        let role = db.login_role(group);
        let store = Store::open_url(&db.url_as(&role)).unwrap();
        let mut session = Session::new(store);
        let health = health::store_health(&mut session).unwrap();
        assert_eq!(
            (health.read_only, health.may_sign),
            (read_only, may_sign),
            "{group}"
        );
        let signed = office::signing_key(&mut session.store);
        assert_eq!(signed.is_ok(), may_sign, "{group} signs: {signed:?}");
        if !may_sign {
            assert_eq!(signed.unwrap_err().code(), "not_permitted", "{group}");
        }
        let created = session.store.create_json(
            EntityKind::Organizations,
            json!({"name_vi": format!("Công ty của {group}"), "country": "VN"}),
        );
        assert_eq!(created.is_ok(), read_only.is_none(), "{group} writes");
    }
}

fn profile() -> OfficeProfile {
    OfficeProfile {
        name_vi: "Trung tâm Xúc tiến Hà Nội".into(),
        name_en: "Hanoi Promotion Centre".into(),
        code: "ITPC-HN".into(),
        ..Default::default()
    }
}

/// The About box and Settings name a team store by its URL, never by its password (and never
/// as ":memory:", which a store without a file used to show).
#[test]
fn the_about_box_names_the_team_store_without_its_password() {
    let Some(db) = crate::pg_database() else {
        return;
    };
    // The test cluster trusts local logins, so the password is carried and ignored.
    let url = format!(
        "{}{}password=hunter2",
        db.url,
        if db.url.contains('?') { '&' } else { '?' }
    );
    let store = Store::open_url(&url).unwrap();
    let shown = store.app_info().unwrap().db_path;
    assert!(shown.starts_with("postgres"), "{shown}");
    assert!(!shown.contains("hunter2"), "{shown}");
    assert_eq!(shown, store.location());
}
