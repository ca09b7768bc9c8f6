//! Local wall-clock times in IANA zones, and the UTC instants the store keeps.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;

/// Hanoi's zone: every itinerary is also shown in it.
pub const HANOI: Tz = chrono_tz::Asia::Ho_Chi_Minh;

/// How a local date-time was placed on the timeline (RFC 5545, 3.3.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocalFit {
    /// The local time occurs once: taken as it is.
    Exact,
    /// The local time does not exist (clocks went forward by `gap` over it): it is read with the
    /// offset in force before the gap, so it lands `gap` later on the clock.
    Skipped { gap: Duration },
    /// The local time occurs twice (clocks went back over it): the first occurrence is taken.
    Repeated,
}

/// A local date-time placed on the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placed {
    pub instant: DateTime<Utc>,
    pub fit: LocalFit,
}

/// Places a local date-time of `zone` on the timeline as RFC 5545 does: a nonexistent time is
/// read with the offset before the gap, an ambiguous one is its first occurrence. None for an
/// unknown zone.
pub fn place_local(local: NaiveDateTime, zone: &str) -> Option<Placed> {
    let tz: Tz = zone.parse().ok()?;
    match tz.from_local_datetime(&local) {
        chrono::LocalResult::Single(t) => Some(Placed {
            instant: t.with_timezone(&Utc),
            fit: LocalFit::Exact,
        }),
        chrono::LocalResult::Ambiguous(first, _) => Some(Placed {
            instant: first.with_timezone(&Utc),
            fit: LocalFit::Repeated,
        }),
        chrono::LocalResult::None => {
            // The offset in force before the gap: that of the last local time before it that
            // exists (gaps are at most a day long, as when Samoa skipped 30/12/2011).
            let before = (1..=96).find_map(|quarter| {
                tz.from_local_datetime(&(local - Duration::minutes(15 * quarter)))
                    .latest()
            })?;
            let offset = Duration::seconds(before.offset().fix().local_minus_utc().into());
            let instant = Utc.from_utc_datetime(&(local - offset));
            let after = Duration::seconds(
                instant
                    .with_timezone(&tz)
                    .offset()
                    .fix()
                    .local_minus_utc()
                    .into(),
            );
            Some(Placed {
                instant,
                fit: LocalFit::Skipped {
                    gap: after - offset,
                },
            })
        }
    }
}

/// The UTC instant of a local date and time in `zone`, placed as `place_local` does. None for an
/// unknown zone.
pub fn local_to_utc(date: NaiveDate, time: NaiveTime, zone: &str) -> Option<DateTime<Utc>> {
    place_local(NaiveDateTime::new(date, time), zone).map(|p| p.instant)
}

/// The local date-time of `instant` in `zone` (None for an unknown zone).
pub fn utc_to_local(instant: DateTime<Utc>, zone: &str) -> Option<NaiveDateTime> {
    let tz: Tz = zone.parse().ok()?;
    Some(instant.with_timezone(&tz).naive_local())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, mo, d)
            .unwrap()
            .and_hms_opt(h, mi, 0)
            .unwrap()
    }

    #[test]
    fn tokyo_ten_is_hanoi_eight() {
        let d = NaiveDate::from_ymd_opt(2027, 3, 9).unwrap();
        let t = local_to_utc(d, NaiveTime::from_hms_opt(10, 0, 0).unwrap(), "Asia/Tokyo").unwrap();
        assert_eq!(t.to_rfc3339(), "2027-03-09T01:00:00+00:00");
        let hanoi = utc_to_local(t, "Asia/Ho_Chi_Minh").unwrap();
        assert_eq!(hanoi.format("%H:%M").to_string(), "08:00");
    }

    #[test]
    fn berlin_gap_moves_forward_by_the_gap() {
        // 28 March 2027: clocks in Berlin jump from 02:00 to 03:00; 02:30 is read at +01:00.
        let p = place_local(at(2027, 3, 28, 2, 30), "Europe/Berlin").unwrap();
        assert_eq!(p.instant.to_rfc3339(), "2027-03-28T01:30:00+00:00");
        assert_eq!(
            p.fit,
            LocalFit::Skipped {
                gap: Duration::hours(1)
            }
        );
        assert_eq!(
            utc_to_local(p.instant, "Europe/Berlin")
                .unwrap()
                .format("%H:%M")
                .to_string(),
            "03:30"
        );
    }

    #[test]
    fn berlin_overlap_takes_the_first() {
        // 31 October 2027: clocks go back from 03:00 to 02:00; 02:30 is first at +02:00.
        let p = place_local(at(2027, 10, 31, 2, 30), "Europe/Berlin").unwrap();
        assert_eq!(p.instant.to_rfc3339(), "2027-10-31T00:30:00+00:00");
        assert_eq!(p.fit, LocalFit::Repeated);
        let plain = place_local(at(2027, 10, 31, 3, 30), "Europe/Berlin").unwrap();
        assert_eq!(plain.fit, LocalFit::Exact);
        assert_eq!(place_local(at(2027, 10, 31, 3, 30), "Mars/Olympus"), None);
    }

    #[test]
    fn a_half_hour_gap_is_measured() {
        // Lord Howe Island moves its clocks by half an hour: 02:00 → 02:30 on 3 October 2027.
        let p = place_local(at(2027, 10, 3, 2, 15), "Australia/Lord_Howe").unwrap();
        assert_eq!(
            p.fit,
            LocalFit::Skipped {
                gap: Duration::minutes(30)
            }
        );
        assert_eq!(
            utc_to_local(p.instant, "Australia/Lord_Howe")
                .unwrap()
                .format("%H:%M")
                .to_string(),
            "02:45"
        );
    }
}
