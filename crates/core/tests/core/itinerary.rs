//! Delegations: time zones, local-time entry, conflict rules one by one, the workflow, quick
//! add / duplicate / move, counsellors' loads, list filters, on both backends.

use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};
use planner_core::domain::*;
use planner_core::itinerary::{
    self, check, next_steps, parse_quick, save_entry, transition, CheckOptions, ConflictKind,
    ItemEntry, Plan, Severity, Transition,
};
use planner_core::store::{Filter, FilterOp, ListQuery};
use planner_core::{CoreError, Store};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 1, 10, 3, 0, 0).unwrap()
}

struct Fixture {
    store: Store,
    delegation: i64,
    counsellor: i64,
    a: i64,
    b: i64,
}

/// A Tokyo mission 8–13 March 2027 with two members (A head, B member) and a counsellor.
fn fixture(mut store: Store) -> Fixture {
    let office = store
        .create(&Office {
            name_vi: "Thương vụ Việt Nam tại Nhật Bản".into(),
            country: "JP".into(),
            city: "Tokyo".into(),
            time_zone: "Asia/Tokyo".into(),
            ..Office::default()
        })
        .unwrap();
    let counsellor = store
        .create(&Counsellor {
            office_id: office.meta.id,
            full_name: "Tạ Đức Minh".into(),
            phone: Some("+81 3 3466 3311".into()),
            ..Counsellor::default()
        })
        .unwrap();
    let d = store
        .create(&Delegation {
            title: "Đoàn xúc tiến đầu tư tại Nhật Bản".into(),
            destination_country: "JP".into(),
            time_zone: "Asia/Tokyo".into(),
            start_date: Some(date(2027, 3, 8)),
            end_date: Some(date(2027, 3, 13)),
            counsellor_id: Some(counsellor.meta.id),
            ..Delegation::default()
        })
        .unwrap();
    let member = |store: &mut Store, name: &str, role| {
        store
            .create(&Member {
                delegation_id: d.meta.id,
                staff_name: Some(name.into()),
                role,
                ..Member::default()
            })
            .unwrap()
            .meta
            .id
    };
    let a = member(&mut store, "Nguyễn Thị Hồng Nhung", MemberRole::Head);
    let b = member(&mut store, "Trần Đức Dương", MemberRole::Member);
    Fixture {
        store,
        delegation: d.meta.id,
        counsellor: counsellor.meta.id,
        a,
        b,
    }
}

impl Fixture {
    /// Moves the fixture's delegation to `to` through the workflow at `at`.
    fn go(
        &mut self,
        to: DelegationStatus,
        by: Option<&str>,
        at: DateTime<Utc>,
    ) -> Result<planner_core::store::Record<Delegation>, CoreError> {
        let t = Transition {
            to,
            by: by.map(Into::into),
        };
        transition(&mut self.store, self.delegation, &t, at)
    }

    fn entry(&self, title: &str, day: NaiveDate, from: (u32, u32), to: (u32, u32)) -> ItemEntry {
        ItemEntry {
            delegation_id: self.delegation,
            kind: ItineraryKind::Meeting,
            title: title.into(),
            start_date: Some(day),
            start_time: Some(time(from.0, from.1)),
            end_time: Some(time(to.0, to.1)),
            time_zone: "Asia/Tokyo".into(),
            counsellor_id: Some(self.counsellor),
            attendee_ids: vec![self.a, self.b],
            venue: Some("JETRO Tokyo".into()),
            ..ItemEntry::default()
        }
    }

    fn add(&mut self, e: ItemEntry) -> i64 {
        save_entry(&mut self.store, None, &e).unwrap().meta.id
    }

    fn conflicts(&self) -> Vec<itinerary::Conflict> {
        check(
            &Plan::load(&self.store, self.delegation).unwrap(),
            &CheckOptions::default(),
        )
    }

    fn kinds(&self) -> Vec<ConflictKind> {
        self.conflicts().iter().map(|c| c.kind).collect()
    }
}

