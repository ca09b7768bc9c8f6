//! `planner crash-workload --seed S` (hidden): the work `planner bench crash` kills. A seeded
//! sequence of the writes an officer's day holds, each through the normal API: organisations
//! created and updated one by one, CSV imports of many contacts, the index work an import
//! leaves, backups, and an old-schema store opened (so migrated, after its pre-migration
//! backup) as an officer's first start of a new build does. Before each step it prints `begin <step>`, and after its commit
//! `commit <step> <what>`, flushed, so that the parent knows what was acknowledged when it
//! kills.

use anyhow::Result;
use clap::Args;
use planner_core::domain::Organization;
use planner_core::store::{write_old_store, OLDEST_WRITABLE};
use planner_core::{backup, Store};
use std::io::Write;

#[derive(Args)]
pub struct WorkloadArgs {
    #[arg(long)]
    seed: u64,
    /// Contacts per import.
    #[arg(long, default_value_t = 20_000)]
    rows: usize,
}

/// How many steps a workload has (a kill usually comes before the end).
pub const STEPS: usize = 60;

/// A small seeded generator (xorshift64*): the same seed, the same workload and kill point.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n.max(1)
    }
}

/// One step of the workload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Create,
    Update,
    Import,
    Backup,
    /// An old-schema store written beside the main one (`old_store_path`), then opened through
    /// the normal path: its pre-migration backup, the migration, the index rebuilt.
    OldStore,
}

/// Where the workload writes its old-schema store: a folder of its own beside the main store,
/// so its pre-migration backup goes to a backup folder of its own.
pub fn old_store_path(db: &std::path::Path) -> std::path::PathBuf {
    db.parent()
        .unwrap_or(std::path::Path::new("."))
        .join("old")
        .join("planner.db")
}

/// The steps of seed `seed`: mostly single writes, one or two imports (each followed by the
/// index work it leaves), two or three backups and one old store migrated, at seeded places.
pub fn steps(seed: u64) -> Vec<Step> {
    let mut rng = Rng::new(seed);
    let mut steps: Vec<Step> = (0..STEPS)
        .map(|i| match i < 3 || rng.below(3) == 0 {
            true => Step::Create,
            false => Step::Update,
        })
        .collect();
    for _ in 0..1 + rng.below(2) {
        steps[3 + rng.below(STEPS as u64 - 3) as usize] = Step::Import;
    }
    for _ in 0..2 + rng.below(2) {
        steps[3 + rng.below(STEPS as u64 - 3) as usize] = Step::Backup;
    }
    // Placed last, so no other step takes its place.
    steps[3 + rng.below(STEPS as u64 - 3) as usize] = Step::OldStore;
    steps
}

fn say(line: std::fmt::Arguments<'_>) -> Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{line}")?;
    out.flush()?;
    Ok(())
}

/// Runs seed `seed`'s steps on `store`, printing each begin and commit.
pub fn workload(store: &mut Store, args: WorkloadArgs) -> Result<()> {
    let mut rng = Rng::new(args.seed ^ 0xC0FFEE);
    let mut created: Vec<i64> = Vec::new();
    let mut imports = 0;
    // Each update writes the next revision into the record's notes: a record read back after
    // a kill must hold its last acknowledged revision or a later one.
    let mut revision = 0u64;
    for (n, step) in steps(args.seed).into_iter().enumerate() {
        say(format_args!("begin {step:?} {n}"))?;
        match step {
            Step::Create => {
                let r = store.create(&Organization {
                    name_vi: format!("Công ty Thử Sập {}-{n}", args.seed),
                    country: "VN".into(),
                    ..Organization::default()
                })?;
                created.push(r.meta.id);
                say(format_args!("commit create {}", r.meta.id))?;
            }
            Step::Update => {
                let id = created[rng.below(created.len() as u64) as usize];
                revision += 1;
                let mut org = store.get::<Organization>(id)?.data;
                org.notes = Some(format!("rev {revision}"));
                store.update(id, &org)?;
                say(format_args!("commit update {id} {revision}"))?;
            }
            Step::Import => {
                let from = imports * args.rows;
                let csv = crate::bench::contacts_csv(from..from + args.rows);
                let report = planner_core::contacts_io::import::import(
                    store,
                    csv.as_bytes(),
                    "crash.csv",
                    None,
                    None,
                    false,
                    None,
                )?;
                imports += 1;
                say(format_args!(
                    "commit import {} {}",
                    report.import_id.unwrap_or_default(),
                    report.contacts_created
                ))?;
                // The index work the import left, as the app's background thread does it.
                say(format_args!("begin Tidy {n}"))?;
                while store.tidy_step()? {}
                say(format_args!("commit tidy {n}"))?;
            }
            Step::Backup => {
                let made = backup::create(store, chrono::Utc::now(), false)?;
                say(format_args!("commit backup {}", made.path))?;
            }
            Step::OldStore => {
                let db = store.path().expect("a store file").to_owned();
                let old = old_store_path(&db);
                std::fs::create_dir_all(old.parent().expect("a folder"))?;
                write_old_store(&old, OLDEST_WRITABLE, args.rows)?;
                say(format_args!(
                    "commit oldstore {} {OLDEST_WRITABLE} {}",
                    old.display(),
                    args.rows
                ))?;
                say(format_args!("begin Migration {n}"))?;
                drop(Store::open(&old)?);
                say(format_args!("commit migrate {}", old.display()))?;
            }
        }
    }
    say(format_args!("done"))
}
