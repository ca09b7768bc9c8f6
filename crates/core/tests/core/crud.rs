use planner_core::domain::*;
use planner_core::store::{Filter, ListQuery};
use planner_core::{CoreError, Store};
use serde_json::{json, Value};

/// Creates one valid record of every kind (parents first) and returns (kind, id, input).
pub fn one_of_each(store: &mut Store) -> Vec<(EntityKind, i64, Value)> {
    let mut out: Vec<(EntityKind, i64, Value)> = Vec::new();
    let mut add = |store: &mut Store, kind, input: Value| {
        let v = store
            .create_json(kind, input.clone())
            .unwrap_or_else(|e| panic!("{kind}: {e}"));
        let id = v["id"].as_i64().unwrap();
        out.push((kind, id, input));
        id
    };
    let office = add(
        store,
        EntityKind::Offices,
        json!({"name_vi": "Thương vụ Việt Nam tại Nhật Bản",
        "country": "JP", "city": "Tokyo", "time_zone": "Asia/Tokyo", "languages": ["ja", "vi"]}),
    );
    let counsellor = add(
        store,
        EntityKind::Counsellors,
        json!({"office_id": office,
        "full_name": "Trần Đức Lợi", "email": "loi@trade-office.example", "phone": "+81 3 5555 0142"}),
    );
    let org = add(
        store,
        EntityKind::Organizations,
        json!({"name_vi": "Công ty Cơ khí Chính xác Kansai",
        "name_en": "Kansai Precision", "country": "JP", "sectors": ["automation", "electronics"]}),
    );
    let contact = add(
        store,
        EntityKind::Contacts,
        json!({"full_name": "Nguyễn Thị Phượng",
        "organization_id": org, "emails": [{"label": "work", "value": "phuong@kansai.example"}],
        "phones": [{"label": "mobile", "value": "+84 912 345 678"}], "consent_basis": "consent",
        "consent_date": "2026-03-01"}),
    );
    let delegation = add(
        store,
        EntityKind::Delegations,
        json!({"title": "Đoàn xúc tiến tại Nhật Bản",
        "destination_country": "JP", "time_zone": "Asia/Tokyo", "start_date": "2027-03-08",
        "end_date": "2027-03-13", "counsellor_id": counsellor, "budget_minor": 850000000,
        "budget_currency": "VND", "sectors": ["semiconductors"]}),
    );
    let member = add(
        store,
        EntityKind::Members,
        json!({"delegation_id": delegation,
        "contact_id": contact, "role": "head", "passport_expiry": "2030-01-01"}),
    );
    let item = add(
        store,
        EntityKind::ItineraryItems,
        json!({"delegation_id": delegation,
        "title": "Gặp Kansai Precision", "starts_at": "2027-03-09T10:00:00+09:00",
        "ends_at": "2027-03-09T11:30:00+09:00", "time_zone": "Asia/Tokyo", "organization_id": org,
        "counsellor_id": counsellor, "contact_ids": [contact], "attendee_ids": [member]}),
    );
    add(
        store,
        EntityKind::Interactions,
        json!({"occurred_at": "2026-10-01T03:00:00Z", "kind": "call",
        "summary": "Gọi điện hẹn lịch", "organization_id": org, "contact_ids": [contact],
        "delegation_id": delegation, "itinerary_item_id": item}),
    );
    add(
        store,
        EntityKind::Leads,
        json!({"organization_id": org, "title": "Nhà máy linh kiện",
        "stage": "meeting", "expected_capital_minor": 5000000000i64, "jobs": 300,
        "due_at": "2026-12-01T02:00:00Z"}),
    );
    let opp = add(
        store,
        EntityKind::Opportunities,
        json!({"kind": "hitech_zone",
        "name_vi": "Khu Công nghệ cao Hòa Lạc", "location": "Thạch Thất, Hà Nội", "area_ha": 1586,
        "source": "Ban Quản lý Khu CNC Hòa Lạc", "source_date": "2024-05-31",
        "key_figures": [{"label_vi": "Số dự án", "label_en": "Projects", "value": "109",
            "source": "BQL 5/2024", "source_date": "2024-05-31"}]}),
    );
    add(
        store,
        EntityKind::Briefs,
        json!({"title": "Bản tin Hòa Lạc", "audience_kind": "delegation",
        "delegation_id": delegation, "opportunity_ids": [opp], "language": "bi"}),
    );
    out
}

