//! Pictures of opportunities: untrusted files are checked, resized, audited, and shown in briefs.

use planner_core::briefs::{self, Audience, BriefFormat, BriefRequest, BriefSection};
use planner_core::domain::*;
use planner_core::CoreError;
use std::io::Cursor;

fn png(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 120])
    });
    let mut out = Vec::new();
    image::DynamicImage::ImageRgb8(img)
        .write_to(&mut Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
}

fn code(e: CoreError) -> String {
    match e {
        CoreError::Invalid(errs) => format!("{}:{}", errs[0].field, errs[0].code),
        other => panic!("expected invalid input, got {other}"),
    }
}

on_both! {
    fn pictures_are_checked_resized_audited_and_printed(store) {
        let dir = tempfile::tempdir().unwrap();
        let o = store
            .create(&Opportunity {
                name_vi: "Khu Công nghệ cao Hòa Lạc".into(),
                location: "Thạch Thất, Hà Nội".into(),
                sectors: vec!["software".into()],
                source: "Ban Quản lý".into(),
                ..Default::default()
            })
            .unwrap();
        let id = o.meta.id;
        let img = store
            .add_opportunity_image(id, &png(2400, 1200), Some("Toàn cảnh khu Nghiên cứu"))
            .unwrap();
        assert_eq!(
            (img.width, img.height),
            (1600, 800),
            "scaled to the longest side"
        );
        assert_eq!(img.mime, "image/jpeg", "opaque pictures are stored as JPEG");
        let small = store
            .add_opportunity_image(id, &png(300, 200), None)
            .unwrap();
        assert_eq!((small.width, small.height, small.position), (300, 200, 1));
        assert_eq!(
            code(
                store
                    .add_opportunity_image(id, b"GIF89a....", None)
                    .unwrap_err()
            ),
            "file:unsupported_image"
        );
        let mut broken = png(50, 50);
        broken.truncate(60);
        assert_eq!(
            code(store.add_opportunity_image(id, &broken, None).unwrap_err()),
            "file:corrupt_image"
        );
        let mut huge = b"\x89PNG\r\n\x1a\n".to_vec();
        huge.resize(planner_core::images::MAX_INPUT_BYTES + 1, 0);
        assert_eq!(
            code(store.add_opportunity_image(id, &huge, None).unwrap_err()),
            "file:too_large"
        );
        assert_eq!(
            store.opportunity_images(id).unwrap().len(),
            2,
            "refused files leave nothing"
        );
        let audit = store.audit_of(EntityKind::Opportunities, id).unwrap();
        assert_eq!(audit.len(), 3, "create + two pictures");

        let mut req = BriefRequest::new(
            Audience::Sector {
                sector: "software".into(),
                country: None,
            },
            BriefLanguage::Vi,
        );
        req.sections = vec![BriefSection::OpportunityPages];
        let path = dir.path().join("pictures.pdf");
        briefs::generate(&mut store, &req, BriefFormat::Pdf, &path).unwrap();
        let list = std::process::Command::new("pdfimages")
            .args(["-list", path.to_str().unwrap()])
            .output()
            .unwrap();
        let list = String::from_utf8(list.stdout).unwrap();
        assert!(
            list.lines()
                .skip(2)
                .any(|l| l.contains("1600") && l.contains("800")),
            "{list}"
        );

        store.remove_opportunity_image(small.id).unwrap();
        assert_eq!(store.opportunity_images(id).unwrap().len(), 1);
        store
            .delete(EntityKind::Opportunities, id)
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            store.opportunity_images(id).unwrap().is_empty(),
            "pictures go with their opportunity"
        );
    }
}
