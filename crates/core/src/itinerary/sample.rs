//! A synthetic plan (no store) for benchmarks and tests: `days` days in Tokyo with
//! `items_per_day` items each, `members` members, every item arranged by a counsellor.

use super::{Plan, PlanCounsellor, PlanMember};
use crate::domain::{
    Delegation, DelegationKind, DelegationStatus, ItineraryItem, ItineraryKind, MemberRole,
    VisaStatus,
};
use crate::store::{Meta, Record};
use crate::time::local_to_utc;
use chrono::{Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use std::collections::BTreeMap;

fn meta(id: i64) -> Meta {
    let t = Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap();
    Meta {
        id,
        uuid: format!("00000000-0000-4000-8000-{id:012}"),
        created_at: t,
        updated_at: t,
        revision: 1,
    }
}

/// The synthetic plan. Items are spread from 08:00 local, alternating venues, with attendees
/// rotating over the members so the conflict check has real work to do.
pub fn synthetic_plan(days: u32, items_per_day: u32, members: u32) -> Plan {
    let start = NaiveDate::from_ymd_opt(2027, 3, 8).unwrap();
    let delegation = Record {
        meta: meta(1),
        data: Delegation {
            kind: DelegationKind::Outbound,
            title: "Đoàn xúc tiến đầu tư Hà Nội tại Nhật Bản".into(),
            purpose: Some("Giới thiệu Khu Công nghệ cao Hòa Lạc với nhà đầu tư Nhật Bản".into()),
            destination_country: "JP".into(),
            destination_city: Some("Tokyo".into()),
            time_zone: "Asia/Tokyo".into(),
            start_date: Some(start),
            end_date: Some(start + Duration::days(days.max(1) as i64 - 1)),
            status: DelegationStatus::Approved,
            lead_officer: Some("Nguyễn Thị Hồng Nhung".into()),
            counsellor_id: Some(1),
            ..Delegation::default()
        },
    };
    let roles = [
        MemberRole::Head,
        MemberRole::Member,
        MemberRole::Interpreter,
        MemberRole::Liaison,
    ];
    let names = [
        "Nguyễn Thị Hồng Nhung",
        "Trần Đức Dương",
        "Lê Quang Tường",
        "Phạm Minh Châu",
        "Tạ Quang Huy",
        "Đỗ Thị Lan Anh",
    ];
    let plan_members: Vec<PlanMember> = (0..members)
        .map(|n| PlanMember {
            id: 100 + n as i64,
            uuid: meta(100 + n as i64).uuid,
            name: format!("{} {}", names[n as usize % names.len()], n + 1),
            role: if n == 0 {
                roles[0]
            } else {
                roles[1 + n as usize % 3]
            },
            contact_id: None,
            organization: None,
            phone: Some(format!("+84 90 {:03} {:04}", n, n * 7)),
            email: None,
            passport_number: Some(format!("C{:07}", 4_800_000 + n)),
            passport_expiry: NaiveDate::from_ymd_opt(2031, 1, 1),
            visa_status: VisaStatus::Issued,
            dietary_notes: None,
            protocol_notes: None,
        })
        .collect();
    let venues = [
        (
            "Tòa nhà JETRO",
            "Ark Mori Building, 1-12-32 Akasaka, Minato-ku, Tokyo",
        ),
        (
            "Khách sạn Imperial",
            "1-1-1 Uchisaiwaicho, Chiyoda-ku, Tokyo",
        ),
        (
            "Đại sứ quán Việt Nam",
            "50-11 Motoyoyogi-cho, Shibuya-ku, Tokyo",
        ),
        ("Trụ sở Keidanren", "1-3-2 Otemachi, Chiyoda-ku, Tokyo"),
    ];
    let kinds = [
        ItineraryKind::Meeting,
        ItineraryKind::SiteVisit,
        ItineraryKind::Meeting,
        ItineraryKind::Meal,
        ItineraryKind::Conference,
    ];
    let mut items = Vec::new();
    let mut id = 1000;
    for d in 0..days {
        let date = start + Duration::days(d as i64);
        for k in 0..items_per_day {
            id += 1;
            let minutes = 8 * 60 + k as i64 * (12 * 60 / items_per_day.max(1) as i64);
            let t = NaiveTime::from_hms_opt(0, 0, 0).unwrap() + Duration::minutes(minutes);
            let starts_at = local_to_utc(date, t, "Asia/Tokyo").unwrap();
            let (venue, address) = venues[(k as usize + d as usize) % venues.len()];
            let attendees: Vec<i64> = if members == 0 {
                vec![]
            } else {
                (0..members.min(4))
                    .map(|m| 100 + ((k + m + d) % members) as i64)
                    .collect()
            };
            items.push(Record {
                meta: meta(id),
                data: ItineraryItem {
                    delegation_id: 1,
                    kind: kinds[k as usize % kinds.len()],
                    title: format!(
                        "Làm việc với nhà đầu tư số {} về Khu CNC Hòa Lạc",
                        id - 1000
                    ),
                    starts_at,
                    ends_at: starts_at + Duration::minutes(75),
                    time_zone: "Asia/Tokyo".into(),
                    end_time_zone: None,
                    venue: Some(venue.into()),
                    address: Some(address.into()),
                    organization_id: None,
                    counsellor_id: Some(1),
                    contact_ids: vec![],
                    attendee_ids: attendees,
                    notes: None,
                    entered_start: None,
                    entered_end: None,
                },
            });
        }
    }
    let mut counsellors = BTreeMap::new();
    counsellors.insert(
        1,
        PlanCounsellor {
            id: 1,
            full_name: "Tạ Đức Minh".into(),
            title: Some("Tham tán Thương mại".into()),
            phone: Some("+81 3 3466 3311".into()),
            email: Some("jp@moit.gov.vn".into()),
            office_name_vi: "Thương vụ Việt Nam tại Nhật Bản".into(),
            office_name_en: Some("Vietnam Trade Office in Japan".into()),
            office_city: "Tokyo".into(),
            office_time_zone: "Asia/Tokyo".into(),
        },
    );
    Plan {
        delegation,
        members: plan_members,
        items,
        counsellors,
        organizations: BTreeMap::new(),
        contacts: BTreeMap::new(),
    }
}
