//! A realistic bilingual (Vietnamese/English) investment brief of about a
//! given number of pages, for benchmarks (`planner bench`) and tests.

use chrono::DateTime;

use crate::model::{
    Align, BarDirection, Block, Chart, ChartPoint, Column, ColumnWidth, Document, Footer, Metadata,
    NumberStyle, PageSetup, Paragraph, Span, Table, TableStyle,
};

/// Zones presented in the brief: (Vietnamese name, English name, province).
const ZONES: [(&str, &str, &str); 8] = [
    (
        "Khu Công nghệ cao Hòa Lạc",
        "Hoa Lac Hi-Tech Park",
        "Hà Nội",
    ),
    (
        "Khu công nghiệp VSIP Bắc Ninh",
        "VSIP Bac Ninh Industrial Park",
        "Bắc Ninh",
    ),
    (
        "Khu kinh tế Dung Quất",
        "Dung Quat Economic Zone",
        "Quảng Ngãi",
    ),
    (
        "Khu công nghiệp Đình Vũ",
        "Dinh Vu Industrial Zone",
        "Hải Phòng",
    ),
    ("Khu kinh tế Vân Đồn", "Van Don Economic Zone", "Quảng Ninh"),
    (
        "Khu Công nghệ cao TP. Hồ Chí Minh",
        "Saigon Hi-Tech Park",
        "TP. Hồ Chí Minh",
    ),
    (
        "Khu kinh tế Nghi Sơn",
        "Nghi Son Economic Zone",
        "Thanh Hóa",
    ),
    (
        "Khu công nghiệp Long Hậu",
        "Long Hau Industrial Park",
        "Long An",
    ),
];

/// Contact people of the management boards.
const CONTACTS: [&str; 6] = [
    "Nguyễn Thị Thủy",
    "Đặng Văn Lợi",
    "Trần Quốc Bảo",
    "Lê Thị Hồng Nhung",
    "Phạm Minh Đức",
    "Hoàng Thị Ngọc Ánh",
];

/// Sectors used in tables and the pie chart: (Vietnamese, English).
const SECTORS: [(&str, &str); 6] = [
    ("Điện tử, bán dẫn", "Electronics, semiconductors"),
    ("Cơ khí chính xác", "Precision engineering"),
    ("Logistics, kho bãi", "Logistics, warehousing"),
    ("Năng lượng tái tạo", "Renewable energy"),
    (
        "Dược phẩm, thiết bị y tế",
        "Pharmaceuticals, medical devices",
    ),
    ("Chế biến thực phẩm", "Food processing"),
];

/// Investor origins of the sample projects.
const INVESTORS: [&str; 7] = [
    "Hàn Quốc / Korea",
    "Nhật Bản / Japan",
    "Singapore",
    "Đài Loan / Taiwan",
    "Hoa Kỳ / United States",
    "Đức / Germany",
    "Hà Lan / Netherlands",
];

/// Deterministic pseudo-random numbers (a 64-bit LCG), so the sample is stable.
struct Numbers(u64);

impl Numbers {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below.max(1)
    }
}

