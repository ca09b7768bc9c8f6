//! Text at the boundary: every string is NFC-normalised on the way in.

pub mod sort_key;

pub use sort_key::vi_sort_key;

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
    // Character by character (the marks are dropped, so the reordering a whole-text NFD would
    // do changes nothing): no decomposition buffer, and ASCII copied as it comes.
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            unicode_normalization::char::decompose_canonical(c, |d| {
                if !unicode_normalization::char::is_combining_mark(d) {
                    for l in d.to_lowercase() {
                        out.push(if l == 'đ' { 'd' } else { l });
                    }
                }
            });
        }
    }
    out
}

/// One letter of a name as Vietnamese sorting sees it: the letter of the alphabet (ă, â, đ, ê,
/// ô, ơ and ư are letters of their own), its tone, and whether it was upper case.
#[derive(Clone, Copy)]
struct Letter {
    primary: u32,
    tone: u8,
    upper: bool,
}

/// Whether SQLite's FTS5 tokenizer (`unicode61`) keeps `c` inside a word: letters, digits and
/// private-use characters, and characters its Unicode 6.1 tables do not know; anything else
/// separates words. Queries must split words exactly so: a quoted word that the tokenizer cuts
/// in two is a phrase, which the index (without positions) refuses. Rust's `is_alphanumeric`
/// also accepts circled letters such as ⓐ, which FTS5 reads as separators.
pub fn is_word_char(c: char) -> bool {
    use unicode_general_category::{get_general_category, GeneralCategory as G};
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // Letters today that SQLite's older tables still file as marks (New Tai Lue vowels and
    // tones, two Vedic signs); a test holds this list to the bundled tokenizer.
    if matches!(c, '\u{19B0}'..='\u{19C0}' | '\u{19C8}'..='\u{19C9}' | '\u{1CF2}'..='\u{1CF3}') {
        return false;
    }
    matches!(
        get_general_category(c),
        G::UppercaseLetter
            | G::LowercaseLetter
            | G::TitlecaseLetter
            | G::ModifierLetter
            | G::OtherLetter
            | G::DecimalNumber
            | G::LetterNumber
            | G::OtherNumber
            | G::PrivateUse
            | G::Unassigned
    )
}

/// How combining mark `m` on `letter` (a lower-case base) changes its letter or tone.
fn apply_mark(l: &mut Letter, letter: char, m: char) {
    match (letter, m) {
        ('a', '\u{306}') => l.primary = letter as u32 * 4 + 1, // ă
        ('a' | 'e' | 'o', '\u{302}') => l.primary = letter as u32 * 4 + 1 + (letter == 'a') as u32, // â ê ô
        ('o', '\u{31B}') => l.primary = letter as u32 * 4 + 2, // ơ
        ('u', '\u{31B}') => l.primary = letter as u32 * 4 + 1, // ư
        (_, '\u{300}') => l.tone = 1,                          // huyền
        (_, '\u{309}') => l.tone = 2,                          // hỏi
        (_, '\u{303}') => l.tone = 3,                          // ngã
        (_, '\u{301}') => l.tone = 4,                          // sắc
        (_, '\u{323}') => l.tone = 5,                          // nặng
        // Other marks (ü, ç, å…) order after the Vietnamese tones.
        _ => l.tone = l.tone.max(6),
    }
}

fn base_letter(base: char) -> (Letter, char) {
    let upper = base.is_uppercase();
    let lower = base.to_lowercase().next().unwrap_or(base);
    let (letter, variant) = match lower {
        'đ' => ('d', 1),
        c => (c, 0),
    };
    (
        Letter {
            primary: letter as u32 * 4 + variant,
            tone: 0,
            upper,
        },
        letter,
    )
}

/// The combining marks of one letter in canonical order, as a decomposition (NFD) of the whole
/// text would give them: each mark moves before the earlier ones of a higher combining class
/// (never past a mark of class 0). Marks past the 16th on one letter are left out: the order
/// stays a consistent one, only no longer the NFD one, for text no name holds.
struct Marks {
    marks: [char; 16],
    len: usize,
}

