//! Exchange between offices on the real window: another office (a second store, driven by the
//! `planner` CLI as that office's script would) signs a brief bundle; the app is started with
//! the bundle's path, as a file manager opens it; the preview names the signer with its
//! fingerprint; the officer trusts it after the confirmation that shows the fingerprint, imports
//! it, sees it in the Inbox, adopts its opportunity and finds it in the catalogue.

use planner_e2e::{artifacts, by_test_id, create, planner, Scenario};
use serde_json::{json, Value};
use std::path::Path;

/// A name no demo record has, with Vietnamese marks, to find the adopted record by.
const OPPORTUNITY: &str = "Cụm công nghiệp hỗ trợ Kansai – Hà Nội";
/// What tells the other office's row from the demo's (the office's name).
const FROM_OSAKA: &str = "Osaka";

/// The other office's store: its profile, one opportunity, a brief presenting it, and the
/// bundle of that brief written under a name a mail client might give it. Returns the bundle's
/// path and the office's grouped fingerprint.
fn bundle_from_another_office(dir: &Path) -> (String, String) {
    let osaka = dir.join("osaka.db");
    planner(&osaka, &["init"]);
    planner(
        &osaka,
        &[
            "office",
            "set",
            "--name-vi",
            "Thương vụ Việt Nam tại Osaka",
            "--name-en",
            "Vietnam Trade Office in Osaka",
            "--code",
            "VNTO-OSA",
            "--city",
            "Osaka",
            "--country",
            "JP",
        ],
    );
    let opportunity = create(
        &osaka,
        "opportunities",
        json!({
            "kind": "industrial_zone",
            "name_vi": OPPORTUNITY,
            "name_en": "Kansai – Hanoi supporting industry cluster",
            "location": "Mê Linh, Hà Nội",
            "sectors": ["electronics"],
            "status": "open",
            "source": "Thương vụ Việt Nam tại Osaka",
            "source_date": "2026-10-01"
        }),
    );
    let pdf = dir.join("osaka-brief.pdf");
    planner(
        &osaka,
        &[
            "brief",
            "--sector",
            "electronics",
            "--country",
            "JP",
            "--opportunities",
            &opportunity.to_string(),
            "-o",
            pdf.to_str().unwrap(),
        ],
    );
    let briefs: Value =
        serde_json::from_str(&planner(&osaka, &["list", "briefs", "--json"])).unwrap();
    let brief = briefs[0]["id"].as_i64().unwrap().to_string();
    let signed = dir.join("osaka.dpbundle");
    planner(
        &osaka,
        &[
            "exchange",
            "export",
            "--brief",
            &brief,
            "-o",
            signed.to_str().unwrap(),
        ],
    );
    // Mail clients rename attachments: the content decides, never the name.
    let bundle = dir.join("brief tu Osaka (1).zip");
    std::fs::copy(&signed, &bundle).unwrap();
    let office: Value =
        serde_json::from_str(&planner(&osaka, &["office", "show", "--json"])).unwrap();
    (bundle.to_str().unwrap().to_owned(), grouped(&office))
}

