//! The honest path: write, open, verify, parse; determinism; keys and fingerprints.

use planner_exchange::{
    open, parse_json, sha256_hex, write_bundle, Fingerprint, Limits, OfficeKey, FORMAT,
    FORMAT_VERSION,
};

use crate::support::{bundle, outgoing, read, sender_key};

#[test]
fn an_honest_bundle_round_trips_byte_for_byte() {
    let bytes = bundle();
    let opened = open(&bytes, &Limits::default()).expect("opens");
    assert_eq!(opened.manifest.format, FORMAT);
    assert_eq!(opened.manifest.format_version, FORMAT_VERSION);
    assert_eq!(opened.signer, sender_key().public());
    assert_eq!(opened.fingerprint, sender_key().public().fingerprint());
    let verified = opened.verify_members().expect("members verify");
    assert_eq!(verified.bundle_sha256, sha256_hex(&bytes));
    let sent = outgoing();
    assert_eq!(verified.members.len(), sent.members.len());
    for m in &sent.members {
        assert_eq!(verified.members[&m.path], m.bytes, "{}", m.path);
    }
    // Members are listed in the fixed order: the three fixed members, then pictures by name.
    let paths: Vec<&str> = verified
        .manifest
        .members
        .iter()
        .map(|m| m.path.as_str())
        .collect();
    assert_eq!(
        &paths[..3],
        ["brief.pdf", "brief.json", "opportunities.json"]
    );
    assert!(paths[3] < paths[4]);
    let brief: serde_json::Value = parse_json(
        "brief.json",
        &verified.members["brief.json"],
        &Limits::default(),
    )
    .unwrap();
    assert_eq!(brief["model"]["pages"], 40);
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    assert_eq!(bundle(), bundle());
    let mut reordered = outgoing();
    reordered.members.reverse();
    assert_eq!(write_bundle(&sender_key(), &reordered).unwrap(), bundle());
}

#[test]
fn a_key_survives_its_file_and_a_fingerprint_its_spelling() {
    let key = OfficeKey::generate().unwrap();
    let text = key.to_file_text();
    assert!(text.starts_with("delegation-planner office key v1\n"));
    let again = OfficeKey::from_file_text(&text).unwrap();
    assert_eq!(again.public(), key.public());
    assert_eq!(
        OfficeKey::from_file_text("nonsense").unwrap_err().code(),
        "office_key_missing"
    );

    let fp = sender_key().public().fingerprint();
    assert_eq!(fp.as_str().len(), 32);
    let grouped = fp.grouped();
    assert_eq!(grouped.split(' ').count(), 8);
    assert_eq!(format!("{fp}"), grouped);
    assert_eq!(Fingerprint::parse(&grouped).unwrap(), fp);
    assert_eq!(
        Fingerprint::parse(&grouped.to_lowercase().replace(' ', "-")).unwrap(),
        fp
    );
    assert_eq!(
        Fingerprint::parse("A1B2").unwrap_err().code(),
        "bad_fingerprint"
    );
    let public = sender_key().public();
    assert_eq!(
        planner_exchange::PublicKey::from_base64(&public.to_base64()).unwrap(),
        public
    );
}

#[test]
fn a_deeply_nested_json_member_is_refused_before_serde() {
    let deep = "[".repeat(40) + &"]".repeat(40);
    let err = parse_json::<serde_json::Value>("brief.json", deep.as_bytes(), &Limits::default())
        .unwrap_err();
    assert_eq!(err.code(), "malformed_content");
    assert!(err.detail.contains("brief.json"));
    let shallow = r#"{"a":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}"#;
    assert!(
        parse_json::<serde_json::Value>("x.json", shallow.as_bytes(), &Limits::default()).is_ok()
    );
}

#[test]
fn reading_is_fast() {
    let bytes = bundle();
    let started = std::time::Instant::now();
    for _ in 0..50 {
        read(&bytes).unwrap();
    }
    eprintln!(
        "open + verify_members: {:?} per bundle",
        started.elapsed() / 50
    );
}

#[test]
fn a_file_that_is_not_a_zip_is_refused() {
    assert_eq!(crate::support::refusal(b"%PDF-1.7\n"), "not_a_bundle");
    assert_eq!(crate::support::refusal(b""), "not_a_bundle");
}
