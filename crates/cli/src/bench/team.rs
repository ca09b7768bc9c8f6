//! `planner bench team`: officers at once on the team store (PostgreSQL), each on a connection
//! of their own, doing an office's mix of work (list pages, searches, creates and updates based
//! on the revision read) for a while; then one user doing the same mix on a SQLite store of the
//! same size. Prints, per operation, count, throughput, p50/p95/p99/max and the refusals and
//! errors. The targets are printed beside the numbers, never asserted.

use super::{ms, percentile, tempfile_dir};
use anyhow::{Context, Result};
use fill::{contact_name, fill, FAMILY, GIVEN, MIDDLE, ORG_TAILS};
use planner_core::domain::{ConsentBasis, Contact, EntityKind, Labelled};
use planner_core::store::ListQuery;
use planner_core::{CoreError, Store};
use std::time::{Duration, Instant};

mod fill;

/// What `planner bench team` is asked to do.
pub struct TeamBench {
    pub url: String,
    pub officers: usize,
    pub seconds: u64,
    pub organizations: usize,
    pub contacts: usize,
    /// Each officer's mean pause between operations (0: one after another, the capacity).
    pub think_ms: u64,
    pub json: bool,
}

/// The operations of the mix, in the order they are reported.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Op {
    List,
    Search,
    Create,
    Update,
}

const OPS: [Op; 4] = [Op::List, Op::Search, Op::Create, Op::Update];

impl Op {
    fn name(self) -> &'static str {
        match self {
            Op::List => "list",
            Op::Search => "search",
            Op::Create => "create",
            Op::Update => "update",
        }
    }

    /// The mix: of every 100 operations, 50 list pages, 30 searches, 10 creates, 10 updates.
    fn of_roll(roll: u64) -> Op {
        match roll {
            0..50 => Op::List,
            50..80 => Op::Search,
            80..90 => Op::Create,
            _ => Op::Update,
        }
    }
}

/// xorshift64*: each officer's own reproducible choices, without a dependency.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n.max(1)
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len() as u64) as usize]
    }
}

/// The store's ids of `kind`, lowest and highest (the bench picks records between them).
fn id_range(store: &Store, kind: EntityKind) -> Result<(i64, i64)> {
    let end = |descending| -> Result<i64> {
        let page = store.list_json(
            kind,
            &ListQuery {
                limit: Some(1),
                descending,
                ..ListQuery::default()
            },
        )?;
        Ok(page
            .items
            .first()
            .and_then(|v| v["id"].as_i64())
            .unwrap_or(0))
    };
    Ok((end(false)?, end(true)?))
}

/// What every officer needs to know of the store before the run.
#[derive(Clone, Copy)]
struct Sizes {
    contacts: (i64, i64),
    organizations: (i64, i64),
    contact_total: u64,
    organization_total: u64,
}

impl Sizes {
    fn of(store: &Store) -> Result<Sizes> {
        Ok(Sizes {
            contacts: id_range(store, EntityKind::Contacts)?,
            organizations: id_range(store, EntityKind::Organizations)?,
            contact_total: store.count(EntityKind::Contacts)? as u64,
            organization_total: store.count(EntityKind::Organizations)? as u64,
        })
    }
}

/// What one officer (or all of them, merged) saw, per operation.
#[derive(Default)]
struct Tally {
    latencies: [Vec<Duration>; 4],
    /// Updates refused because another officer saved the record first (`changed_elsewhere`).
    refused: [usize; 4],
    errors: [usize; 4],
    /// The first few errors' messages, to say what went wrong.
    examples: Vec<String>,
}

impl Tally {
    fn record(&mut self, op: Op, took: Duration, outcome: planner_core::Result<()>) {
        let n = op as usize;
        self.latencies[n].push(took);
        match outcome {
            Ok(()) => {}
            Err(CoreError::ChangedElsewhere { .. }) => self.refused[n] += 1,
            Err(e) => {
                self.errors[n] += 1;
                if self.examples.len() < 5 {
                    self.examples.push(format!("{}: {e}", op.name()));
                }
            }
        }
    }

    fn merge(&mut self, other: Tally) {
        for n in 0..OPS.len() {
            self.latencies[n].extend_from_slice(&other.latencies[n]);
            self.refused[n] += other.refused[n];
            self.errors[n] += other.errors[n];
        }
        let room = 5usize.saturating_sub(self.examples.len());
        self.examples.extend(other.examples.into_iter().take(room));
    }
}

/// A fragment of a name as an officer types it: a family name, a family and middle name, the
/// start of a given name, with or without accents.
fn typed_name(rng: &mut Rng) -> String {
    let plain = |s: &str| planner_core::text::fold(s);
    match rng.below(5) {
        0 => plain(rng.pick(FAMILY)),
        1 => format!("{} {}", rng.pick(FAMILY), rng.pick(MIDDLE)),
        2 => plain(&format!(
            "{} {} {}",
            rng.pick(FAMILY),
            rng.pick(MIDDLE),
            rng.pick(GIVEN)
        )),
        3 => plain(rng.pick(GIVEN)).chars().take(3).collect(),
        _ => format!("{} {}", rng.pick(ORG_TAILS), rng.below(1000) + 1),
    }
}

