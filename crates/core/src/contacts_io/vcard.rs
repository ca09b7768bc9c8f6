//! vCard: the reader (3.0 and 4.0, also what 2.1 writers commonly produce: unfolding,
//! quoted-printable with soft line breaks, escapes, TYPE labels, Apple's grouped X-ABLabel) and
//! the vCard 4.0 writer (CRLF, folding at 75 octets on character boundaries).

use super::draft::{is_vietnamese_family_name, known_label, uuid, Draft};
use super::{ColumnMap, ExportContact, ImportFormat, Parsed, Target};
use crate::domain::{ConsentBasis, Labelled};
use crate::error::{invalid, Result};
use std::collections::HashMap;

/// The longest line, in octets, before folding (RFC 6350 §3.2).
const LINE_OCTETS: usize = 75;

/// One content line: `[group.]NAME;PARAM=a,b:value`.
struct Prop<'a> {
    group: Option<String>,
    name: String,
    params: Vec<(String, Vec<String>)>,
    value: &'a str,
}

impl Prop<'_> {
    fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n == name)
            .and_then(|(_, v)| v.first())
            .map(String::as_str)
    }

    /// Every TYPE value, lower case (a quoted list such as TYPE="cell,voice" is split too).
    fn types(&self) -> Vec<String> {
        self.params
            .iter()
            .filter(|(n, _)| n == "TYPE")
            .flat_map(|(_, v)| v.iter().flat_map(|t| t.split(',')))
            .map(|t| t.trim().to_ascii_lowercase())
            .collect()
    }
}

/// Whether the parameters of a (partial) content line ask for quoted-printable.
fn is_qp(line: &str) -> bool {
    let head = line.split(':').next().unwrap_or("");
    head.to_ascii_uppercase().contains("QUOTED-PRINTABLE")
}

/// Unfolds the text into logical lines with the physical line each starts on. Continuation
/// lines start with a space or tab; a quoted-printable line ending in "=" continues on the next.
fn logical_lines(text: &str) -> Vec<(u32, String)> {
    let mut out: Vec<(u32, String)> = Vec::new();
    let mut soft = false;
    for (i, raw) in text.split('\n').enumerate() {
        let l = raw.strip_suffix('\r').unwrap_or(raw);
        if let Some(last) = out.last_mut() {
            if soft {
                last.1.pop();
                last.1.push_str(l);
                soft = last.1.ends_with('=') && is_qp(&last.1);
                continue;
            }
            if let Some(rest) = l.strip_prefix([' ', '\t']) {
                last.1.push_str(rest);
                soft = last.1.ends_with('=') && is_qp(&last.1);
                continue;
            }
        }
        if l.trim().is_empty() {
            continue;
        }
        soft = l.ends_with('=') && is_qp(l);
        out.push((i as u32 + 1, l.to_owned()));
    }
    out
}

/// Splits `s` on `sep` outside double quotes.
fn split_unquoted(s: &str, sep: char) -> Vec<&str> {
    let mut out = Vec::new();
    let mut quoted = false;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if c == '"' {
            quoted = !quoted;
        } else if c == sep && !quoted {
            out.push(&s[start..i]);
            start = i + 1;
        }
    }
    out.push(&s[start..]);
    out
}

