//! What an organisation's or a person's page shows linked to them: the delegations they take
//! part in, the meetings (itinerary items) with them, and the briefs written for them or for
//! those delegations. Each list is capped at `LINKED_LIMIT`, with its total.

use super::db::{Db, Row};
use super::plan::role_rank;
use super::Store;
use crate::domain::{
    AudienceKind, BriefLanguage, DelegationStatus, EntityKind, ItineraryKind, MemberRole,
};
use crate::error::{invalid, CoreError, Result};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::OptionalExtension;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// At most this many delegations, meetings and briefs are listed (the totals count them all).
pub const LINKED_LIMIT: i64 = 200;

/// Why a delegation is linked to an organisation or a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LinkReason {
    /// The person (or one of the organisation's people) is a member of the delegation.
    Member,
    /// One of its meetings is with the organisation or attended by its people (or by the person).
    Meeting,
}

/// A delegation linked to an organisation or a person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LinkedDelegation {
    pub id: i64,
    pub title: String,
    pub status: DelegationStatus,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    /// ISO 3166-1 alpha-2.
    pub destination_country: String,
    pub destination_city: Option<String>,
    /// Member before meeting; at least one.
    pub reasons: Vec<LinkReason>,
    /// The roles the person (or the organisation's people) hold in it, in role order.
    pub roles: Vec<MemberRole>,
}

/// A meeting (itinerary item) with an organisation or attended by its people, or attended by a
/// person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LinkedMeeting {
    pub item_id: i64,
    pub delegation_id: i64,
    pub delegation_title: String,
    pub title: String,
    pub kind: ItineraryKind,
    pub starts_at: DateTime<Utc>,
    /// The IANA zone the item was entered in (its local time is shown in it).
    pub time_zone: String,
    pub venue: Option<String>,
}

/// A brief written for an organisation, or for a delegation linked to it or to a person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LinkedBrief {
    pub id: i64,
    pub title: String,
    pub language: BriefLanguage,
    pub audience_kind: AudienceKind,
    /// The delegation it was written for (with a delegation audience).
    pub delegation_id: Option<i64>,
    pub delegation_title: Option<String>,
    /// True when it was written for a linked delegation rather than for the record itself.
    pub via_delegation: bool,
    pub version: i64,
    pub file_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// Everything linked to one organisation or person, newest first, each list with its total.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Linked {
    pub kind: EntityKind,
    pub id: i64,
    pub delegations: Vec<LinkedDelegation>,
    pub delegations_total: i64,
    pub meetings: Vec<LinkedMeeting>,
    pub meetings_total: i64,
    pub briefs: Vec<LinkedBrief>,
    pub briefs_total: i64,
}

/// The parts of the queries that differ between organisations and people; `?1` is the
/// record's id, `?2` the limit.
struct Queries {
    /// `links(delegation_id, reason, role)`: one row per membership ('member', its role) and
    /// per meeting ('meeting', NULL).
    links: &'static str,
    /// The FROM and WHERE of the meetings, with the item as `i` and its delegation as `d`.
    meetings: &'static str,
    /// `found(id, via)`: the briefs' ids, `via` 1 when written for a linked delegation.
    briefs: &'static str,
}

/// An organisation's meetings: those held with it, and those its people attended.
const ORGANIZATION: Queries = Queries {
    links: "SELECT m.delegation_id, 'member', m.role
            FROM contacts c JOIN delegation_members m ON m.contact_id = c.id
            WHERE c.organization_id = ?1
            UNION ALL
            SELECT i.delegation_id, 'meeting', NULL
            FROM itinerary_items i WHERE i.organization_id = ?1
            UNION ALL
            SELECT i.delegation_id, 'meeting', NULL
            FROM contacts c JOIN itinerary_item_contacts ic ON ic.contact_id = c.id
            JOIN itinerary_items i ON i.id = ic.item_id
            WHERE c.organization_id = ?1",
    meetings: "FROM itinerary_items i JOIN delegations d ON d.id = i.delegation_id
               WHERE i.id IN (SELECT id FROM itinerary_items WHERE organization_id = ?1
                              UNION
                              SELECT ic.item_id FROM contacts c
                              JOIN itinerary_item_contacts ic ON ic.contact_id = c.id
                              WHERE c.organization_id = ?1)",
    briefs: "SELECT b.id, 0 FROM briefs b
             WHERE b.organization_id = ?1 AND b.audience_kind = 'organization'
             UNION ALL
             SELECT b.id, 1 FROM briefs b
             WHERE b.delegation_id IN (SELECT delegation_id FROM links)
               AND b.audience_kind = 'delegation'",
};

