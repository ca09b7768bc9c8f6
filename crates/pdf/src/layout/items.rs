//! The laid-out form of a document: positioned drawing items per page.
//!
//! Coordinates are in points from the page's top-left corner, y growing
//! downwards, which is how the flow is computed; the writer flips them into
//! PDF's bottom-left system.

use crate::linebreak::Run;
use crate::model::Color;

/// A line of text: runs drawn one after the other from `x` on `baseline`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TextLine {
    /// Left edge of the first glyph.
    pub x: f32,
    /// Baseline position.
    pub baseline: f32,
    /// Font size.
    pub size: f32,
    /// Fill colour of the glyphs.
    pub color: Color,
    /// Styled runs.
    pub runs: Vec<Run>,
}

/// A point of a filled shape; `bezier` marks a cubic control point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct PathPoint {
    /// Horizontal position.
    pub x: f32,
    /// Vertical position (downwards).
    pub y: f32,
    /// Whether this is a Bézier control point rather than an on-curve point.
    pub bezier: bool,
}

impl PathPoint {
    /// An on-curve point.
    pub fn at(x: f32, y: f32) -> Self {
        Self {
            x,
            y,
            bezier: false,
        }
    }

    /// A Bézier control point.
    pub fn control(x: f32, y: f32) -> Self {
        Self { x, y, bezier: true }
    }
}

/// One thing to draw.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Item {
    /// A line of text.
    Text(TextLine),
    /// A filled rectangle with its top-left corner at (x, y).
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Color,
    },
    /// A stroked straight line.
    Line {
        from: (f32, f32),
        to: (f32, f32),
        color: Color,
        width: f32,
    },
    /// A filled closed shape (chart bars, pie slices, legend swatches).
    Shape { points: Vec<PathPoint>, fill: Color },
    /// An image from `Layout::images`, top-left at (x, y), drawn w × h.
    Image {
        image: usize,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
    },
}

impl Item {
    /// Moves the item by (dx, dy).
    pub fn translate(&mut self, dx: f32, dy: f32) {
        match self {
            Item::Text(t) => {
                t.x += dx;
                t.baseline += dy;
            }
            Item::Rect { x, y, .. } | Item::Image { x, y, .. } => {
                *x += dx;
                *y += dy;
            }
            Item::Line { from, to, .. } => {
                from.0 += dx;
                from.1 += dy;
                to.0 += dx;
                to.1 += dy;
            }
            Item::Shape { points, .. } => {
                for p in points {
                    p.x += dx;
                    p.y += dy;
                }
            }
        }
    }
}

/// A heading's place, for the PDF outline.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct OutlineEntry {
    /// 1 to 3.
    pub level: u8,
    /// Heading text.
    pub title: String,
    /// 0-based page index.
    pub page: usize,
    /// Top of the heading on that page.
    pub y: f32,
}

/// A self-contained drawing (chart, image with caption) placed as a unit.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Figure {
    /// Items relative to the figure's top-left corner.
    pub items: Vec<Item>,
    /// Width of the figure.
    pub width: f32,
    /// Height of the figure.
    pub height: f32,
}