on_both! {
    fn every_entity_round_trips_with_audit(store) {
        let created = one_of_each(&mut store);
        assert_eq!(
            created.len(),
            EntityKind::ALL.len(),
            "one record of every kind"
        );
        for (kind, id, input) in &created {
            let got = store.get_json(*kind, *id).unwrap();
            assert_eq!(got["id"], *id);
            assert_eq!(got["uuid"].as_str().unwrap().len(), 36, "{kind} has a uuid");
            for (k, v) in input.as_object().unwrap() {
                if k.ends_with("_at") {
                    let a: chrono::DateTime<chrono::Utc> =
                        serde_json::from_value(got[k].clone()).unwrap();
                    let b: chrono::DateTime<chrono::Utc> = serde_json::from_value(v.clone()).unwrap();
                    assert_eq!(a, b, "{kind}.{k}");
                } else if v.is_number() && got[k].is_f64() {
                    assert_eq!(got[k].as_f64(), v.as_f64(), "{kind}.{k}");
                } else {
                    assert_eq!(&got[k], v, "{kind}.{k} read back");
                }
            }
            let page = store.list_json(*kind, &ListQuery::default()).unwrap();
            assert_eq!(page.total, 1, "{kind} listed");
            let audit = store.audit_of(*kind, *id).unwrap();
            assert_eq!(audit.len(), 1);
            assert_eq!(audit[0].action, "create");
        }
        // Update one field of each through a partial patch; the audit row names only that field.
        for (kind, id, _) in &created {
            let field = if *kind == EntityKind::Members {
                "protocol_notes"
            } else {
                "notes"
            };
            let before = store.get_json(*kind, *id).unwrap();
            let after = store
                .update_json(*kind, *id, json!({ field: "Ghi chú: Đã xác nhận" }))
                .unwrap();
            assert_eq!(after[field], "Ghi chú: Đã xác nhận", "{kind}");
            assert_eq!(after["created_at"], before["created_at"]);
            assert_ne!(
                after["updated_at"], before["updated_at"],
                "{kind} updated_at moves"
            );
            let audit = store.audit_of(*kind, *id).unwrap();
            assert_eq!(audit.len(), 2);
            assert_eq!(audit[1].action, "update");
            let changed: Vec<&String> = audit[1].changes.as_object().unwrap().keys().collect();
            assert_eq!(changed, vec![field]);
            assert_eq!(audit[1].changes[field]["after"], "Ghi chú: Đã xác nhận");
            // The same patch again changes nothing and writes no audit row.
            store
                .update_json(*kind, *id, json!({ field: "Ghi chú: Đã xác nhận" }))
                .unwrap();
            assert_eq!(
                store.audit_of(*kind, *id).unwrap().len(),
                2,
                "{kind}: no-op update is not audited"
            );
        }
        // Delete children first, then parents; each leaves a delete row (holding the old fields,
        // except for people and delegation members, whose data leaves the log with them).
        for (kind, id, _) in created.iter().rev() {
            store
                .delete(*kind, *id)
                .unwrap_or_else(|e| panic!("delete {kind}: {e}"));
            assert!(matches!(
                store.get_json(*kind, *id),
                Err(CoreError::NotFound { .. })
            ));
            let audit = store.audit_of(*kind, *id).unwrap();
            assert_eq!(audit.last().unwrap().action, "delete");
        }
        assert!(store.is_empty().unwrap());
    }
}

