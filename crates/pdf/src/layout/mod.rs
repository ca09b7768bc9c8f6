//! Layout: turns the view model into pages of positioned items.
//!
//! Blocks are first measured ("prepared") for the body width, so a heading can
//! look at how much of the next block must follow it on the same page; then a
//! [`composer::Composer`] flows them down the pages. Header and footer come
//! last, once the page count is known.

mod bar_chart;
mod chart;
pub(crate) mod composer;
mod decor;
mod image;
pub(crate) mod items;
mod pie_chart;
mod table;
mod text_blocks;

use self::composer::{Composer, TextBlock};
pub(crate) use self::image::Picture;
use self::image::Pictures;
use self::items::{Figure, Item, OutlineEntry};
use self::table::PreparedTable;
use self::text_blocks::{Heading, AFTER_HEADING};
use crate::error::PdfError;
use crate::fonts::Fonts;
use crate::model::{Block, Document, Orientation, PaperSize};
use crate::theme;

/// A laid-out document, ready to be written.
pub(crate) struct Layout {
    /// Page width in pt.
    pub page_width: f32,
    /// Page height in pt.
    pub page_height: f32,
    /// Items of each page.
    pub pages: Vec<Vec<Item>>,
    /// Headings for the outline.
    pub outline: Vec<OutlineEntry>,
    /// The distinct pictures, referenced by `Item::Image`.
    pub images: Vec<Picture>,
}

/// A block measured for the body width.
enum Prepared {
    Heading(Heading),
    Text(TextBlock),
    Bullets(Vec<TextBlock>),
    Note(TextBlock),
    Table(PreparedTable),
    Figure(Figure),
    Spacer(f32),
    Rule,
    PageBreak,
}

impl Prepared {
    /// Smallest height this block may start a page with.
    fn lead_height(&self) -> f32 {
        match self {
            Prepared::Heading(h) => h.height(),
            Prepared::Text(block) => block.lead_height(),
            Prepared::Bullets(items) => text_blocks::bullets_lead(items),
            Prepared::Note(block) => text_blocks::note_lead(block),
            Prepared::Table(table) => table.lead_height(),
            Prepared::Figure(figure) => figure.height,
            Prepared::Spacer(_) | Prepared::Rule | Prepared::PageBreak => 0.0,
        }
    }
}

/// Page width and height in pt for a paper size and orientation.
pub(crate) fn page_size(size: PaperSize, orientation: Orientation) -> (f32, f32) {
    let (w, h) = match size {
        PaperSize::A4 => (theme::mm(210.0), theme::mm(297.0)),
        PaperSize::Letter => (612.0, 792.0),
    };
    match orientation {
        Orientation::Portrait => (w, h),
        Orientation::Landscape => (h, w),
    }
}

/// Lays out a whole document.
pub(crate) fn lay_out(doc: &Document, fonts: &Fonts) -> Result<Layout, PdfError> {
    let (page_width, page_height) = page_size(doc.page.size, doc.page.orientation);
    let m = doc.page.margins;
    let (left, top) = (theme::mm(m.left.max(0.0)), theme::mm(m.top.max(0.0)));
    let width = page_width - left - theme::mm(m.right.max(0.0));
    let bottom_margin = theme::mm(m.bottom.max(0.0));
    let bottom = page_height - bottom_margin;
    // Narrower than a few words or shorter than a few lines cannot be laid out.
    if width < 72.0 || bottom - top < 72.0 {
        return Err(PdfError::NoBodyArea {
            width_mm: width / theme::PT_PER_MM,
            height_mm: (bottom - top) / theme::PT_PER_MM,
        });
    }

    let mut images = Pictures::default();
    let prepared = doc
        .blocks
        .iter()
        .enumerate()
        .map(|(index, block)| prepare(block, index, fonts, width, bottom - top, &mut images))
        .collect::<Result<Vec<_>, _>>()?;

    // What must follow each block on its page: a heading keeps its own height
    // plus the lead of the next block (itself possibly a heading).
    let mut keep = vec![0.0_f32; prepared.len()];
    for i in (0..prepared.len()).rev() {
        keep[i] = match &prepared[i] {
            Prepared::Heading(h) => {
                let next = match prepared.get(i + 1) {
                    Some(Prepared::Heading(_)) => keep[i + 1],
                    Some(other) => other.lead_height(),
                    None => 0.0,
                };
                h.height() + AFTER_HEADING + next
            }
            other => other.lead_height(),
        };
    }

    let mut c = Composer::new(fonts, left, width, top, bottom);
    let mut outline = Vec::new();
    let mut after_heading = false;
    for (i, block) in prepared.iter().enumerate() {
        let gap = if after_heading {
            AFTER_HEADING
        } else {
            theme::BLOCK_GAP
        };
        after_heading = matches!(block, Prepared::Heading(_));
        match block {
            Prepared::Heading(h) => h.place(&mut c, keep[i], &mut outline),
            Prepared::Text(t) => {
                c.start_block(gap, t.lead_height());
                c.place_text(t, 0.0, 0.0);
            }
            Prepared::Bullets(items) => text_blocks::place_bullets(&mut c, items, gap),
            Prepared::Note(t) => text_blocks::place_note(&mut c, t, gap),
            Prepared::Table(t) => t.place(&mut c, gap),
            Prepared::Figure(f) => c.place_figure(f, gap),
            Prepared::Spacer(h) => {
                if !c.at_page_top() {
                    c.y += h;
                }
            }
            Prepared::Rule => {
                c.start_block(gap, theme::HAIRLINE);
                c.push(Item::Line {
                    from: (c.left, c.y),
                    to: (c.left + c.width, c.y),
                    color: theme::RULE,
                    width: theme::HAIRLINE,
                });
            }
            Prepared::PageBreak => {
                if !c.at_page_top() {
                    c.new_page();
                }
            }
        }
    }

    let mut pages = c.pages;
    let frame = decor::Frame {
        left,
        width,
        top,
        page_height,
        bottom: bottom_margin,
    };
    decor::decorate(&mut pages, doc.header.as_deref(), doc.footer, &frame, fonts);
    Ok(Layout {
        page_width,
        page_height,
        pages,
        outline,
        images: images.list,
    })
}

