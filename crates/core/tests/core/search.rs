//! Search: accent-insensitive (đ/Đ included), prefix matching, grouped by kind, in step with
//! every write.

use planner_core::domain::*;
use planner_core::Store;

fn hits(store: &Store, q: &str) -> Vec<(EntityKind, String)> {
    store
        .search(q, 20)
        .unwrap()
        .groups
        .into_iter()
        .flat_map(|g| g.hits)
        .map(|h| (h.kind, h.label))
        .collect()
}

fn finds(store: &Store, q: &str, label: &str) -> bool {
    hits(store, q).iter().any(|(_, l)| l == label)
}

on_both! {
    fn vietnamese_and_foreign_names_are_found_with_or_without_accents(store) {
        for (name, city, country) in [
            ("Công ty CP Đầu tư Đà Nẵng", "Đà Nẵng", "VN"),
            ("Khu Công nghệ cao Hòa Lạc", "Hà Nội", "VN"),
            ("Nguyễn Kim Trading", "TP. Hồ Chí Minh", "VN"),
            ("Müller Präzisionstechnik GmbH", "Stuttgart", "DE"),
            ("Samsung Electronics", "Suwon", "KR"),
            ("株式会社デンソー", "Kariya", "JP"),
        ] {
            store
                .create(&Organization {
                    name_vi: name.into(),
                    city: Some(city.into()),
                    country: country.into(),
                    ..Organization::default()
                })
                .unwrap();
        }
        store
            .create(&Contact {
                full_name: "Nguyễn Thị Hồng Nhung".into(),
                phones: vec![Labelled {
                    label: "mobile".into(),
                    value: "+84 912 345 678".into(),
                }],
                ..Contact::default()
            })
            .unwrap();
        store
            .create(&Contact {
                full_name: "Đỗ Đức Đạt".into(),
                ..Contact::default()
            })
            .unwrap();
        let table: &[(&str, &str, bool)] = &[
            ("da nang", "Công ty CP Đầu tư Đà Nẵng", true),
            ("Đà Nẵng", "Công ty CP Đầu tư Đà Nẵng", true),
            ("DA NANG", "Công ty CP Đầu tư Đà Nẵng", true),
            ("đà", "Công ty CP Đầu tư Đà Nẵng", true),
            ("hoa lac", "Khu Công nghệ cao Hòa Lạc", true),
            ("Hoà Lạc", "Khu Công nghệ cao Hòa Lạc", true),
            ("hòa", "Khu Công nghệ cao Hòa Lạc", true),
            ("nguyen", "Nguyễn Thị Hồng Nhung", true),
            ("nguyen", "Nguyễn Kim Trading", true),
            ("Nguyễn", "Nguyễn Thị Hồng Nhung", true),
            ("ngu nhu", "Nguyễn Thị Hồng Nhung", true),
            ("do duc dat", "Đỗ Đức Đạt", true),
            ("dat", "Đỗ Đức Đạt", true),
            ("ĐẠT", "Đỗ Đức Đạt", true),
            ("muller", "Müller Präzisionstechnik GmbH", true),
            ("präzision", "Müller Präzisionstechnik GmbH", true),
            ("sams", "Samsung Electronics", true),
            ("デンソー", "株式会社デンソー", false),
            ("0912345678", "Nguyễn Thị Hồng Nhung", true),
            ("84912345678", "Nguyễn Thị Hồng Nhung", true),
            ("912", "Nguyễn Thị Hồng Nhung", true),
            ("hanoi", "Khu Công nghệ cao Hòa Lạc", false),
            ("ha noi", "Khu Công nghệ cao Hòa Lạc", true),
            ("lac hoa", "Khu Công nghệ cao Hòa Lạc", true),
            ("nang da xyz", "Công ty CP Đầu tư Đà Nẵng", false),
        ];
        let mut wrong = Vec::new();
        for (q, label, expected) in table {
            if finds(&store, q, label) != *expected {
                wrong.push(format!(
                    "{q:?} → {label}: expected {expected}, got {:?}",
                    hits(&store, q)
                ));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }
}

on_both! {
    fn the_index_follows_every_write(store) {
        let org = store
            .create(&Organization {
                name_vi: "Tập đoàn Điện lực".into(),
                country: "VN".into(),
                ..Organization::default()
            })
            .unwrap();
        assert!(finds(&store, "dien luc", "Tập đoàn Điện lực"));
        store
            .update_json(
                EntityKind::Organizations,
                org.meta.id,
                serde_json::json!({"name_vi": "Tổng công ty Đường sắt"}),
            )
            .unwrap();
        assert!(!finds(&store, "dien luc", "Tập đoàn Điện lực"));
        assert!(finds(&store, "duong sat", "Tổng công ty Đường sắt"));
        store
            .delete(EntityKind::Organizations, org.meta.id)
            .unwrap();
        assert!(hits(&store, "duong sat").is_empty());
        // A failed write leaves the index as it was.
        let bad = store.create_json(
            EntityKind::Organizations,
            serde_json::json!({"name_vi": "Công ty Ma", "country": "xx"}),
        );
        assert!(bad.is_err());
        assert!(hits(&store, "cong ty ma").is_empty());
    }
}

on_both! {
    fn results_are_grouped_by_kind_and_ranked_title_first(store) {
        planner_core::demo::seed_demo(
            &mut store,
            chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
        )
        .unwrap();
        let r = store.search("hoa lac", 5).unwrap();
        let kinds: Vec<EntityKind> = r.groups.iter().map(|g| g.kind).collect();
        assert!(kinds.contains(&EntityKind::Opportunities), "{kinds:?}");
        assert!(kinds.contains(&EntityKind::Delegations), "{kinds:?}");
        let opp = r
            .groups
            .iter()
            .find(|g| g.kind == EntityKind::Opportunities)
            .unwrap();
        assert!(opp.hits.len() <= 5 && opp.total >= opp.hits.len() as i64);
        assert!(opp.hits[0].label.contains("Hòa Lạc"), "{:?}", opp.hits[0]);
        // Order of groups follows the kinds' order.
        let order: Vec<usize> = kinds
            .iter()
            .map(|k| {
                planner_core::search::KINDS
                    .iter()
                    .position(|x| x == k)
                    .unwrap()
            })
            .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]));
        // Rebuilding gives the same answers.
        let before = store.search("nguyen", 50).unwrap();
        store.rebuild_search_index().unwrap();
        assert_eq!(store.search("nguyen", 50).unwrap(), before);
        assert!(store.search("\"*", 5).unwrap().groups.is_empty());
    }
}

