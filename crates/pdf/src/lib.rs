//! PDF engine of Delegation Planner: takes a [`Document`] view model and
//! returns PDF bytes. No store, no Tauri, no clock: the same input always
//! gives byte-identical output.
//!
//! Text is drawn with embedded, subset Noto Sans (regular, bold, italic) and
//! NFC-normalised first, so Vietnamese renders and copy-pastes correctly.
//!
//! ```ignore
//! let pdf = planner_pdf::render(&planner_pdf::sample::sample_document(3))?;
//! ```

#![warn(missing_docs)]

mod error;
mod fingerprint;
mod fonts;
mod jpeg;
mod layout;
mod linebreak;
mod model;
mod outline;
pub mod sample;
mod text;
mod theme;
mod writer;

pub use error::PdfError;
pub use model::{
    Align, BarDirection, Block, Chart, ChartPoint, Color, Column, ColumnWidth, Document, FontStyle,
    Footer, Margins, Metadata, NumberStyle, Orientation, PageSetup, PaperSize, Paragraph, Span,
    Table, TableStyle,
};

/// Renders `doc` to PDF bytes.
///
/// Fails on an image that is not a decodable PNG or JPEG, or on margins that
/// leave no room for content. A plain baseline JPEG is embedded as it is, so
/// only its structure (markers up to the end) is checked, not its pixels.
pub fn render(doc: &Document) -> Result<Vec<u8>, PdfError> {
    let fonts = fonts::Fonts::get()?;
    let layout = layout::lay_out(doc, fonts)?;
    writer::write(&layout, &doc.meta, fonts)
}
