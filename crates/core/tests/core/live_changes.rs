//! Live changes on a team store: an open app hears, through LISTEN/NOTIFY, the commits other
//! officers' programs make (`Store::changes_elsewhere`), never its own, each once; and a
//! connection the server dropped is replaced at the next statement, after which the app hears
//! again (and is told that it may have missed something meanwhile).

use crate::pg_database;
use planner_core::domain::{EntityKind, Organization};
use planner_core::{CoreError, Store};
use serde_json::json;

fn organization(name: &str) -> Organization {
    Organization {
        name_vi: name.into(),
        country: "VN".into(),
        ..Organization::default()
    }
}

/// Waits (a little) for a notification already sent to reach the socket: delivery is
/// asynchronous, even on a local socket.
fn heard(store: &Store) -> bool {
    for _ in 0..50 {
        if store.changes_elsewhere().unwrap() {
            return true;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    false
}

#[test]
fn another_officers_commit_is_heard_once_and_ones_own_never() {
    let Some(db) = pg_database() else { return };
    let mut app = Store::open_url(&db.url).unwrap();
    let mut other = Store::open_url(&db.url).unwrap();
    assert!(!app.changes_elsewhere().unwrap(), "nothing since the open");

    app.create(&organization("Công ty Một")).unwrap();
    app.set_setting("language", "en").unwrap();
    assert!(!heard(&app), "its own writes");

    let id = other.create(&organization("Công ty Hai")).unwrap().meta.id;
    assert!(heard(&app), "another connection's commit");
    assert!(!app.changes_elsewhere().unwrap(), "read once");

    // A read elsewhere says nothing; an update, a delete and a setting do.
    other.count(EntityKind::Organizations).unwrap();
    assert!(!heard(&app));
    let city = |city: &str, revision: i64| json!({"city": city, "revision": revision});
    other
        .update_json(EntityKind::Organizations, id, city("Huế", 1))
        .unwrap();
    assert!(heard(&app), "an update");
    other.set_setting("language", "vi").unwrap();
    assert!(heard(&app), "a setting");

    // A stale edit, refused by the server's `WHERE revision = 1` in its transaction, rolled
    // back and told no one.
    let stale = other.update_json(EntityKind::Organizations, id, city("Vinh", 1));
    assert!(
        matches!(stale, Err(CoreError::ChangedElsewhere { .. })),
        "{stale:?}"
    );
    assert!(!heard(&app), "a rolled-back write");

    other.delete(EntityKind::Organizations, id).unwrap();
    assert!(heard(&app), "a delete");
}

#[test]
fn a_dropped_connection_is_replaced_at_the_next_statement_and_hears_again() {
    let Some(db) = pg_database() else { return };
    let app = Store::open_url(&db.url).unwrap();
    let mut admin = db.client();
    let ended = admin
        .execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
             WHERE datname = current_database() AND pid <> pg_backend_pid()",
            &[],
        )
        .unwrap();
    assert_eq!(ended, 1, "the app's one connection");

    // The statement that meets the closed connection fails in words, having written nothing …
    let lost = app.count(EntityKind::Organizations).unwrap_err();
    assert!(
        matches!(lost, CoreError::TeamStoreUnreachable(_)),
        "got {lost:?}"
    );
    // … and the next one runs on a new connection.
    assert_eq!(app.count(EntityKind::Organizations).unwrap(), 0);
    assert!(
        app.changes_elsewhere().unwrap(),
        "what others wrote while it was away was never heard: read the screens again"
    );
    assert!(!app.changes_elsewhere().unwrap());

    let mut other = Store::open_url(&db.url).unwrap();
    other.create(&organization("Công ty Ba")).unwrap();
    assert!(heard(&app), "listening again on the new connection");
}