/// A parameter value: unquoted, with RFC 6868 escapes (^n, ^', ^^) decoded.
fn param_value(v: &str) -> String {
    let v = v.trim();
    let v = v
        .strip_prefix('"')
        .and_then(|r| r.strip_suffix('"'))
        .unwrap_or(v);
    let mut out = String::with_capacity(v.len());
    let mut chars = v.chars();
    while let Some(c) = chars.next() {
        if c == '^' {
            match chars.next() {
                Some('n') | Some('N') => out.push('\n'),
                Some('\'') => out.push('"'),
                Some('^') => out.push('^'),
                Some(o) => {
                    out.push('^');
                    out.push(o);
                }
                None => out.push('^'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn split_prop(line: &str) -> Option<Prop<'_>> {
    let mut quoted = false;
    let colon = line.char_indices().find_map(|(i, c)| match c {
        '"' => {
            quoted = !quoted;
            None
        }
        ':' if !quoted => Some(i),
        _ => None,
    })?;
    let (head, value) = (&line[..colon], &line[colon + 1..]);
    let mut parts = split_unquoted(head, ';').into_iter();
    let full = parts.next()?.trim();
    let (group, name) = match full.rsplit_once('.') {
        Some((g, n)) => (Some(g.to_ascii_lowercase()), n),
        None => (None, full),
    };
    let params = parts
        .filter(|p| !p.trim().is_empty())
        .map(|p| match p.split_once('=') {
            Some((n, v)) => (
                n.trim().to_ascii_uppercase(),
                split_unquoted(v, ',')
                    .into_iter()
                    .map(param_value)
                    .collect(),
            ),
            // vCard 2.1's bare parameters: "WORK", "QUOTED-PRINTABLE".
            None => {
                let p = p.trim().to_ascii_uppercase();
                let name = match p.as_str() {
                    "QUOTED-PRINTABLE" | "BASE64" | "B" | "8BIT" | "7BIT" => "ENCODING",
                    _ => "TYPE",
                };
                (name.to_owned(), vec![p])
            }
        })
        .collect();
    Some(Prop {
        group,
        name: name.to_ascii_uppercase(),
        params,
        value,
    })
}

/// The text of a TEXT value with its escapes decoded (\n, \, \; \\ and a stray \:).
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') | Some('N') => out.push('\n'),
            Some(c @ (',' | ';' | '\\' | ':')) => out.push(c),
            Some(o) => {
                out.push('\\');
                out.push(o);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// The components of a structured value (N, ORG), each unescaped.
fn components(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                cur.push('\\');
                if let Some(n) = chars.next() {
                    cur.push(n);
                }
            }
            ';' => out.push(unescape(&std::mem::take(&mut cur))),
            _ => cur.push(c),
        }
    }
    out.push(unescape(&cur));
    out
}

/// An email or phone waiting for the end of its card (Apple's X-ABLabel may come later).
struct Pending {
    target: Target,
    field: &'static str,
    value: String,
    label: String,
    explicit: bool,
    group: Option<String>,
}

struct Card {
    draft: Draft,
    has_fn: bool,
    n: Option<(String, String)>,
    pending: Vec<Pending>,
    ab_labels: HashMap<String, String>,
}

impl Card {
    fn new(line: u32) -> Self {
        Card {
            draft: Draft::new(line),
            has_fn: false,
            n: None,
            pending: Vec::new(),
            ab_labels: HashMap::new(),
        }
    }

    /// The decoded value of a property, or None when it is binary or cannot be decoded
    /// (an error is recorded for the latter).
    fn value(&mut self, p: &Prop) -> Option<String> {
        let encoding = p.param("ENCODING").unwrap_or("").to_ascii_uppercase();
        match encoding.as_str() {
            "B" | "BASE64" => None,
            "QUOTED-PRINTABLE" => {
                let bytes = qp_decode(p.value);
                let charset = p.param("CHARSET").unwrap_or("utf-8").to_ascii_lowercase();
                match charset.as_str() {
                    "utf-8" | "utf8" => match String::from_utf8(bytes) {
                        Ok(s) => Some(s),
                        Err(_) => {
                            self.draft.error(
                                &p.name,
                                "invalid_encoding",
                                "Giá trị quoted-printable không phải UTF-8",
                                "The quoted-printable value is not UTF-8",
                            );
                            None
                        }
                    },
                    "iso-8859-1" | "latin1" | "us-ascii" => {
                        Some(bytes.iter().map(|&b| b as char).collect())
                    }
                    other => {
                        self.draft.error(
                            &p.name,
                            "unsupported_charset",
                            format!("Bảng mã «{other}» không được hỗ trợ (hãy xuất lại với UTF-8)"),
                            format!("Charset “{other}” is not supported (export again as UTF-8)"),
                        );
                        None
                    }
                }
            }
            _ => Some(p.value.to_owned()),
        }
    }

    fn prop(&mut self, p: &Prop) {
        let known = matches!(
            p.name.as_str(),
            "FN" | "N"
                | "EMAIL"
                | "TEL"
                | "ORG"
                | "TITLE"
                | "NOTE"
                | "LANG"
                | "UID"
                | "X-ABLABEL"
                | "X-PLANNER-NATIONALITY"
                | "X-PLANNER-CONSENT-BASIS"
                | "X-PLANNER-CONSENT-DATE"
                | "X-PLANNER-CONSENT-SOURCE"
        );
        if !known {
            return;
        }
        let Some(v) = self.value(p) else { return };
        let d = &mut self.draft;
        match p.name.as_str() {
            "FN" if !self.has_fn && !v.trim().is_empty() => {
                self.has_fn = true;
                d.put(Target::FullName, "FN", &unescape(&v));
            }
            "N" if self.n.is_none() && d.fits("N", &v) => {
                let c = components(&v);
                let part = |i: usize| c.get(i).map_or("", |s| s.trim());
                let given = [part(1), part(2)]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" ");
                self.n = Some((given, part(0).to_owned()));
            }
            "EMAIL" | "TEL" => {
                let (target, field) = if p.name == "EMAIL" {
                    (Target::Email, "EMAIL")
                } else {
                    (Target::Phone, "TEL")
                };
                let value = if target == Target::Phone && is_uri(p, &v) {
                    tel_uri(&v)
                } else {
                    unescape(&v)
                };
                let (label, explicit) = match p.param("X-PLANNER-LABEL") {
                    Some(l) => (l.to_owned(), true),
                    None => (type_label(target, &p.types()), false),
                };
                self.pending.push(Pending {
                    target,
                    field,
                    value,
                    label,
                    explicit,
                    group: p.group.clone(),
                });
            }
            "ORG" if d.fits("ORG", &v) => {
                let first = components(&v).into_iter().next().unwrap_or_default();
                d.put(Target::Organization, "ORG", &first);
            }
            "TITLE" => d.put(Target::Title, "TITLE", &unescape(&v)),
            "NOTE" => d.put(Target::Notes, "NOTE", &unescape(&v)),
            "LANG" => d.language("LANG", &unescape(&v)),
            // A UID that is not a uuid is another program's identity: not ours to keep.
            "UID" if uuid(&v).is_some() => d.put(Target::Uuid, "UID", &v),
            "X-ABLABEL" => {
                if let Some(g) = &p.group {
                    self.ab_labels.insert(g.clone(), unescape(&v));
                }
            }
            "X-PLANNER-NATIONALITY" => d.put(Target::Nationality, &p.name, &unescape(&v)),
            "X-PLANNER-CONSENT-BASIS" => d.put(Target::ConsentBasis, &p.name, &unescape(&v)),
            "X-PLANNER-CONSENT-DATE" => d.put(Target::ConsentDate, &p.name, &unescape(&v)),
            "X-PLANNER-CONSENT-SOURCE" => d.put(Target::ConsentSource, &p.name, &unescape(&v)),
            _ => {}
        }
    }

    fn finish(mut self) -> std::result::Result<super::ImportedContact, Vec<super::RowError>> {
        if !self.has_fn {
            if let Some((given, family)) = &self.n {
                self.draft.put(Target::GivenName, "N", given);
                self.draft.put(Target::FamilyName, "N", family);
            }
        }
        for p in std::mem::take(&mut self.pending) {
            let label = match (&p.group, p.explicit) {
                (Some(g), false) => match self.ab_labels.get(g) {
                    Some(l) => known_label(p.target, l),
                    None => p.label,
                },
                _ => p.label,
            };
            self.draft
                .put_labelled(p.target, p.field, &p.value, &label, false);
        }
        self.draft.name_field = "FN";
        self.draft.finish()
    }
}

/// Whether a TEL value is a URI (vCard 4.0 `VALUE=uri`, or a bare `tel:` without VALUE=text).
fn is_uri(p: &Prop, v: &str) -> bool {
    match p.param("VALUE").map(str::to_ascii_lowercase).as_deref() {
        Some("uri") => true,
        Some(_) => false,
        None => v.get(..4).is_some_and(|s| s.eq_ignore_ascii_case("tel:")),
    }
}

/// The number of a `tel:` URI, its extension written as " ext. N".
fn tel_uri(v: &str) -> String {
    let v = v.trim();
    let v = match v.get(..4) {
        Some(s) if s.eq_ignore_ascii_case("tel:") => &v[4..],
        _ => v,
    };
    let mut parts = v.split(';');
    let number = parts.next().unwrap_or("").to_owned();
    let ext = parts.find_map(|p| {
        p.split_once('=')
            .filter(|(k, _)| k.eq_ignore_ascii_case("ext"))
            .map(|(_, e)| e.to_owned())
    });
    match ext {
        Some(e) => format!("{number} ext. {e}"),
        None => number,
    }
}

/// Our label from vCard TYPE values.
fn type_label(target: Target, types: &[String]) -> String {
    let has = |names: &[&str]| types.iter().any(|t| names.contains(&t.as_str()));
    let label = if target == Target::Phone && has(&["cell", "mobile", "iphone"]) {
        "mobile"
    } else if target == Target::Phone && has(&["fax"]) {
        "fax"
    } else if target == Target::Phone && has(&["pager"]) {
        "pager"
    } else if has(&["work"]) {
        "work"
    } else if has(&["home"]) {
        "home"
    } else if has(&["other"]) {
        "other"
    } else if has(&["main"]) {
        "main"
    } else {
        ""
    };
    label.to_owned()
}

fn qp_decode(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'=' {
            let hex = b
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok());
            if let Some(v) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    out
}

/// The mapping shown for a vCard: where each property met goes.
fn property_target(name: &str) -> Target {
    match name {
        "FN" | "N" => Target::FullName,
        "EMAIL" => Target::Email,
        "TEL" => Target::Phone,
        "ORG" => Target::Organization,
        "TITLE" => Target::Title,
        "NOTE" => Target::Notes,
        "LANG" => Target::Language,
        "UID" => Target::Uuid,
        "X-PLANNER-NATIONALITY" => Target::Nationality,
        "X-PLANNER-CONSENT-BASIS" => Target::ConsentBasis,
        "X-PLANNER-CONSENT-DATE" => Target::ConsentDate,
        "X-PLANNER-CONSENT-SOURCE" => Target::ConsentSource,
        _ => Target::Ignore,
    }
}

/// Reads a vCard file.
pub(super) fn parse(text: &str) -> Result<Parsed> {
    let mut columns: Vec<String> = Vec::new();
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut uuids = super::csv::FileUuids::new("UID");
    let mut card: Option<Card> = None;
    let mut cards = 0;
    let unterminated = |c: Card, errors: &mut Vec<super::RowError>| {
        let mut d = c.draft;
        let line = d.line;
        d.error(
            "END",
            "unterminated_card",
            format!("Thẻ vCard bắt đầu ở dòng {line} không có END:VCARD"),
            format!("The vCard starting on line {line} has no END:VCARD"),
        );
        errors.append(&mut d.errors);
    };
    for (line, l) in logical_lines(text) {
        let Some(p) = split_prop(&l) else { continue };
        let is_vcard = p.value.trim().eq_ignore_ascii_case("VCARD");
        match p.name.as_str() {
            "BEGIN" if is_vcard => {
                if let Some(c) = card.take() {
                    unterminated(c, &mut errors);
                }
                cards += 1;
                card = Some(Card::new(line));
            }
            "END" if is_vcard => {
                let Some(c) = card.take() else { continue };
                match c.finish().and_then(|c| uuids.check(c)) {
                    Ok(c) => rows.push(c),
                    Err(mut e) => errors.append(&mut e),
                }
            }
            "VERSION" | "BEGIN" | "END" => {}
            name => {
                if let Some(c) = card.as_mut() {
                    if !columns.iter().any(|c| c == name) {
                        columns.push(name.to_owned());
                    }
                    c.prop(&p);
                }
            }
        }
    }
    if let Some(c) = card.take() {
        unterminated(c, &mut errors);
    }
    if cards == 0 {
        return Err(invalid(
            "file",
            "no_cards",
            "Tệp không chứa thẻ vCard nào (BEGIN:VCARD)",
            "The file holds no vCard (BEGIN:VCARD)",
        ));
    }
    let mapping = columns
        .iter()
        .map(|c| ColumnMap {
            column: c.clone(),
            target: property_target(c),
            label: None,
        })
        .collect();
    Ok(Parsed {
        format: ImportFormat::Vcard,
        columns,
        mapping,
        rows,
        errors,
    })
}

/// TEXT escaping: backslash, comma, semicolon, line breaks.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// A quoted parameter value with RFC 6868 escapes.
fn quote_param(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '^' => out.push_str("^^"),
            '"' => out.push_str("^'"),
            '\n' => out.push_str("^n"),
            '\r' => {}
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The TYPE a label stands for, when it is one vCard knows; otherwise None (the label then
/// travels in X-PLANNER-LABEL).
fn standard_type(target: Target, label: &str) -> Option<&'static str> {
    match (target, label) {
        (_, "work") => Some("work"),
        (_, "home") => Some("home"),
        (Target::Phone, "mobile") => Some("cell"),
        (Target::Phone, "fax") => Some("fax"),
        (Target::Phone, "pager") => Some("pager"),
        _ => None,
    }
}

fn label_params(target: Target, label: &str) -> String {
    if label.is_empty() {
        String::new()
    } else if let Some(t) = standard_type(target, label) {
        format!(";TYPE={t}")
    } else {
        format!(";X-PLANNER-LABEL={}", quote_param(label))
    }
}

fn is_e164(v: &str) -> bool {
    v.strip_prefix('+').is_some_and(|d| {
        (7..=15).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()) && !d.starts_with('0')
    })
}

/// "Nguyễn Thị Hồng Nhung" → ("Nguyễn", "Thị Hồng Nhung"); "Kenji Tanaka" → ("Tanaka", "Kenji").
fn split_name(full: &str) -> (String, String) {
    let words: Vec<&str> = full.split_whitespace().collect();
    match words.as_slice() {
        [] => (String::new(), String::new()),
        [one] => ((*one).to_owned(), String::new()),
        [first, rest @ ..] if is_vietnamese_family_name(full) => {
            ((*first).to_owned(), rest.join(" "))
        }
        [init @ .., last] => ((*last).to_owned(), init.join(" ")),
    }
}

#[derive(Default)]
struct Writer {
    text: String,
}

impl Writer {
    /// One content line, folded at 75 octets without splitting a character.
    fn line(&mut self, head: &str, value: &str) {
        let mut width = 0;
        for c in head
            .chars()
            .chain(std::iter::once(':'))
            .chain(value.chars())
        {
            let n = c.len_utf8();
            if width + n > LINE_OCTETS {
                self.text.push_str("\r\n ");
                width = 1;
            }
            self.text.push(c);
            width += n;
        }
        self.text.push_str("\r\n");
    }
}

fn basis_name(b: ConsentBasis) -> Option<&'static str> {
    match b {
        ConsentBasis::Unknown => None,
        ConsentBasis::Consent => Some("consent"),
        ConsentBasis::Contract => Some("contract"),
        ConsentBasis::LegalObligation => Some("legal_obligation"),
        ConsentBasis::PublicInterest => Some("public_interest"),
    }
}

