//! Pictures in rendered PDFs, read back with poppler and qpdf: plain JPEGs
//! are embedded as their own bytes, a picture shown twice is stored once,
//! and the result still renders in the right colours.

use std::path::Path;

use crate::support::*;
use image::codecs::jpeg::JpegEncoder;
use image::{ImageBuffer, Luma, Rgb};
use planner_pdf::{render, Block};

/// A JPEG whose left half is red and right half blue (colours a wrong
/// YCbCr/RGB reading would visibly change).
fn red_blue_jpeg(width: u32, height: u32) -> Vec<u8> {
    let img = ImageBuffer::from_fn(width, height, |x, _| {
        if x < width / 2 {
            Rgb([220u8, 30, 30])
        } else {
            Rgb([30u8, 40, 220])
        }
    });
    let mut bytes = Vec::new();
    img.write_with_encoder(JpegEncoder::new_with_quality(&mut bytes, 90))
        .unwrap();
    bytes
}

/// A one-component (greyscale) JPEG.
fn grey_jpeg(width: u32, height: u32) -> Vec<u8> {
    let img = ImageBuffer::from_fn(width, height, |x, _| Luma([(x * 255 / width) as u8]));
    let mut bytes = Vec::new();
    img.write_with_encoder(JpegEncoder::new_with_quality(&mut bytes, 90))
        .unwrap();
    bytes
}

fn picture(bytes: &[u8], width_mm: f32) -> Block {
    Block::Image {
        bytes: bytes.to_vec(),
        width_mm,
        caption: None,
    }
}

/// `pdfimages -list` rows as columns: page num type width height color comp
/// bpc enc interp object ID x-ppi y-ppi size ratio.
fn image_rows(path: &Path) -> Vec<Vec<String>> {
    run("pdfimages", &["-list", path.to_str().unwrap()])
        .lines()
        .skip(2)
        .map(|l| l.split_whitespace().map(str::to_string).collect())
        .collect()
}

fn qpdf_check(path: &Path) {
    let out = run("qpdf", &["--check", path.to_str().unwrap()]);
    assert!(out.contains("No syntax or stream encoding errors"), "{out}");
}

#[test]
fn a_jpeg_is_embedded_as_its_own_bytes() {
    let colour = red_blue_jpeg(120, 80);
    let grey = grey_jpeg(64, 64);
    let doc = document(
        "Ảnh JPEG",
        vec![
            para("Ảnh màu"),
            picture(&colour, 80.0),
            picture(&grey, 30.0),
        ],
    );
    let path = render_to_file(&doc, "jpeg-as-is");
    qpdf_check(&path);
    let rows = image_rows(&path);
    assert_eq!(rows.len(), 2, "{rows:?}");
    for (row, (size, colour_space, comps)) in rows
        .iter()
        .zip([(("120", "80"), "rgb", "3"), (("64", "64"), "gray", "1")])
    {
        assert_eq!(row[8], "jpeg", "not embedded as DCT: {row:?}");
        assert_eq!((row[3].as_str(), row[4].as_str()), size, "{row:?}");
        assert_eq!((row[5].as_str(), row[6].as_str()), (colour_space, comps));
        assert_eq!(row[7], "8", "{row:?}");
    }

    // `pdfimages -j` writes a DCT stream's data out unchanged.
    let prefix = path.with_extension("");
    run(
        "pdfimages",
        &["-j", path.to_str().unwrap(), prefix.to_str().unwrap()],
    );
    let extracted = |n: usize| {
        let file = format!("{}-{n:03}.jpg", prefix.display());
        std::fs::read(&file).unwrap_or_else(|e| panic!("{file}: {e}"))
    };
    assert!(extracted(0) == colour, "the colour JPEG's bytes changed");
    assert!(extracted(1) == grey, "the grey JPEG's bytes changed");
}

