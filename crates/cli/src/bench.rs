//! `planner bench`: numbers for the performance targets, printed, never asserted.

use anyhow::{Context, Result};
use clap::Subcommand;
use planner_core::briefs::{self, Audience, BriefRequest};
use planner_core::domain::{BriefLanguage, Opportunity};
use planner_core::store::ListQuery;
use planner_core::Store;
use std::time::{Duration, Instant};

mod backup;
mod crash;
mod exchange;
mod team;

#[derive(Subcommand)]
pub enum BenchWhat {
    /// A 30-page bilingual brief: in-process PDF time and size, against the same brief's HTML
    /// printed by headless Chromium (when /usr/bin/chromium exists).
    Brief {
        /// How many renders to time.
        #[arg(long, default_value_t = 20)]
        runs: usize,
    },
    /// The itinerary PDF of a 10-day, 80-item delegation (target < 50 ms) and the conflict
    /// check over 1,000 items (target < 5 ms), against a naive all-pairs overlap scan.
    Itinerary {
        #[arg(long, default_value_t = 50)]
        runs: usize,
    },
    /// Search latency on the store given by --db (seed it with `demo --scale 100000`): p50/p95
    /// of `planner search` against the raw FTS5 query on the same index (target p95 < 10 ms),
    /// and a 50-row contact list page at several offsets (target < 20 ms).
    Search {
        #[arg(long, default_value_t = 200)]
        queries: usize,
    },
    /// Imports a generated CSV of N contacts (Vietnamese and foreign names, 2 emails, 2 phones,
    /// an organisation each of 1,000) into a fresh store, against `sqlite3 .import` of the same
    /// file into a plain table (target: 100,000 rows < 3 s).
    Import {
        #[arg(long, default_value_t = 100_000)]
        rows: usize,
    },
    /// A ~40-page brief with 12 pictured opportunities between two offices: export (target
    /// < 150 ms), inspect, verify + import (target < 100 ms), and a deflate bomb with a lying
    /// size refused (target < 50 ms).
    Exchange {
        #[arg(long, default_value_t = 9)]
        runs: usize,
    },
    /// A backup (VACUUM INTO, checked, flushed, renamed) and a verify of it: time and size on
    /// the demo store and on a store of N synthetic organisations.
    Backup {
        #[arg(long, default_value_t = 100_000)]
        organizations: usize,
    },
    /// Crash safety: runs a seeded workload (imports of ROWS contacts, single writes,
    /// backups) in a child `planner`, SIGKILLs it at a seeded point, reopens the store and
    /// checks it; prints the tally of kills by step and the failures (exits 1 on any).
    Crash {
        #[arg(long, default_value_t = 200)]
        runs: u64,
        /// The first seed.
        #[arg(long, default_value_t = 0)]
        seed: u64,
        #[arg(long, default_value_t = 20_000)]
        rows: usize,
        /// Where a failing seed's store is kept (in SEED/).
        #[arg(long, default_value = "target/crash-failures")]
        keep: std::path::PathBuf,
    },
    /// The team store under load: N officers at once, each on its own connection to the
    /// PostgreSQL database at URL, doing a mix of list pages, searches, creates and
    /// revision-checked updates for S seconds; then one user doing the same on a SQLite store
    /// of the same size. Count, throughput, p50/p95/p99/max per operation (target p95 < 20 ms
    /// for list and search at 100,000 organisations / 200,000 contacts; no errors). An empty
    /// database is filled first (timed); one already holding the sizes is reused.
    Team {
        #[arg(long, value_name = "URL")]
        url: String,
        #[arg(long, default_value_t = 20)]
        officers: usize,
        #[arg(long, default_value_t = 60)]
        seconds: u64,
        #[arg(long, default_value_t = 100_000)]
        organizations: usize,
        #[arg(long, default_value_t = 200_000)]
        contacts: usize,
        /// Each officer's mean pause between operations, in ms. 250 (four operations a
        /// second each, ten times the pace of a person at a screen) by default; 0 measures
        /// capacity instead: 20 loops that never pause keep every core busy, and latency is
        /// then mostly waiting for the CPU the others use.
        #[arg(long, default_value_t = 250)]
        think_ms: u64,
        #[arg(long)]
        json: bool,
    },
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

impl BenchWhat {
    /// Whether the benchmark runs on the given store (the others make their own data).
    pub fn reads_the_store(&self) -> bool {
        matches!(self, BenchWhat::Search { .. })
    }
}

pub fn run(what: BenchWhat, store: &mut Store) -> Result<()> {
    match what {
        BenchWhat::Search { queries } => search(store, queries),
        BenchWhat::Import { rows } => import(rows),
        BenchWhat::Brief { runs } => brief(runs),
        BenchWhat::Itinerary { runs } => itinerary(runs),
        BenchWhat::Exchange { runs } => exchange::exchange(runs),
        BenchWhat::Backup { organizations } => backup::backup(organizations),
        BenchWhat::Crash {
            runs,
            seed,
            rows,
            keep,
        } => crash::crash(runs, seed, rows, &keep),
        BenchWhat::Team {
            url,
            officers,
            seconds,
            organizations,
            contacts,
            think_ms,
            json,
        } => team::team(team::TeamBench {
            url,
            officers,
            seconds,
            organizations,
            contacts,
            think_ms,
            json,
        }),
    }
}

fn brief(runs: usize) -> Result<()> {
    // The demo in memory, with its opportunities repeated until the brief reaches ~30 pages.
    let mut store = Store::open_in_memory()?;
    planner_core::demo::seed_demo(&mut store, chrono::Local::now().date_naive())?;
    let originals = store.list::<Opportunity>(&ListQuery::default())?.items;
    for round in 1..=1 {
        for o in &originals {
            let mut copy = o.data.clone();
            copy.name_vi = format!("{} ({round})", copy.name_vi);
            store.create(&copy)?;
        }
    }
    let ids: Vec<i64> = store
        .list::<Opportunity>(&ListQuery::default())?
        .items
        .iter()
        .map(|o| o.meta.id)
        .collect();
    let mut req = BriefRequest::new(
        Audience::Sector {
            sector: "semiconductors".into(),
            country: Some("JP".into()),
        },
        BriefLanguage::Bi,
    );
    req.opportunity_ids = Some(ids);
    let model = briefs::preview(&store, &req)?;
    let mut times = Vec::new();
    let mut pdf = Vec::new();
    for _ in 0..runs.max(1) {
        let t = Instant::now();
        pdf = briefs::render_pdf(&model)?;
        times.push(t.elapsed());
    }
    let dir = tempfile_dir()?;
    let pdf_path = dir.join("brief.pdf");
    std::fs::write(&pdf_path, &pdf)?;
    let pages = pdf_pages(&pdf_path).unwrap_or(0);
    let ours = median(times.clone());
    println!(
        "brief: {} opportunities, bilingual side by side, {pages} pages",
        model.opportunity_ids.len()
    );
    println!(
        "planner-pdf: median {:.1} ms over {} runs (min {:.1} ms), {} KB",
        ours.as_secs_f64() * 1e3,
        times.len(),
        times.iter().min().unwrap().as_secs_f64() * 1e3,
        pdf.len() / 1024
    );
    let html_path = dir.join("brief.html");
    std::fs::write(&html_path, briefs::render_html(&model))?;
    let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists());
    match chromium {
        None => println!("chromium: not installed (apt-get install chromium) — no peer baseline"),
        Some(bin) => {
            let mut ctimes = Vec::new();
            let out = dir.join("chromium.pdf");
            for i in 0..3 {
                let profile = dir.join(format!("profile-{i}"));
                let t = Instant::now();
                let status = std::process::Command::new(bin)
                    .args([
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run",
                        "--no-pdf-header-footer",
                    ])
                    .arg(format!("--user-data-dir={}", profile.display()))
                    .arg(format!("--print-to-pdf={}", out.display()))
                    .arg(format!("file://{}", html_path.display()))
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::null())
                    .status()
                    .context("running chromium")?;
                ctimes.push(t.elapsed());
                anyhow::ensure!(status.success(), "chromium failed");
            }
            let theirs = median(ctimes);
            let size = std::fs::metadata(&out)?.len();
            println!("chromium --print-to-pdf of the same brief's HTML: median {:.0} ms over 3 runs, {} KB, {} pages",
                theirs.as_secs_f64() * 1e3, size / 1024, pdf_pages(&out).unwrap_or(0));
            println!(
                "ratio: planner-pdf is {:.0}x faster than the Chromium path",
                theirs.as_secs_f64() / ours.as_secs_f64()
            );
        }
    }
    println!("targets: < 150 ms, < 400 KB, >= 10x faster than Chromium");
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn itinerary(runs: usize) -> Result<()> {
    use planner_core::itinerary::{check, sample::synthetic_plan, to_pdf, CheckOptions};
    let runs = runs.max(1);
    let plan = synthetic_plan(10, 8, 12);
    let options = to_pdf::PrintOptions {
        member_id: None,
        language: BriefLanguage::Vi,
    };
    let at = chrono::Utc::now();
    let mut times = Vec::new();
    let mut pdf = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        pdf = to_pdf::itinerary_pdf(&plan, &options, at)?;
        times.push(t.elapsed());
    }
    let dir = tempfile_dir()?;
    let path = dir.join("itinerary.pdf");
    std::fs::write(&path, &pdf)?;
    let pdf_median = median(times.clone());
    println!(
        "itinerary PDF: {} days, {} items, {} members, {} pages, {} KB",
        10,
        plan.items.len(),
        plan.members.len(),
        pdf_pages(&path).unwrap_or(0),
        pdf.len() / 1024
    );
    println!(
        "  median {:.2} ms over {runs} runs (min {:.2} ms); target < 50 ms ({:.2}x of the budget)",
        ms(pdf_median),
        ms(*times.iter().min().unwrap()),
        ms(pdf_median) / 50.0
    );

    let big = synthetic_plan(125, 8, 12);
    let options = CheckOptions::default();
    let mut times = Vec::new();
    let mut found = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        found = check(&big, &options);
        times.push(t.elapsed());
    }
    let check_median = median(times.clone());
    // The baseline: every pair of items compared for a shared member and overlapping times.
    let mut naive = Vec::new();
    let mut overlaps = 0;
    for _ in 0..runs.min(5) {
        let t = Instant::now();
        overlaps = 0;
        for (n, a) in big.items.iter().enumerate() {
            for b in &big.items[n + 1..] {
                let shared = a
                    .data
                    .attendee_ids
                    .iter()
                    .any(|m| b.data.attendee_ids.contains(m));
                if shared && a.data.starts_at < b.data.ends_at && b.data.starts_at < a.data.ends_at
                {
                    overlaps += 1;
                }
            }
        }
        naive.push(t.elapsed());
    }
    let naive_median = median(naive);
    println!(
        "conflict check: {} items, {} members: {} conflicts found",
        big.items.len(),
        big.members.len(),
        found.len()
    );
    println!(
        "  median {:.3} ms over {runs} runs (min {:.3} ms); target < 5 ms ({:.2}x of the budget)",
        ms(check_median),
        ms(*times.iter().min().unwrap()),
        ms(check_median) / 5.0
    );
    println!(
        "  naive all-pairs overlap scan alone ({overlaps} overlaps, no messages): median {:.3} ms",
        ms(naive_median)
    );
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

