//! Delegation itineraries: the plan read in one go, local-time entry, the day-by-day view with
//! conflicts, the approval workflow, calendar (.ics) export and the printed itinerary (PDF).
//!
//! Instants are stored in UTC with the IANA zone they were entered in; everything a person reads
//! is shown in that local time and in Hanoi time side by side.

pub mod clock_change;
pub mod conflicts;
pub mod entry;
pub mod ics;
pub mod quick;
pub mod sample;
pub mod to_pdf;
pub mod workflow;

pub use clock_change::clock_note;
pub use conflicts::{check, CheckOptions, Conflict, ConflictKind, Severity};
pub use entry::{duplicate_item, move_item, save_entry, ItemEntry};
pub use quick::{parse_quick, quick_add, QuickAddRequest, QuickAdded};
pub use workflow::{allowed_next, transition, Transition};

use crate::domain::{Delegation, ItineraryItem, ItineraryKind, MemberRole, VisaStatus};
use crate::error::Result;
use crate::labels::Bilingual;
use crate::store::{Record, Store};
use crate::time::HANOI;
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// A delegation member with the name and phone to print (from the contact book or the staff name).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PlanMember {
    pub id: i64,
    pub uuid: String,
    pub name: String,
    pub role: MemberRole,
    pub contact_id: Option<i64>,
    /// The member's organisation (from the contact book), when known.
    pub organization: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub passport_number: Option<String>,
    pub passport_expiry: Option<NaiveDate>,
    pub visa_status: VisaStatus,
    pub dietary_notes: Option<String>,
    pub protocol_notes: Option<String>,
}

/// A trade counsellor named by the delegation or one of its items, with their office.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PlanCounsellor {
    pub id: i64,
    pub full_name: String,
    pub title: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub office_name_vi: String,
    pub office_name_en: Option<String>,
    pub office_city: String,
    pub office_time_zone: String,
}

/// Everything needed to check, export or print one delegation's itinerary, read in one go.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    pub delegation: Record<Delegation>,
    /// Members, head first, then by role and name.
    pub members: Vec<PlanMember>,
    /// Items by start instant.
    pub items: Vec<Record<ItineraryItem>>,
    /// The delegation's counsellor and every counsellor of an item, by id.
    pub counsellors: BTreeMap<i64, PlanCounsellor>,
    /// Names of the organisations items link to, by id.
    pub organizations: BTreeMap<i64, String>,
    /// Names of the contacts items link to, by id.
    pub contacts: BTreeMap<i64, String>,
}

impl Plan {
    /// Reads delegation `id` with its members, items and the names they point at.
    pub fn load(store: &Store, id: i64) -> Result<Plan> {
        store.plan(id)
    }

    /// The member with this id.
    pub fn member(&self, id: i64) -> Option<&PlanMember> {
        self.members.iter().find(|m| m.id == id)
    }

    /// The head of delegation, if one is named.
    pub fn head(&self) -> Option<&PlanMember> {
        self.members.iter().find(|m| m.role == MemberRole::Head)
    }

    /// The members attending `item`: its attendees, or every member when none is named.
    pub fn attendees<'a>(&'a self, item: &'a ItineraryItem) -> Vec<&'a PlanMember> {
        if item.attendee_ids.is_empty() {
            self.members.iter().collect()
        } else {
            item.attendee_ids
                .iter()
                .filter_map(|id| self.member(*id))
                .collect()
        }
    }

    /// The items `member` attends (all items when `member` is None), in order.
    pub fn items_for(&self, member: Option<i64>) -> Vec<&Record<ItineraryItem>> {
        self.items
            .iter()
            .filter(|i| match member {
                None => true,
                Some(m) => i.data.attendee_ids.is_empty() || i.data.attendee_ids.contains(&m),
            })
            .collect()
    }
}

/// The local date-time of `instant` in `zone` (Hanoi when the zone is unknown).
pub fn local(instant: DateTime<Utc>, zone: &str) -> NaiveDateTime {
    let tz: Tz = zone.parse().unwrap_or(HANOI);
    instant.with_timezone(&tz).naive_local()
}

