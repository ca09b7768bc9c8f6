//! Reading one entry's bytes: streamed through the decoder with a cap of the declared size + 1, so
//! that a deflate bomb whose headers lie costs one byte more than it declared, never more.

use std::io::Read;

use flate2::read::DeflateDecoder;

use super::{Entry, STORED};
use crate::error::{refuse, BundleError, Code};

/// Decompresses one entry, streaming with a cap of its declared size + 1 so that a lying size
/// costs at most one byte more than declared; checks the length and the CRC-32.
pub(crate) fn read_entry(bytes: &[u8], entry: &Entry) -> Result<Vec<u8>, BundleError> {
    let raw = &bytes[entry.data_start..entry.data_start + entry.compressed as usize];
    let declared = entry.size as usize;
    let damaged =
        |why: &str| BundleError::new(Code::HashMismatch, format!("{}: {why}", entry.name));
    let data = if entry.method == STORED {
        raw.to_vec()
    } else {
        let mut out = Vec::with_capacity(declared + 1);
        let mut decoder = DeflateDecoder::new(raw);
        (&mut decoder)
            .take(entry.size + 1)
            .read_to_end(&mut out)
            .map_err(|_| damaged("damaged compressed data"))?;
        if out.len() == declared && decoder.total_in() != entry.compressed {
            // The deflate stream ended early: the rest of the entry is hidden data.
            return Err(damaged("data after the end of the compressed stream"));
        }
        out
    };
    if data.len() > declared {
        return refuse(
            Code::MemberTooLong,
            format!("{}: more than the declared {declared} bytes", entry.name),
        );
    }
    if data.len() < declared {
        return refuse(
            Code::MemberTooShort,
            format!(
                "{}: {} of the declared {declared} bytes",
                entry.name,
                data.len()
            ),
        );
    }
    if crc32fast::hash(&data) != entry.crc32 {
        return Err(damaged("CRC-32 differs"));
    }
    Ok(data)
}