on_both! {
    fn tokyo_ten_is_stored_in_utc_and_shown_as_hanoi_eight(store) {
        let mut f = fixture(store);
        let id = f.add(f.entry("Gặp JETRO", date(2027, 3, 9), (10, 0), (11, 0)));
        let item = f.store.get::<ItineraryItem>(id).unwrap().data;
        assert_eq!(item.starts_at.to_rfc3339(), "2027-03-09T01:00:00+00:00");
        let view = itinerary::view(&f.store, f.delegation).unwrap();
        let v = &view.days[0].items[0];
        assert_eq!(v.local_start.format("%H:%M").to_string(), "10:00");
        assert_eq!(v.hanoi_start.format("%H:%M").to_string(), "08:00");
        assert_eq!(v.start_zone_abbr, "JST");
        assert_eq!(view.days[0].day_number, Some(2));
        // The entry form gives back the local fields.
        let back = ItemEntry::of(&item);
        assert_eq!(back.start_time, Some(time(10, 0)));
        assert_eq!(back.start_date, Some(date(2027, 3, 9)));
    }
}

on_both! {
    fn berlin_items_across_the_march_dst_change_keep_their_local_hours(store) {
        // 28 March 2027 02:00 CET → 03:00 CEST: 10:00 local is 09:00 UTC before, 08:00 UTC after.
        let mut f = fixture(store);
        let mut e = f.entry("Gặp BDI", date(2027, 3, 27), (10, 0), (11, 0));
        e.time_zone = "Europe/Berlin".into();
        let before = f.add(e.clone());
        e.start_date = Some(date(2027, 3, 29));
        let after = f.add(e);
        let get = |id| f.store.get::<ItineraryItem>(id).unwrap().data;
        assert_eq!(
            get(before).starts_at.to_rfc3339(),
            "2027-03-27T09:00:00+00:00"
        );
        assert_eq!(
            get(after).starts_at.to_rfc3339(),
            "2027-03-29T08:00:00+00:00"
        );
        let view = itinerary::view(&f.store, f.delegation).unwrap();
        let abbrs: Vec<(String, String)> = view
            .days
            .iter()
            .flat_map(|d| &d.items)
            .map(|v| {
                (
                    v.start_zone_abbr.clone(),
                    v.hanoi_start.format("%H:%M").to_string(),
                )
            })
            .collect();
        assert_eq!(
            abbrs,
            vec![
                ("CET".into(), "16:00".into()),
                ("CEST".into(), "15:00".into())
            ]
        );
        // Moving the item across the change keeps 10:00 local.
        let moved = itinerary::move_item(&mut f.store, before, date(2027, 3, 28)).unwrap();
        assert_eq!(
            moved.data.starts_at.to_rfc3339(),
            "2027-03-28T08:00:00+00:00"
        );
    }
}

on_both! {
    fn a_flight_from_los_angeles_to_hanoi_across_the_date_line_has_its_real_duration(store) {
        // Departs LAX Mon 8 Mar 2027 23:50 (PST, UTC−8), lands SGN/HAN Wed 10 Mar 05:40 (UTC+7).
        let mut f = fixture(store);
        let mut e = f.entry("Bay LAX → HAN", date(2027, 3, 8), (23, 50), (5, 40));
        e.kind = ItineraryKind::Travel;
        e.time_zone = "America/Los_Angeles".into();
        e.end_date = Some(date(2027, 3, 10));
        e.end_time_zone = Some("Asia/Ho_Chi_Minh".into());
        let id = f.add(e);
        let item = f.store.get::<ItineraryItem>(id).unwrap().data;
        assert_eq!(item.starts_at.to_rfc3339(), "2027-03-09T07:50:00+00:00");
        assert_eq!(item.ends_at.to_rfc3339(), "2027-03-09T22:40:00+00:00");
        assert_eq!((item.ends_at - item.starts_at).num_minutes(), 14 * 60 + 50);
        let view = itinerary::view(&f.store, f.delegation).unwrap();
        let v = &view.days[0].items[0];
        assert_eq!(v.duration_minutes, 890);
        assert_eq!(v.local_end.format("%d/%m %H:%M").to_string(), "10/03 05:40");
        assert_eq!(v.end_zone_abbr, "+07");
        // A night flight is not a night-time warning.
        assert!(!f.kinds().contains(&ConflictKind::NightTime));
    }
}

