//! Words: an English screen counts with English plurals ("1 row rejected", "Import 1 contact",
//! "Shares 1 sector", never "1 rows") and quotes with “”, never «».

use planner_e2e::{artifacts, by_test_id, create, planner, App, Scenario};

/// The text the window shows now, checked for the faults English must not have.
fn english_text(app: &App, what: &str) -> String {
    let text = app
        .script("return document.body.innerText;", vec![])
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(
        !text.contains('«') && !text.contains('»'),
        "{what}: «» in English:\n{text}"
    );
    for wrong in [
        "1 rows",
        "1 contacts",
        "1 sectors",
        "1 organisations",
        "(s)",
    ] {
        assert!(!text.contains(wrong), "{what}: “{wrong}” in:\n{text}");
    }
    text
}

#[test]
fn an_english_screen_counts_one_in_the_singular() {
    let scenario = Scenario::begin("e2e-words.db");
    let db = scenario.db();
    planner(db, &["init"]);
    let organization = create(
        db,
        "organizations",
        serde_json::json!({"name_vi": "Công ty Một Lĩnh Vực", "name_en": "One Sector Co.",
                           "country": "JP", "sectors": ["semiconductors"]}),
    );
    create(
        db,
        "opportunities",
        serde_json::json!({"name_vi": "Khu thử nghiệm bán dẫn", "name_en": "Chip test park",
                           "location": "Hà Nội", "source": "Sở Công Thương Hà Nội",
                           "sectors": ["semiconductors", "electronics"]}),
    );
    // One good row, one with a bad email: one of each count.
    let csv = scenario.dir().join("one-each.csv");
    std::fs::write(
        &csv,
        "Full name,Email\r\nAn Singular,an.singular@example.vn\r\nBad Mail,bad@@mail\r\n",
    )
    .unwrap();

    let app = scenario.launch();
    app.wait_for(&by_test_id("dashboard-loaded"), 30);
    app.click(&by_test_id("nav-settings"));
    app.click(&by_test_id("language-en"));
    app.wait_for_text(&by_test_id("nav-briefs"), "Briefs", 10);

    app.script(
        "window.location.hash = '#/contacts/import'; return true;",
        vec![],
    );
    app.type_into(&by_test_id("import-path"), csv.to_str().unwrap());
    app.click(&by_test_id("import-load"));
    app.wait_for_text(&by_test_id("import-counts"), "2 rows read", 20);
    app.wait_for_text(
        &by_test_id("import-counts"),
        "1 contact would be created",
        5,
    );
    app.wait_for_text(&by_test_id("import-counts"), "1 row rejected", 5);
    app.wait_for_text(&by_test_id("import-run"), "Import 1 contact", 5);
    english_text(&app, "import preview");
    app.click(&by_test_id("import-run"));
    let result = format!("{}[data-dry-run=false]", by_test_id("import-result"));
    app.wait_for_text(&result, "Created 1 contact and 0 organisations", 20);
    app.wait_for_text(&result, "1 row rejected", 5);
    english_text(&app, "import result");
    app.screenshot(&artifacts().join("words-import-en.png"));

    app.click(&by_test_id("nav-briefs"));
    app.wait_for(&by_test_id("brief-composer"), 10);
    app.click("[name=audience_kind][value=organization]");
    // The organisations arrive after the picker shows: choose once the option is there.
    app.wait_for(
        &format!("[name=organization_id] option[value='{organization}']"),
        10,
    );
    app.set_value("[name=organization_id]", &organization.to_string());
    // The opportunity's checkbox carries its test id; its words are in the composer around it.
    app.wait_for(&by_test_id("brief-opportunity"), 10);
    app.wait_for_text(&by_test_id("brief-composer"), "Shares 1 sector", 10);
    english_text(&app, "brief composer");
    app.screenshot(&artifacts().join("words-brief-en.png"));
}
