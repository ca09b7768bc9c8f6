//! Builds a `BriefModel` from the store: whom it is for, which opportunities match, and the
//! sections asked for. Reads through the store's typed API only.

use super::model::{BriefBlock as B, BriefModel};
use super::phrases;
use super::{Audience, BriefRequest, BriefSection};
use crate::domain::*;
use crate::error::{invalid, Result};
use crate::labels::{sector_label, sector_list as sectors, Bilingual as L, Labelled};
use crate::store::{Filter, ListQuery, Record, Store};
use chrono::{DateTime, Utc};

/// Who the brief is for, resolved from the store.
pub(crate) struct Resolved {
    pub name: L,
    pub sectors: Vec<String>,
    pub counsellor: Option<Record<Counsellor>>,
    pub officer: Option<String>,
}

fn by(field: &str, value: impl ToString) -> ListQuery {
    ListQuery {
        filters: vec![Filter {
            field: field.into(),
            value: value.to_string(),
            op: None,
        }],
        ..Default::default()
    }
}

fn counsellor_in(store: &Store, country: &str) -> Result<Option<Record<Counsellor>>> {
    for office in store.list::<Office>(&by("country", country))?.items {
        if let Some(c) = store
            .list::<Counsellor>(&by("office_id", office.meta.id))?
            .items
            .into_iter()
            .next()
        {
            return Ok(Some(c));
        }
    }
    Ok(None)
}

pub(crate) fn resolve(store: &Store, audience: &Audience) -> Result<Resolved> {
    Ok(match audience {
        Audience::Delegation { id } => {
            let d = store.get::<Delegation>(*id)?.data;
            let counsellor = match d.counsellor_id {
                Some(c) => Some(store.get::<Counsellor>(c)?),
                None => counsellor_in(store, &d.destination_country)?,
            };
            Resolved {
                name: L::same(d.title.clone()),
                sectors: d.sectors,
                counsellor,
                officer: d.lead_officer,
            }
        }
        Audience::Organization { id } => {
            let o = store.get::<Organization>(*id)?.data;
            let mut leads = by("organization_id", id);
            leads.sort = Some("updated_at".into());
            leads.descending = true;
            let officer = store
                .list::<Lead>(&leads)?
                .items
                .into_iter()
                .find_map(|l| l.data.owner);
            Resolved {
                name: L::new(
                    o.name_vi.clone(),
                    o.name_en.clone().unwrap_or(o.name_vi.clone()),
                ),
                counsellor: counsellor_in(store, &o.country)?,
                sectors: o.sectors,
                officer,
            }
        }
        Audience::Sector { sector, country } => {
            let s = sector_label(sector);
            let name = match country {
                Some(c) => L::new(
                    format!("Nhà đầu tư ngành {} tại {c}", s.vi),
                    format!("{} investors in {c}", s.en),
                ),
                None => L::new(
                    format!("Nhà đầu tư ngành {}", s.vi),
                    format!("{} investors", s.en),
                ),
            };
            Resolved {
                name,
                sectors: vec![sector.clone()],
                counsellor: match country {
                    Some(c) => counsellor_in(store, c)?,
                    None => None,
                },
                officer: None,
            }
        }
    })
}

/// Opportunities ranked by how many of `sectors` they share; closed ones are left out.
pub(crate) fn rank(store: &Store, sectors: &[String]) -> Result<Vec<(Record<Opportunity>, usize)>> {
    let mut all: Vec<(Record<Opportunity>, usize)> = store
        .list::<Opportunity>(&ListQuery::default())?
        .items
        .into_iter()
        .filter(|o| o.data.status != OpportunityStatus::Closed)
        .map(|o| {
            let score = o
                .data
                .sectors
                .iter()
                .filter(|s| sectors.contains(s))
                .count();
            (o, score)
        })
        .collect();
    all.sort_by_key(|(o, score)| {
        (
            std::cmp::Reverse(*score),
            o.data.kind != OpportunityKind::HitechZone,
            o.meta.id,
        )
    });
    Ok(all)
}

fn money_range(o: &Opportunity) -> Option<L> {
    let cur = o.land_rent_currency.as_deref()?;
    let fmt = |m: i64| phrases::number(m as f64 / 100.0, 0);
    let unit = o.land_rent_unit.clone().unwrap_or_default();
    let (lo, hi) = (
        o.land_rent_min_minor.map(fmt),
        o.land_rent_max_minor.map(fmt),
    );
    let join = |f: fn(&L) -> &String| match (&lo, &hi) {
        (Some(a), Some(b)) if a != b => format!("{}–{} {cur} {unit}", f(a), f(b)),
        (Some(a), _) | (None, Some(a)) => format!("{} {cur} {unit}", f(a)),
        (None, None) => String::new(),
    };
    let text = L::new(join(|l| &l.vi), join(|l| &l.en));
    (!text.vi.is_empty()).then_some(text)
}

