//! Times a 40-page bilingual brief-like document with 12 pictured
//! opportunities (1200 × 800 JPEGs), each picture shown once per language:
//! 24 placements, as the sequential bilingual brief lays them out, plus a
//! text appendix.
//!
//! `cargo run --release -p planner-pdf --example picture_timing [RUNS]`

use std::time::{Duration, Instant};

use chrono::DateTime;
use image::codecs::jpeg::JpegEncoder;
use image::{ImageBuffer, Rgb};
use planner_pdf::{Block, Document, Footer, Metadata, PageSetup, Paragraph};

/// A photo-like 1200 × 800 JPEG (gradients plus a little texture, so it
/// compresses like a real picture rather than like a flat colour).
fn picture(seed: u32) -> Vec<u8> {
    let img = ImageBuffer::from_fn(1200, 800, |x, y| {
        let noise = (x.wrapping_mul(7919) ^ y.wrapping_mul(104_729) ^ seed.wrapping_mul(31)) % 23;
        Rgb([
            ((x / 5 + seed * 20) % 256) as u8,
            ((y / 4 + noise) % 256) as u8,
            ((x + y) / 8 % 256) as u8,
        ])
    });
    let mut bytes = Vec::new();
    img.write_with_encoder(JpegEncoder::new_with_quality(&mut bytes, 85))
        .expect("encode JPEG");
    bytes
}

fn document(pictures: &[Vec<u8>]) -> Document {
    let mut blocks = Vec::new();
    for language in ["Tiếng Việt", "English"] {
        for (i, bytes) in pictures.iter().enumerate() {
            blocks.push(Block::Heading {
                level: 1,
                text: format!("{language}: Cơ hội đầu tư số {}", i + 1),
            });
            blocks.push(Block::Paragraph(Paragraph::plain(
                "Khu Công nghệ cao Hòa Lạc nằm cách trung tâm Hà Nội khoảng 30 km, \
                 có hạ tầng điện, nước và viễn thông hoàn chỉnh.",
            )));
            blocks.push(Block::Image {
                bytes: bytes.clone(),
                width_mm: 120.0,
                caption: Some(format!("Ảnh {} · Picture {}", i + 1, i + 1)),
            });
            blocks.push(Block::KeyValues(vec![
                ("Diện tích".into(), "1.586 ha".into()),
                ("Vốn".into(), format!("{} triệu USD", 50 + i * 10)),
            ]));
            blocks.push(Block::PageBreak);
        }
    }
    // An appendix of text pages brings the document to 40 pages.
    for page in 1..=16 {
        blocks.push(Block::Heading {
            level: 2,
            text: format!("Phụ lục {page} · Appendix {page}"),
        });
        for _ in 0..12 {
            blocks.push(Block::Paragraph(Paragraph::plain(
                "Số liệu mang tính tham khảo, cần kiểm tra với Ban quản lý trước khi gửi \
                 cho nhà đầu tư. Figures are indicative and checked with the management board.",
            )));
        }
        blocks.push(Block::PageBreak);
    }
    blocks.pop();
    Document {
        meta: Metadata {
            title: "Hồ sơ có ảnh".into(),
            author: "Đặng Văn Lợi".into(),
            subject: "Đo thời gian · Timing".into(),
            language: "vi-VN".into(),
            created: DateTime::parse_from_rfc3339("2026-01-15T09:30:00+07:00").unwrap(),
        },
        page: PageSetup::default(),
        header: Some("Hồ sơ có ảnh".into()),
        footer: Footer::Bilingual,
        blocks,
    }
}

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10);
    let pictures: Vec<Vec<u8>> = (0..12).map(picture).collect();
    let input: usize = pictures.iter().map(Vec::len).sum();
    let doc = document(&pictures);
    let mut times: Vec<Duration> = Vec::new();
    let mut pdf = Vec::new();
    for _ in 0..runs.max(1) {
        let t = Instant::now();
        pdf = planner_pdf::render(&doc).expect("renders");
        times.push(t.elapsed());
    }
    times.sort();
    let path = std::env::temp_dir().join("planner-pdf-picture-timing.pdf");
    std::fs::write(&path, &pdf).expect("write");
    println!(
        "12 JPEGs 1200x800 ({} KB in), 24 placements: median {:.1} ms, min {:.1} ms over {} runs; {} KB out ({})",
        input / 1024,
        times[times.len() / 2].as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3,
        times.len(),
        pdf.len() / 1024,
        path.display()
    );
}
