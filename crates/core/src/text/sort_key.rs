//! Vietnamese sort keys: bytes whose plain byte order is `vi_cmp`'s order, so that a store can
//! keep names in Vietnamese order in an index of the database's own binary collation (SQLite's
//! `BINARY`, PostgreSQL's `bytea`) instead of a collation only this program provides, which
//! `sqlite3`, DB Browser or Python cannot load (issue 15, item 7).
//!
//! A key is built in levels, as ICU's and the Unicode Collation Algorithm's are, each level
//! deciding only where the ones before it are equal, in `vi_cmp`'s order of passes:
//!
//! 1. the letters of the alphabet (`Letter::primary`), 2 bytes each below U+3800 (every
//!    Vietnamese, Latin, Greek or Cyrillic letter), else `0xF0` and 3 bytes; the first byte of
//!    a letter is never 0, so the `0` that ends this level sorts a name before the longer names
//!    it starts ("An" < "Anh");
//! 2. the tones, two to a byte, after a flag byte: `0` when no letter has one, else `1`;
//! 3. upper case, one bit a letter, after the same kind of flag;
//! 4. the text's own UTF-8 bytes (code point order: what tells apart texts equal in every
//!    level above, such as a decomposed name and its composed form).
//!
//! Levels 2 and 3 are compared only between texts with the same letters, hence the same number
//! of them: their bytes line up and need no separator. The empty text has the empty key.
//!
//! Pure Rust and the same on every backend: the team store (PostgreSQL) stores the same bytes.

use super::{letters, Letter};

/// Ends the letters (level 1): below the first byte of every letter's weight.
const END_OF_LETTERS: u8 = 0;

/// The first byte of a letter whose weight needs 3 bytes: above every 2-byte weight's first.
const LONG_WEIGHT: u8 = 0xF0;

/// Weights below this take 2 bytes, their first being 1 + the high byte (at most 0xE0).
const SHORT_WEIGHTS: u32 = 0xE000;

/// The sort key of `s`: `vi_sort_key(a).cmp(&vi_sort_key(b)) == vi_cmp(a, b)` for all texts.
pub fn vi_sort_key(s: &str) -> Vec<u8> {
    if s.is_empty() {
        return Vec::new();
    }
    // Roughly what a name needs: 2 bytes a letter, half a byte of tones, an eighth of case,
    // and the text itself.
    let mut key = Vec::with_capacity(s.len() * 4 + 4);
    if s.is_ascii() {
        // No tones, no decomposition: each byte is one letter.
        for b in s.bytes() {
            push_weight(&mut key, b.to_ascii_lowercase() as u32 * 4);
        }
        key.push(END_OF_LETTERS);
        key.push(0);
        push_bits(&mut key, s.bytes().map(|b| b.is_ascii_uppercase()));
    } else {
        // Tone (0..=6) in the low bits, upper case in the high one, a letter each.
        let mut rest: Vec<u8> = Vec::with_capacity(s.len());
        for Letter {
            primary,
            tone,
            upper,
        } in letters(s)
        {
            push_weight(&mut key, primary);
            rest.push(tone | (u8::from(upper) << 7));
        }
        key.push(END_OF_LETTERS);
        if rest.iter().all(|r| r & 0x7F == 0) {
            key.push(0);
        } else {
            key.push(1);
            for pair in rest.chunks(2) {
                let second = pair.get(1).map_or(0, |r| r & 0x7F);
                key.push(((pair[0] & 0x7F) << 4) | second);
            }
        }
        push_bits(&mut key, rest.iter().map(|r| r & 0x80 != 0));
    }
    key.extend_from_slice(s.as_bytes());
    key
}

/// One letter's weight, in order and prefix-free (its first byte says its length).
fn push_weight(key: &mut Vec<u8>, w: u32) {
    if w < SHORT_WEIGHTS {
        key.push(1 + (w >> 8) as u8);
        key.push(w as u8);
    } else {
        key.push(LONG_WEIGHT);
        key.extend_from_slice(&w.to_be_bytes()[1..]);
    }
}

/// Level 3: `0` when no letter is upper case, else `1` and the letters' case bits, first
/// letter in the highest bit.
fn push_bits(key: &mut Vec<u8>, upper: impl Iterator<Item = bool> + Clone) {
    if !upper.clone().any(|u| u) {
        key.push(0);
        return;
    }
    key.push(1);
    let (mut byte, mut n) = (0u8, 0);
    for u in upper {
        byte |= u8::from(u) << (7 - n);
        n += 1;
        if n == 8 {
            key.push(byte);
            (byte, n) = (0, 0);
        }
    }
    if n > 0 {
        key.push(byte);
    }
}

#[cfg(test)]
mod tests {
    use super::super::vi_cmp;
    use super::*;
    use std::cmp::Ordering;
    use unicode_normalization::UnicodeNormalization;

