//! Text clean-up before measuring and drawing.
//!
//! printpdf maps one character to one glyph with no shaping, so combining
//! marks (NFD Vietnamese: "e" + U+0302 + U+0303) would be drawn as separate,
//! misplaced glyphs and copy-pasted as decomposed text. NFC turns them into
//! the precomposed letters Noto Sans has glyphs for.

use unicode_normalization::UnicodeNormalization;

use crate::fonts::Fonts;
use crate::model::FontStyle;

/// Drawn instead of a character the font cannot draw; a visible, copyable
/// stand-in beats an empty .notdef box.
const REPLACEMENT: char = '?';

/// NFC-normalises `text`, turns tabs and other whitespace controls into spaces,
/// drops other control characters (keeping `'\n'`), and replaces characters the
/// face has no glyph for.
pub(crate) fn clean(text: &str, fonts: &Fonts, style: FontStyle) -> String {
    let face = fonts.face(style);
    text.nfc()
        .flat_map(|c| match c {
            // Common symbols Noto Sans lacks: an ASCII stand-in reads better than '?'.
            c if face.has_glyph(c) => vec![c],
            '≈' => vec!['~'],
            '≤' => vec!['<', '='],
            '≥' => vec!['>', '='],
            '→' => vec!['-', '>'],
            '←' => vec!['<', '-'],
            '✓' | '✔' => vec!['v'],
            c => vec![c],
        })
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\r' => None,
            '\t' | '\u{0B}' | '\u{0C}' => Some(' '),
            c if c.is_control() => None,
            // Zero-width characters have no glyph in Noto Sans and no visible
            // effect without shaping.
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => None,
            c if face.has_glyph(c) => Some(c),
            _ => Some(REPLACEMENT),
        })
        .collect()
}

/// Like [`clean`] but also flattens line breaks, for single-line text
/// (headings, header, chart labels, table headers).
pub(crate) fn clean_line(text: &str, fonts: &Fonts, style: FontStyle) -> String {
    clean(text, fonts, style).replace('\n', " ")
}

/// Formats `value` with `decimals` decimals and the separators of `style`.
pub(crate) fn format_number(value: f64, decimals: u8, style: crate::model::NumberStyle) -> String {
    let (thousands, decimal) = match style {
        crate::model::NumberStyle::Vietnamese => ('.', ','),
        crate::model::NumberStyle::English => (',', '.'),
    };
    let fixed = format!("{:.*}", usize::from(decimals), value.abs());
    let (int_part, frac_part) = match fixed.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (fixed, None),
    };
    let mut grouped = String::new();
    for (i, ch) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            grouped.push(thousands);
        }
        grouped.push(ch);
    }
    let negative = value < 0.0 && fixed_is_nonzero(&grouped, frac_part.as_deref());
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&grouped);
    if let Some(frac) = frac_part {
        out.push(decimal);
        out.push_str(&frac);
    }
    out
}

fn fixed_is_nonzero(int_part: &str, frac: Option<&str>) -> bool {
    int_part
        .chars()
        .chain(frac.unwrap_or("").chars())
        .any(|c| c.is_ascii_digit() && c != '0')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::NumberStyle;

    #[test]
    fn nfd_vietnamese_becomes_precomposed() {
        let fonts = Fonts::get().unwrap();
        let nfd = "Nguye\u{302}\u{303}n Thi\u{323} Thu\u{309}y";
        let cleaned = clean(nfd, fonts, FontStyle::Regular);
        assert_eq!(cleaned, "Nguyễn Thị Thủy");
    }

    #[test]
    fn controls_are_replaced_or_dropped() {
        let fonts = Fonts::get().unwrap();
        assert_eq!(
            clean("a\tb\r\nc\u{7}\u{200B}d", fonts, FontStyle::Bold),
            "a b\ncd"
        );
        assert_eq!(clean_line("a\nb", fonts, FontStyle::Regular), "a b");
    }

    #[test]
    fn numbers_use_the_requested_separators() {
        assert_eq!(
            format_number(1234567.891, 1, NumberStyle::Vietnamese),
            "1.234.567,9"
        );
        assert_eq!(
            format_number(1234567.891, 2, NumberStyle::English),
            "1,234,567.89"
        );
        assert_eq!(format_number(999.0, 0, NumberStyle::English), "999");
        assert_eq!(format_number(-0.04, 1, NumberStyle::English), "0.0");
        assert_eq!(format_number(-12.5, 1, NumberStyle::Vietnamese), "-12,5");
    }
}
