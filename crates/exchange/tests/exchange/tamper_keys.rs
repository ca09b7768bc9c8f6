//! Signatures an Ed25519 check must refuse: a small-order public key with a signature that holds
//! for every message (a lax `verify` accepts it, `verify_strict` does not: without this test the
//! one could become the other unnoticed), and a second encoding of an honest signature (S + L).

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use planner_exchange::{read_card, PublicKey, CARD_PAYLOAD_TYPE, PAYLOAD_TYPE};
use serde_json::{json, Value};

use crate::support::{hanoi_office, honest_parts, part, refusal, rezip};

/// The identity point's encoding: a public key of order 1.
const IDENTITY: [u8; 32] = {
    let mut b = [0u8; 32];
    b[0] = 1;
    b
};

/// R = identity, S = 0: [S]B = R + [k]A holds for every message when A is the identity.
fn forged_signature() -> String {
    let mut sig = [0u8; 64];
    sig[..32].copy_from_slice(&IDENTITY);
    STANDARD.encode(sig)
}

/// The group order L, little-endian.
const L: [u8; 32] = [
    0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
];

#[test]
fn a_small_order_key_is_refused_though_its_signature_holds_for_any_manifest() {
    let identity = PublicKey::from_base64(&STANDARD.encode(IDENTITY)).unwrap();
    let mut parts = honest_parts();
    let mut manifest: Value = serde_json::from_slice(&parts[0].1).unwrap();
    manifest["sender"]["public_key"] = json!(identity.to_base64());
    manifest["sender"]["fingerprint"] = json!(identity.fingerprint().as_str());
    parts[0].1 = serde_json::to_vec_pretty(&manifest).unwrap();
    parts[1].1 = serde_json::to_vec(&json!({
        "payload_type": PAYLOAD_TYPE,
        "public_key": identity.to_base64(),
        "signature": forged_signature(),
    }))
    .unwrap();
    assert_eq!(refusal(&rezip(&parts)), "bad_signature");
}

#[test]
fn a_small_order_key_cannot_make_an_office_card() {
    let key = STANDARD.encode(IDENTITY);
    let body = json!({
        "format": "delegation-planner-office-card",
        "format_version": 1,
        "office": hanoi_office(),
        "public_key": key,
        "created_at": "2025-03-14T09:30:00Z",
    });
    let card = json!({
        "payload_type": CARD_PAYLOAD_TYPE,
        "payload": STANDARD.encode(body.to_string()),
        "public_key": key,
        "signature": forged_signature(),
    });
    let err = read_card(card.to_string().as_bytes()).unwrap_err();
    assert_eq!(err.code(), "bad_signature");
}

#[test]
fn a_second_encoding_of_an_honest_signature_is_refused() {
    let mut parts = honest_parts();
    let sig = part(&mut parts, "manifest.sig");
    let mut envelope: Value = serde_json::from_slice(sig).unwrap();
    let mut raw = STANDARD
        .decode(envelope["signature"].as_str().unwrap())
        .unwrap();
    // S + L: the same point equation, another 64 bytes (signature malleability).
    let mut carry = 0u16;
    for (s, l) in raw[32..].iter_mut().zip(L) {
        let sum = u16::from(*s) + u16::from(l) + carry;
        *s = sum as u8;
        carry = sum >> 8;
    }
    assert_eq!(carry, 0);
    envelope["signature"] = json!(STANDARD.encode(raw));
    *sig = serde_json::to_vec(&envelope).unwrap();
    assert_eq!(refusal(&rezip(&parts)), "bad_signature");
}
