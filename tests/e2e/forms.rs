//! Forms: unsaved edits are asked about before the page changes (kept or discarded as chosen),
//! and sectors are picked from the one list (an added one too) and named in the lists.

use planner_e2e::{artifacts, by_test_id, create, planner, Scenario};
use serde_json::Value;
use std::path::Path;

fn show(db: &Path, entity: &str, id: i64) -> Value {
    serde_json::from_str(&planner(db, &["show", entity, &id.to_string(), "--json"])).unwrap()
}

#[test]
fn leaving_a_dirty_delegation_form_asks_then_keeps_or_discards() {
    let scenario = Scenario::begin("e2e-forms-leave.db");
    let db = scenario.db();
    planner(db, &["init"]);
    let delegation = create(
        db,
        "delegations",
        serde_json::json!({"title": "Đoàn Nhật Bản – e2e biểu mẫu", "destination_country": "JP",
                           "destination_city": "Tokyo", "time_zone": "Asia/Tokyo",
                           "start_date": "2027-03-08", "end_date": "2027-03-13"}),
    );
    {
        let app = scenario.launch();
        app.wait_for(&by_test_id("dashboard-loaded"), 30);
        app.go(&format!("#/delegations/{delegation}/edit"));
        let form = by_test_id("delegation-form");
        let city = format!("{form} [name=destination_city]");
        app.wait_for(&form, 10);
        app.wait_for_value(&city, "Tokyo", 5);
        app.type_into(&city, "Osaka");

        // Another menu item: asked, and "keep editing" stays with the edit.
        app.click(&by_test_id("nav-dashboard"));
        app.wait_for(&by_test_id("leave-confirm"), 10);
        app.screenshot(&artifacts().join("leave-confirm.png"));
        app.click(&by_test_id("leave-keep"));
        assert!(app.find_all(&by_test_id("leave-confirm")).is_empty());
        app.wait_for(&form, 5);
        assert_eq!(app.value_of(&city), "Osaka");
        let hash = app.script("return window.location.hash;", vec![]);
        assert_eq!(hash, format!("#/delegations/{delegation}/edit"));

        // Asked again: "discard" leaves, and nothing was saved.
        app.click(&by_test_id("nav-delegations"));
        app.click(&by_test_id("leave-discard"));
        app.wait_for_text(&by_test_id("delegation-row"), "e2e biểu mẫu", 10);
        assert!(app.find_all(&form).is_empty());
        assert!(app.find_all(&by_test_id("leave-confirm")).is_empty());
    }
    assert_eq!(
        show(db, "delegations", delegation)["destination_city"],
        "Tokyo"
    );
}

#[test]
fn sectors_are_picked_from_the_list_and_named_in_the_organisation_list() {
    let scenario = Scenario::begin("e2e-forms-sectors.db");
    let db = scenario.db();
    planner(db, &["init"]);
    planner(
        db,
        &[
            "sectors",
            "add",
            "--vi",
            "Thiết kế vi mạch",
            "--en",
            "Chip design",
        ],
    );
    let sectors: Value =
        serde_json::from_str(&planner(db, &["sectors", "list", "--json"])).unwrap();
    let added = sectors
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"]["en"] == "Chip design")
        .expect("the added sector is listed")["tag"]
        .as_str()
        .unwrap()
        .to_owned();
    {
        let app = scenario.launch();
        app.wait_for(&by_test_id("dashboard-loaded"), 30);
        app.script(
            "window.location.hash = '#/contacts/organizations/new'; return true;",
            vec![],
        );
        let form = by_test_id("organization-form");
        app.wait_for(&form, 10);
        let picker = by_test_id("tags-sectors");
        // No free-text sectors field any more: only the list.
        assert!(app
            .find_all(&format!("{form} input[type=text][name=sectors]"))
            .is_empty());
        app.type_into(
            &format!("{form} [name=name_vi]"),
            "Công ty Bán dẫn Hwaseong",
        );
        app.type_into(&format!("{form} [name=country]"), "KR");
        app.click(&format!("{picker} input[value=semiconductors]"));
        app.click(&format!("{picker} input[value=real_estate]"));
        app.click(&format!("{picker} input[value=\"{added}\"]"));
        app.click(&by_test_id("save"));
        app.wait_for(&by_test_id("organization-detail"), 10);
        app.script(
            "window.location.hash = '#/contacts/organizations'; return true;",
            vec![],
        );
        // Each row's whole text (the name cell carries the row's test id).
        let rows = || -> Vec<String> {
            let texts = app.script(
                "return Array.from(document.querySelectorAll(arguments[0]))
                   .map(r => r.closest('[role=row]').textContent);",
                vec![Value::String(by_test_id("organization-row"))],
            );
            serde_json::from_value(texts).unwrap()
        };
        let row_named = |rows: &[String]| {
            rows.iter()
                .find(|r| r.contains("Hwaseong"))
                .cloned()
                .unwrap_or_default()
        };
        app.wait_for_text(&by_test_id("organization-row"), "Hwaseong", 10);
        assert!(
            row_named(&rows()).contains("Bán dẫn, Bất động sản, Thiết kế vi mạch"),
            "{:?}",
            rows()
        );
        // The list filters by the added sector too: only this organisation holds it.
        app.set_value(&by_test_id("filter-sector"), &added);
        for _ in 0..50 {
            if rows().len() == 1 {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        assert_eq!(rows().len(), 1, "{:?}", rows());
        assert!(row_named(&rows()).contains("Thiết kế vi mạch"));
        app.screenshot(&artifacts().join("organization-sectors.png"));
    }
    let listed: Value =
        serde_json::from_str(&planner(db, &["list", "organizations", "--json"])).unwrap();
    let text = listed.to_string();
    assert!(
        text.contains(&format!("[\"semiconductors\",\"real_estate\",\"{added}\"]")),
        "{text}"
    );
}
