//! The caps a reader applies before it trusts anything. Defaults fit a 40-page brief with a few
//! dozen pictures many times over, and keep a hostile file's cost to a few hundred megabytes at most.

/// Size and count caps applied while reading a bundle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest file accepted, in bytes.
    pub max_file: u64,
    /// Most ZIP entries (manifest and signature included).
    pub max_entries: usize,
    /// Largest manifest.json, uncompressed.
    pub max_manifest: u64,
    /// Largest single member, uncompressed.
    pub max_member: u64,
    /// Largest sum of all members, uncompressed.
    pub max_total: u64,
    /// Highest uncompressed/compressed ratio for a member larger than `RATIO_FLOOR`.
    pub max_ratio: u64,
    /// Deepest nesting of arrays and objects in a JSON member.
    pub max_json_depth: usize,
    /// Largest JSON member, uncompressed.
    pub max_json: u64,
}

/// Members up to this size are never judged by their compression ratio: their size alone is harmless
/// (a 1 MiB JSON of repeated keys can compress 300:1 honestly).
pub const RATIO_FLOOR: u64 = 1 << 20;

/// Largest manifest.sig: an envelope is three short strings.
pub const MAX_SIGNATURE: u64 = 4 << 10;

/// Largest office card file.
pub const MAX_CARD: u64 = 64 << 10;

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_file: 64 << 20,
            max_entries: 512,
            max_manifest: 256 << 10,
            max_member: 48 << 20,
            max_total: 160 << 20,
            max_ratio: 200,
            max_json_depth: 32,
            max_json: 8 << 20,
        }
    }
}