on_both! {
    fn links_keep_order_and_filter(store) {
        let created = one_of_each(&mut store);
        let item = created
            .iter()
            .find(|c| c.0 == EntityKind::ItineraryItems)
            .unwrap()
            .1;
        let contact = created
            .iter()
            .find(|c| c.0 == EntityKind::Contacts)
            .unwrap()
            .1;
        let c2 = store
            .create(&Contact {
                full_name: "Kim Min-jun".into(),
                ..Default::default()
            })
            .unwrap()
            .meta
            .id;
        let v = store
            .update_json(
                EntityKind::ItineraryItems,
                item,
                json!({"contact_ids": [c2, contact]}),
            )
            .unwrap();
        assert_eq!(v["contact_ids"], json!([c2, contact]));
        let q = ListQuery {
            filters: vec![Filter {
                field: "contact_ids".into(),
                value: c2.to_string(),
                op: None,
            }],
            ..Default::default()
        };
        assert_eq!(
            store
                .list_json(EntityKind::ItineraryItems, &q)
                .unwrap()
                .total,
            1
        );
        let q = ListQuery {
            filters: vec![Filter {
                field: "sectors".into(),
                value: "automation".into(),
                op: None,
            }],
            ..Default::default()
        };
        assert_eq!(
            store
                .list_json(EntityKind::Organizations, &q)
                .unwrap()
                .total,
            1
        );
    }
}

on_both! {
    fn list_pages_sorts_and_filters(store) {
        for (i, name) in ["Đông Á", "An Phát", "Bình Minh", "Cát Tường", "Ánh Dương"]
            .iter()
            .enumerate()
        {
            store
                .create(&Organization {
                    name_vi: (*name).into(),
                    country: if i % 2 == 0 { "VN".into() } else { "JP".into() },
                    ..Default::default()
                })
                .unwrap();
        }
        let q = ListQuery {
            sort: Some("name_vi".into()),
            limit: Some(2),
            offset: 1,
            ..Default::default()
        };
        let page = store.list::<Organization>(&q).unwrap();
        assert_eq!(page.total, 5);
        let names: Vec<_> = page.items.iter().map(|r| r.data.name_vi.as_str()).collect();
        // Vietnamese order: An Phát, Ánh Dương, Bình Minh, Cát Tường, Đông Á (Đ after D, not after Z).
        assert_eq!(names, ["Ánh Dương", "Bình Minh"]);
        let q = ListQuery {
            filters: vec![Filter::parse("country=JP").unwrap()],
            descending: true,
            ..Default::default()
        };
        let page = store.list::<Organization>(&q).unwrap();
        let names: Vec<_> = page.items.iter().map(|r| r.data.name_vi.as_str()).collect();
        assert_eq!(names, ["Cát Tường", "An Phát"]);
        let bad = ListQuery {
            sort: Some("name_vi; DROP TABLE organizations".into()),
            ..Default::default()
        };
        assert!(matches!(
            store.list::<Organization>(&bad),
            Err(CoreError::Invalid(_))
        ));
        let bad = ListQuery {
            filters: vec![Filter::parse("nmae=x").unwrap()],
            ..Default::default()
        };
        match store.list::<Organization>(&bad) {
            Err(CoreError::Invalid(e)) => assert!(e[0].message_en.contains("nmae")),
            other => panic!("{other:?}"),
        }
    }
}

