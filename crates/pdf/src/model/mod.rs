//! The document view model: what callers build and hand to [`crate::render`].
//!
//! Everything here is plain data. Lengths given by callers are in millimetres;
//! text may be in any Unicode normal form (it is NFC-normalised before drawing).

mod block;
mod chart;
mod document;
mod table;

pub use block::{Align, Block, FontStyle, Paragraph, Span};
pub use chart::{BarDirection, Chart, ChartPoint, Color, NumberStyle};
pub use document::{Document, Footer, Margins, Metadata, Orientation, PageSetup, PaperSize};
pub use table::{Column, ColumnWidth, Table, TableStyle};
