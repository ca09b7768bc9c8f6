//! The brief's closing sections: how to invest, and whom to contact.

use super::audience::by;
use super::Context;
use crate::briefs::model::BriefBlock as B;
use crate::briefs::phrases;
use crate::domain::*;
use crate::error::Result;
use crate::labels::Bilingual;
use crate::store::Record;

/// The steps of investing in Hanoi.
pub(super) fn how_to_invest(b: &mut Vec<B>) {
    b.push(B::Heading {
        level: 2,
        text: Bilingual::new("Các bước đầu tư", "How to invest"),
    });
    b.push(B::Bullets {
        items: phrases::how_to_invest(),
    });
}

/// The trade office and counsellor, the agency and the officer in charge; people's names and
/// means of contact only when the brief includes personal data (else a note says they were left
/// out).
pub(super) fn contacts(cx: &Context, b: &mut Vec<B>) -> Result<()> {
    b.push(B::Heading {
        level: 2,
        text: Bilingual::new("Liên hệ", "Contacts"),
    });
    let personal = cx.req.include_personal_data;
    let mut rows = Vec::new();
    if let Some(c) = &cx.who.counsellor {
        counsellor_rows(cx, c, personal, &mut rows)?;
    }
    rows.push((
        Bilingual::new("Cơ quan xúc tiến", "Promotion agency"),
        cx.agency.clone(),
    ));
    if personal {
        if let Some(officer) = &cx.who.officer {
            officer_rows(cx, officer, &mut rows)?;
        }
    }
    b.push(B::facts(rows));
    if !personal {
        b.push(B::Note {
            text: Bilingual::new(
                "Thông tin cá nhân (họ tên, điện thoại, email) đã được lược bỏ khỏi bản tin này.",
                "Personal data (names, phones, emails) has been left out of this brief.",
            ),
        });
    }
    Ok(())
}

/// The counsellor's trade office and its address; with `personal`, the counsellor's name, title,
/// phone and email.
fn counsellor_rows(
    cx: &Context,
    c: &Record<Counsellor>,
    personal: bool,
    rows: &mut Vec<(Bilingual, Bilingual)>,
) -> Result<()> {
    let office = cx.store.get::<Office>(c.data.office_id)?.data;
    rows.push((
        Bilingual::new("Thương vụ", "Trade office"),
        Bilingual::new(
            office.name_vi.clone(),
            office.name_en.clone().unwrap_or(office.name_vi.clone()),
        ),
    ));
    if let Some(a) = &office.address {
        rows.push((
            Bilingual::new("Địa chỉ", "Address"),
            Bilingual::same(a.clone()),
        ));
    }
    if personal {
        let mut line = c.data.full_name.clone();
        if let Some(t) = &c.data.title {
            line = format!("{line}, {t}");
        }
        rows.push((
            Bilingual::new("Tham tán phụ trách", "Counsellor in charge"),
            Bilingual::same(line),
        ));
        for v in [&c.data.phone, &c.data.email].into_iter().flatten() {
            rows.push((
                Bilingual::new("Liên lạc", "Reach"),
                Bilingual::same(v.clone()),
            ));
        }
    }
    Ok(())
}

/// The officer in charge, with the emails and phones of the contact of that name if any.
fn officer_rows(cx: &Context, officer: &str, rows: &mut Vec<(Bilingual, Bilingual)>) -> Result<()> {
    rows.push((
        Bilingual::new("Cán bộ phụ trách", "Officer in charge"),
        Bilingual::same(officer.to_owned()),
    ));
    if let Some(p) = cx
        .store
        .list::<Contact>(&by("full_name", officer))?
        .items
        .into_iter()
        .next()
    {
        for e in p.data.emails.iter().chain(p.data.phones.iter()) {
            rows.push((
                Bilingual::new("Liên lạc", "Reach"),
                Bilingual::same(e.value.clone()),
            ));
        }
    }
    Ok(())
}
