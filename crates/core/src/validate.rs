//! Field validation that names the field and the problem, in Vietnamese and English.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One problem with one field of an input, with a stable code and messages in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FieldError {
    pub field: String,
    pub code: String,
    pub message_vi: String,
    pub message_en: String,
}

impl FieldError {
    /// A field error with the given stable code and bilingual message.
    pub fn new(field: &str, code: &str, vi: impl Into<String>, en: impl Into<String>) -> Self {
        FieldError {
            field: field.to_owned(),
            code: code.to_owned(),
            message_vi: vi.into(),
            message_en: en.into(),
        }
    }
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.message_en)
    }
}

/// Collects every field error of one input so the user sees them all at once. A message quotes
/// the value it refuses, except an empty one: it says what is missing instead of quoting «».
#[derive(Debug, Default)]
pub struct Validator {
    pub errors: Vec<FieldError>,
}

/// The longest text we accept in any one field (a 10 MB "name" is an attack, not a name).
pub const MAX_TEXT: usize = 20_000;
/// The longest single-line field (names, titles, cities).
pub const MAX_LINE: usize = 500;

impl Validator {
    /// Records an error.
    pub fn push(&mut self, e: FieldError) {
        self.errors.push(e);
    }

    /// A required single-line text: not blank, not too long.
    pub fn required(&mut self, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.push(FieldError::new(
                field,
                "required",
                "Trường này là bắt buộc",
                "This field is required",
            ));
        } else {
            self.line(field, value);
        }
    }

    /// An optional single-line text: at most `MAX_LINE` characters, no line breaks, no other
    /// control character than a tab (`control_character`).
    pub fn line(&mut self, field: &str, value: &str) {
        self.controls(field, value);
        let n = value.chars().count();
        if n > MAX_LINE {
            self.push(FieldError::new(
                field,
                "too_long",
                format!("Dài quá {MAX_LINE} ký tự ({n})"),
                format!("Longer than {MAX_LINE} characters ({n})"),
            ));
        }
        if value.contains(['\n', '\r']) {
            self.push(FieldError::new(
                field,
                "line_break",
                "Không được xuống dòng",
                "Must be a single line",
            ));
        }
    }

    /// An optional single-line text.
    pub fn opt_line(&mut self, field: &str, value: &Option<String>) {
        if let Some(v) = value {
            self.line(field, v);
        }
    }

    /// An optional free text (notes, summaries): at most `MAX_TEXT` characters; line breaks and
    /// tabs, but no other control character.
    pub fn text(&mut self, field: &str, value: &Option<String>) {
        if let Some(v) = value {
            self.controls(field, v);
            let n = v.chars().count();
            if n > MAX_TEXT {
                self.push(FieldError::new(
                    field,
                    "too_long",
                    format!("Dài quá {MAX_TEXT} ký tự ({n})"),
                    format!("Longer than {MAX_TEXT} characters ({n})"),
                ));
            }
        }
    }

    /// Refuses a control character other than a tab or a line break (`control_character`):
    /// NUL, escape sequences, DEL and C1 controls are never text someone typed, and each breaks
    /// something downstream (C strings, terminals, XML, content lines). Line breaks are the
    /// caller's rule (`line` refuses them as `line_break`).
    fn controls(&mut self, field: &str, value: &str) {
        if let Some(c) = value.chars().find(|c| forbidden_control(*c)) {
            let at = format!("U+{:04X}", c as u32);
            self.push(FieldError::new(
                field,
                "control_character",
                format!("Có ký tự điều khiển không được phép ({at})"),
                format!("Contains a control character that is not allowed ({at})"),
            ));
        }
    }

    /// An email address of plausible shape.
    pub fn email(&mut self, field: &str, value: &str) {
        if value.trim().is_empty() {
            return self.push(FieldError::new(
                field,
                "invalid_email",
                "Chưa nhập email",
                "The email address is missing",
            ));
        }
        if !is_email(value) {
            self.push(FieldError::new(
                field,
                "invalid_email",
                format!("Email không hợp lệ: «{value}»"),
                format!("Not a valid email address: “{value}”"),
            ));
        }
    }

    /// An optional email address.
    pub fn opt_email(&mut self, field: &str, value: &Option<String>) {
        if let Some(v) = value.as_deref().filter(|v| !v.is_empty()) {
            self.email(field, v);
        }
    }

    /// A phone number: digits with the usual separators and an optional leading +.
    pub fn phone(&mut self, field: &str, value: &str) {
        if value.trim().is_empty() {
            return self.push(FieldError::new(
                field,
                "invalid_phone",
                "Chưa nhập số điện thoại",
                "The phone number is missing",
            ));
        }
        let digits = value.chars().filter(char::is_ascii_digit).count();
        let ok = (4..=20).contains(&digits)
            && value
                .chars()
                .enumerate()
                .all(|(i, c)| c.is_ascii_digit() || " ().-/".contains(c) || (c == '+' && i == 0));
        if !ok {
            self.push(FieldError::new(
                field,
                "invalid_phone",
                format!("Số điện thoại không hợp lệ: «{value}»"),
                format!("Not a valid phone number: “{value}”"),
            ));
        }
    }

    /// An optional phone number.
    pub fn opt_phone(&mut self, field: &str, value: &Option<String>) {
        if let Some(v) = value.as_deref().filter(|v| !v.is_empty()) {
            self.phone(field, v);
        }
    }

    /// An IANA time zone name known to the tz database (e.g. `Asia/Tokyo`).
    pub fn time_zone(&mut self, field: &str, value: &str) {
        if value.trim().is_empty() {
            return self.push(FieldError::new(
                field,
                "unknown_time_zone",
                "Chưa nhập múi giờ (ví dụ: Asia/Tokyo)",
                "The time zone is missing (e.g. Asia/Tokyo)",
            ));
        }
        if value.parse::<chrono_tz::Tz>().is_err() {
            self.push(FieldError::new(
                field,
                "unknown_time_zone",
                format!("Múi giờ không xác định: «{value}» (ví dụ: Asia/Tokyo)"),
                format!("Unknown time zone: “{value}” (e.g. Asia/Tokyo)"),
            ));
        }
    }

    /// An ISO 3166-1 alpha-2 country code in capitals (e.g. `JP`).
    pub fn country(&mut self, field: &str, value: &str) {
        if value.trim().is_empty() {
            return self.push(FieldError::new(
                field,
                "invalid_country",
                "Chưa nhập mã quốc gia (2 chữ ISO 3166, ví dụ JP)",
                "The country is missing (a two-letter ISO 3166 code such as JP)",
            ));
        }
        if value.len() != 2 || !value.chars().all(|c| c.is_ascii_uppercase()) {
            self.push(FieldError::new(
                field,
                "invalid_country",
                format!("Mã quốc gia phải gồm 2 chữ in hoa (ISO 3166), ví dụ JP: «{value}»"),
                format!("Country must be a two-letter ISO 3166 code such as JP: “{value}”"),
            ));
        }
    }

    /// An ISO 4217 currency code in capitals (e.g. `USD`).
    pub fn currency(&mut self, field: &str, value: &str) {
        if value.trim().is_empty() {
            return self.push(FieldError::new(
                field,
                "invalid_currency",
                "Chưa chọn loại tiền (3 chữ ISO 4217, ví dụ USD)",
                "The currency is missing (a three-letter ISO 4217 code such as USD)",
            ));
        }
        if value.len() != 3 || !value.chars().all(|c| c.is_ascii_uppercase()) {
            self.push(FieldError::new(
                field,
                "invalid_currency",
                format!("Mã tiền tệ phải gồm 3 chữ in hoa (ISO 4217), ví dụ USD: «{value}»"),
                format!("Currency must be a three-letter ISO 4217 code such as USD: “{value}”"),
            ));
        }
    }

    /// A number that must not be negative.
    pub fn non_negative(&mut self, field: &str, value: Option<f64>) {
        if value.is_some_and(|v| v < 0.0 || !v.is_finite()) {
            self.push(FieldError::new(
                field,
                "negative",
                "Không được là số âm",
                "Must not be negative",
            ));
        }
    }

    /// A required reference to another record (0 means not given).
    pub fn required_ref(&mut self, field: &str, id: i64) {
        if id <= 0 {
            self.push(FieldError::new(
                field,
                "required",
                "Trường này là bắt buộc",
                "This field is required",
            ));
        }
    }

    /// A required instant (the Unix epoch stands for "not given").
    pub fn required_instant(&mut self, field: &str, value: &DateTime<Utc>) {
        if value.timestamp() == 0 {
            self.push(FieldError::new(
                field,
                "required",
                "Trường này là bắt buộc",
                "This field is required",
            ));
        }
    }

    /// `end` must not be before `start` (dates).
    pub fn date_order(
        &mut self,
        end_field: &str,
        start: Option<NaiveDate>,
        end: Option<NaiveDate>,
    ) {
        if let (Some(s), Some(e)) = (start, end) {
            if e < s {
                self.end_before_start(end_field);
            }
        }
    }

    /// `end` must be after `start` (instants).
    pub fn instant_order(&mut self, end_field: &str, start: &DateTime<Utc>, end: &DateTime<Utc>) {
        if start.timestamp() != 0 && end.timestamp() != 0 && end < start {
            self.end_before_start(end_field);
        }
    }

    fn end_before_start(&mut self, field: &str) {
        self.push(FieldError::new(
            field,
            "end_before_start",
            "Thời điểm kết thúc trước thời điểm bắt đầu",
            "End is before start",
        ));
    }

    /// Every item of a list of labelled values must have a value; `check` validates it.
    pub fn labelled(
        &mut self,
        field: &str,
        items: &[crate::domain::Labelled],
        check: fn(&mut Validator, &str, &str),
    ) {
        for (i, item) in items.iter().enumerate() {
            let f = format!("{field}[{i}]");
            self.line(&format!("{f}.label"), &item.label);
            check(self, &format!("{f}.value"), &item.value);
        }
    }

    /// Short tags (sectors, languages): each non-empty, single-line.
    pub fn tags(&mut self, field: &str, items: &[String]) {
        for (i, t) in items.iter().enumerate() {
            self.required(&format!("{field}[{i}]"), t);
        }
    }
}