on_both! {
    fn the_entry_reports_its_own_fields(store) {
        let f = fixture(store);
        let mut e = f.entry("", date(2027, 3, 9), (10, 0), (9, 0));
        e.time_zone = "Asia/Tokio".into();
        e.start_date = None;
        let Err(CoreError::Invalid(errors)) = e.to_item() else {
            panic!("expected field errors")
        };
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert!(fields.contains(&"time_zone"), "{fields:?}");
        assert!(fields.contains(&"start_date"), "{fields:?}");
        let mut e = f.entry("Gặp", date(2027, 3, 9), (10, 0), (9, 0));
        e.venue = None;
        let Err(CoreError::Invalid(errors)) = e.to_item() else {
            panic!("expected end before start")
        };
        assert_eq!(errors[0].field, "end_time");
        assert_eq!(errors[0].code, "end_before_start");
    }
}

on_both! {
    fn double_booking_is_hard_and_names_the_member_and_both_items(store) {
        let mut f = fixture(store);
        let mut x = f.entry("Gặp Toyota", date(2027, 3, 9), (10, 0), (11, 0));
        x.attendee_ids = vec![f.a];
        let mut y = f.entry("Gặp Sony", date(2027, 3, 9), (10, 30), (11, 30));
        y.attendee_ids = vec![f.a];
        y.venue = Some("Sony HQ".into());
        let (ix, iy) = (f.add(x), f.add(y));
        let c = f.conflicts();
        let db: Vec<_> = c
            .iter()
            .filter(|c| c.kind == ConflictKind::DoubleBooked)
            .collect();
        assert_eq!(db.len(), 1, "{c:#?}");
        assert_eq!(db[0].severity, Severity::Hard);
        assert_eq!(db[0].item_ids, vec![ix, iy]);
        assert_eq!(db[0].member_ids, vec![f.a]);
        assert!(
            db[0].message_vi.contains("Nguyễn Thị Hồng Nhung"),
            "{}",
            db[0].message_vi
        );
        assert!(db[0].message_vi.contains("Gặp Toyota") && db[0].message_vi.contains("Gặp Sony"));
        assert!(db[0].message_en.starts_with("Double-booked"));
        // Different members at the same time: no conflict.
        let mut y2 = f.store.get::<ItineraryItem>(iy).unwrap().data;
        y2.attendee_ids = vec![f.b];
        f.store.update(iy, &y2).unwrap();
        assert!(!f.kinds().contains(&ConflictKind::DoubleBooked));
        // Back to back (11:00 end, 11:00 start) at the same venue is fine too.
        let mut z = f.entry("Ăn trưa", date(2027, 3, 9), (11, 0), (12, 0));
        z.kind = ItineraryKind::Meal;
        z.attendee_ids = vec![f.a];
        let iz = f.add(z);
        assert!(
            !f.kinds().contains(&ConflictKind::DoubleBooked),
            "{:#?}",
            f.conflicts()
        );
        f.store.delete(EntityKind::ItineraryItems, iz).unwrap();
        // The view marks the items.
        y2.attendee_ids = vec![f.a];
        f.store.update(iy, &y2).unwrap();
        let view = itinerary::view(&f.store, f.delegation).unwrap();
        let marked: Vec<_> = view.days[0]
            .items
            .iter()
            .filter(|v| v.severity == Some(Severity::Hard))
            .map(|v| v.item.id)
            .collect();
        assert_eq!(marked, vec![ix, iy]);
    }
}

on_both! {
    fn items_with_no_attendee_involve_the_whole_delegation(store) {
        let mut f = fixture(store);
        let mut x = f.entry("Hội nghị xúc tiến", date(2027, 3, 10), (9, 0), (12, 0));
        x.kind = ItineraryKind::Conference;
        x.attendee_ids = vec![];
        let mut y = f.entry("Gặp Hitachi", date(2027, 3, 10), (11, 0), (12, 0));
        y.attendee_ids = vec![f.b];
        f.add(x);
        f.add(y);
        let c = f.conflicts();
        let db: Vec<_> = c
            .iter()
            .filter(|c| c.kind == ConflictKind::DoubleBooked)
            .collect();
        assert_eq!(db.len(), 1);
        assert_eq!(db[0].member_ids, vec![f.b]);
    }
}

on_both! {
    fn an_item_outside_the_delegation_dates_is_hard(store) {
        let mut f = fixture(store);
        f.add(f.entry("Gặp trước ngày đi", date(2027, 3, 7), (10, 0), (11, 0)));
        f.add(f.entry("Ngày cuối", date(2027, 3, 13), (10, 0), (11, 0)));
        let c: Vec<_> = f
            .conflicts()
            .into_iter()
            .filter(|c| c.kind == ConflictKind::OutsideDates)
            .collect();
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].severity, Severity::Hard);
        assert!(
            c[0].message_vi.contains("08/03/2027–13/03/2027"),
            "{}",
            c[0].message_vi
        );
    }
}