impl Marks {
    fn push(&mut self, m: char) {
        use unicode_normalization::char::canonical_combining_class as ccc;
        if self.len == self.marks.len() {
            return;
        }
        self.marks[self.len] = m;
        self.len += 1;
        let mut j = self.len - 1;
        while j > 0 {
            let (a, b) = (ccc(self.marks[j - 1]), ccc(self.marks[j]));
            if b == 0 || a <= b {
                break;
            }
            self.marks.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// The letters of `s` in order, as its canonical decomposition (NFD) spells them. Each
/// character is decomposed on its own, without allocating: the collation runs inside SQLite's
/// B-tree inserts.
fn letters(s: &str) -> impl Iterator<Item = Letter> + '_ {
    use unicode_normalization::char::{decompose_canonical, is_combining_mark};
    let mut chars = s.chars().peekable();
    // Letters of the current character's decomposition (Hangul gives up to 3), and their bases.
    let mut queue = [(
        Letter {
            primary: 0,
            tone: 0,
            upper: false,
        },
        ' ',
    ); 4];
    let (mut len, mut pos) = (0usize, 0usize);
    std::iter::from_fn(move || {
        if pos < len {
            pos += 1;
            return Some(queue[pos - 1].0);
        }
        let c = chars.next()?;
        let mut marks = Marks {
            marks: ['\0'; 16],
            len: 0,
        };
        if c.is_ascii() {
            len = 1;
            queue[0] = (
                Letter {
                    primary: c.to_ascii_lowercase() as u32 * 4,
                    tone: 0,
                    upper: c.is_ascii_uppercase(),
                },
                c.to_ascii_lowercase(),
            );
        } else {
            len = 0;
            decompose_canonical(c, |d| {
                if len > 0 && is_combining_mark(d) {
                    marks.push(d);
                } else if len < queue.len() {
                    queue[len] = base_letter(d);
                    len += 1;
                }
            });
        }
        // Marks written as characters of their own belong to the same letter.
        while let Some(&m) = chars.peek() {
            if !is_combining_mark(m) {
                break;
            }
            chars.next();
            decompose_canonical(m, |d| marks.push(d));
        }
        let (l, letter) = &mut queue[len - 1];
        for m in &marks.marks[..marks.len] {
            apply_mark(l, *letter, *m);
        }
        pos = 1;
        Some(queue[0].0)
    })
}

/// Compares two texts in Vietnamese alphabetical order: by letters first (a < ă < â < b … d < đ
/// … o < ô < ơ … u < ư, case and tones ignored), then by tones (none, huyền, hỏi, ngã, sắc,
/// nặng), then lower case before upper, then code points. `vi_sort_key` gives keys in this
/// order; SQLite has it as the `vi` collation only for stores older than schema 14.
pub fn vi_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    // Texts compared inside an index mostly share a start ("Nguyễn Văn …"): identical letters
    // compare equal in every pass, so only what follows the common start is compared. The
    // start is cut before a letter, not between a letter and its combining marks.
    let mut k = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    while !(a.is_char_boundary(k) && b.is_char_boundary(k)) {
        k -= 1;
    }
    let is_mark = |s: &str| {
        s.chars()
            .next()
            .is_some_and(unicode_normalization::char::is_combining_mark)
    };
    while k > 0 && (is_mark(&a[k..]) || is_mark(&b[k..])) {
        k = a[..k].char_indices().next_back().map_or(0, |(i, _)| i);
    }
    let (a, b) = (&a[k..], &b[k..]);
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

    /// Repeatable pseudo-random numbers below `n` (xorshift), for generated test texts.
    fn numbers(mut seed: u64) -> impl FnMut(usize) -> usize {
        move |n| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        }
    }

    /// The collation as first written: the whole text's NFD, compared pass by pass.
    fn reference_cmp(a: &str, b: &str) -> std::cmp::Ordering {
        fn letters(s: &str) -> Vec<Letter> {
            let mut out: Vec<Letter> = Vec::new();
            let mut bases: Vec<char> = Vec::new();
            for c in s.nfd() {
                if !out.is_empty() && unicode_normalization::char::is_combining_mark(c) {
                    let (l, letter) = (out.last_mut().unwrap(), *bases.last().unwrap());
                    apply_mark(l, letter, c);
                } else {
                    let (l, letter) = base_letter(c);
                    out.push(l);
                    bases.push(letter);
                }
            }
            out
        }
        let (x, y) = (letters(a), letters(b));
        x.iter()
            .map(|l| l.primary)
            .cmp(y.iter().map(|l| l.primary))
            .then_with(|| x.iter().map(|l| l.tone).cmp(y.iter().map(|l| l.tone)))
            .then_with(|| x.iter().map(|l| l.upper).cmp(y.iter().map(|l| l.upper)))
            .then_with(|| a.cmp(b))
    }