const CONTACT: Queries = Queries {
    links: "SELECT m.delegation_id, 'member', m.role
            FROM delegation_members m WHERE m.contact_id = ?1
            UNION ALL
            SELECT i.delegation_id, 'meeting', NULL
            FROM itinerary_item_contacts ic JOIN itinerary_items i ON i.id = ic.item_id
            WHERE ic.contact_id = ?1",
    meetings: "FROM itinerary_item_contacts ic JOIN itinerary_items i ON i.id = ic.item_id
               JOIN delegations d ON d.id = i.delegation_id
               WHERE ic.contact_id = ?1",
    briefs: "SELECT b.id, 1 FROM briefs b
             WHERE b.delegation_id IN (SELECT delegation_id FROM links WHERE reason = 'member')
               AND b.audience_kind = 'delegation'",
};

impl Queries {
    fn of(kind: EntityKind) -> Result<&'static Queries> {
        match kind {
            EntityKind::Organizations => Ok(&ORGANIZATION),
            EntityKind::Contacts => Ok(&CONTACT),
            other => Err(invalid(
                "kind",
                "unsupported_kind",
                format!(
                    "Chỉ tổ chức và người liên hệ có danh sách liên kết (không phải {})",
                    other.noun().vi
                ),
                format!(
                    "Only organizations and contacts have linked records (not {})",
                    other.noun().en
                ),
            )),
        }
    }

    fn delegations(&self, backend: super::db::Backend) -> String {
        format!(
            "WITH links(delegation_id, reason, role) AS ({})
             SELECT d.id, d.title, d.status, d.start_date, d.end_date, d.destination_country,
                    d.destination_city, max(CASE WHEN l.reason = 'member' THEN 1 ELSE 0 END),
                    max(CASE WHEN l.reason = 'meeting' THEN 1 ELSE 0 END), {}, count(*) OVER ()
             FROM links l JOIN delegations d ON d.id = l.delegation_id
             GROUP BY d.id ORDER BY d.start_date DESC NULLS LAST, d.id DESC LIMIT ?2",
            self.links,
            super::dialect::distinct_list(backend, "l.role")
        )
    }

    fn meetings(&self) -> String {
        format!(
            "SELECT i.id, i.delegation_id, d.title, i.title, i.kind, i.starts_at, i.time_zone,
                    i.venue, count(*) OVER ()
             {}
             ORDER BY i.starts_at DESC, i.id DESC LIMIT ?2",
            self.meetings
        )
    }

    fn briefs(&self) -> String {
        format!(
            "WITH links(delegation_id, reason, role) AS ({}),
                  found(id, via) AS ({})
             SELECT b.id, b.title, b.language, b.audience_kind, b.delegation_id, d.title, f.via,
                    b.version, b.file_name, b.created_at, count(*) OVER ()
             FROM found f JOIN briefs b ON b.id = f.id
             LEFT JOIN delegations d ON d.id = b.delegation_id
             ORDER BY b.created_at DESC, b.id DESC LIMIT ?2",
            self.links, self.briefs
        )
    }
}

/// A stored enum value (snake_case text) as its Rust type; the default when unreadable.
fn enum_of<T: DeserializeOwned + Default>(text: String) -> T {
    serde_json::from_value(text.into()).unwrap_or_default()
}

fn instant(text: String) -> DateTime<Utc> {
    text.parse().unwrap_or_default()
}

fn date(text: Option<String>) -> Option<NaiveDate> {
    text.and_then(|s| s.parse().ok())
}

