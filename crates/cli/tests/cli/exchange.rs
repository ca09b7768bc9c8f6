//! `planner office` and `planner exchange` between two stores as two offices: export, inspect,
//! refused while untrusted (exit 1, JSON, nothing written), trusted and imported, received
//! again, adopted, revoked; trust by office card; a file that is no bundle.
//! (A module of the `cli` test binary.)

use super::{json, ok, planner, temp_db};
use serde_json::Value;
use std::path::Path;

fn refused(db: &Path, args: &[&str], code: &str) -> Value {
    let r = planner(db, args, None);
    assert_eq!(r.code, 1, "{args:?}: {}", r.stderr);
    assert!(
        r.stderr.contains(code),
        "the message on stderr: {}",
        r.stderr
    );
    let v: Value = serde_json::from_str(&r.stdout).expect("JSON on stdout");
    assert_eq!(
        (v["status"].as_str(), v["code"].as_str()),
        (Some("refused"), Some(code))
    );
    assert!(
        v["message_vi"].as_str().unwrap().len() > 10
            && v["message_en"].as_str().unwrap().len() > 10
    );
    v
}

#[test]
fn two_offices_exchange_a_brief_through_the_cli() {
    let (dir, a) = temp_db();
    ok(&a, &["demo"], None);
    ok(
        &a,
        &[
            "office",
            "set",
            "--name-vi",
            "Trung tâm Xúc tiến Hà Nội",
            "--name-en",
            "Hanoi Promotion Centre",
            "--code",
            "ITPC-HN",
            "--country",
            "VN",
        ],
        None,
    );
    let me = json(&a, &["office", "show", "--json"]);
    let fingerprint = me["fingerprint"].as_str().unwrap().to_owned();
    assert_eq!(fingerprint.split(' ').count(), 8, "{me}");
    assert_eq!(me["key_place"]["kind"], "file");
    assert!(Path::new(me["key_place"]["path"].as_str().unwrap()).is_file());
    // The field scripts read before `key_place` said which place.
    assert_eq!(me["key_path"], me["key_place"]["path"]);
    let pdf = dir.path().join("b.pdf");
    ok(
        &a,
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
    let bundle = dir.path().join("brief (1).dpbundle");
    let out = ok(
        &a,
        &[
            "exchange",
            "export",
            "--brief",
            "1",
            "-o",
            bundle.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.contains("sha256"), "{out}");
    assert_eq!(
        json(&a, &["exchange", "outbox", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let card = dir.path().join("hn.dpoffice");
    ok(&a, &["office", "card", "-o", card.to_str().unwrap()], None);

    let (_d2, b) = temp_db();
    ok(&b, &["init"], None);
    let file = bundle.to_str().unwrap();
    let seen = json(&b, &["exchange", "inspect", file, "--json"]);
    assert_eq!(seen["signer"]["trust"], "unknown");
    assert_eq!(seen["signer"]["fingerprint_grouped"], fingerprint.as_str());
    assert_eq!(seen["refusal"]["code"], "untrusted_signer");
    let text = ok(&b, &["exchange", "inspect", file], None);
    assert!(
        text.contains(&fingerprint) && text.contains("brief.pdf"),
        "{text}"
    );

    refused(
        &b,
        &["exchange", "import", file, "--json"],
        "untrusted_signer",
    );
    assert_eq!(
        json(&b, &["exchange", "inbox", "--json"]),
        serde_json::json!([])
    );
    let done = json(&b, &["exchange", "import", file, "--trust", "--json"]);
    assert_eq!(
        (done["status"].as_str(), done["trusted_now"].as_bool()),
        (Some("imported"), Some(true))
    );
    let again = json(&b, &["exchange", "import", file, "--json"]);
    assert_eq!(again["status"], "already-received");
    let keys = json(&b, &["exchange", "keys", "--json"]);
    assert_eq!(
        (
            keys[0]["trusted_by"].as_str(),
            keys[0]["office_code"].as_str()
        ),
        (Some("cli"), Some("ITPC-HN"))
    );
    let inbox = json(&b, &["exchange", "inbox", "--json"]);
    let id = inbox[0]["id"].as_i64().unwrap().to_string();
    let adopted = ok(&b, &["exchange", "adopt", &id], None);
    assert!(adopted.starts_with("created ["), "{adopted}");
    assert!(!json(&b, &["list", "opportunities", "--json"])
        .as_array()
        .unwrap()
        .is_empty());

    ok(
        &b,
        &["exchange", "revoke", &fingerprint.to_lowercase()],
        None,
    );
    refused(
        &b,
        &["exchange", "import", file, "--trust", "--json"],
        "revoked_key",
    );

    // Trust by card, ahead of the first bundle.
    let (_d3, c) = temp_db();
    ok(&c, &["init"], None);
    let trusted = planner(
        &c,
        &[
            "exchange",
            "trust",
            card.to_str().unwrap(),
            "--name",
            "Hà Nội",
        ],
        None,
    );
    assert_eq!(trusted.code, 0, "{}", trusted.stderr);
    assert!(
        trusted.stderr.contains(&fingerprint),
        "the card's fingerprint is shown: {}",
        trusted.stderr
    );
    assert_eq!(
        json(&c, &["exchange", "import", file, "--json"])["status"],
        "imported"
    );

    // Any file: the content decides, not the name.
    let junk = dir.path().join("brief.dpbundle");
    std::fs::write(&junk, b"%PDF-1.7 not a zip").unwrap();
    refused(
        &c,
        &["exchange", "import", junk.to_str().unwrap(), "--json"],
        "not_a_bundle",
    );
}
