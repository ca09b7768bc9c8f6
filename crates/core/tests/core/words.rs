//! Words and numbers as the documents print them, read back with poppler: money in each
//! language's one format (no decimals for whole amounts, the currency and unit said once).

use chrono::NaiveDate;
use planner_core::briefs::{self, Audience, BriefFormat, BriefRequest};
use planner_core::domain::*;
use std::process::Command;

fn pdf_text(pdf: &std::path::Path) -> String {
    let out = Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext must be installed");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_briefs_land_rent_reads_as_one_range_in_each_language() {
    let (dir, mut store) = crate::temp_store();
    planner_core::demo::seed_demo(&mut store, NaiveDate::from_ymd_opt(2026, 11, 27).unwrap())
        .unwrap();
    let park = store
        .create(&Opportunity {
            name_vi: "Khu công nghiệp Thử Giá".into(),
            name_en: Some("Price Test Park".into()),
            location: "Sóc Sơn, Hà Nội".into(),
            sectors: vec!["logistics".into()],
            land_rent_min_minor: Some(10_500),
            land_rent_max_minor: Some(12_000),
            land_rent_currency: Some("USD".into()),
            // An older record repeats the currency in its unit: it is said once all the same.
            land_rent_unit: Some("USD/m² (50 năm)".into()),
            source: "Ban Quản lý các KCN và CX Hà Nội".into(),
            ..Default::default()
        })
        .unwrap();
    let organization = store
        .list::<Organization>(&Default::default())
        .unwrap()
        .items[0]
        .meta
        .id;
    for (language, expected) in [
        (BriefLanguage::Vi, "105–120 USD/m² (50 năm)"),
        (BriefLanguage::En, "USD 105–120/m² (50 năm)"),
    ] {
        let mut req = BriefRequest::new(Audience::Organization { id: organization }, language);
        req.opportunity_ids = Some(vec![park.meta.id]);
        let path = dir.path().join(format!("{language:?}.pdf"));
        briefs::generate(&mut store, &req, BriefFormat::Pdf, &path).unwrap();
        let text = pdf_text(&path);
        assert!(
            text.contains(expected),
            "{language:?} lacks {expected}:\n{text}"
        );
        assert!(!text.contains("USD/USD"), "{text}");
        assert!(!text.contains(",00 USD") && !text.contains(".00"), "{text}");
    }
}

/// A label is never printed without its value: the brief's facts leave such a row out, so the
/// PDF, the HTML and the window's preview agree.
#[test]
fn a_fact_without_a_value_is_left_out() {
    use planner_core::briefs::BriefBlock;
    use planner_core::labels::Bilingual;
    let BriefBlock::Facts { rows } = BriefBlock::facts(vec![
        (
            Bilingual::new("Phê duyệt bởi", "Approved by"),
            Bilingual::same("Nguyễn Văn An"),
        ),
        (Bilingual::new("Lúc", "At"), Bilingual::same(" ")),
    ]) else {
        panic!("facts")
    };
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].0.vi, "Phê duyệt bởi");
}
