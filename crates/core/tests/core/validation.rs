use planner_core::domain::*;
use planner_core::CoreError;
use serde_json::json;

use crate::field_codes;

on_both! {
    fn errors_name_the_field_and_the_problem(store) {
        let e = store
            .create_json(
                EntityKind::Delegations,
                json!({"title": "", "destination_country": "Japan", "time_zone": "Asia/Hanoi",
                       "start_date": "2027-03-10", "end_date": "2027-03-08", "budget_minor": 100}),
            )
            .unwrap_err();
        let codes = field_codes(e);
        for expected in [
            ("title", "required"),
            ("destination_country", "invalid_country"),
            ("time_zone", "unknown_time_zone"),
            ("end_date", "end_before_start"),
            ("budget_currency", "required"),
        ] {
            assert!(
                codes.contains(&(expected.0.into(), expected.1.into())),
                "{expected:?} in {codes:?}"
            );
        }
        assert_eq!(
            store.count(EntityKind::Delegations).unwrap(),
            0,
            "nothing written"
        );
    }
}

on_both! {
    fn bad_email_phone_and_type_errors_are_per_field(store) {
        let e = store
            .create_json(
                EntityKind::Contacts,
                json!({"full_name": "Đỗ Văn Hợp", "emails": [{"label": "work", "value": "hop@"}],
                       "phones": [{"label": "x", "value": "=HYPERLINK(\"x\")"}], "consent_basis": "maybe"}),
            )
            .unwrap_err();
        let codes = field_codes(e);
        assert!(
            codes.contains(&("consent_basis".into(), "invalid_value".into())),
            "{codes:?}"
        );
        let e = store
            .create_json(
                EntityKind::Contacts,
                json!({"full_name": "Đỗ Văn Hợp", "emails": [{"label": "work", "value": "hop@"}],
                       "phones": [{"label": "x", "value": "=HYPERLINK(\"x\")"}]}),
            )
            .unwrap_err();
        let codes = field_codes(e);
        assert!(
            codes.contains(&("emails[0].value".into(), "invalid_email".into())),
            "{codes:?}"
        );
        assert!(
            codes.contains(&("phones[0].value".into(), "invalid_phone".into())),
            "{codes:?}"
        );
    }
}

on_both! {
    fn unknown_fields_references_and_read_only_fields(store) {
        let e = store
            .create_json(
                EntityKind::Organizations,
                json!({"name_vi": "A", "country": "VN", "nmae": 1}),
            )
            .unwrap_err();
        assert_eq!(
            field_codes(e),
            vec![("nmae".to_string(), "unknown_field".to_string())]
        );
        let e = store
            .create_json(
                EntityKind::Contacts,
                json!({"full_name": "A", "organization_id": 99}),
            )
            .unwrap_err();
        assert_eq!(
            field_codes(e),
            vec![(
                "organization_id".to_string(),
                "unknown_reference".to_string()
            )]
        );
        let org = store
            .create_json(
                EntityKind::Organizations,
                json!({"name_vi": "A", "country": "VN"}),
            )
            .unwrap();
        let id = org["id"].as_i64().unwrap();
        let e = store
            .update_json(EntityKind::Organizations, id, json!({"id": id + 1}))
            .unwrap_err();
        assert_eq!(
            field_codes(e),
            vec![("id".to_string(), "read_only".to_string())]
        );
        let e = store
            .update_json(EntityKind::Organizations, id, json!("not an object"))
            .unwrap_err();
        assert_eq!(field_codes(e)[0].1, "not_object");
        assert!(matches!(
            store.update_json(EntityKind::Organizations, 999, json!({})),
            Err(CoreError::NotFound { .. })
        ));
    }
}

