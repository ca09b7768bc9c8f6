//! CSV: the reader (delimiter from the header line, quoted fields with newlines and doubled
//! quotes, physical line numbers, ragged rows as row errors) and the Excel-safe writer.

use super::draft::Draft;
use super::headers;
use super::{ColumnMap, ExportContact, ImportFormat, ImportedContact, Parsed, RowError, Target};
use crate::domain::ConsentBasis;
use crate::error::{invalid, Result};
use crate::text::nfc;
use std::collections::HashMap;

/// One record of the file and the physical line it starts on.
struct Record {
    line: u32,
    fields: Vec<String>,
    /// A quoted field ran to the end of the file.
    unterminated: bool,
}

/// Line breaks in `b`: "\r\n", "\n" and a lone "\r" count once each.
fn breaks(b: &[u8]) -> u32 {
    let mut n = 0;
    for (i, &c) in b.iter().enumerate() {
        if c == b'\n' || (c == b'\r' && b.get(i + 1) != Some(&b'\n')) {
            n += 1;
        }
    }
    n
}

/// Excel's "sep=;" first line, if any: the delimiter and the text after that line.
fn sep_hint(text: &str) -> Option<(u8, &str)> {
    let rest = text
        .strip_prefix("sep=")
        .or_else(|| text.strip_prefix("SEP="))?;
    let d = *rest.as_bytes().first()?;
    if !matches!(d, b',' | b';' | b'\t' | b'|') {
        return None;
    }
    let after = &rest[1..];
    let after = after
        .strip_prefix("\r\n")
        .or_else(|| after.strip_prefix('\n'))
        .or_else(|| after.strip_prefix('\r'))?;
    Some((d, after))
}

/// The delimiter used in the first line: the most frequent of comma, semicolon and tab outside
/// quotes (comma when none).
fn delimiter(text: &str) -> u8 {
    let (mut comma, mut semi, mut tab) = (0, 0, 0);
    let mut quoted = false;
    for b in text.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            b',' if !quoted => comma += 1,
            b';' if !quoted => semi += 1,
            b'\t' if !quoted => tab += 1,
            _ => {}
        }
    }
    if tab > comma && tab > semi {
        b'\t'
    } else if semi > comma {
        b';'
    } else {
        b','
    }
}

/// Splits `text` into records; `line` is the physical line `text` starts on.
fn records(text: &str, delim: u8, mut line: u32) -> Vec<Record> {
    let b = text.as_bytes();
    let len = b.len();
    let stop = |c: u8| c == delim || c == b'\n' || c == b'\r';
    let mut out = Vec::new();
    let mut i = 0;
    while i < len {
        let start_line = line;
        let mut fields = Vec::new();
        let mut unterminated = false;
        loop {
            let mut field = String::new();
            if b[i] == b'"' {
                i += 1;
                loop {
                    match b[i..].iter().position(|&c| c == b'"') {
                        None => {
                            field.push_str(&text[i..]);
                            line += breaks(&b[i..]);
                            i = len;
                            unterminated = true;
                            break;
                        }
                        Some(q) => {
                            let q = i + q;
                            field.push_str(&text[i..q]);
                            line += breaks(&b[i..q]);
                            if b.get(q + 1) == Some(&b'"') {
                                field.push('"');
                                i = q + 2;
                            } else {
                                i = q + 1;
                                break;
                            }
                        }
                    }
                }
                // Text after the closing quote is kept as is (lenient, as spreadsheets are).
                let end = b[i..].iter().position(|&c| stop(c)).map_or(len, |p| i + p);
                field.push_str(&text[i..end]);
                i = end;
            } else {
                let end = b[i..].iter().position(|&c| stop(c)).map_or(len, |p| i + p);
                field.push_str(&text[i..end]);
                i = end;
            }
            fields.push(field);
            if i >= len {
                break;
            }
            if b[i] == delim {
                i += 1;
                if i >= len {
                    fields.push(String::new());
                    break;
                }
                continue;
            }
            // End of the record.
            if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            i += 1;
            line += 1;
            break;
        }
        out.push(Record {
            line: start_line,
            fields,
            unterminated,
        });
    }
    out
}

/// The text after the "sep=" hint, its delimiter and the line it starts on.
fn body(text: &str) -> (&str, u8, u32) {
    match sep_hint(text) {
        Some((d, rest)) => (rest, d, 2),
        None => (text, delimiter(text), 1),
    }
}

