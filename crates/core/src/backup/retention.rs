//! Which backups to delete: grandfather-father-son thinning, a pure function over the list.
//!
//! Every backup of the last day is kept; then the newest of each UTC day for 14 days, of each
//! week for 8 weeks more, of each month up to a year; older ones go. Buckets are calendar days,
//! weeks and months, not distances from now, so the backup kept for a bucket stays the kept one
//! as time passes (Anki's thinning does the same). A backup kept out of rotation (the safety
//! copy taken before a restore, and the backup a restore came from) is never deleted.

use chrono::{DateTime, Datelike, Duration, Utc};
use std::collections::HashSet;

/// One backup as thinning sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub at: DateTime<Utc>,
    pub name: String,
    /// Kept out of rotation: never deleted by thinning.
    pub kept: bool,
}

/// Days with one backup each, after the last 24 hours.
pub const DAILY_DAYS: i64 = 14;
/// Weeks with one backup each, after the daily ones.
pub const WEEKLY_WEEKS: i64 = 8;
/// How far back monthly backups go; older ones are deleted.
pub const MONTHLY_DAYS: i64 = 365;

/// The band a backup falls in at `now`, with its bucket in that band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Bucket {
    Day(i32, u32),
    Week(i32, u32),
    Month(i32, u32),
}

fn bucket(at: DateTime<Utc>, now: DateTime<Utc>) -> Option<Option<Bucket>> {
    if now - at < Duration::days(1) {
        return Some(None); // the last day: every backup kept
    }
    let days = (now.date_naive() - at.date_naive()).num_days();
    let date = at.date_naive();
    // Today is the last day's; the 14 days before it have one each, and so on.
    if days <= DAILY_DAYS {
        Some(Some(Bucket::Day(date.year(), date.ordinal())))
    } else if days <= DAILY_DAYS + 7 * WEEKLY_WEEKS {
        let week = date.iso_week();
        Some(Some(Bucket::Week(week.year(), week.week())))
    } else if days < MONTHLY_DAYS {
        Some(Some(Bucket::Month(date.year(), date.month())))
    } else {
        None // too old
    }
}

/// The names of the backups to delete at `now`: in each bucket all but the newest, and every
/// backup older than a year; never one kept out of rotation.
pub fn to_delete(backups: &[Candidate], now: DateTime<Utc>) -> Vec<String> {
    let mut newest_first: Vec<&Candidate> = backups.iter().collect();
    newest_first.sort_by(|a, b| b.at.cmp(&a.at).then_with(|| b.name.cmp(&a.name)));
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for b in newest_first {
        if b.kept {
            continue;
        }
        let keep = match bucket(b.at, now) {
            Some(None) => true,
            Some(Some(bucket)) => seen.insert(bucket),
            None => false,
        };
        if !keep {
            out.push(b.name.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn candidate(at: DateTime<Utc>, kept: bool) -> Candidate {
        Candidate {
            at,
            name: format!(
                "{}{}",
                at.format("%Y%m%dT%H%M%SZ"),
                if kept { "-kept" } else { "" }
            ),
            kept,
        }
    }

    /// A year of hourly backups, thinned after each as the app does, with a safety backup
    /// kept out of rotation every 90 days.
    fn simulated_year() -> (DateTime<Utc>, Vec<Candidate>) {
        let start = Utc.with_ymd_and_hms(2026, 1, 1, 0, 30, 0).unwrap();
        let mut kept: Vec<Candidate> = Vec::new();
        let mut now = start;
        for hour in 0..365 * 24 {
            now = start + Duration::hours(hour);
            kept.push(candidate(now, hour % (90 * 24) == 5));
            let gone: HashSet<String> = to_delete(&kept, now).into_iter().collect();
            kept.retain(|c| !gone.contains(&c.name));
        }
        (now, kept)
    }

    #[test]
    fn a_year_of_hourly_backups_thins_to_each_band() {
        let (now, kept) = simulated_year();
        let age = |c: &Candidate| (now.date_naive() - c.at.date_naive()).num_days();
        let rotating: Vec<&Candidate> = kept.iter().filter(|c| !c.kept).collect();
        let last_day = rotating
            .iter()
            .filter(|c| now - c.at < Duration::days(1))
            .count();
        assert_eq!(last_day, 24, "every backup of the last 24 hours");
        let daily: Vec<_> = rotating
            .iter()
            .filter(|c| now - c.at >= Duration::days(1) && age(c) <= DAILY_DAYS)
            .collect();
        // Yesterday (its last hour) to 14 days ago.
        assert_eq!(daily.len(), 14, "{daily:?}");
        // The newest of each day is the one kept: the last hour of that day.
        for c in daily.iter().filter(|c| age(c) >= 2) {
            assert_eq!(c.at.format("%H:%M").to_string(), "23:30", "{c:?}");
        }
        let weekly = rotating
            .iter()
            .filter(|c| (DAILY_DAYS + 1..=DAILY_DAYS + 7 * WEEKLY_WEEKS).contains(&age(c)))
            .count();
        // 22 October to 16 December: 56 days that touch 9 ISO weeks, the first and last in part.
        assert_eq!(weekly, 9, "weekly backups");
        let monthly = rotating
            .iter()
            .filter(|c| age(c) > DAILY_DAYS + 7 * WEEKLY_WEEKS)
            .count();
        // 1 January to 21 October: 10 months, the last in part.
        assert_eq!(monthly, 10, "monthly backups");
        assert!(rotating.iter().all(|c| age(c) < MONTHLY_DAYS));
        // 57 files carry a year back, not 8,760.
        assert_eq!(rotating.len(), 24 + 14 + 9 + 10);
        // The newest backup is always kept.
        assert_eq!(kept.iter().map(|c| c.at).max(), Some(now));
    }

    #[test]
    fn backups_kept_out_of_rotation_are_never_deleted() {
        let (_, kept) = simulated_year();
        let safety: Vec<_> = kept.iter().filter(|c| c.kept).collect();
        // Hours 5, 90 days + 5 h, 180 days + 5 h, 270 days + 5 h, 360 days + 5 h.
        assert_eq!(safety.len(), 5, "{safety:?}");
        // Even older than a year.
        let start = Utc.with_ymd_and_hms(2020, 1, 1, 0, 0, 0).unwrap();
        let old = [candidate(start, true), candidate(start, false)];
        assert_eq!(
            to_delete(&old, Utc::now()),
            vec![old[1].name.clone()],
            "only the one in rotation goes"
        );
    }

    #[test]
    fn in_a_bucket_the_newest_stays_and_the_older_go() {
        let now = Utc.with_ymd_and_hms(2026, 6, 30, 12, 0, 0).unwrap();
        let day = |h| candidate(Utc.with_ymd_and_hms(2026, 6, 20, h, 0, 0).unwrap(), false);
        let list = [day(8), day(17), day(9)];
        let mut gone = to_delete(&list, now);
        gone.sort();
        assert_eq!(gone, vec![list[0].name.clone(), list[2].name.clone()]);
    }
}
