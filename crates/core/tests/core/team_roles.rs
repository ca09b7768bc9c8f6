//! The role model of a team store as the app meets it: a `Store` opened as an officer's own login
//! role can do what the role's group may (`migrations/pg/0002_roles.sql`) and is refused the rest
//! with `not_permitted` in words, and every audit row names the login role that wrote it.

use crate::{pg_database, PgDatabase};
use planner_core::domain::EntityKind;
use planner_core::store::pg_schema::{migrate_to, PG_LATEST_VERSION};
use planner_core::store::ListQuery;
use planner_core::{CoreError, Store};
use serde_json::json;

/// A team database migrated by its owner, with one organisation in it.
fn team() -> Option<(PgDatabase, i64)> {
    let db = pg_database()?;
    let mut owner = Store::open_url(&db.url).expect("the owner makes the schema");
    let id = owner
        .create_json(
            EntityKind::Organizations,
            json!({"name_vi": "Công ty Điện tử Hải Phòng", "country": "VN"}),
        )
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    Some((db, id))
}

/// The store opened as a new login role of `group`, and the role's name.
fn open_as(db: &PgDatabase, group: &str) -> (Store, String) {
    let role = db.login_role(group);
    let store = Store::open_url(&db.url_as(&role))
        .unwrap_or_else(|e| panic!("{group} opens the team store: {e}"));
    (store, role)
}

/// Panics unless `r` is a `not_permitted` refusal that says so in both languages.
fn not_permitted<T: std::fmt::Debug>(what: &str, r: Result<T, CoreError>) {
    match r {
        Err(e @ CoreError::NotPermitted(_)) => {
            let payload = e.payload();
            assert_eq!(payload.code, "not_permitted");
            assert!(
                payload.message_en.contains("your role"),
                "{what}: {}",
                payload.message_en
            );
            assert!(payload.message_en.contains("nothing was saved"), "{what}");
            assert!(
                payload.message_vi.contains("Vai trò của bạn"),
                "{what}: {}",
                payload.message_vi
            );
        }
        other => panic!("{what}: expected not_permitted, got {other:?}"),
    }
}

