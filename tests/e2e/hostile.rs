//! Hostile text on the real window: records whose names, websites and notes hold the shared
//! corpus (`tests/fixtures/hostile-text.json`), written by the CLI, shown on the organisation,
//! person, delegation and opportunity screens (list and detail). No dialog opens, no element
//! comes from the text, each title's text is the stored text exactly, and a `javascript:`
//! website is no link.

use planner_e2e::{artifacts, by_test_id, create, planner, App, Scenario};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

/// The corpus entries a single-line field takes, as stored (NFC).
fn names() -> Vec<(String, String)> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/hostile-text.json");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    doc["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["line"] == "accepted")
        .map(|e| {
            let value = e["value"].as_str().unwrap();
            let stored = e["stored"].as_str().unwrap_or(value);
            (e["id"].as_str().unwrap().to_owned(), stored.to_owned())
        })
        .collect()
}

/// Counts the page's dialogs instead of showing them (the page is never reloaded: the app
/// routes by its hash, so the counter lasts the scenario).
const WATCH_DIALOGS: &str = "window.__dialogs = window.__dialogs || [];
    for (const name of ['alert', 'confirm', 'prompt', 'print']) {
      window[name] = (...args) => { window.__dialogs.push(name + ':' + args.join(',')); return null; };
    }
    return true;";

/// What the page holds that only injected markup could have made.
const INJECTED: &str = "return {
    dialogs: window.__dialogs,
    elements: [...document.querySelectorAll('img[src=\"x\"], script:not([src]), svg[onload], iframe, object, embed')].map((e) => e.outerHTML.slice(0, 80)),
    handlers: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => e.tagName + ' ' + a.name)),
    scriptLinks: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')).filter((h) => !/^(#|https?:|mailto:|tel:)/i.test(h.trim())),
  };";

fn assert_inert(app: &App<'_>, screen: &str) {
    let found = app.script(INJECTED, vec![]);
    assert_eq!(
        found,
        json!({"dialogs": [], "elements": [], "handlers": [], "scriptLinks": []}),
        "{screen}"
    );
}

/// Waits until the detail title's text is exactly `text`.
fn wait_for_title(app: &App<'_>, text: &str, screen: &str) {
    let deadline = Instant::now() + Duration::from_secs(10);
    let css = by_test_id("detail-title");
    loop {
        let now = app.script(
            "const e = document.querySelector(arguments[0]); return e ? e.textContent : null;",
            vec![json!(css)],
        );
        if now == json!(text) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{screen}: title is {now}, not {text:?}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Waits until the list at `css` shows at least one of `texts` (it pages, in name order).
fn wait_for_rows(app: &App<'_>, css: &str, texts: &[String], screen: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    let shown = "const e = document.querySelector(arguments[0]);
        return !!e && arguments[1].some((t) => e.textContent.includes(t));";
    while app.script(shown, vec![json!(css), json!(texts)]) != json!(true) {
        assert!(Instant::now() < deadline, "{screen}: no corpus text listed");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn hostile_text_stays_text_on_every_screen() {
    let scenario = Scenario::begin("e2e-hostile.db");
    let db = scenario.db();
    planner(db, &["init"]);
    let mut records: Vec<(&str, &str, i64, String)> = Vec::new();
    for (id, text) in names() {
        let org = create(
            db,
            "organizations",
            json!({"name_vi": text, "country": "VN", "website": text, "notes": text, "city": text}),
        );
        let person = create(
            db,
            "contacts",
            json!({"full_name": text, "title": text, "organization_id": org, "notes": text}),
        );
        let delegation = create(
            db,
            "delegations",
            json!({"title": text, "destination_country": "JP", "time_zone": "Asia/Tokyo", "purpose": text, "destination_city": text}),
        );
        let opportunity = create(
            db,
            "opportunities",
            json!({"name_vi": text, "location": text, "source": text, "summary_vi": text}),
        );
        records.push((
            "contacts/organizations",
            "organization-list",
            org,
            text.clone(),
        ));
        records.push(("contacts/people", "person-list", person, text.clone()));
        records.push(("delegations", "delegation-list", delegation, text.clone()));
        records.push((
            "opportunities",
            "opportunity-list",
            opportunity,
            text.clone(),
        ));
        let _ = id;
    }

    let all: Vec<String> = names().into_iter().map(|(_, t)| t).collect();
    let app = scenario.launch();
    app.wait_for(&by_test_id("dashboard-loaded"), 30);
    app.script(WATCH_DIALOGS, vec![]);
    for (list, list_id) in [
        ("contacts/organizations", "organization-list"),
        ("contacts/people", "person-list"),
        ("delegations", "delegation-list"),
        ("opportunities", "opportunity-list"),
    ] {
        app.go(&format!("#/{list}"));
        app.wait_for(&by_test_id(list_id), 20);
        wait_for_rows(&app, &by_test_id(list_id), &all, list);
        assert_inert(&app, list);
        let shot = list.replace('/', "-");
        app.screenshot(&artifacts().join(format!("hostile-{shot}.png")));
    }
    for (list, _, id, text) in &records {
        let screen = format!("#/{list}/{id}");
        app.go(&screen);
        wait_for_title(&app, text, &screen);
        assert_inert(&app, &screen);
        if text.starts_with("<img") {
            let shot = list.replace('/', "-");
            app.screenshot(&artifacts().join(format!("hostile-{shot}-detail.png")));
        }
    }
    // The organisation whose website is `javascript:alert(1)` shows it as text only (its
    // people, named alike, link inside the app).
    let (_, _, js_org, _) = records
        .iter()
        .find(|(l, _, _, t)| *l == "contacts/organizations" && t == "javascript:alert(1)")
        .unwrap();
    app.go(&format!("#/contacts/organizations/{js_org}"));
    wait_for_title(&app, "javascript:alert(1)", "javascript website");
    let links = app.script(
        "return [...document.querySelectorAll('a')].filter((a) => !(a.getAttribute('href') || '').startsWith('#/') && a.textContent.includes('javascript:')).length",
        vec![],
    );
    assert_eq!(links, json!(0), "a javascript: website became a link");
    assert_inert(&app, "javascript website");
}
