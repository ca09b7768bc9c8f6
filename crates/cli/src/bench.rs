//! `planner bench`: numbers for the performance targets, printed, never asserted.

use anyhow::{Context, Result};
use clap::Subcommand;
use planner_core::briefs::{self, Audience, BriefRequest};
use planner_core::domain::{BriefLanguage, Opportunity};
use planner_core::store::ListQuery;
use planner_core::Store;
use std::time::{Duration, Instant};

#[derive(Subcommand)]
pub enum BenchWhat {
    /// A 30-page bilingual brief: in-process PDF time and size, against the same brief's HTML
    /// printed by headless Chromium (when /usr/bin/chromium exists).
    Brief {
        /// How many renders to time.
        #[arg(long, default_value_t = 20)]
        runs: usize,
    },
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

pub fn run(what: BenchWhat) -> Result<()> {
    match what {
        BenchWhat::Brief { runs } => brief(runs),
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