fn percentile(mut v: Vec<Duration>, p: f64) -> Duration {
    v.sort();
    v[((v.len() as f64 - 1.0) * p).round() as usize]
}

fn search(store: &Store, queries: usize) -> Result<()> {
    use planner_core::domain::Contact;
    use planner_core::store::ListQuery;
    let total = store.count(planner_core::domain::EntityKind::Contacts)?;
    anyhow::ensure!(
        total > 0,
        "the store has no contacts: seed it with `planner --db FILE demo --scale 100000`"
    );
    // Queries a user would type: prefixes of real names, without accents, 1–3 words.
    let sample = store
        .list::<Contact>(&ListQuery {
            limit: Some(queries as u32),
            offset: (total as u32 / 3).min(total as u32 - (queries as u32).min(total as u32)),
            ..ListQuery::default()
        })?
        .items;
    let mut typed = Vec::new();
    for (n, c) in sample.iter().enumerate() {
        let folded = planner_core::text::fold(&c.data.full_name);
        let words: Vec<&str> = folded.split(' ').collect();
        let q = match n % 4 {
            0 => words[0].chars().take(3).collect::<String>(),
            1 => words.iter().take(2).copied().collect::<Vec<_>>().join(" "),
            2 => words.last().copied().unwrap_or_default().to_owned(),
            _ => c.data.full_name.clone(),
        };
        typed.push(q);
    }
    let (mut ours, mut raw) = (Vec::new(), Vec::new());
    let mut slowest: Vec<(Duration, String)> = Vec::new();
    for q in &typed {
        let t = Instant::now();
        let r = store.search(q, 5)?;
        ours.push(t.elapsed());
        slowest.push((t.elapsed(), q.clone()));
        std::hint::black_box(r);
        let fts = planner_core::search::fts_query(q).unwrap_or_default();
        let t = Instant::now();
        let r = store.raw_fts(&fts)?;
        raw.push(t.elapsed());
        std::hint::black_box(r);
    }
    println!(
        "search over {total} contacts (+ organisations, leads, interactions…), {} queries",
        typed.len()
    );
    println!(
        "  planner search (7 kinds, 5 hits each, with totals): p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms; target p95 < 10 ms",
        ms(percentile(ours.clone(), 0.5)),
        ms(percentile(ours.clone(), 0.95)),
        ms(*ours.iter().max().unwrap())
    );
    println!(
        "  raw FTS5 MATCH … ORDER BY rank LIMIT 10: p50 {:.2} ms, p95 {:.2} ms",
        ms(percentile(raw.clone(), 0.5)),
        ms(percentile(raw.clone(), 0.95))
    );
    slowest.sort_by_key(|s| std::cmp::Reverse(s.0));
    let worst: Vec<String> = slowest
        .iter()
        .take(5)
        .map(|(d, q)| format!("«{q}» {:.1} ms", ms(*d)))
        .collect();
    println!("  slowest: {}", worst.join(", "));
    let mut pages = Vec::new();
    for k in 0..20u32 {
        let offset = (total as u32 / 20) * k;
        let t = Instant::now();
        let p = store.list::<Contact>(&ListQuery {
            sort: Some("full_name".into()),
            limit: Some(50),
            offset,
            ..ListQuery::default()
        })?;
        pages.push(t.elapsed());
        std::hint::black_box(p);
    }
    println!(
        "  contact list page (50 rows sorted by name, 20 offsets): p50 {:.2} ms, max {:.2} ms; target < 20 ms",
        ms(percentile(pages.clone(), 0.5)),
        ms(*pages.iter().max().unwrap())
    );
    Ok(())
}

