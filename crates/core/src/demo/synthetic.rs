//! Synthetic investors at scale, for benchmarks: `planner demo --scale N`.

use super::SeedSummary;
use crate::domain::*;
use crate::error::Result;
use crate::store::Store;
use chrono::{Duration, TimeZone, Utc};

/// A small deterministic generator (splitmix64), so two runs make the same data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const VI_SURNAMES: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý",
];
const VI_MIDDLE: &[&str] = &[
    "Văn", "Thị", "Đức", "Minh", "Thu", "Quang", "Ngọc", "Hữu", "Thanh", "Xuân",
];
const VI_GIVEN: &[&str] = &[
    "Hùng",
    "Lan",
    "Dũng",
    "Hằng",
    "Lợi",
    "Thủy",
    "Tuấn",
    "Phượng",
    "Đạt",
    "Ngọc",
    "Hưng",
    "Yến",
    "Khải",
    "Trường",
    "Quỳnh",
    "Sơn",
];
const FOREIGN_GIVEN: &[&str] = &[
    "Hiroshi", "Yuki", "Min-jun", "Ji-woo", "Anna", "Lukas", "Wei Ling", "Daniel", "Sarah",
    "Kenji", "Soo-ah", "Felix",
];
const FOREIGN_SURNAMES: &[&str] = &[
    "Tanaka", "Suzuki", "Kim", "Park", "Müller", "Schmidt", "Tan", "Lim", "Johnson", "Nakamura",
    "Choi", "Weber",
];
const ORG_STEMS: &[&str] = &[
    "Sakura",
    "Hanbit",
    "Rhein",
    "Lion City",
    "Pacific",
    "Đông Á",
    "Sông Hồng",
    "Kyoto",
    "Busan",
    "Bavaria",
    "Golden Gate",
    "Hòa Bình",
    "Thăng Long",
    "Orchid",
    "Mekong",
    "Alpine",
];
const ORG_TAILS: &[&str] = &[
    "Precision",
    "Electronics",
    "Logistics",
    "Semiconductor",
    "Biotech",
    "Software",
    "Materials",
    "Foods",
    "Automation",
    "Energy",
];
const COUNTRIES: &[&str] = &["JP", "KR", "SG", "DE", "US", "TW", "VN"];
const SECTORS: &[&str] = &[
    "semiconductors",
    "electronics",
    "software",
    "automation",
    "new_materials",
    "biotech",
    "logistics",
    "e_commerce",
    "agrifood",
    "renewable_energy",
];

/// Adds `n` synthetic organisations with 2 contacts, 3 interactions each and a lead for every
/// second one, in one transaction. Returns the counts.
pub fn seed_synthetic(store: &mut Store, n: usize, seed: u64) -> Result<SeedSummary> {
    let mut rng = Rng(seed);
    let base = Utc
        .with_ymd_and_hms(2026, 1, 1, 2, 0, 0)
        .single()
        .expect("valid date");
    let (mut contacts, mut interactions, mut leads) = (0, 0, 0);
    store.transaction(|tx| {
        for i in 0..n {
            let country = rng.pick(COUNTRIES);
            let name = format!("{} {} {}", rng.pick(ORG_STEMS), rng.pick(ORG_TAILS), i + 1);
            let org = tx.create(&Organization {
                name_vi: name.clone(),
                name_en: Some(name),
                country: country.into(),
                sectors: vec![rng.pick(SECTORS).into(), rng.pick(SECTORS).into()]
                    .into_iter()
                    .fold(Vec::new(), |mut acc: Vec<String>, s| {
                        if !acc.contains(&s) {
                            acc.push(s)
                        }
                        acc
                    }),
                size: OrganizationSize::Medium,
                ..Default::default()
            })?;
            let mut people = Vec::new();
            for j in 0..2 {
                let full_name = if country == "VN" || j == 1 {
                    format!(
                        "{} {} {}",
                        rng.pick(VI_SURNAMES),
                        rng.pick(VI_MIDDLE),
                        rng.pick(VI_GIVEN)
                    )
                } else {
                    format!("{} {}", rng.pick(FOREIGN_GIVEN), rng.pick(FOREIGN_SURNAMES))
                };
                let c = tx.create(&Contact {
                    full_name,
                    organization_id: Some(org.meta.id),
                    emails: vec![Labelled {
                        label: "work".into(),
                        value: format!("p{i}.{j}@org{i}.example"),
                    }],
                    phones: vec![Labelled {
                        label: "work".into(),
                        value: format!("+84 24 {:04} {:04}", i % 10_000, rng.below(10_000)),
                    }],
                    consent_basis: ConsentBasis::Consent,
                    ..Default::default()
                })?;
                people.push(c.meta.id);
                contacts += 1;
            }
            for k in 0..3 {
                tx.create(&Interaction {
                    occurred_at: base + Duration::hours((rng.below(24 * 300)) as i64),
                    kind: [
                        InteractionKind::Meeting,
                        InteractionKind::Call,
                        InteractionKind::Email,
                    ][k],
                    summary: format!("Trao đổi về cơ hội đầu tư tại Hòa Lạc, lần {}", k + 1),
                    organization_id: Some(org.meta.id),
                    contact_ids: vec![people[k % 2]],
                    ..Default::default()
                })?;
                interactions += 1;
            }
            if i % 2 == 0 {
                let stage = LeadStage::ALL[(rng.below(7)) as usize];
                tx.create(&Lead {
                    organization_id: org.meta.id,
                    title: format!("Dự án mở rộng sản xuất {}", i + 1),
                    stage,
                    expected_capital_minor: Some((rng.below(500) as i64 + 1) * 100_000_000),
                    jobs: Some(rng.below(2000) as i64),
                    due_at: Some(base + Duration::days(rng.below(400) as i64)),
                    ..Default::default()
                })?;
                leads += 1;
            }
        }
        Ok(())
    })?;
    // Hundreds of thousands of records in one go leave the search index in many segments.
    store.optimize_search_index()?;
    Ok(vec![
        (EntityKind::Organizations, n),
        (EntityKind::Contacts, contacts),
        (EntityKind::Interactions, interactions),
        (EntityKind::Leads, leads),
    ])
}

/// A picture drawn from `seed` (a PNG of gradients): pictured opportunities for benchmarks and
/// the demo, the same bytes for the same arguments.
pub fn synthetic_picture(width: u32, height: u32, seed: u8) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        let across = (x * 200 / width.max(1)) as u8;
        let down = (y * 120 / height.max(1)) as u8;
        image::Rgb([
            40u8.wrapping_add(across / 2).wrapping_add(seed),
            90 + down / 2,
            120 + down,
        ])
    });
    let mut out = Vec::new();
    image::DynamicImage::ImageRgb8(img)
        .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .expect("a PNG in memory");
    out
}
