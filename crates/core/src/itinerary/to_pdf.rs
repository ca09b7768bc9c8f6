//! The printed itinerary: the plan mapped onto the planner-pdf engine.
//!
//! A cover (delegation, dates, head, lead officer, counsellors with their phones, members or
//! "prepared for" a member, when it was generated), then one page per local day with a table:
//! local time with its zone, Hanoi time, the item, venue, attendees and counsellor in charge.
//! Vietnamese, English, or bilingual labels ("Vietnamese / English").

use super::{is_travel, local, slug, zone_abbreviation, Plan, PlanCounsellor, PlanMember};
use crate::domain::{BriefLanguage, ItineraryItem, MemberRole};
use crate::error::{CoreError, Result};
use crate::labels::{Bilingual, Labelled, WHOLE_DELEGATION};
use crate::store::Record;
use crate::time::HANOI;
use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Utc, Weekday};
use chrono_tz::Tz;
use planner_pdf::{
    Block, Column, ColumnWidth, Document, Footer, Margins, Metadata, Orientation, PageSetup,
    PaperSize, Paragraph, Span, Table, TableStyle,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What to print.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PrintOptions {
    /// Only the items this member attends, with their name on the cover.
    pub member_id: Option<i64>,
    pub language: BriefLanguage,
}

/// The itinerary PDF (A4), stamped "generated at" `generated_at`.
pub fn itinerary_pdf(
    plan: &Plan,
    options: &PrintOptions,
    generated_at: DateTime<Utc>,
) -> Result<Vec<u8>> {
    let doc = document(plan, options, generated_at)?;
    planner_pdf::render(&doc).map_err(|e| CoreError::Render(e.to_string()))
}

/// A file name for the printed itinerary (`file_names::safe_file_name`):
/// `lich-trinh-<delegation>[-<member>]-<vi|en|bi>.pdf`.
pub fn default_file_name(plan: &Plan, options: &PrintOptions) -> String {
    let mut name = String::from("lich-trinh");
    for part in [
        Some(slug(&plan.delegation.data.title)),
        options
            .member_id
            .and_then(|m| plan.member(m))
            .map(|m| slug(&m.name)),
    ]
    .into_iter()
    .flatten()
    .filter(|s| !s.is_empty())
    {
        name.push('-');
        name.push_str(&part);
    }
    let lang = match options.language {
        BriefLanguage::Vi => "vi",
        BriefLanguage::En => "en",
        BriefLanguage::Bi => "bi",
    };
    crate::file_names::safe_file_name(&format!("{name}-{lang}"), "pdf")
}

/// The document view model of the itinerary (what [`itinerary_pdf`] renders).
pub fn document(
    plan: &Plan,
    options: &PrintOptions,
    generated_at: DateTime<Utc>,
) -> Result<Document> {
    let member = match options.member_id {
        None => None,
        Some(id) => Some(plan.member(id).ok_or_else(|| {
            crate::error::invalid(
                "member_id",
                "not_a_member",
                format!("Thành viên {id} không thuộc đoàn này"),
                format!("Member {id} is not on this delegation"),
            )
        })?),
    };
    let w = Words(options.language);
    let items = plan.items_for(options.member_id);
    let d = &plan.delegation.data;

    let mut blocks = Vec::with_capacity(16 + items.len() / 4);
    cover(plan, member, &items, generated_at, w, &mut blocks);
    let days = by_day(&items);
    if days.is_empty() {
        blocks.push(Block::Note(match member {
            Some(_) => w.t(
                "Thành viên này chưa có hoạt động nào trong lịch trình.",
                "This member has no items in the itinerary yet.",
            ),
            None => w.t(
                "Lịch trình chưa có hoạt động nào.",
                "The itinerary has no items yet.",
            ),
        }));
    }
    let first = d.start_date.or(days.first().map(|(date, _)| *date));
    for (date, day_items) in &days {
        blocks.push(Block::PageBreak);
        blocks.push(Block::Heading {
            level: 1,
            text: day_heading(*date, first, w),
        });
        blocks.push(Block::Table(day_table(plan, *date, day_items, w)));
    }

    let mut title = w.t("Lịch trình", "Itinerary");
    title.push_str(" — ");
    title.push_str(&d.title);
    let mut header = title.clone();
    if let Some(m) = member {
        header.push_str(" · ");
        header.push_str(&m.name);
    }
    Ok(Document {
        meta: Metadata {
            title,
            author: d.lead_officer.clone().unwrap_or_default(),
            subject: match member {
                Some(m) => format!("{} {}", w.t("Bản dành cho", "Prepared for"), m.name),
                None => w.t("Lịch trình của đoàn", "Delegation itinerary"),
            },
            language: match options.language {
                BriefLanguage::En => "en".into(),
                _ => "vi-VN".into(),
            },
            created: generated_at.with_timezone(&HANOI).fixed_offset(),
        },
        // Narrower side margins than the default leave room for the six columns of a day.
        page: PageSetup {
            size: PaperSize::A4,
            orientation: Orientation::Portrait,
            margins: Margins {
                top: 20.0,
                right: 15.0,
                bottom: 18.0,
                left: 15.0,
            },
        },
        header: Some(header),
        footer: match options.language {
            BriefLanguage::Vi => Footer::Vietnamese,
            BriefLanguage::En => Footer::English,
            BriefLanguage::Bi => Footer::Bilingual,
        },
        blocks,
    })
}

/// Labels in the language printed.
#[derive(Clone, Copy)]
struct Words(BriefLanguage);

impl Words {
    /// `vi`, `en`, or "vi / en" (once when they are the same).
    fn t(self, vi: &str, en: &str) -> String {
        match self.0 {
            BriefLanguage::Vi => vi.to_owned(),
            BriefLanguage::En => en.to_owned(),
            BriefLanguage::Bi if vi == en => vi.to_owned(),
            BriefLanguage::Bi => format!("{vi} / {en}"),
        }
    }

    fn label(self, l: Bilingual<&str>) -> String {
        self.t(l.vi, l.en)
    }

    /// Like [`Words::t`] but bilingual text goes on two lines (for narrow table cells).
    fn stacked(self, vi: &str, en: &str) -> String {
        match self.0 {
            BriefLanguage::Bi if vi != en => format!("{vi}\n{en}"),
            _ => self.t(vi, en),
        }
    }
}

fn date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

fn hm(t: NaiveDateTime) -> String {
    t.format("%H:%M").to_string()
}

fn cover(
    plan: &Plan,
    member: Option<&PlanMember>,
    items: &[&Record<ItineraryItem>],
    generated_at: DateTime<Utc>,
    w: Words,
    out: &mut Vec<Block>,
) {
    let d = &plan.delegation.data;
    out.push(Block::Paragraph(Paragraph::new(vec![Span::bold(
        match member {
            Some(_) => w.t("LỊCH TRÌNH CÁ NHÂN", "PERSONAL ITINERARY"),
            None => w.t("LỊCH TRÌNH CÔNG TÁC", "DELEGATION ITINERARY"),
        },
    )])));
    out.push(Block::Heading {
        level: 1,
        text: d.title.clone(),
    });
    if let Some(m) = member {
        let mut who = m.name.clone();
        who.push_str(" (");
        who.push_str(&w.label(m.role.label()));
        if let Some(org) = m.organization.as_deref().filter(|o| !o.is_empty()) {
            who.push_str(", ");
            who.push_str(org);
        }
        who.push(')');
        out.push(Block::Paragraph(Paragraph::new(vec![
            Span::bold(format!("{}: ", w.t("Bản dành cho", "Prepared for"))),
            Span::regular(who),
        ])));
    }

    let mut facts: Vec<(String, String)> = Vec::new();
    facts.push((w.t("Loại đoàn", "Kind"), w.label(d.kind.label())));
    let mut destination = String::new();
    if let Some(city) = d.destination_city.as_deref().filter(|c| !c.is_empty()) {
        destination.push_str(city);
        destination.push_str(", ");
    }
    destination.push_str(&match country(&d.destination_country) {
        Some(names) => w.label(names),
        None => d.destination_country.clone(),
    });
    facts.push((w.t("Điểm đến", "Destination"), destination));
    let dates = match (d.start_date, d.end_date) {
        (Some(s), Some(e)) if s != e => {
            let n = (e - s).num_days() + 1;
            format!(
                "{} – {} ({})",
                date(s),
                date(e),
                w.t(&format!("{n} ngày"), &format!("{n} days"))
            )
        }
        (Some(s), _) | (None, Some(s)) => date(s),
        (None, None) => w.t("chưa xác định", "to be confirmed"),
    };
    facts.push((w.t("Thời gian", "Dates"), dates));
    if let Some(zone) = zone_line(plan, w) {
        facts.push((w.t("Múi giờ", "Time zone"), zone));
    }
    if let Some(p) = d.purpose.as_deref().filter(|p| !p.trim().is_empty()) {
        facts.push((w.t("Mục đích", "Purpose"), p.to_owned()));
    }
    if let Some(head) = plan.head() {
        let mut h = head.name.clone();
        if let Some(org) = head.organization.as_deref().filter(|o| !o.is_empty()) {
            h.push_str(", ");
            h.push_str(org);
        }
        facts.push((w.label(MemberRole::Head.label()), h));
    }
    if let Some(lead) = d.lead_officer.as_deref().filter(|l| !l.trim().is_empty()) {
        facts.push((w.t("Cán bộ phụ trách", "Lead officer"), lead.to_owned()));
    }
    facts.push((w.t("Trạng thái", "Status"), w.label(d.status.label())));
    facts.push((w.t("Số hoạt động", "Items"), format!("{}", items.len())));
    out.push(Block::KeyValues(facts));

    let counsellors = involved_counsellors(plan, items);
    if !counsellors.is_empty() {
        out.push(Block::Heading {
            level: 2,
            text: w.t("Tham tán phụ trách", "Counsellors in charge"),
        });
        out.push(Block::Table(Table {
            columns: vec![
                Column::weighted(w.t("Họ tên", "Name"), 1.3),
                Column::weighted(w.t("Thương vụ", "Trade office"), 1.6),
                Column::weighted(w.t("Điện thoại", "Phone"), 1.0),
                Column::weighted("Email", 1.2),
            ],
            rows: counsellors
                .iter()
                .map(|c| {
                    let mut name = c.full_name.clone();
                    if let Some(t) = c.title.as_deref().filter(|t| !t.is_empty()) {
                        name.push('\n');
                        name.push_str(t);
                    }
                    let office = match (w.0, c.office_name_en.as_deref()) {
                        (BriefLanguage::En, Some(en)) => en.to_owned(),
                        (BriefLanguage::Bi, Some(en)) if en != c.office_name_vi => {
                            format!("{}\n{}", c.office_name_vi, en)
                        }
                        _ => c.office_name_vi.clone(),
                    };
                    vec![
                        name,
                        format!("{office}\n{}", c.office_city),
                        c.phone.clone().unwrap_or_default(),
                        c.email.clone().unwrap_or_default(),
                    ]
                })
                .collect(),
            header: true,
            style: TableStyle::Ruled,
        }));
    }

    if member.is_none() && !plan.members.is_empty() {
        out.push(Block::Heading {
            level: 2,
            text: w.t("Thành phần đoàn", "Delegation members"),
        });
        out.push(Block::Table(Table {
            columns: vec![
                Column {
                    title: w.t("TT", "No."),
                    width: ColumnWidth::Mm(12.0),
                    align: planner_pdf::Align::Right,
                },
                Column::weighted(w.t("Họ tên", "Name"), 1.4),
                Column::weighted(w.t("Vai trò", "Role"), 1.0),
                Column::weighted(w.t("Đơn vị", "Organisation"), 1.6),
            ],
            rows: plan
                .members
                .iter()
                .enumerate()
                .map(|(n, m)| {
                    vec![
                        (n + 1).to_string(),
                        m.name.clone(),
                        w.label(m.role.label()),
                        m.organization.clone().unwrap_or_default(),
                    ]
                })
                .collect(),
            header: true,
            style: TableStyle::Zebra,
        }));
    }

    out.push(Block::Note(w.t(
        "Giờ địa phương được ghi kèm múi giờ của từng hoạt động (chuyến đi ghi giờ đi và giờ \
         đến theo múi giờ của nơi đi, nơi đến); cột “Giờ Hà Nội” quy đổi sang giờ Hà Nội (UTC+7). \
         “Cả đoàn”: toàn bộ thành viên tham dự.",
        "Local times carry the zone of each item (travel legs show departure and arrival in \
         their own zones); the “Hanoi time” column converts them to Hanoi time (UTC+7). \
         “Whole delegation”: every member attends.",
    )));
    let at = generated_at.with_timezone(&HANOI).naive_local();
    out.push(Block::Paragraph(Paragraph::new(vec![Span::italic(
        format!(
            "{} {} {}",
            w.t("Tạo lúc", "Generated at"),
            at.format("%d/%m/%Y %H:%M"),
            match w.0 {
                BriefLanguage::Vi => "(giờ Hà Nội)".to_owned(),
                BriefLanguage::En => "(Hanoi time)".to_owned(),
                BriefLanguage::Bi => "(giờ Hà Nội / Hanoi time)".to_owned(),
            }
        ),
    )])));
}

/// The delegation's counsellor first, then those of the printed items, by id.
fn involved_counsellors<'a>(
    plan: &'a Plan,
    items: &[&Record<ItineraryItem>],
) -> Vec<&'a PlanCounsellor> {
    let lead = plan.delegation.data.counsellor_id;
    let mut ids: Vec<i64> = items
        .iter()
        .filter_map(|i| i.data.counsellor_id)
        .filter(|id| Some(*id) != lead)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    lead.into_iter()
        .chain(ids)
        .filter_map(|id| plan.counsellors.get(&id))
        .collect()
}

