//! The `planner` binary driven as a user would, on real store files.

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

#[path = "cli/backup.rs"]
mod backup;
#[path = "cli/bench_team.rs"]
mod bench_team;
#[path = "cli/concurrency.rs"]
mod concurrency;
#[path = "cli/disk.rs"]
mod disk;
#[path = "cli/doctor.rs"]
mod doctor;
#[path = "cli/exchange.rs"]
mod exchange;
#[path = "cli/first_run.rs"]
mod first_run;
#[path = "cli/hostile.rs"]
mod hostile;
#[path = "cli/pipeline.rs"]
mod pipeline;
#[path = "cli/revisions.rs"]
mod revisions;
#[path = "cli/team.rs"]
mod team;
#[path = "cli/team_officers.rs"]
mod team_officers;

/// This desktop's data and config folders for every `planner` a test runs: folders under the
/// tests' own temporary folder, so that what a command writes there (a team store's documents,
/// which have no folder beside a store file; a chosen data folder) never reaches the real ones
/// (`./dev test` checks that they are untouched). Set on each child, never on this process,
/// whose tests run in threads.
fn test_folders() -> [(&'static str, PathBuf); 2] {
    let home = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("planner-cli-home");
    [
        ("XDG_DATA_HOME", home.join("data")),
        ("XDG_CONFIG_HOME", home.join("config")),
    ]
}

/// The `planner` binary under test, with `test_folders`.
fn planner_command() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_planner"));
    cmd.envs(test_folders());
    cmd
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn planner(db: &Path, args: &[&str], stdin: Option<&str>) -> Run {
    let mut cmd = crate::planner_command();
    cmd.arg("--db").arg(db).args(args).env_remove("PLANNER_DB");
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("planner runs");
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    }
    drop(child.stdin.take());
    let Output {
        status,
        stdout,
        stderr,
    } = child.wait_with_output().unwrap();
    Run {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8(stdout).unwrap(),
        stderr: String::from_utf8(stderr).unwrap(),
    }
}

fn ok(db: &Path, args: &[&str], stdin: Option<&str>) -> String {
    let r = planner(db, args, stdin);
    assert_eq!(r.code, 0, "planner {args:?} failed: {}", r.stderr);
    r.stdout
}

fn json(db: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(db, args, None)).expect("valid JSON")
}

fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("planner.db");
    (dir, db)
}

