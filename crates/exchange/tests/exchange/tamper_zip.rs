//! The ZIP structure: sizes, counts, cut or padded files, prepended data, overlapping entries, and
//! ZIP features a bundle never uses.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use planner_exchange::{open, Limits};
use serde_json::json;

use crate::python::{entry, headers_of, patch_flags, python_zip, python_zip_with};
use crate::support::{bundle, honest_parts, refusal, rezip};

fn honest_entries() -> Vec<serde_json::Value> {
    honest_parts().iter().map(|(n, d)| entry(n, d)).collect()
}

#[test]
fn an_oversize_file_is_refused_before_reading() {
    let mut bytes = bundle();
    bytes.resize((64 << 20) + 1, 0);
    assert_eq!(refusal(&bytes), "bundle_too_large");
}

#[test]
fn a_truncated_file_is_refused() {
    let bytes = bundle();
    assert_eq!(refusal(&bytes[..bytes.len() / 2]), "truncated_bundle");
    assert_eq!(refusal(&bytes[..bytes.len() - 1]), "truncated_bundle");
}

#[test]
fn data_prepended_is_refused() {
    // Written by zipfile behind 512 bytes of something else (a self-extractor's layout).
    let spec = json!({"prepend": STANDARD.encode([0x7fu8; 512]), "entries": honest_entries()});
    assert_eq!(refusal(&python_zip_with(spec)), "unexpected_data");
    // Glued in front of our own bundle, offsets unchanged.
    let mut glued = b"MZ\x90\x00 this is not part of the bundle".to_vec();
    glued.extend(bundle());
    assert_eq!(refusal(&glued), "unexpected_data");
}

#[test]
fn data_appended_is_refused() {
    let mut bytes = bundle();
    bytes.extend_from_slice(b"trailing");
    assert_eq!(refusal(&bytes), "unexpected_data");
}

#[test]
fn a_file_that_is_not_a_zip_is_refused() {
    assert_eq!(
        refusal(b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"),
        "not_a_bundle"
    );
    assert_eq!(refusal(&[0u8; 4096]), "not_a_bundle");
}

#[test]
fn too_many_entries_are_refused_from_the_end_record() {
    let mut entries = honest_entries();
    entries.extend((0..600).map(|i| entry(&format!("images/{i:064}.png"), b"x")));
    assert_eq!(refusal(&python_zip(entries)), "too_many_members");
}

#[test]
fn an_encrypted_entry_is_refused() {
    // zipfile cannot write encrypted entries: the flag is patched into a real ZIP's headers.
    let mut zip = rezip(&honest_parts());
    patch_flags(&mut zip, "brief.pdf", 1);
    assert_eq!(refusal(&zip), "encrypted_member");
}

#[test]
fn overlapping_entries_are_refused() {
    // Two central records pointing at one local header (patched: zipfile never does this).
    let mut zip = rezip(&honest_parts());
    let (pdf_central, pdf_local) = headers_of(&zip, "brief.pdf");
    let (json_central, _) = headers_of(&zip, "brief.json");
    let _ = pdf_central;
    zip[json_central + 42..json_central + 46].copy_from_slice(&(pdf_local as u32).to_le_bytes());
    assert_eq!(refusal(&zip), "overlapping_members");
}

#[test]
fn a_local_header_that_names_another_file_is_refused() {
    let mut zip = rezip(&honest_parts());
    let (_, local) = headers_of(&zip, "brief.pdf");
    zip[local + 30] = b'B';
    assert_eq!(refusal(&zip), "not_a_bundle");
}

#[test]
fn an_unsupported_compression_method_is_refused() {
    let mut entries = honest_entries();
    entries[2]["bzip2"] = json!(true);
    assert_eq!(refusal(&python_zip(entries)), "unsupported_compression");
}

#[test]
fn data_descriptors_are_refused() {
    // zipfile writing to a pipe cannot seek back, so it writes data descriptors (flag bit 3).
    let spec = json!({"stream": true, "entries": honest_entries()});
    assert_eq!(refusal(&python_zip_with(spec)), "unsupported_zip_feature");
}

#[test]
fn zip64_is_refused() {
    let mut entries = honest_entries();
    entries[2]["zip64"] = json!(true);
    assert_eq!(refusal(&python_zip(entries)), "unsupported_zip_feature");
}

#[test]
fn an_empty_zip_has_no_signature() {
    assert_eq!(refusal(&python_zip(vec![])), "missing_signature");
}

#[test]
fn stricter_limits_are_applied() {
    let bytes = bundle();
    let small = Limits {
        max_entries: 3,
        ..Limits::default()
    };
    assert_eq!(open(&bytes, &small).unwrap_err().code(), "too_many_members");
    let small = Limits {
        max_total: 1000,
        ..Limits::default()
    };
    assert_eq!(
        open(&bytes, &small).unwrap_err().code(),
        "content_too_large"
    );
}