on_both! {
    /// An English list sorts by the name it shows: `name_en`, else `name_vi` (#13.19). Sorting by
    /// `name_vi` put «Thang Long» (shown as "Thang Long Industrial Park") between "Digital Era" and
    /// "Daesung".
    fn a_list_sorts_by_the_name_it_shows(store) {
        for (vi, en) in [
            ("Công ty Daesung", Some("Daesung")),
            ("Kỷ nguyên Số", Some("Digital Era")),
            ("Thang Long", None),
            ("Ánh Dương", Some("")),
            ("Đông Á", Some("Alpha East")),
        ] {
            store
                .create(&Organization {
                    name_vi: vi.into(),
                    name_en: en.map(Into::into),
                    country: "VN".into(),
                    ..Default::default()
                })
                .unwrap();
        }
        let shown = |descending: bool| -> Vec<String> {
            let q = ListQuery {
                sort: Some("name_en".into()),
                sort_else: Some("name_vi".into()),
                descending,
                ..Default::default()
            };
            store
                .list::<Organization>(&q)
                .unwrap()
                .items
                .into_iter()
                .map(|r| {
                    r.data
                        .name_en
                        .filter(|n| !n.is_empty())
                        .unwrap_or(r.data.name_vi)
                })
                .collect()
        };
        assert_eq!(
            shown(false),
            [
                "Alpha East",
                "Ánh Dương",
                "Daesung",
                "Digital Era",
                "Thang Long"
            ]
        );
        assert_eq!(
            shown(true),
            [
                "Thang Long",
                "Digital Era",
                "Daesung",
                "Ánh Dương",
                "Alpha East"
            ]
        );
        let bad = ListQuery {
            sort: Some("name_en".into()),
            sort_else: Some("name_vi) --".into()),
            ..Default::default()
        };
        match store.list::<Organization>(&bad) {
            Err(CoreError::Invalid(e)) => assert_eq!(e[0].field, "sort_else"),
            other => panic!("{other:?}"),
        }
    }
}

on_both! {
    fn delete_of_a_referenced_record_is_refused_whole(store) {
        let created = one_of_each(&mut store);
        let org = created
            .iter()
            .find(|c| c.0 == EntityKind::Organizations)
            .unwrap()
            .1;
        let refused = store.delete(EntityKind::Organizations, org);
        assert!(
            matches!(refused, Err(CoreError::InUse { .. })),
            "{refused:?}"
        );
        assert!(store.get_json(EntityKind::Organizations, org).is_ok());
        let audit = store.audit_of(EntityKind::Organizations, org).unwrap();
        assert_eq!(audit.len(), 1, "a refused delete leaves no audit row");
        // Deleting a delegation takes its members and items with it.
        let delegation = created
            .iter()
            .find(|c| c.0 == EntityKind::Delegations)
            .unwrap()
            .1;
        store.delete(EntityKind::Delegations, delegation).unwrap();
        assert_eq!(store.count(EntityKind::Members).unwrap(), 0);
        assert_eq!(store.count(EntityKind::ItineraryItems).unwrap(), 0);
    }
}

on_both! {
    fn text_is_nfc_on_the_way_in(store) {
        use unicode_normalization::UnicodeNormalization;
        let nfd: String = "Nguyễn Thị Thủy, Hòa Lạc".nfd().collect();
        let v = store
            .create_json(
                EntityKind::Contacts,
                json!({"full_name": nfd, "notes": nfd}),
            )
            .unwrap();
        assert_eq!(v["full_name"], "Nguyễn Thị Thủy, Hòa Lạc");
        let q = ListQuery {
            filters: vec![Filter {
                field: "full_name".into(),
                value: nfd,
                op: None,
            }],
            ..Default::default()
        };
        assert_eq!(
            store.list_json(EntityKind::Contacts, &q).unwrap().total,
            1,
            "filters are NFC too"
        );
    }
}

on_both! {
    fn a_given_uuid_is_kept_and_must_be_unique(store) {
        let uuid = "5b0c3f5e-7a51-4f0e-8a4e-2f7b9c1d0e11";
        let v = store
            .create_json(
                EntityKind::Organizations,
                json!({"uuid": uuid, "name_vi": "A", "country": "VN"}),
            )
            .unwrap();
        assert_eq!(v["uuid"], uuid);
        match store.create_json(
            EntityKind::Organizations,
            json!({"uuid": uuid, "name_vi": "B", "country": "VN"}),
        ) {
            Err(CoreError::Invalid(e)) => assert_eq!(e[0].code, "duplicate_uuid"),
            other => panic!("{other:?}"),
        }
        assert_eq!(store.count(EntityKind::Organizations).unwrap(), 1);
    }
}

