//! JSON from a bundle, parsed only after its bytes were verified, and even then with caps: a
//! signed file from a trusted office is still not trusted to be small or shallow.

use serde::de::DeserializeOwned;

use crate::error::{refuse, BundleError, Code};
use crate::limits::Limits;

/// Parses a JSON member into `T` after checking its size and nesting depth; errors name the member.
pub fn parse_json<T: DeserializeOwned>(
    path: &str,
    bytes: &[u8],
    limits: &Limits,
) -> Result<T, BundleError> {
    if bytes.len() as u64 > limits.max_json {
        return refuse(
            Code::ContentTooLarge,
            format!(
                "{path}: {} bytes (at most {})",
                bytes.len(),
                limits.max_json
            ),
        );
    }
    check_depth(bytes, limits.max_json_depth).map_err(|depth| {
        BundleError::new(
            Code::MalformedContent,
            format!("{path}: nested deeper than {depth}"),
        )
    })?;
    serde_json::from_slice(bytes)
        .map_err(|e| BundleError::new(Code::MalformedContent, format!("{path}: {e}")))
}

/// Counts nesting outside strings before serde sees the bytes (serde's own limit is 128 and
/// recursive). Returns the cap as the error when it is exceeded.
pub(crate) fn check_depth(bytes: &[u8], max: usize) -> Result<(), usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for &b in bytes {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return Err(max);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}
