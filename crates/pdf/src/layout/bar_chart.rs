//! Bar charts, vertical or horizontal, with value labels and a legend.

use super::chart::ChartPen;
use super::items::Figure;
use crate::fonts::Fonts;
use crate::model::{BarDirection, Chart, FontStyle};
use crate::theme;

/// Default plot height of a vertical bar chart.
const VERTICAL_PLOT_MM: f32 = 60.0;
/// Row height of a horizontal bar chart.
const HORIZONTAL_ROW: f32 = 17.0;
/// Thickness of a horizontal bar.
const HORIZONTAL_BAR: f32 = 11.0;

/// Draws a bar chart as a figure `width` wide.
pub(crate) fn bar_chart(chart: &Chart, fonts: &Fonts, width: f32) -> Figure {
    let mut pen = ChartPen::new(fonts, chart);
    let mut y = pen.title(width);
    let plot = match chart.direction {
        BarDirection::Vertical => vertical(&mut pen, width, y),
        BarDirection::Horizontal => horizontal(&mut pen, width, y),
    };
    y += plot + 6.0;
    let entries: Vec<(usize, String)> = pen.labels.iter().cloned().enumerate().collect();
    y += pen.legend(&entries, 0.0, y, width);
    Figure {
        items: pen.items,
        width,
        height: y,
    }
}

fn max_value(values: &[f64]) -> f64 {
    let max = values.iter().copied().fold(0.0, f64::max);
    if max > 0.0 {
        max
    } else {
        1.0
    }
}

/// Bars rising from an axis; category names under it. Returns the height used.
fn vertical(pen: &mut ChartPen, width: f32, top: f32) -> f32 {
    let lh = theme::line_height(theme::CHART_SIZE);
    let plot_h = theme::mm(pen.chart.height_mm.unwrap_or(VERTICAL_PLOT_MM));
    let n = pen.values.len().max(1);
    let slot = width / n as f32;
    let bar_w = (slot * 0.6).min(42.0);
    // Room above the tallest bar for its value label.
    let bars_h = (plot_h - lh - 2.0).max(10.0);
    let axis_y = top + plot_h;
    let max = max_value(&pen.values);
    for i in 0..pen.values.len() {
        let h = (pen.values[i] / max) as f32 * bars_h;
        let cx = slot * (i as f32 + 0.5);
        let color = pen.color(i);
        pen.rect(cx - bar_w / 2.0, axis_y - h, bar_w, h, color);
        let label = pen.fit(&pen.value_label(i), slot - 2.0);
        let w = pen.width(FontStyle::Bold, &label);
        pen.text(
            &label,
            FontStyle::Bold,
            theme::CHART_SIZE,
            cx - w / 2.0,
            axis_y - h - lh / 2.0 - 1.0,
            theme::TEXT,
        );
        let name = pen.fit(&pen.labels[i], slot - 2.0);
        let w = pen.width(FontStyle::Regular, &name);
        pen.text(
            &name,
            FontStyle::Regular,
            theme::CHART_SIZE,
            cx - w / 2.0,
            axis_y + 2.0 + lh / 2.0,
            theme::MUTED,
        );
    }
    pen.line((0.0, axis_y), (width, axis_y));
    plot_h + 2.0 + lh
}

/// Bars growing right from an axis, names at the left. Returns the height used.
fn horizontal(pen: &mut ChartPen, width: f32, top: f32) -> f32 {
    let names_w = pen
        .labels
        .iter()
        .map(|l| pen.width(FontStyle::Regular, l))
        .fold(0.0, f32::max)
        .min(width * 0.35);
    let values_w = (0..pen.values.len())
        .map(|i| pen.width(FontStyle::Bold, &pen.value_label(i)))
        .fold(0.0, f32::max);
    let axis_x = names_w + 6.0;
    let bars_w = (width - axis_x - values_w - 6.0).max(10.0);
    let max = max_value(&pen.values);
    let row_h = pen.chart.height_mm.map_or(HORIZONTAL_ROW, |mm| {
        theme::mm(mm) / pen.values.len().max(1) as f32
    });
    let bar_h = HORIZONTAL_BAR.min(row_h * 0.7);
    for i in 0..pen.values.len() {
        let mid = top + row_h * (i as f32 + 0.5);
        let name = pen.fit(&pen.labels[i], names_w);
        let w = pen.width(FontStyle::Regular, &name);
        pen.text(
            &name,
            FontStyle::Regular,
            theme::CHART_SIZE,
            names_w - w,
            mid,
            theme::MUTED,
        );
        let len = (pen.values[i] / max) as f32 * bars_w;
        let color = pen.color(i);
        pen.rect(axis_x, mid - bar_h / 2.0, len, bar_h, color);
        let label = pen.value_label(i);
        pen.text(
            &label,
            FontStyle::Bold,
            theme::CHART_SIZE,
            axis_x + len + 3.0,
            mid,
            theme::TEXT,
        );
    }
    let plot_h = row_h * pen.values.len() as f32;
    pen.line((axis_x, top), (axis_x, top + plot_h));
    plot_h
}
