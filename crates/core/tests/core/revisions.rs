//! Edits that cannot silently overwrite each other: every change increments a record's
//! revision, and a write based on an old revision is refused with `changed_elsewhere`, leaving
//! the record as the other writer left it.

use crate::core::crud::one_of_each;
use chrono::{TimeZone, Utc};
use planner_core::domain::{DelegationStatus, EntityKind};
use planner_core::itinerary::workflow::{transition, Transition};
use planner_core::{CoreError, Store};
use serde_json::{json, Value};

fn revision(store: &Store, kind: EntityKind, id: i64) -> i64 {
    store.get_json(kind, id).unwrap()["revision"]
        .as_i64()
        .unwrap()
}

fn organization(store: &mut Store) -> i64 {
    store
        .create_json(
            EntityKind::Organizations,
            json!({"name_vi": "Công ty Điện tử Hải Phòng", "country": "VN", "city": "Hải Phòng"}),
        )
        .unwrap()["id"]
        .as_i64()
        .unwrap()
}

/// The record and fields a `changed_elsewhere` refusal carries; panics on any other outcome.
fn refused<T: std::fmt::Debug>(r: Result<T, CoreError>) -> (Value, Vec<String>) {
    match r {
        Err(e @ CoreError::ChangedElsewhere { .. }) => {
            let payload = e.payload();
            assert_eq!(payload.code, "changed_elsewhere");
            assert!(
                payload.message_vi.contains("nơi khác"),
                "{}",
                payload.message_vi
            );
            let changed = payload.changed.expect("the refusal carries the record");
            (changed.current, changed.fields)
        }
        other => panic!("expected changed_elsewhere, got {other:?}"),
    }
}

on_both! {
    fn every_kind_starts_at_one_and_each_change_increments_it(store) {
        for (kind, id, _) in one_of_each(&mut store) {
            assert_eq!(revision(&store, kind, id), 1, "{kind} as created");
            let field = if kind == EntityKind::Members {
                "protocol_notes"
            } else {
                "notes"
            };
            let v = store
                .update_json(kind, id, json!({ field: "Đã gọi lại" }))
                .unwrap();
            assert_eq!(
                v["revision"], 2,
                "{kind}: the update's reply has the new revision"
            );
            // A patch that changes nothing is no change.
            store
                .update_json(kind, id, json!({ field: "Đã gọi lại" }))
                .unwrap();
            assert_eq!(revision(&store, kind, id), 2, "{kind}: a no-op update");
        }
    }
}

on_both! {
    fn a_workflow_transition_and_a_delete_cascade_increment_the_records_they_change(store) {
        let created = one_of_each(&mut store);
        let id_of = |kind| created.iter().find(|(k, _, _)| *k == kind).unwrap().1;
        let delegation = id_of(EntityKind::Delegations);
        let to_proposed = Transition {
            to: DelegationStatus::Proposed,
            by: None,
        };
        let at = Utc.with_ymd_and_hms(2027, 1, 4, 2, 0, 0).unwrap();
        let moved = transition(&mut store, delegation, &to_proposed, at).unwrap();
        assert_eq!(moved.meta.revision, 2, "the transition is a change");
        // Deleting the person unlinks them from the meeting: the meeting changed too.
        let item = id_of(EntityKind::ItineraryItems);
        let before = revision(&store, EntityKind::ItineraryItems, item);
        store
            .delete(EntityKind::Contacts, id_of(EntityKind::Contacts))
            .unwrap();
        let after = store.get_json(EntityKind::ItineraryItems, item).unwrap();
        assert_eq!(after["contact_ids"], json!([]));
        assert_eq!(after["revision"], before + 1);
    }
}

