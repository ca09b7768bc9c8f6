//! Shared fixtures: a sender key, a realistic outgoing brief, and a bridge to Python's zipfile so
//! that hostile ZIPs are made by another implementation than ours.

use planner_exchange::{
    image_member_path, write_bundle, BriefRef, BundleError, Limits, OfficeKey, OfficeProfile,
    Outgoing, OutgoingMember, Verified,
};

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
