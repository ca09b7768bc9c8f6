//! The labels of values come from one place (`planner_core::labels`): every value has both, and
//! no other source file spells the words that had drifted.

use planner_core::domain::{
    DelegationKind, DelegationStatus, EntityKind, ItineraryKind, LeadStage, OpportunityKind,
    OpportunityStatus,
};
use planner_core::labels::{
    every_enum, sector_label, sector_list, Labelled, SECTORS, WHOLE_DELEGATION,
};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

fn assert_named_apart<'a>(
    what: &str,
    labels: impl IntoIterator<Item = (String, &'a str, &'a str)>,
) {
    let (mut vis, mut ens) = (HashSet::new(), HashSet::new());
    for (key, vi, en) in labels {
        assert!(
            !vi.trim().is_empty(),
            "{what}.{key} has no Vietnamese label"
        );
        assert!(!en.trim().is_empty(), "{what}.{key} has no English label");
        assert!(vis.insert(vi), "{what}: «{vi}» names two values");
        assert!(ens.insert(en), "{what}: «{en}» names two values");
    }
}

#[test]
fn every_enum_value_has_both_labels_distinct_within_its_enum() {
    let enums = every_enum();
    let mut constants = HashSet::new();
    for e in &enums {
        assert!(constants.insert(e.constant), "{} listed twice", e.constant);
        let keys: HashSet<&str> = e.values.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            keys.len(),
            e.values.len(),
            "{}: a value listed twice",
            e.constant
        );
        assert_named_apart(
            e.constant,
            e.values.iter().map(|(k, l)| (k.clone(), l.vi, l.en)),
        );
    }
    // The enums the screens, PDFs and exports name are all there.
    for c in [
        "DELEGATION_STATUS",
        "ITINERARY_KIND",
        "LEAD_STAGE",
        "BRIEF_SECTION",
        "ENTITY_KIND",
    ] {
        assert!(constants.contains(c), "{c} missing");
    }
    assert_named_apart(
        "EntityKind::noun",
        EntityKind::ALL.map(|k| (k.key(), k.noun().vi, k.noun().en)),
    );
    assert_named_apart(
        "SECTORS",
        SECTORS.iter().map(|(k, l)| (k.to_string(), l.vi, l.en)),
    );
}

#[test]
fn sector_tags_read_as_names_never_as_keys() {
    let tags: Vec<String> = [
        "semiconductors",
        "real_estate",
        "data_centers",
        "space_tech",
    ]
    .map(String::from)
    .into();
    let names = sector_list(&tags);
    assert_eq!(
        names.vi,
        "Bán dẫn, Bất động sản, Trung tâm dữ liệu, space tech"
    );
    assert_eq!(
        names.en,
        "Semiconductors, Real estate, Data centres, space tech"
    );
    assert_eq!(sector_label("e_commerce").vi, "Thương mại điện tử");
}

/// The words whose copies had drifted apart, pinned: changing one is a deliberate edit here.
#[test]
fn drifted_words_are_decided_once() {
    assert_eq!(DelegationStatus::Proposed.label().vi, "Đề xuất");
    assert_eq!(DelegationStatus::Cancelled.label().vi, "Đã huỷ");
    assert_eq!(ItineraryKind::Meeting.label().vi, "Gặp gỡ");
    assert_eq!(DelegationKind::Outbound.label().vi, "Đoàn ra");
    assert_eq!(
        OpportunityKind::FdiProject.label().vi,
        "Dự án kêu gọi đầu tư"
    );
    assert_eq!(OpportunityStatus::Open.label().vi, "Đang kêu gọi đầu tư");
    assert_eq!(sector_label("automation").vi, "Tự động hoá");
}

fn sources(root: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(root).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            // The labels themselves, and what is generated from them.
            if name != "labels" && name != "node_modules" {
                sources(&path, out);
            }
        } else if (name.ends_with(".rs") || name.ends_with(".ts") || name.ends_with(".svelte"))
            // Tests assert what a screen shows, so they may spell the words they expect.
            && !name.contains(".test.")
            && name != "labels.gen.ts"
        {
            out.push(path);
        }
    }
}

/// No source file other than the labels module (and the file generated from it) spells a
/// value's label in quotes: each is read from the one source.
#[test]
fn no_other_source_file_spells_the_labels() {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    for dir in [
        "crates/core/src",
        "crates/cli/src",
        "src-tauri/src",
        "ui/src",
    ] {
        sources(&repo.join(dir), &mut files);
    }
    assert!(files.len() > 50, "scanned only {} files", files.len());
    let mut words: Vec<&str> = Vec::new();
    words.extend(DelegationStatus::DISPLAY_ORDER.iter().map(|v| v.label().vi));
    words.extend(DelegationKind::DISPLAY_ORDER.iter().map(|v| v.label().vi));
    words.extend(ItineraryKind::DISPLAY_ORDER.iter().map(|v| v.label().vi));
    words.extend(LeadStage::DISPLAY_ORDER.iter().map(|v| v.label().vi));
    words.extend(OpportunityKind::DISPLAY_ORDER.iter().map(|v| v.label().vi));
    words.extend(
        OpportunityStatus::DISPLAY_ORDER
            .iter()
            .map(|v| v.label().vi),
    );
    words.extend(SECTORS.iter().map(|(_, l)| l.vi));
    // Who attends an item without chosen attendees: one wording, core and screens.
    words.extend([WHOLE_DELEGATION.vi, WHOLE_DELEGATION.en]);
    // A label the same in both languages ("Logistics") is a name, not a translation that can
    // drift, and also names other things (a company's).
    let names: HashSet<&str> = SECTORS
        .iter()
        .filter(|(_, l)| l.vi == l.en)
        .map(|(_, l)| l.vi)
        .collect();
    words.retain(|w| !names.contains(w));
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        // Comments may quote a label as an example.
        let code = text.lines().filter(|l| {
            let l = l.trim_start();
            !(l.starts_with("//") || l.starts_with('*'))
        });
        for line in code {
            for word in &words {
                for quote in ['"', '\''] {
                    if line.contains(&format!("{quote}{word}{quote}")) {
                        found.push(format!("{} spells «{word}»", file.display()));
                    }
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "labels spelled outside labels/:\n{}",
        found.join("\n")
    );
}