    /// Names and pieces of names: đ/Đ, every tone on every vowel kind, case pairs, ă/â/ơ/ư,
    /// decomposed forms, digits, punctuation, the empty text, prefixes of each other, other
    /// alphabets, emoji, NUL, and weights on both sides of the 2-/3-byte boundary.
    const CORPUS: &[&str] = &[
        "",
        "a",
        "A",
        "à",
        "ả",
        "ã",
        "á",
        "ạ",
        "ă",
        "Ă",
        "ằ",
        "ẳ",
        "ẵ",
        "ắ",
        "ặ",
        "â",
        "Â",
        "ầ",
        "ẩ",
        "ẫ",
        "ấ",
        "ậ",
        "d",
        "D",
        "đ",
        "Đ",
        "Đà Nẵng",
        "Dương",
        "Đặng Thu Hà",
        "Đỗ Hùng",
        "e",
        "ê",
        "Ê",
        "ề",
        "ể",
        "ễ",
        "ế",
        "ệ",
        "o",
        "ô",
        "ơ",
        "Ơ",
        "ờ",
        "ở",
        "ỡ",
        "ớ",
        "ợ",
        "u",
        "ư",
        "Ư",
        "ừ",
        "ử",
        "ữ",
        "ứ",
        "ự",
        "y",
        "ỳ",
        "ỷ",
        "ỹ",
        "ý",
        "ỵ",
        "An",
        "an",
        "AN",
        "Anh",
        "anh",
        "Ăn",
        "Ân",
        "Nguyễn",
        "Nguyên",
        "nguyen",
        "NGUYỄN",
        "Nguyễn Văn",
        "Nguyễn Văn Hải",
        "Nguyễn Văn Hai",
        "Nguyễn Vân",
        "nguyễn văn hải",
        "Zoe",
        "Zeta Group",
        "Müller",
        "Muller",
        "Ærø",
        "ß",
        "İstanbul",
        "Σίσυφος",
        "Москва",
        "東京",
        "한국",
        "김",
        "😀",
        "😀a",
        "a😀",
        "👍🏽",
        "0",
        "1",
        "10",
        "2",
        "007",
        " ",
        "-",
        "'",
        ".",
        "(Hà Nội)",
        "Công ty Đông Á",
        "Công ty",
        "Công ty Đông",
        "\0",
        "a\0",
        "\u{323}",
        "A\u{300}",
        "a\u{323}\u{306}",
        "ạ\u{306}",
        "o\u{31B}",
        "u\u{31B}\u{301}",
        "c\u{301}\u{323}",
        "c\u{323}\u{301}",
        "\u{37FF}",
        "\u{3800}",
        "\u{FFFF}",
        "\u{10FFFF}",
    ];

    fn agrees(a: &str, b: &str) {
        let (ka, kb) = (vi_sort_key(a), vi_sort_key(b));
        assert_eq!(ka.cmp(&kb), vi_cmp(a, b), "{a:?} vs {b:?}: {ka:?} {kb:?}");
    }

    #[test]
    fn keys_order_the_corpus_as_the_collation_does() {
        let nfd: Vec<String> = CORPUS.iter().map(|s| s.nfd().collect()).collect();
        let all: Vec<&str> = CORPUS
            .iter()
            .copied()
            .chain(nfd.iter().map(String::as_str))
            .collect();
        for a in &all {
            for b in &all {
                agrees(a, b);
            }
        }
    }

    /// Repeatable pseudo-random numbers below `n` (xorshift).
    fn numbers(mut seed: u64) -> impl FnMut(usize) -> usize {
        move |n| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        }
    }

    #[test]
    fn keys_order_random_texts_as_the_collation_does() {
        let mut next = numbers(0x51f1_5e5d_c0ff_ee01);
        // Texts of corpus pieces (sharing starts, differing late), and texts of arbitrary
        // code points (marks anywhere, long weights, more than 8 letters of case bits).
        let pieces: Vec<String> = (0..800)
            .map(|_| {
                (0..1 + next(4))
                    .map(|_| CORPUS[next(CORPUS.len())])
                    .collect()
            })
            .collect();
        let arbitrary: Vec<String> = (0..400)
            .map(|_| {
                (0..next(12))
                    .map(|_| match next(4) {
                        0 => char::from(b'a' + next(26) as u8),
                        1 => ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'][next(5)],
                        2 => char::from(b'A' + next(26) as u8),
                        _ => char::from_u32(next(0x11_0000) as u32).unwrap_or('x'),
                    })
                    .collect()
            })
            .collect();
        for set in [&pieces, &arbitrary] {
            for a in set.iter() {
                for b in set.iter().take(150) {
                    agrees(a, b);
                }
            }
        }
    }

    #[test]
    fn equal_keys_only_for_equal_texts() {
        for a in CORPUS {
            for b in CORPUS {
                if vi_sort_key(a) == vi_sort_key(b) {
                    assert_eq!(vi_cmp(a, b), Ordering::Equal);
                    assert_eq!(a, b);
                }
            }
        }
        assert!(vi_sort_key("").is_empty());
    }

    #[test]
    fn dd_sorts_after_d_and_before_e() {
        let mut names = vec!["Zoe", "Đặng", "Dung", "Eo", "Đà"];
        names.sort_by_key(|s| vi_sort_key(s));
        assert_eq!(names, ["Dung", "Đà", "Đặng", "Eo", "Zoe"]);
    }
}
