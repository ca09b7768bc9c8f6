//! `planner bench exchange`: a ~40-page bilingual brief with 12 pictured opportunities, timed
//! through export (compose, render, sign, write, record), inspect, and verify + import into a
//! fresh receiving office; then a deflate bomb whose headers and signed manifest lie about a
//! member's size, refused. Targets: export < 150 ms, verify + import < 100 ms, bomb < 50 ms.

use super::{median, ms};
use anyhow::{Context, Result};
use planner_core::briefs::{self, Audience, BriefFormat, BriefRequest};
use planner_core::domain::{BriefLanguage, Opportunity};
use planner_core::exchange::format::{self as bundle, Limits};
use planner_core::exchange::views::OfficeProfile;
use planner_core::exchange::{export, import, office, trust};
use planner_core::store::ListQuery;
use planner_core::Store;
use std::io::Write;
use std::path::Path;
use std::time::Instant;

/// How many opportunities the brief presents, each with a picture.
const OPPORTUNITIES: usize = 12;

fn profile(code: &str) -> OfficeProfile {
    OfficeProfile {
        name_vi: "Văn phòng đo".into(),
        name_en: "Bench office".into(),
        code: code.into(),
        ..Default::default()
    }
}

/// A receiving office that trusts the sender's key.
fn receiver(dir: &Path, n: usize, fingerprint: &str) -> Result<Store> {
    let mut store = Store::open(&dir.join(format!("receiver-{n}.db")))?;
    trust::trust(&mut store, fingerprint, None, None, "cli")?;
    Ok(store)
}