/// The zone's abbreviation at `instant` (e.g. JST, CET, CEST; "+07" where the zone has none).
pub fn zone_abbreviation(instant: DateTime<Utc>, zone: &str) -> String {
    let tz: Tz = zone.parse().unwrap_or(HANOI);
    instant.with_timezone(&tz).format("%Z").to_string()
}

/// One item as the itinerary view shows it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ItemView {
    pub item: ItemRecord,
    /// Start and end in the item's own zones (a travel leg ends in its arrival zone).
    pub local_start: NaiveDateTime,
    pub local_end: NaiveDateTime,
    pub start_zone_abbr: String,
    pub end_zone_abbr: String,
    pub hanoi_start: NaiveDateTime,
    pub hanoi_end: NaiveDateTime,
    pub duration_minutes: i64,
    /// Names of the attending members ("the whole delegation" is an empty list).
    pub attendees: Vec<String>,
    pub organization: Option<String>,
    pub counsellor: Option<String>,
    pub contacts: Vec<String>,
    /// Conflicts this item takes part in (indexes into `ItineraryView::conflicts`).
    pub conflicts: Vec<usize>,
    /// The worst severity among them.
    pub severity: Option<Severity>,
    /// What a clock change did to the times typed, when one did (`clock_note`).
    pub clock_note: Option<Bilingual>,
}

/// A stored itinerary item as it crosses the IPC boundary.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ItemRecord {
    pub id: i64,
    pub uuid: String,
    #[serde(flatten)]
    pub data: ItineraryItem,
}

/// The items of one local day.
#[derive(Debug, Clone, Serialize, TS)]
pub struct DayView {
    pub date: NaiveDate,
    /// Day number within the delegation (1 = its start date), when it has dates.
    pub day_number: Option<i64>,
    pub items: Vec<ItemView>,
}

/// A warning about a member (passport, visa).
#[derive(Debug, Clone, Serialize, TS)]
pub struct MemberWarning {
    pub member_id: i64,
    pub code: String,
    pub message_vi: String,
    pub message_en: String,
}

/// The itinerary screen: the programme grouped by local day, with conflicts and member warnings.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ItineraryView {
    pub delegation_id: i64,
    pub members: Vec<PlanMember>,
    pub counsellors: Vec<PlanCounsellor>,
    pub days: Vec<DayView>,
    pub conflicts: Vec<Conflict>,
    pub warnings: Vec<MemberWarning>,
}

/// The itinerary view of delegation `id`.
pub fn view(store: &Store, id: i64) -> Result<ItineraryView> {
    let plan = store.plan(id)?;
    let options = CheckOptions::from_settings(&store.settings()?);
    Ok(view_of(&plan, &options))
}