/// The header cells of a CSV text (for format detection).
pub(super) fn header_cells(text: &str) -> Vec<String> {
    let (text, delim, line) = body(text);
    // Only the first non-blank line matters; avoid splitting a whole large file.
    let head = match text.char_indices().nth(64 * 1024) {
        Some((at, _)) => &text[..at],
        None => text,
    };
    records(head, delim, line)
        .into_iter()
        .find(|r| !blank(&r.fields))
        .map(|r| r.fields.iter().map(|c| clean(c)).collect())
        .unwrap_or_default()
}

fn blank(fields: &[String]) -> bool {
    fields.iter().all(|f| f.trim().is_empty())
}

/// Removes exactly one `'` from a cell that `to_csv` protected against formula injection.
fn unprotect(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if dangerous(rest) => rest,
        _ => cell,
    }
}

/// Whether a spreadsheet could run the cell as a formula (after any protecting quotes).
fn dangerous(cell: &str) -> bool {
    cell.trim_start_matches('\'')
        .starts_with(['=', '+', '-', '@', '\t', '\r'])
}

fn clean(cell: &str) -> String {
    nfc(unprotect(cell).trim())
}

/// A CSV file read up to its rows: its columns, the mapping, and its records, each read as a
/// contact by `read` when it is needed. An import reads them on its preparing thread while the
/// earlier ones are written; `parse` reads them all at once.
pub(super) struct Unread {
    pub(super) columns: Vec<String>,
    pub(super) mapping: Vec<ColumnMap>,
    labels: Vec<Option<usize>>,
    known_labels: bool,
    records: Vec<Record>,
}

/// Uuids met so far in a file, in file order: a uuid given again is an error on that row, named
/// after the field that carries it (`uuid` in a CSV file, `UID` in a vCard).
pub(super) struct FileUuids {
    field: &'static str,
    first_lines: HashMap<String, u32>,
}

impl FileUuids {
    pub(super) fn new(field: &'static str) -> FileUuids {
        FileUuids {
            field,
            first_lines: HashMap::new(),
        }
    }

    pub(super) fn check(
        &mut self,
        c: ImportedContact,
    ) -> std::result::Result<ImportedContact, Vec<RowError>> {
        if let Some(u) = &c.uuid {
            if let Some(&first) = self.first_lines.get(u) {
                return Err(vec![duplicate_uuid(c.line, self.field, u, first)]);
            }
            self.first_lines.insert(u.clone(), c.line);
        }
        Ok(c)
    }
}

impl Unread {
    /// How many records (not blank) the file has after its header.
    pub(super) fn len(&self) -> usize {
        self.records.len()
    }

    /// Record `i` as a contact, or its errors (uuids repeated in the file are `FileUuids`'s).
    pub(super) fn read(&self, i: usize) -> std::result::Result<ImportedContact, Vec<RowError>> {
        read_row(
            &self.records[i],
            self.columns.len(),
            &self.mapping,
            &self.labels,
            self.known_labels,
        )
    }

    /// Every record, read on two threads (a half each: a row is read on its own), then joined
    /// in file order, where uuids repeated within the file are found.
    pub(super) fn read_all(self, format: ImportFormat) -> Parsed {
        let read =
            |part: std::ops::Range<usize>| -> Vec<_> { part.map(|i| self.read(i)).collect() };
        let half = self.len().div_ceil(2);
        let outcomes = std::thread::scope(|scope| {
            let later = scope.spawn(|| read(half..self.len()));
            let mut all = read(0..half);
            all.extend(later.join().expect("reading rows does not panic"));
            all
        });
        let mut rows = Vec::with_capacity(outcomes.len());
        let mut errors = Vec::new();
        let mut uuids = FileUuids::new("uuid");
        for outcome in outcomes {
            match outcome.and_then(|c| uuids.check(c)) {
                Ok(c) => rows.push(c),
                Err(mut e) => errors.append(&mut e),
            }
        }
        Parsed {
            format,
            columns: self.columns,
            mapping: self.mapping,
            rows,
            errors,
        }
    }
}

/// Reads a CSV file of the given format, every row at once.
pub(super) fn parse(
    text: &str,
    format: ImportFormat,
    mapping: Option<&[ColumnMap]>,
) -> Result<Parsed> {
    Ok(open(text, format, mapping)?.read_all(format))
}

