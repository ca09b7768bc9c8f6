//! Local wall-clock times in IANA zones, and the UTC instants the store keeps.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

/// Hanoi's zone: every itinerary is also shown in it.
pub const HANOI: Tz = chrono_tz::Asia::Ho_Chi_Minh;

/// The UTC instant of a local date and time in `zone`. In a DST gap the time is moved forward
/// past the gap; in a DST overlap the earlier instant is taken. None for an unknown zone.
pub fn local_to_utc(date: NaiveDate, time: NaiveTime, zone: &str) -> Option<DateTime<Utc>> {
    let tz: Tz = zone.parse().ok()?;
    let naive = NaiveDateTime::new(date, time);
    let mut probe = naive;
    for _ in 0..4 {
        if let Some(t) = tz.from_local_datetime(&probe).earliest() {
            return Some(t.with_timezone(&Utc));
        }
        probe += chrono::Duration::minutes(30);
    }
    None
}

/// The local date-time of `instant` in `zone` (None for an unknown zone).
pub fn utc_to_local(instant: DateTime<Utc>, zone: &str) -> Option<NaiveDateTime> {
    let tz: Tz = zone.parse().ok()?;
    Some(instant.with_timezone(&tz).naive_local())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokyo_ten_is_hanoi_eight() {
        let d = NaiveDate::from_ymd_opt(2027, 3, 9).unwrap();
        let t = local_to_utc(d, NaiveTime::from_hms_opt(10, 0, 0).unwrap(), "Asia/Tokyo").unwrap();
        assert_eq!(t.to_rfc3339(), "2027-03-09T01:00:00+00:00");
        let hanoi = utc_to_local(t, "Asia/Ho_Chi_Minh").unwrap();
        assert_eq!(hanoi.format("%H:%M").to_string(), "08:00");
    }

    #[test]
    fn berlin_gap_moves_forward() {
        // 28 March 2027: clocks in Berlin jump from 02:00 to 03:00.
        let d = NaiveDate::from_ymd_opt(2027, 3, 28).unwrap();
        let t = local_to_utc(
            d,
            NaiveTime::from_hms_opt(2, 30, 0).unwrap(),
            "Europe/Berlin",
        )
        .unwrap();
        assert_eq!(
            utc_to_local(t, "Europe/Berlin")
                .unwrap()
                .format("%H:%M")
                .to_string(),
            "03:00"
        );
    }
}
