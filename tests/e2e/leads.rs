//! Leads: an officer adds one from an organisation's page (that organisation already chosen),
//! is refused without a title, saves it, lands on its page, and finds it on the board in the
//! first stage.

use planner_e2e::{artifacts, by_test_id, planner, Scenario};
use serde_json::Value;

#[test]
fn a_new_lead_from_an_organisation_opens_its_page_and_sits_in_the_first_column() {
    let scenario = Scenario::begin("e2e-leads-new.db");
    let db = scenario.db();
    planner(db, &["demo"]);
    let listed: Value = serde_json::from_str(&planner(
        db,
        &["list", "organizations", "--json", "--limit", "1"],
    ))
    .unwrap();
    let org = &listed[0];
    let org_id = org["id"].as_i64().expect("the demo has organisations");
    let title = "Trung tâm R&D bán dẫn – e2e cơ hội mới";
    let lead_id = {
        let app = scenario.launch();
        app.wait_for(&by_test_id("dashboard-loaded"), 30);
        app.go(&format!("#/contacts/organizations/{org_id}"));
        app.wait_for(&by_test_id("organization-detail"), 10);
        app.click(&by_test_id("organization-new-lead"));

        // The form opens with this organisation fixed (named in the interface's language).
        let form = by_test_id("lead-form");
        app.wait_for(&form, 10);
        let organisation = by_test_id("lead-form-organization");
        app.wait_for(&organisation, 5);
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        while ![&org["name_vi"], &org["name_en"]].contains(&&app.value_of(&organisation)) {
            assert!(
                std::time::Instant::now() < deadline,
                "the organisation is not named: {}",
                app.value_of(&organisation)
            );
            std::thread::sleep(std::time::Duration::from_millis(100));
        }

        // Without a title the core refuses, next to the title.
        app.click(&by_test_id("save"));
        app.wait_for(&by_test_id("error-title"), 10);

        app.type_into(&format!("{form} [name=title]"), title);
        app.type_into(&format!("{form} [name=expected_capital_minor]"), "25000000");
        app.screenshot(&artifacts().join("lead-new.png"));
        app.click(&by_test_id("save"));

        // Saved: the lead's own page, at the first stage.
        app.wait_for_text(&by_test_id("detail-title"), title, 10);
        app.wait_for(&by_test_id("lead-detail"), 5);
        assert_eq!(app.value_of(&by_test_id("lead-stage")), "lead");
        let hash = app.script("return window.location.hash;", vec![]);
        let lead_id: i64 = hash
            .as_str()
            .and_then(|h| h.strip_prefix("#/pipeline/leads/"))
            .and_then(|id| id.parse().ok())
            .unwrap_or_else(|| panic!("not on a lead's page: {hash}"));

        // The board shows it in the first column (its page's link brings it into view). The
        // column scrolls, so its card is found by id and its title read as text content.
        app.click(&by_test_id("lead-on-board"));
        let card = format!(
            "[data-testid=pipeline-column][data-stage=lead] [data-lead-id=\"{lead_id}\"] [data-testid=card-title]"
        );
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        loop {
            let shown = app.script(
                "const e = document.querySelector(arguments[0]); return e ? e.textContent : null;",
                vec![serde_json::json!(card)],
            );
            if shown.as_str() == Some(title) {
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "the board's first column has no card «{title}»: {shown}"
            );
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        app.screenshot(&artifacts().join("lead-new-on-board.png"));
        lead_id
    };
    let stored: Value = serde_json::from_str(&planner(
        db,
        &["show", "leads", &lead_id.to_string(), "--json"],
    ))
    .unwrap();
    assert_eq!(stored["organization_id"], org_id);
    assert_eq!(stored["title"], title);
    assert_eq!(stored["stage"], "lead");
    assert_eq!(stored["expected_capital_minor"], 2_500_000_000_i64);
    assert_eq!(stored["expected_capital_currency"], "USD");
}