on_both! {
    fn an_end_before_its_start_is_hard(store) {
        // The store refuses it, but a plan from elsewhere (an exchange file) can hold one.
        let f = fixture(store);
        let mut plan = itinerary::sample::synthetic_plan(1, 1, 2);
        let i = &mut plan.items[0].data;
        i.ends_at = i.starts_at - chrono::Duration::minutes(5);
        let c = check(&plan, &CheckOptions::default());
        assert!(c
            .iter()
            .any(|c| c.kind == ConflictKind::EndBeforeStart && c.severity == Severity::Hard));
        drop(f);
    }
}

on_both! {
    fn a_tight_transfer_between_venues_is_soft_and_follows_the_buffer(store) {
        let mut f = fixture(store);
        f.add(f.entry("Gặp JETRO", date(2027, 3, 9), (9, 0), (10, 0)));
        let mut y = f.entry("Gặp Mitsubishi", date(2027, 3, 9), (10, 20), (11, 0));
        y.venue = Some("Mitsubishi Corp, Marunouchi".into());
        f.add(y);
        let c: Vec<_> = f
            .conflicts()
            .into_iter()
            .filter(|c| c.kind == ConflictKind::TightTransfer)
            .collect();
        assert_eq!(c.len(), 1, "{c:#?}");
        assert_eq!(c[0].severity, Severity::Soft);
        assert!(
            c[0].message_en.contains("Only 20 min"),
            "{}",
            c[0].message_en
        );
        let loose = CheckOptions {
            travel_buffer_minutes: 15,
            ..CheckOptions::default()
        };
        let plan = Plan::load(&f.store, f.delegation).unwrap();
        assert!(!check(&plan, &loose)
            .iter()
            .any(|c| c.kind == ConflictKind::TightTransfer));
        // The buffer is a setting.
        let mut s = f.store.settings().unwrap();
        s.travel_buffer_minutes = 10;
        f.store.save_settings(&s).unwrap();
        let view = itinerary::view(&f.store, f.delegation).unwrap();
        assert!(!view
            .conflicts
            .iter()
            .any(|c| c.kind == ConflictKind::TightTransfer));
        // Same venue written with other accents and case: no transfer needed.
        let mut f = fixture(f.store);
        let mut x = f.entry("A", date(2027, 3, 9), (9, 0), (10, 0));
        x.venue = Some("Đại sứ quán".into());
        let mut y = f.entry("B", date(2027, 3, 9), (10, 5), (11, 0));
        y.venue = Some("dai su quan".into());
        f.add(x);
        f.add(y);
        assert!(!f.kinds().contains(&ConflictKind::TightTransfer));
    }
}

on_both! {
    fn night_items_are_soft(store) {
        let mut f = fixture(store);
        let mut x = f.entry("Tiệc muộn", date(2027, 3, 9), (21, 30), (22, 30));
        x.kind = ItineraryKind::Meal;
        f.add(x);
        f.add(f.entry("Gặp sớm", date(2027, 3, 10), (5, 30), (6, 30)));
        f.add(f.entry("Gặp buổi sáng", date(2027, 3, 11), (6, 0), (7, 0)));
        let night: Vec<_> = f
            .conflicts()
            .into_iter()
            .filter(|c| c.kind == ConflictKind::NightTime)
            .collect();
        assert_eq!(night.len(), 2, "{night:#?}");
        assert!(night.iter().all(|c| c.severity == Severity::Soft));
    }
}

