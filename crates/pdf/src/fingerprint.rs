//! A small, stable 128-bit hash for the trailer `/ID` and font subset tags.
//!
//! Not cryptographic: it only has to be deterministic across runs, platforms
//! and Rust versions (which `std`'s `DefaultHasher` does not promise) and to
//! spread different inputs apart.

/// Two FNV-1a 64-bit lanes with different offsets, finished with a mix so
/// short inputs still change every output byte.
pub(crate) fn fingerprint(bytes: &[u8]) -> [u8; 16] {
    const PRIME: u64 = 0x0000_0100_0000_01B3;
    let mut a: u64 = 0xCBF2_9CE4_8422_2325;
    let mut b: u64 = 0x84222325_CBF29CE4;
    for &byte in bytes {
        a = (a ^ u64::from(byte)).wrapping_mul(PRIME);
        b = (b ^ u64::from(byte.rotate_left(3))).wrapping_mul(PRIME);
    }
    let mut out = [0u8; 16];
    out[..8].copy_from_slice(&mix(a ^ bytes.len() as u64).to_be_bytes());
    out[8..].copy_from_slice(&mix(b.wrapping_add(a)).to_be_bytes());
    out
}

/// The splitmix64 finaliser.
fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

#[cfg(test)]
mod tests {
    use super::fingerprint;

    #[test]
    fn stable_and_input_sensitive() {
        assert_eq!(fingerprint(b"brief"), fingerprint(b"brief"));
        assert_ne!(fingerprint(b"brief"), fingerprint(b"brieg"));
        assert_ne!(fingerprint(b""), fingerprint(b"\0"));
    }
}