/// A key figure's label, the Vietnamese one standing in for a missing English one.
fn figure_label(f: &KeyFigure) -> L {
    let en = if f.label_en.is_empty() {
        &f.label_vi
    } else {
        &f.label_en
    };
    L::new(f.label_vi.clone(), en.clone())
}

fn name(o: &Opportunity) -> L {
    L::new(
        o.name_vi.clone(),
        o.name_en.clone().unwrap_or_else(|| o.name_vi.clone()),
    )
}

fn source_line(o: &Opportunity) -> L {
    let date = o
        .source_date
        .map(|d| d.format("%d/%m/%Y").to_string())
        .unwrap_or_default();
    let date_en = o
        .source_date
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default();
    L::new(
        format!("Nguồn: {} {date}", o.source),
        format!("Source: {} {date_en}", o.source),
    )
}

/// Builds the brief. `version` and `generated_at` are given so that a brief can be rebuilt
/// exactly as it was.
pub(crate) fn compose(
    store: &Store,
    req: &BriefRequest,
    version: i64,
    generated_at: DateTime<Utc>,
) -> Result<BriefModel> {
    if req.sections.is_empty() {
        return Err(invalid(
            "sections",
            "required",
            "Chọn ít nhất một phần",
            "Choose at least one section",
        ));
    }
    let who = resolve(store, &req.audience)?;
    let chosen: Vec<Record<Opportunity>> = match &req.opportunity_ids {
        Some(ids) => ids
            .iter()
            .map(|id| store.get::<Opportunity>(*id))
            .collect::<Result<_>>()?,
        None => rank(store, &who.sectors)?
            .into_iter()
            .filter(|(_, s)| *s > 0)
            .map(|(o, _)| o)
            .take(8)
            .collect(),
    };
    let agency = store
        .list::<Organization>(&by("kind", "government"))?
        .items
        .into_iter()
        .next()
        .map(|o| {
            L::new(
                o.data.name_vi.clone(),
                o.data.name_en.unwrap_or(o.data.name_vi),
            )
        })
        .unwrap_or_else(|| {
            L::new(
                "Trung tâm Xúc tiến Đầu tư Hà Nội",
                "Hanoi Investment Promotion Centre",
            )
        });
    let hanoi = generated_at.with_timezone(&crate::time::HANOI);
    let title = L::new(
        "Cơ hội đầu tư tại Hà Nội",
        "Investment opportunities in Hanoi",
    );
    let subtitle = L::new(
        format!("Dành cho: {}", who.name.vi),
        format!("Prepared for: {}", who.name.en),
    );
    let mut b = Vec::new();
    let mut images = std::collections::BTreeMap::new();
    let has = |s: BriefSection| req.sections.contains(&s);
    if has(BriefSection::Cover) {
        b.push(B::Heading {
            level: 1,
            text: title.clone(),
        });
        b.push(B::Paragraph {
            text: subtitle.clone(),
        });
        b.push(B::Facts {
            rows: vec![
                (L::new("Đơn vị soạn", "Prepared by"), agency.clone()),
                (
                    L::new("Ngày", "Date"),
                    L::new(
                        hanoi.format("%d/%m/%Y").to_string(),
                        hanoi.format("%Y-%m-%d").to_string(),
                    ),
                ),
                (L::new("Phiên bản", "Version"), L::same(version.to_string())),
                (
                    L::new("Lĩnh vực quan tâm", "Sectors of interest"),
                    sectors(&who.sectors),
                ),
            ],
        });
        b.push(B::Note { text: L::new(
            "Số liệu trong bản tin là dữ liệu công bố có ghi nguồn và ngày; ưu đãi mang tính tham khảo.",
            "Figures are published data with their source and date; incentives are indicative.",
        ) });
        b.push(B::PageBreak);
    }
    if has(BriefSection::Summary) {
        b.push(B::Heading {
            level: 2,
            text: L::new("Tóm tắt", "Executive summary"),
        });
        let names: Vec<L> = chosen.iter().map(|o| name(&o.data)).collect();
        let list =
            |f: fn(&L) -> &String| names.iter().map(f).cloned().collect::<Vec<_>>().join("; ");
        b.push(B::Paragraph { text: L::new(
            format!("Hà Nội mời {} tìm hiểu {} cơ hội đầu tư phù hợp với lĩnh vực {}: {}. Thành phố phối hợp với Bộ Công Thương và các Thương vụ Việt Nam ở nước ngoài hỗ trợ nhà đầu tư từ khảo sát đến cấp phép và hậu đầu tư.",
                who.name.vi, chosen.len(), sectors(&who.sectors).vi.to_lowercase(), list(|l| &l.vi)),
            format!("Hanoi invites {} to consider {} investment opportunities matching {}: {}. The city works with the Ministry of Industry and Trade and Vietnam's trade offices abroad to support investors from site visits to licensing and aftercare.",
                who.name.en, chosen.len(), sectors(&who.sectors).en.to_lowercase(), list(|l| &l.en)),
        ) });
    }
    if has(BriefSection::AtAGlance) {
        b.push(B::Heading {
            level: 2,
            text: L::new(
                "Hà Nội và Hòa Lạc: số liệu chính",
                "Hanoi and Hoa Lac at a glance",
            ),
        });
        let zone = store
            .list::<Opportunity>(&by("kind", "hitech_zone"))?
            .items
            .into_iter()
            .next();
        if let Some(z) = &zone {
            let rows: Vec<Vec<L>> = z
                .data
                .key_figures
                .iter()
                .map(|f| {
                    vec![
                        figure_label(f),
                        L::same(f.value.clone()),
                        L::same(format!(
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
                    columns: vec![
                        L::new("Chỉ tiêu", "Indicator"),
                        L::new("Giá trị", "Value"),
                        L::new("Nguồn", "Source"),
                    ],
                    weights: vec![3.0, 2.0, 3.0],
                    rows,
                });
            }
            b.push(B::Source {
                text: source_line(&z.data),
            });
        }
        let points: Vec<(L, f64)> = chosen
            .iter()
            .filter_map(|o| o.data.area_ha.map(|a| (name(&o.data), a)))
            .collect();
        if !points.is_empty() {
            b.push(B::BarChart {
                title: L::new(
                    "Diện tích các cơ hội giới thiệu",
                    "Area of the featured opportunities",
                ),
                unit: L::same("ha"),
                points,
            });
        }
        let mut by_kind: Vec<(L, f64)> = Vec::new();
        for o in &chosen {
            let k = o.data.kind.label().owned();
            match by_kind.iter_mut().find(|(l, _)| *l == k) {
                Some((_, n)) => *n += 1.0,
                None => by_kind.push((k, 1.0)),
            }
        }
        if by_kind.len() > 1 {
            b.push(B::PieChart {
                title: L::new("Cơ hội theo loại hình", "Opportunities by type"),
                points: by_kind,
            });
        }
    }
    if has(BriefSection::OpportunityTable) && !chosen.is_empty() {
        b.push(B::Heading {
            level: 2,
            text: L::new("Các cơ hội đầu tư", "Investment opportunities"),
        });
        let rows = chosen
            .iter()
            .map(|o| {
                let d = &o.data;
                vec![
                    name(d),
                    d.kind.label().owned(),
                    L::same(d.location.clone()),
                    d.area_ha.map(|a| phrases::number(a, 0)).unwrap_or_default(),
                    sectors(&d.sectors),
                    L::same(format!(
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
                L::new("Tên", "Name"),
                L::new("Loại hình", "Type"),
                L::new("Địa điểm", "Location"),
                L::new("Diện tích (ha)", "Area (ha)"),
                L::new("Lĩnh vực", "Sectors"),
                L::new("Nguồn", "Source"),
            ],
            weights: vec![3.0, 1.6, 1.8, 1.0, 2.0, 2.2],
            rows,
        });
    }
    if has(BriefSection::OpportunityPages) {
        for o in &chosen {
            let d = &o.data;
            b.push(B::PageBreak);
            b.push(B::Heading {
                level: 2,
                text: name(d),
            });
            if let (Some(vi), en) = (&d.summary_vi, &d.summary_en) {
                b.push(B::Paragraph {
                    text: L::new(vi.clone(), en.clone().unwrap_or_else(|| vi.clone())),
                });
            }
            if let Some(img) = store.opportunity_images(o.meta.id)?.into_iter().next() {
                let caption = img.caption.clone().map(L::same).unwrap_or_else(|| name(d));
                images.insert(img.id, store.opportunity_image_bytes(img.id)?.1);
                b.push(B::Image {
                    image_id: img.id,
                    caption,
                });
            }
            let mut rows = vec![
                (L::new("Loại hình", "Type"), d.kind.label().owned()),
                (L::new("Địa điểm", "Location"), L::same(d.location.clone())),
                (L::new("Trạng thái", "Status"), d.status.label().owned()),
                (L::new("Lĩnh vực", "Sectors"), sectors(&d.sectors)),
            ];
            if let Some(a) = d.area_ha {
                let n = phrases::number(a, 0);
                rows.push((
                    L::new("Diện tích", "Area"),
                    L::new(format!("{} ha", n.vi), format!("{} ha", n.en)),
                ));
            }
            if let Some(rent) = money_range(d) {
                rows.push((
                    L::new("Giá thuê đất (tham khảo)", "Land rent (indicative)"),
                    rent,
                ));
            }
            if let Some(i) = &d.infrastructure {
                rows.push((L::new("Hạ tầng", "Infrastructure"), L::same(i.clone())));
            }
            if let Some(c) = &d.contact {
                rows.push((L::new("Liên hệ", "Contact"), L::same(c.clone())));
            }
            b.push(B::Facts { rows });
            if !d.key_figures.is_empty() {
                let rows = d
                    .key_figures
                    .iter()
                    .map(|f| {
                        vec![
                            figure_label(f),
                            L::same(f.value.clone()),
                            L::same(f.source.clone()),
                            L::same(
                                f.source_date
                                    .map(|x| x.format("%d/%m/%Y").to_string())
                                    .unwrap_or_default(),
                            ),
                        ]
                    })
                    .collect();
                b.push(B::Table {
                    columns: vec![
                        L::new("Chỉ tiêu", "Indicator"),
                        L::new("Giá trị", "Value"),
                        L::new("Nguồn", "Source"),
                        L::new("Ngày", "Date"),
                    ],
                    weights: vec![3.0, 2.0, 3.0, 1.4],
                    rows,
                });
            }
            b.push(B::Source {
                text: source_line(d),
            });
        }
    }
    if has(BriefSection::Incentives) {
        b.push(B::PageBreak);
        b.push(B::Heading {
            level: 2,
            text: L::new("Ưu đãi đầu tư", "Investment incentives"),
        });
        for o in chosen
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
                text: L::new(vi.clone(), d.incentives_en.clone().unwrap_or(vi)),
            });
        }
        b.push(B::Note {
            text: phrases::indicative(),
        });
    }
    if has(BriefSection::HowToInvest) {
        b.push(B::Heading {
            level: 2,
            text: L::new("Các bước đầu tư", "How to invest"),
        });
        b.push(B::Bullets {
            items: phrases::how_to_invest(),
        });
    }
    if has(BriefSection::Contacts) {
        b.push(B::Heading {
            level: 2,
            text: L::new("Liên hệ", "Contacts"),
        });
        contacts(store, req, &who, &agency, &mut b)?;
    }
    Ok(BriefModel {
        title,
        subtitle,
        author: agency.vi.clone(),
        language: req.language,
        layout: req.layout,
        paper: req.paper,
        generated_at: generated_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        version,
        include_personal_data: req.include_personal_data,
        opportunity_ids: chosen.iter().map(|o| o.meta.id).collect(),
        blocks: b,
        images,
    })
}

fn contacts(
    store: &Store,
    req: &BriefRequest,
    who: &Resolved,
    agency: &L,
    b: &mut Vec<B>,
) -> Result<()> {
    let mut rows = Vec::new();
    if let Some(c) = &who.counsellor {
        let office = store.get::<Office>(c.data.office_id)?.data;
        rows.push((
            L::new("Thương vụ", "Trade office"),
            L::new(
                office.name_vi.clone(),
                office.name_en.clone().unwrap_or(office.name_vi.clone()),
            ),
        ));
        if let Some(a) = &office.address {
            rows.push((L::new("Địa chỉ", "Address"), L::same(a.clone())));
        }
        if req.include_personal_data {
            let mut line = c.data.full_name.clone();
            if let Some(t) = &c.data.title {
                line = format!("{line}, {t}");
            }
            rows.push((
                L::new("Tham tán phụ trách", "Counsellor in charge"),
                L::same(line),
            ));
            for v in [&c.data.phone, &c.data.email].into_iter().flatten() {
                rows.push((L::new("Liên lạc", "Reach"), L::same(v.clone())));
            }
        }
    }
    rows.push((
        L::new("Cơ quan xúc tiến", "Promotion agency"),
        agency.clone(),
    ));
    if req.include_personal_data {
        if let Some(officer) = &who.officer {
            rows.push((
                L::new("Cán bộ phụ trách", "Officer in charge"),
                L::same(officer.clone()),
            ));
            if let Some(p) = store
                .list::<Contact>(&by("full_name", officer))?
                .items
                .into_iter()
                .next()
            {
                for e in p.data.emails.iter().chain(p.data.phones.iter()) {
                    rows.push((L::new("Liên lạc", "Reach"), L::same(e.value.clone())));
                }
            }
        }
    }
    b.push(B::Facts { rows });
    if !req.include_personal_data {
        b.push(B::Note {
            text: L::new(
                "Thông tin cá nhân (họ tên, điện thoại, email) đã được lược bỏ khỏi bản tin này.",
                "Personal data (names, phones, emails) has been left out of this brief.",
            ),
        });
    }
    Ok(())
}
