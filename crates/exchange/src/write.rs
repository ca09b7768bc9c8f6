//! Writing a bundle: the same input always gives the same bytes (members in a fixed order, fixed
//! ZIP timestamps, Ed25519 signatures are deterministic). The writer refuses what the reader would
//! refuse, so an office never sends a bundle that the other office cannot open.

use std::collections::HashSet;

use crate::envelope::sign_detached;
use crate::error::{refuse, BundleError, Code};
use crate::keys::{sha256_hex, OfficeKey};
use crate::limits::Limits;
use crate::manifest::{BriefRef, Manifest, Member, OfficeProfile, Sender};
use crate::names::{
    content_media_type, image_hash, member_rank, MANIFEST, REQUIRED_MEMBERS, SIGNATURE,
};
use crate::zip::write::ZipWriter;
use crate::{FORMAT, FORMAT_VERSION, PAYLOAD_TYPE};

/// What goes into a bundle; the writer adds the sender key, sizes and hashes.
#[derive(Clone, Debug)]
pub struct Outgoing {
    /// A new uuid for this bundle.
    pub bundle_uuid: String,
    /// The brief and its version.
    pub brief: BriefRef,
    /// RFC 3339 UTC.
    pub created_at: String,
    /// The sending office.
    pub office: OfficeProfile,
    /// Version of the app writing the bundle.
    pub app_version: String,
    /// Store schema version.
    pub schema_version: u32,
    /// Whether personal data is included.
    pub personal_data: bool,
    /// The content members, in any order.
    pub members: Vec<OutgoingMember>,
}

/// One content member to write.
#[derive(Clone, Debug)]
pub struct OutgoingMember {
    /// Name in the ZIP: an allowed content name (see `names`).
    pub path: String,
    /// Media type; must be the one the path implies.
    pub media_type: String,
    /// The bytes.
    pub bytes: Vec<u8>,
}

/// The path of a picture member: `images/<sha256>.png` or `.jpg`.
pub fn image_member_path(bytes: &[u8], jpeg: bool) -> String {
    format!(
        "images/{}.{}",
        sha256_hex(bytes),
        if jpeg { "jpg" } else { "png" }
    )
}

/// Writes a signed bundle.
pub fn write_bundle(key: &OfficeKey, out: &Outgoing) -> Result<Vec<u8>, BundleError> {
    let limits = Limits::default();
    let mut members: Vec<&OutgoingMember> = out.members.iter().collect();
    members.sort_by(|a, b| member_rank(&a.path).cmp(&member_rank(&b.path)));
    check_members(&members, &limits)?;

    let public = key.public();
    let manifest = Manifest {
        format: FORMAT.to_string(),
        format_version: FORMAT_VERSION,
        bundle_uuid: out.bundle_uuid.clone(),
        kind: "brief".to_string(),
        brief: out.brief.clone(),
        created_at: out.created_at.clone(),
        sender: Sender {
            office: out.office.clone(),
            public_key: public.to_base64(),
            fingerprint: public.fingerprint().as_str().to_string(),
            app_version: out.app_version.clone(),
            schema_version: out.schema_version,
        },
        personal_data: out.personal_data,
        members: members
            .iter()
            .map(|m| Member {
                path: m.path.clone(),
                size: m.bytes.len() as u64,
                sha256: sha256_hex(&m.bytes),
                media_type: m.media_type.clone(),
            })
            .collect(),
    };
    let mut manifest_json = serde_json::to_vec_pretty(&manifest).expect("plain structs serialise");
    manifest_json.push(b'\n');
    if manifest_json.len() as u64 > limits.max_manifest {
        return refuse(
            Code::ManifestTooLarge,
            format!("{} bytes", manifest_json.len()),
        );
    }
    let signature = sign_detached(key, PAYLOAD_TYPE, &manifest_json);

    let mut zip = ZipWriter::new();
    zip.add(MANIFEST, &manifest_json, true);
    zip.add(SIGNATURE, &signature, true);
    for m in &members {
        // Pictures are compressed already; deflating them again only costs time.
        zip.add(&m.path, &m.bytes, image_hash(&m.path).is_none());
    }
    Ok(zip.finish())
}

fn check_members(members: &[&OutgoingMember], limits: &Limits) -> Result<(), BundleError> {
    if members.len() + 2 > limits.max_entries {
        return refuse(Code::TooManyMembers, format!("{} members", members.len()));
    }
    let mut seen = HashSet::new();
    let mut total = 0u64;
    for m in members {
        let Some(media_type) = content_media_type(&m.path) else {
            return refuse(Code::UnexpectedMember, m.path.clone());
        };
        if !seen.insert(m.path.as_str()) {
            return refuse(Code::DuplicateMember, m.path.clone());
        }
        if m.media_type != media_type {
            return refuse(
                Code::MalformedManifest,
                format!("{}: media_type {}", m.path, m.media_type),
            );
        }
        if image_hash(&m.path).is_some_and(|h| h != sha256_hex(&m.bytes)) {
            return refuse(
                Code::HashMismatch,
                format!("{}: name is not the picture's SHA-256", m.path),
            );
        }
        let size = m.bytes.len() as u64;
        let json = media_type == "application/json";
        if size > limits.max_member || (json && size > limits.max_json) {
            return refuse(Code::ContentTooLarge, format!("{}: {size} bytes", m.path));
        }
        total += size;
    }
    if total > limits.max_total {
        return refuse(Code::ContentTooLarge, format!("{total} bytes in all"));
    }
    match REQUIRED_MEMBERS.iter().find(|r| !seen.contains(**r)) {
        Some(required) => refuse(Code::MissingMember, required.to_string()),
        None => Ok(()),
    }
}
