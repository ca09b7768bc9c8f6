//! Items typed across a clock change (#13.20): in a Berlin delegation, a time that does not exist
//! (28/03/2027, clocks go forward 02:00 → 03:00) or occurs twice (31/10/2027, clocks go back
//! 03:00 → 02:00) is placed as RFC 5545 says, keeps the length typed, and is explained next to
//! the item and in the quick-add answer, in Vietnamese and English.

use chrono::{DateTime, NaiveDate, Utc};
use planner_core::domain::*;
use planner_core::itinerary::{self, QuickAddRequest, QuickAdded};
use planner_core::labels::Bilingual;
use planner_core::Store;

const BERLIN: &str = "Europe/Berlin";

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn utc(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

/// Adds a delegation to Berlin to `store`.
fn berlin(store: &mut Store) -> i64 {
    let d = store
        .create(&Delegation {
            title: "Đoàn xúc tiến đầu tư tại Đức".into(),
            destination_country: "DE".into(),
            time_zone: BERLIN.into(),
            start_date: Some(date(2027, 3, 27)),
            end_date: Some(date(2027, 11, 1)),
            ..Delegation::default()
        })
        .unwrap();
    d.meta.id
}

fn quick(store: &mut Store, delegation: i64, line: &str, on: NaiveDate) -> QuickAdded {
    itinerary::quick_add(
        store,
        &QuickAddRequest {
            delegation_id: delegation,
            line: line.into(),
            date: on,
            time_zone: BERLIN.into(),
        },
    )
    .unwrap()
}

/// The note the itinerary view shows next to item `id`.
fn view_note(store: &Store, delegation: i64, id: i64) -> Option<Bilingual> {
    itinerary::view(store, delegation)
        .unwrap()
        .days
        .into_iter()
        .flat_map(|d| d.items)
        .find(|i| i.item.id == id)
        .expect("the item is in the view")
        .clock_note
}

on_both! {
    fn a_start_that_does_not_exist_is_read_before_the_gap_and_keeps_its_length(store) {
        let d = berlin(&mut store);
        let added = quick(&mut store, d, "02:30-03:30 Gặp Siemens", date(2027, 3, 28));
        let item = &added.item.data;
        // 02:30 at +01:00 (the offset before the gap) is 03:30 CEST; the hour typed is kept.
        assert_eq!(item.starts_at, utc("2027-03-28T01:30:00Z"));
        assert_eq!(item.ends_at, utc("2027-03-28T02:30:00Z"));
        assert_eq!((item.ends_at - item.starts_at).num_minutes(), 60);
        assert_eq!(
            itinerary::local(item.starts_at, BERLIN).to_string(),
            "2027-03-28 03:30:00"
        );
        assert_eq!(
            item.entered_start,
            Some(date(2027, 3, 28).and_hms_opt(2, 30, 0).unwrap())
        );
        assert_eq!(
            item.entered_end,
            Some(date(2027, 3, 28).and_hms_opt(3, 30, 0).unwrap())
        );
        let note = Bilingual::new(
            "02:30 không có trong ngày 28/03/2027 ở Europe/Berlin (đồng hồ chỉnh nhanh lên): \
             bắt đầu lúc 03:30 CEST, giữ nguyên thời lượng 1 giờ",
            "02:30 does not exist on 28/03/2027 in Europe/Berlin (clocks go forward): \
             starts at 03:30 CEST, 1 h kept",
        );
        assert_eq!(added.clock_note.as_ref(), Some(&note));
        assert_eq!(view_note(&store, d, added.item.id), Some(note.clone()));

        // The form shows what was typed; saving it again places it the same way.
        let entry = itinerary::entry_of(&store, added.item.id).unwrap();
        assert_eq!(
            (entry.start_time, entry.end_time),
            (
                chrono::NaiveTime::from_hms_opt(2, 30, 0),
                chrono::NaiveTime::from_hms_opt(3, 30, 0)
            )
        );
        let again = itinerary::save_entry(&mut store, Some(added.item.id), &entry).unwrap();
        assert_eq!(&again.data, item);

        // Moved to a day without a clock change, it starts at 02:30 as typed, with no note.
        let moved = itinerary::move_item(&mut store, added.item.id, date(2027, 3, 29)).unwrap();
        assert_eq!(moved.data.starts_at, utc("2027-03-29T00:30:00Z"));
        assert_eq!(
            (moved.data.ends_at - moved.data.starts_at).num_minutes(),
            60
        );
        assert_eq!(
            (moved.data.entered_start, moved.data.entered_end),
            (None, None)
        );
        assert_eq!(view_note(&store, d, added.item.id), None);
        // Moved back onto the night of the change, it is told again.
        itinerary::move_item(&mut store, added.item.id, date(2027, 3, 28)).unwrap();
        assert_eq!(view_note(&store, d, added.item.id), Some(note));
    }
}

on_both! {
    fn a_start_that_occurs_twice_is_the_first_and_keeps_its_length(store) {
        let d = berlin(&mut store);
        let added = quick(&mut store, d, "02:30-03:30 Gặp Bosch", date(2027, 10, 31));
        let item = &added.item.data;
        // The first 02:30 is summer time (+02:00); one hour later it is 02:30 again, in winter time.
        assert_eq!(item.starts_at, utc("2027-10-31T00:30:00Z"));
        assert_eq!(item.ends_at, utc("2027-10-31T01:30:00Z"));
        assert_eq!((item.ends_at - item.starts_at).num_minutes(), 60);
        assert_eq!(
            itinerary::zone_abbreviation(item.ends_at, BERLIN),
            "CET".to_string()
        );
        let note = Bilingual::new(
            "02:30 có hai lần trong ngày 31/10/2027 ở Europe/Berlin (đồng hồ lùi lại): \
             bắt đầu lúc lần đầu, 02:30 CEST, giữ nguyên thời lượng 1 giờ",
            "02:30 occurs twice on 31/10/2027 in Europe/Berlin (clocks go back): \
             starts at the first, 02:30 CEST, 1 h kept",
        );
        assert_eq!(added.clock_note.as_ref(), Some(&note));
        assert_eq!(view_note(&store, d, added.item.id), Some(note));
    }
}

on_both! {
    fn an_end_in_a_gap_keeps_the_length_and_says_where_it_ends(store) {
        let d = berlin(&mut store);
        let added = quick(&mut store, d, "01:15-02:45 Ăn sáng", date(2027, 3, 28));
        let item = &added.item.data;
        assert_eq!(item.starts_at, utc("2027-03-28T00:15:00Z"));
        assert_eq!((item.ends_at - item.starts_at).num_minutes(), 90);
        assert!(item.entered_start.is_some() && item.entered_end.is_some());
        assert_eq!(
            added.clock_note.map(|n| n.en),
            Some(
                "02:45 does not exist on 28/03/2027 in Europe/Berlin (clocks go forward): \
                 ends at 03:45 CEST, 1 h 30 min kept"
                    .to_string()
            )
        );
    }
}

on_both! {
    fn times_that_occur_once_are_taken_as_typed_even_across_a_change(store) {
        let d = berlin(&mut store);
        // 01:00 to 04:00 on the night the clocks go forward is two hours: both times exist.
        let night = quick(&mut store, d, "01:00-04:00 Bay Berlin", date(2027, 3, 28));
        assert_eq!(
            (night.item.data.ends_at - night.item.data.starts_at).num_minutes(),
            120
        );
        assert_eq!(night.clock_note, None);
        let day = quick(&mut store, d, "10:00-11:00 Gặp BASF", date(2027, 10, 31));
        assert_eq!(day.item.data.starts_at, utc("2027-10-31T09:00:00Z"));
        assert_eq!(
            (day.item.data.entered_start, day.item.data.entered_end),
            (None, None)
        );
        assert_eq!(view_note(&store, d, day.item.id), None);
    }
}
