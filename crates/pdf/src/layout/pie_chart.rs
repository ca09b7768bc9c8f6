//! Pie charts: slices drawn as Bézier-approximated sectors, percentages on
//! the larger slices and a legend with values beside the pie.

use std::f32::consts::{FRAC_PI_2, TAU};

use super::chart::ChartPen;
use super::items::{Figure, PathPoint};
use crate::fonts::Fonts;
use crate::model::{Chart, Color, FontStyle, NumberStyle};
use crate::text::format_number;
use crate::theme;

/// Default height of the pie area.
const PIE_MM: f32 = 55.0;
/// Slices smaller than this share get no percentage drawn on them.
const MIN_LABELLED_SHARE: f64 = 0.06;

/// Draws a pie chart as a figure `width` wide.
pub(crate) fn pie_chart(chart: &Chart, fonts: &Fonts, width: f32) -> Figure {
    let mut pen = ChartPen::new(fonts, chart);
    let top = pen.title(width);
    let area_h = theme::mm(chart.height_mm.unwrap_or(PIE_MM));
    let diameter = area_h.min(width * 0.45);
    let radius = diameter / 2.0;
    let (cx, cy) = (radius + 4.0, top + area_h / 2.0);
    let total: f64 = pen.values.iter().sum();

    let shares: Vec<f64> = pen
        .values
        .iter()
        .map(|v| if total > 0.0 { v / total } else { 0.0 })
        .collect();
    if total > 0.0 {
        let mut start = 0.0_f32;
        for (i, share) in shares.iter().enumerate() {
            if *share <= 0.0 {
                continue;
            }
            let sweep = *share as f32 * TAU;
            let color = pen.color(i);
            pen.shape(sector(cx, cy, radius, start, start + sweep), color);
            if *share >= MIN_LABELLED_SHARE {
                let mid = start + sweep / 2.0;
                let (lx, ly) = polar(cx, cy, radius * 0.64, mid);
                let label = percent(*share, chart.number_style);
                let w = pen.width(FontStyle::Bold, &label);
                pen.text(
                    &label,
                    FontStyle::Bold,
                    theme::CHART_SIZE,
                    lx - w / 2.0,
                    ly,
                    on_color(color),
                );
            }
            start += sweep;
        }
    } else {
        // Nothing to share out: an empty ring keeps the figure's shape.
        pen.shape(sector(cx, cy, radius, 0.0, TAU), theme::RULE);
        pen.shape(
            sector(cx, cy, radius - 1.0, 0.0, TAU),
            Color::rgb(0xff, 0xff, 0xff),
        );
    }

    let legend_x = diameter + 18.0;
    let entries: Vec<(usize, String)> = (0..pen.labels.len())
        .map(|i| {
            let text = format!(
                "{} — {} ({})",
                pen.labels[i],
                pen.value_label(i),
                percent(shares[i], chart.number_style)
            );
            (i, text)
        })
        .collect();
    let legend_w = (width - legend_x).max(40.0);
    // One entry per row: a legend beside a pie reads as a list.
    let lh = theme::line_height(theme::CHART_SIZE);
    let legend_h = entries.len() as f32 * lh;
    let mut ly = (cy - legend_h / 2.0).max(top);
    for entry in &entries {
        pen.legend(std::slice::from_ref(entry), legend_x, ly, legend_w);
        ly += lh;
    }
    let height = (top + area_h).max(ly) + 4.0;
    Figure {
        items: pen.items,
        width,
        height,
    }
}

/// "12,5%" or "12.5%".
fn percent(share: f64, style: NumberStyle) -> String {
    format!("{}%", format_number(share * 100.0, 1, style))
}

/// White on dark slices, dark on light ones.
fn on_color(color: Color) -> Color {
    let luma = 0.299 * f32::from(color.r) + 0.587 * f32::from(color.g) + 0.114 * f32::from(color.b);
    if luma < 150.0 {
        Color::rgb(0xff, 0xff, 0xff)
    } else {
        theme::TEXT
    }
}

/// Point at `angle` (radians, clockwise from 12 o'clock) on a circle; y grows downwards.
fn polar(cx: f32, cy: f32, r: f32, angle: f32) -> (f32, f32) {
    (cx + r * angle.sin(), cy - r * angle.cos())
}

/// A closed sector from the centre, its arc made of cubic Béziers of at most 90°.
pub(crate) fn sector(cx: f32, cy: f32, r: f32, from: f32, to: f32) -> Vec<PathPoint> {
    let mut points = Vec::new();
    let full = to - from >= TAU - 1e-4;
    if !full {
        points.push(PathPoint::at(cx, cy));
    }
    let (x0, y0) = polar(cx, cy, r, from);
    points.push(PathPoint::at(x0, y0));
    let segments = ((to - from) / FRAC_PI_2).ceil().max(1.0) as usize;
    let step = (to - from) / segments as f32;
    // Control-point distance of a cubic approximating a circular arc of `step`.
    let k = 4.0 / 3.0 * (step / 4.0).tan() * r;
    for s in 0..segments {
        let a = from + step * s as f32;
        let b = a + step;
        let (ax, ay) = polar(cx, cy, r, a);
        let (bx, by) = polar(cx, cy, r, b);
        // Tangent of a clockwise (in y-down space) circle at angle t: (cos t, sin t).
        points.push(PathPoint::control(ax + k * a.cos(), ay + k * a.sin()));
        points.push(PathPoint::control(bx - k * b.cos(), by - k * b.sin()));
        points.push(PathPoint::at(bx, by));
    }
    points
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarter_sector_starts_at_centre_and_ends_on_the_circle() {
        let pts = sector(0.0, 0.0, 10.0, 0.0, FRAC_PI_2);
        assert_eq!(pts.len(), 5);
        assert_eq!((pts[0].x, pts[0].y), (0.0, 0.0));
        // 12 o'clock is up, i.e. negative y in y-down space.
        assert!((pts[1].y + 10.0).abs() < 1e-4);
        // Clockwise a quarter turn reaches 3 o'clock.
        assert!((pts[4].x - 10.0).abs() < 1e-4 && pts[4].y.abs() < 1e-4);
        assert!(pts[2].bezier && pts[3].bezier);
    }

    #[test]
    fn full_circle_has_no_centre_point_and_four_arcs() {
        let pts = sector(0.0, 0.0, 10.0, 0.0, TAU);
        assert_eq!(pts.len(), 1 + 4 * 3);
        assert!(!pts[0].bezier);
    }
}
