//! Tables (and key-value lists, which are borderless two-column tables):
//! column widths, wrapped cells, header row repeated on every page.

use super::composer::{Composer, TextBlock};
use super::items::Item;
use super::text_blocks::clean_spans;
use crate::fonts::{Fonts, Measure};
use crate::linebreak::{break_lines, Line};
use crate::model::{Align, ColumnWidth, FontStyle, Span, Table, TableStyle};
use crate::text::clean_line;
use crate::theme;

/// Slack for float rounding when comparing heights.
const EPSILON: f32 = 0.01;

/// A table row: broken lines per cell and the row's height.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    cells: Vec<Vec<Line>>,
    height: f32,
}

/// A table measured for the body width, ready to place.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PreparedTable {
    /// Left edge of each column, relative to the body.
    xs: Vec<f32>,
    /// Width of each column.
    widths: Vec<f32>,
    /// Left and right text padding of each column.
    pads: Vec<(f32, f32)>,
    aligns: Vec<Align>,
    header: Option<Row>,
    rows: Vec<Row>,
    style: TableStyle,
    size: f32,
    pad_y: f32,
}

/// Column widths in pt: fixed ones first, weights share what is left.
pub(crate) fn column_widths(specs: &[ColumnWidth], body: f32) -> Vec<f32> {
    let fixed: f32 = specs
        .iter()
        .map(|w| match w {
            ColumnWidth::Mm(mm) => theme::mm(mm.max(0.0)),
            ColumnWidth::Weight(_) => 0.0,
        })
        .sum();
    let weights: f32 = specs
        .iter()
        .map(|w| match w {
            ColumnWidth::Weight(x) => x.max(0.0),
            ColumnWidth::Mm(_) => 0.0,
        })
        .sum();
    let weighted_count = specs
        .iter()
        .filter(|w| matches!(w, ColumnWidth::Weight(_)))
        .count();
    let free = (body - fixed).max(0.0);
    // Fixed columns wider than the body are shrunk proportionally.
    let shrink = if fixed > body { body / fixed } else { 1.0 };
    specs
        .iter()
        .map(|w| match w {
            ColumnWidth::Mm(mm) => theme::mm(mm.max(0.0)) * shrink,
            ColumnWidth::Weight(x) if weights > 0.0 => free * x.max(0.0) / weights,
            ColumnWidth::Weight(_) => free / weighted_count as f32,
        })
        .collect()
}

impl PreparedTable {
    /// Measures a model table for the body width.
    pub fn from_table(table: &Table, fonts: &Fonts, body: f32) -> Self {
        let specs: Vec<ColumnWidth> = table.columns.iter().map(|c| c.width).collect();
        let aligns = table.columns.iter().map(|c| c.align).collect();
        let header = table.header.then(|| {
            table
                .columns
                .iter()
                .map(|c| vec![Span::bold(c.title.as_str())])
                .collect()
        });
        let rows = table
            .rows
            .iter()
            .map(|row| {
                (0..table.columns.len())
                    .map(|i| vec![Span::regular(row.get(i).map_or("", String::as_str))])
                    .collect()
            })
            .collect();
        let widths = column_widths(&specs, body);
        Self::new(
            fonts,
            widths,
            aligns,
            header,
            rows,
            table.style,
            theme::TABLE_SIZE,
            theme::CELL_PAD_Y,
        )
    }

    /// "Label: value" pairs as a borderless table, labels bold in a column
    /// sized to the longest label (at most 40 % of the body).
    pub fn key_values(pairs: &[(String, String)], fonts: &Fonts, body: f32) -> Self {
        let size = theme::BODY_SIZE;
        let widest = pairs
            .iter()
            .map(|(label, _)| {
                let label = clean_line(label, fonts, FontStyle::Bold);
                fonts.width(FontStyle::Bold, &label, size)
            })
            .fold(0.0, f32::max);
        let label_width = (widest + theme::CELL_PAD_X).min(body * 0.4);
        let widths = vec![label_width, body - label_width];
        let rows = pairs
            .iter()
            .map(|(label, value)| {
                vec![
                    vec![Span::bold(label.as_str())],
                    vec![Span::regular(value.as_str())],
                ]
            })
            .collect();
        Self::new(
            fonts,
            widths,
            vec![Align::Left, Align::Left],
            None,
            rows,
            TableStyle::Borderless,
            size,
            1.0,
        )
    }

