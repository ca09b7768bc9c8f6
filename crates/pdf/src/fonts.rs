//! The embedded Noto Sans faces and their glyph metrics.
//!
//! Fonts are parsed once per process: parsing three 0.5 MB faces costs more
//! than laying out a whole brief, and the result never changes.

use std::sync::OnceLock;

use printpdf::ParsedFont;

use crate::error::PdfError;
use crate::model::FontStyle;

const REGULAR: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf");
const ITALIC: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Italic.ttf");

/// Code points below this get a precomputed advance: Latin, Latin Extended and
/// the Vietnamese block (U+1EA0..U+1EF9) all fall inside, so lookups in the
/// line breaker's hot loop are an array index.
const CACHED_CODE_POINTS: usize = 0x2000;

/// Something that knows how wide characters are; the line breaker only needs this.
pub(crate) trait Measure {
    /// Advance of `ch` in `style`, in ems (multiply by the font size in pt).
    fn advance(&self, style: FontStyle, ch: char) -> f32;

    /// Width of `text` in `style` at `size` pt.
    fn width(&self, style: FontStyle, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance(style, c)).sum::<f32>() * size
    }
}

/// One parsed face with cached advances.
pub(crate) struct Face {
    /// The parsed font, handed to printpdf for embedding and subsetting.
    pub parsed: ParsedFont,
    units_per_em: f32,
    /// Advance in ems per code point; negative when the font has no glyph.
    advances: Vec<f32>,
    /// Ascender in ems (above the baseline).
    pub ascender: f32,
    /// Descender in ems (positive, below the baseline).
    pub descender: f32,
}

impl Face {
    fn parse(bytes: &[u8], name: &'static str) -> Result<Self, &'static str> {
        let parsed = ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).ok_or(name)?;
        let metrics = &parsed.pdf_font_metrics;
        let units_per_em = f32::from(metrics.units_per_em.max(1));
        let ascender = f32::from(metrics.ascender) / units_per_em;
        let descender = -f32::from(metrics.descender) / units_per_em;
        let mut face = Self {
            parsed,
            units_per_em,
            advances: Vec::new(),
            ascender,
            descender,
        };
        face.advances = (0..CACHED_CODE_POINTS as u32)
            .map(|cp| {
                char::from_u32(cp)
                    .and_then(|c| face.lookup(c))
                    .unwrap_or(-1.0)
            })
            .collect();
        Ok(face)
    }

    fn lookup(&self, ch: char) -> Option<f32> {
        let gid = self.parsed.lookup_glyph_index(ch as u32)?;
        Some(f32::from(self.parsed.get_horizontal_advance(gid)) / self.units_per_em)
    }

    /// Advance of `ch` in ems, or `None` when the face has no glyph for it.
    pub fn advance(&self, ch: char) -> Option<f32> {
        match self.advances.get(ch as usize) {
            Some(&a) if a >= 0.0 => Some(a),
            Some(_) => None,
            None => self.lookup(ch),
        }
    }

    /// Whether the face can draw `ch`.
    pub fn has_glyph(&self, ch: char) -> bool {
        self.advance(ch).is_some()
    }
}

/// The three faces used by every document.
pub(crate) struct Fonts {
    regular: Face,
    bold: Face,
    italic: Face,
}

impl Fonts {
    /// The process-wide parsed fonts.
    pub fn get() -> Result<&'static Fonts, PdfError> {
        static FONTS: OnceLock<Result<Fonts, &'static str>> = OnceLock::new();
        FONTS
            .get_or_init(Fonts::parse)
            .as_ref()
            .map_err(|name| PdfError::Font(name))
    }

    fn parse() -> Result<Self, &'static str> {
        Ok(Self {
            regular: Face::parse(REGULAR, "NotoSans-Regular")?,
            bold: Face::parse(BOLD, "NotoSans-Bold")?,
            italic: Face::parse(ITALIC, "NotoSans-Italic")?,
        })
    }

    /// The face for a style.
    pub fn face(&self, style: FontStyle) -> &Face {
        match style {
            FontStyle::Regular => &self.regular,
            FontStyle::Bold => &self.bold,
            FontStyle::Italic => &self.italic,
        }
    }
}

impl Measure for Fonts {
    fn advance(&self, style: FontStyle, ch: char) -> f32 {
        // Text is sanitised before measuring, so a missing glyph is rare; the
        // .notdef box printpdf then draws is about half an em wide.
        self.face(style).advance(ch).unwrap_or(0.5)
    }
}
