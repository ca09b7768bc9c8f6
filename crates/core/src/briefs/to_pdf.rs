//! A `BriefModel` as a PDF, through the planner-pdf engine.

use super::model::{BriefBlock, BriefModel};
use crate::domain::{BilingualLayout, BriefLanguage, Paper};
use crate::error::{CoreError, Result};
use crate::labels::Bilingual;
use planner_pdf::{
    Align, Block, Chart, ChartPoint, Column, Document, Footer, Metadata, NumberStyle, PageSetup,
    PaperSize, Paragraph, Span, Table, TableStyle,
};

/// Renders the brief to PDF bytes.
pub fn render_pdf(model: &BriefModel) -> Result<Vec<u8>> {
    let mut blocks = Vec::new();
    match (model.language, model.layout) {
        (BriefLanguage::Bi, BilingualLayout::Sequential) => {
            push_all(model, One(BriefLanguage::Vi), &mut blocks);
            blocks.push(Block::PageBreak);
            push_all(model, One(BriefLanguage::En), &mut blocks);
        }
        (BriefLanguage::Bi, BilingualLayout::SideBySide) => push_all(model, Both, &mut blocks),
        (lang, _) => push_all(model, One(lang), &mut blocks),
    }
    let created = chrono::DateTime::parse_from_rfc3339(&model.generated_at)
        .map_err(|e| CoreError::Render(format!("generated_at: {e}")))?
        .with_timezone(&crate::time::HANOI)
        .fixed_offset();
    let doc = Document {
        meta: Metadata {
            title: model.title.get(model.language),
            author: model.author.clone(),
            subject: model.subtitle.get(model.language),
            language: match model.language {
                BriefLanguage::En => "en".into(),
                _ => "vi-VN".into(),
            },
            created,
        },
        page: PageSetup {
            size: match model.paper {
                Paper::A4 => PaperSize::A4,
                Paper::Letter => PaperSize::Letter,
            },
            ..PageSetup::default()
        },
        header: Some(format!(
            "{} · {}",
            model.title.get(model.language),
            model.subtitle.get(model.language)
        )),
        footer: match model.language {
            BriefLanguage::Vi => Footer::Vietnamese,
            BriefLanguage::En => Footer::English,
            BriefLanguage::Bi => Footer::Bilingual,
        },
        blocks,
    };
    planner_pdf::render(&doc).map_err(|e| CoreError::Render(e.to_string()))
}

#[derive(Clone, Copy)]
enum Mode {
    One(BriefLanguage),
    /// Bilingual side by side.
    Both,
}
use Mode::{Both, One};

fn text(l: &Bilingual, mode: Mode) -> String {
    match mode {
        One(lang) => l.get(lang),
        Both => l.get(BriefLanguage::Bi),
    }
}

fn two_columns(rows: Vec<Vec<String>>) -> Block {
    Block::Table(Table {
        columns: vec![
            Column::weighted("Tiếng Việt", 1.0),
            Column::weighted("English", 1.0),
        ],
        rows,
        header: false,
        style: TableStyle::Borderless,
    })
}

fn chart(title: &Bilingual, points: &[(Bilingual, f64)], mode: Mode) -> Chart {
    let mut c = Chart::new(
        text(title, mode),
        points
            .iter()
            .map(|(l, v)| ChartPoint::new(text(l, mode), *v))
            .collect(),
    );
    c.number_style = match mode {
        One(BriefLanguage::En) => NumberStyle::English,
        _ => NumberStyle::Vietnamese,
    };
    c
}

fn push_all(model: &BriefModel, mode: Mode, out: &mut Vec<Block>) {
    for block in &model.blocks {
        match block {
            BriefBlock::Heading { level, text: t } => out.push(Block::Heading {
                level: *level,
                text: text(t, mode),
            }),
            BriefBlock::Paragraph { text: t } => match mode {
                Both if t.vi != t.en => {
                    out.push(two_columns(vec![vec![t.vi.clone(), t.en.clone()]]))
                }
                _ => out.push(Block::Paragraph(Paragraph::plain(text(t, mode)))),
            },
            BriefBlock::Facts { rows } => out.push(Block::KeyValues(
                rows.iter()
                    .map(|(k, v)| (text(k, mode), text(v, mode)))
                    .collect(),
            )),
            BriefBlock::Table {
                columns,
                weights,
                rows,
            } => out.push(Block::Table(Table {
                columns: columns
                    .iter()
                    .zip(weights.iter().chain(std::iter::repeat(&1.0)))
                    .map(|(c, w)| Column::weighted(text(c, mode), *w))
                    .collect(),
                rows: rows
                    .iter()
                    .map(|r| r.iter().map(|c| text(c, mode)).collect())
                    .collect(),
                header: true,
                style: TableStyle::Zebra,
            })),
            BriefBlock::BarChart {
                title,
                unit,
                points,
            } => {
                let mut c = chart(title, points, mode);
                c.unit = text(unit, mode);
                out.push(Block::BarChart(c));
            }
            BriefBlock::PieChart { title, points } => {
                out.push(Block::PieChart(chart(title, points, mode)))
            }
            BriefBlock::Bullets { items } => match mode {
                Both => out.push(two_columns(
                    items
                        .iter()
                        .map(|i| vec![i.vi.clone(), i.en.clone()])
                        .collect(),
                )),
                One(_) => out.push(Block::Bullets(
                    items.iter().map(|i| text(i, mode)).collect(),
                )),
            },
            BriefBlock::Note { text: t } => out.push(Block::Note(match mode {
                Both if t.vi != t.en => format!("{}\n{}", t.vi, t.en),
                _ => text(t, mode),
            })),
            BriefBlock::Source { text: t } => {
                let s = match mode {
                    Both if t.vi != t.en => t.vi.clone(),
                    _ => text(t, mode),
                };
                out.push(Block::Paragraph(Paragraph {
                    spans: vec![Span::italic(s)],
                    align: Align::Left,
                }));
            }
            BriefBlock::Image { image_id, caption } => {
                if let Some(bytes) = model.images.get(image_id) {
                    out.push(Block::Image {
                        bytes: bytes.clone(),
                        width_mm: 120.0,
                        caption: Some(text(caption, mode)),
                    });
                }
            }
            BriefBlock::PageBreak => out.push(Block::PageBreak),
        }
    }
}
