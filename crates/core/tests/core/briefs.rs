//! Briefs read back with poppler and qpdf: the exact Vietnamese, embedded subset fonts, a valid
//! file, tables that repeat their header, the personal-data switch, and page 1 against a reference.

use chrono::{NaiveDate, TimeZone, Utc};
use planner_core::briefs::{self, Audience, BriefFormat, BriefRequest, BriefSection};
use planner_core::domain::*;
use planner_core::store::{Filter, ListQuery};
use planner_core::Store;
use std::path::Path;
use std::process::Command;

fn tool(cmd: &str, args: &[&str]) -> String {
    let out = Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{cmd} must be installed: {e}"));
    assert!(
        out.status.success(),
        "{cmd} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn text(pdf: &Path) -> String {
    tool("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"])
}

fn page_text(pdf: &Path, page: u32) -> String {
    let p = page.to_string();
    tool(
        "pdftotext",
        &["-f", &p, "-l", &p, pdf.to_str().unwrap(), "-"],
    )
}

fn pages(pdf: &Path) -> u32 {
    tool("pdfinfo", &[pdf.to_str().unwrap()])
        .lines()
        .find_map(|l| l.strip_prefix("Pages:").map(|n| n.trim().parse().unwrap()))
        .unwrap()
}

/// Seeds the demo into `store` and gives a folder for the briefs written from it.
fn demo(store: &mut Store) -> tempfile::TempDir {
    planner_core::demo::seed_demo(store, NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()).unwrap();
    tempfile::tempdir().unwrap()
}

fn japan(store: &Store) -> i64 {
    let q = ListQuery {
        filters: vec![Filter::parse("destination_country=JP").unwrap()],
        ..Default::default()
    };
    store.list::<Delegation>(&q).unwrap().items[0].meta.id
}

on_both! {
    fn pdf_keeps_exact_vietnamese_and_embeds_subset_fonts(store) {
        let dir = demo(&mut store);
        let special = store
            .create(&Opportunity {
                name_vi: "Khu thử nghiệm Đường Lợi: ờ ạ ư ỷ đ Đ ợ".into(),
                name_en: Some("Test zone".into()),
                location: "Thạch Thất, Hà Nội".into(),
                sectors: vec!["semiconductors".into()],
                source: "Sở Công Thương Hà Nội".into(),
                ..Default::default()
            })
            .unwrap();
        let delegation = japan(&store);
        let mut req = BriefRequest::new(Audience::Delegation { id: delegation }, BriefLanguage::Vi);
        let mut ids: Vec<i64> = briefs::suggest(&store, &req.audience)
            .unwrap()
            .iter()
            .filter(|s| s.suggested)
            .map(|s| s.id)
            .collect();
        ids.push(special.meta.id);
        req.opportunity_ids = Some(ids);
        let path = dir.path().join("brief.pdf");
        let done = briefs::generate(&mut store, &req, BriefFormat::Pdf, &path).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(
            done.sha256,
            briefs::sha256_hex(&bytes),
            "the recorded hash is the file's"
        );
        let all = text(&path);
        let d = store.get::<Delegation>(delegation).unwrap().data;
        for expected in [
            "Cơ hội đầu tư tại Hà Nội",
            "Khu Công nghệ cao Hòa Lạc",
            "Khu thử nghiệm Đường Lợi: ờ ạ ư ỷ đ Đ ợ",
            d.title.as_str(),
        ] {
            assert!(all.contains(expected), "pdftotext lacks «{expected}»");
        }
        let counsellor = store
            .get::<Counsellor>(d.counsellor_id.unwrap())
            .unwrap()
            .data
            .full_name;
        assert!(
            all.contains(&counsellor),
            "the counsellor in charge, {counsellor}"
        );
        assert!(all.contains("Trang 1/"), "Vietnamese page numbers");
        let fonts = tool("pdffonts", &[path.to_str().unwrap()]);
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(rows.len() >= 2, "{fonts}");
        for row in rows {
            let cols: Vec<&str> = row.split_whitespace().collect();
            let n = cols.len();
            assert_eq!(
                (cols[n - 5], cols[n - 4]),
                ("yes", "yes"),
                "embedded and subset: {row}"
            );
            assert!(
                cols[0].contains('+') && cols[0].contains("NotoSans"),
                "{row}"
            );
        }
        tool("qpdf", &["--check", path.to_str().unwrap()]);
        let record = store.get::<Brief>(done.brief_id).unwrap().data;
        assert_eq!(record.version, 1);
        assert_eq!(record.file_sha256.as_deref(), Some(done.sha256.as_str()));
        // The same request again is version 2 of that audience's brief.
        let again = briefs::generate(
            &mut store,
            &req,
            BriefFormat::Pdf,
            &dir.path().join("b2.pdf"),
        )
        .unwrap();
        assert_eq!(again.version, 2);
    }
}

