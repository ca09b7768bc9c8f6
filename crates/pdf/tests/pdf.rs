//! End-to-end checks of rendered PDFs with the real tools a reader would use:
//! poppler (pdftotext, pdffonts, pdfinfo, pdfimages, pdftoppm) and qpdf.

#[path = "pdf_parts/pictures.rs"]
mod pictures;
mod support;

use planner_pdf::{
    render, sample::sample_document, Block, Footer, Margins, Orientation, PageSetup, PaperSize,
    Paragraph, PdfError, Span,
};
use support::*;

const VIETNAMESE: [&str; 4] = [
    "Khu Công nghệ cao Hòa Lạc",
    "Nguyễn Thị Thủy",
    "Đặng Văn Lợi",
    "ờ ạ ư ỷ đ Đ ợ",
];

#[test]
fn vietnamese_text_copies_back_exactly() {
    let mut blocks: Vec<Block> = VIETNAMESE.iter().map(|s| para(s)).collect();
    blocks.push(Block::Paragraph(Paragraph::new(vec![
        Span::bold("Trưởng đoàn: "),
        Span::italic("Nguyễn Thị Thủy"),
        Span::regular(" – Phó Giám đốc"),
    ])));
    let path = render_to_file(&document("Kiểm tra tiếng Việt", blocks), "vietnamese");
    let text = pdftotext(&path, None);
    for s in VIETNAMESE {
        assert!(text.contains(s), "missing {s:?} in:\n{text}");
    }
    assert!(
        text.contains("Trưởng đoàn: Nguyễn Thị Thủy – Phó Giám đốc"),
        "{text}"
    );
}

#[test]
fn nfd_input_comes_out_as_nfc() {
    let nfd = "Nguye\u{302}\u{303}n Thi\u{323} Thu\u{309}y, \u{110}a\u{306}\u{323}ng Va\u{306}n Lo\u{31B}\u{323}i";
    let path = render_to_file(&document("NFD", vec![para(nfd)]), "nfd");
    let text = pdftotext(&path, None);
    assert!(text.contains("Nguyễn Thị Thủy, Đặng Văn Lợi"), "{text}");
    assert!(
        !text.contains('\u{302}') && !text.contains('\u{323}'),
        "combining marks leaked: {text}"
    );
}

#[test]
fn every_font_is_embedded_and_subset() {
    let blocks = vec![
        Block::Heading {
            level: 1,
            text: "Tiêu đề".into(),
        },
        Block::Paragraph(Paragraph::new(vec![
            Span::regular("thường "),
            Span::italic("nghiêng"),
        ])),
    ];
    let path = render_to_file(&document("Phông chữ", blocks), "fonts");
    let out = run("pdffonts", &[path.to_str().unwrap()]);
    let rows: Vec<&str> = out
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert_eq!(rows.len(), 3, "regular, bold and italic expected:\n{out}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type encoding emb sub uni object-id gen
        let n = cols.len();
        assert_eq!(
            &cols[n - 5..n - 2],
            ["yes", "yes", "yes"],
            "emb/sub/uni not all yes:\n{out}"
        );
        assert!(
            cols[0].contains('+') && cols[0].contains("NotoSans"),
            "no subset tag:\n{out}"
        );
    }
    let size = std::fs::metadata(&path).unwrap().len();
    assert!(
        size < 80_000,
        "subset fonts should keep a one-page PDF small, got {size} bytes"
    );
}

#[test]
fn qpdf_accepts_a_document_with_every_block_kind() {
    let mut doc = sample_document(4);
    doc.blocks.push(Block::Image {
        bytes: png_bytes(60, 30),
        width_mm: 60.0,
        caption: Some("Sơ đồ vị trí · Location map".into()),
    });
    doc.blocks.push(Block::Rule);
    doc.blocks.push(Block::Spacer(10.0));
    doc.blocks.push(Block::PageBreak);
    doc.blocks.push(Block::KeyValues(vec![(
        "Điện thoại".into(),
        "+84 24 3734 3756".into(),
    )]));
    let path = render_to_file(&doc, "all-blocks");
    let out = run("qpdf", &["--check", path.to_str().unwrap()]);
    assert!(out.contains("No syntax or stream encoding errors"), "{out}");
}