    #[test]
    fn the_fast_collation_orders_as_the_reference_does() {
        // Pieces that share starts, differ in tone, case or letter, come decomposed, or
        // decompose into several letters (Hangul).
        let pieces = [
            "Nguyễn",
            "Nguyên",
            "nguyen",
            "NGUYỄN",
            "Văn",
            "Vân",
            "văn",
            "Đ",
            "đ",
            "D",
            "d",
            "a",
            "à",
            "ả",
            "ã",
            "á",
            "ạ",
            "ă",
            "â",
            "ầ",
            "A\u{300}",
            "a\u{323}\u{306}",
            "o\u{31B}",
            "ơ",
            "Ư",
            "u\u{31B}\u{301}",
            "Müller",
            "Muller",
            "한국",
            "김",
            " ",
            "-",
            "1",
            "Z",
            "",
            // Two tones on a letter, and marks out of canonical order (NFD reorders them), or
            // written as characters that decompose (U+0341 is U+0301), or with nothing before.
            "ć\u{323}",
            "c\u{301}\u{323}",
            "c\u{323}\u{301}",
            "e\u{302}\u{323}",
            "ẹ\u{302}",
            "a\u{341}",
            "\u{323}",
        ];
        let mut next = numbers(0x2545_f491_4f6c_dd1d);
        let texts: Vec<String> = (0..600)
            .map(|_| {
                let n = 1 + next(4);
                (0..n).map(|_| pieces[next(pieces.len())]).collect()
            })
            .collect();
        let mut compared = 0;
        for a in &texts {
            for b in texts.iter().take(120) {
                assert_eq!(vi_cmp(a, b), reference_cmp(a, b), "{a:?} vs {b:?}");
                compared += 1;
            }
        }
        assert_eq!(compared, 600 * 120);
    }

    #[test]
    fn the_fast_fold_folds_as_the_whole_text_nfd_did() {
        let reference = |s: &str| -> String {
            s.nfd()
                .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
                .flat_map(char::to_lowercase)
                .map(|c| if c == 'đ' { 'd' } else { c })
                .collect()
        };
        let pieces = [
            "Nguyễn",
            "ĐẶNG",
            "đ",
            "Hòa Lạc",
            "A\u{300}",
            "a\u{323}\u{306}",
            "İstanbul",
            "Müller",
            "Ærø",
            "ß",
            "Σίσυφος",
            "한국",
            "東京",
            "ﬁ",
            "Å",
            "e\u{301}\u{302}",
            " ",
            "-",
            "1",
            "",
        ];
        let mut next = numbers(0x9e37_79b9_7f4a_7c15);
        for _ in 0..5000 {
            let text: String = (0..1 + next(5))
                .map(|_| pieces[next(pieces.len())])
                .collect();
            assert_eq!(fold(&text), reference(&text), "{text:?}");
        }
    }

    /// Every character `is_word_char` keeps in a word is kept by the bundled SQLite's FTS5
    /// tokenizer too: "a·b" quoted is one token, not a phrase the index would refuse.
    #[test]
    fn word_characters_are_the_tokenizers() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'unicode61 remove_diacritics 2',
             detail = column)",
        )
        .unwrap();
        let refused = |words: &[char]| {
            let q: Vec<String> = words.iter().map(|c| format!("\"a{c}b\"")).collect();
            conn.query_row(
                "SELECT count(*) FROM t WHERE t MATCH ?1",
                [q.join(" OR ")],
                |r| r.get::<_, i64>(0),
            )
            .is_err()
        };
        let words: Vec<char> = (0x80..0x40000u32)
            .filter_map(char::from_u32)
            .filter(|c| is_word_char(*c))
            .filter(|c| {
                unicode_general_category::get_general_category(*c)
                    != unicode_general_category::GeneralCategory::Unassigned
            })
            .collect();
        assert!(words.len() > 100_000, "{}", words.len());
        let bad: Vec<String> = words
            .chunks(400)
            .filter(|chunk| refused(chunk))
            .flat_map(|chunk| chunk.iter().filter(|c| refused(&[**c])))
            .map(|c| format!("U+{:04X}", *c as u32))
            .collect();
        assert!(bad.is_empty(), "FTS5 splits words at {bad:?}");
    }

    #[test]
    fn fold_removes_accents_and_dd() {
        assert_eq!(fold("Đà Nẵng"), "da nang");
        assert_eq!(fold("Hòa Lạc"), "hoa lac");
        assert_eq!(fold("NGUYỄN Đức"), "nguyen duc");
    }
}
