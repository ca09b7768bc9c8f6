//! Edits that cannot silently overwrite each other: an organisation's form is open in the
//! window while the `planner` CLI changes the same record; saving in the window shows the other
//! change field by field, and the record ends with the values the officer chose.

use planner_e2e::{artifacts, by_test_id, create, planner, Scenario};
use serde_json::{json, Value};
use std::path::Path;

fn show(db: &Path, id: i64) -> Value {
    serde_json::from_str(&planner(
        db,
        &["show", "organizations", &id.to_string(), "--json"],
    ))
    .unwrap()
}

#[test]
fn a_change_made_with_the_cli_meanwhile_is_shown_and_chosen_field_by_field() {
    let scenario = Scenario::begin("e2e-revisions.db");
    let db = scenario.db();
    planner(db, &["init"]);
    let org = create(
        db,
        "organizations",
        json!({"name_vi": "Công ty Cơ khí Đông Anh", "country": "VN", "city": "Hà Nội"}),
    );
    {
        let app = scenario.launch();
        app.wait_for(&by_test_id("dashboard-loaded"), 30);
        app.go(&format!("#/contacts/organizations/{org}/edit"));
        let form = by_test_id("organization-form");
        let field = |name: &str| format!("{form} [name={name}]");
        app.wait_for(&form, 10);
        app.wait_for_value(&field("name_vi"), "Công ty Cơ khí Đông Anh", 5);
        app.type_into(&field("name_vi"), "Cơ khí Đông Anh (DAMC)");
        app.type_into(&field("city"), "Bắc Ninh");

        // Meanwhile a script changes the name and the website from the command line.
        let patch = db.with_extension("patch.json");
        std::fs::write(
            &patch,
            json!({"revision": 1, "name_vi": "Công ty CP Cơ khí Đông Anh",
                   "website": "https://damc.vn"})
            .to_string(),
        )
        .unwrap();
        planner(
            db,
            &[
                "update",
                "organizations",
                &org.to_string(),
                patch.to_str().unwrap(),
            ],
        );

        app.click(&by_test_id("save"));
        let panel = by_test_id("changed-elsewhere");
        app.wait_for(&panel, 10);
        let name_row = format!("{panel} {}", by_test_id("changed-name_vi"));
        let site_row = format!("{panel} {}", by_test_id("changed-website"));
        app.wait_for_text(&name_row, "Công ty CP Cơ khí Đông Anh", 5);
        app.wait_for_text(&name_row, "Cơ khí Đông Anh (DAMC)", 5);
        app.wait_for_text(&site_row, "https://damc.vn", 5);
        // The city was changed only here: nothing to choose.
        assert!(app
            .find_all(&format!("{panel} {}", by_test_id("changed-city")))
            .is_empty());
        app.screenshot(&artifacts().join("changed-elsewhere.png"));
        // Nothing was written by the refused save.
        assert_eq!(show(db, org)["city"], "Hà Nội");

        // Take the other name, keep the other website (already chosen), save.
        app.click(&format!("{name_row} {}", by_test_id("keep-theirs")));
        app.click(&by_test_id("save-with-choices"));
        app.wait_for(&by_test_id("organization-detail"), 10);
    }
    let saved = show(db, org);
    assert_eq!(
        (
            &saved["name_vi"],
            &saved["website"],
            &saved["city"],
            &saved["revision"]
        ),
        (
            &json!("Công ty CP Cơ khí Đông Anh"),
            &json!("https://damc.vn"),
            &json!("Bắc Ninh"),
            &json!(3)
        )
    );
}
