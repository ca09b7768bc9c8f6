//! The strict reader: the end record must close the file, the central directory is parsed without
//! extracting anything, every local header must repeat its central record, and the entries must
//! tile the file from byte 0 to the central directory with no gap and no overlap. That last rule is
//! what refuses prepended data (a ZIP glued behind something else) and overlapping entries (one
//! byte range read as two members).

use std::collections::HashSet;

use super::{
    u16_at, u32_at, Entry, CENTRAL_LEN, CENTRAL_SIG, DEFLATED, END_LEN, END_SIG, FLAGS_ALLOWED,
    FLAGS_ENCRYPTED, LOCAL_LEN, LOCAL_SIG, STORED, ZIP64_LOCATOR_SIG,
};
use crate::error::{refuse, BundleError, Code};
use crate::limits::Limits;
use crate::names::{check_nfc, check_shape, twin_key};

/// Unix file type bits in the high half of the external attributes.
const UNIX_TYPE_MASK: u32 = 0o170_000;
const UNIX_SYMLINK: u32 = 0o120_000;
const UNIX_DIRECTORY: u32 = 0o040_000;
const UNIX_REGULAR: u32 = 0o100_000;
/// MS-DOS directory attribute in the low byte.
const DOS_DIRECTORY: u32 = 0x10;

/// Reads the central directory and the local headers; returns the entries in directory order.
/// Nothing is decompressed.
pub(crate) fn read_directory(bytes: &[u8], limits: &Limits) -> Result<Vec<Entry>, BundleError> {
    let end = find_end_record(bytes)?;
    let count = usize::from(u16_at(bytes, end + 10).unwrap_or(0));
    if count > limits.max_entries {
        return refuse(
            Code::TooManyMembers,
            format!("{count} entries (at most {})", limits.max_entries),
        );
    }
    let cd_size = u32_at(bytes, end + 12).unwrap_or(0) as usize;
    let cd_offset = u32_at(bytes, end + 16).unwrap_or(0) as usize;
    let cd_end = cd_offset.checked_add(cd_size).filter(|&e| e <= end);
    let Some(cd_end) = cd_end else {
        return refuse(Code::NotABundle, "central directory lies outside the file");
    };
    if cd_end < end {
        return refuse(
            Code::UnexpectedData,
            format!(
                "{} bytes between the central directory and its end record",
                end - cd_end
            ),
        );
    }
    let mut entries = read_central(&bytes[cd_offset..cd_end], count)?;
    check_local_headers(bytes, cd_offset, &mut entries)?;
    Ok(entries)
}

/// The end record must be the last 22 bytes: no archive comment, nothing after it.
fn find_end_record(bytes: &[u8]) -> Result<usize, BundleError> {
    let at = bytes.len().checked_sub(END_LEN);
    if let Some(at) = at.filter(|&at| u32_at(bytes, at) == Some(END_SIG)) {
        let field = |offset| u16_at(bytes, at + offset).unwrap_or(0);
        if field(20) != 0 {
            return refuse(Code::NotABundle, "end record's comment runs past the file");
        }
        if field(4) != 0 || field(6) != 0 || field(8) != field(10) {
            return refuse(
                Code::UnsupportedZipFeature,
                "archive split over several disks",
            );
        }
        let zip64 = field(10) == 0xFFFF
            || u32_at(bytes, at + 12) == Some(u32::MAX)
            || u32_at(bytes, at + 16) == Some(u32::MAX)
            || at
                .checked_sub(20)
                .is_some_and(|l| u32_at(bytes, l) == Some(ZIP64_LOCATOR_SIG));
        if zip64 {
            return refuse(Code::UnsupportedZipFeature, "ZIP64");
        }
        return Ok(at);
    }
    let starts_as_zip = matches!(u32_at(bytes, 0), Some(LOCAL_SIG | END_SIG));
    if !starts_as_zip {
        return refuse(Code::NotABundle, "no ZIP end record");
    }
    // A ZIP whose end record is followed by something (a comment, or data appended): the end
    // record is still there, only not last. Otherwise the end of the file is gone.
    let window = bytes.len().saturating_sub(END_LEN + usize::from(u16::MAX));
    let found = (window..bytes.len().saturating_sub(3))
        .rev()
        .find(|&i| u32_at(bytes, i) == Some(END_SIG) && i + END_LEN <= bytes.len());
    match found {
        Some(i) => refuse(
            Code::UnexpectedData,
            format!(
                "{} bytes after the end record (comment or appended data)",
                bytes.len() - i - END_LEN
            ),
        ),
        None => refuse(
            Code::TruncatedBundle,
            format!("{} bytes, no end record", bytes.len()),
        ),
    }
}

