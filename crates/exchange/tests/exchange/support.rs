//! Shared fixtures: a sender key, a realistic outgoing brief, and a bridge to Python's zipfile so
//! that hostile ZIPs are made by another implementation than ours.

use planner_exchange::{
    image_member_path, sign_detached, write_bundle, BriefRef, BundleError, Limits, OfficeKey,
    OfficeProfile, Outgoing, OutgoingMember, Verified, PAYLOAD_TYPE,
};

use crate::python::{entry, python_zip};

/// The sending office's key (fixed seed: tests are reproducible).
pub fn sender_key() -> OfficeKey {
    OfficeKey::from_seed([7; 32])
}

/// Another installation's key.
pub fn other_key() -> OfficeKey {
    OfficeKey::from_seed([9; 32])
}

pub fn hanoi_office() -> OfficeProfile {
    OfficeProfile {
        name_vi: "Trung tâm Xúc tiến Đầu tư Hà Nội".into(),
        name_en: "Hanoi Investment Promotion Centre".into(),
        code: "VN-HN-IPC".into(),
        city: Some("Hà Nội".into()),
        country: Some("VN".into()),
        email: Some("office@example.vn".into()),
    }
}

/// A small PNG-like picture (its bytes only need to be stable; the crate never decodes them).
pub fn picture(seed: u8) -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
    bytes.extend((0..600u32).map(|i| (i as u8).wrapping_mul(seed).wrapping_add(seed)));
    bytes
}

/// A fake PDF of some size, with text that compresses like a real one.
pub fn pdf_bytes() -> Vec<u8> {
    let mut pdf = b"%PDF-1.7\n".to_vec();
    for page in 0..40 {
        pdf.extend(format!("{page} 0 obj << /Type /Page >> stream Khu công nghệ cao Hòa Lạc {page} endstream\n").as_bytes());
    }
    pdf.extend(b"%%EOF\n");
    pdf
}

pub fn outgoing() -> Outgoing {
    let pictures = [picture(3), picture(5)];
    let mut members = vec![
        OutgoingMember {
            path: "opportunities.json".into(),
            media_type: "application/json".into(),
            bytes: r#"{"opportunities":[{"uuid":"0b6f","data":{"title":"Hòa Lạc"}}],"sectors":[]}"#
                .as_bytes()
                .to_vec(),
        },
        OutgoingMember {
            path: "brief.pdf".into(),
            media_type: "application/pdf".into(),
            bytes: pdf_bytes(),
        },
        OutgoingMember {
            path: "brief.json".into(),
            media_type: "application/json".into(),
            bytes: br#"{"request":{"sector":"ICT"},"model":{"pages":40}}"#.to_vec(),
        },
    ];
    for p in pictures {
        members.push(OutgoingMember {
            path: image_member_path(&p, false),
            media_type: "image/png".into(),
            bytes: p,
        });
    }
    Outgoing {
        bundle_uuid: "0190a6b2-8c1d-7e2f-9a3b-4c5d6e7f8091".into(),
        brief: BriefRef {
            uuid: "5b1f6f0e-2d4c-5a8e-9b7d-1c2e3f4a5b6c".into(),
            version: 3,
            title: "Hòa Lạc Hi-Tech Park".into(),
            language: "en".into(),
        },
        created_at: "2025-03-14T09:30:00Z".into(),
        office: hanoi_office(),
        app_version: "0.1.0".into(),
        schema_version: 12,
        personal_data: false,
        members,
    }
}

/// The honest bundle.
pub fn bundle() -> Vec<u8> {
    write_bundle(&sender_key(), &outgoing()).expect("the honest bundle is written")
}

/// open + verify_members with the default limits.
pub fn read(bytes: &[u8]) -> Result<Verified, BundleError> {
    planner_exchange::open(bytes, &Limits::default())?.verify_members()
}

/// The code of the refusal; panics (with what was read) when the bundle was accepted.
pub fn refusal(bytes: &[u8]) -> String {
    match read(bytes) {
        Ok(v) => panic!("accepted: {:?}", v.manifest.members),
        Err(e) => {
            assert!(!e.message_vi().is_empty() && !e.message_en().is_empty());
            e.code().to_string()
        }
    }
}

/// The honest bundle's entries, in ZIP order: manifest.json, manifest.sig, then the members.
pub fn honest_parts() -> Vec<(String, Vec<u8>)> {
    let verified = read(&bundle()).unwrap();
    let mut parts = vec![
        ("manifest.json".to_string(), verified.manifest_json.clone()),
        ("manifest.sig".to_string(), verified.signature_json.clone()),
    ];
    for m in &verified.manifest.members {
        parts.push((m.path.clone(), verified.members[&m.path].clone()));
    }
    parts
}

/// Zips parts with Python's zipfile.
pub fn rezip(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    python_zip(parts.iter().map(|(n, d)| entry(n, d)).collect())
}

/// The bytes of one part.
pub fn part<'a>(parts: &'a mut [(String, Vec<u8>)], name: &str) -> &'a mut Vec<u8> {
    &mut parts.iter_mut().find(|(n, _)| n == name).expect(name).1
}

/// The honest parts with the manifest edited as JSON and signed again by `key`.
pub fn resigned(
    key: &OfficeKey,
    edit: impl FnOnce(&mut serde_json::Value),
) -> Vec<(String, Vec<u8>)> {
    let mut parts = honest_parts();
    let mut manifest: serde_json::Value = serde_json::from_slice(&parts[0].1).unwrap();
    edit(&mut manifest);
    let bytes = serde_json::to_vec_pretty(&manifest).unwrap();
    parts[1].1 = sign_detached(key, PAYLOAD_TYPE, &bytes);
    parts[0].1 = bytes;
    parts
}

/// The manifest entry of `path` in a manifest edited as JSON.
pub fn listed<'a>(manifest: &'a mut serde_json::Value, path: &str) -> &'a mut serde_json::Value {
    manifest["members"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|m| m["path"] == path)
        .expect(path)
}