#[test]
fn a_reader_that_goes_away_ends_planner_quietly() {
    let (_dir, db) = temp_db();
    ok(&db, &["demo"], None);
    let mut child = crate::planner_command()
        .arg("--db")
        .arg(&db)
        .args(["list", "organizations"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Closing the pipe's reading end before planner prints, as `| head` does once it has its lines.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_ne!(out.status.code(), Some(101), "{stderr}");
}

#[test]
fn demo_then_list_keeps_vietnamese_intact() {
    let (_dir, db) = temp_db();
    let out = ok(&db, &["demo"], None);
    assert!(out.contains("seeded"), "{out}");
    let delegations = json(&db, &["list", "delegations", "--json"]);
    let items = delegations.as_array().unwrap();
    assert!(items.len() >= 2);
    for d in items {
        for key in [
            "id",
            "uuid",
            "title",
            "status",
            "start_date",
            "destination_country",
        ] {
            assert!(d.get(key).is_some(), "{key} in {d}");
        }
    }
    let titles: String = items.iter().map(|d| d["title"].as_str().unwrap()).collect();
    assert!(
        titles.contains("Đoàn"),
        "Vietnamese titles intact: {titles}"
    );
    assert!(ok(&db, &["list", "opportunities"], None).contains("Hòa Lạc"));
    // A second demo into the same store is refused; --reset replaces it.
    let again = planner(&db, &["demo"], None);
    assert_ne!(again.code, 0);
    assert!(again.stderr.contains("--reset"), "{}", again.stderr);
    ok(&db, &["demo", "--reset"], None);
    assert_eq!(
        json(&db, &["list", "delegations", "--json"])
            .as_array()
            .unwrap()
            .len(),
        items.len()
    );
}

#[test]
fn create_show_update_delete_through_json() {
    let (_dir, db) = temp_db();
    ok(&db, &["init"], None);
    let org = ok(
        &db,
        &["create", "organizations", "-"],
        Some(r#"{"name_vi": "Tập đoàn Sông Hồng", "country": "VN", "sectors": ["logistics"]}"#),
    );
    let org: Value = serde_json::from_str(&org).unwrap();
    let id = org["id"].as_i64().unwrap().to_string();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("contact.json");
    std::fs::write(
        &file,
        format!(
            "\u{feff}{{\"full_name\": \"Đặng Thị Ngọc Lợi\", \"organization_id\": {id}, \
         \"emails\": [{{\"label\": \"work\", \"value\": \"loi@songhong.example\"}}]}}"
        ),
    )
    .unwrap();
    let contact: Value = serde_json::from_str(&ok(
        &db,
        &["create", "contact", file.to_str().unwrap()],
        None,
    ))
    .unwrap();
    let cid = contact["id"].as_i64().unwrap().to_string();
    let shown = json(&db, &["show", "contacts", &cid, "--json"]);
    assert_eq!(shown["full_name"], "Đặng Thị Ngọc Lợi");
    assert_eq!(shown["emails"][0]["value"], "loi@songhong.example");
    let updated: Value = serde_json::from_str(&ok(
        &db,
        &["update", "contacts", &cid],
        Some(r#"{"title": "Giám đốc"}"#),
    ))
    .unwrap();
    assert_eq!(updated["title"], "Giám đốc");
    assert_eq!(
        updated["full_name"], "Đặng Thị Ngọc Lợi",
        "fields not given are kept"
    );
    let filtered = json(
        &db,
        &[
            "list",
            "contacts",
            "--json",
            "--filter",
            &format!("organization_id={id}"),
        ],
    );
    assert_eq!(filtered.as_array().unwrap().len(), 1);
    let audit = json(&db, &["audit", "contacts", &cid, "--json"]);
    assert_eq!(audit.as_array().unwrap().len(), 2);
    // The organisation is still used by the contact? No: contacts let go (SET NULL); a lead holds on.
    ok(
        &db,
        &["create", "leads"],
        Some(&format!(
            r#"{{"organization_id": {id}, "title": "Kho lạnh"}}"#
        )),
    );
    let refused = planner(&db, &["delete", "organizations", &id], None);
    assert_eq!(refused.code, 1);
    assert!(refused.stderr.contains("still used"), "{}", refused.stderr);
    ok(&db, &["delete", "contacts", &cid], None);
    let gone = planner(&db, &["show", "contacts", &cid], None);
    assert_eq!(gone.code, 3);
    assert!(gone.stderr.contains("not found"));
}

#[test]
fn bad_input_gives_one_line_naming_the_field() {
    let (_dir, db) = temp_db();
    ok(&db, &["init"], None);
    let r = planner(
        &db,
        &["create", "delegations"],
        Some(
            r#"{"title": "Đoàn Seoul", "destination_country": "KR", "time_zone": "Asia/Seoul", "start_date": "2027-05-10", "end_date": "2027-05-01"}"#,
        ),
    );
    assert_eq!(r.code, 2);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("end_date") && r.stderr.contains("End is before start"),
        "{}",
        r.stderr
    );
    let r = planner(&db, &["create", "delegations"], Some("{\"title\": \n oops"));
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("line 2"), "{}", r.stderr);
    let r = planner(&db, &["list", "spaceships"], None);
    assert!(
        r.code != 0 && r.stderr.contains("unknown entity"),
        "{}",
        r.stderr
    );
    let r = planner(
        &db,
        &["list", "delegations", "--filter", "colour=red"],
        None,
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("colour"), "{}", r.stderr);
    assert_eq!(
        json(&db, &["list", "delegations", "--json"]),
        Value::Array(vec![]),
        "nothing half-written"
    );
}

#[test]
fn planner_db_variable_selects_the_store() {
    let (_dir, db) = temp_db();
    let out = crate::planner_command()
        .args(["init"])
        .env("PLANNER_DB", &db)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains(db.to_str().unwrap()));
    assert!(db.exists());
}

#[test]
fn scale_generates_synthetic_data() {
    let (_dir, db) = temp_db();
    let out = ok(&db, &["demo", "--scale", "40"], None);
    assert!(
        out.contains("40 organizations") && out.contains("80 contacts"),
        "{out}"
    );
    let page = ok(
        &db,
        &["list", "organizations", "--limit", "5", "--sort", "name_vi"],
        None,
    );
    assert!(page.contains("(5 of 40 organizations)"), "{page}");
}

#[test]
fn brief_is_generated_recorded_and_regenerated_identically() {
    let (dir, db) = temp_db();
    ok(&db, &["demo"], None);
    let pdf = dir.path().join("japan.pdf");
    let out = ok(
        &db,
        &[
            "brief",
            "--delegation",
            "1",
            "--lang",
            "bi",
            "-o",
            pdf.to_str().unwrap(),
        ],
        None,
    );
    assert!(
        out.contains("version 1") && out.contains("recorded as brief 1"),
        "{out}"
    );
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    let briefs = json(&db, &["list", "briefs", "--json"]);
    let b = &briefs[0];
    assert_eq!(b["language"], "bi");
    assert_eq!(b["delegation_id"], 1);
    assert_eq!(b["file_sha256"].as_str().unwrap().len(), 64);
    let again = dir.path().join("again.pdf");
    let out = ok(
        &db,
        &["brief", "regenerate", "1", "-o", again.to_str().unwrap()],
        None,
    );
    assert!(out.contains("identical"), "{out}");
    assert_eq!(std::fs::read(&pdf).unwrap(), std::fs::read(&again).unwrap());
    let html = dir.path().join("sector.html");
    ok(
        &db,
        &[
            "brief",
            "--sector",
            "logistics",
            "--country",
            "sg",
            "--lang",
            "en",
            "--no-personal-data",
            "--format",
            "html",
            "-o",
            html.to_str().unwrap(),
        ],
        None,
    );
    let text = std::fs::read_to_string(&html).unwrap();
    assert!(
        text.starts_with("<!doctype html>") && text.contains("Logistics investors in SG"),
        "{}",
        &text[..200]
    );
    let r = planner(&db, &["brief", "--lang", "vi", "-o", "x.pdf"], None);
    assert!(
        r.code != 0 && r.stderr.contains("--delegation"),
        "{}",
        r.stderr
    );
    let r = planner(
        &db,
        &[
            "brief",
            "--delegation",
            "99",
            "-o",
            dir.path().join("n.pdf").to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(r.code, 3, "{}", r.stderr);
}

/// A 1×1 RGB PNG, byte for byte (opaque pictures are stored re-encoded as JPEG).
const TINY_PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
    0xDE, 0x00, 0x00, 0x00, 0x0C, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x38, 0x21, 0xA0, 0x07,
    0x00, 0x02, 0xAA, 0x01, 0x07, 0x82, 0x25, 0x9A, 0xEE, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E,
    0x44, 0xAE, 0x42, 0x60, 0x82,
];

#[test]
fn pictures_are_added_listed_and_refused_when_not_images() {
    let (dir, db) = temp_db();
    ok(&db, &["demo"], None);
    let png = dir.path().join("tiny.png");
    std::fs::write(&png, TINY_PNG).unwrap();
    let out = ok(
        &db,
        &[
            "image",
            "add",
            "1",
            png.to_str().unwrap(),
            "--caption",
            "Cổng chính Khu CNC",
        ],
        None,
    );
    assert!(out.contains("1x1 image/jpeg"), "{out}");
    let list = json(&db, &["image", "list", "1", "--json"]);
    assert_eq!(list[0]["caption"], "Cổng chính Khu CNC");
    let script = dir.path().join("evil.png");
    std::fs::write(&script, "#!/bin/sh\nrm -rf /\n").unwrap();
    let r = planner(&db, &["image", "add", "1", script.to_str().unwrap()], None);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("file: Only PNG or JPEG"), "{}", r.stderr);
    ok(
        &db,
        &["image", "remove", list[0]["id"].to_string().as_str()],
        None,
    );
    assert_eq!(
        json(&db, &["image", "list", "1", "--json"]),
        Value::Array(vec![])
    );
}

#[test]
fn itinerary_check_ics_pdf_and_workflow_on_the_demo() {
    let (dir, db) = temp_db();
    ok(&db, &["demo"], None);
    let delegations = json(&db, &["list", "delegations", "--json"]);
    let japan = delegations
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["destination_country"] == "JP")
        .expect("the demo has the Japan/Korea mission");
    let id = japan["id"].as_i64().unwrap().to_string();
    assert_eq!(japan["status"], "approved");

    // The demo programme has no hard conflict.
    let check = planner(&db, &["itinerary", "check", &id, "--json"], None);
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);
    let report: Value = serde_json::from_str(&check.stdout).unwrap();
    assert!(report["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["severity"] == "soft"));

    let view = json(&db, &["itinerary", "show", &id, "--json"]);
    // A flight that lands in another zone shows its arrival in the arrival zone, named.
    let leg = view["days"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["items"].as_array().unwrap())
        .find(|v| v["start_zone_abbr"] != v["end_zone_abbr"])
        .expect("the demo flies between zones");
    let hm = |field: &str| leg[field].as_str().unwrap()[11..16].to_owned();
    let span = format!(
        "{} {}–{} {}",
        hm("local_start"),
        leg["start_zone_abbr"].as_str().unwrap(),
        hm("local_end"),
        leg["end_zone_abbr"].as_str().unwrap()
    );
    let text = ok(&db, &["itinerary", "show", &id], None);
    assert!(text.contains(&span), "{span} not in:\n{text}");

    // Quick-add an item for the whole delegation on top of the first meeting abroad.
    let first = view["days"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["items"].as_array().unwrap())
        .find(|v| v["item"]["time_zone"] == "Asia/Tokyo" && v["item"]["kind"] == "meeting")
        .expect("a meeting in Tokyo");
    let local = first["local_start"].as_str().unwrap();
    let (day, hm) = (&local[..10], &local[11..16]);
    let added = json(
        &db,
        &[
            "itinerary",
            "add",
            &id,
            &format!("{hm} Gặp đột xuất Tập đoàn Sumitomo @ Sumitomo Building"),
            "--date",
            day,
        ],
    );
    assert_eq!(added["time_zone"], "Asia/Tokyo");
    let check = planner(&db, &["itinerary", "check", &id], None);
    assert_eq!(
        check.code, 4,
        "a hard conflict exits with 4: {}",
        check.stdout
    );
    assert!(
        check.stdout.contains("HARD  Trùng lịch"),
        "{}",
        check.stdout
    );
    assert!(check.stdout.contains("Gặp đột xuất Tập đoàn Sumitomo"));

    // Confirming is refused with the reason; the status is unchanged.
    let refused = planner(&db, &["delegation", "move", &id, "confirmed"], None);
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert!(
        refused.stderr.contains("hard conflict"),
        "{}",
        refused.stderr
    );
    let status = json(&db, &["delegation", "status", &id, "--json"]);
    assert_eq!(status["status"], "approved");
    ok(
        &db,
        &["delete", "itinerary-items", &added["id"].to_string()],
        None,
    );

    // Calendar of the whole delegation and of one member.
    let ics = dir.path().join("doan.ics");
    ok(
        &db,
        &["itinerary", "ics", &id, "-o", ics.to_str().unwrap()],
        None,
    );
    let text = std::fs::read_to_string(&ics).unwrap();
    assert!(
        text.starts_with("BEGIN:VCALENDAR\r\n"),
        "{}",
        &text[..40.min(text.len())]
    );
    let events = text.matches("BEGIN:VEVENT").count();
    assert_eq!(
        events,
        view["days"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["items"].as_array().unwrap().len())
            .sum::<usize>()
    );
    let member = view["members"][1]["id"].to_string();
    let mine = dir.path().join("member.ics");
    ok(
        &db,
        &[
            "itinerary",
            "ics",
            &id,
            "--member",
            &member,
            "-o",
            mine.to_str().unwrap(),
        ],
        None,
    );
    let mine = std::fs::read_to_string(&mine).unwrap();
    assert!(mine.matches("BEGIN:VEVENT").count() <= events);
    let bad = planner(
        &db,
        &[
            "itinerary",
            "ics",
            &id,
            "--member",
            "999999",
            "-o",
            "/tmp/x.ics",
        ],
        None,
    );
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("member_id"), "{}", bad.stderr);

    // The printed itinerary, bilingual.
    let pdf = dir.path().join("lich-trinh.pdf");
    ok(
        &db,
        &[
            "itinerary",
            "pdf",
            &id,
            "--lang",
            "bi",
            "-o",
            pdf.to_str().unwrap(),
        ],
        None,
    );
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("Nhật Bản"), "{text}");
    assert!(text.contains("Hà Nội"), "{text}");

    // Workflow moves from the command line, recorded in the audit log.
    ok(&db, &["delegation", "move", &id, "proposed"], None);
    let no_by = planner(&db, &["delegation", "move", &id, "approved"], None);
    assert_eq!(no_by.code, 2);
    assert!(no_by.stderr.contains("by:"), "{}", no_by.stderr);
    ok(
        &db,
        &[
            "delegation",
            "move",
            &id,
            "approved",
            "--by",
            "Phó Giám đốc Sở",
        ],
        None,
    );
    let audit = ok(&db, &["audit", "delegations", &id], None);
    assert!(audit.matches("status").count() >= 2, "{audit}");
    let load = json(
        &db,
        &[
            "delegation",
            "load",
            &japan["counsellor_id"].to_string(),
            "--json",
        ],
    );
    assert!(!load["delegations"].as_array().unwrap().is_empty());
}