on_both! {
    fn a_meeting_without_counsellor_or_attendee_is_soft(store) {
        let mut f = fixture(store);
        let mut x = f.entry("Gặp Panasonic", date(2027, 3, 9), (14, 0), (15, 0));
        x.counsellor_id = None;
        x.attendee_ids = vec![];
        f.add(x);
        let kinds = f.kinds();
        assert!(kinds.contains(&ConflictKind::NoCounsellor));
        assert!(kinds.contains(&ConflictKind::NoAttendee));
        assert!(f.conflicts().iter().all(|c| c.severity == Severity::Soft));
        // One rule, one wording: an item without chosen attendees is for the whole delegation.
        let whole = f
            .conflicts()
            .into_iter()
            .find(|c| c.kind == ConflictKind::NoAttendee)
            .unwrap();
        assert_eq!(
            whole.message_vi,
            "Cuộc gặp «Gặp Panasonic» (09/03 14:00–15:00): cả đoàn (chưa chọn ai)"
        );
        assert_eq!(
            whole.message_en,
            "Meeting “Gặp Panasonic” (09/03 14:00–15:00): whole delegation (no one chosen)"
        );
        // A meal needs neither.
        let mut f = fixture(f.store);
        let mut y = f.entry("Ăn tối", date(2027, 3, 9), (19, 0), (20, 0));
        y.kind = ItineraryKind::Meal;
        y.counsellor_id = None;
        y.attendee_ids = vec![];
        f.add(y);
        assert!(f.conflicts().is_empty(), "{:#?}", f.conflicts());
    }
}

on_both! {
    fn workflow_moves_are_checked_and_audited(store) {
        let mut f = fixture(store);
        // Not allowed: draft → confirmed.
        let Err(CoreError::Invalid(e)) = f.go(DelegationStatus::Confirmed, None, now()) else {
            panic!("draft → confirmed must be refused")
        };
        assert_eq!(e[0].code, "transition_not_allowed");
        assert!(
            e[0].message_en
                .contains("allowed next: Proposed, Cancelled"),
            "{}",
            e[0].message_en
        );
        f.go(DelegationStatus::Proposed, None, now()).unwrap();
        // Approval needs the approver; it records who and when.
        let Err(CoreError::Invalid(e)) = f.go(DelegationStatus::Approved, None, now()) else {
            panic!("approval without approver")
        };
        assert_eq!(
            (e[0].field.as_str(), e[0].code.as_str()),
            ("by", "approver_required")
        );
        let d = f
            .go(
                DelegationStatus::Approved,
                Some("Phó Giám đốc Lê Văn Hùng"),
                now(),
            )
            .unwrap();
        assert_eq!(
            d.data.approved_by.as_deref(),
            Some("Phó Giám đốc Lê Văn Hùng")
        );
        assert_eq!(d.data.approved_at, Some(now()));
        // A plain update may not change the status.
        let Err(CoreError::Invalid(e)) = f.store.update_json(
            EntityKind::Delegations,
            f.delegation,
            serde_json::json!({"status": "confirmed"}),
        ) else {
            panic!("status changed outside the workflow")
        };
        assert_eq!(e[0].code, "use_workflow");
        // Confirmation needs a head, members and no hard conflict.
        let head = f.a;
        f.store
            .update_json(
                EntityKind::Members,
                head,
                serde_json::json!({"role": "member"}),
            )
            .unwrap();
        let mut x = f.entry("A", date(2027, 3, 9), (10, 0), (11, 0));
        x.attendee_ids = vec![f.b];
        let mut y = f.entry("B", date(2027, 3, 9), (10, 30), (11, 30));
        y.attendee_ids = vec![f.b];
        let clash = f.add(y);
        f.add(x);
        let steps = next_steps(&f.store, f.delegation, now()).unwrap();
        let confirm = steps
            .iter()
            .find(|s| s.to == DelegationStatus::Confirmed)
            .unwrap();
        let codes: Vec<&str> = confirm.refusals.iter().map(|e| e.code.as_str()).collect();
        assert_eq!(codes, vec!["no_head", "hard_conflicts"]);
        let Err(CoreError::Invalid(e)) = f.go(DelegationStatus::Confirmed, None, now()) else {
            panic!("confirmed without head")
        };
        assert!(e.iter().any(|e| e.message_vi.contains("trưởng đoàn")));
        f.store
            .update_json(
                EntityKind::Members,
                head,
                serde_json::json!({"role": "head"}),
            )
            .unwrap();
        f.store.delete(EntityKind::ItineraryItems, clash).unwrap();
        f.go(DelegationStatus::Confirmed, None, now()).unwrap();
        // Completion waits for the end date (13 March 2027).
        let Err(CoreError::Invalid(e)) = f.go(DelegationStatus::Completed, None, now()) else {
            panic!("completed before the trip")
        };
        assert_eq!(e[0].code, "not_finished");
        let later = Utc.with_ymd_and_hms(2027, 3, 14, 2, 0, 0).unwrap();
        f.go(DelegationStatus::Completed, None, later).unwrap();
        f.go(DelegationStatus::Reported, None, later).unwrap();
        assert!(next_steps(&f.store, f.delegation, later)
            .unwrap()
            .is_empty());
        // Every move is in the audit log with its before and after.
        let audit = f
            .store
            .audit_of(EntityKind::Delegations, f.delegation)
            .unwrap();
        let moves: Vec<String> = audit
            .iter()
            .filter_map(|a| a.changes.get("status"))
            .filter_map(|c| {
                Some(format!(
                    "{}→{}",
                    c["before"].as_str()?,
                    c["after"].as_str()?
                ))
            })
            .collect();
        for m in [
            "draft→proposed",
            "proposed→approved",
            "approved→confirmed",
            "confirmed→completed",
            "completed→reported",
        ] {
            assert!(moves.iter().any(|x| x == m), "{m} missing from {moves:?}");
        }
    }
}

