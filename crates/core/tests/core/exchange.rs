//! Exchange between two offices, each a store of its own on both backends (real files, or team
//! databases): export, inspect, trust, import (imported, already received, updated, rollback,
//! conflict), the trust refusals (unknown, changed and revoked keys), content that fails the
//! local validators, office keys and cards. After every refusal, nothing was written: rows and
//! received files are counted.

use super::two_offices::{
    brief, code, count, export_to, hanoi, profile, receiver, refused, written, Office,
};
use planner_core::domain::*;
use planner_core::exchange::views::{ImportStatus, OfficeKeyPlace, OfficeProfile, TrustState};
use planner_core::exchange::{self, export, import, office, trust};
use planner_core::store::{Backend, ListQuery};
use std::path::{Path, PathBuf};

on_both! {
    fn two_offices_exchange_a_brief_once_and_keep_its_history(store) {
        let mut a = hanoi(&store);
        let mut b = receiver(&store, "TV-TOKYO");
        let v1 = brief(&mut a);
        let v2 = brief(&mut a);
        let v3 = brief(&mut a);
        let f1 = export_to(&mut a, v1, true, "v1");
        let f2 = export_to(&mut a, v2, true, "v2");
        let f3 = export_to(&mut a, v3, true, "v3");
        assert_eq!(export::outbox(&a.store).unwrap().len(), 3);
        let a_fp = a.store.office().unwrap().unwrap().fingerprint.unwrap();

        let seen = import::inspect_file(&b.store, &f1).unwrap();
        assert_eq!(seen.signer.fingerprint, a_fp);
        assert_eq!(seen.signer.trust, TrustState::Unknown);
        assert_eq!(seen.signer.office.code, "ITPC-HN");
        assert_eq!(seen.refusal.as_ref().unwrap().code, "untrusted_signer");
        assert!(
            seen.refusal
                .unwrap()
                .message_en
                .contains(&exchange::grouped(&a_fp)),
            "the refusal shows the fingerprint to compare"
        );
        assert_eq!(seen.would, Some(ImportStatus::Imported));
        assert!(seen
            .members
            .iter()
            .any(|m| m.path == "brief.pdf" && m.sha256.len() == 64));
        assert_eq!(
            written(&b)[1..4],
            written(&receiver(&store, "TV-X"))[1..4],
            "inspecting writes nothing"
        );

        refused(&mut b, &f1, false, "untrusted_signer");
        let first = import::import_file(&mut b.store, &f1, true, "cli").unwrap();
        assert_eq!(
            (first.status, first.brief_version, first.trusted_now),
            (ImportStatus::Imported, 1, true)
        );
        let keys = trust::list(&b.store).unwrap();
        assert_eq!(
            (
                keys.len(),
                keys[0].trusted_by.as_str(),
                keys[0].office_code.as_deref()
            ),
            (1, "cli", Some("ITPC-HN"))
        );
        let pdf = exchange::received::pdf_path(&b.store, first.received_id).unwrap();
        assert!(
            std::fs::read(&pdf).unwrap().starts_with(b"%PDF"),
            "kept under its hash: {}",
            pdf.display()
        );

        let after_first = written(&b);
        let again = import::import_file(&mut b.store, &f1, false, "cli").unwrap();
        assert_eq!(
            (again.status, again.received_id),
            (ImportStatus::AlreadyReceived, first.received_id)
        );
        assert_eq!(
            written(&b),
            after_first,
            "the same file again changes nothing"
        );
        // The same version exported again unchanged (another bundle uuid and instant) is the same.
        let f1_again = export_to(&mut a, v1, true, "v1-again");
        let same = import::import_file(&mut b.store, &f1_again, false, "cli").unwrap();
        assert_eq!(same.status, ImportStatus::AlreadyReceived);

        let third = import::import_file(&mut b.store, &f3, false, "cli").unwrap();
        assert_eq!(
            (third.status, third.brief_version),
            (ImportStatus::Updated, 3)
        );
        let inbox = exchange::received::inbox(&b.store).unwrap();
        assert_eq!(inbox.len(), 1, "one brief, its current version");
        assert_eq!((inbox[0].brief_version, inbox[0].verified), (3, true));
        let detail = exchange::received::detail(&b.store, third.received_id).unwrap();
        assert_eq!(
            detail
                .history
                .iter()
                .map(|h| h.brief_version)
                .collect::<Vec<_>>(),
            [1]
        );
        assert_eq!(detail.history[0].superseded_by, Some(third.received_id));

        refused(&mut b, &f2, true, "rollback");

        // The same version with other content: an opportunity changed before v3 was sent again.
        let opp = a
            .store
            .list::<Opportunity>(&ListQuery::default())
            .unwrap()
            .items[0]
            .meta
            .id;
        a.store
            .update_json(
                EntityKind::Opportunities,
                opp,
                serde_json::json!({"summary_vi": "Đã đổi"}),
            )
            .unwrap();
        let f3_changed = export_to(&mut a, v3, true, "v3-changed");
        refused(&mut b, &f3_changed, true, "version_conflict");
    }
}