/// Whether `c` is a control character no stored text may hold: every C0 and C1 control and
/// DEL, except tab, line feed and carriage return.
pub fn forbidden_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// A deliberately simple email check: one @, a non-empty local part, a dotted domain, no spaces.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
        && s.len() <= 254
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert!(is_email("nguyen.van.a@hanoi.gov.vn"));
        assert!(!is_email("nguyen@"));
        assert!(!is_email("a b@c.vn"));
        assert!(!is_email("a@b@c.vn"));
        assert!(!is_email("a@vn"));
    }

    #[test]
    fn control_characters_are_refused_but_tabs_and_breaks_are_text() {
        let mut v = Validator::default();
        v.line("a", "tab\there");
        v.text("b", &Some("two\nlines\r\nand a\ttab".into()));
        assert!(v.errors.is_empty(), "{:?}", v.errors);
        for bad in [
            "nul\0",
            "bell\u{7}",
            "esc\u{1b}[31m",
            "del\u{7f}",
            "nel\u{85}",
        ] {
            let mut v = Validator::default();
            v.line("a", bad);
            v.text("b", &Some(bad.into()));
            v.email("c", &format!("{bad}@x.vn"));
            let codes: Vec<_> = v.errors.iter().map(|e| e.code.as_str()).collect();
            assert_eq!(
                codes,
                ["control_character", "control_character", "invalid_email"],
                "{bad:?}"
            );
        }
    }

    #[test]
    fn phones_and_zones() {
        let mut v = Validator::default();
        v.phone("p", "+84 24 3825 1234");
        v.time_zone("z", "Asia/Tokyo");
        assert!(v.errors.is_empty(), "{:?}", v.errors);
        v.phone("p", "call me");
        v.time_zone("z", "Asia/Hanoi");
        let codes: Vec<_> = v.errors.iter().map(|e| e.code.as_str()).collect();
        assert_eq!(codes, ["invalid_phone", "unknown_time_zone"]);
    }
}