/// Builds a brief of roughly `pages_hint` A4 pages (each zone section is
/// about three pages: text, a long project table, two charts, lists, notes).
pub fn sample_document(pages_hint: usize) -> Document {
    let sections = pages_hint.div_ceil(3).max(1);
    let mut numbers = Numbers(2026);
    let mut blocks = vec![
        Block::Heading {
            level: 1,
            text: "Hồ sơ xúc tiến đầu tư · Investment promotion brief".into(),
        },
        Block::Paragraph(
            Paragraph::new(vec![
                Span::bold("Tài liệu tham khảo cho đoàn công tác. "),
                Span::italic("Reference material for the visiting delegation."),
            ])
            .centered(),
        ),
        Block::KeyValues(vec![
            (
                "Đơn vị soạn thảo / Prepared by".into(),
                "Cục Đầu tư nước ngoài · Foreign Investment Agency".into(),
            ),
            (
                "Người liên hệ / Contact".into(),
                "Nguyễn Thị Thủy, Đặng Văn Lợi".into(),
            ),
            (
                "Số khu được giới thiệu / Zones presented".into(),
                sections.to_string(),
            ),
        ]),
        Block::Note(
            "Số liệu mang tính tham khảo, cần kiểm tra lại với Ban quản lý khu trước khi cam kết. \
             Figures are indicative; check with the management board before any commitment."
                .into(),
        ),
    ];
    for s in 0..sections {
        blocks.extend(section(s, &mut numbers));
    }
    Document {
        meta: Metadata {
            title: "Hồ sơ xúc tiến đầu tư – Investment brief".into(),
            author: "Nguyễn Thị Thủy".into(),
            subject: "Khu công nghiệp và khu kinh tế · Industrial and economic zones".into(),
            language: "vi-VN".into(),
            created: DateTime::parse_from_rfc3339("2026-01-15T09:00:00+07:00")
                .expect("literal date is valid"),
        },
        page: PageSetup::default(),
        header: Some("Hồ sơ xúc tiến đầu tư · Investment promotion brief".into()),
        footer: Footer::Bilingual,
        blocks,
    }
}

/// One zone: overview, bilingual facts, a project table, charts, incentives.
fn section(index: usize, numbers: &mut Numbers) -> Vec<Block> {
    let (vi, en, province) = ZONES[index % ZONES.len()];
    let contact = CONTACTS[index % CONTACTS.len()];
    let area = 200 + numbers.next(1500);
    let occupancy = 40 + numbers.next(55);
    let mut blocks = vec![
        Block::Heading {
            level: 1,
            text: format!("{}. {vi} · {en}", index + 1),
        },
        Block::Heading {
            level: 2,
            text: "Tổng quan · Overview".into(),
        },
        Block::Paragraph(Paragraph::new(vec![
            Span::bold(vi),
            Span::regular(format!(
                " nằm tại {province}, có tổng diện tích quy hoạch khoảng {area} ha, tỷ lệ lấp đầy \
                 đạt {occupancy}%. Khu được kết nối thuận tiện với cảng biển, sân bay quốc tế và các \
                 tuyến cao tốc; hạ tầng điện, nước, xử lý nước thải và viễn thông đã hoàn thiện. \
                 Ban quản lý hỗ trợ nhà đầu tư theo cơ chế một cửa, từ thủ tục cấp Giấy chứng nhận \
                 đăng ký đầu tư đến giấy phép xây dựng và môi trường."
            )),
        ])),
        Block::Paragraph(Paragraph::new(vec![
            Span::bold(en),
            Span::regular(format!(
                " is located in {province}, with a planned area of about {area} ha and an occupancy \
                 rate of {occupancy}%. It is well connected to seaports, international airports and \
                 expressways; power, water, waste-water treatment and telecommunications are in \
                 place. The management board offers one-stop support, from the investment \
                 registration certificate to construction and environmental permits."
            )),
        ])),
        Block::Table(Table {
            columns: vec![Column::weighted("Tiếng Việt", 1.0), Column::weighted("English", 1.0)],
            rows: vec![
                vec![
                    format!("Giá thuê đất: khoảng {} USD/m²/chu kỳ thuê.", 60 + numbers.next(120)),
                    "Land rent: indicative, per m² for the lease term.".into(),
                ],
                vec![
                    "Ưu đãi thuế thu nhập doanh nghiệp 10% trong 15 năm đối với dự án công nghệ cao.".into(),
                    "Corporate income tax of 10% for 15 years for high-tech projects.".into(),
                ],
                vec![
                    format!("Đầu mối liên hệ: bà/ông {contact}, Phòng Xúc tiến đầu tư."),
                    format!("Contact: {contact}, Investment Promotion Division."),
                ],
            ],
            header: true,
            style: TableStyle::Borderless,
        }),
        Block::Heading {
            level: 2,
            text: "Dự án tiêu biểu · Selected projects".into(),
        },
        project_table(numbers, 28),
        Block::BarChart(fdi_chart(numbers, index)),
        Block::Heading {
            level: 2,
            text: "Cơ cấu ngành · Sector mix".into(),
        },
        Block::PieChart(sector_chart(numbers)),
        Block::Heading {
            level: 3,
            text: "Ưu đãi đầu tư · Incentives".into(),
        },
        Block::Bullets(vec![
            "Miễn thuế nhập khẩu đối với hàng hóa tạo tài sản cố định · Import duty exemption for fixed-asset goods".into(),
            "Miễn, giảm tiền thuê đất theo địa bàn ưu đãi · Land rent exemption or reduction in incentive areas".into(),
            "Hỗ trợ đào tạo nguồn nhân lực, tuyển dụng kỹ sư · Support for training and recruiting engineers".into(),
        ]),
        Block::Note(format!(
            "Thông tin về {vi} mang tính tham khảo; đề nghị xác nhận với Ban quản lý. \
             Information on {en} is indicative; please confirm with the management board."
        )),
    ];
    if index % 2 == 1 {
        blocks.push(Block::BarChart(Chart {
            direction: BarDirection::Horizontal,
            ..fdi_chart(numbers, index + 1)
        }));
    }
    blocks
}