on_both! {
    fn cancelling_and_reopening_clear_the_approval(store) {
        let mut f = fixture(store);
        f.go(DelegationStatus::Proposed, None, now()).unwrap();
        f.go(DelegationStatus::Approved, Some("Giám đốc"), now())
            .unwrap();
        f.go(DelegationStatus::Cancelled, None, now()).unwrap();
        let d = f.go(DelegationStatus::Draft, None, now()).unwrap();
        assert_eq!(d.data.approved_by, None);
        assert_eq!(d.data.approved_at, None);
        // Without dates a draft cannot be proposed.
        f.store
            .update_json(
                EntityKind::Delegations,
                f.delegation,
                serde_json::json!({"end_date": null}),
            )
            .unwrap();
        let Err(CoreError::Invalid(e)) = f.go(DelegationStatus::Proposed, None, now()) else {
            panic!("proposed without dates")
        };
        assert_eq!(e[0].code, "missing_dates");
    }
}

on_both! {
    /// "11:00-09:30" is a typing mistake, refused with the format hint; an item that truly crosses
    /// midnight says so with "+1" (#13.4).
    fn quick_add_refuses_an_end_before_the_start_unless_marked_next_day(store) {
        let f = fixture(store);
        let Err(CoreError::Invalid(err)) = parse_quick(
            "11:00-09:30 Gặp KOTRA",
            f.delegation,
            date(2027, 3, 11),
            "Asia/Seoul",
        ) else {
            panic!("an end before the start was accepted")
        };
        assert_eq!(
            (err[0].field.as_str(), err[0].code.as_str()),
            ("quick", "quick_end_before_start")
        );
        assert!(
            err[0].message_en.contains("22:00-01:00+1"),
            "{}",
            err[0].message_en
        );
        assert!(
            err[0].message_vi.contains("09:30-11:00"),
            "{}",
            err[0].message_vi
        );
        let night = parse_quick(
            "22:00-01:00+1 Bay Seoul → Hà Nội",
            f.delegation,
            date(2027, 3, 11),
            "Asia/Seoul",
        )
        .unwrap();
        assert_eq!(night.end_date, Some(date(2027, 3, 12)));
        assert_eq!(night.end_time, Some(time(1, 0)));
        assert_eq!(night.title, "Bay Seoul → Hà Nội");
        let late = parse_quick(
            "23:30 Ăn tối",
            f.delegation,
            date(2027, 3, 11),
            "Asia/Seoul",
        )
        .unwrap();
        assert_eq!(
            (late.end_date, late.end_time),
            (Some(date(2027, 3, 12)), Some(time(0, 30)))
        );
    }
}

