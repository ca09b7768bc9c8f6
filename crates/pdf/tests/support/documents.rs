//! Test documents: builders shared by the tests and the reference rendering.

use chrono::DateTime;
use planner_pdf::{
    Align, Block, Chart, ChartPoint, Column, Document, Footer, Metadata, PageSetup, Paragraph,
    Table, TableStyle,
};

/// A fixed creation date, so renders are comparable.
pub fn metadata(title: &str) -> Metadata {
    Metadata {
        title: title.to_string(),
        author: "Đặng Văn Lợi".to_string(),
        subject: "Kiểm thử · Test".to_string(),
        language: "vi-VN".to_string(),
        created: DateTime::parse_from_rfc3339("2026-01-15T09:30:00+07:00").unwrap(),
    }
}

/// An A4 document with the given blocks and a Vietnamese footer.
pub fn document(title: &str, blocks: Vec<Block>) -> Document {
    Document {
        meta: metadata(title),
        page: PageSetup::default(),
        header: Some(title.to_string()),
        footer: Footer::Vietnamese,
        blocks,
    }
}

/// A paragraph of plain text.
pub fn para(text: &str) -> Block {
    Block::Paragraph(Paragraph::plain(text))
}

/// A small PNG (RGB gradient) of the given size, encoded with the png crate.
pub fn png_bytes(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut bytes, width, height);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().unwrap();
        let data: Vec<u8> = (0..height)
            .flat_map(|y| {
                (0..width)
                    .flat_map(move |x| [(x * 255 / width) as u8, (y * 255 / height) as u8, 160])
            })
            .collect();
        writer.write_image_data(&data).unwrap();
    }
    bytes
}

/// A zebra table of `rows` companies, header repeated on every page.
pub fn long_table(rows: usize) -> Block {
    Block::Table(Table {
        columns: vec![
            Column::weighted("Số TT", 0.6).aligned(Align::Right),
            Column::weighted("Doanh nghiệp", 3.0),
            Column::weighted("Vốn đăng ký", 1.2).aligned(Align::Right),
        ],
        rows: (1..=rows)
            .map(|i| {
                vec![
                    i.to_string(),
                    format!("Công ty TNHH số {i} Hòa Lạc"),
                    format!("{},5", i * 3),
                ]
            })
            .collect(),
        header: true,
        style: TableStyle::Zebra,
    })
}

/// A one-page document using most block kinds, for the rendering comparison.
pub fn reference_document() -> Document {
    let mut chart = Chart::new(
        "Vốn FDI · FDI (triệu USD)",
        vec![
            ChartPoint::new("2022", 120.0),
            ChartPoint::new("2023", 185.5),
            ChartPoint::new("2024", 240.0),
        ],
    );
    chart.decimals = 1;
    let pie = Chart::new(
        "Cơ cấu · Mix",
        vec![
            ChartPoint::new("Điện tử", 45.0),
            ChartPoint::new("Cơ khí", 30.0),
            ChartPoint::new("Khác", 25.0),
        ],
    );
    document(
        "Khu Công nghệ cao Hòa Lạc",
        vec![
            Block::Heading { level: 1, text: "Khu Công nghệ cao Hòa Lạc".into() },
            para("Đầu mối: Nguyễn Thị Thủy, Đặng Văn Lợi. Khu nằm cách trung tâm Hà Nội khoảng 30 km."),
            Block::KeyValues(vec![("Diện tích".into(), "1.586 ha".into()), ("Lấp đầy".into(), "72%".into())]),
            long_table(6),
            Block::BarChart(chart),
            Block::PieChart(pie),
            Block::Note("Số liệu mang tính tham khảo, cần kiểm tra với Ban quản lý.".into()),
        ],
    )
}
