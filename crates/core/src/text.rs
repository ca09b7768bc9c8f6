//! Text at the boundary: every string is NFC-normalised on the way in.

use serde_json::Value;
use unicode_normalization::{is_nfc, UnicodeNormalization};

/// The NFC form of `s` (Vietnamese typed on macOS or pasted from PDFs often arrives as NFD).
pub fn nfc(s: &str) -> String {
    if is_nfc(s) {
        s.to_owned()
    } else {
        s.nfc().collect()
    }
}

/// NFC-normalises every string inside a JSON value, in place; true when one changed.
pub fn normalize_value(v: &mut Value) -> bool {
    match v {
        Value::String(s) if !is_nfc(s) => {
            *s = s.nfc().collect();
            true
        }
        Value::Array(items) => items.iter_mut().fold(false, |c, x| normalize_value(x) | c),
        Value::Object(map) => map.values_mut().fold(false, |c, x| normalize_value(x) | c),
        _ => false,
    }
}

/// The search form of `s`: lower case, accents removed, đ/Đ as d (Vietnamese has no
/// decomposition for đ, so stripping marks alone leaves it).
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfd_vietnamese_becomes_nfc() {
        let nfd: String = "Hòa Lạc Nguyễn Đức".nfd().collect();
        assert_ne!(nfd, "Hòa Lạc Nguyễn Đức");
        assert_eq!(nfc(&nfd), "Hòa Lạc Nguyễn Đức");
        let mut v = serde_json::json!({"a": [nfd.clone()], "b": {"c": nfd}});
        normalize_value(&mut v);
        assert_eq!(v["a"][0], "Hòa Lạc Nguyễn Đức");
        assert_eq!(v["b"]["c"], "Hòa Lạc Nguyễn Đức");
    }

    #[test]
    fn fold_removes_accents_and_dd() {
        assert_eq!(fold("Đà Nẵng"), "da nang");
        assert_eq!(fold("Hòa Lạc"), "hoa lac");
        assert_eq!(fold("NGUYỄN Đức"), "nguyen duc");
    }
}
