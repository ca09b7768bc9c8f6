//! Sectors from one list (#13.2): records hold only the store's sector tags, an officer adds
//! sectors with their names, briefs name added sectors, and the free text older versions stored
//! is mapped to tags by migration 10 (or kept, marked for review).

use planner_core::briefs::{self, Audience, BriefRequest};
use planner_core::domain::{BriefLanguage, EntityKind};
use planner_core::store::migrate_to;
use planner_core::Store;
use serde_json::json;

use crate::field_codes as field_errors;

on_both! {
    fn a_record_holds_only_known_sectors_and_an_added_one_is_named_in_briefs(store) {
        let org = json!({"kind": "investor", "name_vi": "Công ty Xe Việt", "country": "VN",
                         "sectors": ["semiconductors", "Bán dẫn", "ô tô điện"]});
        let err = store
            .create_json(EntityKind::Organizations, org.clone())
            .unwrap_err();
        assert_eq!(
            field_errors(err),
            [
                ("sectors[1]".to_owned(), "unknown_sector".to_owned()),
                ("sectors[2]".to_owned(), "unknown_sector".to_owned())
            ]
        );
        let added = store.add_sector("Ô tô điện", "Electric vehicles").unwrap();
        assert_eq!(added.tag, "electric_vehicles");
        let again = store
            .add_sector("Xe điện", "Electric Vehicles")
            .unwrap_err();
        assert_eq!(
            field_errors(again),
            [("name_en".to_owned(), "sector_exists".to_owned())]
        );
        let blank = store.add_sector(" ", "Drones").unwrap_err();
        assert_eq!(
            field_errors(blank),
            [("name_vi".to_owned(), "required".to_owned())]
        );

        let org = json!({"kind": "investor", "name_vi": "Công ty Xe Việt", "country": "VN",
                         "sectors": ["semiconductors", "electric_vehicles"]});
        let created = store.create_json(EntityKind::Organizations, org).unwrap();
        let id = created["id"].as_i64().unwrap();
        // A lead, a delegation and an opportunity are held to the same list.
        let lead = json!({"organization_id": id, "title": "Nhà máy", "sectors": ["drones"]});
        let err = store.create_json(EntityKind::Leads, lead).unwrap_err();
        assert_eq!(field_errors(err)[0].1, "unknown_sector");

        let model = briefs::preview(
            &store,
            &BriefRequest::new(Audience::Organization { id }, BriefLanguage::Bi),
        )
        .unwrap();
        let text = serde_json::to_string(&model).unwrap();
        assert!(
            text.contains("Ô tô điện") && text.contains("Electric vehicles"),
            "{text}"
        );
        assert!(
            !text.contains("electric_vehicles"),
            "the tag reached the brief"
        );
        let tags: Vec<String> = store
            .sectors()
            .unwrap()
            .sectors
            .into_iter()
            .map(|s| s.tag)
            .collect();
        assert!(
            tags.contains(&"real_estate".to_owned())
                && tags.ends_with(&["electric_vehicles".to_owned()])
        );
    }
}

#[test]
fn migration_10_maps_free_text_sectors_to_tags_and_keeps_the_rest_for_review() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v9.db");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        migrate_to(&mut conn, 9).unwrap();
        conn.execute_batch(
            r#"INSERT INTO organizations (id, uuid, created_at, updated_at, kind, name_vi, country, size, sectors)
               VALUES (1, '0f8e8f6a-3c1b-4c43-9d4c-6b1f7a1d2e3f', '2025-01-01T00:00:00.000Z',
                       '2025-01-01T00:00:00.000Z', 'investor', 'Công ty Đông Á', 'VN', 'unknown',
                       '["semiconductors", "Bán dẫn", " phan mem ", "Ô tô điện", "E-commerce"]');
               INSERT INTO briefs (id, uuid, created_at, updated_at, title, language, audience_kind,
                       sector, include_personal_data, version)
               VALUES (1, 'af5b2f8d-6c7e-4daf-9a01-5c6d7e8f9012', '2025-01-01T00:00:00.000Z',
                       '2025-01-01T00:00:00.000Z', 'Bản tin', 'vi', 'sector', 'Logistics', 0, 1);"#,
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let org = store.get_json(EntityKind::Organizations, 1).unwrap();
    assert_eq!(
        org["sectors"],
        json!(["semiconductors", "software", "o_to_dien", "e_commerce"])
    );
    let brief = store.get_json(EntityKind::Briefs, 1).unwrap();
    assert_eq!(brief["sector"], "logistics");
    let kept: Vec<_> = store
        .sectors()
        .unwrap()
        .sectors
        .into_iter()
        .filter(|s| s.from_free_text)
        .map(|s| (s.tag, s.name.vi, s.name.en))
        .collect();
    assert_eq!(
        kept,
        [(
            "o_to_dien".to_owned(),
            "Ô tô điện".to_owned(),
            "Ô tô điện".to_owned()
        )]
    );
}
