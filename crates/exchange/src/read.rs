//! Reading a received bundle, in the order of the format's documentation (docs/exchange-format.md,
//! "Verification order"): structure first, then the signature over the manifest, then the
//! manifest, then each member's bytes. Nothing is parsed before the bytes it comes from are
//! verified, except the ZIP structure and the small signature envelope that verification needs.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

use crate::envelope::{parse_envelope, verify};
use crate::error::{refuse, BundleError, Code};
use crate::json::check_depth;
use crate::keys::{sha256_hex, Fingerprint, PublicKey};
use crate::limits::{Limits, MAX_SIGNATURE, RATIO_FLOOR};
use crate::manifest::{FormatHeader, Manifest, Member};
use crate::names::{
    content_media_type, image_hash, is_allowed, MANIFEST, REQUIRED_MEMBERS, SIGNATURE,
};
use crate::zip::inflate::read_entry;
use crate::zip::read::read_directory;
use crate::zip::Entry;
use crate::{FORMAT, FORMAT_VERSION, PAYLOAD_TYPE};

/// A bundle whose structure, signature and manifest are verified; its members are not read yet.
pub struct Opened<'a> {
    /// The verified manifest.
    pub manifest: Manifest,
    /// The key that signed it (equal to the manifest's sender key).
    pub signer: PublicKey,
    /// The signer's fingerprint.
    pub fingerprint: Fingerprint,
    bytes: &'a [u8],
    manifest_json: Vec<u8>,
    signature_json: Vec<u8>,
    /// The ZIP entries of `manifest.members`, in the same order.
    entries: Vec<Entry>,
}

/// A bundle with every member read, hashed and found equal to the signed manifest.
pub struct Verified {
    /// The verified manifest.
    pub manifest: Manifest,
    /// The key that signed it.
    pub signer: PublicKey,
    /// The signer's fingerprint.
    pub fingerprint: Fingerprint,
    /// Lower-case hex SHA-256 of the whole file.
    pub bundle_sha256: String,
    /// The signed manifest.json bytes, as received (to keep, or to verify again later).
    pub manifest_json: Vec<u8>,
    /// The manifest.sig envelope, as received.
    pub signature_json: Vec<u8>,
    /// Every content member by path, byte-identical to what was signed.
    pub members: BTreeMap<String, Vec<u8>>,
}

// Debug by hand: a derived one would print every byte of the file and of each member.
impl fmt::Debug for Opened<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Opened")
            .field("bundle_uuid", &self.manifest.bundle_uuid)
            .field("brief", &self.manifest.brief)
            .field("fingerprint", &self.fingerprint)
            .field("bytes", &self.bytes.len())
            .finish_non_exhaustive()
    }
}

impl fmt::Debug for Verified {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sizes: BTreeMap<&str, usize> = self
            .members
            .iter()
            .map(|(p, d)| (p.as_str(), d.len()))
            .collect();
        f.debug_struct("Verified")
            .field("bundle_uuid", &self.manifest.bundle_uuid)
            .field("brief", &self.manifest.brief)
            .field("fingerprint", &self.fingerprint)
            .field("bundle_sha256", &self.bundle_sha256)
            .field("members", &sizes)
            .finish_non_exhaustive()
    }
}