on_both! {
    fn hits_without_a_page_of_their_own_name_the_page_that_shows_them(store) {
        use planner_core::search::SearchParent;
        use planner_core::store::ListQuery;
        planner_core::demo::seed_demo(
            &mut store,
            chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
        )
        .unwrap();
        fn all(store: &Store, kind: EntityKind) -> Vec<serde_json::Value> {
            store.list_json(kind, &ListQuery::default()).unwrap().items
        }
        fn parent(store: &Store, kind: EntityKind, id: i64, label: &str) -> Option<SearchParent> {
            let found = store.search(label, 50).unwrap();
            let hit = found
                .groups
                .iter()
                .flat_map(|g| &g.hits)
                .find(|h| h.kind == kind && h.id == id)
                .unwrap_or_else(|| panic!("{label} not found as {kind:?} {id}"));
            hit.parent
        }
        // A lead has a page of its own (#13.18): it names no other.
        let lead = &all(&store, EntityKind::Leads)[0];
        assert_eq!(
            parent(
                &store,
                EntityKind::Leads,
                lead["id"].as_i64().unwrap(),
                lead["title"].as_str().unwrap()
            ),
            None
        );
        let item = &all(&store, EntityKind::ItineraryItems)[0];
        assert_eq!(
            parent(
                &store,
                EntityKind::ItineraryItems,
                item["id"].as_i64().unwrap(),
                item["title"].as_str().unwrap()
            ),
            Some(SearchParent {
                kind: EntityKind::Delegations,
                id: item["delegation_id"].as_i64().unwrap()
            })
        );
        // An interaction: its organisation, else its first person, else its delegation.
        let org = all(&store, EntityKind::Organizations)[0]["id"]
            .as_i64()
            .unwrap();
        let people: Vec<i64> = all(&store, EntityKind::Contacts)
            .iter()
            .take(2)
            .map(|c| c["id"].as_i64().unwrap())
            .collect();
        let delegation = all(&store, EntityKind::Delegations)[0]["id"]
            .as_i64()
            .unwrap();
        for (summary, fields, expected) in [
            (
                "Gọi điện hỏi thuê đất Quỳnh Lưu",
                serde_json::json!({"organization_id": org, "contact_ids": people}),
                Some((EntityKind::Organizations, org)),
            ),
            (
                "Gửi thư mời Xứ Nghệ",
                serde_json::json!({"contact_ids": [people[1], people[0]], "delegation_id": delegation}),
                Some((EntityKind::Contacts, people[1])),
            ),
            (
                "Họp chuẩn bị Yên Bái",
                serde_json::json!({"delegation_id": delegation}),
                Some((EntityKind::Delegations, delegation)),
            ),
            ("Ghi chú Tây Bắc", serde_json::json!({}), None),
        ] {
            let mut input = serde_json::json!({"occurred_at": "2027-01-05T02:00:00Z", "kind": "call", "summary": summary});
            for (k, v) in fields.as_object().unwrap() {
                input[k] = v.clone();
            }
            let id = store.create_json(EntityKind::Interactions, input).unwrap()["id"]
                .as_i64()
                .unwrap();
            assert_eq!(
                parent(&store, EntityKind::Interactions, id, summary),
                expected.map(|(kind, id)| SearchParent { kind, id }),
                "{summary}"
            );
        }
        // Kinds with their own page have none.
        let o = &all(&store, EntityKind::Organizations)[0];
        assert_eq!(
            parent(
                &store,
                EntityKind::Organizations,
                org,
                o["name_vi"].as_str().unwrap()
            ),
            None
        );
    }
}