on_both! {
    fn long_opportunity_table_repeats_its_header_on_every_page(store) {
        let dir = tempfile::tempdir().unwrap();
        let ids: Vec<i64> = (1..=70)
            .map(|i| {
                store
                    .create(&Opportunity {
                        name_vi: format!("Cụm công nghiệp số {i} – Đông Anh"),
                        location: "Đông Anh, Hà Nội".into(),
                        area_ha: Some(10.0 + i as f64),
                        sectors: vec!["logistics".into()],
                        source: "Sở Công Thương Hà Nội".into(),
                        ..Default::default()
                    })
                    .unwrap()
                    .meta
                    .id
            })
            .collect();
        let mut req = BriefRequest::new(
            Audience::Sector {
                sector: "logistics".into(),
                country: None,
            },
            BriefLanguage::Vi,
        );
        req.sections = vec![BriefSection::OpportunityTable];
        req.opportunity_ids = Some(ids);
        let path = dir.path().join("table.pdf");
        briefs::generate(&mut store, &req, BriefFormat::Pdf, &path).unwrap();
        let n = pages(&path);
        assert!(n >= 3, "70 rows span pages ({n})");
        for p in 1..=n {
            let t = page_text(&path, p);
            assert!(
                t.contains("Loại hình") && t.contains("Địa điểm") && t.contains("Nguồn"),
                "header on page {p}"
            );
        }
        assert!(
            page_text(&path, n).contains("số 70"),
            "the last row on the last page"
        );
    }
}

on_both! {
    fn without_personal_data_no_person_is_named_or_reachable(store) {
        let dir = demo(&mut store);
        let mut req = BriefRequest::new(
            Audience::Delegation { id: japan(&store) },
            BriefLanguage::Bi,
        );
        req.include_personal_data = false;
        let path = dir.path().join("anon.pdf");
        briefs::generate(&mut store, &req, BriefFormat::Pdf, &path).unwrap();
        let html_path = dir.path().join("anon.html");
        briefs::generate(&mut store, &req, BriefFormat::Html, &html_path).unwrap();
        let pdf = text(&path).split_whitespace().collect::<Vec<_>>().join(" ");
        let html = std::fs::read_to_string(&html_path).unwrap();
        let mut details: Vec<String> = Vec::new();
        for c in store
            .list::<Counsellor>(&ListQuery::default())
            .unwrap()
            .items
        {
            details.push(c.data.full_name);
            details.extend(c.data.phone);
            details.extend(c.data.email);
        }
        for c in store.list::<Contact>(&ListQuery::default()).unwrap().items {
            details.push(c.data.full_name);
            details.extend(c.data.emails.into_iter().map(|e| e.value));
            details.extend(c.data.phones.into_iter().map(|p| p.value));
        }
        // An opportunity's contact line is the management board's institutional address, which a
        // person at the board may share; it is not personal data and stays.
        let institutional: String = store
            .list::<Opportunity>(&ListQuery::default())
            .unwrap()
            .items
            .into_iter()
            .filter_map(|o| o.data.contact)
            .collect();
        details.retain(|d| !institutional.contains(d.as_str()));
        assert!(details.len() > 100);
        for d in &details {
            assert!(!pdf.contains(d.as_str()), "the PDF leaks «{d}»");
            assert!(!html.contains(d.as_str()), "the HTML leaks «{d}»");
        }
        assert!(
            pdf.contains("Thông tin cá nhân"),
            "the brief says personal data was left out"
        );
        // With the switch off, the counsellor is there.
        req.include_personal_data = true;
        let named = dir.path().join("named.pdf");
        briefs::generate(&mut store, &req, BriefFormat::Pdf, &named).unwrap();
        let named_text = text(&named);
        assert!(details.iter().any(|d| named_text.contains(d.as_str())));
    }
}

on_both! {
    fn regenerating_is_identical_until_the_data_changes(store) {
        let dir = demo(&mut store);
        let req = BriefRequest::new(
            Audience::Sector {
                sector: "semiconductors".into(),
                country: Some("JP".into()),
            },
            BriefLanguage::Bi,
        );
        let done = briefs::generate(
            &mut store,
            &req,
            BriefFormat::Pdf,
            &dir.path().join("a.pdf"),
        )
        .unwrap();
        let (bytes, same) = briefs::regenerate(&store, done.brief_id, BriefFormat::Pdf).unwrap();
        assert!(same);
        assert_eq!(bytes, std::fs::read(dir.path().join("a.pdf")).unwrap());
        let first = store
            .get::<Brief>(done.brief_id)
            .unwrap()
            .data
            .opportunity_ids[0];
        store
            .update_json(
                EntityKind::Opportunities,
                first,
                serde_json::json!({"location": "Hòa Lạc, Hà Nội (cập nhật)"}),
            )
            .unwrap();
        let (_, same) = briefs::regenerate(&store, done.brief_id, BriefFormat::Pdf).unwrap();
        assert!(!same, "a changed figure changes the brief");
    }
}

on_both! {
    fn html_escapes_user_text(store) {
        let dir = tempfile::tempdir().unwrap();
        let o = store
            .create(&Opportunity {
                name_vi: "<script>alert('x')</script> & Đông Anh".into(),
                location: "Hà Nội".into(),
                sectors: vec!["logistics".into()],
                source: "S".into(),
                ..Default::default()
            })
            .unwrap();
        let mut req = BriefRequest::new(
            Audience::Sector {
                sector: "logistics".into(),
                country: None,
            },
            BriefLanguage::Vi,
        );
        req.opportunity_ids = Some(vec![o.meta.id]);
        let path = dir.path().join("x.html");
        briefs::generate(&mut store, &req, BriefFormat::Html, &path).unwrap();
        let html = std::fs::read_to_string(path).unwrap();
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Đông Anh"));
    }
}

