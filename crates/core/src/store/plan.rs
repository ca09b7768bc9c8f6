//! Reading a delegation's whole plan in one go, and counsellors' loads.

use super::{Filter, ListQuery, Store};
use crate::domain::{Delegation, DelegationStatus, ItineraryItem, Member, MemberRole};
use crate::error::Result;
use crate::itinerary::{Plan, PlanCounsellor, PlanMember};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// A delegation a counsellor arranges.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LoadDelegation {
    pub id: i64,
    pub title: String,
    pub status: DelegationStatus,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
}

/// A meeting (itinerary item) a counsellor arranges.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LoadMeeting {
    pub item_id: i64,
    pub delegation_id: i64,
    pub delegation_title: String,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub time_zone: String,
}

/// What a counsellor arranges: delegations (as their counsellor) and meetings, upcoming first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CounsellorLoad {
    pub counsellor_id: i64,
    pub delegations: Vec<LoadDelegation>,
    pub meetings: Vec<LoadMeeting>,
    /// Delegations not yet completed, reported or cancelled.
    pub active_delegations: i64,
    /// Meetings from now on.
    pub upcoming_meetings: i64,
}

fn first_labelled(json: Option<String>) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(&json?).ok()?;
    v.as_array()?
        .first()?
        .get("value")?
        .as_str()
        .map(str::to_owned)
}

/// The order members are listed in: the head first, then members, counsellors, liaison,
/// interpreters and security.
pub(super) fn role_rank(r: MemberRole) -> u8 {
    match r {
        MemberRole::Head => 0,
        MemberRole::Member => 1,
        MemberRole::Counsellor => 2,
        MemberRole::Liaison => 3,
        MemberRole::Interpreter => 4,
        MemberRole::Security => 5,
    }
}

impl Store {
    /// Delegation `id` with its members, items and the names they point at.
    pub fn plan(&self, id: i64) -> Result<Plan> {
        let delegation = self.get::<Delegation>(id)?;
        let by_delegation = |sort: &str| ListQuery {
            filters: vec![Filter {
                field: "delegation_id".into(),
                value: id.to_string(),
                op: None,
            }],
            sort: Some(sort.into()),
            ..ListQuery::default()
        };
        let members = self.list::<Member>(&by_delegation("id"))?.items;
        let mut items = self
            .list::<ItineraryItem>(&by_delegation("starts_at"))?
            .items;
        items.sort_by_key(|r| (r.data.starts_at, r.meta.id));

        let conn = self.conn();
        let mut contact = conn.prepare_cached(
            "SELECT c.full_name, c.phones, c.emails, o.name_vi
             FROM contacts c LEFT JOIN organizations o ON o.id = c.organization_id
             WHERE c.id = ?1",
        )?;
        let mut plan_members = Vec::with_capacity(members.len());
        for m in members {
            let (name, phone, email, organization) = match m.data.contact_id {
                Some(c) => contact
                    .query_row([c], |r| {
                        Ok((
                            r.get::<_, String>(0)?,
                            first_labelled(r.get(1)?),
                            first_labelled(r.get(2)?),
                            r.get::<_, Option<String>>(3)?,
                        ))
                    })
                    .optional()?
                    .unwrap_or_default(),
                None => (
                    m.data.staff_name.clone().unwrap_or_default(),
                    None,
                    None,
                    None,
                ),
            };
            plan_members.push(PlanMember {
                id: m.meta.id,
                uuid: m.meta.uuid,
                name,
                role: m.data.role,
                contact_id: m.data.contact_id,
                organization,
                phone,
                email,
                passport_number: m.data.passport_number,
                passport_expiry: m.data.passport_expiry,
                visa_status: m.data.visa_status,
                dietary_notes: m.data.dietary_notes,
                protocol_notes: m.data.protocol_notes,
            });
        }
        plan_members.sort_by(|a, b| {
            role_rank(a.role)
                .cmp(&role_rank(b.role))
                .then_with(|| a.id.cmp(&b.id))
        });

        let mut counsellor = conn.prepare_cached(
            "SELECT c.full_name, c.title, c.phone, c.email, o.name_vi, o.name_en, o.city, o.time_zone
             FROM counsellors c JOIN trade_offices o ON o.id = c.office_id WHERE c.id = ?1",
        )?;
        let mut counsellors = BTreeMap::new();
        let wanted = delegation
            .data
            .counsellor_id
            .into_iter()
            .chain(items.iter().filter_map(|i| i.data.counsellor_id));
        for c in wanted {
            if counsellors.contains_key(&c) {
                continue;
            }
            if let Some(pc) = counsellor
                .query_row([c], |r| {
                    Ok(PlanCounsellor {
                        id: c,
                        full_name: r.get(0)?,
                        title: r.get(1)?,
                        phone: r.get(2)?,
                        email: r.get(3)?,
                        office_name_vi: r.get(4)?,
                        office_name_en: r.get(5)?,
                        office_city: r.get(6)?,
                        office_time_zone: r.get(7)?,
                    })
                })
                .optional()?
            {
                counsellors.insert(c, pc);
            }
        }

        let mut organizations = BTreeMap::new();
        let mut org = conn.prepare_cached("SELECT name_vi FROM organizations WHERE id = ?1")?;
        for o in items.iter().filter_map(|i| i.data.organization_id) {
            if let std::collections::btree_map::Entry::Vacant(e) = organizations.entry(o) {
                if let Some(n) = org.query_row([o], |r| r.get::<_, String>(0)).optional()? {
                    e.insert(n);
                }
            }
        }
        let mut contacts = BTreeMap::new();
        let mut person = conn.prepare_cached("SELECT full_name FROM contacts WHERE id = ?1")?;
        for c in items
            .iter()
            .flat_map(|i| i.data.contact_ids.iter().copied())
        {
            if let std::collections::btree_map::Entry::Vacant(e) = contacts.entry(c) {
                if let Some(n) = person
                    .query_row([c], |r| r.get::<_, String>(0))
                    .optional()?
                {
                    e.insert(n);
                }
            }
        }
        Ok(Plan {
            delegation,
            members: plan_members,
            items,
            counsellors,
            organizations,
            contacts,
        })
    }

