//! `planner pipeline totals` on the demo data, checked against the leads `planner list` prints.
//! (A module of the `cli` test binary: one binary keeps CI links few.)

use chrono::{DateTime, Duration, Utc};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::process::Stdio;

const STAGES: [&str; 8] = [
    "lead",
    "contacted",
    "meeting",
    "site_visit",
    "mou",
    "licensed",
    "aftercare",
    "lost",
];

fn ok(db: &Path, args: &[&str], stdin: Option<&str>) -> String {
    let mut child = crate::planner_command()
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("PLANNER_DB")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("planner runs");
    if let Some(text) = stdin {
        let mut input = child.stdin.take().unwrap();
        input.write_all(text.as_bytes()).unwrap();
    }
    drop(child.stdin.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "planner {args:?} failed: {stderr}");
    String::from_utf8(out.stdout).unwrap()
}

fn json_of(db: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(db, args, None)).expect("valid JSON")
}

/// [count, USD cents, other currency, jobs] of some leads.
fn sums<'a>(leads: impl IntoIterator<Item = &'a Value>) -> Value {
    let (mut count, mut usd, mut other, mut jobs) = (0, 0, 0, 0);
    for l in leads {
        count += 1;
        if let Some(c) = l["expected_capital_minor"].as_i64() {
            if l["expected_capital_currency"] == "USD" {
                usd += c;
            } else {
                other += 1;
            }
        }
        jobs += l["jobs"].as_i64().unwrap_or(0);
    }
    json!({"count": count, "expected_capital_usd_minor": usd, "other_currency": other, "jobs": jobs})
}

/// Checks `planner pipeline totals --json ARGS` against the leads `planner list leads` gives
/// for the same filters.
fn check(db: &Path, filter_args: &[&str], list_filters: &[&str]) -> Value {
    let mut args = vec!["pipeline", "totals", "--json"];
    args.extend_from_slice(filter_args);
    let totals = json_of(db, &args);
    let mut args = vec!["list", "leads", "--json"];
    for f in list_filters {
        args.extend_from_slice(&["--filter", f]);
    }
    let now = Utc::now();
    let leads = json_of(db, &args);
    let leads = leads.as_array().unwrap();
    let what = format!("{filter_args:?}");

    let stages: Vec<Value> = STAGES
        .iter()
        .map(|s| json!({"stage": s, "total": sums(leads.iter().filter(|l| l["stage"] == *s))}))
        .collect();
    assert_eq!(totals["stages"], json!(stages), "{what}");
    assert_eq!(totals["all"], sums(leads), "{what}");
    let active: Vec<&Value> = leads.iter().filter(|l| l["stage"] != "lost").collect();
    assert_eq!(totals["active"], sums(active.iter().copied()), "{what}");

    let mut by_sector: BTreeMap<String, Vec<&Value>> = BTreeMap::new();
    for l in leads {
        let mut tags: Vec<String> = l["sectors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_owned())
            .collect();
        tags.sort();
        tags.dedup();
        if tags.is_empty() {
            tags.push(String::new());
        }
        for t in tags {
            by_sector.entry(t).or_default().push(l);
        }
    }
    let sectors = totals["sectors"].as_array().unwrap();
    assert_eq!(sectors.len(), by_sector.len(), "{what}");
    for s in sectors {
        let of = &by_sector[s["sector"].as_str().unwrap()];
        assert_eq!(s["all"], sums(of.iter().copied()), "{what} {}", s["sector"]);
        let active = of.iter().copied().filter(|l| l["stage"] != "lost");
        assert_eq!(s["active"], sums(active), "{what} {}", s["sector"]);
    }

    let due: Vec<DateTime<Utc>> = active
        .iter()
        .filter_map(|l| l["due_at"].as_str())
        .map(|d| d.parse().unwrap())
        .collect();
    let overdue = due.iter().filter(|d| **d < now).count();
    let upcoming = due
        .iter()
        .filter(|d| **d >= now && **d <= now + Duration::days(14))
        .count();
    assert_eq!(totals["overdue_follow_ups"], overdue, "{what}");
    assert_eq!(totals["upcoming_follow_ups"], upcoming, "{what}");
    totals
}

#[test]
fn pipeline_totals_equal_the_sums_of_the_listed_leads() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("planner.db");
    ok(&db, &["demo"], None);
    // A lead in yen: counted, its capital not added to the USD sums.
    let org = json_of(&db, &["list", "organizations", "--json", "--limit", "1"]);
    let org = org[0]["id"].as_i64().unwrap();
    ok(
        &db,
        &["create", "leads", "-"],
        Some(
            &json!({"organization_id": org, "title": "Nhà máy linh kiện Osaka", "stage": "mou",
            "sectors": ["electronics"], "expected_capital_minor": 900_000_000,
            "expected_capital_currency": "JPY", "jobs": 75, "owner": "Phạm Mạnh Đạt"})
            .to_string(),
        ),
    );

    let all = check(&db, &[], &[]);
    assert!(all["all"]["count"].as_i64().unwrap() > 20);
    assert_eq!(all["all"]["other_currency"], 1);
    assert!(
        all["stages"][7]["total"]["count"].as_i64().unwrap() > 0,
        "the demo has lost leads"
    );
    let owner = check(&db, &["--owner", "Phạm Mạnh Đạt"], &["owner=Phạm Mạnh Đạt"]);
    assert!(owner["all"]["count"].as_i64() < all["all"]["count"].as_i64());
    check(&db, &["--sector", "electronics"], &["sectors=electronics"]);
    check(
        &db,
        &["--owner", "Phạm Mạnh Đạt", "--sector", "logistics"],
        &["owner=Phạm Mạnh Đạt", "sectors=logistics"],
    );

    // The readable form: one line per stage, the totals, the sectors, the follow-ups.
    let text = ok(&db, &["pipeline", "totals"], None);
    for s in STAGES {
        assert!(text.lines().any(|l| l.starts_with(s)), "{s} in {text}");
    }
    let usd = all["all"]["expected_capital_usd_minor"].as_i64().unwrap();
    let all_line = text.lines().find(|l| l.starts_with("all ")).unwrap();
    let dollars: String = all_line
        .split_whitespace()
        .nth(2)
        .unwrap()
        .chars()
        .filter(|c| c.is_ascii_digit())
        .collect();
    assert_eq!(dollars.parse::<i64>().unwrap(), usd, "{all_line}");
    assert!(text.contains("other currencies: 1 lead(s)"), "{text}");
    assert!(text.contains("follow-ups:"), "{text}");
}
