//! Running header and page-number footer, added once the page count is known.

use super::chart::fit_text;
use super::items::{Item, TextLine};
use crate::fonts::{Fonts, Measure};
use crate::linebreak::Run;
use crate::model::{FontStyle, Footer};
use crate::text::clean_line;
use crate::theme;

/// Geometry the header and footer are drawn in.
pub(crate) struct Frame {
    /// Left edge of the body.
    pub left: f32,
    /// Width of the body.
    pub width: f32,
    /// Top margin (body starts here).
    pub top: f32,
    /// Page height.
    pub page_height: f32,
    /// Bottom margin.
    pub bottom: f32,
}

/// Adds the header text with a rule under it, and the footer label, to every page.
pub(crate) fn decorate(
    pages: &mut [Vec<Item>],
    header: Option<&str>,
    footer: Footer,
    frame: &Frame,
    fonts: &Fonts,
) {
    let size = theme::SMALL_SIZE;
    let header = header
        .map(|h| clean_line(h, fonts, FontStyle::Regular))
        .filter(|h| !h.trim().is_empty())
        .map(|h| fit_text(fonts, FontStyle::Regular, h.trim(), size, frame.width));
    let total = pages.len();
    for (index, items) in pages.iter_mut().enumerate() {
        if let Some(text) = &header {
            // Header in the upper half of the top margin, rule just below it.
            let baseline = frame.top * 0.55;
            items.push(text_item(text.clone(), frame.left, baseline, size));
            items.push(Item::Line {
                from: (frame.left, baseline + 4.0),
                to: (frame.left + frame.width, baseline + 4.0),
                color: theme::RULE,
                width: theme::HAIRLINE,
            });
        }
        if let Some(label) = footer.label(index + 1, total) {
            let w = fonts.width(FontStyle::Regular, &label, size);
            let baseline = frame.page_height - frame.bottom * 0.45;
            items.push(text_item(
                label,
                frame.left + (frame.width - w) / 2.0,
                baseline,
                size,
            ));
        }
    }
}

fn text_item(text: String, x: f32, baseline: f32, size: f32) -> Item {
    Item::Text(TextLine {
        x,
        baseline,
        size,
        color: theme::MUTED,
        runs: vec![Run {
            style: FontStyle::Regular,
            text,
        }],
    })
}
