//! The signed manifest: who sent the bundle, which brief it is, and every member's size and hash.
//! Every struct refuses unknown fields, so a manifest means exactly what this version reads.

use serde::{Deserialize, Serialize};

/// An office as it presents itself (no personal data: an office e-mail, not a person's).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfficeProfile {
    /// Name in Vietnamese.
    pub name_vi: String,
    /// Name in English.
    pub name_en: String,
    /// Short code, e.g. "VN-HN-IPC".
    pub code: String,
    /// City.
    pub city: Option<String>,
    /// Country.
    pub country: Option<String>,
    /// The office's e-mail.
    pub email: Option<String>,
}

/// The sending office, its key and the app that wrote the bundle.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sender {
    /// The office's profile.
    pub office: OfficeProfile,
    /// The signing key, base64; must equal the envelope's key.
    pub public_key: String,
    /// The key's fingerprint, 32 lower-case hex; must match `public_key`.
    pub fingerprint: String,
    /// Version of the app that wrote the bundle.
    pub app_version: String,
    /// Store schema version of the sender.
    pub schema_version: u32,
}

/// Which brief, and which version of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BriefRef {
    /// Stable across the brief's versions.
    pub uuid: String,
    /// Grows with each new version.
    pub version: i64,
    /// Title, for lists.
    pub title: String,
    /// "vi" or "en".
    pub language: String,
}

/// One content member: its path in the ZIP, size, SHA-256 and media type.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// Name in the ZIP (on the allow-list).
    pub path: String,
    /// Uncompressed size in bytes.
    pub size: u64,
    /// Lower-case hex SHA-256 of the uncompressed bytes.
    pub sha256: String,
    /// Media type, fixed by the path.
    pub media_type: String,
}

/// The manifest (manifest.json), signed by the sender.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Always `FORMAT`.
    pub format: String,
    /// `FORMAT_VERSION` of the writer.
    pub format_version: u32,
    /// A new uuid per bundle written.
    pub bundle_uuid: String,
    /// Always "brief" in version 1.
    pub kind: String,
    /// The brief and its version.
    pub brief: BriefRef,
    /// When the bundle was written, RFC 3339 UTC.
    pub created_at: String,
    /// Who sent it.
    pub sender: Sender,
    /// Whether contact names, phones and e-mails are included.
    pub personal_data: bool,
    /// Every content member, in ZIP order.
    pub members: Vec<Member>,
}

/// The two fields read before the rest, so that a newer format is reported as newer rather than
/// as malformed (its other fields may differ).
#[derive(Deserialize)]
pub(crate) struct FormatHeader {
    pub format: String,
    pub format_version: u32,
}