/// Builds the view of a loaded plan.
pub fn view_of(plan: &Plan, options: &CheckOptions) -> ItineraryView {
    let conflicts = check(plan, options);
    let mut by_item: BTreeMap<i64, Vec<usize>> = BTreeMap::new();
    for (n, c) in conflicts.iter().enumerate() {
        for id in &c.item_ids {
            by_item.entry(*id).or_default().push(n);
        }
    }
    let start = plan.delegation.data.start_date;
    let mut days: Vec<DayView> = Vec::new();
    for r in &plan.items {
        let i = &r.data;
        let end_zone = i.end_time_zone.as_deref().unwrap_or(&i.time_zone);
        let local_start = local(i.starts_at, &i.time_zone);
        let date = local_start.date();
        let conflict_ids = by_item.remove(&r.meta.id).unwrap_or_default();
        let severity = conflict_ids
            .iter()
            .map(|n| conflicts[*n].severity)
            .max_by_key(|s| matches!(s, Severity::Hard));
        let view = ItemView {
            item: ItemRecord {
                id: r.meta.id,
                uuid: r.meta.uuid.clone(),
                data: i.clone(),
            },
            local_start,
            local_end: local(i.ends_at, end_zone),
            start_zone_abbr: zone_abbreviation(i.starts_at, &i.time_zone),
            end_zone_abbr: zone_abbreviation(i.ends_at, end_zone),
            hanoi_start: i.starts_at.with_timezone(&HANOI).naive_local(),
            hanoi_end: i.ends_at.with_timezone(&HANOI).naive_local(),
            duration_minutes: (i.ends_at - i.starts_at).num_minutes(),
            attendees: if i.attendee_ids.is_empty() {
                Vec::new()
            } else {
                plan.attendees(i).iter().map(|m| m.name.clone()).collect()
            },
            organization: i
                .organization_id
                .and_then(|o| plan.organizations.get(&o).cloned()),
            counsellor: i
                .counsellor_id
                .and_then(|c| plan.counsellors.get(&c).map(|c| c.full_name.clone())),
            contacts: i
                .contact_ids
                .iter()
                .filter_map(|c| plan.contacts.get(c).cloned())
                .collect(),
            conflicts: conflict_ids,
            severity,
            clock_note: clock_note(i),
        };
        match days.iter_mut().find(|d| d.date == date) {
            Some(d) => d.items.push(view),
            None => days.push(DayView {
                date,
                day_number: start.map(|s| (date - s).num_days() + 1),
                items: vec![view],
            }),
        }
    }
    days.sort_by_key(|d| d.date);
    for d in &mut days {
        d.items.sort_by_key(|v| (v.item.data.starts_at, v.item.id));
    }
    ItineraryView {
        delegation_id: plan.delegation.meta.id,
        members: plan.members.clone(),
        counsellors: plan.counsellors.values().cloned().collect(),
        days,
        conflicts,
        warnings: member_warnings(plan),
    }
}

/// Passport and visa warnings: a passport that expires within six months of the return date
/// (or is already expired), a refused visa.
pub fn member_warnings(plan: &Plan) -> Vec<MemberWarning> {
    let d = &plan.delegation.data;
    let back = d.end_date.or(d.start_date);
    let mut out = Vec::new();
    for m in &plan.members {
        if let (Some(exp), Some(back)) = (m.passport_expiry, back) {
            let limit = back
                .checked_add_months(chrono::Months::new(6))
                .unwrap_or(back);
            if exp < limit {
                let (vi, en) = if exp < back {
                    (
                        format!(
                            "Hộ chiếu của {} hết hạn ngày {} — trước ngày về {}",
                            m.name,
                            exp.format("%d/%m/%Y"),
                            back.format("%d/%m/%Y")
                        ),
                        format!(
                            "{}'s passport expires on {} — before the return on {}",
                            m.name,
                            exp.format("%d/%m/%Y"),
                            back.format("%d/%m/%Y")
                        ),
                    )
                } else {
                    (
                        format!(
                            "Hộ chiếu của {} hết hạn ngày {}, chưa đủ 6 tháng sau ngày về {}",
                            m.name,
                            exp.format("%d/%m/%Y"),
                            back.format("%d/%m/%Y")
                        ),
                        format!(
                            "{}'s passport expires on {}, less than 6 months after the return on {}",
                            m.name,
                            exp.format("%d/%m/%Y"),
                            back.format("%d/%m/%Y")
                        ),
                    )
                };
                out.push(MemberWarning {
                    member_id: m.id,
                    code: "passport_expiry".into(),
                    message_vi: vi,
                    message_en: en,
                });
            }
        }
        if m.visa_status == VisaStatus::Refused {
            out.push(MemberWarning {
                member_id: m.id,
                code: "visa_refused".into(),
                message_vi: format!("Thị thực của {} bị từ chối", m.name),
                message_en: format!("{}'s visa was refused", m.name),
            });
        }
    }
    out
}

/// True for kinds that move people between places (no venue clash, no night warning).
pub(crate) fn is_travel(kind: ItineraryKind) -> bool {
    kind == ItineraryKind::Travel
}

/// A status the delegation could move to next, and why it cannot yet (empty when it can).
#[derive(Debug, Clone, Serialize, TS)]
pub struct NextStep {
    pub to: crate::domain::DelegationStatus,
    pub refusals: Vec<crate::validate::FieldError>,
}