on_both! {
    fn a_known_office_with_a_new_key_and_a_revoked_key_are_refused(store) {
        let mut a = hanoi(&store);
        let mut b = receiver(&store, "TV-TOKYO");
        let id = brief(&mut a);
        let file = export_to(&mut a, id, false, "a");
        import::import_file(&mut b.store, &file, true, "cli").unwrap();
        // Another installation claiming the same office: its own key, the same code.
        let mut impostor = hanoi(&store);
        let other = brief(&mut impostor);
        let spoof = export_to(&mut impostor, other, false, "spoof");
        refused(&mut b, &spoof, false, "key_changed");
        refused(&mut b, &spoof, true, "key_changed");
        let seen = import::inspect_file(&b.store, &spoof).unwrap();
        assert_eq!(seen.signer.trust, TrustState::KeyChanged);

        let a_fp = a.store.office().unwrap().unwrap().fingerprint.unwrap();
        let revoked = trust::revoke_fingerprint(&mut b.store, &a_fp, "cli").unwrap();
        assert!(revoked.revoked_at.is_some());
        let newer = brief(&mut a);
        let newer = export_to(&mut a, newer, false, "newer");
        refused(&mut b, &newer, false, "revoked_key");
        refused(&mut b, &newer, true, "revoked_key");
        assert!(
            !exchange::received::inbox(&b.store).unwrap()[0].verified,
            "revoked since"
        );
        assert_eq!(
            code(trust::trust(&mut b.store, &a_fp, None, None, "cli").unwrap_err()),
            "revoked_key"
        );
    }
}

on_both! {
    fn content_that_fails_the_local_validators_is_refused(store) {
        let mut a = hanoi(&store);
        let mut b = receiver(&store, "TV-TOKYO");
        let id = brief(&mut a);
        let key = office::signing_key(&mut a.store).unwrap();
        let me = office::profile(&a.store).unwrap();
        let mut prepared = export::prepare(&a.store, id, false).unwrap();
        let list = prepared
            .members
            .iter_mut()
            .find(|m| m.path == "opportunities.json")
            .unwrap();
        let mut json: serde_json::Value = serde_json::from_slice(&list.bytes).unwrap();
        json["opportunities"][0]["data"]["land_rent_min_minor"] = 500.into();
        json["opportunities"][0]["data"]["land_rent_max_minor"] = 100.into();
        list.bytes = serde_json::to_vec(&json).unwrap();
        let bytes = export::sign(
            &key,
            &me,
            prepared,
            uuid::Uuid::new_v4().to_string(),
            "2026-11-27T00:00:00Z".into(),
        )
        .unwrap();
        let file = a.dir.path().join("bad.dpbundle");
        std::fs::write(&file, bytes).unwrap();
        // Trusted ahead of time, so the refusal is the content's.
        trust::trust(
            &mut b.store,
            &exchange::grouped(key.public().fingerprint().as_str()),
            None,
            None,
            "cli",
        )
        .unwrap();
        refused(&mut b, &file, false, "invalid_content");
        let seen = import::inspect_file(&b.store, &file).unwrap();
        assert_eq!(seen.refusal.unwrap().code, "invalid_content");
    }
}

