//! The contact book's whole-person operations: duplicates, merge, export, erase.

use planner_core::domain::*;
use planner_core::people::{self, MatchReason};
use planner_core::Store;
use serde_json::json;

fn labelled(label: &str, value: &str) -> Labelled {
    Labelled {
        label: label.into(),
        value: value.into(),
    }
}

struct Book {
    store: Store,
    org: i64,
    delegation: i64,
}

fn book(mut store: Store) -> Book {
    let org = store
        .create(&Organization {
            name_vi: "Tập đoàn Sumitomo".into(),
            country: "JP".into(),
            ..Organization::default()
        })
        .unwrap()
        .meta
        .id;
    let delegation = store
        .create(&Delegation {
            title: "Đoàn Nhật Bản".into(),
            destination_country: "JP".into(),
            time_zone: "Asia/Tokyo".into(),
            ..Delegation::default()
        })
        .unwrap()
        .meta
        .id;
    Book {
        store,
        org,
        delegation,
    }
}

impl Book {
    fn person(&mut self, name: &str, emails: &[&str], phones: &[&str]) -> i64 {
        self.store
            .create(&Contact {
                full_name: name.into(),
                organization_id: Some(self.org),
                emails: emails.iter().map(|e| labelled("work", e)).collect(),
                phones: phones.iter().map(|p| labelled("mobile", p)).collect(),
                ..Contact::default()
            })
            .unwrap()
            .meta
            .id
    }

    /// Puts `contact` on the book's delegation, with `passport` if given.
    fn member(&mut self, contact: i64, passport: Option<&str>) -> i64 {
        self.store
            .create(&Member {
                delegation_id: self.delegation,
                contact_id: Some(contact),
                passport_number: passport.map(Into::into),
                ..Member::default()
            })
            .unwrap()
            .meta
            .id
    }
}

on_both! {
    fn duplicates_by_email_phone_and_similar_name_at_the_same_organisation(store) {
        let mut b = book(store);
        let a = b.person(
            "Nguyễn Văn An",
            &["an.nguyen@sumitomo.jp"],
            &["+84 912 345 678"],
        );
        let a2 = b.person("Nguyen Van An", &["AN.NGUYEN@sumitomo.jp"], &[]);
        let a3 = b.person("Trần Bình", &[], &["0912345678"]);
        let k1 = b.person("Kenji Tanaka", &[], &[]);
        let k2 = b.person("Tanaka Kenji", &[], &[]);
        let _other = b.person("Lê Thị Hoa", &["hoa@x.vn"], &["+81 3 1234 5678"]);
        let pairs = people::find_duplicates(&b.store).unwrap();
        let find = |x: i64, y: i64| {
            pairs
                .iter()
                .find(|p| (p.a, p.b) == (x.min(y), x.max(y)))
                .map(|p| p.reasons.clone())
        };
        let r = find(a, a2).expect("same email");
        assert!(r.contains(&MatchReason::SameEmail("an.nguyen@sumitomo.jp".into())));
        assert!(r.iter().any(|r| matches!(r, MatchReason::SimilarName(_))));
        assert!(find(a, a3)
            .unwrap()
            .contains(&MatchReason::SamePhone("0912345678".into())));
        assert!(find(k1, k2).is_some(), "word order does not matter");
        assert_eq!(pairs.len(), 3, "{pairs:#?}");
    }
}

