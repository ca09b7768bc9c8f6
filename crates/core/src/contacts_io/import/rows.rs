//! Writing an import's rows, in named steps: read what the book already holds (`book::Book`),
//! record the import, check rows into their stored form on a second thread (`prepare_rows`)
//! while this one writes each (`RowWriter::write`: skip a duplicate, find or create its
//! organisation, insert the contact), then count and record the outcome (`RowWriter::finish`).

use super::book::{person_phone_key, Book, Keys};
use super::{ImportReport, SkippedDuplicate};
use crate::contacts_io::csv::FileUuids;
use crate::contacts_io::{ImportFormat, ImportedContact, Opened, RowError};
use crate::domain::{EntityKind, Organization};
use crate::error::{CoreError, Result};
use crate::people::email_key;
use crate::store::{Bulk, Prepared, ToIndex, Tx};
use crate::text::fold;
use crate::validate::FieldError;
use serde_json::json;
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::sync::mpsc::SyncSender;

/// Rows of the file shown in the report.
const SAMPLE_ROWS: usize = 20;

/// Rows checked per message between the preparing thread and the writing one.
const PREPARE_CHUNK: usize = 512;

/// One row of the file as the preparing thread hands it to the writing one: the contact read,
/// its stored form (or its errors) and its keys; or the errors that kept it from being read.
// Nearly every row is a `Row`: boxing it would cost an allocation per row for nothing.
#[allow(clippy::large_enum_variant)]
enum Ready<'a> {
    Row(
        Cow<'a, ImportedContact>,
        std::result::Result<Prepared, Vec<FieldError>>,
        Keys,
    ),
    Unread(Vec<RowError>),
}

/// Writes the rows of `opened` as import `file_name` (or, with `dry_run`, goes through every
/// check without writing); gives the report, the import's time and the index documents of the
/// records written.
pub(super) fn write_rows(
    tx: &mut Tx<'_>,
    opened: &Opened,
    file_name: &str,
    sha: &str,
    dry_run: bool,
) -> Result<(ImportReport, String, Vec<ToIndex>)> {
    let book = Book::read(tx, opened.len())?;
    let (import_id, at) = tx.start_import(
        &uuid::Uuid::new_v4().to_string(),
        file_name,
        format_name(opened.format()),
        sha,
    )?;
    let bulk = Bulk::import(import_id, at.clone());
    let mut writer = RowWriter::new(book, bulk, opened, file_name, dry_run);
    // Rows are checked into their stored form (rules, NFC, index document) on a second thread
    // while this one writes the ones before them: the two halves cost about the same.
    std::thread::scope(|scope| -> Result<()> {
        let (send, receive) = std::sync::mpsc::sync_channel::<Vec<Ready>>(8);
        scope.spawn(move || prepare_rows(opened, send));
        for ready in receive.iter().flatten() {
            writer.write(tx, ready)?;
        }
        Ok(())
    })?;
    let report = writer.finish(tx, import_id, opened, sha)?;
    Ok((report, at, writer.documents))
}

fn format_name(f: ImportFormat) -> &'static str {
    match f {
        ImportFormat::Csv => "csv",
        ImportFormat::Google => "google",
        ImportFormat::Outlook => "outlook",
        ImportFormat::Vcard => "vcard",
    }
}

/// The organisation a row names, if any (trimmed).
fn organization_name(row: &ImportedContact) -> Option<&str> {
    row.organization
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
}

/// Field errors as errors of the row at `line`.
fn row_errors(line: u32, fields: Vec<FieldError>) -> impl Iterator<Item = RowError> {
    fields.into_iter().map(move |f| RowError {
        line,
        field: f.field,
        code: f.code,
        message_vi: f.message_vi,
        message_en: f.message_en,
    })
}

