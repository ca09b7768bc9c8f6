//! Which member names a bundle may hold. The rule is an exact allow-list: `manifest.json`,
//! `manifest.sig`, `brief.pdf`, `brief.json`, `opportunities.json` and
//! `images/<64 lower-case hex>.png|jpg`. Anything else is refused, and the shape checks before it
//! (`..`, absolute, backslash, drive letters, control characters, twins) give hostile names their
//! own code. A name is only ever compared, never joined to a path on disk.

use unicode_normalization::{is_nfc, UnicodeNormalization};

use crate::error::{refuse, BundleError, Code};

/// The signed manifest.
pub const MANIFEST: &str = "manifest.json";
/// The signature envelope over the manifest.
pub const SIGNATURE: &str = "manifest.sig";
/// The brief as a PDF.
pub const BRIEF_PDF: &str = "brief.pdf";
/// The brief's inputs and model.
pub const BRIEF_JSON: &str = "brief.json";
/// The opportunities the brief shows.
pub const OPPORTUNITIES_JSON: &str = "opportunities.json";
/// Folder of the pictures, each named by its SHA-256.
pub const IMAGES_DIR: &str = "images/";

/// The members a brief bundle must list.
pub const REQUIRED_MEMBERS: [&str; 3] = [BRIEF_PDF, BRIEF_JSON, OPPORTUNITIES_JSON];

/// The media type a content member must declare, by its name; `None` for names not allowed as
/// content (the manifest and signature are not content).
pub fn content_media_type(name: &str) -> Option<&'static str> {
    match name {
        BRIEF_PDF => Some("application/pdf"),
        BRIEF_JSON | OPPORTUNITIES_JSON => Some("application/json"),
        _ => {
            let (hash, ext) = name.strip_prefix(IMAGES_DIR)?.split_once('.')?;
            let hash_ok =
                hash.len() == 64 && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
            match ext {
                "png" if hash_ok => Some("image/png"),
                "jpg" if hash_ok => Some("image/jpeg"),
                _ => None,
            }
        }
    }
}

/// True for a name on the allow-list.
pub fn is_allowed(name: &str) -> bool {
    name == MANIFEST || name == SIGNATURE || content_media_type(name).is_some()
}

/// The SHA-256 a picture's name claims (`images/<hash>.ext`), if it is a picture.
pub fn image_hash(name: &str) -> Option<&str> {
    let rest = name.strip_prefix(IMAGES_DIR)?;
    rest.split_once('.').map(|(hash, _)| hash)
}

/// Where a content member goes in the ZIP and the manifest: the fixed members first, then the
/// pictures by name. The writer sorts by it so that the same input gives the same bytes.
pub fn member_rank(name: &str) -> (u8, &str) {
    match name {
        BRIEF_PDF => (0, name),
        BRIEF_JSON => (1, name),
        OPPORTUNITIES_JSON => (2, name),
        _ => (3, name),
    }
}

/// Refuses names that are dangerous whatever the allow-list says: not UTF-8, empty, control
/// characters, backslashes, colons (drive letters, NTFS streams), absolute paths, `.`/`..`/empty
/// segments. A name ending in `/` that is otherwise fine is a directory.
pub(crate) fn check_shape(raw: &[u8]) -> Result<&str, BundleError> {
    let Ok(name) = std::str::from_utf8(raw) else {
        return refuse(Code::UnsafeMemberName, format!("{raw:?} is not UTF-8"));
    };
    let unsafe_name = |why: &str| refuse(Code::UnsafeMemberName, format!("{name:?}: {why}"));
    if name.is_empty() {
        return unsafe_name("empty name");
    }
    if name.chars().any(char::is_control) {
        return unsafe_name("control character");
    }
    if name.contains('\\') {
        return unsafe_name("backslash");
    }
    if name.contains(':') {
        return unsafe_name("drive letter or colon");
    }
    if name.starts_with('/') {
        return unsafe_name("absolute path");
    }
    let body = name.strip_suffix('/').unwrap_or(name);
    for segment in body.split('/') {
        match segment {
            "" => return unsafe_name("empty path segment"),
            "." | ".." => return unsafe_name("dot segment"),
            _ => {}
        }
    }
    if name.ends_with('/') {
        return refuse(Code::DirectoryMember, name.to_string());
    }
    Ok(name)
}

/// The key under which two names count as the same member: NFC, then lower case. Two entries
/// with one key are twins that some file systems would merge into one file.
pub(crate) fn twin_key(name: &str) -> String {
    name.nfc().collect::<String>().to_lowercase()
}

/// Refuses a name that is not in Unicode NFC (after twins are looked for, so that an NFD twin of
/// a name seen earlier is reported as the duplicate it is).
pub(crate) fn check_nfc(name: &str) -> Result<(), BundleError> {
    if is_nfc(name) {
        Ok(())
    } else {
        refuse(
            Code::UnsafeMemberName,
            format!("{name:?}: not in Unicode NFC"),
        )
    }
}
