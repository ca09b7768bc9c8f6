//! Two officers at once on one team store: each through a `Store` of their own login role, on
//! threads of their own, editing the same records with revision checks. A stale edit is refused
//! with `changed_elsewhere` and redone on the record as it is now, so no change is lost. A plain
//! edit (no revision named) is the last writer's, as on a store file: edits of one record queue
//! on its row lock and none is refused.

use crate::pg_database;
use planner_core::domain::EntityKind;
use planner_core::{CoreError, Store};
use serde_json::json;
use std::sync::Barrier;

const RECORDS: usize = 30;

/// Sets `field` to `value` on every record in `ids`, each based on the revision read before
/// `start`; a refusal is redone on the record it carries. Returns how many were refused.
fn edit_all(store: &mut Store, ids: &[i64], field: &str, value: &str, start: &Barrier) -> usize {
    let read: Vec<i64> = ids
        .iter()
        .map(|id| {
            store.get_json(EntityKind::Organizations, *id).unwrap()["revision"]
                .as_i64()
                .unwrap()
        })
        .collect();
    start.wait();
    let mut refused = 0;
    for (id, mut base) in ids.iter().copied().zip(read) {
        loop {
            match store.update_json(
                EntityKind::Organizations,
                id,
                json!({ field: value, "revision": base }),
            ) {
                Ok(_) => break,
                Err(CoreError::ChangedElsewhere { changed, .. }) => {
                    refused += 1;
                    assert!(changed.fields.iter().all(|f| f != field), "{changed:?}");
                    base = changed.current["revision"].as_i64().unwrap();
                }
                Err(e) => panic!("{field} of {id}: {e}"),
            }
        }
    }
    refused
}

#[test]
fn two_officers_editing_the_same_records_lose_no_change() {
    let Some(db) = pg_database() else {
        return;
    };
    let mut owner = Store::open_url(&db.url).unwrap();
    let ids: Vec<i64> = (0..RECORDS)
        .map(|n| {
            owner
                .create_json(
                    EntityKind::Organizations,
                    json!({"name_vi": format!("Công ty {n}"), "country": "VN"}),
                )
                .unwrap()["id"]
                .as_i64()
                .unwrap()
        })
        .collect();
    let (a, b) = (
        db.login_role("planner_officer"),
        db.login_role("planner_officer"),
    );
    let start = Barrier::new(2);
    let (refused_a, refused_b) = std::thread::scope(|s| {
        let officer = |role: &str, field: &'static str, value: &'static str| {
            let (url, ids, start) = (db.url_as(role), &ids, &start);
            s.spawn(move || {
                let mut store = Store::open_url(&url).unwrap();
                edit_all(&mut store, ids, field, value, start)
            })
        };
        let a = officer(&a, "notes", "Đã gọi lại");
        let b = officer(&b, "city", "Đà Nẵng");
        (a.join().unwrap(), b.join().unwrap())
    });
    // Both based every edit on revision 1: of each record's two edits the later was refused
    // once, and redone.
    assert_eq!(refused_a + refused_b, RECORDS, "{refused_a} + {refused_b}");
    for id in &ids {
        let now = owner.get_json(EntityKind::Organizations, *id).unwrap();
        assert_eq!(now["notes"], "Đã gọi lại", "{now}");
        assert_eq!(now["city"], "Đà Nẵng", "{now}");
        assert_eq!(now["revision"], 3, "{now}");
        let mut officers: Vec<_> = owner
            .audit_of(EntityKind::Organizations, *id)
            .unwrap()
            .into_iter()
            .filter(|e| e.action == "update")
            .map(|e| e.officer.unwrap())
            .collect();
        officers.sort();
        let mut both = vec![a.clone(), b.clone()];
        both.sort();
        assert_eq!(officers, both, "each update names its officer once");
    }
    let total = owner
        .list_json(EntityKind::Organizations, &Default::default())
        .unwrap()
        .total;
    assert_eq!(total as usize, RECORDS, "no record was added or lost");
}

const PLAIN_EDITS: usize = 50;