/// Splits the file into records and reads its header: the columns, and the mapping (`mapping`,
/// or guessed from the header, which must then name a name column).
pub(super) fn open(
    text: &str,
    format: ImportFormat,
    mapping: Option<&[ColumnMap]>,
) -> Result<Unread> {
    let (text, delim, first_line) = body(text);
    let mut records = records(text, delim, first_line).into_iter();
    let Some(header) = records.by_ref().find(|r| !blank(&r.fields)) else {
        return Err(invalid("file", "empty", "Tệp trống", "The file is empty"));
    };
    let mut columns: Vec<String> = header.fields.iter().map(|c| clean(c)).collect();
    while columns.last().is_some_and(String::is_empty) {
        columns.pop();
    }
    for (i, c) in columns.iter_mut().enumerate() {
        if c.is_empty() {
            *c = format!("({})", i + 1);
        }
    }
    let mapping = match mapping {
        Some(m) => apply_mapping(&columns, m)?,
        None => {
            let guessed = headers::guess(&columns, format);
            let named = guessed.iter().any(|m| {
                matches!(
                    m.target,
                    Target::FullName | Target::GivenName | Target::FamilyName
                )
            });
            if !named {
                let line = header.line;
                return Err(invalid(
                    "file",
                    "no_header",
                    format!(
                        "Không nhận ra dòng tiêu đề (dòng {line}): cần một cột họ tên, ví dụ \
                         «Họ và tên» hoặc «Full name»"
                    ),
                    format!(
                        "No header recognised (line {line}): a name column is needed, such as \
                         \"Họ và tên\" or \"Full name\""
                    ),
                ));
            }
            guessed
        }
    };
    let labels = pair_labels(&mapping);
    let known_labels = format != ImportFormat::Csv;
    let records: Vec<Record> = records.filter(|r| !blank(&r.fields)).collect();
    Ok(Unread {
        columns,
        mapping,
        labels,
        known_labels,
        records,
    })
}

/// One row of the file as a contact, or its errors.
fn read_row(
    r: &Record,
    n: usize,
    mapping: &[ColumnMap],
    labels: &[Option<usize>],
    known_labels: bool,
) -> std::result::Result<ImportedContact, Vec<RowError>> {
    let mut draft = Draft::new(r.line);
    if r.unterminated {
        draft.error(
            "row",
            "unterminated_quote",
            format!("Dấu ngoặc kép mở ở dòng {} không được đóng", r.line),
            format!("A quoted field opened on line {} is never closed", r.line),
        );
        return Err(draft.errors);
    }
    let fields = if r.fields.len() > n && blank(&r.fields[n..]) {
        &r.fields[..n]
    } else {
        &r.fields[..]
    };
    if fields.len() != n {
        let m = fields.len();
        draft.error(
            "row",
            "field_count",
            format!("Cần {n} ô nhưng dòng có {m} ô"),
            format!("Expected {n} fields, found {m}"),
        );
        return Err(draft.errors);
    }
    for (i, map) in mapping.iter().enumerate() {
        let cell = unprotect(&fields[i]);
        match map.target {
            Target::Email | Target::Phone => {
                let label = labels[i].map_or("", |j| unprotect(&fields[j]));
                draft.put_labelled_or(
                    map.target,
                    &map.column,
                    cell,
                    label,
                    map.label.as_deref().unwrap_or(""),
                    known_labels,
                );
            }
            Target::Ignore | Target::EmailLabel | Target::PhoneLabel => {}
            t => draft.put(t, &map.column, cell),
        }
    }
    draft.finish()
}

fn duplicate_uuid(line: u32, field: &str, u: &str, first: u32) -> super::RowError {
    super::RowError {
        line,
        field: field.to_owned(),
        code: "duplicate_uuid".into(),
        message_vi: format!("Mã uuid {u} đã có ở dòng {first}"),
        message_en: format!("The uuid {u} already appears on line {first}"),
    }
}

/// The given mapping laid over the file's columns: the k-th column of a name takes the k-th
/// entry of that name; columns without an entry are ignored; an entry naming no column is a
/// file error.
fn apply_mapping(columns: &[String], given: &[ColumnMap]) -> Result<Vec<ColumnMap>> {
    let mut used = vec![false; given.len()];
    let mut out = Vec::with_capacity(columns.len());
    for c in columns {
        let found = given
            .iter()
            .enumerate()
            .find(|(j, m)| !used[*j] && nfc(m.column.trim()) == *c);
        out.push(match found {
            Some((j, m)) => {
                used[j] = true;
                ColumnMap {
                    column: c.clone(),
                    target: m.target,
                    label: m.label.clone(),
                }
            }
            None => ColumnMap {
                column: c.clone(),
                target: Target::Ignore,
                label: None,
            },
        });
    }
    if let Some((m, _)) = given.iter().zip(&used).find(|(_, u)| !**u) {
        let col = &m.column;
        return Err(invalid(
            "mapping",
            "unknown_column",
            format!("Tệp không có cột «{col}»"),
            format!("The file has no column “{col}”"),
        ));
    }
    Ok(out)
}

