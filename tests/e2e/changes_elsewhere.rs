//! Changes another program makes to the store while the window is open: a `planner` command
//! creates an organisation and the open list shows it, with no navigation and no reload; a form
//! being edited keeps its unsaved input through the same refresh, and its save is then checked
//! against the other change (the revision).

use planner_e2e::{artifacts, by_test_id, create, planner, Scenario};
use serde_json::json;
use std::time::{Duration, Instant};

#[test]
fn an_organisation_created_with_the_cli_appears_in_the_open_list() {
    let scenario = Scenario::begin("e2e-changes-list.db");
    let db = scenario.db();
    planner(db, &["init"]);
    create(
        db,
        "organizations",
        json!({"name_vi": "Công ty Cảng Hải Phòng", "country": "VN"}),
    );
    let app = scenario.launch();
    app.wait_for(&by_test_id("dashboard-loaded"), 30);
    app.go("#/contacts/organizations");
    let list = by_test_id("organization-list");
    let row = format!("{list} {}", by_test_id("organization-row"));
    app.wait_for_text(&row, "Công ty Cảng Hải Phòng", 10);
    let hash_before = app.script("return location.hash;", vec![]);

    let started = Instant::now();
    create(
        db,
        "organizations",
        json!({"name_vi": "Công ty Bến Nghé", "country": "VN"}),
    );
    app.wait_for_text(&row, "Công ty Bến Nghé", 10);
    println!("shown {:?} after the CLI's commit", started.elapsed());
    app.wait_for_text(&row, "Công ty Cảng Hải Phòng", 1);
    assert_eq!(app.script("return location.hash;", vec![]), hash_before);
    app.screenshot(&artifacts().join("changes-elsewhere-list.png"));
}

#[test]
fn a_form_being_edited_keeps_its_input_when_the_store_changes_elsewhere() {
    let scenario = Scenario::begin("e2e-changes-form.db");
    let db = scenario.db();
    planner(db, &["init"]);
    let org = create(
        db,
        "organizations",
        json!({"name_vi": "Công ty May Nam Định", "country": "VN", "city": "Nam Định"}),
    );
    let app = scenario.launch();
    app.wait_for(&by_test_id("dashboard-loaded"), 30);
    app.go(&format!("#/contacts/organizations/{org}/edit"));
    let form = by_test_id("organization-form");
    let field = |name: &str| format!("{form} [name={name}]");
    app.wait_for(&form, 10);
    app.wait_for_value(&field("name_vi"), "Công ty May Nam Định", 5);
    app.type_into(&field("name_vi"), "May Nam Định (NDG)");

    // Another program writes: a new organisation, and this very record's city.
    create(
        db,
        "organizations",
        json!({"name_vi": "Công ty Dệt Thành Công", "country": "VN"}),
    );
    let patch = db.with_extension("patch.json");
    std::fs::write(&patch, json!({"city": "Hà Nam"}).to_string()).unwrap();
    planner(
        db,
        &[
            "update",
            "organizations",
            &org.to_string(),
            patch.to_str().unwrap(),
        ],
    );
    // The shell looks once a second; give it three.
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(app.value_of(&field("name_vi")), "May Nam Định (NDG)");
    assert_eq!(app.value_of(&field("city")), "Nam Định");

    // The save meets the other change through the revision check, field by field.
    app.click(&by_test_id("save"));
    let panel = by_test_id("changed-elsewhere");
    app.wait_for(&panel, 10);
    app.wait_for_text(
        &format!("{panel} {}", by_test_id("changed-city")),
        "Hà Nam",
        5,
    );
    assert_eq!(app.value_of(&field("name_vi")), "May Nam Định (NDG)");
}
