//! Foundation: launch on a temp store with the demo, create a delegation through the form, see it
//! in the list, and read it back with the CLI.

use planner_e2e::{artifacts, by_test_id, planner, Scenario};
use serde_json::Value;

#[test]
fn first_screen_and_delegation_form() {
    let scenario = Scenario::begin("e2e.db");
    let db = scenario.db();
    let title = "Đoàn khảo sát Hòa Lạc – thử nghiệm đầu cuối";
    {
        let app = scenario.launch();
        app.wait_for(&by_test_id("dashboard-loaded"), 30);
        let first_screen = app.since_launch();
        println!(
            "launch to first screen with data: {} ms (session up after {} ms)",
            first_screen.as_millis(),
            app.launch_ms
        );
        app.screenshot(&artifacts().join("dashboard.png"));

        app.click(&by_test_id("nav-delegations"));
        app.wait_for(&by_test_id("delegation-list"), 10);
        app.wait_for(&by_test_id("delegation-row"), 10);
        app.click(&by_test_id("new-delegation"));
        app.type_into("[name=title]", title);
        app.set_value("[name=kind]", "inbound");
        app.type_into("[name=destination_country]", "VN");
        app.type_into("[name=destination_city]", "Hà Nội");
        app.type_into("[name=time_zone]", "Asia/Ho_Chi_Minh");
        app.set_value("[name=start_date]", "2027-04-12");
        app.set_value("[name=end_date]", "2027-04-10");
        app.click(&by_test_id("save"));
        // The core refuses the dates; the error shows next to the end date.
        let err = app.wait_for(&by_test_id("error-end_date"), 10);
        assert!(
            !app.text(&err).trim().is_empty(),
            "the end-date error has a message"
        );
        app.set_value("[name=end_date]", "2027-04-13");
        app.click(&by_test_id("save"));
        app.wait_for(&by_test_id("delegation-detail"), 10);
        app.wait_for_text(&by_test_id("detail-title"), title, 10);

        app.click(&by_test_id("nav-delegations"));
        app.wait_for_text(&by_test_id("delegation-row"), title, 10);
        app.screenshot(&artifacts().join("delegations.png"));
    }
    let listed: Value =
        serde_json::from_str(&planner(db, &["list", "delegations", "--json"])).unwrap();
    let ours: Vec<&Value> = listed
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["title"] == title)
        .collect();
    assert_eq!(
        ours.len(),
        1,
        "exactly one delegation made through the form"
    );
    let d = ours[0];
    assert_eq!(d["kind"], "inbound");
    assert_eq!(d["destination_city"], "Hà Nội");
    assert_eq!(d["start_date"], "2027-04-12");
    assert_eq!(d["end_date"], "2027-04-13");
    assert!(
        listed.as_array().unwrap().len() >= 3,
        "the demo delegations are there too"
    );
}
