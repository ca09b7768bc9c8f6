//! Page flow: a cursor moving down the body, starting new pages as needed,
//! and the widow/orphan rule for splitting runs of lines across pages.

use super::items::{Figure, Item, TextLine};
use crate::fonts::Fonts;
use crate::linebreak::Line;
use crate::model::{Align, Color, FontStyle};
use crate::theme;

/// Slack for float rounding when comparing heights.
const EPSILON: f32 = 0.01;

/// A run of wrapped lines with the same size, indent and alignment.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TextBlock {
    /// Broken lines.
    pub lines: Vec<Line>,
    /// Font size.
    pub size: f32,
    /// Distance from the body's left edge.
    pub indent: f32,
    /// Width the lines were broken for.
    pub width: f32,
    /// Left, centred or right.
    pub align: Align,
    /// Glyph colour.
    pub color: Color,
    /// Bullet drawn left of the first line (in the indent).
    pub marker: Option<String>,
}

impl TextBlock {
    /// Height of one line.
    pub fn line_height(&self) -> f32 {
        theme::line_height(self.size)
    }

    /// Height of all lines.
    pub fn height(&self) -> f32 {
        self.lines.len() as f32 * self.line_height()
    }

    /// Smallest height that may start a page: what widow/orphan control keeps together.
    pub fn lead_height(&self) -> f32 {
        let n = self.lines.len();
        let kept = if n <= 3 { n } else { 2 };
        kept as f32 * self.line_height()
    }
}

/// Where part of a text block landed: page and vertical extent.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Fragment {
    /// 0-based page index.
    pub page: usize,
    /// Top of the first line.
    pub top: f32,
    /// Bottom of the last line.
    pub bottom: f32,
}

/// How many of `remaining` lines go on this page when `fit` of them fit.
///
/// Never leaves a single line of a paragraph at the bottom of a page (orphan)
/// or at the top of the next (widow); moves lines accordingly. At the top of a
/// page nothing better is possible, so at least one line is placed there.
pub(crate) fn lines_for_page(remaining: usize, fit: usize, at_page_top: bool) -> usize {
    if remaining <= fit {
        return remaining;
    }
    let mut take = fit;
    if remaining - take < 2 {
        take = remaining.saturating_sub(2);
    }
    if at_page_top {
        // A page-high paragraph: widow control still applies when it can.
        return if take >= 1 { take } else { fit.max(1) };
    }
    if take < 2 {
        0
    } else {
        take
    }
}

/// The flow state: pages produced so far and the cursor on the last one.
pub(crate) struct Composer<'f> {
    /// Metrics for drawing text.
    pub fonts: &'f Fonts,
    /// Left edge of the body.
    pub left: f32,
    /// Width of the body.
    pub width: f32,
    /// Top edge of the body.
    pub top: f32,
    /// Bottom edge of the body.
    pub bottom: f32,
    /// Items of every page so far.
    pub pages: Vec<Vec<Item>>,
    /// Cursor: top of the next thing to place on the last page.
    pub y: f32,
}

impl<'f> Composer<'f> {
    /// A composer with one empty page.
    pub fn new(fonts: &'f Fonts, left: f32, width: f32, top: f32, bottom: f32) -> Self {
        Self {
            fonts,
            left,
            width,
            top,
            bottom,
            pages: vec![Vec::new()],
            y: top,
        }
    }

    /// Index of the page being filled.
    pub fn page(&self) -> usize {
        self.pages.len() - 1
    }

    /// Whether nothing has been placed on the current page yet.
    pub fn at_page_top(&self) -> bool {
        self.y <= self.top + EPSILON
    }

    /// Height left on the current page.
    pub fn remaining(&self) -> f32 {
        self.bottom - self.y
    }

    /// Height of an empty page's body.
    pub fn body_height(&self) -> f32 {
        self.bottom - self.top
    }