#[test]
fn a_long_table_repeats_its_header_on_every_page() {
    let path = render_to_file(&document("Bảng dài", vec![long_table(120)]), "long-table");
    let pages = page_count(&path);
    assert!(
        pages >= 3,
        "120 rows should span several pages, got {pages}"
    );
    for page in 1..=pages {
        let text = pdftotext(&path, Some(page));
        for title in ["Số TT", "Doanh nghiệp", "Vốn đăng ký"] {
            assert!(
                text.contains(title),
                "page {page} lacks header {title:?}:\n{text}"
            );
        }
    }
    let all = pdftotext(&path, None);
    assert!(
        all.contains("Công ty TNHH số 1 Hòa Lạc") && all.contains("Công ty TNHH số 120 Hòa Lạc")
    );
}

#[test]
fn paper_sizes_and_orientations() {
    let cases = [
        (PaperSize::A4, Orientation::Portrait, (595.28, 841.89)),
        (PaperSize::A4, Orientation::Landscape, (841.89, 595.28)),
        (PaperSize::Letter, Orientation::Portrait, (612.0, 792.0)),
        (PaperSize::Letter, Orientation::Landscape, (792.0, 612.0)),
    ];
    for (size, orientation, (w, h)) in cases {
        let mut doc = document("Khổ giấy", vec![para("Trang thử")]);
        doc.page = PageSetup {
            size,
            orientation,
            margins: Margins::uniform(15.0),
        };
        let path = render_to_file(&doc, &format!("size-{size:?}-{orientation:?}"));
        let (pw, ph) = page_size(&path);
        assert!(
            (pw - w).abs() < 0.01 && (ph - h).abs() < 0.01,
            "{size:?} {orientation:?}: {pw} x {ph}"
        );
    }
}

#[test]
fn footers_number_pages_in_each_language() {
    let cases = [
        (Footer::Vietnamese, "Trang 2/3"),
        (Footer::English, "Page 2 of 3"),
        (Footer::Bilingual, "Trang 2/3 · Page 2 of 3"),
    ];
    for (footer, expected) in cases {
        let mut doc = document(
            "Chân trang",
            vec![
                para("Một"),
                Block::PageBreak,
                para("Hai"),
                Block::PageBreak,
                para("Ba"),
            ],
        );
        doc.footer = footer;
        let path = render_to_file(&doc, &format!("footer-{footer:?}"));
        assert_eq!(page_count(&path), 3);
        let page2 = pdftotext(&path, Some(2));
        assert!(page2.contains(expected), "{footer:?}: {page2}");
        assert!(page2.contains("Chân trang"), "header missing: {page2}");
    }
}

