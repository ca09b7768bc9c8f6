//! The document as a whole: metadata, page setup, header and footer.

use chrono::{DateTime, FixedOffset};

use super::Block;

/// A whole document: metadata, page setup, running header/footer and content blocks.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Title, author, language and creation date written into the PDF.
    pub meta: Metadata,
    /// Paper size, orientation and margins.
    pub page: PageSetup,
    /// Text repeated at the top of every page (typically the document title).
    pub header: Option<String>,
    /// Page-number footer ("Trang 3/12", "Page 3 of 12" or both).
    pub footer: Footer,
    /// The content, laid out top to bottom.
    pub blocks: Vec<Block>,
}

/// Document information written into the PDF `/Info` dictionary and catalog.
#[derive(Debug, Clone, PartialEq)]
pub struct Metadata {
    /// Document title (also shown by viewers instead of the file name).
    pub title: String,
    /// Author, e.g. the officer or the department.
    pub author: String,
    /// Subject line.
    pub subject: String,
    /// BCP 47 language tag of the content, e.g. "vi-VN" or "en".
    pub language: String,
    /// Creation date, passed in (never read from the clock) so output is reproducible.
    pub created: DateTime<FixedOffset>,
}

/// Paper size, orientation and margins.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageSetup {
    /// ISO A4 or US Letter.
    pub size: PaperSize,
    /// Portrait or landscape.
    pub orientation: Orientation,
    /// Margins around the body, in millimetres; header and footer sit inside them.
    pub margins: Margins,
}

impl Default for PageSetup {
    fn default() -> Self {
        Self {
            size: PaperSize::A4,
            orientation: Orientation::Portrait,
            margins: Margins::uniform(20.0),
        }
    }
}

/// Supported paper sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaperSize {
    /// 210 × 297 mm (595.28 × 841.89 pt).
    A4,
    /// 8.5 × 11 in (612 × 792 pt).
    Letter,
}

/// Page orientation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    /// Taller than wide.
    Portrait,
    /// Wider than tall.
    Landscape,
}

/// Page margins in millimetres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Margins {
    /// Top margin (the running header is drawn inside it).
    pub top: f32,
    /// Right margin.
    pub right: f32,
    /// Bottom margin (the footer is drawn inside it).
    pub bottom: f32,
    /// Left margin.
    pub left: f32,
}

impl Margins {
    /// The same margin on all four sides.
    pub fn uniform(mm: f32) -> Self {
        Self {
            top: mm,
            right: mm,
            bottom: mm,
            left: mm,
        }
    }
}

/// Language of the page-number footer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Footer {
    /// No footer.
    None,
    /// "Trang 3/12".
    Vietnamese,
    /// "Page 3 of 12".
    English,
    /// "Trang 3/12 · Page 3 of 12".
    Bilingual,
}

impl Footer {
    /// The footer text for page `page` (1-based) of `total`, if any.
    pub fn label(self, page: usize, total: usize) -> Option<String> {
        match self {
            Footer::None => None,
            Footer::Vietnamese => Some(format!("Trang {page}/{total}")),
            Footer::English => Some(format!("Page {page} of {total}")),
            Footer::Bilingual => Some(format!("Trang {page}/{total} · Page {page} of {total}")),
        }
    }
}