on_both! {
    fn quick_add_duplicate_and_move(store) {
        let mut f = fixture(store);
        let e = parse_quick(
            "9h30-11 Gặp Samsung C&T @ Samsung Tower, Seoul",
            f.delegation,
            date(2027, 3, 11),
            "Asia/Seoul",
        )
        .unwrap();
        assert_eq!(e.start_time, Some(time(9, 30)));
        assert_eq!(e.end_time, Some(time(11, 0)));
        assert_eq!(e.title, "Gặp Samsung C&T");
        assert_eq!(e.venue.as_deref(), Some("Samsung Tower, Seoul"));
        assert_eq!(e.kind, ItineraryKind::Meeting);
        let lunch = parse_quick(
            "12:00 Ăn trưa với KOTRA",
            f.delegation,
            date(2027, 3, 11),
            "Asia/Seoul",
        )
        .unwrap();
        assert_eq!(
            (lunch.kind, lunch.end_time),
            (ItineraryKind::Meal, Some(time(13, 0)))
        );
        let flight = parse_quick(
            "16:00-18:30 Bay Seoul → Tokyo",
            f.delegation,
            date(2027, 3, 11),
            "Asia/Seoul",
        )
        .unwrap();
        assert_eq!(flight.kind, ItineraryKind::Travel);
        let Err(CoreError::Invalid(err)) =
            parse_quick("Gặp ai đó", f.delegation, date(2027, 3, 11), "Asia/Seoul")
        else {
            panic!("a line without a time")
        };
        assert_eq!(err[0].field, "quick");

        let id = save_entry(&mut f.store, None, &e).unwrap().meta.id;
        let copy = itinerary::duplicate_item(&mut f.store, id, Some(date(2027, 3, 12))).unwrap();
        assert_ne!(copy.meta.id, id);
        assert_eq!(copy.data.title, "Gặp Samsung C&T");
        assert_eq!(copy.data.attendee_ids, e.attendee_ids);
        assert_eq!(
            itinerary::local(copy.data.starts_at, "Asia/Seoul").to_string(),
            "2027-03-12 09:30:00"
        );
        let moved = itinerary::move_item(&mut f.store, id, date(2027, 3, 10)).unwrap();
        assert_eq!(
            itinerary::local(moved.data.starts_at, "Asia/Seoul").to_string(),
            "2027-03-10 09:30:00"
        );
        assert_eq!(
            (moved.data.ends_at - moved.data.starts_at).num_minutes(),
            90
        );
        assert_eq!(
            f.store
                .audit_of(EntityKind::ItineraryItems, id)
                .unwrap()
                .len(),
            2
        );
    }
}

on_both! {
    fn passport_expiring_within_six_months_of_return_is_warned(store) {
        let mut f = fixture(store);
        for (member, expiry) in [(f.a, date(2027, 9, 12)), (f.b, date(2027, 9, 14))] {
            f.store
                .update_json(
                    EntityKind::Members,
                    member,
                    serde_json::json!({"passport_expiry": expiry}),
                )
                .unwrap();
        }
        let view = itinerary::view(&f.store, f.delegation).unwrap();
        let warned: Vec<i64> = view.warnings.iter().map(|w| w.member_id).collect();
        assert_eq!(warned, vec![f.a]);
        assert!(view.warnings[0].message_vi.contains("12/09/2027"));
    }
}

on_both! {
    fn counsellor_load_lists_delegations_and_meetings(store) {
        let mut f = fixture(store);
        f.add(f.entry("Gặp JETRO", date(2027, 3, 9), (10, 0), (11, 0)));
        f.add(f.entry("Gặp Keidanren", date(2027, 3, 10), (10, 0), (11, 0)));
        let load = f.store.counsellor_load(f.counsellor, now()).unwrap();
        assert_eq!(load.delegations.len(), 1);
        assert_eq!(load.active_delegations, 1);
        assert_eq!(load.meetings.len(), 2);
        assert_eq!(load.upcoming_meetings, 2);
        assert_eq!(load.meetings[0].title, "Gặp JETRO");
    }
}

on_both! {
    fn delegations_filter_by_year_and_status(store) {
        let mut f = fixture(store);
        f.store
            .create(&Delegation {
                title: "Đoàn 2026".into(),
                destination_country: "DE".into(),
                time_zone: "Europe/Berlin".into(),
                start_date: Some(date(2026, 10, 5)),
                end_date: Some(date(2026, 10, 9)),
                ..Delegation::default()
            })
            .unwrap();
        let q = |filters: Vec<Filter>| ListQuery {
            filters,
            ..ListQuery::default()
        };
        let year = Filter {
            field: "start_date".into(),
            value: "2027".into(),
            op: Some(FilterOp::Prefix),
        };
        let page = f.store.list::<Delegation>(&q(vec![year.clone()])).unwrap();
        assert_eq!(page.total, 1);
        assert_eq!(page.items[0].meta.id, f.delegation);
        let both = f
            .store
            .list::<Delegation>(&q(vec![year, Filter::eq("destination_country", "DE")]))
            .unwrap();
        assert_eq!(both.total, 0);
        assert_eq!(
            Filter::parse("start_date^=2026").unwrap().op,
            Some(FilterOp::Prefix)
        );
    }
}

