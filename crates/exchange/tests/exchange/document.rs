//! docs/exchange-format.md stays true to the code: every code with its two messages, the constants,
//! the PAE example, the limits and the example key's fingerprint.

use planner_exchange::{
    pae, Code, Limits, CARD_FORMAT, CARD_PAYLOAD_TYPE, FORMAT, MAX_CARD, MAX_SIGNATURE,
    PAYLOAD_TYPE, RATIO_FLOOR,
};

use crate::support::sender_key;

fn document() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/exchange-format.md");
    std::fs::read_to_string(path).expect("docs/exchange-format.md")
}

#[test]
fn every_code_is_documented_with_its_messages() {
    let doc = document();
    let missing: Vec<&str> = Code::ALL
        .iter()
        .filter(|c| {
            let row = format!(
                "| `{}` | {} | {} |",
                c.as_str(),
                c.message_vi(),
                c.message_en()
            );
            !doc.contains(&row)
        })
        .map(|c| c.as_str())
        .collect();
    assert!(
        missing.is_empty(),
        "codes missing or worded differently in the document: {missing:?}"
    );
    let codes_section = &doc[doc.find("## 10. Error codes").expect("section 10")..];
    let rows = codes_section.lines().filter(|l| l.starts_with("| `"));
    assert_eq!(
        rows.count(),
        Code::ALL.len(),
        "a documented code is not in the code"
    );
}

#[test]
fn the_constants_and_the_pae_example_are_the_codes() {
    let doc = document();
    for constant in [FORMAT, PAYLOAD_TYPE, CARD_FORMAT, CARD_PAYLOAD_TYPE] {
        assert!(doc.contains(constant), "{constant}");
    }
    let example = pae(PAYLOAD_TYPE, b"{}");
    let text = String::from_utf8(example.clone()).unwrap();
    assert!(doc.contains(&format!("`{text}`")), "{text}");
    assert!(doc.contains(&format!("is the {} bytes", example.len())));
}

#[test]
fn the_limits_table_is_the_default() {
    let doc = document();
    let l = Limits::default();
    for bytes in [
        l.max_file,
        l.max_manifest,
        l.max_member,
        l.max_json,
        l.max_total,
        RATIO_FLOOR,
    ] {
        assert!(
            doc.contains(&format!("| {bytes} bytes")) || doc.contains(&format!("{bytes} bytes (")),
            "{bytes}"
        );
    }
    for bytes in [MAX_SIGNATURE, MAX_CARD] {
        assert!(doc.contains(&format!("{bytes} bytes")), "{bytes}");
    }
    for count in [l.max_entries, l.max_ratio as usize, l.max_json_depth] {
        assert!(doc.contains(&format!("| {count} |")), "{count}");
    }
}

#[test]
fn the_example_fingerprint_is_the_example_keys() {
    let doc = document().replace('\n', " ");
    let fp = sender_key().public().fingerprint();
    assert!(doc.contains(fp.as_str()));
    assert!(doc.contains(&fp.grouped()), "{}", fp.grouped());
    assert!(doc.contains(&sender_key().public().to_base64()));
}