#[test]
fn metadata_language_and_outline_are_written() {
    let blocks = vec![
        Block::Heading {
            level: 1,
            text: "Khu Công nghệ cao Hòa Lạc".into(),
        },
        para("Giới thiệu."),
        Block::Heading {
            level: 2,
            text: "Hạ tầng".into(),
        },
        Block::Heading {
            level: 3,
            text: "Điện và nước".into(),
        },
        para("Chi tiết."),
        Block::Heading {
            level: 1,
            text: "Liên hệ".into(),
        },
        para("Đặng Văn Lợi."),
    ];
    let path = render_to_file(&document("Hồ sơ Hòa Lạc", blocks), "metadata");
    assert_eq!(pdfinfo(&path, "Title"), "Hồ sơ Hòa Lạc");
    assert_eq!(pdfinfo(&path, "Author"), "Đặng Văn Lợi");
    assert_eq!(pdfinfo(&path, "Subject"), "Kiểm thử · Test");
    assert!(
        pdfinfo(&path, "CreationDate").contains("2026"),
        "creation date is the caller's"
    );
    let bytes = std::fs::read(&path).unwrap();
    let lang = bytes
        .windows(5)
        .position(|w| w == b"/Lang")
        .expect("catalog /Lang missing");
    let value = String::from_utf8_lossy(&bytes[lang..lang + 16]);
    assert!(value.contains("(vi-VN)"), "unexpected /Lang: {value}");

    // qpdf's JSON indents nested outline items deeper: read the nesting from it.
    let json = run(
        "qpdf",
        &["--json", "--json-key=outlines", path.to_str().unwrap()],
    );
    let indent_of = |title: &str| {
        let line = json
            .lines()
            .find(|l| l.contains("\"title\"") && l.contains(title))
            .unwrap_or_else(|| panic!("outline lacks {title:?}:\n{json}"));
        line.len() - line.trim_start().len()
    };
    let (h1, h2, h3) = (
        indent_of("Hòa Lạc"),
        indent_of("Hạ tầng"),
        indent_of("Điện và nước"),
    );
    assert!(
        h1 < h2 && h2 < h3,
        "outline not nested by level: {h1} {h2} {h3}\n{json}"
    );
    assert_eq!(indent_of("Liên hệ"), h1);
}

#[test]
fn same_input_gives_identical_bytes() {
    let doc = sample_document(3);
    let first = render(&doc).unwrap();
    let second = render(&doc).unwrap();
    assert!(first == second, "two renders of the same document differ");
    let mut changed = doc.clone();
    changed.meta.title.push('!');
    let third = render(&changed).unwrap();
    let id = |pdf: &[u8]| {
        let at = pdf.windows(3).rposition(|w| w == b"/ID").unwrap();
        pdf[at..at + 40].to_vec()
    };
    assert_ne!(id(&first), id(&third), "the /ID must follow the content");
}

#[test]
fn no_paragraph_leaves_a_single_line_alone_on_a_page() {
    let lines = ["ALPHA1", "ALPHA2", "ALPHA3", "ALPHA4", "ALPHA5"];
    let mut split_seen = false;
    // Push the paragraph down in 1 mm steps across the page boundary.
    for spacer in (225..=262).step_by(1) {
        let doc = document(
            "Dòng mồ côi",
            // A spacer at the very top of a page is dropped, hence the lead line.
            vec![
                para("LEAD"),
                Block::Spacer(spacer as f32),
                para(&lines.join("\n")),
                para("OMEGA"),
            ],
        );
        let path = render_to_file(&doc, &format!("widow-{spacer}"));
        let pages: Vec<usize> = lines.iter().map(|l| page_of(&path, l)).collect();
        split_seen |= pages[0] != pages[4];
        assert_eq!(
            pages[0], pages[1],
            "spacer {spacer} mm: first line orphaned {pages:?}"
        );
        assert_eq!(
            pages[3], pages[4],
            "spacer {spacer} mm: last line widowed {pages:?}"
        );
    }
    assert!(
        split_seen,
        "the sweep never split the paragraph; adjust the spacer range"
    );
}

#[test]
fn a_heading_never_ends_a_page() {
    for spacer in (215..=262).step_by(3) {
        let doc = document(
            "Giữ tiêu đề",
            vec![
                para("LEAD"),
                Block::Spacer(spacer as f32),
                Block::Heading {
                    level: 2,
                    text: "HEADING-X".into(),
                },
                para("BODY-FIRST dòng một\ndòng hai\ndòng ba\ndòng bốn"),
            ],
        );
        let path = render_to_file(&doc, &format!("keep-{spacer}"));
        let text = pdftotext(&path, Some(page_of(&path, "HEADING-X")));
        assert!(
            text.contains("BODY-FIRST"),
            "spacer {spacer}: heading alone at page end:\n{text}"
        );
    }
}