pub fn exchange(runs: usize) -> Result<()> {
    let runs = runs.max(1);
    let dir = super::tempfile_dir()?.join("exchange");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let mut a = Store::open(&dir.join("sender.db"))?;
    planner_core::demo::seed_demo(&mut a, chrono::Local::now().date_naive())?;
    office::save(&mut a, profile("BENCH-A"))?;
    let originals = opportunities(&a)?;
    let mut ids = Vec::new();
    for i in 0..OPPORTUNITIES {
        let mut copy = originals[i % originals.len()].clone();
        copy.name_vi = format!("{} ({})", copy.name_vi, i + 1);
        let id = a.create(&copy)?.meta.id;
        let picture = planner_core::demo::synthetic_picture(1200, 800, i as u8 * 17);
        a.add_opportunity_image(id, &picture, Some("Toàn cảnh"))?;
        ids.push(id);
    }
    let mut req = BriefRequest::new(
        Audience::Sector {
            sector: "semiconductors".into(),
            country: Some("JP".into()),
        },
        BriefLanguage::Bi,
    );
    // Vietnamese, then English: each opportunity's pages twice, about 40 pages in all.
    req.layout = planner_core::domain::BilingualLayout::Sequential;
    req.opportunity_ids = Some(ids);
    let brief = briefs::generate_to(&mut a, &req, BriefFormat::Pdf, Some(dir.join("brief.pdf")))?;
    let pages = super::pdf_pages(Path::new(&brief.path)).unwrap_or(0);
    let fingerprint = office::view(&mut a)?
        .fingerprint
        .context("the sender's key")?;

    let mut export_times = Vec::new();
    let mut file = dir.join("brief.dpbundle");
    for n in 0..runs {
        file = dir.join(format!("brief-{n}.dpbundle"));
        let t = Instant::now();
        export::export_brief(&mut a, brief.brief_id, false, None, Some(file.clone()))?;
        export_times.push(t.elapsed());
    }
    // Where export's time goes: composing and rendering, then signing and zipping.
    let (mut prepare_times, mut sign_times, mut render_times) =
        (Vec::new(), Vec::new(), Vec::new());
    let model = briefs::preview(&a, &req)?;
    let key = office::signing_key(&mut a)?;
    let me = office::profile(&a)?;
    for _ in 0..runs {
        let t = Instant::now();
        briefs::render_pdf(&model)?;
        render_times.push(t.elapsed());
        let t = Instant::now();
        let prepared = export::prepare(&a, brief.brief_id, false)?;
        prepare_times.push(t.elapsed());
        let t = Instant::now();
        export::sign(
            &key,
            &me,
            prepared,
            "bench".into(),
            "2026-01-01T00:00:00Z".into(),
        )?;
        sign_times.push(t.elapsed());
    }
    let bytes = std::fs::read(&file)?;
    let receivers: Vec<Store> = (0..runs)
        .map(|n| receiver(&dir, n, &fingerprint))
        .collect::<Result<_>>()?;
    let mut inspect_times = Vec::new();
    let mut import_times = Vec::new();
    let mut members = 0;
    for mut b in receivers {
        let t = Instant::now();
        let seen = import::inspect_bytes(&b, &bytes)?;
        inspect_times.push(t.elapsed());
        members = seen.members.len();
        let t = Instant::now();
        import::import_bytes(&mut b, &bytes, false, "cli")?;
        import_times.push(t.elapsed());
    }

    let (bomb, inflated) = deflate_bomb(&key, &bytes)?;
    let mut victim = receiver(&dir, runs, &fingerprint)?;
    let mut bomb_times = Vec::new();
    let mut code = String::new();
    for _ in 0..runs {
        let t = Instant::now();
        let refused = import::import_bytes(&mut victim, &bomb, false, "cli");
        bomb_times.push(t.elapsed());
        code = refused
            .err()
            .map(|e| e.payload().code)
            .unwrap_or_else(|| "accepted!".into());
    }

    println!(
        "brief: {pages} pages, {OPPORTUNITIES} opportunities each with a 1200×800 picture, bilingual (sequential)"
    );
    println!(
        "bundle: {} KB, {members} members (pictures once each, by hash)",
        bytes.len() / 1024
    );
    println!(
        "export (compose, render, sign, write, record): median {:.1} ms over {runs} runs (target < 150 ms)",
        ms(median(export_times))
    );
    println!(
        "  of which compose + render the PDF: {:.1} ms (planner-pdf alone: {:.1} ms, its pictures \
         decoded and re-compressed losslessly), sign + zip: {:.1} ms",
        ms(median(prepare_times)),
        ms(median(render_times)),
        ms(median(sign_times))
    );
    println!(
        "inspect (every check, nothing written): median {:.1} ms",
        ms(median(inspect_times))
    );
    println!(
        "verify + import (checks, one transaction, files by hash): median {:.1} ms (target < 100 ms)",
        ms(median(import_times))
    );
    println!(
        "deflate bomb ({} MiB of zeros declared as 100 bytes): refused as {code}, median {:.2} ms (target < 50 ms)",
        inflated >> 20,
        ms(median(bomb_times))
    );
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

fn opportunities(store: &Store) -> Result<Vec<Opportunity>> {
    Ok(store
        .list::<Opportunity>(&ListQuery::default())?
        .items
        .into_iter()
        .map(|o| o.data)
        .collect())
}

/// An honest bundle with brief.json replaced by `ZEROS` deflated zero bytes, whose local and
/// central headers and re-signed manifest all say 100 bytes (the signer is trusted: the bytes
/// must be what refuses it).
fn deflate_bomb(key: &bundle::OfficeKey, honest: &[u8]) -> Result<(Vec<u8>, u64)> {
    const ZEROS: u64 = 256 << 20;
    const DECLARED: usize = 100;
    let verified = bundle::open(honest, &Limits::default())?.verify_members()?;
    let mut manifest = verified.manifest.clone();
    let listed = manifest
        .members
        .iter_mut()
        .find(|m| m.path == "brief.json")
        .context("brief.json listed")?;
    listed.size = DECLARED as u64;
    listed.sha256 = bundle::sha256_hex(&[0u8; DECLARED]);
    let manifest_json = serde_json::to_vec(&manifest)?;
    let signature = bundle::sign_detached(key, bundle::PAYLOAD_TYPE, &manifest_json);
    let mut zip = Zip::default();
    zip.add("manifest.json", &manifest_json, None);
    zip.add("manifest.sig", &signature, None);
    for m in &manifest.members {
        if m.path == "brief.json" {
            let mut encoder =
                flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
            let chunk = vec![0u8; 1 << 20];
            for _ in 0..(ZEROS >> 20) {
                encoder.write_all(&chunk)?;
            }
            let deflated = encoder.finish()?;
            zip.add(
                &m.path,
                &deflated,
                Some((crc32fast::hash(&[0u8; DECLARED]), DECLARED as u32)),
            );
        } else {
            zip.add(&m.path, &verified.members[&m.path], None);
        }
    }
    Ok((zip.finish(), ZEROS))
}

/// A plain ZIP writer: stored members, or one deflated member whose CRC and size are given
/// (the lie).
#[derive(Default)]
struct Zip {
    out: Vec<u8>,
    central: Vec<u8>,
    count: u16,
}

impl Zip {
    fn add(&mut self, name: &str, data: &[u8], deflated_claiming: Option<(u32, u32)>) {
        let (method, crc, size) = match deflated_claiming {
            Some((crc, size)) => (8u16, crc, size),
            None => (0u16, crc32fast::hash(data), data.len() as u32),
        };
        let offset = self.out.len() as u32;
        let header = |sig: u32, central: bool| {
            let mut h = sig.to_le_bytes().to_vec();
            if central {
                h.extend_from_slice(&((3u16 << 8) | 20).to_le_bytes());
            }
            for f in [20u16, 0, method, 0, (1 << 5) | 1] {
                h.extend_from_slice(&f.to_le_bytes());
            }
            for f in [crc, data.len() as u32, size] {
                h.extend_from_slice(&f.to_le_bytes());
            }
            h.extend_from_slice(&(name.len() as u16).to_le_bytes());
            h.extend_from_slice(&0u16.to_le_bytes());
            h
        };
        self.out.extend(header(0x0403_4b50, false));
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(data);
        self.central.extend(header(0x0201_4b50, true));
        for f in [0u16, 0, 0] {
            self.central.extend_from_slice(&f.to_le_bytes());
        }
        self.central
            .extend_from_slice(&(0o100_644u32 << 16).to_le_bytes());
        self.central.extend_from_slice(&offset.to_le_bytes());
        self.central.extend_from_slice(name.as_bytes());
        self.count += 1;
    }

    fn finish(mut self) -> Vec<u8> {
        let (at, len) = (self.out.len() as u32, self.central.len() as u32);
        self.out.append(&mut self.central);
        self.out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        for f in [0u16, 0, self.count, self.count] {
            self.out.extend_from_slice(&f.to_le_bytes());
        }
        self.out.extend_from_slice(&len.to_le_bytes());
        self.out.extend_from_slice(&at.to_le_bytes());
        self.out.extend_from_slice(&0u16.to_le_bytes());
        self.out
    }
}
