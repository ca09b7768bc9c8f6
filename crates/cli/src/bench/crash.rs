//! `planner bench crash --runs N [--seed S]`: runs `planner crash-workload` on a fresh store
//! per seed, SIGKILLs it at a seeded point (after a seeded number of output lines, then a
//! seeded delay), reopens the store through the normal path and checks that nothing
//! acknowledged was lost and nothing is half-written. Prints the tally: kills by the step they
//! interrupted, and failures, each with the store kept for a post-mortem.

use crate::crash::{Rng, STEPS};
use anyhow::{bail, ensure, Context, Result};
use planner_core::doctor::{self, Options};
use planner_core::domain::{EntityKind, Organization};
use planner_core::store::plain_integrity_check;
use planner_core::{backup, Store};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

/// How one seed went.
pub struct Outcome {
    /// The step the kill interrupted ("Import", "Backup", …), or "finished" when it came after
    /// the end.
    pub phase: String,
    /// What was wrong after the kill, if anything.
    pub failure: Option<String>,
}

/// Runs seed `seed` in `work` (a folder of its own) with `rows` contacts per import, killing
/// after at most `max_delay` past the chosen line.
pub fn run_seed(seed: u64, rows: usize, work: &Path, max_delay: Duration) -> Result<Outcome> {
    let _ = std::fs::remove_dir_all(work);
    std::fs::create_dir_all(work)?;
    let db = work.join("planner.db");
    let mut rng = Rng::new(seed ^ 0xDEAD);
    // Two lines a step (four for an import): the kill comes anywhere from the first step on.
    let after_lines = 1 + rng.below(2 * STEPS as u64) as usize;
    // Single writes take a millisecond, imports and backups hundreds: without short delays
    // nearly every kill would land in a long step.
    let most = match rng.below(3) {
        0 => Duration::ZERO,
        1 => Duration::from_millis(5),
        _ => max_delay,
    };
    let delay = Duration::from_micros(rng.below(most.as_micros() as u64 + 1));
    let mut child = Command::new(std::env::current_exe()?)
        .arg("--db")
        .arg(&db)
        .args(["crash-workload", "--seed", &seed.to_string()])
        .args(["--rows", &rows.to_string()])
        .env_remove("PLANNER_DB")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .context("cannot run the workload")?;
    let mut out = BufReader::new(child.stdout.take().expect("piped"));
    let mut lines = Vec::new();
    let mut line = String::new();
    while lines.len() < after_lines && out.read_line(&mut line)? > 0 {
        lines.push(std::mem::take(&mut line).trim_end().to_owned());
    }
    std::thread::sleep(delay);
    // SIGKILL on Unix: no destructor, no flush, as a power cut would leave the process.
    let _ = child.kill();
    let status = child.wait()?;
    // What it printed before it died was acknowledged too.
    while out.read_line(&mut line)? > 0 {
        lines.push(std::mem::take(&mut line).trim_end().to_owned());
    }
    let finished = lines.last().is_some_and(|l| l == "done");
    // Killed while it exited after "done" is still a finished run.
    if finished && status.code().is_some_and(|c| c != 0) {
        bail!("the workload ended with {status}");
    }
    if !finished && status.code().is_some() {
        let mut err = String::new();
        std::io::Read::read_to_string(&mut child.stderr.take().expect("piped"), &mut err)?;
        bail!("the workload failed by itself ({status}): {err}");
    }
    let phase = match lines.iter().rev().find(|l| !l.starts_with("commit")) {
        Some(l) if l == "done" => "finished".to_owned(),
        Some(l) if !finished && lines.last() == Some(l) => {
            l.split_whitespace().nth(1).unwrap_or("?").to_owned()
        }
        _ => "between steps".to_owned(),
    };
    let failure = check(&db, &lines, rows).err().map(|e| format!("{e:#}"));
    Ok(Outcome { phase, failure })
}

/// Everything that must hold after a kill, on the store reopened through the normal path.
fn check(db: &Path, lines: &[String], rows: usize) -> Result<()> {
    let store = Store::open(db).context("reopening")?;
    let plain = plain_integrity_check(db)?;
    ensure!(
        plain.problems.is_empty(),
        "integrity_check: {:?}",
        plain.problems
    );
    let report = doctor::check(&store, Options { backups: false })?;
    ensure!(report.healthy(), "doctor: {:?}", report.findings);
    let mut imports = 0;
    let mut old_store: Option<(u32, usize)> = None;
    let mut migrated = false;
    let mut revisions: BTreeMap<i64, u64> = BTreeMap::new();
    for l in lines {
        let words: Vec<&str> = l.split_whitespace().collect();
        match words.as_slice() {
            ["commit", "create", id] => {
                store
                    .get::<Organization>(id.parse()?)
                    .with_context(|| format!("acknowledged {l}"))?;
            }
            ["commit", "update", id, rev] => {
                revisions.insert(id.parse()?, rev.parse()?);
            }
            ["commit", "import", _, n] => {
                ensure!(n.parse::<usize>()? == rows, "an import made {n} contacts");
                imports += 1;
            }
            ["commit", "oldstore", _, version, n] => {
                old_store = Some((version.parse()?, n.parse()?));
            }
            ["commit", "migrate", _] => migrated = true,
            ["commit", "backup", path] => {
                let v = backup::verify(Path::new(path)).with_context(|| l.clone())?;
                ensure!(v.ok(), "acknowledged backup {path}: {:?}", v.problems);
            }
            _ => {}
        }
    }
    for (id, acked) in revisions {
        let notes = store
            .get::<Organization>(id)?
            .data
            .notes
            .unwrap_or_default();
        let got: u64 = notes.trim_start_matches("rev ").parse().unwrap_or(0);
        ensure!(
            got >= acked,
            "organisation {id}: {notes:?}, acknowledged rev {acked}"
        );
    }
    // Contacts come only from imports: whole ones, the acknowledged and at most one more.
    let contacts = store.count(EntityKind::Contacts)? as usize;
    ensure!(
        contacts.is_multiple_of(rows) && (imports..=imports + 1).contains(&(contacts / rows)),
        "{contacts} contacts after {imports} acknowledged imports of {rows}"
    );
    check_backups(&backup::default_folder(db))?;
    check_old_store(&crate::crash::old_store_path(db), old_store, migrated, rows)
}

