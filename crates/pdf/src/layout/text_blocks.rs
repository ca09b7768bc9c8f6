//! Paragraphs, headings, bullet lists and note boxes.

use super::composer::{Composer, TextBlock};
use super::items::{Item, OutlineEntry};
use crate::fonts::Fonts;
use crate::linebreak::break_lines;
use crate::model::{Align, Paragraph, Span};
use crate::text::{clean, clean_line};
use crate::theme;

/// Space between a heading and the block it introduces.
pub(crate) const AFTER_HEADING: f32 = 3.0;
/// Space between bullet items.
const BETWEEN_BULLETS: f32 = 2.0;

/// NFC-normalised, sanitised copies of `spans`.
pub(crate) fn clean_spans(spans: &[Span], fonts: &Fonts) -> Vec<Span> {
    spans
        .iter()
        .map(|s| Span {
            text: clean(&s.text, fonts, s.style),
            style: s.style,
        })
        .collect()
}

/// A text block of body text broken for `width` from `indent`.
pub(crate) fn body_block(
    spans: &[Span],
    align: Align,
    fonts: &Fonts,
    indent: f32,
    width: f32,
) -> TextBlock {
    let spans = clean_spans(spans, fonts);
    TextBlock {
        lines: break_lines(&spans, theme::BODY_SIZE, width, fonts),
        size: theme::BODY_SIZE,
        indent,
        width,
        align,
        color: theme::TEXT,
        marker: None,
    }
}

/// A paragraph broken for the body width.
pub(crate) fn paragraph(p: &Paragraph, fonts: &Fonts, width: f32) -> TextBlock {
    body_block(&p.spans, p.align, fonts, 0.0, width)
}

/// A heading: its outline level and title, and its lines.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Heading {
    /// 1 to 3.
    pub level: u8,
    /// Normalised single-line title for the outline.
    pub title: String,
    /// The heading's lines in bold.
    pub block: TextBlock,
}

impl Heading {
    /// Breaks a heading of `level` (clamped to 1..=3) for `width`.
    pub fn new(level: u8, text: &str, fonts: &Fonts, width: f32) -> Self {
        let level = level.clamp(1, 3);
        let size = theme::HEADING_SIZES[usize::from(level - 1)];
        let title = clean_line(text, fonts, crate::model::FontStyle::Bold);
        let lines = break_lines(&[Span::bold(title.clone())], size, width, fonts);
        Self {
            level,
            title,
            block: TextBlock {
                lines,
                size,
                indent: 0.0,
                width,
                align: Align::Left,
                color: if level == 1 {
                    theme::ACCENT
                } else {
                    theme::TEXT
                },
                marker: None,
            },
        }
    }

    /// Height of the heading itself (level-1 headings carry a rule below).
    pub fn height(&self) -> f32 {
        self.block.height() + if self.level == 1 { 3.0 } else { 0.0 }
    }

    /// Space above the heading when it does not start a page.
    pub fn space_before(&self) -> f32 {
        theme::BLOCK_GAP + theme::HEADING_SPACE_BEFORE[usize::from(self.level - 1)]
    }

    /// Places the heading, first moving to a new page unless `keep` points
    /// (the heading and the start of what follows) fit, and records it for the outline.
    pub fn place(&self, c: &mut Composer, keep: f32, outline: &mut Vec<OutlineEntry>) {
        // A keep-with-next that cannot fit even on an empty page is dropped
        // rather than leaving a page nearly empty for nothing.
        let need = if keep > c.body_height() {
            self.height()
        } else {
            keep
        };
        c.start_block(self.space_before(), need);
        if !self.title.trim().is_empty() {
            outline.push(OutlineEntry {
                level: self.level,
                title: self.title.clone(),
                page: c.page(),
                y: c.y,
            });
        }
        let lh = self.block.line_height();
        let top = c.y;
        for (i, line) in self.block.lines.iter().enumerate() {
            c.draw_line(line, c.left, c.width, top + i as f32 * lh, &self.block);
        }
        c.y += self.block.height();
        if self.level == 1 {
            c.y += 1.5;
            c.push(Item::Line {
                from: (c.left, c.y),
                to: (c.left + c.width, c.y),
                color: theme::ACCENT,
                width: 0.8,
            });
            c.y += 1.5;
        }
    }
}

/// One text block per bullet item, indented, with a bullet marker.
pub(crate) fn bullets(items: &[String], fonts: &Fonts, width: f32) -> Vec<TextBlock> {
    items
        .iter()
        .map(|item| {
            let mut block = body_block(
                &[Span::regular(item.as_str())],
                Align::Left,
                fonts,
                theme::BULLET_INDENT,
                width - theme::BULLET_INDENT,
            );
            block.marker = Some("•".to_string());
            block
        })
        .collect()
}

/// Smallest height a bullet list may start a page with.
pub(crate) fn bullets_lead(items: &[TextBlock]) -> f32 {
    items.first().map_or(0.0, TextBlock::lead_height)
}

/// Places a bullet list; each item follows the widow/orphan rule.
pub(crate) fn place_bullets(c: &mut Composer, items: &[TextBlock], gap: f32) {
    for (i, item) in items.iter().enumerate() {
        let gap = if i == 0 { gap } else { BETWEEN_BULLETS };
        c.start_block(gap, item.lead_height());
        c.place_text(item, 0.0, 0.0);
    }
}

/// The text of a note box, broken inside the box's padding.
pub(crate) fn note(text: &str, fonts: &Fonts, width: f32) -> TextBlock {
    let inner = theme::NOTE_BAR + 2.0 * theme::NOTE_PAD;
    let mut block = body_block(
        &[Span::italic(text)],
        Align::Left,
        fonts,
        theme::NOTE_BAR + theme::NOTE_PAD,
        width - inner,
    );
    block.color = theme::TEXT;
    block
}

/// Smallest height a note box may start a page with.
pub(crate) fn note_lead(block: &TextBlock) -> f32 {
    block.lead_height() + 2.0 * theme::NOTE_PAD
}

/// Places a note box: a shaded background and accent bar behind its text,
/// drawn per page when the note is split.
pub(crate) fn place_note(c: &mut Composer, block: &TextBlock, gap: f32) {
    let pad = theme::NOTE_PAD;
    c.start_block(gap, note_lead(block));
    let first_page = c.page();
    let first_mark = c.mark();
    c.y += pad;
    let fragments = c.place_text(block, pad, pad);
    for fragment in &fragments {
        // Continuations start on a fresh page, below everything else on it.
        let (page, mark) = if fragment.page == first_page {
            (first_page, first_mark)
        } else {
            (fragment.page, 0)
        };
        let top = fragment.top - pad;
        let h = fragment.bottom - fragment.top + 2.0 * pad;
        // Inserted in reverse drawing order at the same mark: bar over fill.
        c.insert(
            page,
            mark,
            Item::Rect {
                x: c.left,
                y: top,
                w: theme::NOTE_BAR,
                h,
                fill: theme::NOTE_BAR_COLOR,
            },
        );
        c.insert(
            page,
            mark,
            Item::Rect {
                x: c.left,
                y: top,
                w: c.width,
                h,
                fill: theme::NOTE_FILL,
            },
        );
    }
    c.y += pad;
}
