//! `planner bench backup`: a backup (`VACUUM INTO`, full checks, flush, rename), a verify, and
//! the copy taken before an operation (`VACUUM INTO`, `quick_check`), timed on the demo store and
//! on a store of N synthetic organisations, with their sizes.

use super::{ms, tempfile_dir};
use anyhow::Result;
use planner_core::{backup, Store};
use std::path::Path;
use std::time::Instant;

/// Seeds a store at `path` with `seed`, then times a backup of it and a verify of that backup.
fn measure(label: &str, path: &Path, seed: impl FnOnce(&mut Store) -> Result<()>) -> Result<()> {
    let mut store = Store::open(path)?;
    let t = Instant::now();
    seed(&mut store)?;
    let seeded = t.elapsed();
    let store_bytes = std::fs::metadata(path)?.len() + wal_bytes(path);
    let t = Instant::now();
    let made = backup::create(&mut store, chrono::Utc::now(), false)?;
    let took = t.elapsed();
    let t = Instant::now();
    let checked = backup::verify(Path::new(&made.path))?;
    let verified = t.elapsed();
    anyhow::ensure!(checked.ok(), "{:?}", checked.problems);
    // A change, then the copy an import or an erase takes first (the quick check).
    let mut settings = store.settings()?;
    settings.travel_buffer_minutes += 1;
    store.save_settings(&settings)?;
    let t = Instant::now();
    let before = backup::before(&mut store)?;
    let before_took = t.elapsed();
    let Some(before) = before else {
        anyhow::bail!("no backup before an operation after a change");
    };
    println!(
        "{label}: seeded in {:.1} s; store {:.1} MB; backup {:.0} ms, {:.1} MB; verify {:.0} ms; \
         backup before an operation (quick check) {:.0} ms, {:.1} MB",
        seeded.as_secs_f64(),
        store_bytes as f64 / 1e6,
        ms(took),
        made.bytes as f64 / 1e6,
        ms(verified),
        ms(before_took),
        before.bytes as f64 / 1e6,
    );
    Ok(())
}

fn wal_bytes(path: &Path) -> u64 {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::metadata(wal).map_or(0, |m| m.len())
}

pub fn backup(organizations: usize) -> Result<()> {
    let dir = tempfile_dir()?.join("backup");
    let _ = std::fs::remove_dir_all(&dir);
    measure("demo", &dir.join("demo").join("planner.db"), |s| {
        planner_core::demo::seed_demo(s, chrono::Local::now().date_naive())?;
        Ok(())
    })?;
    measure(
        &format!("{organizations} organisations"),
        &dir.join("scale").join("planner.db"),
        |s| {
            planner_core::demo::seed_synthetic(s, organizations, 42)?;
            Ok(())
        },
    )?;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