on_both! {
    fn merging_keeps_every_field_interaction_and_membership_and_is_audited(store) {
        let mut b = book(store);
        let keep = b.person("Nguyễn Văn An", &["an@sumitomo.jp"], &["+84 912 345 678"]);
        let other = b.person(
            "Nguyen Van An",
            &["an.private@gmail.com", "AN@sumitomo.jp"],
            &["0912345678", "+81 90 1111 2222"],
        );
        b.store
            .update_json(
                EntityKind::Contacts,
                other,
                json!({"title": "Giám đốc", "notes": "Thích golf"}),
            )
            .unwrap();
        let talk = b
            .store
            .create_json(
                EntityKind::Interactions,
                json!({"occurred_at": "2027-01-05T02:00:00Z", "kind": "meeting",
                       "summary": "Gặp tại Tokyo", "contact_ids": [other]}),
            )
            .unwrap()["id"]
            .as_i64()
            .unwrap();
        let both = b
            .store
            .create_json(
                EntityKind::Interactions,
                json!({"occurred_at": "2027-01-06T02:00:00Z", "kind": "call",
                       "summary": "Gọi điện", "contact_ids": [keep, other]}),
            )
            .unwrap()["id"]
            .as_i64()
            .unwrap();
        let member = b.member(other, None);
        let merged = people::merge_contacts(&mut b.store, keep, other).unwrap();
        let emails: Vec<&str> = merged
            .data
            .emails
            .iter()
            .map(|e| e.value.as_str())
            .collect();
        assert_eq!(emails, vec!["an@sumitomo.jp", "an.private@gmail.com"]);
        let phones: Vec<&str> = merged
            .data
            .phones
            .iter()
            .map(|e| e.value.as_str())
            .collect();
        assert_eq!(phones, vec!["+84 912 345 678", "+81 90 1111 2222"]);
        assert_eq!(merged.data.title.as_deref(), Some("Giám đốc"));
        assert_eq!(merged.data.notes.as_deref(), Some("Thích golf"));
        assert!(b.store.get::<Contact>(other).is_err());
        let i = b.store.get::<Interaction>(talk).unwrap().data;
        assert_eq!(i.contact_ids, vec![keep]);
        assert_eq!(
            b.store.get::<Interaction>(both).unwrap().data.contact_ids,
            vec![keep]
        );
        assert_eq!(
            b.store.get::<Member>(member).unwrap().data.contact_id,
            Some(keep)
        );
        let audit = b.store.audit_of(EntityKind::Contacts, keep).unwrap();
        assert_eq!(audit.last().unwrap().action, "merge");
        // The merged record is found by search under the kept name only once.
        let hits = b.store.search("nguyen van an", 10).unwrap();
        assert_eq!(hits.groups[0].hits.len(), 1);
        assert!(people::merge_contacts(&mut b.store, keep, keep).is_err());
    }
}

on_both! {
    fn erasing_a_person_leaves_no_personal_data_and_one_erase_entry(store) {
        let mut b = book(store);
        let p = b.person(
            "Phạm Thị Bích Ngọc",
            &["ngoc@sumitomo.jp"],
            &["+84 903 000 111"],
        );
        let member = b.member(p, Some("C7654321"));
        let item = b
            .store
            .create_json(
                EntityKind::ItineraryItems,
                json!({"delegation_id": b.delegation, "title": "Gặp đối tác",
                       "starts_at": "2027-03-09T01:00:00Z", "ends_at": "2027-03-09T02:00:00Z",
                       "time_zone": "Asia/Tokyo", "attendee_ids": [member], "contact_ids": [p]}),
            )
            .unwrap()["id"]
            .as_i64()
            .unwrap();
        let talk = b
            .store
            .create_json(
                EntityKind::Interactions,
                json!({"occurred_at": "2027-01-05T02:00:00Z", "kind": "meeting",
                       "summary": "Gặp chị Phạm Thị Bích Ngọc", "contact_ids": [p]}),
            )
            .unwrap()["id"]
            .as_i64()
            .unwrap();
        let export = people::export_person(&b.store, p).unwrap();
        assert_eq!(export["contact"]["full_name"], "Phạm Thị Bích Ngọc");
        assert_eq!(
            export["memberships"][0]["member"]["passport_number"],
            "C7654321"
        );
        assert_eq!(export["interactions"][0]["id"], talk);
        assert_eq!(export["memberships"][0]["itinerary_items"][0]["id"], item);

        let report = people::erase_contact(&mut b.store, p).unwrap();
        assert_eq!(report.memberships_removed, 1);
        assert_eq!(report.interactions_unlinked, 1);
        assert_eq!(report.meetings_unlinked, 1);
        assert_eq!(report.interactions_mentioning, vec![talk]);
        assert!(b.store.get::<Contact>(p).is_err());
        assert!(b.store.get::<Member>(member).is_err());
        let it = b.store.get::<ItineraryItem>(item).unwrap().data;
        assert!(it.contact_ids.is_empty() && it.attendee_ids.is_empty());
        assert!(b
            .store
            .search("bich ngoc", 10)
            .unwrap()
            .groups
            .iter()
            .all(|g| g.kind != EntityKind::Contacts));
        // Nothing personal is left in the audit log: not the name, email, phone or passport.
        let all = crate::raw_texts(
            &b.store,
            "SELECT changes FROM audit_log WHERE entity IN ('contacts', 'members')",
        )
        .join(" ");
        for secret in ["Bích Ngọc", "ngoc@sumitomo.jp", "903 000 111", "C7654321"] {
            assert!(!all.contains(secret), "audit still holds «{secret}»: {all}");
        }
        let erased = crate::raw_texts(
            &b.store,
            &format!(
                "SELECT action FROM audit_log WHERE entity = 'contacts' AND entity_id = {p} \
                 AND action = 'erase'"
            ),
        )
        .len();
        assert_eq!(erased, 1);
    }
}