/// Writes the export vCard file (see `to_vcard`).
pub(super) fn write(contacts: &[ExportContact]) -> String {
    let mut w = Writer::default();
    for e in contacts {
        let c = &e.contact;
        w.line("BEGIN", "VCARD");
        w.line("VERSION", "4.0");
        w.line("PRODID", "-//Delegation Planner//Contacts//EN");
        if !e.uuid.trim().is_empty() {
            w.line("UID", &format!("urn:uuid:{}", e.uuid.trim()));
        }
        w.line("FN", &escape(&c.full_name));
        let (family, given) = split_name(&c.full_name);
        w.line("N", &format!("{};{};;;", escape(&family), escape(&given)));
        if let Some(t) = &c.title {
            w.line("TITLE", &escape(t));
        }
        if let Some(o) = &e.organization {
            w.line("ORG", &escape(o));
        }
        for Labelled { label, value } in &c.emails {
            w.line(
                &format!("EMAIL{}", label_params(Target::Email, label)),
                &escape(value),
            );
        }
        for Labelled { label, value } in &c.phones {
            let params = label_params(Target::Phone, label);
            if is_e164(value) {
                w.line(&format!("TEL;VALUE=uri{params}"), &format!("tel:{value}"));
            } else {
                w.line(&format!("TEL;VALUE=text{params}"), &escape(value));
            }
        }
        for l in &c.languages {
            w.line("LANG", &escape(l));
        }
        if let Some(n) = &c.notes {
            w.line("NOTE", &escape(n));
        }
        if let Some(n) = &c.nationality {
            w.line("X-PLANNER-NATIONALITY", &escape(n));
        }
        if let Some(b) = basis_name(c.consent_basis) {
            w.line("X-PLANNER-CONSENT-BASIS", b);
        }
        if let Some(d) = c.consent_date {
            w.line("X-PLANNER-CONSENT-DATE", &d.format("%Y-%m-%d").to_string());
        }
        if let Some(s) = &c.consent_source {
            w.line("X-PLANNER-CONSENT-SOURCE", &escape(s));
        }
        w.line("END", "VCARD");
    }
    w.text
}
