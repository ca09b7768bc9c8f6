//! Office cards: written, read back, and refused when tampered with.

use planner_exchange::{read_card, write_card};

use crate::support::{hanoi_office, other_key, sender_key};

#[test]
fn a_card_round_trips() {
    let bytes = write_card(&sender_key(), &hanoi_office(), "2025-03-14T09:30:00Z");
    let card = read_card(&bytes).unwrap();
    assert_eq!(card.office, hanoi_office());
    assert_eq!(card.public_key, sender_key().public());
    assert_eq!(card.fingerprint, sender_key().public().fingerprint());
    assert_eq!(card.created_at, "2025-03-14T09:30:00Z");
}

#[test]
fn a_card_with_another_signature_is_refused() {
    let mine = write_card(&sender_key(), &hanoi_office(), "2025-03-14T09:30:00Z");
    let theirs = write_card(&other_key(), &hanoi_office(), "2025-03-14T09:30:00Z");
    let mut envelope: serde_json::Value = serde_json::from_slice(&mine).unwrap();
    let other: serde_json::Value = serde_json::from_slice(&theirs).unwrap();
    envelope["signature"] = other["signature"].clone();
    let spliced = serde_json::to_vec(&envelope).unwrap();
    assert_eq!(read_card(&spliced).unwrap_err().code(), "bad_signature");
}

#[test]
fn a_card_too_large_or_of_another_type_is_refused() {
    let big = vec![b' '; (64 << 10) + 1];
    assert_eq!(read_card(&big).unwrap_err().code(), "malformed_card");
    let manifest_signature =
        planner_exchange::sign_detached(&sender_key(), planner_exchange::PAYLOAD_TYPE, b"{}");
    assert_eq!(
        read_card(&manifest_signature).unwrap_err().code(),
        "malformed_card"
    );
    let mut envelope: serde_json::Value = serde_json::from_slice(&write_card(
        &sender_key(),
        &hanoi_office(),
        "2025-03-14T09:30:00Z",
    ))
    .unwrap();
    envelope["payload_type"] = serde_json::json!(planner_exchange::PAYLOAD_TYPE);
    let swapped = serde_json::to_vec(&envelope).unwrap();
    assert_eq!(
        read_card(&swapped).unwrap_err().code(),
        "wrong_payload_type"
    );
}