/// A CSV of generated contacts numbered `range` (Vietnamese and foreign names, 2 emails, 2
/// phones, an organisation each of 1,000): contacts of disjoint ranges are not duplicates of
/// each other.
pub(crate) fn contacts_csv(range: std::ops::Range<usize>) -> String {
    let family = [
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Đặng", "Bùi", "Đỗ", "Võ", "Kim", "Tanaka",
        "Müller",
    ];
    let middle = ["Văn", "Thị", "Đức", "Minh", "Thu", "Quốc", "Hồng", "Ngọc"];
    let given = [
        "An", "Bình", "Đạt", "Giang", "Hương", "Khoa", "Linh", "Nam", "Phúc", "Trang", "Yến",
        "Hiroshi",
    ];
    let mut text = String::from(
        "\u{feff}Họ và tên,Email,Email 2,Điện thoại,Di động,Công ty,Chức vụ,Ghi chú\r\n",
    );
    for i in range {
        let name = format!(
            "{} {} {} {i}",
            family[i % family.len()],
            middle[(i / 7) % middle.len()],
            given[(i / 3) % given.len()]
        );
        text.push_str(&format!(
            "{name},user{i}@congty{}.vn,u{i}@gmail.com,024 {:04} {:04},09{:02} {:03} {:03},Công ty Cổ phần Đầu tư {},Giám đốc,\"Gặp tại hội chợ, Hà Nội\"\r\n",
            i % 1000,
            3000 + i / 10_000,
            i % 10_000,
            i % 100,
            (i / 100) % 1000,
            i / 100_000,
            i % 1000
        ));
    }
    text
}

