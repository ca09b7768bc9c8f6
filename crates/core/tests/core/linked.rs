//! What an organisation's or a person's page shows linked to them (`Store::linked_to`): on the
//! demo, against lists computed here from every record; on records made here, against exactly
//! what was inserted; and the cap, the refused kinds and missing records.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use planner_core::demo::seed_demo;
use planner_core::domain::*;
use planner_core::store::{
    LinkReason, Linked, LinkedBrief, LinkedDelegation, LinkedMeeting, ListQuery, Record,
    LINKED_LIMIT,
};
use planner_core::{CoreError, Store};
use std::collections::BTreeMap;

fn all<E: Entity>(store: &Store) -> Vec<Record<E>> {
    store.list::<E>(&ListQuery::default()).unwrap().items
}

fn id_of<E: Entity>(store: &Store, name: impl Fn(&E) -> &str, wanted: &str) -> i64 {
    all::<E>(store)
        .into_iter()
        .find(|r| name(&r.data) == wanted)
        .unwrap_or_else(|| panic!("no record named {wanted}"))
        .meta
        .id
}

/// The order a delegation's roles are listed in (the plan's: head first).
const ROLE_ORDER: [MemberRole; 6] = [
    MemberRole::Head,
    MemberRole::Member,
    MemberRole::Counsellor,
    MemberRole::Liaison,
    MemberRole::Interpreter,
    MemberRole::Security,
];

