//! About and Help on the real window: About shows the workspace version, the store in use and
//! the fonts' OFL among the licences; Help opens the user guide in the interface language,
//! Vietnamese first, then English once the interface is switched, with its pictures
//! (`./dev screenshots`) bundled and shown.

use crate::guide_screenshots::shots;
use planner_e2e::{artifacts, by_test_id, App, Scenario};
use serde_json::json;
use std::time::{Duration, Instant};

/// Waits until the guide shows every picture `screenshots.json` lists (none shown as its words
/// instead), each loaded at the size it was taken (1280 pixels wide).
fn wait_for_the_guides_pictures(app: &App) {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let seen = app.script(
            "const imgs = [...document.querySelectorAll(arguments[0] + ' img')];
             return [imgs.filter(i => i.complete && i.naturalWidth === 1280).length,
                     document.querySelectorAll(arguments[1]).length];",
            vec![
                json!(by_test_id("help-guide")),
                json!(by_test_id("help-image-missing")),
            ],
        );
        if seen == json!([shots().len(), 0]) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the guide shows [pictures loaded, pictures missing] = {seen}"
        );
        std::thread::sleep(Duration::from_millis(150));
    }
}

/// `version` of Cargo.toml's `[workspace.package]`: the one version the app shows.
fn workspace_version() -> String {
    let manifest =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../Cargo.toml")).unwrap();
    let section = manifest.split("[workspace.package]").nth(1).unwrap();
    let line = section.lines().find(|l| l.starts_with("version")).unwrap();
    line.split('"').nth(1).unwrap().to_owned()
}

#[test]
fn about_shows_the_version_store_and_licences_and_help_opens_the_guide_in_each_language() {
    let scenario = Scenario::begin("e2e-about.db");
    let app = scenario.launch();
    app.wait_for(&by_test_id("dashboard-loaded"), 30);

    app.click(&by_test_id("nav-about"));
    app.wait_for_text(&by_test_id("about-version"), &workspace_version(), 15);
    app.wait_for_text(
        &by_test_id("about-db-path"),
        scenario.db().to_str().unwrap(),
        15,
    );
    app.type_into(&by_test_id("licence-filter"), "noto");
    app.wait_for_text(&by_test_id("licence-group"), "OFL-1.1", 15);
    app.click(&by_test_id("licence-show"));
    app.wait_for_text(
        &by_test_id("licence-text"),
        "SIL OPEN FONT LICENSE Version 1.1",
        15,
    );
    std::thread::sleep(Duration::from_millis(500));
    app.screenshot(&artifacts().join("about.png"));

    app.click(&by_test_id("nav-help"));
    app.wait_for_text(
        &by_test_id("help-guide"),
        "Hướng dẫn sử dụng Kế hoạch đoàn xúc tiến",
        15,
    );
    wait_for_the_guides_pictures(&app);
    std::thread::sleep(Duration::from_millis(500));
    app.screenshot(&artifacts().join("help-vi.png"));

    app.click(&by_test_id("nav-settings"));
    app.click(&by_test_id("language-en"));
    app.click(&by_test_id("nav-help"));
    app.wait_for_text(
        &by_test_id("help-guide"),
        "Delegation Planner user guide",
        15,
    );
    wait_for_the_guides_pictures(&app);
    std::thread::sleep(Duration::from_millis(500));
    app.screenshot(&artifacts().join("help-en.png"));
    app.script(
        "document.querySelector(arguments[0] + ' img').scrollIntoView({block: 'center'}); return true;",
        vec![json!(by_test_id("help-guide"))],
    );
    std::thread::sleep(Duration::from_millis(300));
    app.screenshot(&artifacts().join("help-en-picture.png"));
}