on_both! {
    fn an_update_based_on_an_old_revision_is_refused_and_writes_nothing(store) {
        let org = organization(&mut store);
        // Both read revision 1; the CLI saves first.
        let theirs = store
            .update_json(
                EntityKind::Organizations,
                org,
                json!({"revision": 1, "name_vi": "Công ty Điện tử Hải Phòng (HPE)", "website": "https://hpe.vn"}),
            )
            .unwrap();
        assert_eq!(theirs["revision"], 2);
        let audit_rows = store
            .audit_of(EntityKind::Organizations, org)
            .unwrap()
            .len();
        // The form, still on revision 1, changes the name (as the other did) and the city (which
        // only it changed), and leaves the website as it read it.
        let (current, fields) = refused(store.update_json(
            EntityKind::Organizations,
            org,
            json!({"revision": 1, "name_vi": "Điện tử Hải Phòng", "city": "Hà Nội"}),
        ));
        assert_eq!(
            current, theirs,
            "the refusal carries the record as it is now"
        );
        assert_eq!(fields, ["name_vi"], "only where the two changes meet");
        let now = store.get_json(EntityKind::Organizations, org).unwrap();
        assert_eq!(now, theirs, "nothing was written");
        assert_eq!(
            store
                .audit_of(EntityKind::Organizations, org)
                .unwrap()
                .len(),
            audit_rows,
            "no audit row"
        );
        // Based on the revision it was refused with, the same change goes through.
        let mine = store
            .update_json(
                EntityKind::Organizations,
                org,
                json!({"revision": 2, "name_vi": "Điện tử Hải Phòng", "city": "Hà Nội"}),
            )
            .unwrap();
        assert_eq!(
            (&mine["revision"], &mine["website"], &mine["city"]),
            (&json!(3), &json!("https://hpe.vn"), &json!("Hà Nội"))
        );
        // Without a revision, a script's update is last-writer-wins as before.
        let script = store
            .update_json(EntityKind::Organizations, org, json!({"city": "Đà Nẵng"}))
            .unwrap();
        assert_eq!(script["revision"], 4);
    }
}

on_both! {
    fn a_delete_based_on_an_old_revision_is_refused_and_keeps_the_record(store) {
        let org = organization(&mut store);
        store
            .update_json(
                EntityKind::Organizations,
                org,
                json!({"notes": "Hẹn gặp tháng 5"}),
            )
            .unwrap();
        let (current, fields) = refused(store.delete_based_on(EntityKind::Organizations, org, Some(1)));
        assert_eq!(current["notes"], "Hẹn gặp tháng 5");
        assert_eq!(
            fields,
            ["notes"],
            "a delete names every field changed since its base"
        );
        assert_eq!(
            revision(&store, EntityKind::Organizations, org),
            2,
            "still there"
        );
        store
            .delete_based_on(EntityKind::Organizations, org, Some(2))
            .unwrap();
        assert!(matches!(
            store.get_json(EntityKind::Organizations, org),
            Err(CoreError::NotFound { .. })
        ));
    }
}

on_both! {
    fn a_revision_that_is_not_a_positive_number_is_invalid(store) {
        let org = organization(&mut store);
        for bad in [json!("1"), json!(0), json!(1.5)] {
            let e = store
                .update_json(EntityKind::Organizations, org, json!({"revision": bad}))
                .unwrap_err();
            assert_eq!(
                crate::field_codes(e),
                [("revision".to_owned(), "bad_revision".to_owned())]
            );
        }
    }
}

/// Two connections (as the app and a `planner` process) update the same record from the same
/// revision at the same moment: exactly one wins, the other is refused, and the winner's
/// values are the record's.
#[test]
fn two_connections_racing_on_one_revision_exactly_one_wins() {
    let (dir, mut store) = crate::temp_store();
    let path = dir.path().join("planner.db");
    for round in 0..10 {
        let org = organization(&mut store);
        let barrier = std::sync::Arc::new(std::sync::Barrier::new(2));
        let writers: Vec<_> = ["Bên A", "Bên B"]
            .into_iter()
            .map(|name| {
                let (path, barrier) = (path.clone(), barrier.clone());
                std::thread::spawn(move || {
                    let mut store = Store::open_existing(&path).unwrap();
                    barrier.wait();
                    let r = store.update_json(
                        EntityKind::Organizations,
                        org,
                        json!({"revision": 1, "name_vi": name}),
                    );
                    (name, r)
                })
            })
            .collect();
        let results: Vec<_> = writers.into_iter().map(|w| w.join().unwrap()).collect();
        let won: Vec<&str> = results
            .iter()
            .filter(|(_, r)| r.is_ok())
            .map(|(n, _)| *n)
            .collect();
        assert_eq!(won.len(), 1, "round {round}: {results:?}");
        for (_, r) in results.into_iter().filter(|(_, r)| r.is_err()) {
            let (current, fields) = refused(r);
            assert_eq!(current["name_vi"], won[0]);
            assert_eq!(fields, ["name_vi"]);
        }
        let now = store.get_json(EntityKind::Organizations, org).unwrap();
        assert_eq!(
            (&now["name_vi"], &now["revision"]),
            (&json!(won[0]), &json!(2))
        );
    }
}