/// What `linked_to` must answer, worked out plainly from every record of the store: the
/// memberships (of the person, or of the organisation's people) and the meetings (with the
/// organisation or attended by its people, or attended by the person) give the delegations; the briefs are the
/// organisation's own and those of the linked delegations (a person's: of the delegations
/// they are a member of).
fn expected(store: &Store, kind: EntityKind, id: i64) -> Linked {
    let people: Vec<i64> = match kind {
        EntityKind::Organizations => all::<Contact>(store)
            .into_iter()
            .filter(|c| c.data.organization_id == Some(id))
            .map(|c| c.meta.id)
            .collect(),
        _ => vec![id],
    };
    let items: Vec<Record<ItineraryItem>> = all::<ItineraryItem>(store)
        .into_iter()
        .filter(|i| match kind {
            EntityKind::Organizations => {
                i.data.organization_id == Some(id)
                    || i.data.contact_ids.iter().any(|c| people.contains(c))
            }
            _ => i.data.contact_ids.contains(&id),
        })
        .collect();
    let delegations: BTreeMap<i64, Record<Delegation>> = all::<Delegation>(store)
        .into_iter()
        .map(|d| (d.meta.id, d))
        .collect();

    // delegation → (member?, meeting?, roles)
    let mut links: BTreeMap<i64, (bool, bool, Vec<MemberRole>)> = BTreeMap::new();
    for m in all::<Member>(store) {
        if m.data.contact_id.is_some_and(|c| people.contains(&c)) {
            let link = links.entry(m.data.delegation_id).or_default();
            link.0 = true;
            if !link.2.contains(&m.data.role) {
                link.2.push(m.data.role);
            }
        }
    }
    for i in &items {
        links.entry(i.data.delegation_id).or_default().1 = true;
    }
    let mut linked_delegations: Vec<LinkedDelegation> = links
        .iter()
        .map(|(d, (member, meeting, roles))| {
            let rec = &delegations[d];
            let mut roles = roles.clone();
            roles.sort_by_key(|r| ROLE_ORDER.iter().position(|x| x == r));
            let mut reasons = Vec::new();
            if *member {
                reasons.push(LinkReason::Member);
            }
            if *meeting {
                reasons.push(LinkReason::Meeting);
            }
            LinkedDelegation {
                id: *d,
                title: rec.data.title.clone(),
                status: rec.data.status,
                start_date: rec.data.start_date,
                end_date: rec.data.end_date,
                destination_country: rec.data.destination_country.clone(),
                destination_city: rec.data.destination_city.clone(),
                reasons,
                roles,
            }
        })
        .collect();
    // Newest first; undated ones last.
    linked_delegations.sort_by(|a, b| b.start_date.cmp(&a.start_date).then(b.id.cmp(&a.id)));

    let mut meetings: Vec<LinkedMeeting> = items
        .iter()
        .map(|i| LinkedMeeting {
            item_id: i.meta.id,
            delegation_id: i.data.delegation_id,
            delegation_title: delegations[&i.data.delegation_id].data.title.clone(),
            title: i.data.title.clone(),
            kind: i.data.kind,
            starts_at: i.data.starts_at,
            time_zone: i.data.time_zone.clone(),
            venue: i.data.venue.clone(),
        })
        .collect();
    meetings.sort_by(|a, b| {
        b.starts_at
            .cmp(&a.starts_at)
            .then(b.item_id.cmp(&a.item_id))
    });

    let mut briefs: Vec<(DateTime<Utc>, LinkedBrief)> = all::<Brief>(store)
        .into_iter()
        .filter_map(|b| {
            let own = kind == EntityKind::Organizations
                && b.data.audience_kind == AudienceKind::Organization
                && b.data.organization_id == Some(id);
            let via = b.data.audience_kind == AudienceKind::Delegation
                && b.data.delegation_id.is_some_and(|d| {
                    links
                        .get(&d)
                        .is_some_and(|l| kind == EntityKind::Organizations || l.0)
                });
            (own || via).then(|| {
                (
                    b.meta.created_at,
                    LinkedBrief {
                        id: b.meta.id,
                        title: b.data.title.clone(),
                        language: b.data.language,
                        audience_kind: b.data.audience_kind,
                        delegation_id: b.data.delegation_id,
                        delegation_title: b
                            .data
                            .delegation_id
                            .map(|d| delegations[&d].data.title.clone()),
                        via_delegation: via,
                        version: b.data.version,
                        file_name: b.data.file_name.clone(),
                        created_at: b.meta.created_at,
                    },
                )
            })
        })
        .collect();
    briefs.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.id.cmp(&a.1.id)));

    let cap = |n: usize| n.min(LINKED_LIMIT as usize);
    let (dn, mn, bn) = (linked_delegations.len(), meetings.len(), briefs.len());
    Linked {
        kind,
        id,
        delegations: linked_delegations.into_iter().take(cap(dn)).collect(),
        delegations_total: dn as i64,
        meetings: meetings.into_iter().take(cap(mn)).collect(),
        meetings_total: mn as i64,
        briefs: briefs.into_iter().take(cap(bn)).map(|(_, b)| b).collect(),
        briefs_total: bn as i64,
    }
}

fn brief(title: &str, audience: AudienceKind, delegation: Option<i64>, org: Option<i64>) -> Brief {
    Brief {
        title: title.into(),
        language: BriefLanguage::Bi,
        audience_kind: audience,
        delegation_id: delegation,
        organization_id: org,
        sector: (audience == AudienceKind::Sector).then(|| "semiconductors".into()),
        version: 1,
        file_name: Some(format!("/briefs/{title}.pdf")),
        ..Default::default()
    }
}

