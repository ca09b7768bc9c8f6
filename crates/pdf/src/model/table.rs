//! Tables: columns, widths and decoration.

use super::Align;

/// A table: columns, rows of plain-text cells, and a look.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Column titles, widths and alignments.
    pub columns: Vec<Column>,
    /// Rows of cells; missing cells are empty, extra cells are ignored.
    pub rows: Vec<Vec<String>>,
    /// Whether to draw the (bold, shaded) header row, repeated on every page.
    pub header: bool,
    /// Zebra stripes, ruled lines, or no decoration at all.
    pub style: TableStyle,
}

/// One table column.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Header text.
    pub title: String,
    /// Fixed width or a share of the remaining width.
    pub width: ColumnWidth,
    /// Alignment of the cells (the header follows it).
    pub align: Align,
}

impl Column {
    /// A left-aligned column taking `weight` shares of the free width.
    pub fn weighted(title: impl Into<String>, weight: f32) -> Self {
        Self {
            title: title.into(),
            width: ColumnWidth::Weight(weight),
            align: Align::Left,
        }
    }

    /// The same column with another alignment.
    pub fn aligned(mut self, align: Align) -> Self {
        self.align = align;
        self
    }
}

/// How wide a column is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ColumnWidth {
    /// Fixed width in millimetres.
    Mm(f32),
    /// Share of what the fixed columns leave free.
    Weight(f32),
}

/// Table decoration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableStyle {
    /// Alternate rows shaded.
    Zebra,
    /// A thin rule under every row.
    Ruled,
    /// No shading or rules (e.g. bilingual side-by-side text, vi | en).
    Borderless,
}