/// Verifies a bundle's structure, signature and manifest, refusing at the first failure.
pub fn open<'a>(bytes: &'a [u8], limits: &Limits) -> Result<Opened<'a>, BundleError> {
    if bytes.len() as u64 > limits.max_file {
        return refuse(
            Code::BundleTooLarge,
            format!("{} bytes (at most {})", bytes.len(), limits.max_file),
        );
    }
    let entries = read_directory(bytes, limits)?;
    if let Some(entry) = entries.iter().find(|e| !is_allowed(&e.name)) {
        return refuse(Code::UnexpectedMember, entry.name.clone());
    }
    let find = |name: &str| entries.iter().find(|e| e.name == name);
    let signature =
        find(SIGNATURE).ok_or_else(|| BundleError::new(Code::MissingSignature, SIGNATURE))?;
    let manifest_entry =
        find(MANIFEST).ok_or_else(|| BundleError::new(Code::MissingManifest, MANIFEST))?;
    for (entry, cap) in [
        (signature, MAX_SIGNATURE),
        (manifest_entry, limits.max_manifest),
    ] {
        if entry.size > cap {
            return refuse(
                Code::ManifestTooLarge,
                format!("{}: {} bytes (at most {cap})", entry.name, entry.size),
            );
        }
    }
    let signature_json = read_entry(bytes, signature)?;
    let manifest_json = read_entry(bytes, manifest_entry)?;

    let envelope = parse_envelope(&signature_json, Code::BadSignature, SIGNATURE)?;
    let signer = verify(
        &envelope,
        PAYLOAD_TYPE,
        &manifest_json,
        Code::BadSignature,
        SIGNATURE,
    )?;
    if envelope.payload.is_some() {
        return refuse(
            Code::BadSignature,
            "manifest.sig: carries a payload of its own",
        );
    }

    let manifest = parse_manifest(&manifest_json, limits)?;
    check_sender(&manifest, &signer)?;
    check_member_list(&manifest.members)?;
    let entries = match_entries(&manifest.members, entries, limits)?;
    Ok(Opened {
        fingerprint: signer.fingerprint(),
        manifest,
        signer,
        bytes,
        manifest_json,
        signature_json,
        entries,
    })
}

impl Opened<'_> {
    /// Lower-case hex SHA-256 of the whole file.
    pub fn bundle_sha256(&self) -> String {
        sha256_hex(self.bytes)
    }

    /// Reads every member (streamed, capped at its declared size + 1), hashes it and compares it
    /// with the manifest.
    pub fn verify_members(self) -> Result<Verified, BundleError> {
        let mut members = BTreeMap::new();
        for (member, entry) in self.manifest.members.iter().zip(&self.entries) {
            let data = read_entry(self.bytes, entry)?;
            if sha256_hex(&data) != member.sha256 {
                return refuse(Code::HashMismatch, member.path.clone());
            }
            members.insert(member.path.clone(), data);
        }
        Ok(Verified {
            bundle_sha256: sha256_hex(self.bytes),
            manifest: self.manifest,
            signer: self.signer,
            fingerprint: self.fingerprint,
            manifest_json: self.manifest_json,
            signature_json: self.signature_json,
            members,
        })
    }
}

/// Format and version first (a newer format may have other fields), then the whole manifest.
fn parse_manifest(bytes: &[u8], limits: &Limits) -> Result<Manifest, BundleError> {
    let malformed = |e: String| BundleError::new(Code::MalformedManifest, e);
    check_depth(bytes, limits.max_json_depth)
        .map_err(|d| malformed(format!("nested deeper than {d}")))?;
    let header: FormatHeader =
        serde_json::from_slice(bytes).map_err(|e| malformed(e.to_string()))?;
    if header.format != FORMAT {
        return Err(malformed(format!("format is \"{}\"", header.format)));
    }
    if header.format_version > FORMAT_VERSION {
        return refuse(
            Code::NewerFormat,
            format!(
                "format_version {} (this app reads {FORMAT_VERSION})",
                header.format_version
            ),
        );
    }
    if header.format_version < 1 {
        return Err(malformed(format!(
            "format_version {}",
            header.format_version
        )));
    }
    let manifest: Manifest = serde_json::from_slice(bytes).map_err(|e| malformed(e.to_string()))?;
    if manifest.kind != "brief" {
        return refuse(Code::WrongKind, format!("kind \"{}\"", manifest.kind));
    }
    Ok(manifest)
}