on_both! {
    fn demo_organisations_and_people_show_their_delegations_meetings_and_briefs(store) {
        seed_demo(&mut store, NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()).unwrap();
        let org = |s: &Store, name: &str| id_of::<Organization>(s, |o| &o.name_vi, name);
        let person = |s: &Store, name: &str| id_of::<Contact>(s, |c| &c.full_name, name);
        let delegation = |s: &Store, title: &str| id_of::<Delegation>(s, |d| &d.title, title);

        let hpa = org(
            &store,
            "Trung tâm Xúc tiến Đầu tư, Thương mại, Du lịch Thành phố Hà Nội",
        );
        let hoshino = org(&store, "Công ty Hoshino Semiconductor Materials");
        let quiet_org = org(&store, "Công ty Pacific Crest Silicon");
        let nhung = person(&store, "Đặng Thị Hồng Nhung");
        let hung = person(&store, "Nguyễn Văn Hưng");
        let ishikawa = person(&store, "Naoki Ishikawa");
        let quiet_person = person(&store, "Michael Chen");
        let japan = delegation(
            &store,
            "Đoàn xúc tiến đầu tư Hà Nội tại Nhật Bản và Hàn Quốc 2027",
        );
        let hoa_lac = delegation(
            &store,
            "Đoàn Hoshino Semiconductor Materials khảo sát Khu CNC Hòa Lạc",
        );
        let germany = delegation(&store, "Đoàn xúc tiến đầu tư Hà Nội tại CHLB Đức 2026");

        // The demo has no briefs: one for Hoshino, one per delegation it or Nhung is linked to,
        // and one for a sector (linked to no one).
        for b in [
            brief("Hoshino", AudienceKind::Organization, None, Some(hoshino)),
            brief("Japan", AudienceKind::Delegation, Some(japan), None),
            brief("Hoa Lac", AudienceKind::Delegation, Some(hoa_lac), None),
            brief("Germany", AudienceKind::Delegation, Some(germany), None),
            brief("Sector", AudienceKind::Sector, None, None),
        ] {
            store.create(&b).unwrap();
        }

        for (kind, id) in [
            (EntityKind::Organizations, hpa),
            (EntityKind::Organizations, hoshino),
            (EntityKind::Organizations, quiet_org),
            (EntityKind::Contacts, nhung),
            (EntityKind::Contacts, hung),
            (EntityKind::Contacts, ishikawa),
            (EntityKind::Contacts, quiet_person),
        ] {
            let got = store.linked_to(kind, id).unwrap();
            assert_eq!(got, expected(&store, kind, id), "{kind} {id}");
        }

        // What the lists must hold, spelled out for the two that matter most.
        let nhung_linked = store.linked_to(EntityKind::Contacts, nhung).unwrap();
        let by_id: BTreeMap<i64, &LinkedDelegation> =
            nhung_linked.delegations.iter().map(|d| (d.id, d)).collect();
        assert_eq!(
            by_id.len(),
            3,
            "Japan and Germany as head, Hoa Lac by meetings"
        );
        assert_eq!(
            by_id[&japan].reasons,
            [LinkReason::Member, LinkReason::Meeting]
        );
        assert_eq!(by_id[&japan].roles, [MemberRole::Head]);
        assert_eq!(by_id[&germany].reasons, [LinkReason::Member]);
        assert_eq!(by_id[&hoa_lac].reasons, [LinkReason::Meeting]);
        assert!(by_id[&hoa_lac].roles.is_empty());
        assert_eq!(nhung_linked.meetings_total, 3, "jk01, hl07 and hl08");
        let titles: Vec<&str> = nhung_linked
            .briefs
            .iter()
            .map(|b| b.title.as_str())
            .collect();
        assert_eq!(
            titles,
            ["Germany", "Japan"],
            "not Hoa Lac: she only meets them"
        );
        assert!(nhung_linked.briefs.iter().all(|b| b.via_delegation));

        let hoshino_linked = store.linked_to(EntityKind::Organizations, hoshino).unwrap();
        let ids: Vec<i64> = hoshino_linked.delegations.iter().map(|d| d.id).collect();
        assert_eq!(ids.len(), 2);
        assert!(ids.contains(&japan) && ids.contains(&hoa_lac));
        assert_eq!(
            hoshino_linked.meetings.len(),
            2,
            "jk05 in Tokyo, and the Tokyo conference its people attend"
        );
        assert!(hoshino_linked.meetings[0].title.starts_with("Hội nghị"));
        assert_eq!(hoshino_linked.meetings[0].time_zone, "Asia/Tokyo");
        let briefs: Vec<(&str, bool)> = hoshino_linked
            .briefs
            .iter()
            .map(|b| (b.title.as_str(), b.via_delegation))
            .collect();
        assert_eq!(
            briefs,
            [("Hoa Lac", true), ("Japan", true), ("Hoshino", false)]
        );

        let quiet = store
            .linked_to(EntityKind::Organizations, quiet_org)
            .unwrap();
        assert_eq!(
            (
                quiet.delegations_total,
                quiet.meetings_total,
                quiet.briefs_total
            ),
            (0, 0, 0)
        );
    }
}