#[test]
fn search_ignores_accents_and_dd() {
    let (_dir, db) = temp_db();
    ok(&db, &["demo"], None);
    let r = json(&db, &["search", "hoa lac", "--json"]);
    let kinds: Vec<&str> = r["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"opportunities"), "{kinds:?}");
    let text = ok(&db, &["search", "Hòa Lạc"], None);
    assert!(text.contains("Hòa Lạc"), "{text}");
    let none = ok(&db, &["search", "zzqxw"], None);
    assert!(none.contains("nothing found"), "{none}");
    // A record created through the CLI is found at once, by its unaccented name.
    ok(
        &db,
        &["create", "organizations", "-"],
        Some(r#"{"name_vi": "Công ty TNHH Đông Đô", "country": "VN"}"#),
    );
    let r = json(&db, &["search", "dong do", "--json"]);
    assert_eq!(r["groups"][0]["hits"][0]["label"], "Công ty TNHH Đông Đô");
}

#[test]
fn duplicates_merge_and_person_export_and_erase() {
    let (dir, db) = temp_db();
    ok(&db, &["init"], None);
    let mk = |body: &str| -> i64 {
        let out = ok(&db, &["create", "contacts", "-"], Some(body));
        serde_json::from_str::<Value>(&out).unwrap()["id"]
            .as_i64()
            .unwrap()
    };
    let a = mk(
        r#"{"full_name": "Võ Minh Đức", "emails": [{"label": "work", "value": "duc@vina.vn"}]}"#,
    );
    let b = mk(
        r#"{"full_name": "Vo Minh Duc", "emails": [{"label": "home", "value": "DUC@vina.vn"}], "phones": [{"label": "mobile", "value": "+84 903 123 456"}], "notes": "Gặp ở Hội chợ"}"#,
    );
    let dups = json(&db, &["duplicates", "--json"]);
    assert_eq!(dups.as_array().unwrap().len(), 1, "{dups}");
    assert_eq!(dups[0]["reasons"][0]["kind"], "same_email");
    ok(&db, &["merge", &a.to_string(), &b.to_string()], None);
    let kept = json(&db, &["show", "contacts", &a.to_string(), "--json"]);
    assert_eq!(kept["phones"][0]["value"], "+84 903 123 456");
    assert_eq!(kept["notes"], "Gặp ở Hội chợ");
    assert_eq!(
        json(&db, &["duplicates", "--json"])
            .as_array()
            .unwrap()
            .len(),
        0
    );

    let pdf = dir.path().join("duc.pdf");
    ok(
        &db,
        &[
            "person",
            "export",
            &a.to_string(),
            "-o",
            pdf.to_str().unwrap(),
        ],
        None,
    );
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(String::from_utf8(text.stdout)
        .unwrap()
        .contains("Võ Minh Đức"));
    let js = dir.path().join("duc.json");
    ok(
        &db,
        &[
            "person",
            "export",
            &a.to_string(),
            "-o",
            js.to_str().unwrap(),
        ],
        None,
    );
    let export: Value = serde_json::from_slice(&std::fs::read(&js).unwrap()).unwrap();
    assert_eq!(export["contact"]["full_name"], "Võ Minh Đức");

    let refused = planner(&db, &["person", "erase", &a.to_string()], None);
    assert_ne!(refused.code, 0);
    assert!(refused.stderr.contains("--yes"));
    ok(&db, &["person", "erase", &a.to_string(), "--yes"], None);
    let gone = planner(&db, &["show", "contacts", &a.to_string()], None);
    assert_eq!(gone.code, 3);
    let audit = ok(&db, &["audit", "contacts", &a.to_string(), "--json"], None);
    assert!(
        !audit.contains("duc@vina.vn") && !audit.contains("Võ Minh"),
        "{audit}"
    );
    assert!(audit.contains("\"erase\""));
}

#[test]
fn import_contacts_reports_lines_dry_runs_undoes_and_exports_round_trip() {
    let (dir, db) = temp_db();
    ok(&db, &["init"], None);
    let csv = dir.path().join("danh-ba.csv");
    std::fs::write(
        &csv,
        "\u{feff}Họ và tên,Email,Di động,Công ty\r\n\
         Lê Thị Mai,mai@vnpt.vn,0912 000 333,VNPT\r\n\
         Hoàng Văn Nam,nam@@vnpt,0912 000 444,VNPT\r\n\
         Phan Quốc Việt,viet@viettel.com.vn,,Viettel\r\n",
    )
    .unwrap();
    let dry = ok(
        &db,
        &["import", "contacts", csv.to_str().unwrap(), "--dry-run"],
        None,
    );
    assert!(dry.contains("danh-ba.csv:3: Email"), "{dry}");
    assert!(
        dry.contains("dry run: 3 rows read: 2 contacts and 2 organisations would be created"),
        "{dry}"
    );
    assert_eq!(
        json(&db, &["list", "contacts", "--json"])
            .as_array()
            .unwrap()
            .len(),
        0
    );

    let report = json(
        &db,
        &["import", "contacts", csv.to_str().unwrap(), "--json"],
    );
    assert_eq!(report["contacts_created"], 2);
    assert_eq!(report["errors"][0]["line"], 3);
    let id = report["import_id"].as_i64().unwrap().to_string();
    let found = json(&db, &["search", "le thi mai", "--json"]);
    assert_eq!(found["groups"][0]["hits"][0]["label"], "Lê Thị Mai");
    let listed = ok(&db, &["import", "list"], None);
    assert!(
        listed.contains("danh-ba.csv") && listed.contains("+2 contacts"),
        "{listed}"
    );

    // Export, wipe by undoing, and import the export back: the same people with the same uuids.
    let before = json(&db, &["list", "contacts", "--json"]);
    let exported = dir.path().join("export.vcf");
    ok(
        &db,
        &[
            "export",
            "contacts",
            "--format",
            "vcard",
            "-o",
            exported.to_str().unwrap(),
        ],
        None,
    );
    ok(&db, &["import", "undo", &id], None);
    assert_eq!(
        json(&db, &["list", "contacts", "--json"])
            .as_array()
            .unwrap()
            .len(),
        0
    );
    let again = json(
        &db,
        &["import", "contacts", exported.to_str().unwrap(), "--json"],
    );
    assert_eq!(again["format"], "vcard");
    assert_eq!(again["contacts_created"], 2);
    let after = json(&db, &["list", "contacts", "--json"]);
    let key = |v: &Value| {
        let mut x: Vec<(String, String, Value)> = v
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["uuid"].to_string(),
                    c["full_name"].to_string(),
                    c["phones"].clone(),
                )
            })
            .collect();
        x.sort_by(|a, b| a.0.cmp(&b.0));
        x
    };
    assert_eq!(key(&before), key(&after));
    let bad = planner(
        &db,
        &[
            "import",
            "contacts",
            csv.to_str().unwrap(),
            "--format",
            "xls",
        ],
        None,
    );
    assert_ne!(bad.code, 0);
    assert!(bad.stderr.contains("--format"));
}