/// The fingerprint as people read it, from `planner office show --json`.
fn grouped(office: &Value) -> String {
    if let Some(g) = office["fingerprint_grouped"].as_str() {
        return g.to_owned();
    }
    let hex = office["fingerprint"].as_str().expect("a fingerprint");
    if hex.contains(' ') {
        return hex.to_owned();
    }
    hex.to_uppercase()
        .as_bytes()
        .chunks(4)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_bundle_opened_with_the_app_is_verified_trusted_imported_and_adopted() {
    let scenario = Scenario::begin("exchange.db");
    let (bundle, fingerprint) = bundle_from_another_office(scenario.dir());
    let app = scenario.launch_with(&[&bundle]);

    // The preview opens at start, before anything is written.
    app.wait_for(&by_test_id("bundle-preview"), 30);
    app.wait_for_text(
        &by_test_id("preview-signer"),
        "Thương vụ Việt Nam tại Osaka",
        20,
    );
    app.wait_for_text(&by_test_id("preview-trust"), "Chưa tin cậy", 5);
    app.wait_for_text(&by_test_id("preview-fingerprint"), &fingerprint, 5);
    assert!(app.find_all(&by_test_id("preview-member")).len() >= 3);
    // The window paints a moment after the page has its text (the first screen of a start).
    std::thread::sleep(std::time::Duration::from_millis(500));
    app.screenshot(&artifacts().join("exchange-preview.png"));

    // Trusting shows the fingerprint once more, and waits for the officer's word that it matched.
    app.click(&by_test_id("preview-trust-import"));
    app.wait_for_text(&by_test_id("trust-confirm-fingerprint"), &fingerprint, 5);
    app.screenshot(&artifacts().join("exchange-trust.png"));
    app.click(&by_test_id("trust-confirm-match"));
    app.click(&by_test_id("trust-confirm"));
    app.wait_for_text(&by_test_id("import-outcome"), "Đã nhập bản tin", 20);

    // The Inbox lists it, verified, from Osaka.
    app.click(&by_test_id("nav-exchange"));
    app.wait_for_text(&by_test_id("inbox-row"), FROM_OSAKA, 10);
    app.wait_for_text(&by_test_id("inbox-office"), "Osaka", 5);
    app.wait_for_text(&by_test_id("inbox-verified"), "Đã xác minh", 5);
    app.screenshot(&artifacts().join("exchange-inbox.png"));

    // Its opportunity is adopted into the catalogue.
    let opened = app.script(
        "const row = [...document.querySelectorAll(arguments[0])]
           .find((r) => r.textContent.includes(arguments[1]));
         const link = row?.querySelector('a');
         link?.click(); return !!link;",
        vec![json!(by_test_id("inbox-row")), json!(FROM_OSAKA)],
    );
    assert_eq!(
        opened,
        json!(true),
        "the received brief's link in the Inbox"
    );
    app.wait_for(&by_test_id("received-detail"), 10);
    app.wait_for_text(&by_test_id("received-opportunity"), OPPORTUNITY, 10);
    app.click(&by_test_id("adopt-one"));
    app.wait_for_text(&by_test_id("adopt-report"), "1 tạo mới", 20);
    app.wait_for_text(&by_test_id("adopt-state"), "Đã tiếp nhận", 10);
    app.screenshot(&artifacts().join("exchange-received.png"));

    app.click(&by_test_id("nav-opportunities"));
    app.wait_for_text(&by_test_id("opportunity-row"), OPPORTUNITY, 10);

    // The same screens in English, for the eye (the screen sweep checks them for faults).
    app.click(&by_test_id("nav-settings"));
    app.click(&by_test_id("language-en"));
    app.wait_for_text(
        &by_test_id("office-profile-form"),
        "Office name (Vietnamese)",
        10,
    );
    app.screenshot(&artifacts().join("exchange-settings-en.png"));
    app.click(&by_test_id("nav-exchange"));
    app.wait_for_text(&by_test_id("inbox-verified"), "Verified", 10);
    app.screenshot(&artifacts().join("exchange-inbox-en.png"));
    app.click(&by_test_id("tab-trusted-offices"));
    app.wait_for_text(&by_test_id("trusted-office-row"), "Osaka", 10);
    app.screenshot(&artifacts().join("exchange-offices-en.png"));
    app.click(&by_test_id("tab-outbox"));
    app.wait_for(&by_test_id("outbox-list"), 10);
    // No office profile here yet: the dashboard asks for one.
    app.click(&by_test_id("nav-dashboard"));
    app.wait_for_text(&by_test_id("office-prompt"), "Set your office profile", 10);
    app.screenshot(&artifacts().join("exchange-prompt-en.png"));

    // Sending needs this office's profile: the brief page says so, with its code.
    let pdf = scenario.dir().join("hanoi-brief.pdf");
    let args = ["brief", "--sector", "electronics", "--country", "JP", "-o"];
    planner(
        scenario.db(),
        &[&args[..], &[pdf.to_str().unwrap()]].concat(),
    );
    let briefs: Value =
        serde_json::from_str(&planner(scenario.db(), &["list", "briefs", "--json"])).unwrap();
    app.script(
        "window.location.hash = arguments[0]; return true;",
        vec![json!(format!("/briefs/{}", briefs[0]["id"]))],
    );
    app.click(&by_test_id("send-to-office"));
    app.click(&by_test_id("send-save-default"));
    app.wait_for_text(&by_test_id("preview-refusal-code"), "no_office_profile", 10);
    app.screenshot(&artifacts().join("exchange-send-en.png"));

    // The store agrees: the opportunity is in the catalogue, once.
    let listed = planner(scenario.db(), &["list", "opportunities", "--json"]);
    let opportunities: Value = serde_json::from_str(&listed).unwrap();
    let adopted = opportunities
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["name_vi"] == OPPORTUNITY)
        .count();
    assert_eq!(adopted, 1, "{listed}");
}