struct Made {
    store: Store,
}

impl Made {
    fn org(&mut self, name: &str) -> i64 {
        let o = Organization {
            name_vi: name.into(),
            country: "KR".into(),
            ..Default::default()
        };
        self.store.create(&o).unwrap().meta.id
    }
    fn person(&mut self, name: &str, org: i64) -> i64 {
        let c = Contact {
            full_name: name.into(),
            organization_id: Some(org),
            ..Default::default()
        };
        self.store.create(&c).unwrap().meta.id
    }
    fn delegation(&mut self, title: &str, start: Option<NaiveDate>) -> i64 {
        let d = Delegation {
            title: title.into(),
            destination_country: "KR".into(),
            destination_city: Some("Seoul".into()),
            time_zone: "Asia/Seoul".into(),
            start_date: start,
            end_date: start.map(|s| s + Duration::days(4)),
            ..Default::default()
        };
        self.store.create(&d).unwrap().meta.id
    }
    fn member(&mut self, delegation_id: i64, contact_id: i64, role: MemberRole) {
        let m = Member {
            delegation_id,
            contact_id: Some(contact_id),
            role,
            ..Default::default()
        };
        self.store.create(&m).unwrap();
    }
    fn item(
        &mut self,
        delegation_id: i64,
        title: &str,
        at: DateTime<Utc>,
        org: Option<i64>,
        contacts: &[i64],
    ) -> i64 {
        let i = ItineraryItem {
            delegation_id,
            title: title.into(),
            starts_at: at,
            ends_at: at + Duration::hours(1),
            time_zone: "Asia/Seoul".into(),
            venue: Some("Gangnam".into()),
            organization_id: org,
            contact_ids: contacts.to_vec(),
            ..Default::default()
        };
        self.store.create(&i).unwrap().meta.id
    }
    fn brief(&mut self, b: Brief) -> i64 {
        self.store.create(&b).unwrap().meta.id
    }
    fn linked(&self, kind: EntityKind, id: i64) -> Linked {
        self.store.linked_to(kind, id).unwrap()
    }
}

fn ids(l: &Linked) -> (Vec<i64>, Vec<i64>, Vec<i64>) {
    (
        l.delegations.iter().map(|d| d.id).collect(),
        l.meetings.iter().map(|m| m.item_id).collect(),
        l.briefs.iter().map(|b| b.id).collect(),
    )
}

