//! The members: changed, replaced, longer or shorter than declared, extra, missing, and bombs.

use std::time::Instant;

use planner_exchange::sha256_hex;
use serde_json::json;

use crate::python::{entry, patch_size, python_zip};
use crate::support::{honest_parts, listed, part, picture, refusal, resigned, rezip, sender_key};

/// The honest parts, re-zipped by Python with one bit of `path` flipped.
fn flipped(path_prefix: &str) -> Vec<u8> {
    let mut parts = honest_parts();
    let (_, data) = parts
        .iter_mut()
        .find(|(n, _)| n.starts_with(path_prefix))
        .unwrap();
    let middle = data.len() / 2;
    data[middle] ^= 0x04;
    rezip(&parts)
}

#[test]
fn a_flipped_bit_in_the_pdf_is_refused() {
    assert_eq!(refusal(&flipped("brief.pdf")), "hash_mismatch");
}

#[test]
fn a_flipped_bit_in_the_brief_json_is_refused() {
    assert_eq!(refusal(&flipped("brief.json")), "hash_mismatch");
}

#[test]
fn a_flipped_bit_in_the_opportunities_is_refused() {
    assert_eq!(refusal(&flipped("opportunities.json")), "hash_mismatch");
}

#[test]
fn a_flipped_bit_in_a_picture_is_refused() {
    assert_eq!(refusal(&flipped("images/")), "hash_mismatch");
}

#[test]
fn a_member_replaced_under_the_same_name_is_refused() {
    let mut parts = honest_parts();
    let pdf = part(&mut parts, "brief.pdf");
    let same_size = vec![b'%'; pdf.len()];
    *pdf = same_size;
    assert_eq!(refusal(&rezip(&parts)), "hash_mismatch");
    *part(&mut parts, "brief.pdf") = b"%PDF-1.7 another brief".to_vec();
    assert_eq!(refusal(&rezip(&parts)), "member_size_mismatch");
}

#[test]
fn a_member_longer_than_declared_is_refused() {
    // zipfile always tells the true size; the lie (header sizes = the manifest's) is patched in.
    let mut parts = honest_parts();
    let json = part(&mut parts, "brief.json");
    let declared = json.len() as u32;
    json.extend_from_slice(b"                                ");
    let mut zip = rezip(&parts);
    patch_size(&mut zip, "brief.json", declared);
    assert_eq!(refusal(&zip), "member_too_long");
}

#[test]
fn a_member_shorter_than_declared_is_refused() {
    let mut parts = honest_parts();
    let json = part(&mut parts, "brief.json");
    let declared = json.len() as u32;
    json.truncate(json.len() - 5);
    let mut zip = rezip(&parts);
    patch_size(&mut zip, "brief.json", declared);
    assert_eq!(refusal(&zip), "member_too_short");
}

#[test]
fn an_extra_member_is_refused() {
    let extra = picture(11);
    let mut parts = honest_parts();
    parts.push((format!("images/{}.png", sha256_hex(&extra)), extra));
    assert_eq!(refusal(&rezip(&parts)), "unlisted_member");
}

#[test]
fn a_missing_member_is_refused() {
    let parts: Vec<_> = honest_parts()
        .into_iter()
        .filter(|(n, _)| n != "brief.json")
        .collect();
    assert_eq!(refusal(&rezip(&parts)), "missing_member");
}

#[test]
fn a_picture_whose_name_is_not_its_hash_is_refused() {
    let parts = resigned(&sender_key(), |m| {
        let members = m["members"].as_array_mut().unwrap();
        let picture = members
            .iter_mut()
            .find(|p| p["media_type"] == "image/png")
            .unwrap();
        picture["sha256"] = json!("0".repeat(64));
    });
    assert_eq!(refusal(&rezip(&parts)), "malformed_manifest");
}

/// A signed manifest that lists brief.json with `declared` bytes, and a ZIP whose brief.json is
/// `zeros` zero bytes deflated by zipfile.
fn bomb(declared: u64, zeros: u64) -> Vec<u8> {
    let parts = resigned(&sender_key(), |m| {
        let member = listed(m, "brief.json");
        member["size"] = json!(declared);
        member["sha256"] = json!(sha256_hex(&vec![0u8; declared.min(1 << 20) as usize]));
    });
    let entries = parts
        .iter()
        .map(|(name, data)| match name.as_str() {
            "brief.json" => json!({"name": name, "zeros": zeros}),
            _ => entry(name, data),
        })
        .collect();
    python_zip(entries)
}

#[test]
fn a_deflate_bomb_with_a_lying_size_is_refused_fast() {
    // 512 MiB of zeros (about 0.5 MiB deflated) whose headers and signed manifest say 100 bytes.
    let mut zip = bomb(100, 512 << 20);
    patch_size(&mut zip, "brief.json", 100);
    let started = Instant::now();
    let code = refusal(&zip);
    let took = started.elapsed();
    eprintln!("deflate bomb (512 MiB, lying size) refused as {code} in {took:?}");
    assert_eq!(code, "member_too_long");
    assert!(took.as_millis() < 500, "took {took:?}");
}

#[test]
fn a_deflate_bomb_with_an_honest_size_is_refused_before_inflating() {
    let zip = bomb(256 << 20, 256 << 20);
    let started = Instant::now();
    let code = refusal(&zip);
    let took = started.elapsed();
    eprintln!("deflate bomb (256 MiB, honest size) refused as {code} in {took:?}");
    assert_eq!(code, "suspicious_compression");
    assert!(took.as_millis() < 100, "took {took:?}");
}