/// The workflow moves open to delegation `id` now, each with the reasons it would be refused
/// (the approver's name is asked for when approving, so its absence is not a reason here).
pub fn next_steps(store: &Store, id: i64, now: DateTime<Utc>) -> Result<Vec<NextStep>> {
    let plan = store.plan(id)?;
    let options = CheckOptions::from_settings(&store.settings()?);
    Ok(allowed_next(plan.delegation.data.status)
        .iter()
        .map(|to| NextStep {
            to: *to,
            refusals: workflow::refusals(
                &plan,
                &Transition {
                    to: *to,
                    by: Some("-".into()),
                },
                &options,
                now,
            ),
        })
        .collect())
}

use crate::files::{write_atomically, ExportedFile};

fn check_member(plan: &Plan, member: Option<i64>) -> Result<()> {
    match member {
        Some(m) if plan.member(m).is_none() => Err(crate::error::invalid(
            "member_id",
            "not_a_member",
            format!("Thành viên {m} không thuộc đoàn này"),
            format!("Member {m} is not on this delegation"),
        )),
        _ => Ok(()),
    }
}

/// Writes the delegation's (or one member's) calendar to `path`.
pub fn export_ics(
    store: &Store,
    id: i64,
    member: Option<i64>,
    path: &std::path::Path,
    now: DateTime<Utc>,
) -> Result<ExportedFile> {
    let plan = store.plan(id)?;
    check_member(&plan, member)?;
    write_atomically(path, ics::calendar(&plan, member, now).as_bytes())
}

/// Writes the printed itinerary to `path`.
pub fn export_pdf(
    store: &Store,
    id: i64,
    options: &to_pdf::PrintOptions,
    path: &std::path::Path,
    now: DateTime<Utc>,
) -> Result<ExportedFile> {
    let plan = store.plan(id)?;
    check_member(&plan, options.member_id)?;
    write_atomically(path, &to_pdf::itinerary_pdf(&plan, options, now)?)
}

/// Writes the calendar to `chosen` (checked by `files::output_path`), or when none was chosen,
/// to the store's `calendars/` folder under `ics_file_name`.
pub fn export_ics_to(
    store: &Store,
    id: i64,
    member: Option<i64>,
    chosen: Option<std::path::PathBuf>,
    now: DateTime<Utc>,
) -> Result<ExportedFile> {
    let path = crate::files::output_or_default(store, chosen, &["ics"], "calendars", || {
        Ok(ics_file_name(&store.plan(id)?, member))
    })?;
    export_ics(store, id, member, &path, now)
}

/// Prints the itinerary to `chosen` (checked by `files::output_path`), or when none was chosen,
/// to the store's `itineraries/` folder under `to_pdf::default_file_name`.
pub fn export_pdf_to(
    store: &Store,
    id: i64,
    options: &to_pdf::PrintOptions,
    chosen: Option<std::path::PathBuf>,
    now: DateTime<Utc>,
) -> Result<ExportedFile> {
    let path = crate::files::output_or_default(store, chosen, &["pdf"], "itineraries", || {
        Ok(to_pdf::default_file_name(&store.plan(id)?, options))
    })?;
    export_pdf(store, id, options, &path, now)
}

/// The local-time form of a stored item, as the item form edits it.
pub fn entry_of(store: &Store, item_id: i64) -> Result<ItemEntry> {
    Ok(ItemEntry::of(&store.get::<ItineraryItem>(item_id)?.data))
}

/// A file name for the delegation's (or a member's) calendar (`file_names::safe_file_name`).
pub fn ics_file_name(plan: &Plan, member: Option<i64>) -> String {
    let mut stem = format!("lich-{}", slug(&plan.delegation.data.title));
    if let Some(m) = member.and_then(|m| plan.member(m)) {
        stem.push('-');
        stem.push_str(&slug(&m.name));
    }
    crate::file_names::safe_file_name(&stem, "ics")
}

/// Lower-case ASCII words joined by '-', at most 60 characters (`file_names::slug`).
pub fn slug(s: &str) -> String {
    crate::file_names::slug(s, 60)
}