#[test]
fn png_and_jpeg_images_keep_their_aspect_ratio() {
    let jpeg = std::fs::read(fixture("gradient-48x32.jpg")).unwrap();
    let blocks = vec![
        Block::Image {
            bytes: png_bytes(80, 20),
            width_mm: 80.0,
            caption: Some("Ảnh PNG".into()),
        },
        Block::Image {
            bytes: jpeg,
            width_mm: 45.0,
            caption: None,
        },
    ];
    let path = render_to_file(&document("Hình ảnh", blocks), "images");
    let list = run("pdfimages", &["-list", path.to_str().unwrap()]);
    let rows: Vec<Vec<&str>> = list
        .lines()
        .skip(2)
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(rows.len(), 2, "{list}");
    for (row, (pixels, width_mm)) in rows.iter().zip([(80.0, 80.0), (48.0, 45.0)]) {
        // columns: page num type width height color comp bpc enc interp object ID x-ppi y-ppi ...
        let (x_ppi, y_ppi): (f64, f64) = (row[12].parse().unwrap(), row[13].parse().unwrap());
        assert!((x_ppi - y_ppi).abs() <= 1.0, "aspect ratio changed: {list}");
        // pdfimages rounds ppi to integers.
        let wanted_ppi = pixels / (width_mm / 25.4);
        assert!(
            (x_ppi - wanted_ppi).abs() <= 1.0,
            "drawn at {x_ppi} ppi, wanted {wanted_ppi}: {list}"
        );
    }
    assert!(pdftotext(&path, None).contains("Ảnh PNG"));
}

#[test]
fn images_that_are_not_png_or_jpeg_are_refused_clearly() {
    let gif = b"GIF89a\x01\x00\x01\x00".to_vec();
    let doc = document(
        "Ảnh hỏng",
        vec![
            para("x"),
            Block::Image {
                bytes: gif,
                width_mm: 20.0,
                caption: None,
            },
        ],
    );
    match render(&doc) {
        Err(e @ PdfError::UnsupportedImage { block: 1, .. }) => {
            assert!(e.to_string().contains("not PNG or JPEG"), "{e}");
            assert!(e.to_string().contains("47 49 46 38"), "{e}");
        }
        other => panic!("expected UnsupportedImage, got {other:?}"),
    }
    let mut truncated = png_bytes(10, 10);
    truncated.truncate(30);
    let doc = document(
        "Ảnh hỏng",
        vec![Block::Image {
            bytes: truncated,
            width_mm: 20.0,
            caption: None,
        }],
    );
    assert!(matches!(
        render(&doc),
        Err(PdfError::ImageDecode {
            block: 0,
            format: "PNG",
            ..
        })
    ));
}

#[test]
fn too_wide_margins_are_an_error() {
    let mut doc = document("Lề", vec![para("x")]);
    doc.page.margins = Margins::uniform(110.0);
    assert!(matches!(render(&doc), Err(PdfError::NoBodyArea { .. })));
}

#[test]
fn page_one_looks_like_the_reference_rendering() {
    let path = render_to_file(&reference_document(), "reference");
    let rendered = rasterise_page_one(&path, 50);
    let reference = fixture("reference-page1.png");
    if std::env::var_os("UPDATE_REFERENCE").is_some() {
        std::fs::copy(&rendered, &reference).unwrap();
        return;
    }
    let (w, h, actual) = decode_png(&rendered);
    let (rw, rh, expected) = decode_png(&reference);
    let regenerate = "UPDATE_REFERENCE=1 regenerates the reference";
    assert_eq!((w, h), (rw, rh), "page size changed; {regenerate}");
    let diff = mean_abs_diff(&actual, &expected);
    assert!(
        diff < 1.5,
        "page 1 differs from the reference by {diff:.2}/255 per channel; see {}",
        rendered.display()
    );
}
