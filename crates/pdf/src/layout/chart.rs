//! Pieces shared by bar and pie charts: title, legend, value labels, colours.

use super::items::{Item, PathPoint, TextLine};
use crate::fonts::{Fonts, Measure};
use crate::linebreak::Run;
use crate::model::{Chart, Color, FontStyle};
use crate::text::{clean_line, format_number};
use crate::theme;

/// Chart title size.
pub(crate) const TITLE_SIZE: f32 = 10.5;
/// Side of a legend colour swatch.
const SWATCH: f32 = 7.0;
/// Space between legend entries.
const LEGEND_GAP: f32 = 12.0;

/// Builds chart figures: normalised labels and the fonts to measure them.
pub(crate) struct ChartPen<'a> {
    /// Fonts for measuring.
    pub fonts: &'a Fonts,
    /// The chart being drawn.
    pub chart: &'a Chart,
    /// Cleaned category labels.
    pub labels: Vec<String>,
    /// Values, negatives clamped to zero.
    pub values: Vec<f64>,
    /// Drawing items, relative to the figure's top-left corner.
    pub items: Vec<Item>,
}

impl<'a> ChartPen<'a> {
    /// Normalises the chart's labels and values.
    pub fn new(fonts: &'a Fonts, chart: &'a Chart) -> Self {
        Self {
            fonts,
            chart,
            labels: chart
                .points
                .iter()
                .map(|p| clean_line(&p.label, fonts, FontStyle::Regular))
                .collect(),
            values: chart
                .points
                .iter()
                .map(|p| {
                    if p.value.is_finite() {
                        p.value.max(0.0)
                    } else {
                        0.0
                    }
                })
                .collect(),
            items: Vec::new(),
        }
    }

    /// Colour of the `i`-th point.
    pub fn color(&self, i: usize) -> Color {
        if self.chart.palette.is_empty() {
            theme::PALETTE[i % theme::PALETTE.len()]
        } else {
            self.chart.palette[i % self.chart.palette.len()]
        }
    }

    /// Value label of the `i`-th point, with its unit.
    pub fn value_label(&self, i: usize) -> String {
        let number = format_number(self.values[i], self.chart.decimals, self.chart.number_style);
        let unit = clean_line(&self.chart.unit, self.fonts, FontStyle::Regular);
        if unit.is_empty() {
            number
        } else if unit == "%" {
            format!("{number}%")
        } else {
            format!("{number} {unit}")
        }
    }

    /// Width of `text` at the chart label size.
    pub fn width(&self, style: FontStyle, text: &str) -> f32 {
        self.fonts.width(style, text, theme::CHART_SIZE)
    }

    /// `text` shortened with an ellipsis to fit `max` pt.
    pub fn fit(&self, text: &str, max: f32) -> String {
        fit_text(self.fonts, FontStyle::Regular, text, theme::CHART_SIZE, max)
    }

    /// Draws `text` with its left edge at `x` and the middle of its line box at `mid_y`.
    pub fn text(
        &mut self,
        text: &str,
        style: FontStyle,
        size: f32,
        x: f32,
        mid_y: f32,
        color: Color,
    ) {
        if text.is_empty() {
            return;
        }
        let face = self.fonts.face(FontStyle::Regular);
        // Centre the x-height band (about half the ascender) on mid_y.
        let baseline = mid_y + face.ascender * size * 0.35;
        self.items.push(Item::Text(TextLine {
            x,
            baseline,
            size,
            color,
            runs: vec![Run {
                style,
                text: text.to_string(),
            }],
        }));
    }

    /// Draws the title centred across `width`; returns the height used.
    pub fn title(&mut self, width: f32) -> f32 {
        let title = clean_line(&self.chart.title, self.fonts, FontStyle::Bold);
        if title.is_empty() {
            return 0.0;
        }
        let title = fit_text(self.fonts, FontStyle::Bold, &title, TITLE_SIZE, width);
        let w = self.fonts.width(FontStyle::Bold, &title, TITLE_SIZE);
        let lh = theme::line_height(TITLE_SIZE);
        self.text(
            &title,
            FontStyle::Bold,
            TITLE_SIZE,
            (width - w) / 2.0,
            lh / 2.0,
            theme::TEXT,
        );
        lh + 4.0
    }

    /// A filled rectangle.
    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, fill: Color) {
        self.items.push(Item::Rect { x, y, w, h, fill });
    }

    /// A thin line.
    pub fn line(&mut self, from: (f32, f32), to: (f32, f32)) {
        self.items.push(Item::Line {
            from,
            to,
            color: theme::AXIS,
            width: theme::HAIRLINE,
        });
    }

    /// A filled closed shape.
    pub fn shape(&mut self, points: Vec<PathPoint>, fill: Color) {
        self.items.push(Item::Shape { points, fill });
    }

    /// Draws a legend of `entries` (colour index, text) flowing in rows across
    /// `width` from (x, y); returns its height.
    pub fn legend(&mut self, entries: &[(usize, String)], x: f32, y: f32, width: f32) -> f32 {
        let lh = theme::line_height(theme::CHART_SIZE);
        let mut cx = 0.0;
        let mut row = 0;
        for (color, text) in entries {
            let text = self.fit(text, width - SWATCH - 4.0);
            let w = SWATCH + 4.0 + self.width(FontStyle::Regular, &text);
            if cx > 0.0 && cx + w > width {
                cx = 0.0;
                row += 1;
            }
            let mid = y + row as f32 * lh + lh / 2.0;
            self.rect(
                x + cx,
                mid - SWATCH / 2.0,
                SWATCH,
                SWATCH,
                self.color(*color),
            );
            self.text(
                &text,
                FontStyle::Regular,
                theme::CHART_SIZE,
                x + cx + SWATCH + 4.0,
                mid,
                theme::TEXT,
            );
            cx += w + LEGEND_GAP;
        }
        if entries.is_empty() {
            0.0
        } else {
            (row + 1) as f32 * lh
        }
    }
}

/// `text` shortened with an ellipsis so it fits `max` pt in `style` at `size`.
pub(crate) fn fit_text(fonts: &Fonts, style: FontStyle, text: &str, size: f32, max: f32) -> String {
    if fonts.width(style, text, size) <= max {
        return text.to_string();
    }
    let ellipsis = fonts.width(style, "…", size);
    let mut out = String::new();
    let mut width = 0.0;
    for ch in text.chars() {
        let w = fonts.advance(style, ch) * size;
        if width + w + ellipsis > max {
            break;
        }
        width += w;
        out.push(ch);
    }
    let trimmed = out.trim_end();
    format!("{trimmed}…")
}
