//! What a received brief gives the receiving office (on both backends): personal data only when the sender chose
//! it (the manifest says which), the brief rendered here in another language, and its
//! opportunities adopted into the catalogue with their source, updated by newer versions while
//! unedited, merged field by field as the officer chooses once edited.

use super::two_offices::{brief, export_to, hanoi, japan, receiver, written};
use planner_core::domain::*;
use planner_core::exchange::views::{AdoptState, FieldChoice, ImportStatus, Side};
use planner_core::exchange::{adopt, import, received};
use planner_core::store::ListQuery;
use std::io::Read;
use std::process::Command;

fn member(file: &std::path::Path, name: &str) -> Vec<u8> {
    // The bundle is an ordinary ZIP: read it as anyone would, with unzip.
    let out = Command::new("unzip")
        .args(["-p", file.to_str().unwrap(), name])
        .output()
        .unwrap();
    assert!(out.status.success(), "unzip {name}");
    out.stdout
}

fn pdf_text(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.pdf");
    std::fs::write(&path, bytes).unwrap();
    let out = Command::new("pdftotext")
        .args([path.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

on_both! {
    fn personal_data_travels_only_when_chosen_and_the_manifest_says_which(store) {
        let mut a = hanoi(&store);
        let id = brief(&mut a);
        let d = a.store.get::<Delegation>(japan(&a.store)).unwrap().data;
        let counsellor = a
            .store
            .get::<Counsellor>(d.counsellor_id.unwrap())
            .unwrap()
            .data
            .full_name;
        let with_contact: Vec<String> = a
            .store
            .list::<Opportunity>(&ListQuery::default())
            .unwrap()
            .items
            .into_iter()
            .filter_map(|o| o.data.contact)
            .collect();
        assert!(!with_contact.is_empty());
        for personal in [false, true] {
            let file = export_to(&mut a, id, personal, &format!("p{personal}"));
            let manifest: serde_json::Value =
                serde_json::from_slice(&member(&file, "manifest.json")).unwrap();
            assert_eq!(manifest["personal_data"], personal);
            let text = pdf_text(&member(&file, "brief.pdf"));
            assert_eq!(
                text.contains(&counsellor),
                personal,
                "the counsellor's name in the PDF"
            );
            let list = String::from_utf8(member(&file, "opportunities.json")).unwrap();
            assert_eq!(list.contains("\"contact\":null"), !personal);
            assert!(!list.contains("\"notes\":\""), "notes are never sent");
            let sent = export::outbox(&a.store).unwrap();
            assert_eq!(sent[0].personal_data, personal);
        }
    }
}

use planner_core::exchange::export;

on_both! {
    fn a_received_brief_renders_here_in_another_language(store) {
        let mut a = hanoi(&store);
        let mut b = receiver(&store, "TV-TOKYO");
        let id = brief(&mut a);
        let file = export_to(&mut a, id, false, "a");
        let got = import::import_file(&mut b.store, &file, true, "cli").unwrap();
        let out = b.dir.path().join("en.pdf");
        let made = received::regenerate(
            &b.store,
            got.received_id,
            BriefLanguage::En,
            Some(out.clone()),
        )
        .unwrap();
        let mut bytes = Vec::new();
        std::fs::File::open(&made.path)
            .unwrap()
            .read_to_end(&mut bytes)
            .unwrap();
        let text = pdf_text(&bytes);
        let detail = received::detail(&b.store, got.received_id).unwrap();
        assert!(text.contains(&detail.model.title.en), "the English title");
        assert!(
            !text.contains(&detail.model.title.vi) || detail.model.title.vi == detail.model.title.en
        );
        let vi =
            pdf_text(&std::fs::read(received::pdf_path(&b.store, got.received_id).unwrap()).unwrap());
        assert!(
            vi.contains(&detail.model.title.vi),
            "the received PDF as sent (bilingual)"
        );
    }
}

on_both! {
    fn adopted_opportunities_keep_their_source_and_follow_newer_versions_as_chosen(store) {
        let mut a = hanoi(&store);
        let mut b = receiver(&store, "TV-TOKYO");
        // A picture travels with its opportunity and is re-encoded on adoption.
        let id = brief(&mut a);
        let shown = a.store.get::<Brief>(id).unwrap().data.opportunity_ids[0];
        a.store
            .add_opportunity_image(shown, &crate::images_png(), Some("Toàn cảnh"))
            .unwrap();
        let first = brief(&mut a);
        let f1 = export_to(&mut a, first, false, "v1");
        let r1 = import::import_file(&mut b.store, &f1, true, "cli").unwrap();
        let plans = adopt::preview(&b.store, r1.received_id, None).unwrap();
        assert!(plans.iter().all(|p| p.state == AdoptState::New));
        let source = a.store.get::<Opportunity>(shown).unwrap();
        let one = vec![source.meta.uuid.clone()];
        let before = written(&b);
        let report = adopt::adopt(&mut b.store, r1.received_id, Some(&one), &[]).unwrap();
        assert_eq!(report.created.len(), 1);
        let local_id = report.created[0];
        let local = b.store.get::<Opportunity>(local_id).unwrap();
        assert_ne!(
            local.meta.uuid, source.meta.uuid,
            "a local record with its own uuid"
        );
        assert_eq!(local.data.name_vi, source.data.name_vi);
        assert_eq!(local.data.contact, None, "no personal data was sent");
        assert_eq!(b.store.opportunity_images(local_id).unwrap().len(), 1);
        let provenance = b.store.adopted_as(local_id).unwrap().unwrap();
        assert_eq!(
            (
                provenance.source_office_code.as_str(),
                provenance.source_uuid.as_str(),
                provenance.source_version
            ),
            ("ITPC-HN", source.meta.uuid.as_str(), 2)
        );
        assert_eq!(written(&b)[4].1, before[4].1 + 1, "one provenance row");
        let again = adopt::adopt(&mut b.store, r1.received_id, Some(&one), &[]).unwrap();
        assert_eq!(
            (again.created.len(), again.unchanged),
            (0, 1),
            "adopting twice does nothing"
        );

        // A newer version updates the unedited record.
        a.store
            .update_json(
                EntityKind::Opportunities,
                shown,
                serde_json::json!({"summary_vi": "Mới hơn"}),
            )
            .unwrap();
        let v2 = brief(&mut a);
        let f2 = export_to(&mut a, v2, false, "v2");
        let r2 = import::import_file(&mut b.store, &f2, false, "cli").unwrap();
        assert_eq!(r2.status, ImportStatus::Updated);
        assert_eq!(
            adopt::preview(&b.store, r2.received_id, Some(&one)).unwrap()[0].state,
            AdoptState::Update
        );
        let report = adopt::adopt(&mut b.store, r2.received_id, Some(&one), &[]).unwrap();
        assert_eq!(report.updated, [local_id]);
        assert_eq!(
            b.store
                .get::<Opportunity>(local_id)
                .unwrap()
                .data
                .summary_vi
                .as_deref(),
            Some("Mới hơn")
        );

        // Edited here, changed there: the officer sees each field and chooses.
        b.store
            .update_json(
                EntityKind::Opportunities,
                local_id,
                serde_json::json!({"location": "Ghi chú của Tokyo", "summary_vi": "Bản của Tokyo"}),
            )
            .unwrap();
        a.store.update_json(EntityKind::Opportunities, shown, serde_json::json!({"summary_vi": "Bản của Hà Nội", "location": "Địa điểm mới", "area_ha": 1234.5})).unwrap();
        let v3 = brief(&mut a);
        let f3 = export_to(&mut a, v3, false, "v3");
        let r3 = import::import_file(&mut b.store, &f3, false, "cli").unwrap();
        let plan = &adopt::preview(&b.store, r3.received_id, Some(&one)).unwrap()[0];
        assert_eq!(plan.state, AdoptState::Conflict);
        let fields: Vec<&str> = plan.diffs.iter().map(|d| d.field.as_str()).collect();
        for f in ["summary_vi", "location", "area_ha"] {
            assert!(fields.contains(&f), "{f} in {fields:?}");
        }
        let detail = received::detail(&b.store, r3.received_id).unwrap();
        let shown_state = detail
            .opportunities
            .iter()
            .find(|o| o.uuid == one[0])
            .unwrap();
        assert_eq!(
            (shown_state.state, shown_state.local_id),
            (AdoptState::Conflict, Some(local_id))
        );
        let choose = |field: &str, take| FieldChoice {
            uuid: one[0].clone(),
            field: field.into(),
            take,
        };
        adopt::adopt(
            &mut b.store,
            r3.received_id,
            Some(&one),
            &[
                choose("summary_vi", Side::Theirs),
                choose("location", Side::Mine),
            ],
        )
        .unwrap();
        let merged = b.store.get::<Opportunity>(local_id).unwrap().data;
        assert_eq!(
            merged.summary_vi.as_deref(),
            Some("Bản của Hà Nội"),
            "theirs, as chosen"
        );
        assert_eq!(merged.location, "Ghi chú của Tokyo", "mine, as chosen");
        assert_eq!(merged.area_ha, Some(1234.5), "changed only there: taken");
        assert_eq!(
            b.store
                .adopted_as(local_id)
                .unwrap()
                .unwrap()
                .source_version,
            4
        );
    }
}
