//! Contacts: import a CSV with one bad row through the import screen (the path typed, as the
//! native dialog cannot be driven), see that row's error with its line, import the rest, then
//! find one of the new people with Ctrl+K by typing the name without accents.

use planner_e2e::{artifacts, planner, App};
use serde_json::Value;

pub fn import_with_a_bad_row_then_find_without_accents() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e-contacts.db");
    let csv = dir.path().join("danh-ba.csv");
    std::fs::write(
        &csv,
        "\u{feff}Họ và tên;Email;Di động;Công ty\r\n\
         Lương Thị Xuân Đào;dao.luong@vietcombank.com.vn;0912 777 001;Vietcombank\r\n\
         Đinh Công Tráng;trang@@sai;0912 777 002;Vietcombank\r\n\
         Kiều Minh Đức;duc.kieu@fpt.com.vn;0912 777 003;FPT\r\n",
    )
    .unwrap();
    {
        let app = App::launch(&db);
        app.wait_for("[data-testid=dashboard-loaded]", 30);
        app.script(
            "window.location.hash = '#/contacts/import'; return true;",
            vec![],
        );
        app.type_into("[data-testid=import-path]", csv.to_str().unwrap());
        app.click("[data-testid=import-load]");
        app.wait_for("[data-testid=import-preview]", 20);
        let err = app.wait_for("[data-testid=import-error]", 10);
        let text = app.text(&err);
        assert!(
            text.contains('3') && text.contains("Email"),
            "row error: {text}"
        );
        app.screenshot(&artifacts().join("import-preview.png"));
        app.click("[data-testid=import-run]");
        app.wait_for("[data-testid=import-result][data-dry-run=false]", 20);

        // Ctrl+K, type the name without accents, open the person.
        app.script(
            "window.dispatchEvent(new KeyboardEvent('keydown', {key: 'k', ctrlKey: true, bubbles: true})); return true;",
            vec![],
        );
        app.type_into("[data-testid=search-input]", "luong thi xuan dao");
        app.wait_for_text("[data-testid=search-hit]", "Lương Thị Xuân Đào", 10);
        app.screenshot(&artifacts().join("search.png"));
        app.click("[data-testid=search-hit]");
        app.wait_for_text("[data-testid=detail-title]", "Lương Thị Xuân Đào", 10);
    }
    let people: Value =
        serde_json::from_str(&planner(&db, &["list", "contacts", "--json"])).unwrap();
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
    let imports = planner(&db, &["import", "list"]);
    assert!(imports.contains("danh-ba.csv"), "{imports}");
}
