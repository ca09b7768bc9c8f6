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

/// NFC-normalises every string inside a JSON value, in place.
pub fn normalize_value(v: &mut Value) {
    match v {
        Value::String(s) if !is_nfc(s) => *s = s.nfc().collect(),
        Value::Array(items) => items.iter_mut().for_each(normalize_value),
        Value::Object(map) => map.values_mut().for_each(normalize_value),
        _ => {}
    }
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
}
