//! Briefs: compose a brief for the demo delegation in the real window, save it into the briefs
//! folder, and check the file with poppler.

use planner_e2e::{artifacts, planner, App};
use serde_json::Value;
use std::process::Command;

pub fn compose_and_save_a_brief() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("briefs.db");
    {
        let app = App::launch(&db);
        app.wait_for("[data-testid=dashboard-loaded]", 30);
        app.click("[data-testid=nav-briefs]");
        app.wait_for("[data-testid=brief-composer]", 10);
        app.set_value("[name=audience_kind]", "delegation");
        app.set_value("[name=delegation_id]", "1");
        app.set_value("[name=language]", "bi");
        app.wait_for("[data-testid=brief-opportunity]", 10);
        app.click("[data-testid=brief-preview]");
        app.wait_for("[data-testid=brief-preview-panel]", 20);
        app.click("[data-testid=brief-save-default]");
        app.wait_for("[data-testid=brief-result]", 30);
        app.wait_for("[data-testid=brief-history-row]", 10);
        app.screenshot(&artifacts().join("briefs.png"));
    }
    let briefs: Value = serde_json::from_str(&planner(&db, &["list", "briefs", "--json"])).unwrap();
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
        serde_json::from_str(&planner(&db, &["show", "delegations", "1", "--json"])).unwrap();
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
