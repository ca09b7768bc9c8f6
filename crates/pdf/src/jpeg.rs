//! JPEG pictures embedded as they are: the file's own bytes become a
//! `/DCTDecode` image XObject, so nothing is decoded or re-compressed (which
//! is both slow and makes the PDF many times larger than the photo).
//!
//! Only files a PDF reader interprets exactly as an image decoder does are
//! taken: baseline or extended sequential Huffman coding (SOF0/SOF1), 8 bits,
//! one (grey) or three (YCbCr) components, with an end marker after the scan.
//! Anything else (progressive, CMYK, arithmetic coding, RGB-stored or
//! ambiguous colour, truncated) gives `None`, and the caller decodes the
//! pixels as before.

use std::collections::BTreeMap;

use printpdf::{DictItem, ExternalStream, ExternalXObject, Px, XObject};

/// A JPEG file ready to embed unchanged.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Jpeg {
    /// The file, byte for byte.
    pub bytes: Vec<u8>,
    /// Width in pixels, from the frame header.
    pub width: usize,
    /// Height in pixels, from the frame header.
    pub height: usize,
    /// One component (DeviceGray) rather than three (DeviceRGB).
    pub grey: bool,
}

/// Start of a baseline frame and of an extended sequential Huffman frame.
const SOF_SEQUENTIAL: [u8; 2] = [0xC0, 0xC1];
const DHT: u8 = 0xC4;
const SOS: u8 = 0xDA;
const APP0: u8 = 0xE0;
const APP14: u8 = 0xEE;

/// Reads the markers up to the first scan; `None` unless the file can be
/// embedded as it is (see the module comment).
pub(crate) fn parse(bytes: &[u8]) -> Option<Jpeg> {
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return None;
    }
    let mut at = 2;
    let mut frame = None;
    let mut jfif = false;
    let mut adobe_transform = None;
    loop {
        if *bytes.get(at)? != 0xFF {
            return None;
        }
        // Any number of 0xFF fill bytes may precede a marker.
        while *bytes.get(at)? == 0xFF {
            at += 1;
        }
        let marker = bytes[at];
        // Markers without a length (SOI, EOI, RSTn, TEM) have no place before the scan.
        if matches!(marker, 0x00 | 0x01 | 0xD0..=0xD9) {
            return None;
        }
        // The length counts its own two bytes.
        let length = usize::from(u16::from_be_bytes([
            *bytes.get(at + 1)?,
            *bytes.get(at + 2)?,
        ]));
        let body = length.checked_sub(2)?;
        let segment = bytes.get(at + 3..at + 3 + body)?;
        at += 3 + body;
        match marker {
            m if SOF_SEQUENTIAL.contains(&m) => {
                if frame.is_some() {
                    return None;
                }
                frame = Some(frame_header(segment)?);
            }
            // Every other SOFn (progressive, lossless, hierarchical,
            // arithmetic) and DAC (arithmetic conditioning).
            0xC2..=0xCF if marker != DHT => return None,
            APP0 if segment.starts_with(b"JFIF\0") => jfif = true,
            APP14 if segment.starts_with(b"Adobe") => adobe_transform = Some(*segment.get(11)?),
            SOS => break,
            _ => {}
        }
    }
    let (width, height, ids) = frame?;
    let grey = match (ids.len(), adobe_transform) {
        (1, _) => true,
        (3, None | Some(1)) => {
            // Without JFIF or Adobe markers, decoders read components
            // named R, G, B as RGB while PDF readers assume YCbCr.
            if adobe_transform.is_none() && !jfif && ids == b"RGB" {
                return None;
            }
            false
        }
        _ => return None,
    };
    // A truncated file would be shown half grey: require the end marker
    // (0xFF 0xD9 cannot occur inside entropy-coded data, where 0xFF is
    // always followed by 0x00 or a restart marker).
    if !bytes[at..].windows(2).any(|w| w == [0xFF, 0xD9]) {
        return None;
    }
    Some(Jpeg {
        bytes: bytes.to_vec(),
        width,
        height,
        grey,
    })
}

/// Width, height and component ids of an 8-bit frame of one or three components.
fn frame_header(segment: &[u8]) -> Option<(usize, usize, Vec<u8>)> {
    let (&precision, rest) = segment.split_first()?;
    let height = usize::from(u16::from_be_bytes([*rest.first()?, *rest.get(1)?]));
    let width = usize::from(u16::from_be_bytes([*rest.get(2)?, *rest.get(3)?]));
    let count = usize::from(*rest.get(4)?);
    // Height 0 defers the height to a DNL marker after the scan.
    if precision != 8 || width == 0 || height == 0 || !matches!(count, 1 | 3) {
        return None;
    }
    let components = rest.get(5..5 + 3 * count)?;
    Some((
        width,
        height,
        components.iter().step_by(3).copied().collect(),
    ))
}