/// Parses `count` central records that must fill `cd` exactly, checking each entry's name, type,
/// flags and method as it goes.
fn read_central(cd: &[u8], count: usize) -> Result<Vec<Entry>, BundleError> {
    let mut entries = Vec::with_capacity(count);
    let mut twins = HashSet::with_capacity(count);
    let mut at = 0usize;
    for index in 0..count {
        let malformed = || {
            BundleError::new(
                Code::NotABundle,
                format!("central directory record {index} is malformed"),
            )
        };
        if u32_at(cd, at) != Some(CENTRAL_SIG) || cd.len() < at + CENTRAL_LEN {
            return Err(malformed());
        }
        let f16 = |o: usize| u16_at(cd, at + o).unwrap_or(0);
        let f32 = |o: usize| u32_at(cd, at + o).unwrap_or(0);
        let (name_len, extra_len, comment_len) = (
            usize::from(f16(28)),
            usize::from(f16(30)),
            usize::from(f16(32)),
        );
        let name_start = at + CENTRAL_LEN;
        let extra_start = name_start + name_len;
        let next = extra_start + extra_len + comment_len;
        if next > cd.len() {
            return Err(malformed());
        }
        let name = check_shape(&cd[name_start..extra_start])?;
        if !twins.insert(twin_key(name)) {
            return refuse(Code::DuplicateMember, name.to_string());
        }
        check_nfc(name)?;
        check_kind(name, f32(38))?;
        check_flags(name, f16(8))?;
        check_extra(name, &cd[extra_start..extra_start + extra_len])?;
        let method = f16(10);
        let (compressed, size) = (f32(20), f32(24));
        check_method(name, method, compressed, size)?;
        if f16(34) != 0 {
            return refuse(
                Code::UnsupportedZipFeature,
                format!("{name}: on another disk"),
            );
        }
        entries.push(Entry {
            name: name.to_string(),
            method,
            crc32: f32(16),
            compressed: u64::from(compressed),
            size: u64::from(size),
            local_offset: u64::from(f32(42)),
            data_start: 0,
        });
        at = next;
    }
    if at != cd.len() {
        return refuse(
            Code::UnexpectedData,
            format!(
                "{} bytes in the central directory after its records",
                cd.len() - at
            ),
        );
    }
    Ok(entries)
}

/// Symbolic links, directories and special files, told by the external attributes (Unix mode in
/// the high half whatever the "made by" system says: a hostile file may claim any system).
fn check_kind(name: &str, external: u32) -> Result<(), BundleError> {
    match (external >> 16) & UNIX_TYPE_MASK {
        UNIX_SYMLINK => return refuse(Code::SymlinkMember, name.to_string()),
        UNIX_DIRECTORY => return refuse(Code::DirectoryMember, name.to_string()),
        0 | UNIX_REGULAR => {}
        _ => return refuse(Code::UnsupportedZipFeature, format!("{name}: special file")),
    }
    if external & DOS_DIRECTORY != 0 {
        return refuse(Code::DirectoryMember, name.to_string());
    }
    Ok(())
}

fn check_flags(name: &str, flags: u16) -> Result<(), BundleError> {
    if flags & FLAGS_ENCRYPTED != 0 {
        return refuse(Code::EncryptedMember, name.to_string());
    }
    if flags & (1 << 3) != 0 {
        return refuse(
            Code::UnsupportedZipFeature,
            format!("{name}: data descriptor"),
        );
    }
    if flags & !FLAGS_ALLOWED != 0 {
        return refuse(
            Code::UnsupportedZipFeature,
            format!("{name}: flags {flags:#06x}"),
        );
    }
    Ok(())
}

