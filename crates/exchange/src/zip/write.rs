//! The deterministic writer: fixed timestamps, entries in the order given, no extra fields, no
//! data descriptors. What it writes is exactly what the strict reader accepts, and an ordinary
//! unzip opens it (so the PDF can be taken out by hand).

use std::io::Write;

use flate2::write::DeflateEncoder;
use flate2::Compression;

use super::{CENTRAL_SIG, DEFLATED, END_SIG, LOCAL_SIG, STORED};
use crate::limits::{Limits, RATIO_FLOOR};

/// 1980-01-01 00:00:00, the earliest DOS date: the bundle's bytes never depend on the clock.
const DOS_DATE: u16 = (1 << 5) | 1;
const DOS_TIME: u16 = 0;
/// Version 2.0 (deflate), made on Unix so that the mode below is read.
const VERSION_NEEDED: u16 = 20;
const VERSION_MADE_BY: u16 = (3 << 8) | 20;
/// A regular file, rw-r--r--.
const EXTERNAL_ATTRIBUTES: u32 = 0o100_644 << 16;

/// Builds a ZIP in memory.
pub(crate) struct ZipWriter {
    out: Vec<u8>,
    central: Vec<u8>,
    count: u16,
}

impl ZipWriter {
    pub(crate) fn new() -> ZipWriter {
        ZipWriter {
            out: Vec::new(),
            central: Vec::new(),
            count: 0,
        }
    }

    /// Adds one entry. `compress` false stores it (pictures are already compressed); deflate is
    /// also dropped when it does not help, or when its ratio is one the reader would find
    /// suspicious, so that a bundle we write is never one we refuse.
    pub(crate) fn add(&mut self, name: &str, data: &[u8], compress: bool) {
        let deflated = compress.then(|| deflate(data)).filter(|d| {
            let ratio_ok = (data.len() as u64) <= RATIO_FLOOR
                || (data.len() as u64) / (d.len() as u64).max(1) <= Limits::default().max_ratio;
            d.len() < data.len() && ratio_ok
        });
        let (method, stored) = match &deflated {
            Some(d) => (DEFLATED, d.as_slice()),
            None => (STORED, data),
        };
        let offset = self.out.len() as u32;
        let crc = crc32fast::hash(data);
        let header = |sig: u32| {
            let mut h = Vec::with_capacity(46 + name.len());
            h.extend_from_slice(&sig.to_le_bytes());
            if sig == CENTRAL_SIG {
                h.extend_from_slice(&VERSION_MADE_BY.to_le_bytes());
            }
            for field in [VERSION_NEEDED, 0, method, DOS_TIME, DOS_DATE] {
                h.extend_from_slice(&field.to_le_bytes());
            }
            for field in [crc, stored.len() as u32, data.len() as u32] {
                h.extend_from_slice(&field.to_le_bytes());
            }
            h.extend_from_slice(&(name.len() as u16).to_le_bytes());
            h.extend_from_slice(&0u16.to_le_bytes()); // extra field length
            h
        };
        self.out.extend_from_slice(&header(LOCAL_SIG));
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(stored);

        let mut central = header(CENTRAL_SIG);
        for field in [0u16, 0, 0] {
            // comment length, disk number, internal attributes
            central.extend_from_slice(&field.to_le_bytes());
        }
        central.extend_from_slice(&EXTERNAL_ATTRIBUTES.to_le_bytes());
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
        self.central.extend_from_slice(&central);
        self.count += 1;
    }

    /// Appends the central directory and the end record.
    pub(crate) fn finish(mut self) -> Vec<u8> {
        let cd_offset = self.out.len() as u32;
        let cd_size = self.central.len() as u32;
        self.out.extend_from_slice(&self.central);
        self.out.extend_from_slice(&END_SIG.to_le_bytes());
        for field in [0u16, 0, self.count, self.count] {
            self.out.extend_from_slice(&field.to_le_bytes());
        }
        self.out.extend_from_slice(&cd_size.to_le_bytes());
        self.out.extend_from_slice(&cd_offset.to_le_bytes());
        self.out.extend_from_slice(&0u16.to_le_bytes()); // no comment
        self.out
    }
}

fn deflate(data: &[u8]) -> Vec<u8> {
    let mut encoder =
        DeflateEncoder::new(Vec::with_capacity(data.len() / 2), Compression::default());
    encoder.write_all(data).expect("writing to memory");
    encoder.finish().expect("writing to memory")
}