    /// Starts a new page.
    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = self.top;
    }

    /// Begins a block that needs `need` points after a `gap`: breaks the page
    /// when they do not fit (the gap is dropped at the top of a page).
    pub fn start_block(&mut self, gap: f32, need: f32) {
        if self.at_page_top() {
            return;
        }
        if gap + need > self.remaining() + EPSILON {
            self.new_page();
        } else {
            self.y += gap;
        }
    }

    /// Adds an item to the current page.
    pub fn push(&mut self, item: Item) {
        self.pages
            .last_mut()
            .expect("a page always exists")
            .push(item);
    }

    /// Number of items on the current page, to insert backgrounds under them later.
    pub fn mark(&self) -> usize {
        self.pages.last().map_or(0, Vec::len)
    }

    /// Inserts an item below those placed after `mark` on `page`.
    pub fn insert(&mut self, page: usize, mark: usize, item: Item) {
        self.pages[page].insert(mark, item);
    }

    /// Baseline of a line of `size` whose box starts at `top`.
    pub fn baseline(&self, top: f32, size: f32) -> f32 {
        let face = self.fonts.face(FontStyle::Regular);
        let glyph_box = (face.ascender + face.descender) * size;
        top + (theme::line_height(size) - glyph_box) / 2.0 + face.ascender * size
    }

    /// Draws one broken line with its box starting at `top`, `x` being the left
    /// edge of the area `width` wide it is aligned in.
    pub fn draw_line(&mut self, line: &Line, x: f32, width: f32, top: f32, block: &TextBlock) {
        if line.runs.is_empty() {
            return;
        }
        let x = match block.align {
            Align::Left => x,
            Align::Center => x + (width - line.width) / 2.0,
            Align::Right => x + width - line.width,
        };
        let baseline = self.baseline(top, block.size);
        self.push(Item::Text(TextLine {
            x,
            baseline,
            size: block.size,
            color: block.color,
            runs: line.runs.clone(),
        }));
    }

    /// Places a text block at the cursor, splitting it across pages under the
    /// widow/orphan rule. `reserve_bottom` is kept free below the lines of each
    /// page and `pad_top` is added before the lines continued on a new page
    /// (both for the padding of note boxes).
    pub fn place_text(
        &mut self,
        block: &TextBlock,
        reserve_bottom: f32,
        pad_top: f32,
    ) -> Vec<Fragment> {
        let lh = block.line_height();
        let mut fragments = Vec::new();
        let mut next = 0;
        // Set once this call has started a page: the padding added there
        // moves the cursor off the top, yet nothing better than it exists.
        let mut on_new_page = false;
        while next < block.lines.len() {
            let left = block.lines.len() - next;
            let fit = ((self.remaining() - reserve_bottom + EPSILON) / lh)
                .floor()
                .max(0.0) as usize;
            let take = lines_for_page(left, fit, on_new_page || self.at_page_top());
            if take == 0 {
                self.new_page();
                self.y += pad_top;
                on_new_page = true;
                continue;
            }
            let top = self.y;
            for (i, line) in block.lines[next..next + take].iter().enumerate() {
                let line_top = top + i as f32 * lh;
                if next == 0 && i == 0 {
                    if let Some(marker) = &block.marker {
                        let bullet = Line {
                            runs: vec![crate::linebreak::Run {
                                style: FontStyle::Regular,
                                text: marker.clone(),
                            }],
                            width: 0.0,
                        };
                        self.draw_line(&bullet, self.left, 0.0, line_top, &plain(block));
                    }
                }
                self.draw_line(line, self.left + block.indent, block.width, line_top, block);
            }
            self.y = top + take as f32 * lh;
            fragments.push(Fragment {
                page: self.page(),
                top,
                bottom: self.y,
            });
            next += take;
            if next < block.lines.len() {
                self.new_page();
                self.y += pad_top;
                on_new_page = true;
            }
        }
        fragments
    }

    /// Places a figure (kept whole) centred in the body.
    pub fn place_figure(&mut self, figure: &Figure, gap: f32) {
        self.start_block(gap, figure.height);
        let x = self.left + (self.width - figure.width).max(0.0) / 2.0;
        let y = self.y;
        for item in &figure.items {
            let mut item = item.clone();
            item.translate(x, y);
            self.push(item);
        }
        self.y += figure.height;
    }
}

/// The block's look with left alignment, for drawing its bullet marker.
fn plain(block: &TextBlock) -> TextBlock {
    TextBlock {
        lines: Vec::new(),
        align: Align::Left,
        marker: None,
        ..block.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::lines_for_page;

    #[test]
    fn everything_that_fits_is_placed() {
        assert_eq!(lines_for_page(5, 5, false), 5);
        assert_eq!(lines_for_page(1, 9, false), 1);
    }

    #[test]
    fn a_lone_first_line_moves_to_the_next_page() {
        // Orphan: only one line of five fits.
        assert_eq!(lines_for_page(5, 1, false), 0);
    }

    #[test]
    fn a_lone_last_line_pulls_a_second_line_along() {
        // Widow: four of five fit, so three stay and two move.
        assert_eq!(lines_for_page(5, 4, false), 3);
        // Three lines, two fit: 2+1 would widow, 1+2 would orphan: move all.
        assert_eq!(lines_for_page(3, 2, false), 0);
        assert_eq!(lines_for_page(2, 1, false), 0);
    }

    #[test]
    fn ordinary_splits_are_kept() {
        assert_eq!(lines_for_page(10, 4, false), 4);
        assert_eq!(lines_for_page(10, 2, false), 2);
    }

    #[test]
    fn the_top_of_a_page_always_takes_something() {
        assert_eq!(lines_for_page(60, 50, true), 50);
        assert_eq!(lines_for_page(51, 50, true), 49);
        assert_eq!(lines_for_page(2, 1, true), 1);
        assert_eq!(lines_for_page(3, 0, true), 1);
    }
}
