//! Greedy line breaking of styled text by measured glyph advances.
//!
//! Lines break at spaces only (no hyphenation). A word wider than the line is
//! broken between characters as a last resort, never between a base letter and
//! its combining marks. `'\n'` forces a break.

use unicode_normalization::char::is_combining_mark;

use crate::fonts::Measure;
use crate::model::{FontStyle, Span};

/// Slack for float rounding, so a line measured at exactly the width still fits.
const EPSILON: f32 = 0.01;

/// A run of text in one face within a line.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Run {
    /// Face of the run.
    pub style: FontStyle,
    /// Text of the run (spaces included).
    pub text: String,
}

/// One broken line: runs in order and the measured width in pt.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Line {
    /// Runs, adjacent runs always differ in style.
    pub runs: Vec<Run>,
    /// Width in pt at the size the line was broken for.
    pub width: f32,
}

impl Line {
    /// The line's text without styles.
    #[cfg(test)]
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }

    fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }

    fn push(&mut self, style: FontStyle, text: &str, width: f32) {
        match self.runs.last_mut() {
            Some(last) if last.style == style => last.text.push_str(text),
            _ => self.runs.push(Run {
                style,
                text: text.to_string(),
            }),
        }
        self.width += width;
    }
}

/// A word: consecutive non-space characters, possibly in several faces.
type Word = Vec<(FontStyle, String)>;

enum Token {
    Word(Word),
    Space(FontStyle),
    Newline,
}

fn tokenize(spans: &[Span]) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut word: Word = Vec::new();
    for span in spans {
        for ch in span.text.chars() {
            if ch == '\n' || (ch.is_whitespace() && ch != '\u{A0}') {
                if !word.is_empty() {
                    tokens.push(Token::Word(std::mem::take(&mut word)));
                }
                if ch == '\n' {
                    tokens.push(Token::Newline);
                } else if !matches!(tokens.last(), Some(Token::Space(_))) {
                    tokens.push(Token::Space(span.style));
                }
                continue;
            }
            match word.last_mut() {
                Some((style, text)) if *style == span.style => text.push(ch),
                _ => word.push((span.style, ch.to_string())),
            }
        }
    }
    if !word.is_empty() {
        tokens.push(Token::Word(word));
    }
    tokens
}