/// The old-schema store after a kill: absent unless acknowledged; else the old version intact
/// or the new one complete (the latter if its migration was acknowledged), with every record,
/// and whole once reopened through the normal path; its pre-migration backup absent, a
/// temporary file, or valid.
fn check_old_store(
    path: &Path,
    acknowledged: Option<(u32, usize)>,
    migrated: bool,
    rows: usize,
) -> Result<()> {
    if !path.exists() {
        ensure!(acknowledged.is_none(), "the acknowledged old store is gone");
        return Ok(());
    }
    let old_version = planner_core::store::OLDEST_WRITABLE;
    // As the kill left it, before anything reopens it (`verify` reads it as a backup is read).
    let found = backup::verify(path).context("the old store as the kill left it")?;
    ensure!(found.ok(), "old store: {:?}", found.problems);
    let latest = planner_core::store::LATEST_VERSION;
    ensure!(
        found.schema_version == latest || (!migrated && found.schema_version == old_version),
        "old store at schema {} (migration acknowledged: {migrated})",
        found.schema_version
    );
    let counted = |c: &BTreeMap<String, i64>, t: &str| c.get(t).copied().unwrap_or(-1);
    for table in ["organizations", "contacts"] {
        ensure!(
            counted(&found.counts, table) == rows as i64,
            "old store holds {} {table}, not {rows}",
            counted(&found.counts, table)
        );
    }
    let store = Store::open(path).context("reopening the old store")?;
    let plain = plain_integrity_check(path)?;
    ensure!(
        plain.problems.is_empty(),
        "old store integrity_check: {:?}",
        plain.problems
    );
    let report = doctor::check(&store, Options { backups: false })?;
    ensure!(report.healthy(), "old store doctor: {:?}", report.findings);
    ensure!(store.count(EntityKind::Contacts)? as usize == rows);
    drop(store);
    check_backups(&backup::default_folder(path))
}

/// Every file in the backup folder is a backup that verifies, or a temporary file (with the
/// journal SQLite may have left beside it), or an office key.
fn check_backups(folder: &Path) -> Result<()> {
    let named: Vec<String> = backup::list(folder)?.into_iter().map(|b| b.path).collect();
    for path in &named {
        let v = backup::verify(Path::new(path))?;
        ensure!(v.ok(), "backup {path}: {:?}", v.problems);
    }
    for entry in std::fs::read_dir(folder).into_iter().flatten() {
        let path = entry?.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let temporary = name.starts_with(".planner-") && name.contains(".tmp");
        let listed = named.iter().any(|p| Path::new(p) == path);
        ensure!(
            temporary || listed || name.ends_with(".office-key"),
            "unexpected file in the backup folder: {name}"
        );
    }
    Ok(())
}

/// The bench: `runs` seeds from `first`, each store kept under `keep` when it fails.
pub fn crash(runs: u64, first: u64, rows: usize, keep: &Path) -> Result<()> {
    let work = super::tempfile_dir()?.join("crash");
    let mut phases: BTreeMap<String, usize> = BTreeMap::new();
    let mut failures = Vec::new();
    let started = std::time::Instant::now();
    for seed in first..first + runs {
        let dir = work.join(seed.to_string());
        let outcome = run_seed(seed, rows, &dir, Duration::from_millis(400))?;
        *phases.entry(outcome.phase.clone()).or_default() += 1;
        if let Some(why) = outcome.failure {
            let kept = keep_store(&dir, &keep.join(seed.to_string()))?;
            println!(
                "seed {seed}: FAILED after a kill in {}: {why}\n  store kept in {}",
                outcome.phase,
                kept.display()
            );
            failures.push(seed);
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
    let _ = std::fs::remove_dir_all(&work);
    let tally: Vec<String> = phases.iter().map(|(p, n)| format!("{p} {n}")).collect();
    println!(
        "crash: {runs} runs (seeds {first}..{}) of {rows}-row imports in {:.0} s; killed in: {}; \
         failures: {} {failures:?}",
        first + runs,
        started.elapsed().as_secs_f64(),
        tally.join(", "),
        failures.len()
    );
    ensure!(failures.is_empty(), "{} seeds failed", failures.len());
    Ok(())
}

/// Copies the failing seed's folder (store, WAL, backups) to `to`, for a post-mortem.
fn keep_store(from: &Path, to: &Path) -> Result<PathBuf> {
    let _ = std::fs::remove_dir_all(to);
    copy_dir(from, to)?;
    Ok(std::path::absolute(to)?)
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let path = entry?.path();
        let target = to.join(path.file_name().unwrap_or_default());
        if path.is_dir() {
            copy_dir(&path, &target)?;
        } else {
            std::fs::copy(&path, &target)?;
        }
    }
    Ok(())
}
