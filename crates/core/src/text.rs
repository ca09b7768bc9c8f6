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

/// One letter of a name as Vietnamese sorting sees it: the letter of the alphabet (ă, â, đ, ê,
/// ô, ơ and ư are letters of their own), its tone, and whether it was upper case.
#[derive(Clone, Copy)]
struct Letter {
    primary: u32,
    tone: u8,
    upper: bool,
}

/// The letters of `s` in order (from its canonical decomposition).
fn letters(s: &str) -> impl Iterator<Item = Letter> + '_ {
    let mut chars = s.nfd().peekable();
    std::iter::from_fn(move || {
        let base = chars.next()?;
        let upper = base.is_uppercase();
        let lower = base.to_lowercase().next().unwrap_or(base);
        let (letter, mut variant) = match lower {
            'đ' => ('d', 1),
            c => (c, 0),
        };
        let mut tone = 0u8;
        while let Some(&m) = chars.peek() {
            if !unicode_normalization::char::is_combining_mark(m) {
                break;
            }
            chars.next();
            match (letter, m) {
                ('a', '\u{306}') => variant = 1, // ă
                ('a' | 'e' | 'o', '\u{302}') => variant = 1 + (letter == 'a') as u32, // â ê ô
                ('o', '\u{31B}') => variant = 2, // ơ
                ('u', '\u{31B}') => variant = 1, // ư
                (_, '\u{300}') => tone = 1,      // huyền
                (_, '\u{309}') => tone = 2,      // hỏi
                (_, '\u{303}') => tone = 3,      // ngã
                (_, '\u{301}') => tone = 4,      // sắc
                (_, '\u{323}') => tone = 5,      // nặng
                // Other marks (ü, ç, å…) order after the Vietnamese tones.
                _ => tone = tone.max(6),
            }
        }
        Some(Letter {
            primary: letter as u32 * 4 + variant,
            tone,
            upper,
        })
    })
}

/// Compares two texts in Vietnamese alphabetical order: by letters first (a < ă < â < b … d < đ
/// … o < ô < ơ … u < ư, case and tones ignored), then by tones (none, huyền, hỏi, ngã, sắc,
/// nặng), then lower case before upper, then code points. SQLite uses it as the `vi` collation.
pub fn vi_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    if a.is_ascii() && b.is_ascii() {
        let (x, y) = (a.as_bytes(), b.as_bytes());
        return x
            .iter()
            .map(u8::to_ascii_lowercase)
            .cmp(y.iter().map(u8::to_ascii_lowercase))
            .then_with(|| {
                x.iter()
                    .map(u8::is_ascii_uppercase)
                    .cmp(y.iter().map(u8::is_ascii_uppercase))
            })
            .then_with(|| a.cmp(b));
    }
    letters(a)
        .map(|l| l.primary)
        .cmp(letters(b).map(|l| l.primary))
        .then_with(|| letters(a).map(|l| l.tone).cmp(letters(b).map(|l| l.tone)))
        .then_with(|| letters(a).map(|l| l.upper).cmp(letters(b).map(|l| l.upper)))
        .then_with(|| a.cmp(b))
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
    fn names_sort_in_the_vietnamese_alphabet() {
        let mut names = vec![
            "Yến",
            "Đỗ Hùng",
            "Ông Văn",
            "Ân",
            "Dương",
            "an",
            "Anh",
            "Ăn",
            "Bình",
            "Ơn",
            "Ô",
            "Úc",
            "Uy",
            "Ưng",
            "Đặng",
            "Giang",
            "Zoe",
            "Müller",
            "Muller",
            "Mai",
            "Mái",
            "Mài",
            "Mại",
            "Mãi",
            "Mải",
            "An",
        ];
        names.sort_by(|a, b| vi_cmp(a, b));
        assert_eq!(
            names,
            [
                "an",
                "An",
                "Anh",
                "Ăn",
                "Ân",
                "Bình",
                "Dương",
                "Đặng",
                "Đỗ Hùng",
                "Giang",
                "Mai",
                "Mài",
                "Mải",
                "Mãi",
                "Mái",
                "Mại",
                "Muller",
                "Müller",
                "Ô",
                "Ông Văn",
                "Ơn",
                "Úc",
                "Uy",
                "Ưng",
                "Yến",
                "Zoe",
            ]
        );
        // A decomposed (NFD) name sorts where its composed form does.
        let nfd: String = "Đặng".nfd().collect();
        let mut mixed = vec!["Đỗ", nfd.as_str(), "Dương"];
        mixed.sort_by(|a, b| vi_cmp(a, b));
        assert_eq!(mixed, ["Dương", nfd.as_str(), "Đỗ"]);
        assert_eq!(vi_cmp("Hòa Lạc", "Hòa Lạc"), std::cmp::Ordering::Equal);
    }

    #[test]
    fn fold_removes_accents_and_dd() {
        assert_eq!(fold("Đà Nẵng"), "da nang");
        assert_eq!(fold("Hòa Lạc"), "hoa lac");
        assert_eq!(fold("NGUYỄN Đức"), "nguyen duc");
    }
}