fn import(rows: usize) -> Result<()> {
    let dir = tempfile_dir()?;
    let csv = dir.join("contacts.csv");
    let text = contacts_csv(0..rows);
    std::fs::write(&csv, &text)?;
    let db = dir.join("import.db");
    let mut store = Store::open(&db)?;
    // The preview first (on the empty store, as the import will see it).
    let t = Instant::now();
    let dry = planner_core::contacts_io::import::import(
        &mut store,
        text.as_bytes(),
        "contacts.csv",
        None,
        None,
        true,
        None,
    )?;
    let preview = t.elapsed();
    let t = Instant::now();
    let r = planner_core::contacts_io::import::import(
        &mut store,
        text.as_bytes(),
        "contacts.csv",
        None,
        None,
        false,
        None,
    )?;
    let ours = t.elapsed();
    let t = Instant::now();
    let mut index_steps = 0;
    while store.index_step()? {
        index_steps += 1;
    }
    let indexing = t.elapsed();
    let t = Instant::now();
    let mut steps = 0;
    while store.tidy_step()? {
        steps += 1;
    }
    let tidy = t.elapsed();
    println!(
        "import: {rows} rows, {} KB: {} contacts and {} organisations created, {} duplicates, {} rejected",
        text.len() / 1024,
        r.contacts_created,
        r.organizations_created,
        r.duplicates.len(),
        r.errors.len()
    );
    println!(
        "  planner import (parse, validate, E.164, duplicates, organisations, import list, one transaction, committed): {:.0} ms ({:.1} µs/row); target < 3,000 ms",
        ms(ours),
        ours.as_secs_f64() * 1e6 / rows as f64
    );
    println!(
        "  then its search index ({index_steps} steps of up to 5,000 records, each a transaction; a search or a write arriving meanwhile does the rest first): {:.0} ms, so searchable after {:.0} ms",
        ms(indexing),
        ms(ours + indexing)
    );
    println!(
        "  then merging the index's segments ({steps} steps of up to 500 pages) and the WAL checkpoint, which change no answer: {:.0} ms",
        ms(tidy)
    );
    println!(
        "  the preview (dry run: every check, duplicates and organisations, nothing written; {} contacts): {:.0} ms",
        dry.contacts_created,
        ms(preview)
    );
    let sqlite = std::path::Path::new("/usr/bin/sqlite3");
    if sqlite.exists() {
        let plain = dir.join("plain.db");
        let t = Instant::now();
        let status = std::process::Command::new(sqlite)
            .arg(&plain)
            .arg(".mode csv")
            .arg(format!(".import {} contacts", csv.display()))
            .status()?;
        let theirs = t.elapsed();
        anyhow::ensure!(status.success(), "sqlite3 .import failed");
        println!(
            "  sqlite3 .import of the same file into a plain table (no checks): {:.0} ms; ratio {:.1}x",
            ms(theirs),
            ours.as_secs_f64() / theirs.as_secs_f64()
        );
    } else {
        println!("  sqlite3 not installed: no baseline (apt-get install sqlite3)");
    }
    drop(store);
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

fn tempfile_dir() -> Result<std::path::PathBuf> {
    let dir = std::env::temp_dir().join(format!("planner-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

fn pdf_pages(path: &std::path::Path) -> Option<u32> {
    let out = std::process::Command::new("pdfinfo")
        .arg(path)
        .output()
        .ok()?;
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:").and_then(|n| n.trim().parse().ok()))
}
