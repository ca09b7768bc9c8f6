//! The signature and the manifest: changed bytes, other keys, other payload types, other formats.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use planner_exchange::{sign_detached, write_card, CARD_PAYLOAD_TYPE};
use serde_json::{json, Value};

use crate::support::{
    hanoi_office, honest_parts, other_key, part, refusal, resigned, rezip, sender_key,
};

#[test]
fn a_flipped_bit_in_the_manifest_breaks_the_signature() {
    let mut parts = honest_parts();
    let manifest = part(&mut parts, "manifest.json");
    let at = manifest.windows(7).position(|w| w == b"Hi-Tech").unwrap();
    manifest[at] ^= 0x20; // "hi-Tech": still valid JSON, another title
    assert_eq!(refusal(&rezip(&parts)), "bad_signature");
}

#[test]
fn a_flipped_bit_in_the_signature_is_refused() {
    let mut parts = honest_parts();
    let sig = part(&mut parts, "manifest.sig");
    let mut envelope: Value = serde_json::from_slice(sig).unwrap();
    let mut raw = STANDARD
        .decode(envelope["signature"].as_str().unwrap())
        .unwrap();
    raw[10] ^= 1;
    envelope["signature"] = json!(STANDARD.encode(raw));
    *sig = serde_json::to_vec(&envelope).unwrap();
    assert_eq!(refusal(&rezip(&parts)), "bad_signature");
}

#[test]
fn a_signature_from_another_key_spliced_in_is_refused() {
    // Another installation signs the sender's manifest: a valid signature by the wrong key.
    let mut parts = honest_parts();
    let manifest = parts[0].1.clone();
    parts[1].1 = sign_detached(&other_key(), planner_exchange::PAYLOAD_TYPE, &manifest);
    assert_eq!(refusal(&rezip(&parts)), "signer_mismatch");
}

#[test]
fn another_bundles_signature_spliced_in_is_refused() {
    let theirs = resigned(&other_key(), |m| m["bundle_uuid"] = json!("another"));
    let mut parts = honest_parts();
    parts[1].1 = theirs[1].1.clone();
    assert_eq!(refusal(&rezip(&parts)), "bad_signature");
}

#[test]
fn a_swapped_payload_type_is_refused() {
    let mut parts = honest_parts();
    let sig = part(&mut parts, "manifest.sig");
    let mut envelope: Value = serde_json::from_slice(sig).unwrap();
    envelope["payload_type"] = json!(CARD_PAYLOAD_TYPE);
    *sig = serde_json::to_vec(&envelope).unwrap();
    assert_eq!(refusal(&rezip(&parts)), "wrong_payload_type");
}

#[test]
fn a_manifest_signed_as_another_payload_type_is_refused() {
    let mut parts = honest_parts();
    let manifest = parts[0].1.clone();
    parts[1].1 = sign_detached(&sender_key(), CARD_PAYLOAD_TYPE, &manifest);
    assert_eq!(refusal(&rezip(&parts)), "wrong_payload_type");
}

#[test]
fn an_office_card_given_as_the_signature_is_refused() {
    let mut parts = honest_parts();
    parts[1].1 = write_card(&sender_key(), &hanoi_office(), "2025-03-14T09:30:00Z");
    assert_eq!(refusal(&rezip(&parts)), "wrong_payload_type");
}

#[test]
fn a_newer_format_version_is_refused_as_newer() {
    // Properly signed, with a field version 1 does not know: newer, not malformed.
    let parts = resigned(&sender_key(), |m| {
        m["format_version"] = json!(2);
        m["encryption"] = json!("none");
    });
    assert_eq!(refusal(&rezip(&parts)), "newer_format");
}

#[test]
fn another_kind_is_refused() {
    let parts = resigned(&sender_key(), |m| m["kind"] = json!("itinerary"));
    assert_eq!(refusal(&rezip(&parts)), "wrong_kind");
}

#[test]
fn an_unknown_manifest_field_is_malformed() {
    let parts = resigned(&sender_key(), |m| m["extra"] = json!(true));
    assert_eq!(refusal(&rezip(&parts)), "malformed_manifest");
}

#[test]
fn a_sender_fingerprint_that_is_not_the_keys_is_refused() {
    let parts = resigned(&sender_key(), |m| {
        m["sender"]["fingerprint"] = json!(other_key().public().fingerprint().as_str())
    });
    assert_eq!(refusal(&rezip(&parts)), "signer_mismatch");
}

#[test]
fn a_missing_manifest_is_refused() {
    let parts: Vec<_> = honest_parts()
        .into_iter()
        .filter(|(n, _)| n != "manifest.json")
        .collect();
    assert_eq!(refusal(&rezip(&parts)), "missing_manifest");
}

#[test]
fn a_missing_signature_is_refused() {
    let parts: Vec<_> = honest_parts()
        .into_iter()
        .filter(|(n, _)| n != "manifest.sig")
        .collect();
    assert_eq!(refusal(&rezip(&parts)), "missing_signature");
}

#[test]
fn an_oversized_manifest_is_refused_before_it_is_read() {
    let parts = resigned(&sender_key(), |m| {
        m["padding"] = json!(" ".repeat(300 << 10))
    });
    assert_eq!(refusal(&rezip(&parts)), "manifest_too_large");
}