    /// The delegations and meetings counsellor `id` arranges.
    pub fn counsellor_load(&self, id: i64, now: DateTime<Utc>) -> Result<CounsellorLoad> {
        self.get::<crate::domain::Counsellor>(id)?;
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(
            "SELECT id, title, status, start_date, end_date FROM delegations
             WHERE counsellor_id = ?1 ORDER BY start_date DESC, id DESC",
        )?;
        let delegations = stmt
            .query_map([id], |r| {
                let status: String = r.get(2)?;
                Ok(LoadDelegation {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    status: serde_json::from_value(status.into()).unwrap_or_default(),
                    start_date: r.get::<_, Option<String>>(3)?.and_then(|s| s.parse().ok()),
                    end_date: r.get::<_, Option<String>>(4)?.and_then(|s| s.parse().ok()),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut stmt = conn.prepare_cached(
            "SELECT i.id, i.delegation_id, d.title, i.title, i.starts_at, i.time_zone
             FROM itinerary_items i JOIN delegations d ON d.id = i.delegation_id
             WHERE i.counsellor_id = ?1 ORDER BY i.starts_at",
        )?;
        let meetings = stmt
            .query_map([id], |r| {
                Ok(LoadMeeting {
                    item_id: r.get(0)?,
                    delegation_id: r.get(1)?,
                    delegation_title: r.get(2)?,
                    title: r.get(3)?,
                    starts_at: r.get::<_, String>(4)?.parse().unwrap_or_default(),
                    time_zone: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let active_delegations = delegations
            .iter()
            .filter(|d| {
                !matches!(
                    d.status,
                    DelegationStatus::Completed
                        | DelegationStatus::Reported
                        | DelegationStatus::Cancelled
                )
            })
            .count() as i64;
        let upcoming_meetings = meetings.iter().filter(|m| m.starts_at >= now).count() as i64;
        Ok(CounsellorLoad {
            counsellor_id: id,
            delegations,
            meetings,
            active_delegations,
            upcoming_meetings,
        })
    }
}