on_both! {
    fn trust_by_fingerprint_before_the_first_bundle_and_by_office_card(store) {
        let mut a = hanoi(&store);
        let mut b = receiver(&store, "TV-TOKYO");
        let fp = office::view(&mut a.store).unwrap().fingerprint.unwrap();
        // Read on the phone: any case, dashes instead of spaces.
        let typed = fp.to_lowercase().replace(' ', "-");
        let row = trust::trust(&mut b.store, &typed, None, Some("Hà Nội".into()), "cli").unwrap();
        assert_eq!(
            (
                row.has_key,
                row.office_code.as_deref(),
                row.local_name.as_deref()
            ),
            (false, None, Some("Hà Nội"))
        );
        let id = brief(&mut a);
        let file = export_to(&mut a, id, false, "a");
        let done = import::import_file(&mut b.store, &file, false, "cli").unwrap();
        assert_eq!(
            (done.status, done.trusted_now),
            (ImportStatus::Imported, false)
        );
        let row = &trust::list(&b.store).unwrap()[0];
        assert_eq!(
            (row.has_key, row.office_code.as_deref(), row.received),
            (true, Some("ITPC-HN"), 1)
        );

        let mut c = receiver(&store, "TV-SEOUL");
        let card = office::export_card(&mut a.store, Some(a.dir.path().join("hn.dpoffice"))).unwrap();
        let seen = trust::inspect_card_file(&c.store, Path::new(&card.path)).unwrap();
        assert_eq!(
            (seen.signer.trust, seen.signer.fingerprint_grouped.as_str()),
            (TrustState::Unknown, fp.as_str())
        );
        // Without a profile, nothing is made: the key comes with the office it signs for.
        let (_g, mut bare) = crate::store_like(&store);
        assert!(!office::view(&mut bare).unwrap().has_key);
        let other_fp = office::view(&mut receiver(&store, "TV-Y").store)
            .unwrap()
            .fingerprint
            .unwrap();
        assert_eq!(
            code(
                trust::trust(
                    &mut c.store,
                    &other_fp,
                    Some(Path::new(&card.path)),
                    None,
                    "cli"
                )
                .unwrap_err()
            ),
            "malformed_card"
        );
        let row = trust::trust(
            &mut c.store,
            &seen.signer.fingerprint,
            Some(Path::new(&card.path)),
            None,
            "cli",
        )
        .unwrap();
        assert_eq!(
            (row.has_key, row.name_en.as_deref()),
            (true, Some("Hanoi Promotion Centre"))
        );
        assert_eq!(
            import::import_file(&mut c.store, &file, false, "cli")
                .unwrap()
                .status,
            ImportStatus::Imported
        );
    }
}

/// Puts `text` (None: nothing) where the store keeps its office key, behind the store's back:
/// the key file beside a store file, or the row of a team store's `office_private_key`.
fn put_kept_key(o: &Office, text: Option<&str>) {
    match o.store.backend() {
        Backend::Sqlite => {
            let path = office::key_path(&o.store).unwrap();
            match text {
                Some(t) => std::fs::write(path, t).unwrap(),
                None => std::fs::remove_file(path).unwrap(),
            }
        }
        Backend::Postgres => {
            let mut sql = "DELETE FROM office_private_key;".to_owned();
            if let Some(t) = text {
                sql += &format!("INSERT INTO office_private_key VALUES (1, $k${t}$k$, 'now');");
            }
            crate::raw_execute(&o.guard, &o.store, &sql);
        }
    }
}

on_both! {
    fn the_office_key_is_kept_once_and_never_replaced_silently(store) {
        let mut a = receiver(&store, "TV-TOKYO");
        let view = office::view(&mut a.store).unwrap();
        assert!(view.has_key && view.fingerprint.as_ref().unwrap().split(' ').count() == 8);
        match a.store.backend() {
            Backend::Sqlite => {
                let Some(OfficeKeyPlace::File { path }) = &view.key_place else {
                    panic!("a store file keeps its key in a file: {:?}", view.key_place);
                };
                let path = PathBuf::from(path);
                assert_eq!(
                    path,
                    a.store
                        .path()
                        .unwrap()
                        .with_file_name("planner.db.office-key")
                );
                #[cfg(unix)]
                {
                    use std::os::unix::fs::PermissionsExt;
                    assert_eq!(
                        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
                        0o600
                    );
                }
            }
            Backend::Postgres => {
                assert_eq!(view.key_place, Some(OfficeKeyPlace::TeamDatabase));
                assert_eq!(count(&a, "SELECT count(*) FROM office_private_key"), 1);
            }
        }
        let text = office::signing_key(&mut a.store).unwrap().to_file_text();
        assert_eq!(
            office::view(&mut a.store).unwrap().fingerprint,
            view.fingerprint,
            "the same key again"
        );
        put_kept_key(&a, None);
        assert_eq!(
            code(office::view(&mut a.store).unwrap_err()),
            "office_key_missing"
        );
        let other = planner_exchange::OfficeKey::from_seed([7; 32]).to_file_text();
        put_kept_key(&a, Some(&other));
        assert_eq!(
            code(office::signing_key(&mut a.store).unwrap_err()),
            "office_key_missing"
        );
        put_kept_key(&a, Some(&text));
        assert!(office::signing_key(&mut a.store).is_ok());

        let bad = office::save(
            &mut a.store,
            OfficeProfile {
                code: "tv tokyo".into(),
                email: Some("nope".into()),
                ..profile("X", "", "Y")
            },
        );
        let fields = crate::field_codes(bad.unwrap_err());
        for f in ["name_vi", "code", "email"] {
            assert!(fields.iter().any(|(x, _)| x == f), "{f}: {fields:?}");
        }
    }
}
