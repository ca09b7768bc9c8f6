//! Briefs: compose a brief for the demo delegation in the real window, save it into the briefs
//! folder, and check the file with poppler.

use planner_e2e::{artifacts, by_test_id, planner, Scenario};
use serde_json::Value;
use std::process::Command;

#[test]
fn compose_and_save_a_brief() {
    let scenario = Scenario::begin("briefs.db");
    let db = scenario.db();
    {
        let app = scenario.launch();
        app.wait_for(&by_test_id("dashboard-loaded"), 30);
        app.click(&by_test_id("nav-briefs"));
        app.wait_for(&by_test_id("brief-composer"), 10);
        app.set_value("[name=audience_kind]", "delegation");
        app.set_value("[name=delegation_id]", "1");
        app.set_value("[name=language]", "bi");
        app.wait_for(&by_test_id("brief-opportunity"), 10);
        app.click(&by_test_id("brief-preview"));
        app.wait_for(&by_test_id("brief-preview-panel"), 20);
        app.click(&by_test_id("brief-save-default"));
        app.wait_for(&by_test_id("brief-result"), 30);
        app.wait_for(&by_test_id("brief-history-row"), 10);
        app.screenshot(&artifacts().join("briefs.png"));
    }
    let briefs: Value = serde_json::from_str(&planner(db, &["list", "briefs", "--json"])).unwrap();
    let brief = &briefs.as_array().unwrap()[0];
    assert_eq!(brief["delegation_id"], 1);
    assert_eq!(brief["language"], "bi");
    let path = brief["file_name"].as_str().unwrap();
    let bytes = std::fs::read(path).expect("the brief file exists where it was recorded");
    assert!(bytes.starts_with(b"%PDF-"));
    let text = Command::new("pdftotext")
        .args([path, "-"])
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    let delegation: Value =
        serde_json::from_str(&planner(db, &["show", "delegations", "1", "--json"])).unwrap();
    let title = delegation["title"].as_str().unwrap();
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(title),
        "the brief names the delegation «{title}»"
    );
    assert!(
        flat.contains("Cơ hội đầu tư tại Hà Nội")
            && flat.contains("Investment opportunities in Hanoi")
    );
}