/// "JST (UTC+9), 2 hours ahead of Hanoi" at the delegation's start.
fn zone_line(plan: &Plan, w: Words) -> Option<String> {
    let d = &plan.delegation.data;
    let tz: Tz = d.time_zone.parse().ok()?;
    let at = d
        .start_date
        .and_then(|s| s.and_hms_opt(12, 0, 0))
        .map(|n| n.and_utc())
        .or(plan.items.first().map(|i| i.data.starts_at))
        .unwrap_or(DateTime::<Utc>::UNIX_EPOCH);
    let offset = |z: Tz| {
        use chrono::Offset;
        at.with_timezone(&z).offset().fix().local_minus_utc() / 60
    };
    let here = offset(tz);
    let diff = here - offset(HANOI);
    let abbr = zone_label(at, &d.time_zone);
    let utc = utc_offset(here);
    let mut s = if abbr == utc {
        abbr
    } else {
        format!("{abbr} ({utc})")
    };
    let (h, m) = (diff.abs() / 60, diff.abs() % 60);
    let span_vi = match (h, m) {
        (h, 0) => format!("{h} giờ"),
        (0, m) => format!("{m} phút"),
        (h, m) => format!("{h} giờ {m} phút"),
    };
    let span_en = match (h, m) {
        (1, 0) => "1 hour".to_owned(),
        (h, 0) => format!("{h} hours"),
        (0, m) => format!("{m} minutes"),
        (h, m) => format!("{h} h {m} min"),
    };
    s.push_str(", ");
    s.push_str(&match diff.signum() {
        0 => w.t("cùng giờ Hà Nội", "same as Hanoi"),
        1 => w.t(
            &format!("nhanh hơn giờ Hà Nội {span_vi}"),
            &format!("{span_en} ahead of Hanoi"),
        ),
        _ => w.t(
            &format!("chậm hơn giờ Hà Nội {span_vi}"),
            &format!("{span_en} behind Hanoi"),
        ),
    });
    Some(s)
}

