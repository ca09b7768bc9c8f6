//! Builds a `BriefModel` from the store: whom it is for (`audience`), which opportunities match,
//! and the sections asked for, each written by its own function in the order a brief prints them
//! (`front`: cover, summary, at a glance; `opportunities`: table, pages, incentives; `closing`:
//! how to invest, contacts). Reads through the store's typed API only.

mod audience;
mod closing;
mod front;
mod opportunities;

pub(crate) use audience::{rank, resolve};

use super::model::{BriefBlock, BriefModel};
use super::{BriefRequest, BriefSection};
use crate::domain::*;
use crate::error::{invalid, Result};
use crate::labels::Bilingual;
use crate::store::{Record, Store};
use audience::{by, Resolved};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;

/// Opportunities a brief suggests when none are chosen.
const SUGGESTED: usize = 8;

/// What every section reads: the request, whom the brief is for and what it presents.
struct Context<'a> {
    store: &'a Store,
    req: &'a BriefRequest,
    who: Resolved,
    /// The opportunities presented, in the order they are presented.
    chosen: Vec<Record<Opportunity>>,
    /// The promotion agency writing the brief.
    agency: Bilingual,
    /// The store's sectors, to name the tags shown.
    sectors: crate::labels::SectorBook,
    title: Bilingual,
    subtitle: Bilingual,
    version: i64,
    generated_at: DateTime<Utc>,
}

/// The brief as the sections write it: its blocks and the pictures they show.
#[derive(Default)]
struct Written {
    blocks: Vec<BriefBlock>,
    images: BTreeMap<i64, Vec<u8>>,
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
    let cx = Context::gather(store, req, version, generated_at)?;
    let mut out = Written::default();
    // `ALL` is the printed order, whatever the order of the request.
    for section in BriefSection::ALL {
        if req.sections.contains(&section) {
            write_section(&cx, section, &mut out)?;
        }
    }
    Ok(BriefModel {
        author: cx.agency.vi.clone(),
        language: req.language,
        layout: req.layout,
        paper: req.paper,
        generated_at: generated_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        version,
        include_personal_data: req.include_personal_data,
        opportunity_ids: cx.chosen.iter().map(|o| o.meta.id).collect(),
        title: cx.title,
        subtitle: cx.subtitle,
        blocks: out.blocks,
        images: out.images,
    })
}

fn write_section(cx: &Context, section: BriefSection, out: &mut Written) -> Result<()> {
    let b = &mut out.blocks;
    match section {
        BriefSection::Cover => front::cover(cx, b),
        BriefSection::Summary => front::summary(cx, b),
        BriefSection::AtAGlance => front::at_a_glance(cx, b)?,
        BriefSection::OpportunityTable => opportunities::table(cx, b),
        BriefSection::OpportunityPages => opportunities::pages(cx, out)?,
        BriefSection::Incentives => opportunities::incentives(cx, b),
        BriefSection::HowToInvest => closing::how_to_invest(b),
        BriefSection::Contacts => closing::contacts(cx, b)?,
    }
    Ok(())
}

impl<'a> Context<'a> {
    /// Resolves the audience and reads what every section shares.
    fn gather(
        store: &'a Store,
        req: &'a BriefRequest,
        version: i64,
        generated_at: DateTime<Utc>,
    ) -> Result<Context<'a>> {
        let who = resolve(store, &req.audience)?;
        let chosen = chosen(store, req, &who)?;
        let agency = agency(store)?;
        let subtitle = Bilingual::new(
            format!("Dành cho: {}", who.name.vi),
            format!("Prepared for: {}", who.name.en),
        );
        Ok(Context {
            store,
            req,
            who,
            chosen,
            agency,
            sectors: store.sectors()?,
            title: Bilingual::new(
                "Cơ hội đầu tư tại Hà Nội",
                "Investment opportunities in Hanoi",
            ),
            subtitle,
            version,
            generated_at,
        })
    }
}

/// The opportunities asked for, else the best-matching ones (sharing at least one sector).
fn chosen(store: &Store, req: &BriefRequest, who: &Resolved) -> Result<Vec<Record<Opportunity>>> {
    Ok(match &req.opportunity_ids {
        Some(ids) => ids
            .iter()
            .map(|id| store.get::<Opportunity>(*id))
            .collect::<Result<_>>()?,
        None => rank(store, &who.sectors)?
            .into_iter()
            .filter(|(_, s)| *s > 0)
            .map(|(o, _)| o)
            .take(SUGGESTED)
            .collect(),
    })
}

/// The first government organisation in the store, else the Hanoi promotion centre.
fn agency(store: &Store) -> Result<Bilingual> {
    Ok(store
        .list::<Organization>(&by("kind", "government"))?
        .items
        .into_iter()
        .next()
        .map(|o| {
            Bilingual::new(
                o.data.name_vi.clone(),
                o.data.name_en.unwrap_or(o.data.name_vi),
            )
        })
        .unwrap_or_else(|| {
            Bilingual::new(
                "Trung tâm Xúc tiến Đầu tư Hà Nội",
                "Hanoi Investment Promotion Centre",
            )
        }))
}
