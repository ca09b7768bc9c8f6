//! `planner doctor [--repair | --quick] [--json]`: checks the store (see `planner_core::doctor`), and with
//! `--repair` rebuilds what can be rebuilt. Exits 1 when something is (still) wrong, so that a
//! script or a scheduled task can tell.

use anyhow::Result;
use clap::Args;
use planner_core::doctor::{self, Options, Report};
use planner_core::Store;

#[derive(Args)]
pub struct DoctorArgs {
    /// Rebuild what can be rebuilt from the store (the search index, the sort keys), then
    /// check again.
    #[arg(long)]
    repair: bool,
    /// Skip verifying each backup (about a second each on a large store).
    #[arg(long)]
    no_backups: bool,
    #[arg(long)]
    json: bool,
    /// Only the quick checks the app runs at each start (read-only or not, `quick_check`,
    /// references, pending index work; when damaged, the newest good backup), with their time.
    #[arg(long, conflicts_with = "repair")]
    quick: bool,
}

/// Runs the doctor; the exit code: 0 healthy, 1 with findings.
pub fn doctor(store: &mut Store, args: DoctorArgs) -> Result<i32> {
    let options = Options {
        backups: !args.no_backups,
    };
    if args.quick {
        let health = doctor::store_health(store)?;
        if args.json {
            crate::print_json(&health)?;
        } else {
            print_health(&health);
        }
        return Ok(if health.damaged { 1 } else { 0 });
    }
    let report = if args.repair {
        let repair = doctor::repair(store, options)?;
        if args.json {
            crate::print_json(&repair)?;
        } else {
            if repair.rebuilt_index {
                println!(
                    "repaired: the search index was rebuilt ({} findings before)",
                    repair.before.findings.len()
                );
            }
            if repair.sort_keys_refreshed > 0 {
                println!(
                    "repaired: {} sort keys written again from their names",
                    repair.sort_keys_refreshed
                );
            }
            print(&repair.after);
            if !repair.after.healthy() {
                println!("not repairable here: restore a backup or put the files back");
            }
        }
        repair.after
    } else {
        let report = doctor::check(store, options)?;
        if args.json {
            crate::print_json(&report)?;
        } else {
            print(&report);
        }
        report
    };
    Ok(if report.healthy() { 0 } else { 1 })
}

fn print_health(h: &doctor::StoreHealth) {
    if let Some(reason) = h.read_only {
        println!("read-only ({reason:?}): reads work, every write is refused");
    }
    for f in &h.findings {
        println!("{}: {}", f.code, f.message.en);
        println!("  {}", f.message.vi);
    }
    if h.damaged {
        match &h.newest_good_backup {
            Some(b) => println!("newest good backup: {} ({})", b.path, b.taken_at),
            None => println!("no backup passes its check"),
        }
    } else if h.findings.is_empty() {
        println!("ok: quick check in {} ms", h.check_millis);
        return;
    }
    println!(
        "quick check in {} ms, backups looked at in {} ms",
        h.check_millis, h.backup_millis
    );
}

fn print(report: &Report) {
    let c = &report.checked;
    if report.healthy() {
        println!(
            "ok: {} records indexed, {} brief files, {} pictures, {} received files, {} backups \
             checked in {} ms",
            c.indexed_records,
            c.brief_files,
            c.pictures,
            c.received_files,
            c.backups,
            report.millis
        );
        return;
    }
    for f in &report.findings {
        let repair = if f.repairable {
            "repairable with --repair"
        } else {
            "not repairable"
        };
        println!("{}: {} ({repair})", f.code.name(), f.message.en);
        println!("  {}", f.message.vi);
        for item in &f.items {
            println!("  - {item}");
        }
        if f.count > f.items.len() {
            println!("  … and {} more", f.count - f.items.len());
        }
    }
}