    #[allow(clippy::too_many_arguments)]
    fn new(
        fonts: &Fonts,
        widths: Vec<f32>,
        aligns: Vec<Align>,
        header: Option<Vec<Vec<Span>>>,
        rows: Vec<Vec<Vec<Span>>>,
        style: TableStyle,
        size: f32,
        pad_y: f32,
    ) -> Self {
        let n = widths.len();
        let pads: Vec<(f32, f32)> = (0..n)
            .map(|i| {
                // Borderless tables align their outer text with the body edges.
                let outer = style == TableStyle::Borderless;
                let left = if outer && i == 0 {
                    0.0
                } else {
                    theme::CELL_PAD_X
                };
                let right = if outer && i + 1 == n {
                    0.0
                } else {
                    theme::CELL_PAD_X
                };
                (left, right)
            })
            .collect();
        let xs = widths
            .iter()
            .scan(0.0, |x, w| {
                let left = *x;
                *x += w;
                Some(left)
            })
            .collect();
        let lh = theme::line_height(size);
        let make_row = |cells: Vec<Vec<Span>>| {
            let cells: Vec<Vec<Line>> = cells
                .iter()
                .enumerate()
                .map(|(i, spans)| {
                    let text_width = (widths[i] - pads[i].0 - pads[i].1).max(1.0);
                    break_lines(&clean_spans(spans, fonts), size, text_width, fonts)
                })
                .collect();
            let lines = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
            Row {
                cells,
                height: lines as f32 * lh + 2.0 * pad_y,
            }
        };
        Self {
            header: header.map(make_row),
            rows: rows.into_iter().map(make_row).collect(),
            xs,
            widths,
            pads,
            aligns,
            style,
            size,
            pad_y,
        }
    }

    fn header_height(&self) -> f32 {
        self.header.as_ref().map_or(0.0, |h| h.height)
    }

    /// Smallest height the table may start a page with: header and first row.
    pub fn lead_height(&self) -> f32 {
        self.header_height() + self.rows.first().map_or(0.0, |r| r.height)
    }

    /// Places the table, starting new pages between rows and repeating the
    /// header row at the top of each.
    pub fn place(&self, c: &mut Composer, gap: f32) {
        c.start_block(gap, self.lead_height());
        self.draw_header(c);
        let mut rows_on_page = 0;
        for (index, row) in self.rows.iter().enumerate() {
            // A row taller than a whole page is drawn anyway and overflows.
            if rows_on_page > 0 && row.height > c.remaining() + EPSILON {
                c.new_page();
                self.draw_header(c);
                rows_on_page = 0;
            }
            self.draw_row(c, row, index, false);
            rows_on_page += 1;
        }
    }

    fn draw_header(&self, c: &mut Composer) {
        if let Some(header) = &self.header {
            self.draw_row(c, header, 0, true);
        }
    }

    fn draw_row(&self, c: &mut Composer, row: &Row, index: usize, is_header: bool) {
        let top = c.y;
        let fill = match (self.style, is_header) {
            (TableStyle::Borderless, _) => None,
            (_, true) => Some(theme::HEADER_FILL),
            (TableStyle::Zebra, false) if index % 2 == 1 => Some(theme::ZEBRA_FILL),
            _ => None,
        };
        if let Some(fill) = fill {
            c.push(Item::Rect {
                x: c.left,
                y: top,
                w: self.widths.iter().sum(),
                h: row.height,
                fill,
            });
        }
        let lh = theme::line_height(self.size);
        for (i, lines) in row.cells.iter().enumerate() {
            let (pad_left, pad_right) = self.pads[i];
            let block = TextBlock {
                lines: Vec::new(),
                size: self.size,
                indent: 0.0,
                width: 0.0,
                align: self.aligns[i],
                color: theme::TEXT,
                marker: None,
            };
            let x = c.left + self.xs[i] + pad_left;
            let width = self.widths[i] - pad_left - pad_right;
            for (j, line) in lines.iter().enumerate() {
                c.draw_line(line, x, width, top + self.pad_y + j as f32 * lh, &block);
            }
        }
        c.y = top + row.height;
        let ruled = match self.style {
            TableStyle::Ruled => true,
            TableStyle::Zebra | TableStyle::Borderless => is_header,
        };
        if ruled {
            c.push(Item::Line {
                from: (c.left, c.y),
                to: (c.left + self.widths.iter().sum::<f32>(), c.y),
                color: if is_header { theme::AXIS } else { theme::RULE },
                width: theme::HAIRLINE,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::column_widths;
    use crate::model::ColumnWidth;
    use crate::theme;

    #[test]
    fn fixed_columns_first_then_weights_share_the_rest() {
        let w = column_widths(
            &[
                ColumnWidth::Mm(20.0),
                ColumnWidth::Weight(1.0),
                ColumnWidth::Weight(3.0),
            ],
            theme::mm(100.0),
        );
        assert!((w[0] - theme::mm(20.0)).abs() < 0.01);
        assert!((w[1] - theme::mm(20.0)).abs() < 0.01);
        assert!((w[2] - theme::mm(60.0)).abs() < 0.01);
    }

    #[test]
    fn too_wide_fixed_columns_are_shrunk_to_the_body() {
        let w = column_widths(
            &[ColumnWidth::Mm(80.0), ColumnWidth::Mm(80.0)],
            theme::mm(100.0),
        );
        assert!((w.iter().sum::<f32>() - theme::mm(100.0)).abs() < 0.01);
    }
}
