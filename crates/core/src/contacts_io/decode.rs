//! Bytes → text. UTF-8 (with or without BOM) and UTF-16 LE/BE with BOM (Excel's "Unicode
//! text"); anything else is refused with the line of the first bad byte: a legacy encoding
//! (Windows-1258, TCVN3, VNI) is never guessed, because a wrong guess silently garbles names.

use super::MAX_FILE_BYTES;
use crate::error::{invalid, Result};

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The whole file as text, or the file-level problem.
pub(super) fn decode(bytes: &[u8]) -> Result<String> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(invalid(
            "file",
            "too_large",
            format!(
                "Tệp quá lớn ({}); giới hạn là {}",
                human_size(bytes.len()),
                human_size(MAX_FILE_BYTES)
            ),
            format!(
                "The file is too large ({}); the limit is {}",
                human_size(bytes.len()),
                human_size(MAX_FILE_BYTES)
            ),
        ));
    }
    let text = if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        utf8(rest)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(rest, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, u16::from_be_bytes)?
    } else {
        utf8(bytes)?
    };
    if let Some(at) = text.find('\0') {
        let line = line_at(&text.as_bytes()[..at]);
        return Err(invalid(
            "file",
            "not_text",
            format!(
                "Tệp không phải văn bản: có byte NUL ở dòng {line} (tệp nhị phân, hoặc UTF-16 \
                 không có BOM?). Hãy lưu lại dưới dạng CSV UTF-8."
            ),
            format!(
                "The file is not text: a NUL byte on line {line} (a binary file, or UTF-16 \
                 without a byte order mark?). Save it again as CSV UTF-8."
            ),
        ));
    }
    if text.trim().is_empty() {
        return Err(invalid("file", "empty", "Tệp trống", "The file is empty"));
    }
    Ok(text)
}

/// The beginning of the file as text, lossily, for format detection only.
pub(super) fn decode_prefix(bytes: &[u8], max: usize) -> String {
    let cut = |b: &[u8]| b[..b.len().min(max)].to_vec();
    if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        String::from_utf8_lossy(&cut(rest)).into_owned()
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        let units: Vec<u16> = cut(rest)
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        let units: Vec<u16> = cut(rest)
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        String::from_utf8_lossy(&cut(bytes)).into_owned()
    }
}

fn utf8(bytes: &[u8]) -> Result<String> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_owned()),
        Err(e) => {
            let at = e.valid_up_to();
            let line = line_at(&bytes[..at]);
            let byte = bytes[at];
            Err(invalid(
                "file",
                "not_utf8",
                format!(
                    "Tệp không phải UTF-8: byte 0x{byte:02X} không hợp lệ ở dòng {line}. Có thể \
                     tệp dùng bảng mã cũ (Windows-1258, TCVN3, VNI): hãy lưu lại dưới dạng \
                     «CSV UTF-8» hoặc «Unicode Text»."
                ),
                format!(
                    "The file is not UTF-8: invalid byte 0x{byte:02X} on line {line}. It may use \
                     a legacy encoding (Windows-1258, TCVN3, VNI): save it again as \"CSV UTF-8\" \
                     or \"Unicode Text\"."
                ),
            ))
        }
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String> {
    let damaged = |line: u32| {
        invalid(
            "file",
            "not_utf16",
            format!("Tệp UTF-16 bị hỏng ở dòng {line} (ký tự không giải mã được)"),
            format!("The UTF-16 file is damaged on line {line} (an undecodable character)"),
        )
    };
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut out = String::with_capacity(bytes.len() / 2);
    let mut line = 1u32;
    for r in char::decode_utf16(units) {
        let c = r.map_err(|_| damaged(line))?;
        if c == '\n' {
            line += 1;
        }
        out.push(c);
    }
    if bytes.len() % 2 == 1 {
        return Err(damaged(line));
    }
    Ok(out)
}

/// The 1-based line on which the byte after `before` stands.
fn line_at(before: &[u8]) -> u32 {
    1 + before.iter().filter(|&&b| b == b'\n').count() as u32
}

/// "10.0 MB", "65 KB", "12 B".
pub(super) fn human_size(n: usize) -> String {
    if n >= 1024 * 1024 {
        format!("{:.1} MB", n as f64 / (1024.0 * 1024.0))
    } else if n >= 1024 {
        format!("{} KB", n.div_ceil(1024))
    } else {
        format!("{n} B")
    }
}