/// One operation of the mix on `store`; `n` numbers this officer's creates.
fn operate(
    store: &mut Store,
    op: Op,
    rng: &mut Rng,
    sizes: &Sizes,
    n: usize,
) -> Result<(), CoreError> {
    let between = |rng: &mut Rng, (lo, hi): (i64, i64)| lo + rng.below((hi - lo + 1) as u64) as i64;
    match op {
        Op::List => {
            // A name-sorted page of 50 of the contacts or the organisations, within the first
            // 10,000 rows (where a user scrolls); now and then from the end.
            let (kind, sort, total) = if rng.below(2) == 0 {
                (EntityKind::Contacts, "full_name", sizes.contact_total)
            } else {
                (
                    EntityKind::Organizations,
                    "name_vi",
                    sizes.organization_total,
                )
            };
            let pages = total.min(10_000) / 50;
            let q = ListQuery {
                sort: Some(sort.into()),
                descending: rng.below(10) == 0,
                limit: Some(50),
                offset: (rng.below(pages.max(1)) * 50) as u32,
                ..ListQuery::default()
            };
            std::hint::black_box(store.list_json(kind, &q)?);
        }
        Op::Search => {
            std::hint::black_box(store.search(&typed_name(rng), 5)?);
        }
        Op::Create => {
            store.create(&Contact {
                full_name: contact_name(rng.below(1 << 20) as usize),
                organization_id: Some(between(rng, sizes.organizations)),
                emails: vec![Labelled {
                    label: "work".into(),
                    value: format!("bench{}.{n}@example.vn", rng.below(1 << 30)),
                }],
                consent_basis: ConsentBasis::Consent,
                ..Default::default()
            })?;
        }
        Op::Update => {
            // What an officer's save is: the record as read, changed, sent with its revision.
            let id = between(rng, sizes.contacts);
            let current = store.get::<Contact>(id)?;
            store.update_json(
                EntityKind::Contacts,
                id,
                serde_json::json!({
                    "revision": current.meta.revision,
                    "title": format!("Chuyên viên {}", rng.below(100)),
                }),
            )?;
        }
    }
    Ok(())
}

/// One officer's run: the mix, as fast as answers come, until `until`.
fn officer(store: &mut Store, seed: u64, sizes: Sizes, until: Instant, think_ms: u64) -> Tally {
    let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let mut tally = Tally::default();
    let mut n = 0;
    while Instant::now() < until {
        let op = Op::of_roll(rng.below(100));
        n += 1;
        let started = Instant::now();
        let outcome = operate(store, op, &mut rng, &sizes, n);
        tally.record(op, started.elapsed(), outcome);
        if think_ms > 0 {
            std::thread::sleep(Duration::from_millis(rng.below(2 * think_ms)));
        }
    }
    tally
}

/// Runs `officers` officers on stores from `open` for `seconds`; the tally and the time taken.
fn run_officers(
    open: impl Fn() -> Result<Store> + Sync,
    officers: usize,
    (seconds, think_ms): (u64, u64),
    sizes: Sizes,
) -> Result<(Tally, Duration)> {
    // Every connection opened before the clock starts: connecting is not an operation.
    let mut stores = (0..officers.max(1))
        .map(|_| open())
        .collect::<Result<Vec<_>>>()?;
    let started = Instant::now();
    let until = started + Duration::from_secs(seconds);
    let tallies = std::thread::scope(|scope| {
        let running: Vec<_> = stores
            .iter_mut()
            .enumerate()
            .map(|(i, store)| {
                scope.spawn(move || officer(store, i as u64 + 1, sizes, until, think_ms))
            })
            .collect();
        running
            .into_iter()
            .map(|t| t.join().expect("an officer's thread ends"))
            .collect::<Vec<_>>()
    });
    let took = started.elapsed();
    let mut all = Tally::default();
    for t in tallies {
        all.merge(t);
    }
    Ok((all, took))
}

/// One operation's numbers.
fn summary(tally: &Tally, op: Op, took: Duration) -> serde_json::Value {
    let n = op as usize;
    let l = &tally.latencies[n];
    let at = |p: f64| {
        if l.is_empty() {
            0.0
        } else {
            ms(percentile(l.clone(), p))
        }
    };
    serde_json::json!({
        "op": op.name(),
        "count": l.len(),
        "per_second": l.len() as f64 / took.as_secs_f64(),
        "p50_ms": at(0.5),
        "p95_ms": at(0.95),
        "p99_ms": at(0.99),
        "max_ms": at(1.0),
        "changed_elsewhere": tally.refused[n],
        "errors": tally.errors[n],
    })
}