fn prepare<'a>(
    block: &'a Block,
    index: usize,
    fonts: &Fonts,
    width: f32,
    body_height: f32,
    images: &mut Pictures<'a>,
) -> Result<Prepared, PdfError> {
    Ok(match block {
        Block::Heading { level, text } => {
            Prepared::Heading(Heading::new(*level, text, fonts, width))
        }
        Block::Paragraph(p) => Prepared::Text(text_blocks::paragraph(p, fonts, width)),
        Block::Table(t) => Prepared::Table(PreparedTable::from_table(t, fonts, width)),
        Block::BarChart(chart) => Prepared::Figure(bar_chart::bar_chart(chart, fonts, width)),
        Block::PieChart(chart) => Prepared::Figure(pie_chart::pie_chart(chart, fonts, width)),
        Block::Image {
            bytes,
            width_mm,
            caption,
        } => {
            let (picture, pixels) = images.add(bytes, index)?;
            Prepared::Figure(image::figure(
                picture,
                pixels,
                *width_mm,
                caption.as_deref(),
                fonts,
                width,
                body_height,
            ))
        }
        Block::KeyValues(pairs) => {
            let shown: Vec<(String, String)> = pairs
                .iter()
                .filter(|(_, v)| !v.trim().is_empty())
                .cloned()
                .collect();
            Prepared::Table(PreparedTable::key_values(&shown, fonts, width))
        }
        Block::Bullets(items) => Prepared::Bullets(text_blocks::bullets(items, fonts, width)),
        Block::Note(text) => Prepared::Note(text_blocks::note(text, fonts, width)),
        Block::Spacer(mm) => Prepared::Spacer(theme::mm(mm.max(0.0))),
        Block::Rule => Prepared::Rule,
        Block::PageBreak => Prepared::PageBreak,
    })
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::model::{Footer, Metadata, PageSetup, Paragraph};

    fn doc(blocks: Vec<Block>) -> Document {
        Document {
            meta: Metadata {
                title: "t".into(),
                author: "a".into(),
                subject: "s".into(),
                language: "vi".into(),
                created: DateTime::parse_from_rfc3339("2026-01-01T00:00:00+07:00").unwrap(),
            },
            page: PageSetup::default(),
            header: None,
            footer: Footer::None,
            blocks,
        }
    }

    /// Texts of the lines on each page that start with `prefix`.
    fn lines_per_page(layout: &Layout, prefix: &str) -> Vec<usize> {
        layout
            .pages
            .iter()
            .map(|items| {
                items
                    .iter()
                    .filter(|item| match item {
                        Item::Text(t) => t.runs[0].text.starts_with(prefix),
                        _ => false,
                    })
                    .count()
            })
            .collect()
    }

    #[test]
    fn split_paragraphs_keep_at_least_two_lines_on_each_page() {
        let fonts = Fonts::get().unwrap();
        let filler = |n: usize| vec!["filler"; n].join("\n");
        let mut splits = 0;
        for n in 40..60 {
            let paragraph = (1..=5)
                .map(|i| format!("P{i}"))
                .collect::<Vec<_>>()
                .join("\n");
            let layout = lay_out(
                &doc(vec![
                    Block::Paragraph(Paragraph::plain(filler(n))),
                    Block::Paragraph(Paragraph::plain(paragraph)),
                ]),
                fonts,
            )
            .unwrap();
            let counts: Vec<usize> = lines_per_page(&layout, "P")
                .into_iter()
                .filter(|c| *c > 0)
                .collect();
            assert_eq!(counts.iter().sum::<usize>(), 5);
            assert!(counts.iter().all(|c| *c >= 2), "filler {n}: {counts:?}");
            splits += usize::from(counts.len() > 1);
        }
        assert!(splits > 0, "no case split the paragraph");
    }

    #[test]
    fn notes_and_paragraphs_longer_than_a_page_flow_over_several_pages() {
        let fonts = Fonts::get().unwrap();
        let long = vec!["Số liệu mang tính tham khảo."; 600].join(" ");
        let layout = lay_out(
            &doc(vec![
                Block::Note(long.clone()),
                Block::Paragraph(Paragraph::plain(long)),
            ]),
            fonts,
        )
        .unwrap();
        assert!(layout.pages.len() >= 4, "{} pages", layout.pages.len());
        // Every page holding note text also has the note's shaded background first.
        for items in &layout.pages {
            if let Some(Item::Rect { fill, .. }) = items.first() {
                assert_eq!(*fill, theme::NOTE_FILL);
            }
        }
    }

    #[test]
    fn headings_are_recorded_for_the_outline_on_their_page() {
        let fonts = Fonts::get().unwrap();
        let layout = lay_out(
            &doc(vec![
                Block::Heading {
                    level: 1,
                    text: "Một".into(),
                },
                Block::PageBreak,
                Block::Heading {
                    level: 2,
                    text: "Hai".into(),
                },
                Block::Heading {
                    level: 3,
                    text: " ".into(),
                },
            ]),
            fonts,
        )
        .unwrap();
        let pages: Vec<(u8, &str, usize)> = layout
            .outline
            .iter()
            .map(|e| (e.level, e.title.as_str(), e.page))
            .collect();
        assert_eq!(pages, [(1, "Một", 0), (2, "Hai", 1)]);
    }
}