on_both! {
    fn the_demo_mission_checks_in_well_under_a_millisecond_per_item(store) {
        // Not a timing assertion: checks the demo's itineraries load and check without panicking,
        // and that its known warning (a passport too close to expiry) is there.
        planner_core::demo::seed_demo(&mut store, date(2026, 11, 27)).unwrap();
        let d = store
            .list::<Delegation>(&ListQuery::default())
            .unwrap()
            .items;
        let mut warnings = 0;
        for r in &d {
            let view = itinerary::view(&store, r.meta.id).unwrap();
            warnings += view.warnings.len();
            let hard: Vec<_> = view
                .conflicts
                .iter()
                .filter(|c| c.severity == Severity::Hard)
                .map(|c| c.message_en.clone())
                .collect();
            assert!(hard.is_empty(), "{}: {hard:#?}", r.data.title);
        }
        assert!(warnings >= 1);
    }
}

on_both! {
    fn deleting_a_member_or_a_delegation_audits_every_record_it_changes(store) {
        let mut f = fixture(store);
        let item = f.add(f.entry("Gặp JETRO", date(2027, 3, 9), (10, 0), (11, 0)));
        f.store.delete(EntityKind::Members, f.b).unwrap();
        let after = f.store.get::<ItineraryItem>(item).unwrap().data;
        assert_eq!(after.attendee_ids, vec![f.a]);
        let audit = f.store.audit_of(EntityKind::ItineraryItems, item).unwrap();
        assert!(
            audit
                .iter()
                .any(|a| a.changes.get("attendee_ids").is_some()),
            "{audit:#?}"
        );
        f.store
            .delete(EntityKind::Delegations, f.delegation)
            .unwrap();
        for (kind, id) in [
            (EntityKind::ItineraryItems, item),
            (EntityKind::Members, f.a),
        ] {
            let audit = f.store.audit_of(kind, id).unwrap();
            assert_eq!(audit.last().unwrap().action, "delete", "{kind:?} {id}");
        }
    }
}

on_both! {
    fn a_delegation_cannot_be_created_past_the_workflow_and_going_back_keeps_the_approval(store) {
        let mut f = fixture(store);
        let Err(CoreError::Invalid(e)) = f.store.create_json(
            EntityKind::Delegations,
            serde_json::json!({"title": "Đoàn đã duyệt sẵn", "destination_country": "JP",
                               "time_zone": "Asia/Tokyo", "status": "approved"}),
        ) else {
            panic!("created already approved")
        };
        assert_eq!(
            (e[0].field.as_str(), e[0].code.as_str()),
            ("status", "use_workflow")
        );
        f.go(DelegationStatus::Proposed, None, now()).unwrap();
        f.go(DelegationStatus::Approved, Some("Giám đốc Sở"), now())
            .unwrap();
        f.go(DelegationStatus::Confirmed, None, now()).unwrap();
        let back = f.go(DelegationStatus::Approved, None, now()).unwrap();
        assert_eq!(back.data.approved_by.as_deref(), Some("Giám đốc Sở"));
        assert_eq!(back.data.approved_at, Some(now()));
        // Settings sent in part keep the rest.
        let s: planner_core::settings::Settings =
            serde_json::from_value(serde_json::json!({"ui_language": "en"})).unwrap();
        assert_eq!(s.travel_buffer_minutes, 30);
    }
}

on_both! {
    /// A delegation without dates sorts before the dated ones going up and after them going
    /// down, on either backend (PostgreSQL's default puts an empty value the other way).
    fn undated_delegations_sort_first_going_up_and_last_going_down(store) {
        let mut f = fixture(store);
        let undated = f
            .store
            .create(&Delegation {
                title: "Đoàn chưa có ngày".into(),
                destination_country: "KR".into(),
                time_zone: "Asia/Seoul".into(),
                ..Delegation::default()
            })
            .unwrap()
            .meta
            .id;
        let order = |store: &Store, descending| -> Vec<i64> {
            let q = ListQuery {
                sort: Some("start_date".into()),
                descending,
                ..ListQuery::default()
            };
            let page = store.list::<Delegation>(&q).unwrap();
            page.items.iter().map(|r| r.meta.id).collect()
        };
        assert_eq!(order(&f.store, false), [undated, f.delegation]);
        assert_eq!(order(&f.store, true), [f.delegation, undated]);
    }
}