on_both! {
    fn records_made_here_are_linked_exactly(store) {
        let mut m = Made { store };
        let date = |y, mo, d| NaiveDate::from_ymd_opt(y, mo, d).unwrap();
        let at = |d: u32, h: u32| Utc.with_ymd_and_hms(2027, 1, d, h, 0, 0).unwrap();

        let seoul = m.org("Công ty Bán dẫn Seoul");
        let busan = m.org("Công ty Cảng Busan");
        let kim = m.person("Kim Min-jun", seoul);
        let park = m.person("Park Ji-woo", seoul);
        let lee = m.person("Lee Seung-ho", busan);

        let d2026 = m.delegation("Đoàn Hàn Quốc 2026", Some(date(2026, 3, 10)));
        let d2027 = m.delegation("Đoàn Hàn Quốc 2027", Some(date(2027, 1, 10)));
        let undated = m.delegation("Đoàn chưa có ngày", None);
        let other = m.delegation("Đoàn không liên quan", Some(date(2027, 6, 1)));

        m.member(d2026, kim, MemberRole::Head);
        m.member(d2026, park, MemberRole::Interpreter);
        m.member(d2027, kim, MemberRole::Member);
        m.member(other, lee, MemberRole::Security);
        let seoul_meeting = m.item(d2027, "Gặp Seoul", at(11, 1), Some(seoul), &[lee]);
        let seoul_lunch = m.item(d2027, "Ăn trưa Seoul", at(11, 4), Some(seoul), &[]);
        let busan_meeting = m.item(undated, "Gặp Busan", at(12, 2), Some(busan), &[kim]);
        m.item(other, "Tự do", at(13, 2), None, &[]);

        let seoul_brief = m.brief(brief(
            "Seoul",
            AudienceKind::Organization,
            None,
            Some(seoul),
        ));
        let b2026 = m.brief(brief("2026", AudienceKind::Delegation, Some(d2026), None));
        let b_undated = m.brief(brief(
            "Undated",
            AudienceKind::Delegation,
            Some(undated),
            None,
        ));
        let b_other = m.brief(brief("Other", AudienceKind::Delegation, Some(other), None));
        let busan_brief = m.brief(brief(
            "Busan",
            AudienceKind::Organization,
            None,
            Some(busan),
        ));
        m.brief(brief("Sector", AudienceKind::Sector, None, None));

        // Seoul: its people are in both Korean delegations, its meetings are in 2027's, and one of
        // its people attends Busan's meeting in the undated one (dates unknown: last).
        let s = m.linked(EntityKind::Organizations, seoul);
        assert_eq!(
            ids(&s),
            (
                vec![d2027, d2026, undated],
                vec![busan_meeting, seoul_lunch, seoul_meeting],
                vec![b_undated, b2026, seoul_brief]
            )
        );
        assert_eq!(
            s.delegations[0].reasons,
            [LinkReason::Member, LinkReason::Meeting]
        );
        assert_eq!(s.delegations[0].roles, [MemberRole::Member]);
        assert_eq!(s.delegations[1].reasons, [LinkReason::Member]);
        assert_eq!(
            s.delegations[1].roles,
            [MemberRole::Head, MemberRole::Interpreter]
        );
        assert_eq!(s.delegations[1].title, "Đoàn Hàn Quốc 2026");
        assert_eq!(s.delegations[1].start_date, Some(date(2026, 3, 10)));
        assert_eq!(s.delegations[1].end_date, Some(date(2026, 3, 14)));
        assert_eq!(s.delegations[1].status, DelegationStatus::Draft);
        assert_eq!(s.delegations[1].destination_country, "KR");
        assert_eq!(s.delegations[2].reasons, [LinkReason::Meeting]);
        assert!(s.delegations[2].roles.is_empty());
        assert_eq!(s.meetings[2].title, "Gặp Seoul");
        assert_eq!(s.meetings[2].delegation_id, d2027);
        assert_eq!(s.meetings[2].delegation_title, "Đoàn Hàn Quốc 2027");
        assert_eq!(s.meetings[2].starts_at, at(11, 1));
        assert_eq!(s.meetings[2].time_zone, "Asia/Seoul");
        assert_eq!(s.meetings[2].venue.as_deref(), Some("Gangnam"));
        assert_eq!(s.meetings[2].kind, ItineraryKind::Meeting);
        assert!(s.briefs[1].via_delegation);
        assert_eq!(
            s.briefs[1].delegation_title.as_deref(),
            Some("Đoàn Hàn Quốc 2026")
        );
        assert!(!s.briefs[2].via_delegation);
        assert_eq!(s.briefs[2].language, BriefLanguage::Bi);
        assert_eq!(s.briefs[2].file_name.as_deref(), Some("/briefs/Seoul.pdf"));
        assert_eq!(
            (s.delegations_total, s.meetings_total, s.briefs_total),
            (3, 3, 3)
        );

        // Busan: its meeting in the undated delegation (and that delegation's brief); Lee's
        // membership of the other delegation counts too, and so does Seoul's meeting in 2027,
        // which Lee attends.
        let b = m.linked(EntityKind::Organizations, busan);
        assert_eq!(
            ids(&b),
            (
                vec![other, d2027, undated],
                vec![busan_meeting, seoul_meeting],
                vec![busan_brief, b_other, b_undated]
            )
        );
        assert_eq!(b.delegations[0].roles, [MemberRole::Security]);
        assert_eq!(b.delegations[1].reasons, [LinkReason::Meeting]);
        assert_eq!(b.delegations[2].reasons, [LinkReason::Meeting]);

        // Kim: a member of both Korean delegations, attending Busan's meeting in the undated one
        // (dates unknown: last); briefs only of the delegations Kim is a member of.
        let k = m.linked(EntityKind::Contacts, kim);
        assert_eq!(
            ids(&k),
            (
                vec![d2027, d2026, undated],
                vec![busan_meeting],
                vec![b2026]
            )
        );
        assert_eq!(k.delegations[1].roles, [MemberRole::Head]);
        assert_eq!(k.delegations[2].reasons, [LinkReason::Meeting]);
        assert!(k.briefs[0].via_delegation);

        // Lee attends Seoul's meeting in 2027 and is in the other delegation.
        let l = m.linked(EntityKind::Contacts, lee);
        assert_eq!(
            ids(&l),
            (vec![other, d2027], vec![seoul_meeting], vec![b_other])
        );

        // Park: only the 2026 delegation, as interpreter.
        let p = m.linked(EntityKind::Contacts, park);
        assert_eq!(ids(&p), (vec![d2026], vec![], vec![b2026]));
        assert_eq!(p.delegations[0].roles, [MemberRole::Interpreter]);

        for (kind, id) in [
            (EntityKind::Organizations, seoul),
            (EntityKind::Organizations, busan),
            (EntityKind::Contacts, kim),
            (EntityKind::Contacts, lee),
            (EntityKind::Contacts, park),
        ] {
            assert_eq!(m.linked(kind, id), expected(&m.store, kind, id));
        }
    }
}