/// The same brief from the same data is the same file from either store (issue 17): the demo
/// seeded into a store file and into a team database, and from each the PDF and the HTML of a
/// delegation's brief (personal data, counsellor, schedule) and of a sector's.
#[test]
fn a_brief_is_byte_identical_from_either_store() {
    let Some((_guard, mut team)) = crate::team_store() else {
        return;
    };
    let (_dir, mut file) = crate::temp_store();
    let at = Utc.with_ymd_and_hms(2026, 11, 27, 2, 0, 0).unwrap();
    let outputs = |store: &mut Store| {
        demo(store);
        let mut delegation =
            BriefRequest::new(Audience::Delegation { id: japan(store) }, BriefLanguage::Bi);
        delegation.include_personal_data = true;
        let sector = BriefRequest::new(
            Audience::Sector {
                sector: "semiconductors".into(),
                country: Some("JP".into()),
            },
            BriefLanguage::Vi,
        );
        let mut out = Vec::new();
        for req in [delegation, sector] {
            let model = briefs::compose_at(store, &req, 1, at).unwrap();
            out.push(briefs::render_pdf(&model).unwrap());
            out.push(briefs::render_html(&model).into_bytes());
        }
        out
    };
    let (from_file, from_team) = (outputs(&mut file), outputs(&mut team));
    for (i, (a, b)) in from_file.iter().zip(&from_team).enumerate() {
        assert!(a == b, "output {i} differs between the backends");
    }
}

/// A team store has no folder beside it: a brief written without a chosen path goes to this
/// desktop's data folder (where a store file would live), never to the working directory.
#[test]
fn a_team_stores_documents_go_to_this_desktops_data_folder() {
    let Some((_guard, team)) = crate::team_store() else {
        return;
    };
    let data = planner_core::paths::Config::read(&planner_core::paths::config_file())
        .data_folder
        .unwrap_or_else(|| {
            planner_core::paths::default_db_path()
                .parent()
                .unwrap()
                .to_owned()
        });
    let briefs_dir = planner_core::files::documents_dir(&team, "briefs");
    assert_eq!(briefs_dir, data.join("briefs"));
    assert!(briefs_dir.is_absolute(), "{}", briefs_dir.display());
}

fn decode_png(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).unwrap();
    buf.truncate(info.buffer_size());
    let gray: Vec<u8> = match info.color_type {
        png::ColorType::Rgb => buf
            .chunks(3)
            .map(|p| ((p[0] as u32 + p[1] as u32 + p[2] as u32) / 3) as u8)
            .collect(),
        png::ColorType::Rgba => buf
            .chunks(4)
            .map(|p| ((p[0] as u32 + p[1] as u32 + p[2] as u32) / 3) as u8)
            .collect(),
        _ => buf,
    };
    (info.width, info.height, gray)
}

on_both! {
    /// Page 1 of a fixed brief, rendered by pdftoppm, stays within a small distance of the reference
    /// (`UPDATE_REFERENCE=1` rewrites tests/fixtures/brief-page1.png).
    fn page_one_matches_the_reference_image(store) {
        let dir = demo(&mut store);
        let req = BriefRequest::new(
            Audience::Sector {
                sector: "semiconductors".into(),
                country: Some("JP".into()),
            },
            BriefLanguage::Vi,
        );
        let at = Utc.with_ymd_and_hms(2026, 11, 27, 2, 0, 0).unwrap();
        let model = briefs::compose_at(&store, &req, 1, at).unwrap();
        let pdf = dir.path().join("ref.pdf");
        std::fs::write(&pdf, briefs::render_pdf(&model).unwrap()).unwrap();
        let prefix = dir.path().join("page");
        tool(
            "pdftoppm",
            &[
                "-r",
                "40",
                "-png",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                pdf.to_str().unwrap(),
                prefix.to_str().unwrap(),
            ],
        );
        let actual = std::fs::read(dir.path().join("page.png")).unwrap();
        let reference = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/brief-page1.png");
        if std::env::var_os("UPDATE_REFERENCE").is_some() {
            std::fs::write(&reference, &actual).unwrap();
        }
        let (w, h, a) = decode_png(&actual);
        let (rw, rh, r) = decode_png(&std::fs::read(&reference).expect("reference image"));
        assert_eq!((w, h), (rw, rh), "page size in pixels");
        let diff: f64 = a
            .iter()
            .zip(&r)
            .map(|(x, y)| (*x as f64 - *y as f64).abs())
            .sum::<f64>()
            / a.len() as f64;
        assert!(
            diff < 2.0,
            "mean pixel difference {diff:.2} from the reference"
        );
        let ink = a.iter().filter(|p| **p < 128).count();
        assert!(ink > 500, "the page is not blank ({ink} dark pixels)");
    }
}
