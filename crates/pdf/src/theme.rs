//! Typography and colours shared by every block. Sizes are in points.

use crate::model::Color;

/// Body text size.
pub(crate) const BODY_SIZE: f32 = 10.0;
/// Line height as a multiple of the font size; Vietnamese stacked diacritics
/// (ễ, ộ) need more room than English.
pub(crate) const LINE_FACTOR: f32 = 1.4;
/// Heading sizes for levels 1, 2 and 3.
pub(crate) const HEADING_SIZES: [f32; 3] = [17.0, 13.5, 11.5];
/// Space above headings of levels 1, 2 and 3.
pub(crate) const HEADING_SPACE_BEFORE: [f32; 3] = [10.0, 8.0, 6.0];
/// Vertical gap between consecutive blocks.
pub(crate) const BLOCK_GAP: f32 = 7.0;
/// Table text size.
pub(crate) const TABLE_SIZE: f32 = 9.0;
/// Horizontal padding inside table cells.
pub(crate) const CELL_PAD_X: f32 = 4.0;
/// Vertical padding inside table cells.
pub(crate) const CELL_PAD_Y: f32 = 3.0;
/// Header, footer and caption text size.
pub(crate) const SMALL_SIZE: f32 = 8.0;
/// Chart label size.
pub(crate) const CHART_SIZE: f32 = 8.0;
/// Padding inside a note box.
pub(crate) const NOTE_PAD: f32 = 8.0;
/// Width of the accent bar at the left of a note box.
pub(crate) const NOTE_BAR: f32 = 3.0;
/// Indent of bullet text.
pub(crate) const BULLET_INDENT: f32 = 14.0;
/// Thickness of rules and table lines.
pub(crate) const HAIRLINE: f32 = 0.5;

/// Body text.
pub(crate) const TEXT: Color = Color::rgb(0x1f, 0x23, 0x28);
/// Header, footer, captions.
pub(crate) const MUTED: Color = Color::rgb(0x5f, 0x66, 0x6d);
/// Level-1 headings.
pub(crate) const ACCENT: Color = Color::rgb(0x0b, 0x4f, 0x7c);
/// Rules and table lines.
pub(crate) const RULE: Color = Color::rgb(0xc3, 0xc9, 0xcf);
/// Table header background.
pub(crate) const HEADER_FILL: Color = Color::rgb(0xdd, 0xe6, 0xef);
/// Shaded zebra rows.
pub(crate) const ZEBRA_FILL: Color = Color::rgb(0xf3, 0xf5, 0xf8);
/// Note box background.
pub(crate) const NOTE_FILL: Color = Color::rgb(0xfd, 0xf5, 0xe1);
/// Note box accent bar.
pub(crate) const NOTE_BAR_COLOR: Color = Color::rgb(0xd9, 0x8e, 0x04);
/// Chart axes.
pub(crate) const AXIS: Color = Color::rgb(0x8a, 0x93, 0x9b);

/// Default chart palette: distinguishable, print-safe, colour-blind friendly.
pub(crate) const PALETTE: [Color; 8] = [
    Color::rgb(0x1f, 0x77, 0xb4),
    Color::rgb(0xff, 0x7f, 0x0e),
    Color::rgb(0x2c, 0xa0, 0x2c),
    Color::rgb(0xd6, 0x27, 0x28),
    Color::rgb(0x94, 0x67, 0xbd),
    Color::rgb(0x8c, 0x56, 0x4b),
    Color::rgb(0xe3, 0x77, 0xc2),
    Color::rgb(0x17, 0xbe, 0xcf),
];

/// Line height for a font size.
pub(crate) fn line_height(size: f32) -> f32 {
    size * LINE_FACTOR
}

/// Points per millimetre.
pub(crate) const PT_PER_MM: f32 = 72.0 / 25.4;

/// Millimetres to points.
pub(crate) fn mm(value: f32) -> f32 {
    value * PT_PER_MM
}
