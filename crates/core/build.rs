//! Sets `PLANNER_BUILD_DATE` (YYYY-MM-DD, UTC) for the About screen and `planner --version`:
//! the date of `SOURCE_DATE_EPOCH` when it is set (reproducible builds: the same sources give
//! the same binary), else today's.

use std::time::{SystemTime, UNIX_EPOCH};

fn main() {
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    // Naming these keeps cargo's default (run again when the package changes) for them only:
    // a build of changed sources gets that day's date, a rebuild of the same ones keeps it.
    for watched in ["src", "migrations", "Cargo.toml", "build.rs"] {
        println!("cargo:rerun-if-changed={watched}");
    }
    let seconds = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(epoch) => epoch
            .trim()
            .parse::<i64>()
            .expect("SOURCE_DATE_EPOCH is a number of seconds"),
        Err(_) => SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .expect("clock after 1970")
            .as_secs() as i64,
    };
    let (y, m, d) = civil_date(seconds.div_euclid(86_400));
    println!("cargo:rustc-env=PLANNER_BUILD_DATE={y:04}-{m:02}-{d:02}");
}

/// The proleptic Gregorian date of a day counted from 1970-01-01 (Howard Hinnant's
/// `civil_from_days`: a build script has no date library).
fn civil_date(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}
