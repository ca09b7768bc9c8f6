//! Content blocks and styled text runs.

use super::{Chart, Table};

/// One content block.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Section heading, level 1 to 3; added to the PDF outline and kept with the next block.
    Heading {
        /// 1 (largest) to 3; other values are clamped.
        level: u8,
        /// Heading text.
        text: String,
    },
    /// Wrapped text with inline bold/italic runs.
    Paragraph(Paragraph),
    /// Table with optional repeated header row.
    Table(Table),
    /// Bar chart (vertical or horizontal bars).
    BarChart(Chart),
    /// Pie chart.
    PieChart(Chart),
    /// PNG or JPEG picture at a given width, aspect ratio kept.
    Image {
        /// Encoded PNG or JPEG bytes.
        bytes: Vec<u8>,
        /// Drawn width in millimetres (shrunk to fit the body if larger).
        width_mm: f32,
        /// Optional caption, centred below the picture.
        caption: Option<String>,
    },
    /// "Label: value" pairs, labels in bold; a pair whose value is empty is left out, so that no
    /// label is printed without its value.
    KeyValues(Vec<(String, String)>),
    /// Bulleted list, one entry per item.
    Bullets(Vec<String>),
    /// Shaded call-out box, e.g. an "indicative figures" disclaimer.
    Note(String),
    /// Vertical space in millimetres (dropped at the top of a page).
    Spacer(f32),
    /// Thin horizontal rule across the body.
    Rule,
    /// Start a new page.
    PageBreak,
}

/// A paragraph: styled runs of text and an alignment.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    /// Runs of text; a `'\n'` inside a run forces a line break.
    pub spans: Vec<Span>,
    /// Left or centred.
    pub align: Align,
}

impl Paragraph {
    /// A left-aligned paragraph in the regular face.
    pub fn plain(text: impl Into<String>) -> Self {
        Self::new(vec![Span::regular(text)])
    }

    /// A left-aligned paragraph made of the given runs.
    pub fn new(spans: Vec<Span>) -> Self {
        Self {
            spans,
            align: Align::Left,
        }
    }

    /// The same paragraph, centred.
    pub fn centered(mut self) -> Self {
        self.align = Align::Center;
        self
    }
}

/// A run of text in one face.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    /// The text of the run.
    pub text: String,
    /// Regular, bold or italic.
    pub style: FontStyle,
}

impl Span {
    /// A run in the regular face.
    pub fn regular(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            style: FontStyle::Regular,
        }
    }

    /// A run in the bold face.
    pub fn bold(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            style: FontStyle::Bold,
        }
    }

    /// A run in the italic face.
    pub fn italic(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            style: FontStyle::Italic,
        }
    }
}

/// The three embedded Noto Sans faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FontStyle {
    /// Noto Sans Regular.
    Regular,
    /// Noto Sans Bold.
    Bold,
    /// Noto Sans Italic.
    Italic,
}

/// Horizontal alignment of lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Ragged right.
    Left,
    /// Centred in the available width.
    Center,
    /// Flush right (used for numbers in table columns).
    Right,
}
