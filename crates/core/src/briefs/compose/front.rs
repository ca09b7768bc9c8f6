//! The brief's opening sections: the cover, the executive summary and Hanoi at a glance.

use super::audience::by;
use super::opportunities::{figure_columns, figure_label, name, source_line};
use super::Context;
use crate::briefs::model::BriefBlock as B;
use crate::domain::*;
use crate::error::Result;
use crate::labels::{Bilingual, Labelled};
use crate::store::Record;

/// Title, audience, who prepared it and when, the sectors, and the note on figures.
pub(super) fn cover(cx: &Context, b: &mut Vec<B>) {
    let hanoi = cx.generated_at.with_timezone(&crate::time::HANOI);
    b.push(B::Heading {
        level: 1,
        text: cx.title.clone(),
    });
    b.push(B::Paragraph {
        text: cx.subtitle.clone(),
    });
    b.push(B::facts(vec![
        (
            Bilingual::new("Đơn vị soạn", "Prepared by"),
            cx.agency.clone(),
        ),
        (
            Bilingual::new("Ngày", "Date"),
            Bilingual::new(
                hanoi.format("%d/%m/%Y").to_string(),
                hanoi.format("%Y-%m-%d").to_string(),
            ),
        ),
        (
            Bilingual::new("Phiên bản", "Version"),
            Bilingual::same(cx.version.to_string()),
        ),
        (
            Bilingual::new("Lĩnh vực quan tâm", "Sectors of interest"),
            cx.sectors.list(&cx.who.sectors),
        ),
    ]));
    b.push(B::Note { text: Bilingual::new(
        "Số liệu trong bản tin là dữ liệu công bố có ghi nguồn và ngày; ưu đãi mang tính tham khảo.",
        "Figures are published data with their source and date; incentives are indicative.",
    ) });
    b.push(B::PageBreak);
}

/// One paragraph inviting the audience to the opportunities presented, named.
pub(super) fn summary(cx: &Context, b: &mut Vec<B>) {
    let (who, chosen) = (&cx.who, &cx.chosen);
    b.push(B::Heading {
        level: 2,
        text: Bilingual::new("Tóm tắt", "Executive summary"),
    });
    let names: Vec<Bilingual> = chosen.iter().map(|o| name(&o.data)).collect();
    let list =
        |f: fn(&Bilingual) -> &String| names.iter().map(f).cloned().collect::<Vec<_>>().join("; ");
    b.push(B::Paragraph { text: Bilingual::new(
        format!("Hà Nội mời {} tìm hiểu {} cơ hội đầu tư phù hợp với lĩnh vực {}: {}. Thành phố phối hợp với Bộ Công Thương và các Thương vụ Việt Nam ở nước ngoài hỗ trợ nhà đầu tư từ khảo sát đến cấp phép và hậu đầu tư.",
            who.name.vi, chosen.len(), cx.sectors.list(&who.sectors).vi.to_lowercase(), list(|l| &l.vi)),
        format!("Hanoi invites {} to consider {} investment opportunities matching {}: {}. The city works with the Ministry of Industry and Trade and Vietnam's trade offices abroad to support investors from site visits to licensing and aftercare.",
            who.name.en, chosen.len(), cx.sectors.list(&who.sectors).en.to_lowercase(), list(|l| &l.en)),
    ) });
}

/// The high-tech zone's key figures, then charts of the opportunities presented.
pub(super) fn at_a_glance(cx: &Context, b: &mut Vec<B>) -> Result<()> {
    b.push(B::Heading {
        level: 2,
        text: Bilingual::new(
            "Hà Nội và Hòa Lạc: số liệu chính",
            "Hanoi and Hoa Lac at a glance",
        ),
    });
    let zone = cx
        .store
        .list::<Opportunity>(&by("kind", "hitech_zone"))?
        .items
        .into_iter()
        .next();
    if let Some(z) = &zone {
        zone_figures(z, b);
    }
    area_chart(&cx.chosen, b);
    kind_chart(&cx.chosen, b);
    Ok(())
}

/// The zone's key figures as a table (with the month of each figure's source), and its source.
fn zone_figures(z: &Record<Opportunity>, b: &mut Vec<B>) {
    let rows: Vec<Vec<Bilingual>> = z
        .data
        .key_figures
        .iter()
        .map(|f| {
            vec![
                figure_label(f),
                Bilingual::same(f.value.clone()),
                Bilingual::same(format!(
                    "{}{}",
                    f.source,
                    f.source_date
                        .map(|d| format!(" ({})", d.format("%m/%Y")))
                        .unwrap_or_default()
                )),
            ]
        })
        .collect();
    if !rows.is_empty() {
        b.push(B::Table {
            columns: figure_columns(),
            weights: vec![3.0, 2.0, 3.0],
            rows,
        });
    }
    b.push(B::Source {
        text: source_line(&z.data),
    });
}

/// A bar of each presented opportunity's area, when any has one.
fn area_chart(chosen: &[Record<Opportunity>], b: &mut Vec<B>) {
    let points: Vec<(Bilingual, f64)> = chosen
        .iter()
        .filter_map(|o| o.data.area_ha.map(|a| (name(&o.data), a)))
        .collect();
    if !points.is_empty() {
        b.push(B::BarChart {
            title: Bilingual::new(
                "Diện tích các cơ hội giới thiệu",
                "Area of the featured opportunities",
            ),
            unit: Bilingual::same("ha"),
            points,
        });
    }
}

/// The presented opportunities counted by kind (in order of first appearance), when there are
/// several kinds.
fn kind_chart(chosen: &[Record<Opportunity>], b: &mut Vec<B>) {
    let mut by_kind: Vec<(Bilingual, f64)> = Vec::new();
    for o in chosen {
        let k = o.data.kind.label().owned();
        match by_kind.iter_mut().find(|(l, _)| *l == k) {
            Some((_, n)) => *n += 1.0,
            None => by_kind.push((k, 1.0)),
        }
    }
    if by_kind.len() > 1 {
        b.push(B::PieChart {
            title: Bilingual::new("Cơ hội theo loại hình", "Opportunities by type"),
            points: by_kind,
        });
    }
}
