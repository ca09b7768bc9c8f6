//! Images: PNG/JPEG reading, each distinct picture kept once, and placement
//! at a width, keeping aspect ratio.

use std::collections::HashMap;

use printpdf::RawImage;

use super::items::{Figure, Item};
use super::text_blocks::body_block;
use crate::error::PdfError;
use crate::fonts::Fonts;
use crate::jpeg::{self, Jpeg};
use crate::model::{Align, Span};
use crate::theme;

/// A picture as it will be written.
pub(crate) enum Picture {
    /// Decoded pixels, written losslessly (Flate): PNGs, and JPEGs a PDF
    /// reader might show differently from their own bytes.
    Pixels(RawImage),
    /// A JPEG embedded byte for byte (DCTDecode).
    Jpeg(Jpeg),
}

impl Picture {
    /// Width and height in pixels.
    fn pixels(&self) -> (usize, usize) {
        match self {
            Picture::Pixels(raw) => (raw.width, raw.height),
            Picture::Jpeg(jpeg) => (jpeg.width, jpeg.height),
        }
    }
}

/// The pictures of a document, each stored once however often it is shown
/// (a bilingual brief shows every picture twice), in order of first use.
#[derive(Default)]
pub(crate) struct Pictures<'a> {
    /// Referenced by `Item::Image` through their index.
    pub list: Vec<Picture>,
    /// Keyed by the file's bytes: the same bytes are the same picture.
    seen: HashMap<&'a [u8], usize>,
}

impl<'a> Pictures<'a> {
    /// The index and pixel size of the picture in `bytes` (from image
    /// block `block`), read on first sight.
    pub fn add(
        &mut self,
        bytes: &'a [u8],
        block: usize,
    ) -> Result<(usize, (usize, usize)), PdfError> {
        let index = match self.seen.get(bytes) {
            Some(&index) => index,
            None => {
                let picture = match jpeg::parse(bytes) {
                    Some(jpeg) => Picture::Jpeg(jpeg),
                    None => Picture::Pixels(decode(bytes, block)?),
                };
                self.list.push(picture);
                self.seen.insert(bytes, self.list.len() - 1);
                self.list.len() - 1
            }
        };
        Ok((index, self.list[index].pixels()))
    }
}

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
const JPEG_SIGNATURE: &[u8] = &[0xFF, 0xD8, 0xFF];

/// Decodes PNG or JPEG bytes; anything else is refused with its first bytes.
fn decode(bytes: &[u8], block: usize) -> Result<RawImage, PdfError> {
    let format = if bytes.starts_with(PNG_SIGNATURE) {
        "PNG"
    } else if bytes.starts_with(JPEG_SIGNATURE) {
        "JPEG"
    } else {
        let signature = bytes
            .iter()
            .take(8)
            .map(|b| format!("{b:02X}"))
            .collect::<Vec<_>>()
            .join(" ");
        return Err(PdfError::UnsupportedImage {
            block,
            signature: if signature.is_empty() {
                "none, empty".to_string()
            } else {
                signature
            },
        });
    };
    let image = RawImage::decode_from_bytes(bytes, &mut Vec::new()).map_err(|message| {
        PdfError::ImageDecode {
            block,
            format,
            message,
        }
    })?;
    if image.width == 0 || image.height == 0 {
        return Err(PdfError::ImageDecode {
            block,
            format,
            message: "image has no pixels".to_string(),
        });
    }
    Ok(image)
}

/// A figure showing image number `index` (of `pixels` width × height) at
/// `width_mm`, shrunk to fit `max_width` × `max_height`, with an optional
/// centred italic caption.
pub(crate) fn figure(
    index: usize,
    pixels: (usize, usize),
    width_mm: f32,
    caption: Option<&str>,
    fonts: &Fonts,
    max_width: f32,
    max_height: f32,
) -> Figure {
    let aspect = pixels.1 as f32 / pixels.0 as f32;
    let caption = caption
        .map(|text| body_block(&[Span::italic(text)], Align::Center, fonts, 0.0, max_width))
        .filter(|block| !block.lines.is_empty())
        .map(|mut block| {
            block.size = theme::SMALL_SIZE;
            block.color = theme::MUTED;
            block
        });
    let caption_h = caption.as_ref().map_or(0.0, |c| c.height() + 3.0);
    let mut w = theme::mm(width_mm.max(1.0)).min(max_width);
    if w * aspect > max_height - caption_h {
        w = ((max_height - caption_h) / aspect).max(1.0);
    }
    let h = w * aspect;
    let mut items = vec![Item::Image {
        image: index,
        x: (max_width - w) / 2.0,
        y: 0.0,
        w,
        h,
    }];
    if let Some(block) = &caption {
        // Captions are broken at body size and drawn smaller, so they always fit.
        let lh = theme::line_height(block.size);
        for (i, line) in block.lines.iter().enumerate() {
            let scale = block.size / theme::BODY_SIZE;
            let line_w = line.width * scale;
            let top = h + 3.0 + i as f32 * lh;
            let face = fonts.face(crate::model::FontStyle::Regular);
            let baseline = top
                + (lh - (face.ascender + face.descender) * block.size) / 2.0
                + face.ascender * block.size;
            items.push(Item::Text(super::items::TextLine {
                x: (max_width - line_w) / 2.0,
                baseline,
                size: block.size,
                color: block.color,
                runs: line.runs.clone(),
            }));
        }
    }
    Figure {
        items,
        width: max_width,
        height: h + caption_h,
    }
}