fn project_table(numbers: &mut Numbers, rows: usize) -> Block {
    let rows = (0..rows)
        .map(|i| {
            let (sector_vi, sector_en) = SECTORS[numbers.next(SECTORS.len() as u64) as usize];
            vec![
                (i + 1).to_string(),
                format!(
                    "Dự án {sector_vi} giai đoạn {} · {sector_en} project, phase {}",
                    i % 3 + 1,
                    i % 3 + 1
                ),
                INVESTORS[numbers.next(INVESTORS.len() as u64) as usize].to_string(),
                format!("{},{}", 5 + numbers.next(900), numbers.next(10)),
                format!("{}", 2018 + numbers.next(8)),
            ]
        })
        .collect();
    Block::Table(Table {
        columns: vec![
            Column {
                title: "TT / No.".into(),
                width: ColumnWidth::Mm(14.0),
                align: Align::Right,
            },
            Column::weighted("Dự án / Project", 3.0),
            Column::weighted("Nhà đầu tư / Investor", 1.6),
            Column::weighted("Vốn (triệu USD) / Capital (USD m)", 1.2).aligned(Align::Right),
            Column {
                title: "Năm / Year".into(),
                width: ColumnWidth::Mm(16.0),
                align: Align::Center,
            },
        ],
        rows,
        header: true,
        style: TableStyle::Zebra,
    })
}

fn fdi_chart(numbers: &mut Numbers, index: usize) -> Chart {
    let points = (2019..2026)
        .map(|year| ChartPoint::new(year.to_string(), 50.0 + numbers.next(900) as f64 / 3.0))
        .collect();
    Chart {
        unit: "tr. USD".into(),
        decimals: 1,
        number_style: NumberStyle::Vietnamese,
        ..Chart::new(
            format!(
                "Vốn FDI đăng ký theo năm · Registered FDI by year ({})",
                ZONES[index % ZONES.len()].2
            ),
            points,
        )
    }
}

fn sector_chart(numbers: &mut Numbers) -> Chart {
    let points = SECTORS
        .iter()
        .map(|(vi, en)| ChartPoint::new(format!("{vi} / {en}"), 5.0 + numbers.next(40) as f64))
        .collect();
    Chart {
        unit: "tr. USD".into(),
        number_style: NumberStyle::English,
        ..Chart::new("Tỷ trọng vốn theo ngành · Capital share by sector", points)
    }
}