/// The preparing thread: reads each row of the file in order, with its stored form and its keys,
/// and sends them in chunks to the writing thread.
fn prepare_rows<'a>(opened: &'a Opened, send: SyncSender<Vec<Ready<'a>>>) {
    let mut file_uuids = FileUuids::new("uuid"); // only a CSV file is streamed
    for start in (0..opened.len()).step_by(PREPARE_CHUNK) {
        let end = opened.len().min(start + PREPARE_CHUNK);
        let prepared: Vec<_> = (start..end)
            .map(|i| {
                let row = match opened.row(i, &mut file_uuids) {
                    Ok(row) => row,
                    Err(errors) => return Ready::Unread(errors),
                };
                let c = &row.contact;
                let keys = Keys {
                    emails: c.emails.iter().map(|e| email_key(&e.value)).collect(),
                    phones: c
                        .phones
                        .iter()
                        .map(|p| person_phone_key(&p.value, &c.full_name))
                        .collect(),
                    org: organization_name(&row).map(fold),
                };
                let prepared = Prepared::new(row.uuid.as_deref(), c);
                Ready::Row(row, prepared, keys)
            })
            .collect();
        if send.send(prepared).is_err() {
            return; // the writer stopped on an error
        }
    }
}

/// The writing side of an import: writes each row it is given and tallies the outcome.
struct RowWriter<'f> {
    book: Book,
    bulk: Bulk,
    file_name: &'f str,
    dry_run: bool,
    /// The last id a dry run gave a record it would create (negative: no record has one).
    stand_in: i64,
    errors: Vec<RowError>,
    /// The first rows that would be created (never a duplicate or a rejected row).
    sample: Vec<ImportedContact>,
    /// Rows read into a contact (whatever then became of them).
    rows_read: i64,
    /// The lines of rows refused before they could be read into a contact.
    unread_lines: BTreeSet<u32>,
    duplicates: Vec<SkippedDuplicate>,
    contacts_created: i64,
    orgs_created: i64,
    /// The index documents of the contacts written, indexed after the commit
    /// (`Store::index_step`); those of the organisations follow them.
    documents: Vec<ToIndex>,
    org_documents: Vec<ToIndex>,
}

impl<'f> RowWriter<'f> {
    fn new(book: Book, bulk: Bulk, opened: &Opened, file_name: &'f str, dry_run: bool) -> Self {
        RowWriter {
            book,
            bulk,
            file_name,
            dry_run,
            stand_in: 0,
            errors: opened.errors().to_vec(),
            sample: Vec::new(),
            rows_read: 0,
            unread_lines: opened.errors().iter().map(|e| e.line).collect(),
            duplicates: Vec::new(),
            contacts_created: 0,
            orgs_created: 0,
            documents: Vec::with_capacity(if dry_run { 0 } else { opened.len() }),
            org_documents: Vec::new(),
        }
    }

    /// Writes one row, or records why it was left out (its errors, or the duplicate it is).
    fn write(&mut self, tx: &mut Tx<'_>, ready: Ready) -> Result<()> {
        let (row, prepared, mut keys) = match ready {
            Ready::Row(row, prepared, keys) => (row, prepared, keys),
            Ready::Unread(e) => {
                self.unread_lines.extend(e.iter().map(|e| e.line));
                self.errors.extend(e);
                return Ok(());
            }
        };
        self.rows_read += 1;
        if let Some((reason, value, existing_id)) = self.book.duplicate_of(&row, &keys) {
            self.duplicates.push(SkippedDuplicate {
                line: row.line,
                full_name: row.contact.full_name.clone(),
                existing_id,
                reason,
                value,
            });
            return Ok(());
        }
        let mut record = match prepared {
            Ok(p) => p,
            Err(fields) => {
                self.errors.extend(row_errors(row.line, fields));
                return Ok(());
            }
        };
        if let Some((name, key)) = organization_name(&row).zip(keys.org.take()) {
            match self.organization_id(tx, row.line, name, key)? {
                Some(id) => record.set_resolved("organization_id", id),
                None => return Ok(()),
            }
        }
        self.insert_contact(tx, &row, record, keys)
    }

