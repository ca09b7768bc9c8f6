//! Contact import and export: the pure parsing and writing layer (no store, no SQL).
//!
//! `parse` reads a CSV file (generic, Google Contacts or Outlook, with a guessed or given column
//! mapping) or a vCard 3.0/4.0 file into [`ImportedContact`]s, collecting a [`RowError`] for each
//! bad row (with its 1-based physical line) instead of stopping. Problems of the whole file (too
//! big, not UTF-8, empty, no header) are a `CoreError::Invalid` on field `file`.
//! `to_csv` and `to_vcard` write contacts so that parsing the output gives them back exactly.
//!
//! - `decode.rs`: bytes → text (UTF-8 with or without BOM, UTF-16 with BOM; nothing is guessed).
//! - `draft.rs`: one row being built: value conversion, per-field checks, the contact's rules.
//! - `headers.rs`: column headers (Vietnamese and English, Google, Outlook) → targets.
//! - `csv.rs`: the CSV reader and writer; `vcard.rs`: the vCard reader and writer.
//! - `phone.rs`: phone numbers to E.164 where that is unambiguous.

mod csv;
mod decode;
mod draft;
mod headers;
pub mod import;
mod phone;
pub mod transfer;
mod vcard;

use crate::domain::Contact;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use phone::normalize_phone;
pub use transfer::ImportRequest;

/// The largest file `parse` accepts.
pub const MAX_FILE_BYTES: usize = 50 * 1024 * 1024;
/// The largest single field (CSV cell, vCard property value) a row may hold.
pub const MAX_FIELD_BYTES: usize = 64 * 1024;

/// The kind of contact file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportFormat {
    /// Any CSV (or tab/semicolon separated) file with a header row, including our own export.
    Csv,
    /// Google Contacts' CSV export.
    Google,
    /// Outlook's CSV export.
    Outlook,
    /// vCard 3.0 or 4.0 (several cards per file).
    Vcard,
}

/// What a column of a CSV file holds.
///
/// `EmailLabel`/`PhoneLabel` columns hold the label of the `Email`/`Phone` column right next to
/// them (Google's "E-mail 1 - Type" beside "E-mail 1 - Value", our "email_1_label" beside
/// "email_1").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    FullName,
    GivenName,
    FamilyName,
    Title,
    Organization,
    Email,
    Phone,
    Language,
    Nationality,
    Notes,
    ConsentBasis,
    ConsentDate,
    ConsentSource,
    Uuid,
    EmailLabel,
    PhoneLabel,
    Ignore,
}

/// Where one column of the file goes. `label` is the label given to the values of an
/// `Email`/`Phone` column (e.g. "work") when no label column beside it says otherwise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ColumnMap {
    pub column: String,
    pub target: Target,
    pub label: Option<String>,
}

/// One contact read from a file. `organization_id` of `contact` is always `None`: the
/// organisation is given by name in `organization` and resolved by the caller.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ImportedContact {
    /// The 1-based physical line where the row (or the card's BEGIN) starts.
    pub line: u32,
    /// The record's uuid when the file carries one (lower-case, hyphenated).
    pub uuid: Option<String>,
    pub contact: Contact,
    pub organization: Option<String>,
}

/// One problem with one row: its line, the field (column name, vCard property or contact field),
/// a stable code and the message in Vietnamese and English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RowError {
    pub line: u32,
    pub field: String,
    pub code: String,
    pub message_vi: String,
    pub message_en: String,
}

/// The outcome of reading a file: the good rows and the errors of the others.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Parsed {
    pub format: ImportFormat,
    /// The file's columns (for a vCard: the properties met, in order of first appearance).
    pub columns: Vec<String>,
    /// The mapping used: one entry per column, in column order.
    pub mapping: Vec<ColumnMap>,
    pub rows: Vec<ImportedContact>,
    pub errors: Vec<RowError>,
}

/// A contact to export, with its stable uuid and its organisation's name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportContact {
    pub uuid: String,
    pub contact: Contact,
    pub organization: Option<String>,
}

/// Guesses the format from the content: a vCard starts with `BEGIN:VCARD`; Google and Outlook
/// CSV files are known by their headers; anything else is a generic CSV. Never fails (a file
/// that cannot be decoded is called CSV, and `parse` then says what is wrong with it).
pub fn detect_format(bytes: &[u8]) -> ImportFormat {
    detect_text(&decode::decode_prefix(bytes, 64 * 1024))
}

