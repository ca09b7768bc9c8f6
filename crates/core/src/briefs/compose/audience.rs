//! Whom a brief is for, resolved from the store, and the opportunities ranked for them.

use crate::briefs::Audience;
use crate::domain::*;
use crate::error::Result;
use crate::labels::Bilingual;
use crate::store::{Filter, ListQuery, Record, Store};

/// Who the brief is for, resolved from the store.
pub(crate) struct Resolved {
    pub name: Bilingual,
    pub sectors: Vec<String>,
    pub counsellor: Option<Record<Counsellor>>,
    pub officer: Option<String>,
}

/// The records whose `field` equals `value`.
pub(super) fn by(field: &str, value: impl ToString) -> ListQuery {
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

/// Resolves the audience: its name, sectors, counsellor and officer in charge.
pub(crate) fn resolve(store: &Store, audience: &Audience) -> Result<Resolved> {
    Ok(match audience {
        Audience::Delegation { id } => {
            let d = store.get::<Delegation>(*id)?.data;
            let counsellor = match d.counsellor_id {
                Some(c) => Some(store.get::<Counsellor>(c)?),
                None => counsellor_in(store, &d.destination_country)?,
            };
            Resolved {
                name: Bilingual::same(d.title.clone()),
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
                name: Bilingual::new(
                    o.name_vi.clone(),
                    o.name_en.clone().unwrap_or(o.name_vi.clone()),
                ),
                counsellor: counsellor_in(store, &o.country)?,
                sectors: o.sectors,
                officer,
            }
        }
        Audience::Sector { sector, country } => {
            let s = store.sectors()?.label(sector);
            let name = match country {
                Some(c) => Bilingual::new(
                    format!("Nhà đầu tư ngành {} tại {c}", s.vi),
                    format!("{} investors in {c}", s.en),
                ),
                None => Bilingual::new(
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