on_both! {
    fn itinerary_end_before_start_and_member_identity(store) {
        let d = store
            .create(&Delegation {
                title: "Đoàn Hòa Lạc".into(),
                destination_country: "VN".into(),
                time_zone: "Asia/Ho_Chi_Minh".into(),
                ..Default::default()
            })
            .unwrap();
        let e = store
            .create_json(
                EntityKind::ItineraryItems,
                json!({"delegation_id": d.meta.id, "title": "Thăm khu R&D", "time_zone": "Asia/Ho_Chi_Minh",
                       "starts_at": "2027-01-10T10:00:00+07:00", "ends_at": "2027-01-10T09:00:00+07:00"}),
            )
            .unwrap_err();
        assert_eq!(
            field_codes(e),
            vec![("ends_at".to_string(), "end_before_start".to_string())]
        );
        let e = store
            .create_json(EntityKind::Members, json!({"delegation_id": d.meta.id}))
            .unwrap_err();
        assert_eq!(
            field_codes(e),
            vec![("contact_id".to_string(), "contact_or_staff".to_string())]
        );
        let e = store
            .create_json(
                EntityKind::Leads,
                json!({"organization_id": 0, "title": "x", "stage": "lost"}),
            )
            .unwrap_err();
        let codes = field_codes(e);
        assert!(codes.contains(&("organization_id".into(), "required".into())));
        assert!(codes.contains(&("lost_reason".into(), "required".into())));
    }
}

on_both! {
    fn oversized_text_is_refused(store) {
        let huge = "ạ".repeat(planner_core::validate::MAX_TEXT + 1);
        let e = store
            .create_json(
                EntityKind::Organizations,
                json!({"name_vi": "A", "country": "VN", "notes": huge}),
            )
            .unwrap_err();
        assert_eq!(
            field_codes(e),
            vec![("notes".to_string(), "too_long".to_string())]
        );
    }
}

on_both! {
    fn attendees_must_be_members_of_the_items_delegation(store) {
        let delegation = |store: &mut planner_core::Store, title: &str| {
            store
                .create(&Delegation {
                    title: title.into(),
                    destination_country: "JP".into(),
                    time_zone: "Asia/Tokyo".into(),
                    ..Default::default()
                })
                .unwrap()
                .meta
                .id
        };
        let (tokyo, seoul) = (
            delegation(&mut store, "Đoàn Tokyo"),
            delegation(&mut store, "Đoàn Seoul"),
        );
        let member = |store: &mut planner_core::Store, d: i64| {
            store
                .create(&Member {
                    delegation_id: d,
                    staff_name: Some("Lê Văn Hưng".into()),
                    ..Default::default()
                })
                .unwrap()
                .meta
                .id
        };
        let (ours, theirs) = (member(&mut store, tokyo), member(&mut store, seoul));
        let item = |attendees: Vec<i64>| {
            json!({"delegation_id": tokyo, "title": "Gặp nhà đầu tư", "time_zone": "Asia/Tokyo",
                   "starts_at": "2027-03-09T10:00:00+09:00", "ends_at": "2027-03-09T11:00:00+09:00",
                   "attendee_ids": attendees})
        };
        let e = store
            .create_json(EntityKind::ItineraryItems, item(vec![ours, theirs]))
            .unwrap_err();
        assert_eq!(
            field_codes(e),
            vec![("attendee_ids".to_string(), "not_same_parent".to_string())]
        );
        let ok = store
            .create_json(EntityKind::ItineraryItems, item(vec![ours]))
            .unwrap();
        assert_eq!(ok["attendee_ids"], json!([ours]));
    }
}

on_both! {
    /// An empty value is said to be missing, never quoted as «» (an officer reads "«»" as nothing).
    fn an_empty_value_is_said_missing_not_quoted(store) {
        let e = store
            .create_json(
                EntityKind::Offices,
                json!({"name_vi": "Thương vụ", "country": "", "city": "Tokyo", "time_zone": " "}),
            )
            .unwrap_err();
        let CoreError::Invalid(errors) = e else {
            panic!("expected invalid input")
        };
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["country", "time_zone"]);
        for e in &errors {
            assert!(
                !e.message_vi.contains('«') && !e.message_en.contains('«'),
                "{e:?}"
            );
        }
        assert_eq!(errors[0].code, "invalid_country");
        assert!(errors[0].message_en.contains("missing"), "{:?}", errors[0]);
    }
}

/// The fields a form marks required are those an empty record is refused on.
#[test]
fn required_fields_are_those_an_empty_record_is_refused_on() {
    assert_eq!(
        EntityKind::Delegations.required_fields(),
        ["title", "destination_country", "time_zone"]
    );
    assert_eq!(
        EntityKind::Organizations.required_fields(),
        ["name_vi", "country"]
    );
}
