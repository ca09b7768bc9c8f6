//! Delegations: on a store prepared with the CLI (a Tokyo mission with two members), add two
//! items for the same member at overlapping times through the itinerary form, see the conflict
//! in words and on both items, then print the itinerary into the app's folder and read the PDF.

use planner_e2e::{artifacts, bin_dir, by_test_id, create, planner, App, Scenario};
use serde_json::Value;
use std::process::Command;

fn add_item(app: &App, member: i64, title: &str, from: &str, to: &str) {
    let form = by_test_id("item-form");
    app.click(&by_test_id("add-item"));
    app.wait_for(&form, 10);
    app.type_into(&format!("{form} [name=title]"), title);
    app.set_value(&format!("{form} [name=start_date]"), "2027-03-09");
    app.set_value(&format!("{form} [name=start_time]"), from);
    app.set_value(&format!("{form} [name=end_time]"), to);
    app.click(&format!(
        "{form} input[name=attendee_ids][value=\"{member}\"]"
    ));
    app.click(&by_test_id("item-save"));
}

#[test]
fn overlapping_items_conflict_and_the_itinerary_prints() {
    let scenario = Scenario::begin("e2e-delegation.db");
    let db = scenario.db();
    planner(db, &["init"]);
    let office = create(
        db,
        "offices",
        serde_json::json!({"name_vi": "Thương vụ Việt Nam tại Nhật Bản", "country": "JP",
                           "city": "Tokyo", "time_zone": "Asia/Tokyo"}),
    );
    let counsellor = create(
        db,
        "counsellors",
        serde_json::json!({"office_id": office, "full_name": "Tạ Đức Minh",
                           "phone": "+81 3 3466 3311"}),
    );
    let delegation = create(
        db,
        "delegations",
        serde_json::json!({"title": "Đoàn xúc tiến đầu tư tại Nhật Bản – e2e",
                           "destination_country": "JP", "destination_city": "Tokyo",
                           "time_zone": "Asia/Tokyo", "start_date": "2027-03-08",
                           "end_date": "2027-03-13", "counsellor_id": counsellor}),
    );
    let head = create(
        db,
        "members",
        serde_json::json!({"delegation_id": delegation, "staff_name": "Nguyễn Thị Hồng Nhung",
                           "role": "head"}),
    );
    create(
        db,
        "members",
        serde_json::json!({"delegation_id": delegation, "staff_name": "Trần Đức Dương"}),
    );

    let pdf_text;
    {
        let app = scenario.launch();
        app.wait_for(&by_test_id("dashboard-loaded"), 30);
        app.click(&by_test_id("nav-delegations"));
        app.wait_for_text(&by_test_id("delegation-row"), "e2e", 10);
        app.script(
            "window.location.hash = arguments[0]; return true;",
            vec![Value::String(format!(
                "#/delegations/{delegation}/itinerary"
            ))],
        );
        app.wait_for(&by_test_id("itinerary-tab"), 10);

        add_item(&app, head, "Làm việc với JETRO", "10:00", "11:00");
        app.wait_for_text(&by_test_id("itinerary-item"), "Làm việc với JETRO", 10);
        add_item(&app, head, "Gặp Tập đoàn Sumitomo", "10:30", "11:30");
        app.wait_for_text(&by_test_id("itinerary-item"), "Gặp Tập đoàn Sumitomo", 10);

        // The conflict is explained in words and both items are marked hard.
        app.wait_for_text(&by_test_id("conflict"), "Trùng lịch", 10);
        let conflict = app.wait_for(
            &format!("{}[data-severity=hard]", by_test_id("conflict")),
            10,
        );
        let text = app.text(&conflict);
        assert!(
            text.contains("Nguyễn Thị Hồng Nhung")
                && text.contains("Làm việc với JETRO")
                && text.contains("Gặp Tập đoàn Sumitomo"),
            "conflict text: {text}"
        );
        assert_eq!(
            app.find_all(&format!(
                "{}[data-severity=hard]",
                by_test_id("itinerary-item")
            ))
            .len(),
            2
        );
        // Local time and Hanoi time side by side: 10:00 in Tokyo is 08:00 in Hanoi.
        app.wait_for_text(&by_test_id("itinerary-local"), "10:00", 5);
        app.wait_for_text(&by_test_id("itinerary-hanoi"), "08:00", 5);
        app.screenshot(&artifacts().join("itinerary-conflict.png"));

        // Print the itinerary into the app's folder (the native dialog is not drivable).
        app.click(&by_test_id("tab-documents"));
        app.click(&by_test_id("print-pdf-default"));
        let path_el = app.wait_for(&by_test_id("document-path"), 20);
        let path = app.text(&path_el);
        assert!(path.ends_with(".pdf"), "{path}");
        let out = Command::new("pdftotext")
            .args(["-layout", &path, "-"])
            .output()
            .expect("pdftotext");
        pdf_text = String::from_utf8(out.stdout).unwrap();
        app.screenshot(&artifacts().join("itinerary-printed.png"));
    }
    for expected in [
        "Đoàn xúc tiến đầu tư tại Nhật Bản – e2e",
        "Làm việc với JETRO",
        "Gặp Tập đoàn Sumitomo",
        "Nguyễn Thị Hồng Nhung",
        "Tạ Đức Minh",
        "+81 3 3466 3311",
        "10:00",
        "08:00",
    ] {
        assert!(
            pdf_text.contains(expected),
            "the printed itinerary lacks «{expected}»:\n{pdf_text}"
        );
    }
    // The CLI sees the same conflict in the same store.
    let check = Command::new(bin_dir().join("planner"))
        .arg("--db")
        .arg(db)
        .args(["itinerary", "check", &delegation.to_string()])
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&check.stdout).contains("Trùng lịch"));
}