#[test]
fn linked_shows_an_organisations_and_a_persons_delegations_meetings_and_briefs() {
    let (_dir, db) = temp_db();
    ok(&db, &["demo"], None);
    let find = |kind: &str, field: &str, value: &str| -> i64 {
        let filter = format!("{field}={value}");
        json(&db, &["list", kind, "--json", "--filter", &filter])[0]["id"]
            .as_i64()
            .unwrap()
    };
    let hoshino = find(
        "organizations",
        "name_vi",
        "Công ty Hoshino Semiconductor Materials",
    );
    let ishikawa = find("contacts", "full_name", "Naoki Ishikawa");
    let japan = find(
        "delegations",
        "title",
        "Đoàn xúc tiến đầu tư Hà Nội tại Nhật Bản và Hàn Quốc 2027",
    );
    let hoa_lac = find(
        "delegations",
        "title",
        "Đoàn Hoshino Semiconductor Materials khảo sát Khu CNC Hòa Lạc",
    );
    let create_brief = |body: String| -> i64 {
        let out = ok(&db, &["create", "briefs", "-"], Some(&body));
        serde_json::from_str::<Value>(&out).unwrap()["id"]
            .as_i64()
            .unwrap()
    };
    let for_hoshino = create_brief(format!(
        r#"{{"title": "Bản tin Hoshino", "language": "vi", "audience_kind": "organization", "organization_id": {hoshino}, "version": 1}}"#
    ));
    let for_hoa_lac = create_brief(format!(
        r#"{{"title": "Bản tin Hòa Lạc", "language": "en", "audience_kind": "delegation", "delegation_id": {hoa_lac}, "version": 1}}"#
    ));

    // Hoshino: its people are in the Hoa Lac delegation; its meeting, and the Tokyo conference
    // its people attend, are in the Japan one.
    let org = json(
        &db,
        &["linked", "organizations", &hoshino.to_string(), "--json"],
    );
    let delegations: Vec<(i64, Value)> = org["delegations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["id"].as_i64().unwrap(), d["reasons"].clone()))
        .collect();
    assert_eq!(delegations.len(), 2, "{org}");
    assert!(delegations.contains(&(japan, serde_json::json!(["meeting"]))));
    assert!(delegations.contains(&(hoa_lac, serde_json::json!(["member"]))));
    assert_eq!(org["meetings_total"], 2);
    for meeting in org["meetings"].as_array().unwrap() {
        assert_eq!(meeting["time_zone"], "Asia/Tokyo");
        assert_eq!(meeting["delegation_id"], japan);
    }
    let briefs: Vec<(i64, bool)> = org["briefs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| (b["id"].as_i64().unwrap(), b["via_delegation"] == true))
        .collect();
    assert_eq!(briefs, [(for_hoa_lac, true), (for_hoshino, false)]);

    // Ishikawa heads the Hoa Lac delegation and attends two meetings in Japan.
    let person = json(
        &db,
        &["linked", "contacts", &ishikawa.to_string(), "--json"],
    );
    let roles: Vec<(i64, Value)> = person["delegations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["id"].as_i64().unwrap(), d["roles"].clone()))
        .collect();
    assert_eq!(roles.len(), 2, "{person}");
    assert!(roles.contains(&(hoa_lac, serde_json::json!(["head"]))));
    assert!(roles.contains(&(japan, serde_json::json!([]))));
    assert_eq!(person["meetings_total"], 2);
    assert_eq!(person["briefs"][0]["id"], for_hoa_lac);
    assert_eq!(person["briefs_total"], 1);

    let text = ok(&db, &["linked", "organization", &hoshino.to_string()], None);
    assert!(text.contains("delegations (2)"), "{text}");
    assert!(text.contains("14:00 Asia/Tokyo"), "local time: {text}");
    assert!(text.contains("Bản tin Hòa Lạc  — for delegation"), "{text}");

    let refused = planner(&db, &["linked", "delegations", &japan.to_string()], None);
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert_eq!(planner(&db, &["linked", "contacts", "9999"], None).code, 3);
}

/// Files follow the app's one rule (planner_core::files): a relative `-o` is taken from the
/// working directory, a wrong extension is refused with the rule's code and message, and a
/// brief with no `-o` goes to the store's `briefs/` folder, as the app's does.
#[test]
fn output_files_follow_the_apps_rule() {
    let (dir, db) = temp_db();
    ok(&db, &["demo"], None);
    let work = dir.path().join("work");
    std::fs::create_dir(&work).unwrap();
    let run_in = |args: &[&str]| {
        crate::planner_command()
            .arg("--db")
            .arg(&db)
            .args(args)
            .env_remove("PLANNER_DB")
            .current_dir(&work)
            .output()
            .unwrap()
    };
    let out = run_in(&["itinerary", "ics", "1", "-o", "lich.ics"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::read_to_string(work.join("lich.ics"))
        .unwrap()
        .starts_with("BEGIN:VCALENDAR"));

    let out = run_in(&["itinerary", "pdf", "1", "-o", "lich.txt"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("ending in .pdf"), "{stderr}");
    assert!(!work.join("lich.txt").exists());
    let out = run_in(&["person", "export", "1", "-o", "p.csv"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains(".json or .pdf"));

    let out = ok(&db, &["brief", "--delegation", "1", "--lang", "vi"], None);
    let briefs_dir = dir.path().join("briefs");
    let written: Vec<_> = std::fs::read_dir(&briefs_dir).unwrap().collect();
    assert_eq!(written.len(), 1, "{out}");
    assert!(out.starts_with(&briefs_dir.display().to_string()), "{out}");
}

/// A mistyped store path is an error naming the path, never a new empty store; only the
/// commands whose job it is (init, demo) make one.
#[test]
fn a_missing_store_is_refused_not_made() {
    let (dir, _) = temp_db();
    let wrong = dir.path().join("wrong").join("path.db");
    for args in [
        &["list", "delegations"][..],
        &["search", "hoa lac"],
        &["show", "delegations", "1"],
        &["bench", "search", "--queries", "1"],
    ] {
        let r = planner(&wrong, args, None);
        assert_eq!(r.code, 1, "{args:?}: {}", r.stdout);
        assert!(
            r.stderr.contains("there is no store at") && r.stderr.contains("path.db"),
            "{}",
            r.stderr
        );
        assert!(r.stdout.is_empty(), "{}", r.stdout);
    }
    assert!(!wrong.parent().unwrap().exists(), "no folder was made");
    ok(&wrong, &["init"], None);
    assert!(wrong.exists());
    let listed = ok(&wrong, &["list", "delegations"], None);
    assert!(listed.contains("0 of 0"), "{listed}");
}

/// Sectors come from one list; `planner sectors add` adds one as Settings does (#13.2).
#[test]
fn sectors_are_listed_added_and_enforced() {
    let (_dir, db) = temp_db();
    ok(&db, &["init"], None);
    let listed = ok(&db, &["sectors"], None);
    assert!(
        listed.contains("real_estate") && listed.contains("Bất động sản / Real estate"),
        "{listed}"
    );
    let added = ok(
        &db,
        &[
            "sectors",
            "add",
            "--vi",
            "Ô tô điện",
            "--en",
            "Electric vehicles",
        ],
        None,
    );
    assert!(added.contains("electric_vehicles"), "{added}");
    let org =
        r#"{"kind":"investor","name_vi":"Xe Việt","country":"VN","sectors":["electric_vehicles"]}"#;
    ok(&db, &["create", "organizations", "-"], Some(org));
    let bad = r#"{"kind":"investor","name_vi":"Xe Việt 2","country":"VN","sectors":["Bán dẫn"]}"#;
    let r = planner(&db, &["create", "organizations", "-"], Some(bad));
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("sectors[0]") && r.stderr.contains("not in the list"),
        "{}",
        r.stderr
    );
    let json = json(&db, &["sectors", "list", "--json"]);
    let last = json.as_array().unwrap().last().unwrap();
    assert_eq!(
        (last["tag"].as_str(), last["added"].as_bool()),
        (Some("electric_vehicles"), Some(true))
    );
}

/// A quick-add line whose time a clock change moved says so (stderr), keeping stdout the record.
#[test]
fn itinerary_add_says_what_a_clock_change_did() {
    let (_dir, db) = temp_db();
    ok(&db, &["init"], None);
    let d = r#"{"kind":"outbound","title":"Đoàn Berlin","destination_country":"DE","time_zone":"Europe/Berlin","start_date":"2027-03-27","end_date":"2027-03-30"}"#;
    ok(&db, &["create", "delegations", "-"], Some(d));
    let r = planner(
        &db,
        &[
            "itinerary",
            "add",
            "1",
            "02:30-03:30 Gặp đối tác",
            "--date",
            "2027-03-28",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("does not exist") && r.stderr.contains("1 h kept"),
        "{}",
        r.stderr
    );
    let item: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(item["title"], "Gặp đối tác");
    let r = planner(
        &db,
        &[
            "itinerary",
            "add",
            "1",
            "10:00-11:00 Họp",
            "--date",
            "2027-03-29",
        ],
        None,
    );
    assert!(r.stderr.is_empty(), "{}", r.stderr);
}

#[test]
fn version_prints_the_workspace_version_and_the_build_date() {
    let manifest =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../Cargo.toml")).unwrap();
    let workspace = manifest.split("[workspace.package]").nth(1).unwrap();
    let version = workspace
        .lines()
        .find(|l| l.starts_with("version"))
        .unwrap()
        .split('"')
        .nth(1)
        .unwrap();
    let out = crate::planner_command().arg("--version").output().unwrap();
    assert!(out.status.success());
    let line = String::from_utf8(out.stdout).unwrap();
    let date = line
        .trim()
        .strip_prefix(&format!("planner {version} (built "))
        .and_then(|r| r.strip_suffix(')'));
    let date = date.unwrap_or_else(|| panic!("{line:?}"));
    assert!(
        chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok(),
        "{line:?}"
    );
}
