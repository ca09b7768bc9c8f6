//! Local headers and central records: what the central directory says about an entry is what its
//! local header says, every deflate stream ends, and no unsigned text rides along beside the
//! signed bytes.

use serde_json::json;

use crate::python::{entry, headers_of, patch_u32, python_zip};
use crate::support::{bundle, honest_parts, read, refusal};

#[test]
fn local_flags_that_differ_from_the_central_record_are_refused() {
    // Bit 11 (UTF-8 names) only in the local header: a tool that reads the local header would
    // decode the name in another character set than the one the central directory promises.
    let mut zip = bundle();
    let (_, local) = headers_of(&zip, "brief.pdf");
    zip[local + 7] |= 0x08;
    assert_eq!(refusal(&zip), "not_a_bundle");
}

#[test]
fn a_deflate_stream_that_never_ends_is_refused() {
    let entries = honest_parts()
        .iter()
        .map(|(name, data)| {
            let mut e = entry(name, data);
            if name == "brief.pdf" {
                e["unfinished"] = json!(true);
            }
            e
        })
        .collect();
    assert_eq!(refusal(&python_zip(entries)), "hash_mismatch");
}

#[test]
fn an_entry_comment_is_refused() {
    let entries: Vec<_> = honest_parts().iter().map(|(n, d)| entry(n, d)).collect();
    assert!(read(&python_zip(entries.clone())).is_ok());
    let mut commented = entries;
    commented[2]["comment"] = json!("VmVyaWZpZWQ="); // "Verified", beside the signed bytes
    assert_eq!(refusal(&python_zip(commented)), "unsupported_zip_feature");
}

#[test]
fn a_compressed_size_near_4_gib_is_refused_without_wrapping() {
    // On a 32-bit target, offset + 0xFFFF_FFFE wraps to a small number that looks in bounds.
    let mut zip = bundle();
    patch_u32(&mut zip, "brief.pdf", 20, 18, 0xFFFF_FFFE);
    assert_eq!(refusal(&zip), "overlapping_members");
}