    /// The id of the organisation named `name` (folded: `key`), created when the book has none;
    /// None when it cannot be created (the row's errors say why).
    fn organization_id(
        &mut self,
        tx: &mut Tx<'_>,
        line: u32,
        name: &str,
        key: String,
    ) -> Result<Option<i64>> {
        if let Some(id) = self.book.orgs.get(&key) {
            return Ok(Some(*id));
        }
        // The file does not say where the organisation is: ZZ is ISO 3166's "unknown
        // country", for the officer to correct.
        let org = Prepared::new(
            None,
            &Organization {
                name_vi: name.to_owned(),
                country: "ZZ".into(),
                notes: Some(format!("Tạo khi nhập danh bạ từ {}", self.file_name)),
                ..Organization::default()
            },
        );
        let mut org = match org {
            Ok(org) => org,
            Err(fields) => {
                // The organisation's own rules (a name too long): the row's organisation column
                // is what to fix.
                let fields = fields.into_iter().map(|mut f| {
                    f.field = "organization".into();
                    f
                });
                self.errors.extend(row_errors(line, fields.collect()));
                return Ok(None);
            }
        };
        let document = org.take_document();
        let uuid = org.uuid().to_owned();
        let id = self.insert(tx, org)?;
        if !self.dry_run {
            self.org_documents.extend(document.map(|document| ToIndex {
                kind: EntityKind::Organizations,
                id,
                uuid,
                document,
            }));
        }
        self.book.orgs.insert(key, id);
        self.orgs_created += 1;
        Ok(Some(id))
    }

    /// Inserts the row's contact; a refusal by the store's rules becomes the row's errors.
    fn insert_contact(
        &mut self,
        tx: &mut Tx<'_>,
        row: &ImportedContact,
        mut record: Prepared,
        keys: Keys,
    ) -> Result<()> {
        let uuid = record.uuid().to_owned();
        let document = record.take_document();
        match self.insert(tx, record) {
            Ok(id) => {
                self.contacts_created += 1;
                if self.sample.len() < SAMPLE_ROWS {
                    self.sample.push(row.clone());
                }
                if !self.dry_run {
                    self.documents.extend(document.map(|document| ToIndex {
                        kind: EntityKind::Contacts,
                        id,
                        uuid: uuid.clone(),
                        document,
                    }));
                }
                self.book.remember(row.uuid.is_some().then_some(uuid), keys);
                Ok(())
            }
            Err(CoreError::Invalid(fields)) => {
                self.errors.extend(row_errors(row.line, fields));
                Ok(())
            }
            Err(other) => Err(other),
        }
    }

    /// Inserts a record, or in a dry run gives it the next stand-in id: writing can refuse only
    /// what the checks before it already catch (an unknown organisation, a uuid already in the
    /// book), so a dry run need not write.
    fn insert(&mut self, tx: &mut Tx<'_>, record: Prepared) -> Result<i64> {
        if self.dry_run {
            self.stand_in -= 1;
            Ok(self.stand_in)
        } else {
            tx.insert_prepared(record, &self.bulk)
        }
    }

    /// Records the import's counts and its audit entry, and gives its report; the organisations'
    /// index documents join the contacts' ones.
    fn finish(
        &mut self,
        tx: &mut Tx<'_>,
        import_id: i64,
        opened: &Opened,
        sha: &str,
    ) -> Result<ImportReport> {
        self.documents.append(&mut self.org_documents);
        if !self.documents.is_empty() {
            tx.mark_index_pending(import_id)?;
        }
        let mut errors = std::mem::take(&mut self.errors);
        errors.sort_by_key(|e| e.line);
        let mut lines: Vec<u32> = errors.iter().map(|e| e.line).collect();
        lines.dedup();
        let rows_rejected = lines.len() as i64;
        let duplicates = std::mem::take(&mut self.duplicates);
        let created = self.contacts_created;
        tx.finish_import(
            import_id,
            [
                created,
                self.orgs_created,
                duplicates.len() as i64,
                rows_rejected,
            ],
        )?;
        tx.audit(
            EntityKind::Contacts,
            0,
            "",
            "import",
            &json!({"import_id": import_id, "file": self.file_name, "created": created}),
        )?;
        Ok(ImportReport {
            import_id: (!self.dry_run).then_some(import_id),
            dry_run: self.dry_run,
            format: opened.format(),
            sha256: sha.to_owned(),
            columns: opened.columns().to_vec(),
            mapping: opened.mapping().to_vec(),
            rows: self.rows_read + self.unread_lines.len() as i64,
            contacts_created: created,
            organizations_created: self.orgs_created,
            duplicates,
            rows_rejected,
            errors,
            sample: std::mem::take(&mut self.sample),
        })
    }
}
