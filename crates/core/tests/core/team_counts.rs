//! A team store's record totals (`record_counts`, migration pg/0006): kept by triggers as rows
//! come and go, so that a list's total is a sum of a few rows rather than a count of the table,
//! and always equal to that count: through commits, rollbacks, deletes, many officers writing at
//! once, and the folding of the kept rows. Nobody writes them by hand.

use crate::{pg_database, PgDatabase};
use planner_core::domain::EntityKind;
use planner_core::store::{Filter, ListQuery};
use planner_core::Store;
use serde_json::json;

fn contact(name: &str) -> serde_json::Value {
    json!({"full_name": name, "consent_basis": "consent"})
}

/// The store's total for contacts, the table's own count, the total an unfiltered list page
/// shows, and how many rows keep the total once read (reading folds them).
fn totals(db: &PgDatabase, store: &Store) -> (i64, i64, i64, i64) {
    let total = store.count(EntityKind::Contacts).unwrap();
    let listed = store
        .list_json(
            EntityKind::Contacts,
            &ListQuery {
                limit: Some(5),
                ..ListQuery::default()
            },
        )
        .unwrap()
        .total;
    let mut client = db.client();
    let counted: i64 = client
        .query_one("SELECT count(*) FROM contacts", &[])
        .unwrap()
        .get(0);
    let kept_rows: i64 = client
        .query_one(
            "SELECT count(*) FROM record_counts WHERE kind = 'contacts'",
            &[],
        )
        .unwrap()
        .get(0);
    (total, counted, listed, kept_rows)
}

#[test]
fn totals_follow_creates_deletes_and_rollbacks_and_stay_few_rows() {
    let Some(db) = pg_database() else {
        return;
    };
    let mut store = Store::open_url(&db.url).unwrap();
    let mut ids = Vec::new();
    // One statement each: more than the 64 rows after which a writer folds them.
    for n in 0..150 {
        ids.push(
            store
                .create_json(EntityKind::Contacts, contact(&format!("Nguyễn Văn {n}")))
                .unwrap()["id"]
                .as_i64()
                .unwrap(),
        );
    }
    for id in &ids[..20] {
        store.delete(EntityKind::Contacts, *id).unwrap();
    }
    // A transaction that inserts and then rolls back leaves the total as it was.
    let mut client = db.client();
    let mut tx = client.transaction().unwrap();
    tx.batch_execute(
        "INSERT INTO contacts (uuid, created_at, updated_at, full_name, consent_basis)
         VALUES ('rolled-back', '2026-12-04T00:00:00Z', '2026-12-04T00:00:00Z', 'X', 'consent')",
    )
    .unwrap();
    tx.rollback().unwrap();
    let (total, counted, listed, kept_rows) = totals(&db, &store);
    assert_eq!((total, listed), (130, 130));
    assert_eq!(counted, 130);
    assert!(
        kept_rows <= 65,
        "{kept_rows} rows keep one total: never folded"
    );
    // A filtered list still counts its own rows.
    let filtered = store
        .list_json(
            EntityKind::Contacts,
            &ListQuery {
                filters: vec![Filter::parse("full_name=Nguyễn Văn 149").unwrap()],
                ..ListQuery::default()
            },
        )
        .unwrap();
    assert_eq!(filtered.total, 1);
}

#[test]
fn officers_creating_at_once_never_lose_a_count() {
    let Some(db) = pg_database() else {
        return;
    };
    drop(Store::open_url(&db.url).unwrap());
    std::thread::scope(|s| {
        for officer in 0..4 {
            let role = db.login_role("planner_officer");
            let url = db.url_as(&role);
            s.spawn(move || {
                let mut store = Store::open_url(&url).unwrap();
                for n in 0..40 {
                    store
                        .create_json(
                            EntityKind::Contacts,
                            contact(&format!("Cán bộ {officer} khách {n}")),
                        )
                        .unwrap();
                }
            });
        }
    });
    let store = Store::open_url(&db.url).unwrap();
    let (total, counted, listed, kept_rows) = totals(&db, &store);
    assert_eq!((total, counted, listed), (160, 160, 160));
    assert_eq!(kept_rows, 1, "read, the total is kept in one row");
}

#[test]
fn no_officer_can_set_a_total_by_hand() {
    let Some(db) = pg_database() else {
        return;
    };
    let mut owner = Store::open_url(&db.url).unwrap();
    owner
        .create_json(EntityKind::Contacts, contact("Trần Thị Hoa"))
        .unwrap();
    for group in ["planner_officer", "planner_manager", "planner_readonly"] {
        let mut client = db.client_as(&db.login_role(group));
        for sql in [
            "INSERT INTO record_counts (kind, n) VALUES ('contacts', 1000)",
            "UPDATE record_counts SET n = n + 1000",
            "DELETE FROM record_counts",
        ] {
            let e = client.batch_execute(sql).expect_err(sql);
            assert!(
                e.as_db_error()
                    .is_some_and(|d| d.code() == &postgres::error::SqlState::INSUFFICIENT_PRIVILEGE),
                "{group}: {sql}: {e}"
            );
        }
    }
    assert_eq!(owner.count(EntityKind::Contacts).unwrap(), 1);
    // A read-only officer reads the total (a read-only transaction never folds).
    let reader = Store::open_url(&db.url_as(&db.login_role("planner_readonly"))).unwrap();
    assert_eq!(reader.count(EntityKind::Contacts).unwrap(), 1);
    let mut client = db.client_as(&db.login_role("planner_readonly"));
    let mut tx = client.build_transaction().read_only(true).start().unwrap();
    let total: i64 = tx
        .query_one("SELECT planner_record_count('contacts')", &[])
        .unwrap()
        .get(0);
    assert_eq!(total, 1);
    tx.commit().unwrap();
}
