//! Contacts: import a CSV with one bad row through the import screen (the path typed, as the
//! native dialog cannot be driven), see that row's error with its line, import the rest, then
//! find one of the new people with Ctrl+K by typing the name without accents.

use planner_e2e::{artifacts, by_test_id, planner, Scenario};
use serde_json::Value;

#[test]
fn import_with_a_bad_row_then_find_without_accents() {
    let scenario = Scenario::begin("e2e-contacts.db");
    let db = scenario.db();
    let csv = scenario.dir().join("danh-ba.csv");
    std::fs::write(
        &csv,
        "\u{feff}Họ và tên;Email;Di động;Công ty\r\n\
         Lương Thị Xuân Đào;dao.luong@vietcombank.com.vn;0912 777 001;Vietcombank\r\n\
         Đinh Công Tráng;trang@@sai;0912 777 002;Vietcombank\r\n\
         Kiều Minh Đức;duc.kieu@fpt.com.vn;0912 777 003;FPT\r\n",
    )
    .unwrap();
    {
        let app = scenario.launch();
        app.wait_for(&by_test_id("dashboard-loaded"), 30);
        app.script(
            "window.location.hash = '#/contacts/import'; return true;",
            vec![],
        );
        app.type_into(&by_test_id("import-path"), csv.to_str().unwrap());
        app.click(&by_test_id("import-load"));
        app.wait_for(&by_test_id("import-preview"), 20);
        let err = app.wait_for(&by_test_id("import-error"), 10);
        let text = app.text(&err);
        assert!(
            text.contains('3') && text.contains("Email"),
            "row error: {text}"
        );
        app.screenshot(&artifacts().join("import-preview.png"));
        app.click(&by_test_id("import-run"));
        app.wait_for(
            &format!("{}[data-dry-run=false]", by_test_id("import-result")),
            20,
        );

        // Ctrl+K, type the name without accents, open the person.
        app.script(
            "window.dispatchEvent(new KeyboardEvent('keydown', {key: 'k', ctrlKey: true, bubbles: true})); return true;",
            vec![],
        );
        app.type_into(&by_test_id("search-input"), "luong thi xuan dao");
        app.wait_for_text(&by_test_id("search-hit"), "Lương Thị Xuân Đào", 10);
        app.screenshot(&artifacts().join("search.png"));
        app.click(&by_test_id("search-hit"));
        app.wait_for_text(&by_test_id("detail-title"), "Lương Thị Xuân Đào", 10);
    }
    let people: Value =
        serde_json::from_str(&planner(db, &["list", "contacts", "--json"])).unwrap();
    let names: Vec<&str> = people
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["full_name"].as_str())
        .collect();
    assert!(names.contains(&"Lương Thị Xuân Đào") && names.contains(&"Kiều Minh Đức"));
    assert!(
        !names.contains(&"Đinh Công Tráng"),
        "the bad row was not imported"
    );
    let dao = people
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["full_name"] == "Lương Thị Xuân Đào")
        .unwrap();
    assert_eq!(dao["phones"][0]["value"], "+84912777001");
    let imports = planner(db, &["import", "list"]);
    assert!(imports.contains("danh-ba.csv"), "{imports}");
}

/// The people list on a store of 6,000 people: the real window lays the virtual list out (row
/// heights measured, not assumed as in jsdom), keeps only the rows in view in the page, and
/// scrolling to the end reads the last page and shows its last person.
#[test]
fn a_long_people_list_scrolls_to_its_end_with_few_rows_in_the_page() {
    let scenario = Scenario::begin("e2e-people.db");
    let db = scenario.db();
    // 3,000 organisations with 2 people each (and their interactions and leads).
    planner(db, &["demo", "--scale", "3000"]);
    let total: usize = 6000;
    let last: Value = serde_json::from_str(&planner(
        db,
        &[
            "list",
            "contacts",
            "--sort",
            "full_name",
            "--desc",
            "--limit",
            "1",
            "--json",
        ],
    ))
    .unwrap();
    let last_name = last[0]["full_name"].as_str().unwrap().to_owned();

    let app = scenario.launch();
    app.wait_for(&by_test_id("dashboard-loaded"), 30);
    app.script(
        "window.location.hash = '#/contacts/people'; return true;",
        vec![],
    );
    app.wait_for(&by_test_id("person-row"), 20);
    app.wait_for_text(&by_test_id("pager-range"), "6.000", 10);
    let in_page = app.find_all("[data-virtual-row]").len();
    assert!(
        (5..80).contains(&in_page),
        "{in_page} rows in the page for {total} people"
    );

    // To the end: the grid's own scrollbar, as a user drags it.
    app.script(
        "const g = document.querySelector('[role=grid]'); g.scrollTop = g.scrollHeight; return g.scrollHeight;",
        vec![],
    );
    app.wait_for(
        &format!("{}[data-index='{}']", by_test_id("person-row"), total - 1),
        20,
    );
    app.wait_for_text(&by_test_id("person-row"), &last_name, 10);
    app.wait_for_text(&by_test_id("pager-range"), "6.000 trên 6.000", 10);
    let in_page = app.find_all("[data-virtual-row]").len();
    assert!(
        in_page < 80,
        "{in_page} rows in the page after scrolling to the end"
    );
    app.screenshot(&artifacts().join("people-list-end.png"));
}