on_both! {
    fn long_lists_are_capped_with_their_totals(store) {
        let mut m = Made { store };
        let org = m.org("Công ty Nhiều cuộc gặp");
        let d = m.delegation("Đoàn dài ngày", NaiveDate::from_ymd_opt(2027, 1, 1));
        let first = Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap();
        let n = LINKED_LIMIT + 5;
        m.store
            .transaction(|tx| {
                for k in 0..n {
                    tx.create(&ItineraryItem {
                        delegation_id: d,
                        title: format!("Cuộc gặp {k}"),
                        starts_at: first + Duration::hours(k),
                        ends_at: first + Duration::hours(k) + Duration::minutes(30),
                        time_zone: "Asia/Seoul".into(),
                        organization_id: Some(org),
                        ..Default::default()
                    })?;
                }
                Ok(())
            })
            .unwrap();
        let linked = m.linked(EntityKind::Organizations, org);
        assert_eq!(linked.meetings_total, n);
        assert_eq!(linked.meetings.len(), LINKED_LIMIT as usize);
        assert_eq!(
            linked.meetings[0].title,
            format!("Cuộc gặp {}", n - 1),
            "newest first"
        );
        assert_eq!(linked.delegations_total, 1);
        assert_eq!(linked, expected(&m.store, EntityKind::Organizations, org));
    }
}

on_both! {
    fn other_kinds_and_missing_records_are_refused(store) {
        let d = store
            .create(&Delegation {
                title: "Đoàn".into(),
                destination_country: "JP".into(),
                time_zone: "Asia/Tokyo".into(),
                ..Default::default()
            })
            .unwrap()
            .meta
            .id;
        match store.linked_to(EntityKind::Delegations, d) {
            Err(CoreError::Invalid(errors)) => assert_eq!(errors[0].code, "unsupported_kind"),
            other => panic!("expected Invalid, got {other:?}"),
        }
        for kind in [EntityKind::Organizations, EntityKind::Contacts] {
            assert!(matches!(
                store.linked_to(kind, 999),
                Err(CoreError::NotFound { id: 999, .. })
            ));
        }
    }
}