/// "UTC+9", "UTC+5:30", "UTC−3".
fn utc_offset(minutes: i32) -> String {
    let sign = if minutes < 0 { '-' } else { '+' };
    let (h, m) = (minutes.abs() / 60, minutes.abs() % 60);
    if m == 0 {
        format!("UTC{sign}{h}")
    } else {
        format!("UTC{sign}{h}:{m:02}")
    }
}

/// The zone's abbreviation at `instant`, or "UTC+7" where it only has a numeric one.
fn zone_label(instant: DateTime<Utc>, zone: &str) -> String {
    let abbr = zone_abbreviation(instant, zone);
    if abbr.starts_with(['+', '-']) {
        let tz: Tz = zone.parse().unwrap_or(HANOI);
        use chrono::Offset;
        utc_offset(instant.with_timezone(&tz).offset().fix().local_minus_utc() / 60)
    } else {
        abbr
    }
}

/// Items grouped by the local date of their start (in their own zone), in order.
fn by_day<'a>(
    items: &[&'a Record<ItineraryItem>],
) -> Vec<(NaiveDate, Vec<&'a Record<ItineraryItem>>)> {
    let mut days: Vec<(NaiveDate, Vec<&Record<ItineraryItem>>)> = Vec::new();
    for item in items {
        let day = local(item.data.starts_at, &item.data.time_zone).date();
        match days.iter_mut().find(|(d, _)| *d == day) {
            Some((_, list)) => list.push(item),
            None => days.push((day, vec![item])),
        }
    }
    days.sort_by_key(|(d, _)| *d);
    for (_, list) in &mut days {
        list.sort_by_key(|i| (i.data.starts_at, i.meta.id));
    }
    days
}

