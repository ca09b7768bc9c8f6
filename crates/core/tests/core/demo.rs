use chrono::NaiveDate;
use planner_core::demo::{seed_demo, seed_on_first_start, seed_synthetic};
use planner_core::domain::*;
use planner_core::store::{Filter, ListQuery};
use planner_core::CoreError;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

on_both! {
    fn demo_seeds_the_whole_domain_once(store) {
        assert!(seed_on_first_start(&mut store, today()).unwrap());
        for (kind, at_least) in [
            (EntityKind::Offices, 5),
            (EntityKind::Counsellors, 5),
            (EntityKind::Organizations, 30),
            (EntityKind::Contacts, 30),
            (EntityKind::Delegations, 2),
            (EntityKind::Members, 10),
            (EntityKind::ItineraryItems, 10),
            (EntityKind::Interactions, 20),
            (EntityKind::Leads, 8),
            (EntityKind::Opportunities, 6),
        ] {
            let n = store.count(kind).unwrap();
            assert!(n >= at_least, "{kind}: {n} < {at_least}");
        }
        for stage in LeadStage::ALL {
            let name = serde_json::to_value(stage).unwrap();
            let q = ListQuery {
                filters: vec![Filter {
                    field: "stage".into(),
                    value: name.as_str().unwrap().into(),
                    op: None,
                }],
                ..Default::default()
            };
            assert!(
                store.list::<Lead>(&q).unwrap().total > 0,
                "a lead at stage {name}"
            );
        }
        let outbound = store
            .list::<Delegation>(&ListQuery {
                filters: vec![Filter::parse("destination_country=JP").unwrap()],
                ..Default::default()
            })
            .unwrap();
        assert!(!outbound.items.is_empty(), "the Japan/Korea mission");
        let q = ListQuery {
            filters: vec![Filter::parse("kind=hitech_zone").unwrap()],
            ..Default::default()
        };
        let hoa_lac = store.list::<Opportunity>(&q).unwrap();
        assert!(
            hoa_lac
                .items
                .iter()
                .any(|o| o.data.name_vi.contains("Hòa Lạc")),
            "Hòa Lạc with its accents"
        );
        // Items fall inside their delegation's dates, in the delegation's local days.
        for d in store
            .list::<Delegation>(&ListQuery::default())
            .unwrap()
            .items
        {
            let q = ListQuery {
                filters: vec![Filter {
                    field: "delegation_id".into(),
                    value: d.meta.id.to_string(),
                    op: None,
                }],
                ..Default::default()
            };
            for item in store.list::<ItineraryItem>(&q).unwrap().items {
                let local = planner_core::time::utc_to_local(item.data.starts_at, &item.data.time_zone)
                    .unwrap()
                    .date();
                assert!(
                    Some(local) >= d.data.start_date && Some(local) <= d.data.end_date,
                    "{} on {local}",
                    item.data.title
                );
            }
        }
        // Never twice, and never into a store with data.
        assert!(!seed_on_first_start(&mut store, today()).unwrap());
        assert!(matches!(
            seed_demo(&mut store, today()),
            Err(CoreError::NotEmpty)
        ));
        store.wipe().unwrap();
        assert!(store.is_empty().unwrap());
    }
}

on_both! {
    fn first_start_leaves_user_data_alone(store) {
        store
            .create(&Organization {
                name_vi: "Của người dùng".into(),
                country: "VN".into(),
                ..Default::default()
            })
            .unwrap();
        assert!(!seed_on_first_start(&mut store, today()).unwrap());
        assert_eq!(store.count(EntityKind::Organizations).unwrap(), 1);
    }
}

on_both! {
    fn synthetic_scale_is_proportional_and_valid(store) {
        seed_synthetic(&mut store, 50, 7).unwrap();
        assert_eq!(store.count(EntityKind::Organizations).unwrap(), 50);
        assert_eq!(store.count(EntityKind::Contacts).unwrap(), 100);
        assert_eq!(store.count(EntityKind::Interactions).unwrap(), 150);
        assert_eq!(store.count(EntityKind::Leads).unwrap(), 25);
    }
}

on_both! {
    /// A new user sees the Tokyo trade office among the trusted offices and one verified brief
    /// from it in the Inbox, imported through the real path; a reset demo receives it again.
    fn demo_holds_a_verified_brief_from_the_tokyo_office(store) {
        use planner_core::exchange::views::{AdoptState, ImportStatus};
        use planner_core::exchange::{adopt, import, received, trust};
        let t = std::time::Instant::now();
        seed_demo(&mut store, today()).unwrap();
        let offices = trust::list(&store).unwrap();
        assert_eq!(offices.len(), 1);
        assert_eq!(
            (
                offices[0].office_code.as_deref(),
                offices[0].trusted_by.as_str()
            ),
            (Some("TV-TOKYO"), "demo")
        );
        let inbox = received::inbox(&store).unwrap();
        assert_eq!(inbox.len(), 1);
        assert!(inbox[0].verified && !inbox[0].personal_data);
        assert_eq!(inbox[0].office_name_en, "Trade Office of Viet Nam in Japan");
        let detail = received::detail(&store, inbox[0].id).unwrap();
        assert_eq!(detail.opportunities.len(), 2);
        assert!(detail
            .opportunities
            .iter()
            .all(|o| o.state == AdoptState::New));
        assert_eq!(detail.opportunities[0].images.len(), 1);
        assert!(received::pdf_path(&store, inbox[0].id).unwrap().is_file());
        eprintln!("demo seeded with its received brief in {:?}", t.elapsed());
        let again = import::import_bytes(
            &mut store,
            planner_core::demo::tokyo::TOKYO_BUNDLE,
            false,
            "cli",
        )
        .unwrap();
        assert_eq!(again.status, ImportStatus::AlreadyReceived);
        let report = adopt::adopt(&mut store, inbox[0].id, None, &[]).unwrap();
        assert_eq!(report.created.len(), 2);

        store.wipe().unwrap();
        seed_demo(&mut store, today()).unwrap();
        assert_eq!(
            received::inbox(&store).unwrap().len(),
            1,
            "received again after a reset"
        );
        assert_eq!(
            trust::list(&store).unwrap().len(),
            1,
            "the office trusted once"
        );
    }
}
