//! The ZIP container, read and written here rather than by a general ZIP library: a bundle needs
//! only stored and deflated entries, and the reader must refuse every other feature a general
//! library would quietly accept (data descriptors, ZIP64, comments, prepended data, local headers
//! that disagree with the central directory).

pub(crate) mod inflate;
pub(crate) mod read;
pub(crate) mod write;

/// Local file header signature.
pub(crate) const LOCAL_SIG: u32 = 0x0403_4b50;
/// Central directory file header signature.
pub(crate) const CENTRAL_SIG: u32 = 0x0201_4b50;
/// End of central directory record signature.
pub(crate) const END_SIG: u32 = 0x0605_4b50;
/// ZIP64 end of central directory locator signature.
pub(crate) const ZIP64_LOCATOR_SIG: u32 = 0x0706_4b50;
/// Fixed part of a local header.
pub(crate) const LOCAL_LEN: usize = 30;
/// Fixed part of a central directory header.
pub(crate) const CENTRAL_LEN: usize = 46;
/// End of central directory record without a comment.
pub(crate) const END_LEN: usize = 22;

/// Compression method: stored.
pub(crate) const STORED: u16 = 0;
/// Compression method: deflate.
pub(crate) const DEFLATED: u16 = 8;

/// Flag bits: traditional encryption, strong encryption, masked local headers.
pub(crate) const FLAGS_ENCRYPTED: u16 = 1 | (1 << 6) | (1 << 13);
/// Flag bits a bundle may carry: deflate options (1, 2) and UTF-8 names (11).
pub(crate) const FLAGS_ALLOWED: u16 = (1 << 1) | (1 << 2) | (1 << 11);

/// One entry of the central directory, checked against its local header.
#[derive(Clone, Debug)]
pub(crate) struct Entry {
    /// The name, checked for shape and NFC.
    pub name: String,
    /// `STORED` or `DEFLATED`.
    pub method: u16,
    /// CRC-32 of the uncompressed bytes.
    pub crc32: u32,
    /// Compressed size.
    pub compressed: u64,
    /// Uncompressed size as declared (a hostile file may lie: reading caps at it).
    pub size: u64,
    /// Offset of the local header.
    pub local_offset: u64,
    /// Offset of the data, after the local header (known once the local header is read).
    pub data_start: usize,
}

pub(crate) fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    let b = bytes.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([b[0], b[1]]))
}

pub(crate) fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}
