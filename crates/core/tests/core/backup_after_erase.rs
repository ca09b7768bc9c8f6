//! Thinning the backups after an erase: every backup taken before it, in both folders and kept
//! copies included, is deleted after a new backup of the store as it is now; afterwards no byte
//! of any file in either folder holds the person, and the backups taken since remain and verify.

use chrono::{Duration, Utc};
use planner_core::backup;
use planner_core::domain::*;
use planner_core::people;
use std::path::Path;

const EMAIL: &str = "zqxwv.pham@sumitomo.jp";
const PHONE: &str = "+84 903 000 111";

fn labelled(label: &str, value: &str) -> Labelled {
    Labelled {
        label: label.into(),
        value: value.into(),
    }
}

/// The files of `folder` (every file: backups, keys, anything left) whose bytes hold `needle`.
fn files_holding(folder: &Path, needle: &str) -> Vec<String> {
    std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let bytes = std::fs::read(p).unwrap();
            bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
        })
        .map(|p| p.display().to_string())
        .collect()
}

fn names(folder: &Path) -> Vec<String> {
    let mut out: Vec<String> = backup::list(folder)
        .unwrap()
        .into_iter()
        .map(|b| b.name)
        .collect();
    out.sort();
    out
}

#[test]
fn thinning_after_an_erase_leaves_no_byte_of_the_person_in_either_backup_folder() {
    let (dir, mut store) = crate::temp_store();
    let second = dir.path().join("usb");
    let first = dir.path().join("backups");
    backup::set_places(&mut store, None, Some(&second)).unwrap();
    let org = store
        .create(&Organization {
            name_vi: "Tập đoàn Sumitomo".into(),
            country: "JP".into(),
            ..Organization::default()
        })
        .unwrap()
        .meta
        .id;
    let p = store
        .create(&Contact {
            full_name: "Phạm Thị Bích Ngọc".into(),
            organization_id: Some(org),
            emails: vec![labelled("work", EMAIL)],
            phones: vec![labelled("mobile", PHONE)],
            ..Contact::default()
        })
        .unwrap()
        .meta
        .id;
    let now = Utc::now();
    // Backups from earlier today, and one kept out of rotation (a restore's safety copy).
    backup::create(&mut store, now - Duration::hours(2), false).unwrap();
    backup::create(&mut store, now - Duration::days(40), true).unwrap();
    backup::create(&mut store, now - Duration::hours(1), false).unwrap();
    store
        .update_json(
            EntityKind::Organizations,
            org,
            serde_json::json!({"city": "Osaka"}),
        )
        .unwrap();

    // Not erased yet: nothing to thin, said plainly.
    let refused = backup::holding_erased(&store, p).unwrap_err();
    assert_eq!(refused.payload().fields[0].code, "not_erased");

    people::erase_contact(&mut store, p).unwrap();
    // The erase took its own copy first (the organisation changed since the last backup).
    for folder in [&first, &second] {
        assert_eq!(names(folder).len(), 4, "{}", folder.display());
        assert!(!files_holding(folder, EMAIL).is_empty());
    }
    // A backup taken after the erase holds nothing of them and stays.
    let after = backup::create(&mut store, Utc::now() + Duration::seconds(5), false).unwrap();
    let found = backup::holding_erased(&store, p).unwrap();
    assert_eq!(found.backups.len(), 8, "{found:?}");
    assert!(found.unreachable.is_empty());
    assert!(!found.backups.contains(&after.path));

    let thinned =
        backup::thin_after_erase(&mut store, p, Utc::now() + Duration::seconds(10)).unwrap();
    let mut removed = thinned.removed.clone();
    removed.sort();
    let mut listed = found.backups.clone();
    listed.sort();
    assert_eq!(removed, listed);
    for folder in [&first, &second] {
        assert_eq!(files_holding(folder, EMAIL), Vec::<String>::new());
        assert_eq!(files_holding(folder, PHONE), Vec::<String>::new());
        // What remains: the backup taken after the erase and the new one, each sound.
        let left = names(folder);
        assert_eq!(
            left,
            {
                let mut n = vec![after.name.clone(), thinned.fresh.name.clone()];
                n.sort();
                n
            },
            "{}",
            folder.display()
        );
        for name in left {
            let v = backup::verify(&folder.join(name)).unwrap();
            assert!(v.ok(), "{:?}", v.problems);
            assert_eq!(v.counts["organizations"], 1);
            assert_eq!(v.counts["contacts"], 0);
        }
    }
    // The last backup Settings shows is the new one.
    let status = backup::status(&store).unwrap();
    assert_eq!(
        status.last_path.as_deref(),
        Some(thinned.fresh.path.as_str())
    );
}

#[test]
fn an_unplugged_second_destination_is_named_and_its_backups_left_for_later() {
    let (dir, mut store) = crate::temp_store();
    let second = dir.path().join("usb");
    backup::set_places(&mut store, None, Some(&second)).unwrap();
    let p = store
        .create(&Contact {
            full_name: "Lê Văn Tám".into(),
            emails: vec![labelled("work", EMAIL)],
            ..Contact::default()
        })
        .unwrap()
        .meta
        .id;
    people::erase_contact(&mut store, p).unwrap();
    std::fs::remove_dir_all(&second).unwrap();
    let thinned = backup::thin_after_erase(&mut store, p, Utc::now()).unwrap();
    assert_eq!(thinned.removed.len(), 1);
    assert_eq!(thinned.unreachable, vec![second.display().to_string()]);
    assert_eq!(
        files_holding(&dir.path().join("backups"), EMAIL),
        Vec::<String>::new()
    );
}