on_both! {
    fn erasing_reports_the_interactions_that_name_the_person_whatever_the_accents(store) {
        let mut b = book(store);
        let p = b.person("Nguyễn Văn An", &["an.nguyen@sumitomo.jp"], &[]);
        let o = b.person("O'Brien \"Kate\"", &[], &[]);
        let mut talk = |summary: &str, notes: Option<&str>| {
            b.store
                .create_json(
                    EntityKind::Interactions,
                    json!({"occurred_at": "2027-01-05T02:00:00Z", "kind": "call",
                           "summary": summary, "notes": notes}),
                )
                .unwrap()["id"]
                .as_i64()
                .unwrap()
        };
        // Not linked to the person: only the free text names them.
        let lower = talk("Gọi lại cho anh nguyen van an về Hòa Lạc", None);
        let upper = talk("Họp đối tác", Some("NGUYỄN VĂN AN đã đồng ý (xem email)"));
        let email = talk("Gửi tài liệu", Some("Đã gửi tới An.Nguyen@sumitomo.jp"));
        let other_person = talk("Gặp anh Nguyễn Văn Anh", Some("An ninh, Văn phòng"));
        let unrelated = talk("Trao đổi về cơ hội đầu tư tại Hòa Lạc", None);
        let irish = talk("Dinner with o'brien kate", None);

        let report = people::erase_contact(&mut b.store, p).unwrap();
        assert_eq!(report.interactions_mentioning, vec![lower, upper, email]);
        // Another person ("Anh"), and the same words apart or in other words, are no mention.
        for not_a_mention in [other_person, unrelated] {
            assert!(!report.interactions_mentioning.contains(&not_a_mention));
        }
        assert_eq!(report.interactions_unlinked, 0);
        // Punctuation and quotes in a name are words of the phrase, not query syntax.
        let report = people::erase_contact(&mut b.store, o).unwrap();
        assert_eq!(report.interactions_mentioning, vec![irish]);
    }
}

on_both! {
    fn deleting_a_person_leaves_no_personal_data_in_the_audit_log(store) {
        let mut b = book(store);
        let p = b.person(
            "Phạm Thị Bích Ngọc",
            &["ngoc@sumitomo.jp"],
            &["+84 903 000 111"],
        );
        b.store
            .update_json(
                EntityKind::Contacts,
                p,
                json!({"notes": "Thích golf", "nationality": "VN"}),
            )
            .unwrap();
        let member = b.member(p, Some("C7654321"));
        b.store.delete(EntityKind::Contacts, p).unwrap();
        // The membership (with the passport) goes with the person instead of being left with
        // neither contact nor staff name.
        assert!(b.store.get::<Member>(member).is_err());
        let contact_audit = b.store.audit_of(EntityKind::Contacts, p).unwrap();
        let last = contact_audit.last().unwrap();
        assert_eq!(
            (last.action.as_str(), &last.changes),
            ("delete", &json!({}))
        );
        let all = serde_json::to_string(&[
            contact_audit,
            b.store.audit_of(EntityKind::Members, member).unwrap(),
        ])
        .unwrap();
        for secret in [
            "Bích Ngọc",
            "ngoc@sumitomo.jp",
            "903 000 111",
            "golf",
            "C7654321",
        ] {
            assert!(!all.contains(secret), "audit still holds «{secret}»: {all}");
        }
        // Other records still keep what they held when deleted.
        b.store
            .delete(EntityKind::Delegations, b.delegation)
            .unwrap();
        let audit = b
            .store
            .audit_of(EntityKind::Delegations, b.delegation)
            .unwrap();
        assert_eq!(
            audit.last().unwrap().changes["title"]["before"],
            "Đoàn Nhật Bản"
        );
    }
}
