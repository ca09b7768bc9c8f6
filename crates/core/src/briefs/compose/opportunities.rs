//! The sections about the opportunities presented: the table of them, a page for each, and
//! their incentives; with the texts of an opportunity that several sections show.

use super::{Context, Written};
use crate::briefs::model::BriefBlock as B;
use crate::briefs::phrases;
use crate::domain::*;
use crate::error::Result;
use crate::labels::{Bilingual, Labelled};
use crate::numbers;
use crate::store::Record;

/// An opportunity's name, the Vietnamese one standing in for a missing English one.
pub(super) fn name(o: &Opportunity) -> Bilingual {
    Bilingual::new(
        o.name_vi.clone(),
        o.name_en.clone().unwrap_or_else(|| o.name_vi.clone()),
    )
}

/// A key figure's label, the Vietnamese one standing in for a missing English one.
pub(super) fn figure_label(f: &KeyFigure) -> Bilingual {
    let en = if f.label_en.is_empty() {
        &f.label_vi
    } else {
        &f.label_en
    };
    Bilingual::new(f.label_vi.clone(), en.clone())
}

/// The columns every key-figure table starts with: indicator, value, source.
pub(super) fn figure_columns() -> Vec<Bilingual> {
    vec![
        Bilingual::new("Chỉ tiêu", "Indicator"),
        Bilingual::new("Giá trị", "Value"),
        Bilingual::new("Nguồn", "Source"),
    ]
}

/// Where an opportunity's data comes from, and the date of that source.
pub(super) fn source_line(o: &Opportunity) -> Bilingual {
    let date = o
        .source_date
        .map(|d| d.format("%d/%m/%Y").to_string())
        .unwrap_or_default();
    let date_en = o
        .source_date
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default();
    Bilingual::new(
        format!("Nguồn: {} {date}", o.source),
        format!("Source: {} {date_en}", o.source),
    )
}

/// The land rent as the one money formatter writes a range; None without a currency or a figure.
fn money_range(o: &Opportunity) -> Option<Bilingual> {
    numbers::money_range(
        o.land_rent_min_minor,
        o.land_rent_max_minor,
        o.land_rent_currency.as_deref()?,
        o.land_rent_unit.as_deref(),
    )
}

/// One row per opportunity presented (left out when there are none).
pub(super) fn table(cx: &Context, b: &mut Vec<B>) {
    if cx.chosen.is_empty() {
        return;
    }
    b.push(B::Heading {
        level: 2,
        text: Bilingual::new("Các cơ hội đầu tư", "Investment opportunities"),
    });
    let rows = cx
        .chosen
        .iter()
        .map(|o| {
            let d = &o.data;
            vec![
                name(d),
                d.kind.label().owned(),
                Bilingual::same(d.location.clone()),
                d.area_ha.map(|a| numbers::number(a, 0)).unwrap_or_default(),
                cx.sectors.list(&d.sectors),
                Bilingual::same(format!(
                    "{}{}",
                    d.source,
                    d.source_date
                        .map(|x| format!(", {}", x.format("%d/%m/%Y")))
                        .unwrap_or_default()
                )),
            ]
        })
        .collect();
    b.push(B::Table {
        columns: vec![
            Bilingual::new("Tên", "Name"),
            Bilingual::new("Loại hình", "Type"),
            Bilingual::new("Địa điểm", "Location"),
            Bilingual::new("Diện tích (ha)", "Area (ha)"),
            Bilingual::new("Lĩnh vực", "Sectors"),
            Bilingual::new("Nguồn", "Source"),
        ],
        weights: vec![3.0, 1.6, 1.8, 1.0, 2.0, 2.2],
        rows,
    });
}

/// A page for each opportunity: its summary, first picture, facts, key figures and source.
pub(super) fn pages(cx: &Context, out: &mut Written) -> Result<()> {
    for o in &cx.chosen {
        let d = &o.data;
        out.blocks.push(B::PageBreak);
        out.blocks.push(B::Heading {
            level: 2,
            text: name(d),
        });
        if let (Some(vi), en) = (&d.summary_vi, &d.summary_en) {
            out.blocks.push(B::Paragraph {
                text: Bilingual::new(vi.clone(), en.clone().unwrap_or_else(|| vi.clone())),
            });
        }
        first_picture(cx, o, out)?;
        out.blocks.push(B::facts(facts(d, &cx.sectors)));
        if !d.key_figures.is_empty() {
            out.blocks.push(key_figures(d));
        }
        out.blocks.push(B::Source {
            text: source_line(d),
        });
    }
    Ok(())
}