#[test]
fn a_picture_shown_twice_is_one_image_object_and_output_stays_deterministic() {
    let photo = red_blue_jpeg(200, 100);
    let other = red_blue_jpeg(100, 100);
    let map = png_bytes(40, 20);
    // The sequential bilingual layout: every picture once per language.
    let blocks = vec![
        para("Tiếng Việt"),
        picture(&photo, 60.0),
        picture(&map, 40.0),
        picture(&other, 30.0),
        Block::PageBreak,
        para("English"),
        picture(&photo, 60.0),
        picture(&map, 40.0),
    ];
    let doc = document("Ảnh lặp lại", blocks);
    let path = render_to_file(&doc, "pictures-twice");
    qpdf_check(&path);
    let rows = image_rows(&path);
    assert_eq!(rows.len(), 5, "five placements: {rows:?}");
    let object = |i: usize| rows[i][10].as_str();
    assert_eq!(object(0), object(3), "the JPEG shown twice: {rows:?}");
    assert_eq!(object(1), object(4), "the PNG shown twice: {rows:?}");
    let distinct: std::collections::BTreeSet<&str> = (0..5).map(object).collect();
    assert_eq!(distinct.len(), 3, "three pictures, three objects: {rows:?}");
    assert_eq!(rows[1][8], "image", "PNG stays lossless (Flate): {rows:?}");

    let bytes = std::fs::read(&path).unwrap();
    assert!(render(&doc).unwrap() == bytes, "a second render differs");
    assert_eq!(
        count(&bytes, b"/DCTDecode"),
        2,
        "each JPEG's stream is written once"
    );
}

#[test]
fn an_embedded_jpeg_renders_in_its_own_colours() {
    // 100 mm wide, 2:1: at 50 dpi about 197 × 98 px, half red, half blue.
    let doc = document(
        "Ảnh hiển thị",
        vec![para("Ảnh"), picture(&red_blue_jpeg(400, 200), 100.0)],
    );
    let path = render_to_file(&doc, "jpeg-renders");
    let (_, _, rgb) = decode_png(&rasterise_page_one(&path, 50));
    let pixels: Vec<&[u8]> = rgb.chunks(3).collect();
    let red = pixels
        .iter()
        .filter(|p| p[0] > 170 && p[1] < 80 && p[2] < 80)
        .count();
    let blue = pixels
        .iter()
        .filter(|p| p[0] < 80 && p[1] < 90 && p[2] > 170)
        .count();
    let half = 197.0 * 98.0 / 2.0;
    for (name, n) in [("red", red), ("blue", blue)] {
        assert!(
            (n as f64) > 0.85 * half && (n as f64) < 1.15 * half,
            "{name} pixels: {n}, expected about {half}"
        );
    }
}

/// A JPEG whose colours a PDF reader and a decoder read differently (RGB
/// component ids, no JFIF marker) is still shown, decoded to pixels.
#[test]
fn an_ambiguous_jpeg_falls_back_to_pixels() {
    let mut bytes = red_blue_jpeg(48, 32);
    strip_jfif_and_name_components_rgb(&mut bytes);
    let doc = document("Ảnh RGB", vec![picture(&bytes, 40.0)]);
    let path = render_to_file(&doc, "jpeg-fallback");
    qpdf_check(&path);
    let rows = image_rows(&path);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0][8], "image", "decoded, not embedded: {rows:?}");
    assert_eq!((rows[0][3].as_str(), rows[0][4].as_str()), ("48", "32"));
}

/// Removes the APP0 (JFIF) segment and renames the components 'R', 'G', 'B'
/// in the frame and in the (single, interleaved) scan header.
fn strip_jfif_and_name_components_rgb(bytes: &mut Vec<u8>) {
    assert_eq!(&bytes[2..4], [0xFF, 0xE0], "the encoder writes JFIF first");
    let length = usize::from(u16::from_be_bytes([bytes[4], bytes[5]]));
    bytes.drain(2..4 + length);
    let sof = bytes
        .windows(2)
        .position(|w| w == [0xFF, 0xC0])
        .expect("a baseline frame");
    // marker(2) length(2) precision(1) height(2) width(2) count(1), then 3 bytes per component.
    assert_eq!(bytes[sof + 9], 3);
    for (i, id) in b"RGB".iter().enumerate() {
        bytes[sof + 10 + 3 * i] = *id;
    }
    let sos = sof
        + bytes[sof..]
            .windows(2)
            .position(|w| w == [0xFF, 0xDA])
            .expect("a scan");
    // marker(2) length(2) count(1), then 2 bytes per component.
    assert_eq!(bytes[sos + 4], 3);
    for (i, id) in b"RGB".iter().enumerate() {
        bytes[sos + 5 + 2 * i] = *id;
    }
}

fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}