fn weekday(d: Weekday) -> (&'static str, &'static str) {
    match d {
        Weekday::Mon => ("Thứ Hai", "Monday"),
        Weekday::Tue => ("Thứ Ba", "Tuesday"),
        Weekday::Wed => ("Thứ Tư", "Wednesday"),
        Weekday::Thu => ("Thứ Năm", "Thursday"),
        Weekday::Fri => ("Thứ Sáu", "Friday"),
        Weekday::Sat => ("Thứ Bảy", "Saturday"),
        Weekday::Sun => ("Chủ Nhật", "Sunday"),
    }
}

/// "Ngày 1 — Thứ Hai, 08/03/2027" / "Day 1 — Monday, 08/03/2027"; the day number is left out
/// for a day before the delegation's start.
fn day_heading(day: NaiveDate, first: Option<NaiveDate>, w: Words) -> String {
    let n = first.map(|f| (day - f).num_days() + 1).filter(|n| *n >= 1);
    let (wd_vi, wd_en) = weekday(day.weekday());
    let vi = match n {
        Some(n) => format!("Ngày {n} — {wd_vi}"),
        None => wd_vi.to_owned(),
    };
    let en = match n {
        Some(n) => format!("Day {n} — {wd_en}"),
        None => wd_en.to_owned(),
    };
    format!("{}, {}", w.t(&vi, &en), date(day))
}