/// Breaks `spans` into lines no wider than `max_width` pt at `size` pt.
pub(crate) fn break_lines(
    spans: &[Span],
    size: f32,
    max_width: f32,
    measure: &dyn Measure,
) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut line = Line::default();
    let mut pending_space: Option<FontStyle> = None;
    for token in tokenize(spans) {
        match token {
            Token::Newline => {
                lines.push(std::mem::take(&mut line));
                pending_space = None;
            }
            Token::Space(style) => {
                if !line.is_empty() {
                    pending_space = Some(style);
                }
            }
            Token::Word(word) => {
                let word_width: f32 = word
                    .iter()
                    .map(|(style, text)| measure.width(*style, text, size))
                    .sum();
                if let Some(style) = pending_space.take() {
                    let space_width = measure.advance(style, ' ') * size;
                    if line.width + space_width + word_width <= max_width + EPSILON {
                        line.push(style, " ", space_width);
                        for (style, text) in &word {
                            line.push(*style, text, measure.width(*style, text, size));
                        }
                        continue;
                    }
                    lines.push(std::mem::take(&mut line));
                }
                if word_width <= max_width + EPSILON {
                    for (style, text) in &word {
                        line.push(*style, text, measure.width(*style, text, size));
                    }
                } else {
                    break_long_word(&word, size, max_width, measure, &mut line, &mut lines);
                }
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Splits a word wider than the line between characters, filling `line` and
/// pushing full lines to `lines`; the tail stays in `line`.
fn break_long_word(
    word: &Word,
    size: f32,
    max_width: f32,
    measure: &dyn Measure,
    line: &mut Line,
    lines: &mut Vec<Line>,
) {
    for (style, text) in word {
        let mut cluster = String::new();
        let mut chars = text.chars().peekable();
        while let Some(ch) = chars.next() {
            cluster.push(ch);
            // Keep a base letter and the marks that follow it together.
            if chars.peek().is_some_and(|next| is_combining_mark(*next)) {
                continue;
            }
            let width = measure.width(*style, &cluster, size);
            if !line.is_empty() && line.width + width > max_width + EPSILON {
                lines.push(std::mem::take(line));
            }
            line.push(*style, &cluster, width);
            cluster.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character half an em wide, bold ones a full em: easy arithmetic.
    struct Mono;

    impl Measure for Mono {
        fn advance(&self, style: FontStyle, ch: char) -> f32 {
            if is_combining_mark(ch) {
                0.0
            } else if style == FontStyle::Bold {
                1.0
            } else {
                0.5
            }
        }
    }

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(Line::text).collect()
    }

    #[test]
    fn wraps_at_spaces_without_leading_or_trailing_spaces() {
        // size 10: each regular char is 5 pt; width 50 pt holds 10 chars.
        let lines = break_lines(&[Span::regular("aaaa bbbb cccc  dd")], 10.0, 50.0, &Mono);
        assert_eq!(texts(&lines), ["aaaa bbbb", "cccc dd"]);
        assert_eq!(lines[0].width, 45.0);
    }

    #[test]
    fn a_word_that_exactly_fits_stays_on_the_line() {
        let lines = break_lines(&[Span::regular("aaaaa bbbb")], 10.0, 50.0, &Mono);
        assert_eq!(texts(&lines), ["aaaaa bbbb"]);
    }

    #[test]
    fn over_long_word_is_broken_by_characters() {
        let lines = break_lines(&[Span::regular("ab cdefghijklmnop q")], 10.0, 30.0, &Mono);
        assert_eq!(texts(&lines), ["ab", "cdefgh", "ijklmn", "op q"]);
    }

    #[test]
    fn combining_marks_stay_with_their_letter() {
        // 3 chars per line; "e\u{302}" must not be split.
        let lines = break_lines(&[Span::regular("abe\u{302}cd")], 10.0, 15.0, &Mono);
        assert_eq!(texts(&lines), ["abe\u{302}", "cd"]);
    }

    #[test]
    fn newline_forces_a_break_and_keeps_empty_lines() {
        let lines = break_lines(&[Span::regular("one\n\ntwo\n")], 10.0, 500.0, &Mono);
        assert_eq!(texts(&lines), ["one", "", "two"]);
    }

    #[test]
    fn styles_are_measured_per_run_and_merged() {
        let spans = [
            Span::regular("Khu "),
            Span::bold("Hòa"),
            Span::bold(" Lạc"),
            Span::regular(" mới"),
        ];
        // "Khu " 20 + "Hòa" 30 + " Lạc" 40 = 90 pt; " mới" does not fit in 100.
        let lines = break_lines(&spans, 10.0, 100.0, &Mono);
        assert_eq!(texts(&lines), ["Khu Hòa Lạc", "mới"]);
        assert_eq!(lines[0].runs.len(), 2);
        assert_eq!(lines[0].runs[1].style, FontStyle::Bold);
        assert_eq!(lines[0].runs[1].text, "Hòa Lạc");
        assert_eq!(lines[0].width, 90.0);
    }

    #[test]
    fn a_word_split_across_styles_is_not_broken_at_the_style_change() {
        let spans = [Span::regular("aa bb"), Span::bold("cc")];
        let lines = break_lines(&spans, 10.0, 30.0, &Mono);
        assert_eq!(texts(&lines), ["aa", "bbcc"]);
    }

    #[test]
    fn non_breaking_space_joins_words() {
        let lines = break_lines(&[Span::regular("aa 12\u{A0}000")], 10.0, 30.0, &Mono);
        assert_eq!(texts(&lines), ["aa", "12\u{A0}000"]);
    }

    #[test]
    fn empty_input_gives_no_lines() {
        assert!(break_lines(&[Span::regular("   ")], 10.0, 30.0, &Mono).is_empty());
        assert!(break_lines(&[], 10.0, 30.0, &Mono).is_empty());
    }
}