fn detect_text(text: &str) -> ImportFormat {
    let first = text.lines().map(str::trim).find(|l| !l.is_empty());
    match first {
        Some(l)
            if l.get(..11)
                .is_some_and(|h| h.eq_ignore_ascii_case("BEGIN:VCARD")) =>
        {
            ImportFormat::Vcard
        }
        _ => headers::detect(&csv::header_cells(text)),
    }
}

/// Reads a contact file. `format` defaults to [`detect_format`]; `mapping` (CSV formats only)
/// replaces the guessed column mapping. A bad row goes to `errors` and the others are kept;
/// a bad file is `CoreError::Invalid` on field `file`.
pub fn parse(
    bytes: &[u8],
    format: Option<ImportFormat>,
    mapping: Option<&[ColumnMap]>,
) -> crate::error::Result<Parsed> {
    let text = decode::decode(bytes)?;
    let format = format.unwrap_or_else(|| detect_text(&text));
    match format {
        ImportFormat::Vcard => vcard::parse(&text),
        _ => csv::parse(&text, format, mapping),
    }
}

/// A file opened for an import: its rows read already (`parse`), or, for a CSV file, read as
/// the import goes, so that the first rows are written while the rest are still being read.
enum Opened {
    Parsed(Parsed),
    Csv {
        format: ImportFormat,
        unread: csv::Unread,
    },
}

impl Opened {
    /// Decodes and opens the file (see `parse`); `stream` leaves a CSV file's rows unread.
    fn open(
        bytes: &[u8],
        format: Option<ImportFormat>,
        mapping: Option<&[ColumnMap]>,
        stream: bool,
    ) -> crate::error::Result<Opened> {
        let text = decode::decode(bytes)?;
        let format = format.unwrap_or_else(|| detect_text(&text));
        Ok(match format {
            ImportFormat::Vcard => Opened::Parsed(vcard::parse(&text)?),
            _ if stream => Opened::Csv {
                format,
                unread: csv::open(&text, format, mapping)?,
            },
            _ => Opened::Parsed(csv::parse(&text, format, mapping)?),
        })
    }

    fn format(&self) -> ImportFormat {
        match self {
            Opened::Parsed(p) => p.format,
            Opened::Csv { format, .. } => *format,
        }
    }

    fn columns(&self) -> &[String] {
        match self {
            Opened::Parsed(p) => &p.columns,
            Opened::Csv { unread, .. } => &unread.columns,
        }
    }

    fn mapping(&self) -> &[ColumnMap] {
        match self {
            Opened::Parsed(p) => &p.mapping,
            Opened::Csv { unread, .. } => &unread.mapping,
        }
    }

    /// The errors found while opening (the rows' own errors of a file parsed already).
    fn errors(&self) -> &[RowError] {
        match self {
            Opened::Parsed(p) => &p.errors,
            Opened::Csv { .. } => &[],
        }
    }

    /// How many rows `row` gives (good rows of a parsed file; records of an unread one).
    fn len(&self) -> usize {
        match self {
            Opened::Parsed(p) => p.rows.len(),
            Opened::Csv { unread, .. } => unread.len(),
        }
    }

    /// Row `i`, or its errors. Rows must be asked for in file order, with the same `uuids`,
    /// which finds uuids repeated within the file.
    fn row(
        &self,
        i: usize,
        uuids: &mut csv::FileUuids,
    ) -> Result<std::borrow::Cow<'_, ImportedContact>, Vec<RowError>> {
        match self {
            Opened::Parsed(p) => Ok(std::borrow::Cow::Borrowed(&p.rows[i])),
            Opened::Csv { unread, .. } => unread
                .read(i)
                .and_then(|c| uuids.check(c))
                .map(std::borrow::Cow::Owned),
        }
    }
}

/// Contacts as a CSV file for Excel: UTF-8 with BOM, commas, CRLF, a fixed header (uuid,
/// full_name, title, organization, email_N_label/email_N and phone_N_label/phone_N pairs,
/// languages joined by ";", nationality, notes, consent_basis, consent_date, consent_source).
/// Cells that a spreadsheet would run as a formula are prefixed with `'`, which `parse` removes.
pub fn to_csv(contacts: &[ExportContact]) -> String {
    csv::write(contacts)
}

/// Contacts as a vCard 4.0 file (CRLF, folded at 75 octets); fields without a standard
/// property travel in `X-PLANNER-*` properties and parameters so that nothing is lost.
pub fn to_vcard(contacts: &[ExportContact]) -> String {
    vcard::write(contacts)
}