/// The image XObject: the JPEG's bytes under `/DCTDecode`, never re-compressed.
pub(crate) fn xobject(jpeg: &Jpeg) -> XObject {
    let name = |n: &str| DictItem::Name(n.as_bytes().to_vec());
    let colour_space = if jpeg.grey { "DeviceGray" } else { "DeviceRGB" };
    let dict = BTreeMap::from([
        ("Type".to_string(), name("XObject")),
        ("Subtype".to_string(), name("Image")),
        ("Width".to_string(), DictItem::Int(jpeg.width as i64)),
        ("Height".to_string(), DictItem::Int(jpeg.height as i64)),
        ("ColorSpace".to_string(), name(colour_space)),
        ("BitsPerComponent".to_string(), DictItem::Int(8)),
        ("Filter".to_string(), name("DCTDecode")),
    ]);
    XObject::External(ExternalXObject {
        stream: ExternalStream {
            dict,
            content: jpeg.bytes.clone(),
            compress: false,
        },
        width: Some(Px(jpeg.width)),
        height: Some(Px(jpeg.height)),
        dpi: None,
    })
}

#[cfg(test)]
mod tests {
    use super::parse;

    /// A minimal JPEG: SOI, optional APP segment, a frame header of the
    /// given marker, precision and component ids, a scan header, one byte of
    /// data and EOI. Enough for the marker walk, not for a decoder.
    fn jpeg(sof: u8, precision: u8, ids: &[u8], app: Option<(u8, &[u8])>) -> Vec<u8> {
        let mut out = vec![0xFF, 0xD8];
        if let Some((marker, body)) = app {
            out.extend([0xFF, marker]);
            out.extend(((body.len() + 2) as u16).to_be_bytes());
            out.extend(body);
        }
        let mut frame = vec![precision, 0x03, 0x20, 0x04, 0xB0, ids.len() as u8];
        for id in ids {
            frame.extend([*id, 0x11, 0x00]);
        }
        out.extend([0xFF, sof]);
        out.extend(((frame.len() + 2) as u16).to_be_bytes());
        out.extend(frame);
        out.extend([0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00]);
        out.extend([0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD9]);
        out
    }

    const JFIF: (u8, &[u8]) = (0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");

    #[test]
    fn baseline_colour_and_grey_are_embedded_with_their_size() {
        let colour = parse(&jpeg(0xC0, 8, &[1, 2, 3], Some(JFIF))).unwrap();
        assert_eq!(
            (colour.width, colour.height, colour.grey),
            (1200, 800, false)
        );
        let grey = parse(&jpeg(0xC1, 8, &[1], None)).unwrap();
        assert!(grey.grey);
        assert_eq!(
            grey.bytes,
            jpeg(0xC1, 8, &[1], None),
            "bytes kept as they are"
        );
    }

    #[test]
    fn other_processes_and_colour_models_fall_back() {
        let cases = [
            ("progressive", jpeg(0xC2, 8, &[1, 2, 3], Some(JFIF))),
            ("lossless", jpeg(0xC3, 8, &[1, 2, 3], None)),
            ("arithmetic", jpeg(0xC9, 8, &[1, 2, 3], None)),
            ("12-bit", jpeg(0xC1, 12, &[1, 2, 3], None)),
            ("CMYK", jpeg(0xC0, 8, &[1, 2, 3, 4], None)),
            ("RGB ids, no marker", jpeg(0xC0, 8, b"RGB", None)),
            (
                "Adobe RGB-stored",
                jpeg(0xC0, 8, &[1, 2, 3], Some((0xEE, b"Adobe\0\x64\0\0\0\0\0"))),
            ),
        ];
        for (what, bytes) in cases {
            assert_eq!(parse(&bytes), None, "{what} must take the decoding path");
        }
        let mut truncated = jpeg(0xC0, 8, &[1, 2, 3], None);
        truncated.truncate(truncated.len() - 2);
        assert_eq!(parse(&truncated), None, "no end marker");
        assert_eq!(parse(&[0xFF, 0xD8, 0xFF]), None);
        assert_eq!(parse(&[0xFF, 0xD8, 0xFF, 0xC0, 0x00]), None);
        assert_eq!(parse(&[0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x01]), None);
    }

    #[test]
    fn rgb_ids_with_a_jfif_or_adobe_ycc_marker_are_ycbcr() {
        assert!(parse(&jpeg(0xC0, 8, b"RGB", Some(JFIF))).is_some());
        let adobe_ycc = (0xEE, &b"Adobe\0\x64\0\0\0\0\x01"[..]);
        assert!(parse(&jpeg(0xC0, 8, b"RGB", Some(adobe_ycc))).is_some());
    }
}
