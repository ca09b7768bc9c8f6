//! Free pages and backups. `secure_delete = FAST` zeroes deleted content inside pages still in
//! use, not whole pages put on the free list, so the store file may keep what an ordinary
//! delete left there (an erase runs with secure deletion fully on). Every backup, the one taken
//! before an operation included, is `VACUUM INTO`, which copies no free page: no backup holds
//! an erased person's bytes or an ordinary delete's leftovers. (SQLite's page copy, tried for
//! the copy before an operation, would carry them: see the note in `store/backup.rs`.)

use chrono::Utc;
use planner_core::backup;
use planner_core::domain::*;
use planner_core::people;

fn labelled(label: &str, value: &str) -> Labelled {
    Labelled {
        label: label.into(),
        value: value.into(),
    }
}

fn holds(path: &str, needle: &str) -> bool {
    std::fs::read(path)
        .unwrap()
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

/// Contacts enough to fill pages of their own, each with a findable e-mail.
fn people(store: &mut planner_core::Store, prefix: &str, n: usize) -> Vec<i64> {
    (0..n)
        .map(|i| {
            store
                .create(&Contact {
                    full_name: format!("{prefix} Khách {i}"),
                    emails: vec![labelled("work", &format!("{prefix}{i}@example.vn"))],
                    notes: Some("x".repeat(300)),
                    ..Contact::default()
                })
                .unwrap()
                .meta
                .id
        })
        .collect()
}

#[test]
fn no_backup_holds_what_deletes_left_on_free_pages() {
    let (_dir, mut store) = crate::temp_store();
    let kept = people(&mut store, "giu", 50);
    let erased = people(&mut store, "xoahan", 60);
    let deleted = people(&mut store, "daxoa", 60);
    backup::create(&mut store, Utc::now() - chrono::Duration::hours(1), false).unwrap();
    for id in &erased {
        people::erase_contact(&mut store, *id).unwrap();
    }
    for id in &deleted {
        store.delete(EntityKind::Contacts, *id).unwrap();
    }
    // The file itself may keep leftovers of the ordinary deletes on its free pages.
    let db = store.path().unwrap().display().to_string();
    let in_store = (0..deleted.len())
        .filter(|i| holds(&db, &format!("daxoa{i}@example.vn")))
        .count();
    // Before an operation: quickly checked, sound, complete, and without any of it.
    let copy = backup::before(&mut store)
        .unwrap()
        .expect("a change since the last backup");
    let checked = backup::verify(std::path::Path::new(&copy.path)).unwrap();
    assert!(checked.ok(), "{:?}", checked.problems);
    assert_eq!(checked.counts["contacts"], kept.len() as i64);
    let full = backup::create(&mut store, Utc::now(), false).unwrap();
    for path in [&copy.path, &full.path] {
        for i in 0..erased.len() {
            assert!(!holds(path, &format!("xoahan{i}@example.vn")), "{path}");
        }
        for i in 0..deleted.len() {
            assert!(!holds(path, &format!("daxoa{i}@example.vn")), "{path}");
        }
    }
    eprintln!(
        "ordinary deletes: {in_store} of {} e-mails still in the store file, none in its backups",
        deleted.len()
    );
}