on_both! {
    fn names_list_in_vietnamese_alphabetical_order(store) {
        for name in [
            "Yên Thường Logistics",
            "Đông Anh Electronics",
            "Âu Lạc Trading",
            "Dương Kinh Steel",
            "An Phát Holdings",
            "Ánh Dương Solar",
            "Zeta Pharma",
            "Ông Bình Foods",
            "ơn Trời Coffee",
            "Ưng Hòa Textiles",
            "Uyên Minh",
        ] {
            store
                .create(&Organization {
                    name_vi: name.into(),
                    country: "VN".into(),
                    ..Organization::default()
                })
                .unwrap();
        }
        let names = |descending: bool| -> Vec<String> {
            store
                .list::<Organization>(&ListQuery {
                    sort: Some("name_vi".into()),
                    descending,
                    ..ListQuery::default()
                })
                .unwrap()
                .items
                .into_iter()
                .map(|r| r.data.name_vi)
                .collect()
        };
        let expected = [
            "An Phát Holdings",
            "Ánh Dương Solar",
            "Âu Lạc Trading",
            "Dương Kinh Steel",
            "Đông Anh Electronics",
            "Ông Bình Foods",
            "ơn Trời Coffee",
            "Uyên Minh",
            "Ưng Hòa Textiles",
            "Yên Thường Logistics",
            "Zeta Pharma",
        ];
        assert_eq!(names(false), expected);
        let mut reversed = expected.to_vec();
        reversed.reverse();
        assert_eq!(names(true), reversed);
        // Pages follow the same order.
        let page = store
            .list::<Organization>(&ListQuery {
                sort: Some("name_vi".into()),
                offset: 3,
                limit: Some(3),
                ..ListQuery::default()
            })
            .unwrap();
        let page: Vec<String> = page.items.into_iter().map(|r| r.data.name_vi).collect();
        assert_eq!(page, expected[3..6]);
    }
}

on_both! {
    fn an_interactions_itinerary_item_must_belong_to_its_delegation(store) {
        let delegation = |store: &mut Store, title: &str| -> i64 {
            store
                .create_json(
                    EntityKind::Delegations,
                    json!({"kind": "outbound", "title": title, "destination_country": "KR",
                           "time_zone": "Asia/Seoul"}),
                )
                .unwrap()["id"]
                .as_i64()
                .unwrap()
        };
        let (seoul, tokyo) = (
            delegation(&mut store, "Seoul"),
            delegation(&mut store, "Tokyo"),
        );
        let item = store
            .create_json(
                EntityKind::ItineraryItems,
                json!({"delegation_id": seoul, "kind": "meeting", "title": "Gặp KOTRA",
                       "starts_at": "2027-03-09T01:00:00Z", "ends_at": "2027-03-09T02:00:00Z",
                       "time_zone": "Asia/Seoul"}),
            )
            .unwrap()["id"]
            .as_i64()
            .unwrap();
        let interaction = |delegation: Value| {
            json!({"occurred_at": "2027-03-09T01:00:00Z", "kind": "meeting", "summary": "Họp",
                   "delegation_id": delegation, "itinerary_item_id": item})
        };
        for wrong in [json!(tokyo), Value::Null] {
            let Err(CoreError::Invalid(e)) =
                store.create_json(EntityKind::Interactions, interaction(wrong.clone()))
            else {
                panic!("an item of Seoul was accepted with delegation {wrong}")
            };
            assert_eq!(
                (e[0].field.as_str(), e[0].code.as_str()),
                ("itinerary_item_id", "not_same_parent"),
                "{e:?}"
            );
            assert!(e[0].message_en.contains(&format!("delegation_id {seoul}")));
        }
        let ok = store
            .create_json(EntityKind::Interactions, interaction(json!(seoul)))
            .unwrap();
        // Moving it to another delegation without its item is refused the same way.
        let Err(CoreError::Invalid(e)) = store.update_json(
            EntityKind::Interactions,
            ok["id"].as_i64().unwrap(),
            json!({"delegation_id": tokyo}),
        ) else {
            panic!("moved away from its item's delegation")
        };
        assert_eq!(e[0].code, "not_same_parent");
    }
}