fn delegation_row(r: &Row<'_>) -> rusqlite::Result<(LinkedDelegation, i64)> {
    let mut reasons = Vec::new();
    if r.get::<_, bool>(7)? {
        reasons.push(LinkReason::Member);
    }
    if r.get::<_, bool>(8)? {
        reasons.push(LinkReason::Meeting);
    }
    let mut roles: Vec<MemberRole> = r
        .get::<_, Option<String>>(9)?
        .unwrap_or_default()
        .split(',')
        .filter(|s| !s.is_empty())
        .map(|s| enum_of(s.to_owned()))
        .collect();
    roles.sort_by_key(|r| role_rank(*r));
    roles.dedup();
    Ok((
        LinkedDelegation {
            id: r.get(0)?,
            title: r.get(1)?,
            status: enum_of(r.get(2)?),
            start_date: date(r.get(3)?),
            end_date: date(r.get(4)?),
            destination_country: r.get(5)?,
            destination_city: r.get(6)?,
            reasons,
            roles,
        },
        r.get(10)?,
    ))
}

fn meeting_row(r: &Row<'_>) -> rusqlite::Result<(LinkedMeeting, i64)> {
    Ok((
        LinkedMeeting {
            item_id: r.get(0)?,
            delegation_id: r.get(1)?,
            delegation_title: r.get(2)?,
            title: r.get(3)?,
            kind: enum_of(r.get(4)?),
            starts_at: instant(r.get(5)?),
            time_zone: r.get(6)?,
            venue: r.get(7)?,
        },
        r.get(8)?,
    ))
}

fn brief_row(r: &Row<'_>) -> rusqlite::Result<(LinkedBrief, i64)> {
    Ok((
        LinkedBrief {
            id: r.get(0)?,
            title: r.get(1)?,
            language: enum_of(r.get(2)?),
            audience_kind: enum_of(r.get(3)?),
            delegation_id: r.get(4)?,
            delegation_title: r.get(5)?,
            via_delegation: r.get(6)?,
            version: r.get(7)?,
            file_name: r.get(8)?,
            created_at: instant(r.get(9)?),
        },
        r.get(10)?,
    ))
}

impl Store {
    /// The delegations, meetings and briefs linked to organisation or contact `id`, newest
    /// first, at most `LINKED_LIMIT` of each with their totals. Other kinds are refused.
    pub fn linked_to(&self, kind: EntityKind, id: i64) -> Result<Linked> {
        let queries = Queries::of(kind)?;
        let conn = self.conn();
        let found = conn
            .prepare_cached(&format!("SELECT 1 FROM {} WHERE id = ?1", kind.table()))?
            .query_row([id], |_| Ok(()))
            .optional()?;
        if found.is_none() {
            return Err(CoreError::NotFound { kind, id });
        }
        fn read<T>(
            conn: &Db,
            sql: &str,
            id: i64,
            row: fn(&Row<'_>) -> rusqlite::Result<(T, i64)>,
        ) -> Result<(Vec<T>, i64)> {
            let rows = conn
                .prepare_cached(sql)?
                .query_map([id, LINKED_LIMIT], row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let total = rows.first().map_or(0, |(_, n)| *n);
            Ok((rows.into_iter().map(|(v, _)| v).collect(), total))
        }
        let (delegations, delegations_total) = read(
            conn,
            &queries.delegations(conn.backend()),
            id,
            delegation_row,
        )?;
        let (meetings, meetings_total) = read(conn, &queries.meetings(), id, meeting_row)?;
        let (briefs, briefs_total) = read(conn, &queries.briefs(), id, brief_row)?;
        Ok(Linked {
            kind,
            id,
            delegations,
            delegations_total,
            meetings,
            meetings_total,
            briefs,
            briefs_total,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every query reads the tables through an index (only its own CTEs and subqueries are
    /// scanned): no full scan of items, briefs, members or contacts, however many there are.
    #[test]
    fn queries_use_indexes() {
        let store = Store::open_in_memory().unwrap();
        for q in [&ORGANIZATION, &CONTACT] {
            for sql in [
                q.delegations(crate::store::db::Backend::Sqlite),
                q.meetings(),
                q.briefs(),
            ] {
                let plan: Vec<String> = store
                    .conn()
                    .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
                    .unwrap()
                    .query_map([1, LINKED_LIMIT], |r| r.get::<_, String>(3))
                    .unwrap()
                    .collect::<rusqlite::Result<_>>()
                    .unwrap();
                let scans = plan.iter().filter(|s| {
                    s.starts_with("SCAN ")
                        && !matches!(s.as_str(), "SCAN l" | "SCAN links")
                        && !s.starts_with("SCAN (subquery")
                });
                assert_eq!(scans.count(), 0, "{sql}: {plan:#?}");
            }
        }
    }
}
