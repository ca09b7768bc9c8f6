//! An office's Ed25519 key, its public half and the fingerprint people read to each other.

use std::fmt;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use ed25519_dalek::{SigningKey, VerifyingKey};
use sha2::{Digest, Sha256};

use crate::error::{refuse, BundleError, Code};

/// First line of a key file: says what the file is to someone who opens it.
const KEY_FILE_HEADER: &str = "delegation-planner office key v1";

/// An office's Ed25519 signing key.
pub struct OfficeKey(SigningKey);

impl OfficeKey {
    /// A new key from the operating system's random source.
    pub fn generate() -> Result<OfficeKey, BundleError> {
        let mut seed = [0u8; 32];
        getrandom::fill(&mut seed).map_err(|e| {
            BundleError::new(Code::OfficeKeyMissing, format!("no random source: {e}"))
        })?;
        Ok(OfficeKey::from_seed(seed))
    }

    /// The key made from a 32-byte seed (the demo office's key is such a seed).
    pub fn from_seed(seed: [u8; 32]) -> OfficeKey {
        OfficeKey(SigningKey::from_bytes(&seed))
    }

    /// The key file's text: a header line and the base64 seed.
    pub fn to_file_text(&self) -> String {
        format!(
            "{KEY_FILE_HEADER}\n{}\n",
            STANDARD.encode(self.0.to_bytes())
        )
    }

    /// Reads a key file written by `to_file_text` (trailing white space tolerated).
    pub fn from_file_text(text: &str) -> Result<OfficeKey, BundleError> {
        let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
        if lines.next() != Some(KEY_FILE_HEADER) {
            return refuse(Code::OfficeKeyMissing, "not an office key file");
        }
        let seed = lines
            .next()
            .and_then(|l| STANDARD.decode(l).ok())
            .and_then(|b| <[u8; 32]>::try_from(b).ok());
        match (seed, lines.next()) {
            (Some(seed), None) => Ok(OfficeKey::from_seed(seed)),
            _ => refuse(Code::OfficeKeyMissing, "malformed office key file"),
        }
    }

    /// The public half.
    pub fn public(&self) -> PublicKey {
        PublicKey(self.0.verifying_key().to_bytes())
    }

    pub(crate) fn signing_key(&self) -> &SigningKey {
        &self.0
    }
}

impl fmt::Debug for OfficeKey {
    // Never print the seed, even in a debug log.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "OfficeKey({})", self.public().fingerprint())
    }
}

/// An Ed25519 public key (32 bytes).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub struct PublicKey([u8; 32]);

impl PublicKey {
    /// Standard base64 with padding, as written in manifests, envelopes and cards.
    pub fn to_base64(&self) -> String {
        STANDARD.encode(self.0)
    }

    /// Reads a base64 key; refused with `malformed_card` when it is not a valid Ed25519 point.
    pub fn from_base64(text: &str) -> Result<PublicKey, BundleError> {
        PublicKey::decode(text, Code::MalformedCard)
    }

    /// Reads a base64 key, refusing with `code` (the caller knows where it came from).
    pub(crate) fn decode(text: &str, code: Code) -> Result<PublicKey, BundleError> {
        let bytes = STANDARD
            .decode(text)
            .ok()
            .and_then(|b| <[u8; 32]>::try_from(b).ok());
        match bytes {
            Some(bytes) if VerifyingKey::from_bytes(&bytes).is_ok() => Ok(PublicKey(bytes)),
            _ => refuse(code, "public_key is not a base64 Ed25519 key"),
        }
    }

    /// The key's fingerprint.
    pub fn fingerprint(&self) -> Fingerprint {
        let digest = Sha256::digest(self.0);
        Fingerprint(hex(&digest[..16]))
    }

    /// The raw 32 bytes.
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    pub(crate) fn verifying_key(&self) -> VerifyingKey {
        VerifyingKey::from_bytes(&self.0).expect("checked when the key was made")
    }
}

/// First 16 bytes of SHA-256 of the public key, as 32 lower-case hex digits.
#[derive(Clone, PartialEq, Eq, Debug, Hash, PartialOrd, Ord)]
pub struct Fingerprint(String);

impl Fingerprint {
    /// The 32 lower-case hex digits, as stored and written in JSON.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Eight groups of four upper-case digits, to read aloud: "A1B2 C3D4 …".
    pub fn grouped(&self) -> String {
        let upper = self.0.to_ascii_uppercase();
        let groups: Vec<&str> = (0..8).map(|i| &upper[i * 4..i * 4 + 4]).collect();
        groups.join(" ")
    }

    /// What a person typed: any case; spaces, dashes and colons ignored.
    pub fn parse(user: &str) -> Result<Fingerprint, BundleError> {
        let digits: String = user
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | ':' | '\t'))
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if digits.len() == 32 && digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            Ok(Fingerprint(digits))
        } else {
            refuse(Code::BadFingerprint, user.trim().to_string())
        }
    }
}

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.grouped())
    }
}

/// Lower-case hex of bytes.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 15)] as char);
    }
    out
}

/// Lower-case hex SHA-256 of bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}
