//! `planner update` and `planner delete` based on a revision: a stale one exits 4 with the
//! record as it is now, and writes nothing. (A module of the `cli` test binary.)

use super::{json, ok, planner, temp_db};
use serde_json::Value;

#[test]
fn an_update_or_delete_based_on_a_stale_revision_exits_4_and_writes_nothing() {
    let (_dir, db) = temp_db();
    ok(&db, &["init"], None);
    let created: Value = serde_json::from_str(&ok(
        &db,
        &["create", "organizations", "-"],
        Some(r#"{"name_vi": "Công ty Thép Thái Nguyên", "country": "VN"}"#),
    ))
    .unwrap();
    assert_eq!(created["revision"], 1);
    let id = created["id"].as_i64().unwrap().to_string();
    let moved: Value = serde_json::from_str(&ok(
        &db,
        &["update", "organizations", &id, "-"],
        Some(r#"{"revision": 1, "city": "Thái Nguyên"}"#),
    ))
    .unwrap();
    assert_eq!(moved["revision"], 2);

    let stale = planner(
        &db,
        &["update", "organizations", &id, "-"],
        Some(r#"{"revision": 1, "city": "Hà Nội"}"#),
    );
    assert_eq!(stale.code, 4, "{}", stale.stderr);
    assert!(
        stale.stderr.contains("changed elsewhere") && stale.stderr.contains("city"),
        "{}",
        stale.stderr
    );
    let current: Value = serde_json::from_str(&stale.stdout).expect("the record as it is now");
    assert_eq!(
        (&current["city"], &current["revision"]),
        (&moved["city"], &moved["revision"])
    );
    let shown = json(&db, &["show", "organizations", &id, "--json"]);
    assert_eq!(shown, moved, "nothing was written");

    let refused = planner(
        &db,
        &["delete", "organizations", &id, "--revision", "1"],
        None,
    );
    assert_eq!(refused.code, 4, "{}", refused.stderr);
    assert_eq!(json(&db, &["show", "organizations", &id, "--json"]), moved);
    ok(
        &db,
        &["delete", "organizations", &id, "--revision", "2"],
        None,
    );
    assert_eq!(planner(&db, &["show", "organizations", &id], None).code, 3);
}
