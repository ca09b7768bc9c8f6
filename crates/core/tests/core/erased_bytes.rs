//! Erased means gone from the file: after `person erase`, neither the store file nor its WAL
//! holds the person's name, e-mail or phone in any byte (freed pages, old index segments and
//! WAL frames included), as `strings planner.db` would find them.

use planner_core::domain::*;
use planner_core::people;

fn labelled(label: &str, value: &str) -> Labelled {
    Labelled {
        label: label.into(),
        value: value.into(),
    }
}

/// Where `needle` occurs in `haystack`, by byte.
fn occurrences(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

#[test]
fn an_erased_person_leaves_no_bytes_in_the_store_or_its_wal() {
    let (dir, mut store) = crate::temp_store();
    let org = store
        .create(&Organization {
            name_vi: "Tập đoàn Sumitomo".into(),
            country: "JP".into(),
            ..Organization::default()
        })
        .unwrap()
        .meta
        .id;
    // Others around them, so that the person's pages are shared and not simply dropped whole.
    for i in 0..200 {
        store
            .create(&Contact {
                full_name: format!("Trần Văn Khách {i}"),
                organization_id: Some(org),
                emails: vec![labelled("work", &format!("khach{i}@example.vn"))],
                ..Contact::default()
            })
            .unwrap();
    }
    let name = "Phạm Thị Bích Ngọc"; // typed NFC, as the store keeps every string
    let email = "zqxwv.pham@sumitomo.jp";
    // The search index keeps folded words, each written after what it shares with the word
    // before it: a word that shares nothing but its first letter with any other is found whole.
    let indexed_word = "zqxwv";
    let phone = "+84 903 000 111";
    let p = store
        .create(&Contact {
            full_name: name.into(),
            organization_id: Some(org),
            emails: vec![labelled("work", email)],
            phones: vec![labelled("mobile", phone)],
            notes: Some(format!("Gọi {name} qua {email}")),
            ..Contact::default()
        })
        .unwrap()
        .meta
        .id;
    // An update leaves the earlier version of the row in freed space and in the audit log.
    store
        .update_json(
            EntityKind::Contacts,
            p,
            serde_json::json!({"title": "Trưởng phòng"}),
        )
        .unwrap();
    let db = dir.path().join("planner.db");
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    let read_all = || {
        let mut bytes = std::fs::read(&db).unwrap();
        bytes.extend(std::fs::read(&wal).unwrap_or_default());
        bytes
    };
    assert!(
        occurrences(&read_all(), email.as_bytes()) > 0,
        "the test sees the e-mail before"
    );

    people::erase_contact(&mut store, p).unwrap();
    let bytes = read_all();
    for needle in [name, email, phone, indexed_word] {
        assert_eq!(
            occurrences(&bytes, needle.as_bytes()),
            0,
            "{needle:?} is still in the store file or its WAL"
        );
    }
    // The others are still there, searchable.
    assert_eq!(store.count(EntityKind::Contacts).unwrap(), 200);
}