/// The manifest names its sender's key; it must be the key that signed it.
fn check_sender(manifest: &Manifest, signer: &PublicKey) -> Result<(), BundleError> {
    let sender = &manifest.sender;
    let named = PublicKey::decode(&sender.public_key, Code::MalformedManifest)?;
    if named != *signer {
        return refuse(
            Code::SignerMismatch,
            format!(
                "manifest names {}, signed by {}",
                named.fingerprint(),
                signer.fingerprint()
            ),
        );
    }
    if sender.fingerprint != signer.fingerprint().as_str() {
        return refuse(
            Code::SignerMismatch,
            format!("sender.fingerprint \"{}\"", sender.fingerprint),
        );
    }
    Ok(())
}

/// Every listed path is an allowed content name, once, with the media type its name implies and a
/// well-formed hash (a picture's name is its hash); the brief's three fixed members are listed.
fn check_member_list(members: &[Member]) -> Result<(), BundleError> {
    let malformed = |e: String| refuse(Code::MalformedManifest, e);
    let mut seen = HashSet::new();
    for m in members {
        let Some(media_type) = content_media_type(&m.path) else {
            return malformed(format!(
                "members lists \"{}\", not an allowed member",
                m.path
            ));
        };
        if !seen.insert(m.path.as_str()) {
            return malformed(format!("members lists \"{}\" twice", m.path));
        }
        if m.media_type != media_type {
            return malformed(format!("{}: media_type \"{}\"", m.path, m.media_type));
        }
        let hex = m.sha256.len() == 64
            && m.sha256
                .bytes()
                .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        if !hex {
            return malformed(format!(
                "{}: sha256 is not 64 lower-case hex digits",
                m.path
            ));
        }
        if image_hash(&m.path).is_some_and(|h| h != m.sha256) {
            return malformed(format!("{}: name and sha256 differ", m.path));
        }
    }
    match REQUIRED_MEMBERS.iter().find(|r| !seen.contains(**r)) {
        Some(required) => malformed(format!("members does not list {required}")),
        None => Ok(()),
    }
}

/// The ZIP's content entries must be exactly the manifest's members, of the sizes it says, within
/// the caps, and not compressed suspiciously well. All from the central directory: nothing is
/// decompressed yet.
fn match_entries(
    members: &[Member],
    entries: Vec<Entry>,
    limits: &Limits,
) -> Result<Vec<Entry>, BundleError> {
    let mut by_name: HashMap<String, Entry> = entries
        .into_iter()
        .filter(|e| e.name != MANIFEST && e.name != SIGNATURE)
        .map(|e| (e.name.clone(), e))
        .collect();
    if let Some(m) = members.iter().find(|m| !by_name.contains_key(&m.path)) {
        return refuse(Code::MissingMember, m.path.clone());
    }
    let listed: HashSet<&str> = members.iter().map(|m| m.path.as_str()).collect();
    if let Some(name) = by_name
        .keys()
        .filter(|n| !listed.contains(n.as_str()))
        .min()
    {
        return refuse(Code::UnlistedMember, name.clone());
    }
    let mut total = 0u64;
    let mut ordered = Vec::with_capacity(members.len());
    for m in members {
        let entry = by_name
            .remove(&m.path)
            .expect("every member was found above");
        if entry.size != m.size {
            return refuse(
                Code::MemberSizeMismatch,
                format!(
                    "{}: {} bytes in the ZIP, {} in the manifest",
                    m.path, entry.size, m.size
                ),
            );
        }
        if entry.size > RATIO_FLOOR && entry.size / entry.compressed.max(1) > limits.max_ratio {
            return refuse(
                Code::SuspiciousCompression,
                format!("{}: {} bytes from {}", m.path, entry.size, entry.compressed),
            );
        }
        let cap = if m.media_type == "application/json" {
            limits.max_json.min(limits.max_member)
        } else {
            limits.max_member
        };
        if entry.size > cap {
            return refuse(
                Code::ContentTooLarge,
                format!("{}: {} bytes (at most {cap})", m.path, entry.size),
            );
        }
        total += entry.size;
        if total > limits.max_total {
            return refuse(
                Code::ContentTooLarge,
                format!("{total} bytes in all (at most {})", limits.max_total),
            );
        }
        ordered.push(entry);
    }
    Ok(ordered)
}
