//! Hostile member names, each zipped by Python's zipfile beside the honest members.

use serde_json::json;

use crate::python::{entry, python_zip};
use crate::support::{honest_parts, refusal, rezip};

/// The honest parts plus one entry named `name`.
fn with_entry(name: &str) -> Vec<u8> {
    let mut parts = honest_parts();
    parts.push((name.to_string(), b"hostile".to_vec()));
    rezip(&parts)
}

#[test]
fn a_dot_dot_name_is_unsafe() {
    assert_eq!(refusal(&with_entry("../brief.pdf")), "unsafe_member_name");
    assert_eq!(
        refusal(&with_entry("images/../../x.png")),
        "unsafe_member_name"
    );
}

#[test]
fn an_absolute_name_is_unsafe() {
    assert_eq!(refusal(&with_entry("/etc/passwd")), "unsafe_member_name");
}

#[test]
fn a_backslash_name_is_unsafe() {
    assert_eq!(
        refusal(&with_entry("images\\..\\x.png")),
        "unsafe_member_name"
    );
}

#[test]
fn a_drive_letter_name_is_unsafe() {
    assert_eq!(
        refusal(&with_entry("C:/Windows/x.dll")),
        "unsafe_member_name"
    );
    assert_eq!(refusal(&with_entry("C:x")), "unsafe_member_name");
}

#[test]
fn a_control_character_in_a_name_is_unsafe() {
    assert_eq!(
        refusal(&with_entry("brief\u{1b}[2J.pdf")),
        "unsafe_member_name"
    );
}

#[test]
fn an_nfd_twin_of_an_nfc_name_is_a_duplicate() {
    let mut parts = honest_parts();
    parts.push(("ảnh.json".to_string(), b"1".to_vec())); // NFC
    parts.push(("a\u{309}nh.json".to_string(), b"2".to_vec())); // NFD
    assert_eq!(refusal(&rezip(&parts)), "duplicate_member");
}

#[test]
fn an_nfd_name_alone_is_unsafe() {
    assert_eq!(
        refusal(&with_entry("a\u{309}nh.json")),
        "unsafe_member_name"
    );
}

#[test]
fn a_case_twin_is_a_duplicate() {
    assert_eq!(refusal(&with_entry("BRIEF.PDF")), "duplicate_member");
}

#[test]
fn a_duplicate_name_is_refused() {
    // zipfile warns and writes both; most unzip tools keep the last one silently.
    assert_eq!(refusal(&with_entry("brief.pdf")), "duplicate_member");
}

#[test]
fn a_symlink_entry_is_refused() {
    let mut entries: Vec<_> = honest_parts().iter().map(|(n, d)| entry(n, d)).collect();
    let mut link = entry("images/link.png", b"/etc/passwd");
    link["external_attr"] = json!(0o120_777u32 << 16);
    entries.push(link);
    assert_eq!(refusal(&python_zip(entries)), "symlink_member");
}

#[test]
fn a_directory_entry_is_refused() {
    assert_eq!(refusal(&with_entry("images/")), "directory_member");
    let mut entries: Vec<_> = honest_parts().iter().map(|(n, d)| entry(n, d)).collect();
    let mut dir = entry("images", b"");
    dir["external_attr"] = json!((0o040_755u32 << 16) | 0x10);
    entries.push(dir);
    assert_eq!(refusal(&python_zip(entries)), "directory_member");
}

#[test]
fn a_name_off_the_allow_list_is_unexpected() {
    assert_eq!(refusal(&with_entry("readme.txt")), "unexpected_member");
    assert_eq!(refusal(&with_entry("images/cat.png")), "unexpected_member");
    let upper = format!("images/{}.png", "A".repeat(64));
    assert_eq!(refusal(&with_entry(&upper)), "unexpected_member");
}

#[test]
fn a_second_unicode_name_in_an_extra_field_is_refused() {
    // Info-ZIP's Unicode Path field (0x7075): unzip would extract "brief.pdf" as "../x.pdf".
    let hidden = b"../x.pdf";
    let mut field = vec![0x75, 0x70];
    field.extend_from_slice(&((5 + hidden.len()) as u16).to_le_bytes());
    field.push(1);
    field.extend_from_slice(&crc32fast_free(b"brief.pdf").to_le_bytes());
    field.extend_from_slice(hidden);
    let mut entries: Vec<_> = honest_parts().iter().map(|(n, d)| entry(n, d)).collect();
    entries[2]["extra"] = json!(base64::Engine::encode(
        &base64::engine::general_purpose::STANDARD,
        &field
    ));
    assert_eq!(refusal(&python_zip(entries)), "unsafe_member_name");
}

/// CRC-32 of the original name, as the field records it (any value would do for the refusal).
fn crc32fast_free(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}