/// Prints one backend's run as a table and returns it as JSON.
fn report(label: &str, tally: &Tally, took: Duration, json: bool) -> serde_json::Value {
    let ops: Vec<serde_json::Value> = OPS.iter().map(|op| summary(tally, *op, took)).collect();
    if !json {
        println!("{label}, {:.1} s:", took.as_secs_f64());
        println!(
            "  {:<7} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>9} {:>6}",
            "op", "count", "per s", "p50 ms", "p95 ms", "p99 ms", "max ms", "refused", "errors"
        );
        for o in &ops {
            println!(
                "  {:<7} {:>8} {:>8.1} {:>8.2} {:>8.2} {:>8.2} {:>8.1} {:>9} {:>6}",
                o["op"].as_str().unwrap_or_default(),
                o["count"].as_u64().unwrap_or_default(),
                o["per_second"].as_f64().unwrap_or_default(),
                o["p50_ms"].as_f64().unwrap_or_default(),
                o["p95_ms"].as_f64().unwrap_or_default(),
                o["p99_ms"].as_f64().unwrap_or_default(),
                o["max_ms"].as_f64().unwrap_or_default(),
                o["changed_elsewhere"].as_u64().unwrap_or_default(),
                o["errors"].as_u64().unwrap_or_default()
            );
        }
        for e in &tally.examples {
            println!("  error: {e}");
        }
    }
    serde_json::json!({ "ops": ops, "seconds": took.as_secs_f64(), "errors": tally.examples })
}

/// Opens the team store at `url`, filled to the sizes asked (filling it when empty; reusing it
/// when it already holds them, so a second run skips the fill); the fill's time if it filled.
fn prepare_team(b: &TeamBench) -> Result<Option<Duration>> {
    let mut store = Store::open_url(&b.url).with_context(|| {
        format!(
            "cannot open the team store at {}",
            crate::team::shown(&b.url)
        )
    })?;
    if !store.is_empty()? {
        let (orgs, contacts) = (
            store.count(EntityKind::Organizations)? as usize,
            store.count(EntityKind::Contacts)? as usize,
        );
        anyhow::ensure!(
            orgs >= b.organizations && contacts >= b.contacts,
            "the team store holds {orgs} organisations and {contacts} contacts, fewer than \
             asked: give an empty database"
        );
        return Ok(None);
    }
    let started = Instant::now();
    fill(&mut store, b.organizations, b.contacts)?;
    // What the agency's server does on its own within a minute of a bulk load (autovacuum's
    // analyze), done now so that the run does not measure a planner without statistics.
    store.analyze()?;
    Ok(Some(started.elapsed()))
}

/// `planner bench team`.
pub fn team(b: TeamBench) -> Result<()> {
    let shown = crate::team::shown(&b.url);
    let filled = prepare_team(&b)?;
    let sizes = Sizes::of(&Store::open_url(&b.url)?)?;
    let sizes_said = format!(
        "{} organisations, {} contacts",
        sizes.organization_total, sizes.contact_total
    );
    if !b.json {
        match filled {
            Some(t) => println!(
                "team store {shown}: filled with {sizes_said} in {:.1} s (the import's bulk path, \
                 its search index and ANALYZE)",
                t.as_secs_f64()
            ),
            None => println!("team store {shown}: already holds {sizes_said}, reused"),
        }
        println!(
            "mix: 50% list page (50 rows by name), 30% search of a name fragment, 10% create, \
             10% update with its revision; {}",
            match b.think_ms {
                0 => "each officer's next operation as soon as the last is answered".to_owned(),
                t => format!(
                    "each officer pausing {t} ms on average between operations (--think-ms 0 \
                     for the server's capacity)"
                ),
            }
        );
    }
    let open = || Ok(Store::open_url(&b.url)?);
    let (tally, took) = run_officers(open, b.officers, (b.seconds, b.think_ms), sizes)?;
    let team = report(
        &format!("PostgreSQL, {} officers at once", b.officers.max(1)),
        &tally,
        took,
        b.json,
    );

    let dir = tempfile_dir()?.join("team");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("planner.db");
    let started = Instant::now();
    fill(&mut Store::open(&path)?, b.organizations, b.contacts)?;
    let sqlite_fill = started.elapsed();
    let sqlite_sizes = Sizes::of(&Store::open(&path)?)?;
    if !b.json {
        println!(
            "SQLite store: filled with {} organisations, {} contacts in {:.1} s",
            sqlite_sizes.organization_total,
            sqlite_sizes.contact_total,
            sqlite_fill.as_secs_f64()
        );
    }
    let open = || Ok(Store::open(&path)?);
    // One user as fast as answers come: the file's capacity, as a person's pace would show
    // only the pauses.
    let (tally, took) = run_officers(open, 1, (b.seconds, 0), sqlite_sizes)?;
    let single = report(
        "SQLite, one user, each operation as soon as the last is answered",
        &tally,
        took,
        b.json,
    );
    let _ = std::fs::remove_dir_all(&dir);
    if b.json {
        crate::print_json(&serde_json::json!({
            "team": team,
            "team_fill_seconds": filled.map(|t| t.as_secs_f64()),
            "sqlite": single,
            "sqlite_fill_seconds": sqlite_fill.as_secs_f64(),
        }))?;
    } else {
        println!("targets: p95 < 20 ms for list and search at 100,000 organisations / 200,000 contacts; no errors");
    }
    Ok(())
}