/// The team store at `url` opened by its owner, with one organisation named `name`, and its id.
fn owner_with_organization(url: &str, name: &str) -> (Store, i64) {
    let mut owner = Store::open_url(url).unwrap();
    let id = owner
        .create_json(
            EntityKind::Organizations,
            json!({"name_vi": name, "country": "VN"}),
        )
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    (owner, id)
}

#[test]
fn plain_edits_of_one_record_from_two_officers_queue_and_the_last_one_wins() {
    let Some(db) = pg_database() else {
        return;
    };
    let (mut owner, id) = owner_with_organization(&db.url, "Công ty Chung");
    let start = Barrier::new(2);
    let failures: Vec<String> = std::thread::scope(|s| {
        let officer = |who: &'static str| {
            let (url, start) = (db.url_as(&db.login_role("planner_officer")), &start);
            s.spawn(move || {
                let mut store = Store::open_url(&url).unwrap();
                start.wait();
                (0..PLAIN_EDITS)
                    .filter_map(|n| {
                        let patch = json!({ "notes": format!("{who} {n}") });
                        store
                            .update_json(EntityKind::Organizations, id, patch)
                            .err()
                            .map(|e| format!("{who} {n}: {e}"))
                    })
                    .collect::<Vec<_>>()
            })
        };
        let (a, b) = (officer("A"), officer("B"));
        let mut failures = a.join().unwrap();
        failures.extend(b.join().unwrap());
        failures
    });
    assert!(
        failures.is_empty(),
        "{} plain edits refused, first: {:?}",
        failures.len(),
        failures.first()
    );
    let now = owner.get_json(EntityKind::Organizations, id).unwrap();
    let last = [
        format!("A {}", PLAIN_EDITS - 1),
        format!("B {}", PLAIN_EDITS - 1),
    ];
    assert!(last.iter().any(|l| now["notes"] == l.as_str()), "{now}");
    assert_eq!(now["revision"], 1 + 2 * PLAIN_EDITS as i64, "{now}");
    // Every edit is in the history, each based on the one before it.
    let updates: Vec<_> = owner
        .audit_of(EntityKind::Organizations, id)
        .unwrap()
        .into_iter()
        .filter(|e| e.action == "update")
        .collect();
    assert_eq!(updates.len(), 2 * PLAIN_EDITS);
    for pair in updates.windows(2) {
        assert_eq!(
            pair[0].changes["notes"]["after"], pair[1].changes["notes"]["before"],
            "{:?}",
            pair[1]
        );
    }

    // An edit naming a revision that is no longer the record's is still refused.
    let stale = owner.update_json(
        EntityKind::Organizations,
        id,
        json!({ "notes": "Cũ", "revision": 1 }),
    );
    assert!(
        matches!(stale, Err(CoreError::ChangedElsewhere { .. })),
        "{stale:?}"
    );
}

/// A manager's plain delete (no revision named) of a record an officer is editing waits for the
/// edit, then deletes the record as it now is, as on a store file; without the row lock it
/// read the record before the edit and was refused as changed elsewhere.
#[test]
fn a_plain_delete_waits_for_an_edit_in_progress_and_then_deletes() {
    let Some(db) = pg_database() else {
        return;
    };
    let (owner, id) = owner_with_organization(&db.url, "Công ty Sắp Xoá");
    let mut manager = Store::open_url(&db.url_as(&db.login_role("planner_manager"))).unwrap();
    let mut editor = db.client_as(&db.login_role("planner_officer"));
    let mut edit = editor.transaction().unwrap();
    edit.execute(
        "UPDATE organizations SET notes = 'đang sửa', revision = revision + 1 WHERE id = $1",
        &[&id],
    )
    .unwrap();
    let deleted = std::thread::scope(|s| {
        let deleting = s.spawn(|| manager.delete(EntityKind::Organizations, id));
        std::thread::sleep(std::time::Duration::from_millis(300));
        assert!(
            !deleting.is_finished(),
            "the delete did not wait for the edit"
        );
        edit.commit().unwrap();
        deleting.join().unwrap()
    });
    assert!(deleted.is_ok(), "{deleted:?}");
    assert!(matches!(
        owner.get_json(EntityKind::Organizations, id),
        Err(CoreError::NotFound { .. })
    ));
}