/// Extra fields must be well formed; ZIP64 sizes, a second (Unicode) name that other tools would
/// extract under, and AES encryption are refused.
fn check_extra(name: &str, mut extra: &[u8]) -> Result<(), BundleError> {
    while !extra.is_empty() {
        let (Some(id), Some(len)) = (u16_at(extra, 0), u16_at(extra, 2)) else {
            return refuse(Code::NotABundle, format!("{name}: malformed extra field"));
        };
        let Some(rest) = extra.get(4 + usize::from(len)..) else {
            return refuse(Code::NotABundle, format!("{name}: malformed extra field"));
        };
        match id {
            0x0001 => return refuse(Code::UnsupportedZipFeature, format!("{name}: ZIP64")),
            0x7075 => {
                return refuse(
                    Code::UnsafeMemberName,
                    format!("{name}: second Unicode name"),
                )
            }
            0x0017 | 0x9901 => return refuse(Code::EncryptedMember, name.to_string()),
            _ => {}
        }
        extra = rest;
    }
    Ok(())
}

fn check_method(name: &str, method: u16, compressed: u32, size: u32) -> Result<(), BundleError> {
    if method != STORED && method != DEFLATED {
        return refuse(
            Code::UnsupportedCompression,
            format!("{name}: method {method}"),
        );
    }
    if compressed == u32::MAX || size == u32::MAX {
        return refuse(Code::UnsupportedZipFeature, format!("{name}: ZIP64"));
    }
    if method == STORED && compressed != size {
        return refuse(
            Code::NotABundle,
            format!("{name}: stored entry with two different sizes"),
        );
    }
    Ok(())
}

/// Each local header must sit where the previous entry's data ended (the first at byte 0) and
/// repeat its central record; the last entry's data must end where the central directory begins.
fn check_local_headers(
    bytes: &[u8],
    cd_offset: usize,
    entries: &mut [Entry],
) -> Result<(), BundleError> {
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_by_key(|&i| entries[i].local_offset);
    let mut expected = 0usize;
    for i in order {
        let entry = &mut entries[i];
        let offset = entry.local_offset as usize;
        if offset < expected {
            return refuse(Code::OverlappingMembers, entry.name.clone());
        }
        if offset > expected {
            return refuse(
                Code::UnexpectedData,
                format!("{} bytes before {}", offset - expected, entry.name),
            );
        }
        let mismatch = |what: &str| {
            BundleError::new(
                Code::NotABundle,
                format!(
                    "{}: local header {what} differs from the central directory",
                    entry.name
                ),
            )
        };
        if u32_at(bytes, offset) != Some(LOCAL_SIG) || offset + LOCAL_LEN > cd_offset {
            return Err(mismatch("signature"));
        }
        let f16 = |o: usize| u16_at(bytes, offset + o).unwrap_or(0);
        let f32 = |o: usize| u32_at(bytes, offset + o).unwrap_or(0);
        let (name_len, extra_len) = (usize::from(f16(26)), usize::from(f16(28)));
        let name_start = offset + LOCAL_LEN;
        let data_start = name_start + name_len + extra_len;
        if data_start > cd_offset {
            return refuse(
                Code::OverlappingMembers,
                format!("{}: runs into the central directory", entry.name),
            );
        }
        if &bytes[name_start..name_start + name_len] != entry.name.as_bytes() {
            return Err(mismatch("name"));
        }
        check_extra(&entry.name, &bytes[name_start + name_len..data_start])?;
        let flags = f16(6);
        check_flags(&entry.name, flags)?;
        if f16(8) != entry.method {
            return Err(mismatch("method"));
        }
        if f32(14) != entry.crc32
            || u64::from(f32(18)) != entry.compressed
            || u64::from(f32(22)) != entry.size
        {
            return Err(mismatch("CRC or size"));
        }
        let data_end = data_start + entry.compressed as usize;
        if data_end > cd_offset {
            return refuse(
                Code::OverlappingMembers,
                format!("{}: data runs into the central directory", entry.name),
            );
        }
        entry.data_start = data_start;
        expected = data_end;
    }
    if expected != cd_offset {
        return refuse(
            Code::UnexpectedData,
            format!(
                "{} bytes before the central directory",
                cd_offset - expected
            ),
        );
    }
    Ok(())
}