/// The opportunity's first picture (captioned with its name when it has no caption), its bytes
/// carried in the brief.
fn first_picture(cx: &Context, o: &Record<Opportunity>, out: &mut Written) -> Result<()> {
    let Some(img) = cx.store.opportunity_images(o.meta.id)?.into_iter().next() else {
        return Ok(());
    };
    let caption = img
        .caption
        .clone()
        .map(Bilingual::same)
        .unwrap_or_else(|| name(&o.data));
    out.images
        .insert(img.id, cx.store.opportunity_image_bytes(img.id)?.1);
    out.blocks.push(B::Image {
        image_id: img.id,
        caption,
    });
    Ok(())
}

/// An opportunity page's facts: kind, place, status and sectors, then what it has of area,
/// land rent, infrastructure and contact.
fn facts(d: &Opportunity, sectors: &crate::labels::SectorBook) -> Vec<(Bilingual, Bilingual)> {
    let mut rows = vec![
        (Bilingual::new("Loại hình", "Type"), d.kind.label().owned()),
        (
            Bilingual::new("Địa điểm", "Location"),
            Bilingual::same(d.location.clone()),
        ),
        (
            Bilingual::new("Trạng thái", "Status"),
            d.status.label().owned(),
        ),
        (
            Bilingual::new("Lĩnh vực", "Sectors"),
            sectors.list(&d.sectors),
        ),
    ];
    if let Some(a) = d.area_ha {
        let n = numbers::number(a, 0);
        rows.push((
            Bilingual::new("Diện tích", "Area"),
            Bilingual::new(format!("{} ha", n.vi), format!("{} ha", n.en)),
        ));
    }
    if let Some(rent) = money_range(d) {
        rows.push((
            Bilingual::new("Giá thuê đất (tham khảo)", "Land rent (indicative)"),
            rent,
        ));
    }
    if let Some(i) = &d.infrastructure {
        rows.push((
            Bilingual::new("Hạ tầng", "Infrastructure"),
            Bilingual::same(i.clone()),
        ));
    }
    if let Some(c) = &d.contact {
        rows.push((
            Bilingual::new("Liên hệ", "Contact"),
            Bilingual::same(c.clone()),
        ));
    }
    rows
}

/// An opportunity page's key figures, each with its source and date.
fn key_figures(d: &Opportunity) -> B {
    let rows = d
        .key_figures
        .iter()
        .map(|f| {
            vec![
                figure_label(f),
                Bilingual::same(f.value.clone()),
                Bilingual::same(f.source.clone()),
                Bilingual::same(
                    f.source_date
                        .map(|x| x.format("%d/%m/%Y").to_string())
                        .unwrap_or_default(),
                ),
            ]
        })
        .collect();
    let mut columns = figure_columns();
    columns.push(Bilingual::new("Ngày", "Date"));
    B::Table {
        columns,
        weights: vec![3.0, 2.0, 3.0, 1.4],
        rows,
    }
}

/// The incentives of each opportunity that states some, then the note that they are indicative.
pub(super) fn incentives(cx: &Context, b: &mut Vec<B>) {
    b.push(B::PageBreak);
    b.push(B::Heading {
        level: 2,
        text: Bilingual::new("Ưu đãi đầu tư", "Investment incentives"),
    });
    for o in cx
        .chosen
        .iter()
        .filter(|o| o.data.incentives_vi.is_some() || o.data.incentives_en.is_some())
    {
        let d = &o.data;
        b.push(B::Heading {
            level: 3,
            text: name(d),
        });
        let vi = d
            .incentives_vi
            .clone()
            .or(d.incentives_en.clone())
            .unwrap_or_default();
        b.push(B::Paragraph {
            text: Bilingual::new(vi.clone(), d.incentives_en.clone().unwrap_or(vi)),
        });
    }
    b.push(B::Note {
        text: phrases::indicative(),
    });
}
