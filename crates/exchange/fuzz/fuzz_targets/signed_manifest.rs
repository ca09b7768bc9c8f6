//! A manifest of any bytes, properly signed, beside honest members: reaches what a forged file
//! never reaches (manifest parsing, the member list, sizes and hashes), as a trusted but buggy or
//! hostile office would. Seed with the manifest.json of a valid bundle.
#![no_main]

use libfuzzer_sys::fuzz_target;
use planner_exchange::{open, sign_detached, Limits, OfficeKey, PAYLOAD_TYPE};

fuzz_target!(|manifest: &[u8]| {
    let key = OfficeKey::from_seed([7; 32]);
    let signature = sign_detached(&key, PAYLOAD_TYPE, manifest);
    let zip = stored_zip(&[
        ("manifest.json", manifest),
        ("manifest.sig", &signature),
        ("brief.pdf", b"%PDF-1.7\n%%EOF\n"),
        ("brief.json", b"{}"),
        ("opportunities.json", b"{\"opportunities\":[]}"),
    ]);
    if let Ok(opened) = open(&zip, &Limits::default()) {
        let _ = opened.verify_members();
    }
});

/// The smallest valid ZIP of stored entries (the crate's own writer takes no raw manifest).
fn stored_zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let (mut out, mut central) = (Vec::new(), Vec::new());
    for (name, data) in entries {
        let offset = out.len() as u32;
        let fields = |h: &mut Vec<u8>| {
            for v in [20u16, 0, 0, 0, 0x21] {
                h.extend_from_slice(&v.to_le_bytes());
            }
            for v in [crc32(data), data.len() as u32, data.len() as u32] {
                h.extend_from_slice(&v.to_le_bytes());
            }
            h.extend_from_slice(&(name.len() as u16).to_le_bytes());
            h.extend_from_slice(&0u16.to_le_bytes());
        };
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        fields(&mut out);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes());
        fields(&mut central);
        central.extend_from_slice(&[0; 8]);
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let (cd_offset, cd_size) = (out.len() as u32, central.len() as u32);
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    let count = entries.len() as u16;
    for v in [0u16, 0, count, count] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&cd_size.to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}