on_both! {
    /// Words split where FTS5 splits them: a circled letter (ⓐ, a symbol to FTS5, a letter to
    /// Rust) in a name or a query must not make a quoted word two tokens, which an index without
    /// positions refuses as a phrase. Erasing such a person works too.
    fn symbols_inside_words_split_them_as_the_index_does(store) {
        let odd = store
            .create(&Contact {
                full_name: "Lê BìnhⓐKhang⑳".into(),
                notes: Some("Gặp Lê BìnhⓐKhang⑳ ở Đà Nẵng".into()),
                ..Contact::default()
            })
            .unwrap();
        for q in ["binhⓐkhang", "le binhⓐkh", "khang⑳", "aⓐb"] {
            store.search(q, 5).unwrap_or_else(|e| panic!("{q}: {e}"));
        }
        assert!(finds(&store, "le binhⓐkh", "Lê BìnhⓐKhang⑳"));
        assert!(finds(&store, "binhⓐkhang⑳", "Lê BìnhⓐKhang⑳"));
        let report = planner_core::people::erase_contact(&mut store, odd.meta.id).unwrap();
        assert_eq!(report.contact_id, odd.meta.id);
        assert!(hits(&store, "khang").is_empty());
    }
}

on_both! {
    /// A kind's total is exact below the cap and "COUNT_CAP+" above it, whichever the backend:
    /// SQLite counts in a statement of its own, PostgreSQL with the window's (pg/0006).
    fn totals_are_exact_below_the_cap_and_capped_above_it(store) {
        // The store's window of ranked matches per kind and its cap on counting (store/search.rs).
        const RANK_WINDOW: i64 = 100;
        const COUNT_CAP: i64 = 1000;
        let add = |store: &mut Store, family: &str, n: i64| {
            store
                .transaction(|tx| {
                    for i in 0..n {
                        tx.create_json(
                            EntityKind::Contacts,
                            serde_json::json!({
                                "full_name": format!("{family} Văn {i}"),
                                "consent_basis": "consent",
                            }),
                        )?;
                    }
                    Ok(())
                })
                .unwrap();
        };
        add(&mut store, "Phạm", RANK_WINDOW + 20);
        add(&mut store, "Đỗ", COUNT_CAP + 5);
        let contacts = |store: &Store, q: &str| {
            store
                .search(q, 5)
                .unwrap()
                .groups
                .into_iter()
                .find(|g| g.kind == EntityKind::Contacts)
                .unwrap()
        };
        let pham = contacts(&store, "pham");
        assert_eq!((pham.total, pham.more, pham.hits.len()), (RANK_WINDOW + 20, false, 5));
        let pham_prefix = contacts(&store, "ph");
        assert_eq!(pham_prefix.total, RANK_WINDOW + 20);
        let do_ = contacts(&store, "do");
        assert_eq!((do_.total, do_.more), (COUNT_CAP, true));
        let one = contacts(&store, "do van 1004");
        assert_eq!((one.total, one.hits[0].label.as_str()), (1, "Đỗ Văn 1004"));
    }
}