/// A second line with the dates of a time range that leaves the day printed: "\n(09/03)" when
/// it lies on another date, "\n(08/03–09/03)" when it runs past midnight; nothing otherwise.
fn dates_line(start: NaiveDateTime, end: NaiveDateTime, day: NaiveDate) -> String {
    let (s, e) = (start.date(), end.date());
    if s == day && e == day {
        String::new()
    } else if s == e {
        format!("\n({})", s.format("%d/%m"))
    } else {
        format!("\n({}–{})", s.format("%d/%m"), e.format("%d/%m"))
    }
}

fn day_table(plan: &Plan, day: NaiveDate, items: &[&Record<ItineraryItem>], w: Words) -> Table {
    let whole = w.stacked(WHOLE_DELEGATION.vi, WHOLE_DELEGATION.en);
    let (dep, arr) = match w.0 {
        BriefLanguage::Vi => ("Đi", "Đến"),
        BriefLanguage::En => ("Dep.", "Arr."),
        BriefLanguage::Bi => ("Đi/Dep.", "Đến/Arr."),
    };
    let rows = items
        .iter()
        .map(|r| {
            let i = &r.data;
            let end_zone = i.end_time_zone.as_deref().unwrap_or(&i.time_zone);
            let start = local(i.starts_at, &i.time_zone);
            let end = local(i.ends_at, end_zone);
            let start_abbr = zone_label(i.starts_at, &i.time_zone);
            let end_abbr = zone_label(i.ends_at, end_zone);
            let local_time = if is_travel(i.kind) || start_abbr != end_abbr {
                let arrival_date = if end.date() == day {
                    String::new()
                } else {
                    format!("\n({})", end.format("%d/%m"))
                };
                format!(
                    "{dep} {} {start_abbr}\n{arr} {} {end_abbr}{arrival_date}",
                    hm(start),
                    hm(end),
                )
            } else {
                format!(
                    "{}–{} {start_abbr}{}",
                    hm(start),
                    hm(end),
                    dates_line(start, end, day)
                )
            };
            let hanoi_start = i.starts_at.with_timezone(&HANOI).naive_local();
            let hanoi_end = i.ends_at.with_timezone(&HANOI).naive_local();
            let hanoi = format!(
                "{}–{}{}",
                hm(hanoi_start),
                hm(hanoi_end),
                dates_line(hanoi_start, hanoi_end, day)
            );

            let mut what = i.title.clone();
            what.push_str("\n(");
            what.push_str(&w.label(i.kind.label()));
            what.push(')');
            let org = i.organization_id.and_then(|o| plan.organizations.get(&o));
            let contacts: Vec<&str> = i
                .contact_ids
                .iter()
                .filter_map(|c| plan.contacts.get(c).map(String::as_str))
                .collect();
            if let Some(org) = org {
                what.push('\n');
                what.push_str(&w.t("Đối tác", "Partner"));
                what.push_str(": ");
                what.push_str(org);
            }
            if !contacts.is_empty() {
                what.push('\n');
                what.push_str(&w.t("Liên hệ", "Contacts"));
                what.push_str(": ");
                what.push_str(&contacts.join(", "));
            }
            if let Some(notes) = i.notes.as_deref().filter(|n| !n.trim().is_empty()) {
                what.push('\n');
                what.push_str(&w.t("Ghi chú", "Notes"));
                what.push_str(": ");
                what.push_str(notes.trim());
            }

            let place = match (
                i.venue.as_deref().filter(|v| !v.is_empty()),
                i.address.as_deref().filter(|a| !a.is_empty()),
            ) {
                (Some(v), Some(a)) => format!("{v}\n{a}"),
                (Some(x), None) | (None, Some(x)) => x.to_owned(),
                (None, None) => String::new(),
            };
            let everyone = !plan.members.is_empty()
                && plan.members.iter().all(|m| i.attendee_ids.contains(&m.id));
            let attendees = if i.attendee_ids.is_empty() || everyone {
                whole.clone()
            } else {
                plan.attendees(i)
                    .iter()
                    .map(|m| m.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let counsellor = i
                .counsellor_id
                .and_then(|c| plan.counsellors.get(&c))
                .map(|c| match c.phone.as_deref().filter(|p| !p.is_empty()) {
                    Some(p) => format!("{}\n{p}", c.full_name),
                    None => c.full_name.clone(),
                })
                .unwrap_or_default();
            vec![local_time, hanoi, what, place, attendees, counsellor]
        })
        .collect();
    Table {
        columns: vec![
            Column {
                title: w.stacked("Giờ địa phương", "Local time"),
                width: ColumnWidth::Mm(30.0),
                align: planner_pdf::Align::Left,
            },
            Column {
                title: w.stacked("Giờ Hà Nội", "Hanoi time"),
                width: ColumnWidth::Mm(21.0),
                align: planner_pdf::Align::Left,
            },
            Column::weighted(w.stacked("Nội dung", "Item"), 1.5),
            Column::weighted(w.stacked("Địa điểm", "Venue"), 1.0),
            Column::weighted(w.stacked("Thành phần", "Attendees"), 0.9),
            // Wide enough for a phone number on one line.
            Column {
                title: w.stacked("Tham tán phụ trách", "Counsellor in charge"),
                width: ColumnWidth::Mm(28.0),
                align: planner_pdf::Align::Left,
            },
        ],
        rows,
        header: true,
        style: TableStyle::Zebra,
    }
}

/// Vietnamese and English names of the destination countries officers deal with most.
fn country(code: &str) -> Option<Bilingual<&'static str>> {
    let (vi, en) = match code.to_ascii_uppercase().as_str() {
        "VN" => ("Việt Nam", "Vietnam"),
        "JP" => ("Nhật Bản", "Japan"),
        "KR" => ("Hàn Quốc", "South Korea"),
        "CN" => ("Trung Quốc", "China"),
        "TW" => ("Đài Loan (Trung Quốc)", "Taiwan"),
        "HK" => ("Hồng Kông (Trung Quốc)", "Hong Kong"),
        "SG" => ("Singapore", "Singapore"),
        "TH" => ("Thái Lan", "Thailand"),
        "MY" => ("Malaysia", "Malaysia"),
        "ID" => ("Indonesia", "Indonesia"),
        "PH" => ("Philippines", "Philippines"),
        "LA" => ("Lào", "Laos"),
        "KH" => ("Campuchia", "Cambodia"),
        "IN" => ("Ấn Độ", "India"),
        "AU" => ("Úc", "Australia"),
        "NZ" => ("New Zealand", "New Zealand"),
        "US" => ("Hoa Kỳ", "United States"),
        "CA" => ("Canada", "Canada"),
        "GB" => ("Vương quốc Anh", "United Kingdom"),
        "DE" => ("Đức", "Germany"),
        "FR" => ("Pháp", "France"),
        "IT" => ("Italia", "Italy"),
        "ES" => ("Tây Ban Nha", "Spain"),
        "NL" => ("Hà Lan", "Netherlands"),
        "BE" => ("Bỉ", "Belgium"),
        "CH" => ("Thụy Sĩ", "Switzerland"),
        "SE" => ("Thụy Điển", "Sweden"),
        "DK" => ("Đan Mạch", "Denmark"),
        "FI" => ("Phần Lan", "Finland"),
        "NO" => ("Na Uy", "Norway"),
        "RU" => ("Liên bang Nga", "Russia"),
        "IL" => ("Israel", "Israel"),
        "AE" => (
            "Các Tiểu vương quốc Ả Rập Thống nhất",
            "United Arab Emirates",
        ),
        "SA" => ("Ả Rập Xê Út", "Saudi Arabia"),
        _ => return None,
    };
    Some(Bilingual { vi, en })
}