#[test]
fn a_read_only_officer_lists_and_searches_but_writes_nothing() {
    let Some((db, org)) = team() else {
        return;
    };
    let (mut store, _) = open_as(&db, "planner_readonly");
    let page = store
        .list_json(EntityKind::Organizations, &ListQuery::default())
        .unwrap();
    assert_eq!(page.total, 1);
    let found = store.search("hai phong", 10).unwrap();
    assert_eq!(found.groups.iter().map(|g| g.hits.len()).sum::<usize>(), 1);

    not_permitted(
        "create",
        store.create_json(
            EntityKind::Organizations,
            json!({"name_vi": "Công ty B", "country": "VN"}),
        ),
    );
    not_permitted(
        "update",
        store.update_json(EntityKind::Organizations, org, json!({"notes": "x"})),
    );
    not_permitted("delete", store.delete(EntityKind::Organizations, org));
    not_permitted("a setting", store.set_setting("language", "en"));
    // Nothing of it reached the store.
    let now = store.get_json(EntityKind::Organizations, org).unwrap();
    assert_eq!(
        (now["revision"].as_i64(), now["notes"].as_str()),
        (Some(1), None)
    );
    assert_eq!(
        store
            .audit_of(EntityKind::Organizations, org)
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn an_officer_creates_and_edits_under_their_own_name_but_may_not_delete() {
    let Some((db, org)) = team() else {
        return;
    };
    let (mut store, role) = open_as(&db, "planner_officer");
    let created = store
        .create_json(
            EntityKind::Organizations,
            json!({"name_vi": "Công ty Cơ khí Đà Nẵng", "country": "VN"}),
        )
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    store
        .update_json(
            EntityKind::Organizations,
            org,
            json!({"notes": "Đã gọi lại"}),
        )
        .unwrap();
    not_permitted("delete", store.delete(EntityKind::Organizations, created));
    assert!(store.get_json(EntityKind::Organizations, created).is_ok());

    // The owner made the first row; the officer's own login names the others.
    let officers = |id| -> Vec<(String, Option<String>)> {
        store
            .audit_of(EntityKind::Organizations, id)
            .unwrap()
            .into_iter()
            .map(|e| (e.action, e.officer))
            .collect()
    };
    assert_eq!(
        officers(org),
        [
            ("create".to_owned(), Some("postgres".to_owned())),
            ("update".to_owned(), Some(role.clone())),
        ]
    );
    assert_eq!(officers(created), [("create".to_owned(), Some(role))]);
}

#[test]
fn a_manager_deletes_and_the_audit_names_them() {
    let Some((db, org)) = team() else {
        return;
    };
    let (mut store, role) = open_as(&db, "planner_manager");
    store.delete(EntityKind::Organizations, org).unwrap();
    assert!(matches!(
        store.get_json(EntityKind::Organizations, org),
        Err(CoreError::NotFound { .. })
    ));
    let last = store
        .audit_of(EntityKind::Organizations, org)
        .unwrap()
        .pop()
        .unwrap();
    assert_eq!((last.action.as_str(), last.officer), ("delete", Some(role)));
}

#[test]
fn an_officer_opening_an_outdated_team_database_is_told_its_owner_must_upgrade_it() {
    // The team's roles are the cluster's: another database of the new build made them.
    let Some((_other, _)) = team() else {
        return;
    };
    let db = pg_database().unwrap();
    // The owner made it with an older build; the new build's officer opens it first.
    assert_eq!(migrate_to(&mut db.client(), 1).unwrap(), 1);
    let officer = db.login_role("planner_readonly");
    let e = Store::open_url(&db.url_as(&officer))
        .err()
        .expect("an officer cannot upgrade the schema");
    let payload = e.payload();
    assert_eq!(
        payload.code, "team_schema_outdated",
        "{}",
        payload.message_en
    );
    assert!(
        payload.message_en.contains("planner team init"),
        "{}",
        payload.message_en
    );
    assert!(
        payload.message_en.contains(&format!(
            "older than this app's (version {PG_LATEST_VERSION})"
        )),
        "{}",
        payload.message_en
    );
    assert!(
        payload.message_vi.contains("planner team init"),
        "{}",
        payload.message_vi
    );
    // Nothing was half-done: the owner's upgrade (`planner team init`) then runs as ever.
    let owner = Store::open_url(&db.url).expect("the owner upgrades it");
    assert_eq!(owner.schema_version().unwrap(), PG_LATEST_VERSION);
    Store::open_url(&db.url_as(&officer)).expect("opens once upgraded");
}

#[test]
fn a_read_only_officer_opens_a_store_whose_index_another_officer_is_still_building() {
    let Some((db, _)) = team() else {
        return;
    };
    // What an import leaves until its app has indexed what it made (`search::Pending`).
    db.client()
        .batch_execute("INSERT INTO settings VALUES ('search_index_pending:1', '1')")
        .unwrap();
    let (store, _) = open_as(&db, "planner_readonly");
    assert_eq!(
        store.search("hai phong", 10).unwrap().groups.len(),
        1,
        "what was indexed is found"
    );
}

#[test]
fn a_store_file_names_no_officer() {
    let (_dir, mut store) = crate::temp_store();
    let id = store
        .create_json(
            EntityKind::Organizations,
            json!({"name_vi": "Công ty A", "country": "VN"}),
        )
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let trail = store.audit_of(EntityKind::Organizations, id).unwrap();
    assert_eq!(trail[0].officer, None);
    // And its JSON form (a person's export carries it) is as before.
    assert!(serde_json::to_value(&trail[0])
        .unwrap()
        .get("officer")
        .is_none());
}

#[test]
fn a_login_outside_the_teams_roles_is_not_permitted_rather_than_told_to_upgrade() {
    let Some((db, _)) = team() else {
        return;
    };
    // A role of the server's own, none of the team's: it may read no table of the store.
    let stranger = db.login_role("pg_read_all_settings");
    match Store::open_url(&db.url_as(&stranger)) {
        Err(e @ CoreError::NotPermitted(_)) => {
            assert!(e.to_string().contains("planner_schema"), "{e}")
        }
        other => panic!("expected not_permitted, got {:?}", other.err()),
    }
}