/// For each Email/Phone column, the label column right beside it (pairs are taken left to
/// right: "label, value" or "value, label").
fn pair_labels(mapping: &[ColumnMap]) -> Vec<Option<usize>> {
    let mut out = vec![None; mapping.len()];
    let mut taken = vec![false; mapping.len()];
    let pair = |a: Target, b: Target| {
        matches!(
            (a, b),
            (Target::Email, Target::EmailLabel)
                | (Target::EmailLabel, Target::Email)
                | (Target::Phone, Target::PhoneLabel)
                | (Target::PhoneLabel, Target::Phone)
        )
    };
    for i in 0..mapping.len().saturating_sub(1) {
        if !taken[i] && !taken[i + 1] && pair(mapping[i].target, mapping[i + 1].target) {
            taken[i] = true;
            taken[i + 1] = true;
            if matches!(mapping[i].target, Target::Email | Target::Phone) {
                out[i] = Some(i + 1);
            } else {
                out[i + 1] = Some(i);
            }
        }
    }
    out
}

/// One CSV cell: protected against formula injection, quoted when needed.
fn cell(out: &mut String, value: &str) {
    let protect = dangerous(value);
    let quote = value.contains([',', '"', '\r', '\n'])
        || value.starts_with(char::is_whitespace)
        || value.ends_with(char::is_whitespace);
    if quote {
        out.push('"');
    }
    if protect {
        out.push('\'');
    }
    if quote {
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
}

fn basis_name(b: ConsentBasis) -> &'static str {
    match b {
        ConsentBasis::Unknown => "unknown",
        ConsentBasis::Consent => "consent",
        ConsentBasis::Contract => "contract",
        ConsentBasis::LegalObligation => "legal_obligation",
        ConsentBasis::PublicInterest => "public_interest",
    }
}

/// Writes the export CSV (see `to_csv`).
pub(super) fn write(contacts: &[ExportContact]) -> String {
    let emails = contacts
        .iter()
        .map(|c| c.contact.emails.len())
        .max()
        .unwrap_or(0)
        .max(1);
    let phones = contacts
        .iter()
        .map(|c| c.contact.phones.len())
        .max()
        .unwrap_or(0)
        .max(1);
    let mut header: Vec<String> = ["uuid", "full_name", "title", "organization"]
        .map(String::from)
        .to_vec();
    for k in 1..=emails {
        header.push(format!("email_{k}_label"));
        header.push(format!("email_{k}"));
    }
    for k in 1..=phones {
        header.push(format!("phone_{k}_label"));
        header.push(format!("phone_{k}"));
    }
    header.extend(
        [
            "languages",
            "nationality",
            "notes",
            "consent_basis",
            "consent_date",
            "consent_source",
        ]
        .map(String::from),
    );
    let mut out = String::from("\u{FEFF}");
    let row = |out: &mut String, cells: &[&str]| {
        for (i, c) in cells.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            cell(out, c);
        }
        out.push_str("\r\n");
    };
    row(
        &mut out,
        &header.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    for e in contacts {
        let c = &e.contact;
        let date = c.consent_date.map(|d| d.format("%Y-%m-%d").to_string());
        let languages = c.languages.join(";");
        let mut cells: Vec<&str> = vec![
            &e.uuid,
            &c.full_name,
            c.title.as_deref().unwrap_or(""),
            e.organization.as_deref().unwrap_or(""),
        ];
        for list in [(&c.emails, emails), (&c.phones, phones)] {
            for k in 0..list.1 {
                match list.0.get(k) {
                    Some(l) => cells.extend([l.label.as_str(), l.value.as_str()]),
                    None => cells.extend(["", ""]),
                }
            }
        }
        cells.extend([
            languages.as_str(),
            c.nationality.as_deref().unwrap_or(""),
            c.notes.as_deref().unwrap_or(""),
            basis_name(c.consent_basis),
            date.as_deref().unwrap_or(""),
            c.consent_source.as_deref().unwrap_or(""),
        ]);
        row(&mut out, &cells);
    }
    out
}
