//! Bringing a contact file into the store: preview, dry run, the import as one transaction
//! (with duplicates skipped and reported), undo of a whole import, and export of the book.

use super::{ColumnMap, ExportContact, ImportFormat, ImportedContact, Opened, RowError};
use crate::domain::{Contact, EntityKind, Organization};
use crate::error::{invalid, CoreError, Result};
use crate::people::{email_key, phone_key};
use crate::store::{self, Bulk, ListQuery, Prepared, Store, ToIndex, Tx};
use crate::text::fold;
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::borrow::Cow;
use std::collections::HashMap;
use ts_rs::TS;

/// A row left out because the person is already in the book (or earlier in the same file).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SkippedDuplicate {
    pub line: u32,
    pub full_name: String,
    /// The contact already in the store (None: an earlier row of the same file).
    pub existing_id: Option<i64>,
    pub reason: DuplicateReason,
    /// The uuid, email or phone number both have.
    pub value: String,
}

/// What makes an imported row the same person as one already in the book.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DuplicateReason {
    Uuid,
    Email,
    Phone,
}

impl std::fmt::Display for DuplicateReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            DuplicateReason::Uuid => "uuid",
            DuplicateReason::Email => "email",
            DuplicateReason::Phone => "phone",
        })
    }
}

/// What an import did (or, for a dry run or a preview, would do).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ImportReport {
    /// The recorded import (None for a dry run).
    pub import_id: Option<i64>,
    pub dry_run: bool,
    pub format: ImportFormat,
    /// SHA-256 of the bytes read (hex): an import given it refuses a file changed since.
    pub sha256: String,
    pub columns: Vec<String>,
    pub mapping: Vec<ColumnMap>,
    /// Rows read without error.
    pub rows: i64,
    pub contacts_created: i64,
    pub organizations_created: i64,
    pub duplicates: Vec<SkippedDuplicate>,
    /// Rows left out because of errors (a row may have several).
    pub rows_rejected: i64,
    /// Every rejected row with its line and field.
    pub errors: Vec<RowError>,
    /// The first rows as they would be stored (for the preview).
    pub sample: Vec<super::ImportedContact>,
}

/// What undoing an import removed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct UndoReport {
    pub import_id: i64,
    pub contacts_removed: i64,
    pub organizations_removed: i64,
    /// Organisations the import created that are now used elsewhere, so were kept.
    pub organizations_kept: i64,
}

/// Reads a file into a report without writing anything (`dry_run` of the whole import).
pub fn preview(
    store: &mut Store,
    bytes: &[u8],
    file_name: &str,
    format: Option<ImportFormat>,
    mapping: Option<&[ColumnMap]>,
) -> Result<ImportReport> {
    import(store, bytes, file_name, format, mapping, true, None)
}

/// Imports a contact file in one transaction: rows with errors are reported with their line
/// and left out, people already in the book (same uuid, email or phone) are skipped and
/// reported, organisations are matched by name (accents and case ignored) or created, and
/// every created record is logged under the import so that `undo` can remove them. With
/// `dry_run` every row goes through the same checks, duplicate matching and organisation
/// matching, but no record is written (each gets a stand-in id), inside a transaction that is
/// rolled back: the counts are those of the import, in about half its time. With
/// `expect_sha256` (the preview's `sha256`) a file that changed since the preview is refused.
/// The import commits its records whole. Their index entries follow, 5,000 records a
/// transaction (`Store::index_step`, run by `Store::tidy_step`), and any search or write of
/// this store that comes first indexes the rest before it runs, so nothing in this process
/// sees the index without them (another process may, for those seconds); if the process ends
/// first, the store rebuilds its index when next opened. Merging the index's segments and
/// copying the WAL into the database come after (`Store::tidy_step`).
pub fn import(
    store: &mut Store,
    bytes: &[u8],
    file_name: &str,
    format: Option<ImportFormat>,
    mapping: Option<&[ColumnMap]>,
    dry_run: bool,
    expect_sha256: Option<&str>,
) -> Result<ImportReport> {
    let sha = crate::briefs::sha256_hex(bytes);
    if let Some(expected) = expect_sha256.filter(|e| !e.eq_ignore_ascii_case(&sha)) {
        return Err(invalid(
            "file",
            "file_changed",
            format!("Tệp {file_name} đã thay đổi từ lúc xem trước (SHA-256 {expected} → {sha}): hãy xem trước lại"),
            format!("{file_name} changed since the preview (SHA-256 {expected} → {sha}): preview it again"),
        ));
    }
    // An import reads a CSV file's rows while it writes them; a dry run, which writes nothing,
    // is quicker reading them all first on two threads.
    let opened = Opened::open(bytes, format, mapping, !dry_run)?;
    let run = |tx: &mut Tx<'_>| write_rows(tx, &opened, file_name, &sha, dry_run);
    if dry_run {
        return Ok(store.dry_run(run)?.0);
    }
    let (report, at, documents) = store.bulk_transaction(run)?;
    if let Some(import_id) = report.import_id.filter(|_| !documents.is_empty()) {
        store.leave_to_index(import_id, at, documents);
    }
    Ok(report)
}

/// Duplicate and organisation keys (emails, phones, folded names) to what they match.
type Keyed<V> = HashMap<String, V, foldhash::fast::RandomState>;

/// Rows of the file shown in the report.
const SAMPLE_ROWS: usize = 20;

/// What the preparing thread works out for the writing one besides the record: the keys that
/// find duplicates, and the organisation named (folded).
struct Keys {
    emails: Vec<String>,
    phones: Vec<Option<String>>,
    org: Option<String>,
}

/// One row of the file as the preparing thread hands it to the writing one: the contact read,
/// its stored form (or its errors) and its keys; or the errors that kept it from being read.
// Nearly every row is a `Row`: boxing it would cost an allocation per row for nothing.
#[allow(clippy::large_enum_variant)]
enum Ready<'a> {
    Row(
        Cow<'a, ImportedContact>,
        std::result::Result<Prepared, Vec<crate::validate::FieldError>>,
        Keys,
    ),
    Unread(Vec<RowError>),
}

/// Rows checked per message between the preparing thread and the writing one.
const PREPARE_CHUNK: usize = 512;

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

fn write_rows(
    tx: &mut Tx<'_>,
    opened: &Opened,
    file_name: &str,
    sha: &str,
    dry_run: bool,
) -> Result<(ImportReport, String, Vec<ToIndex>)> {
    let conn = tx.conn();
    let uuids = store::contact_uuids(conn)?;
    let people = store::people::match_rows(conn)?;
    // Sized for the book and two emails and two phones a row, so that they never grow (and
    // copy themselves) while the rows are written; hashed with foldhash, several times faster
    // than the standard SipHash on short keys and still seeded per process.
    let keys = 2 * (people.len() + opened.len());
    let mut emails: Keyed<Option<i64>> = Keyed::with_capacity_and_hasher(keys, Default::default());
    let mut phones: Keyed<Option<i64>> = Keyed::with_capacity_and_hasher(keys, Default::default());
    for r in people {
        for e in &r.emails {
            emails.insert(email_key(e), Some(r.id));
        }
        for p in &r.phones {
            if let Some(k) = phone_key(p) {
                phones.insert(k, Some(r.id));
            }
        }
    }
    let mut orgs: Keyed<i64> = Keyed::default();
    for (id, vi, en) in store::organization_names(conn)? {
        orgs.entry(fold(vi.trim())).or_insert(id);
        if let Some(en) = en {
            orgs.entry(fold(en.trim())).or_insert(id);
        }
    }
    let (import_id, at) = tx.start_import(
        &uuid::Uuid::new_v4().to_string(),
        file_name,
        format_name(opened.format()),
        sha,
    )?;
    let mut errors = opened.errors().to_vec();
    let mut sample = Vec::new();
    let mut rows_read = 0i64;
    let mut duplicates = Vec::new();
    let (mut created, mut orgs_created) = (0i64, 0i64);
    let mut file_uuids = std::collections::HashSet::new();
    let bulk = Bulk::import(import_id, at.clone());
    let mut org_documents = Vec::new();
    // The ids a dry run gives the records it would create (negative: no record has one).
    let mut stand_ins = 0i64;
    let stand_in = |last: &mut i64| {
        *last -= 1;
        *last
    };
    let row_errors = |line: u32, fields: Vec<crate::validate::FieldError>| {
        fields.into_iter().map(move |f| RowError {
            line,
            field: f.field,
            code: f.code,
            message_vi: f.message_vi,
            message_en: f.message_en,
        })
    };
    // The index documents of the records written, indexed after the commit (`Store::index_step`).
    let mut documents = Vec::with_capacity(if dry_run { 0 } else { opened.len() });
    // Rows are checked into their stored form (rules, NFC, index document) on a second thread
    // while this one writes the ones before them: the two halves cost about the same.
    std::thread::scope(|scope| -> Result<()> {
        let (send, receive) = std::sync::mpsc::sync_channel::<Vec<Ready>>(8);
        scope.spawn(move || {
            let mut file_uuids = super::csv::FileUuids::new("uuid"); // only a CSV file is streamed
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
                            phones: c.phones.iter().map(|p| phone_key(&p.value)).collect(),
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
        });
        for ready in receive.iter().flatten() {
            let (row, prepared, keys) = match ready {
                Ready::Row(row, prepared, keys) => (row, prepared, keys),
                Ready::Unread(e) => {
                    errors.extend(e);
                    continue;
                }
            };
            rows_read += 1;
            if sample.len() < SAMPLE_ROWS {
                sample.push(row.clone().into_owned());
            }
            let Keys {
                emails: email_keys,
                phones: phone_keys,
                org,
            } = keys;
            let c = &row.contact;
            let dup = row
                .uuid
                .as_ref()
                .filter(|u| uuids.contains(*u) || file_uuids.contains(*u))
                .map(|u| (DuplicateReason::Uuid, u.clone(), None))
                .or_else(|| {
                    c.emails.iter().zip(&email_keys).find_map(|(e, k)| {
                        emails
                            .get(k)
                            .map(|id| (DuplicateReason::Email, e.value.clone(), *id))
                    })
                })
                .or_else(|| {
                    c.phones.iter().zip(&phone_keys).find_map(|(p, k)| {
                        k.as_ref()
                            .and_then(|k| phones.get(k))
                            .map(|id| (DuplicateReason::Phone, p.value.clone(), *id))
                    })
                });
            if let Some((reason, value, existing_id)) = dup {
                duplicates.push(SkippedDuplicate {
                    line: row.line,
                    full_name: c.full_name.clone(),
                    existing_id,
                    reason,
                    value,
                });
                continue;
            }
            let mut record = match prepared {
                Ok(p) => p,
                Err(fields) => {
                    errors.extend(row_errors(row.line, fields));
                    continue;
                }
            };
            if let Some((name, key)) = organization_name(&row).zip(org) {
                let id = match orgs.get(&key) {
                    Some(id) => *id,
                    None => {
                        // The file does not say where the organisation is: ZZ is ISO 3166's
                        // "unknown country", for the officer to correct.
                        let org = Prepared::new(
                            None,
                            &Organization {
                                name_vi: name.to_owned(),
                                country: "ZZ".into(),
                                notes: Some(format!("Tạo khi nhập danh bạ từ {file_name}")),
                                ..Organization::default()
                            },
                        );
                        let mut org = match org {
                            Ok(org) => org,
                            Err(fields) => {
                                // The organisation's own rules (a name too long): the row's
                                // organisation column is what to fix.
                                let fields = fields.into_iter().map(|mut f| {
                                    f.field = "organization".into();
                                    f
                                });
                                errors.extend(row_errors(row.line, fields.collect()));
                                continue;
                            }
                        };
                        let document = org.take_document();
                        let org_uuid = org.uuid().to_owned();
                        let id = if dry_run {
                            stand_in(&mut stand_ins)
                        } else {
                            tx.insert_prepared(org, &bulk)?
                        };
                        org_documents.extend(document.filter(|_| !dry_run).map(|document| {
                            ToIndex {
                                kind: EntityKind::Organizations,
                                id,
                                uuid: org_uuid,
                                document,
                            }
                        }));
                        orgs.insert(key, id);
                        orgs_created += 1;
                        id
                    }
                };
                record.set_resolved("organization_id", id);
            }
            let uuid = record.uuid().to_owned();
            let document = record.take_document();
            // Writing can refuse only what the checks above already catch (an unknown
            // organisation, a uuid already in the book), so a dry run need not write.
            let written = if dry_run {
                Ok(stand_in(&mut stand_ins))
            } else {
                tx.insert_prepared(record, &bulk)
            };
            match written {
                Ok(id) => {
                    created += 1;
                    if !dry_run {
                        documents.extend(document.map(|document| ToIndex {
                            kind: EntityKind::Contacts,
                            id,
                            uuid: uuid.clone(),
                            document,
                        }));
                    }
                    if row.uuid.is_some() {
                        file_uuids.insert(uuid);
                    }
                    for k in email_keys {
                        emails.insert(k, None);
                    }
                    for k in phone_keys.into_iter().flatten() {
                        phones.insert(k, None);
                    }
                }
                Err(CoreError::Invalid(fields)) => errors.extend(row_errors(row.line, fields)),
                Err(other) => return Err(other),
            }
        }
        Ok(())
    })?;
    documents.extend(org_documents);
    if !documents.is_empty() {
        tx.mark_index_pending(import_id)?;
    }
    errors.sort_by_key(|e| e.line);
    let mut lines: Vec<u32> = errors.iter().map(|e| e.line).collect();
    lines.dedup();
    let rows_rejected = lines.len() as i64;
    tx.finish_import(
        import_id,
        [
            created,
            orgs_created,
            duplicates.len() as i64,
            rows_rejected,
        ],
    )?;
    tx.audit(
        EntityKind::Contacts,
        0,
        "",
        "import",
        &json!({"import_id": import_id, "file": file_name, "created": created}),
    )?;
    let report = ImportReport {
        import_id: (!dry_run).then_some(import_id),
        dry_run,
        format: opened.format(),
        sha256: sha.to_owned(),
        columns: opened.columns().to_vec(),
        mapping: opened.mapping().to_vec(),
        rows: rows_read,
        contacts_created: created,
        organizations_created: orgs_created,
        duplicates,
        rows_rejected,
        errors,
        sample,
    };
    Ok((report, at, documents))
}

/// Undoes import `id` as a whole, in one transaction: the contacts it created are deleted
/// (each audited), and the organisations it created unless something else now uses them.
/// Refused, naming them, when some of its contacts were changed or linked since.
pub fn undo(store: &mut Store, id: i64) -> Result<UndoReport> {
    store.transaction(|tx| {
        let conn = tx.conn();
        let batch = store::import_batch(conn, id)?.ok_or_else(|| {
            invalid(
                "import_id",
                "not_found",
                format!("Không có lần nhập số {id}"),
                format!("No import number {id}"),
            )
        })?;
        if batch.undone_at.is_some() {
            return Err(invalid(
                "import_id",
                "already_undone",
                format!("Lần nhập số {id} đã được hoàn tác lúc {}", batch.undone_at.clone().unwrap_or_default()),
                format!("Import {id} was already undone at {}", batch.undone_at.clone().unwrap_or_default()),
            ));
        }
        let contacts = store::created_by(conn, id, EntityKind::Contacts)?;
        let mut changed = Vec::new();
        for c in &contacts {
            let Ok(v) = tx.get_json(EntityKind::Contacts, *c) else {
                continue;
            };
            let refs = store::people::references(conn, *c)?;
            let edited = v["updated_at"] != v["created_at"];
            if edited
                || !refs.interactions.is_empty()
                || !refs.members.is_empty()
                || !refs.itinerary_items.is_empty()
            {
                changed.push(*c);
            }
        }
        if !changed.is_empty() {
            let list: Vec<String> = changed.iter().take(10).map(i64::to_string).collect();
            return Err(invalid(
                "import_id",
                "changed_since",
                format!(
                    "Không thể hoàn tác: {} người đã được sửa hoặc gắn với tương tác/đoàn sau khi nhập (số {}{})",
                    changed.len(),
                    list.join(", "),
                    if changed.len() > 10 { ", …" } else { "" }
                ),
                format!(
                    "Cannot undo: {} contact(s) were edited or linked to interactions/delegations since the import (ids {}{})",
                    changed.len(),
                    list.join(", "),
                    if changed.len() > 10 { ", …" } else { "" }
                ),
            ));
        }
        let mut removed = 0;
        for c in &contacts {
            if tx.get_json(EntityKind::Contacts, *c).is_ok() {
                tx.delete(EntityKind::Contacts, *c)?;
                removed += 1;
            }
        }
        let (mut orgs_removed, mut orgs_kept) = (0, 0);
        for o in store::created_by(tx.conn(), id, EntityKind::Organizations)? {
            if tx.get_json(EntityKind::Organizations, o).is_err() {
                continue;
            }
            if store::organization_in_use(tx.conn(), o)? {
                orgs_kept += 1;
            } else {
                tx.delete(EntityKind::Organizations, o)?;
                orgs_removed += 1;
            }
        }
        tx.mark_undone(id)?;
        tx.audit(
            EntityKind::Contacts,
            0,
            "",
            "undo",
            &json!({"import_id": id, "removed": removed}),
        )?;
        Ok(UndoReport {
            import_id: id,
            contacts_removed: removed,
            organizations_removed: orgs_removed,
            organizations_kept: orgs_kept,
        })
    })
}

/// The export format of the contact book.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    Csv,
    Vcard,
}

/// The whole contact book as CSV (UTF-8 with BOM, formulas escaped) or vCard 4.0.
pub fn export(store: &Store, format: ExportFormat) -> Result<String> {
    let orgs: HashMap<i64, String> = store::organization_names(store.conn())?
        .into_iter()
        .map(|(id, vi, _)| (id, vi))
        .collect();
    let contacts: Vec<ExportContact> = store
        .list::<Contact>(&ListQuery::default())?
        .items
        .into_iter()
        .map(|r| ExportContact {
            uuid: r.meta.uuid,
            organization: r.data.organization_id.and_then(|o| orgs.get(&o).cloned()),
            contact: Contact {
                organization_id: None,
                ..r.data
            },
        })
        .collect();
    Ok(match format {
        ExportFormat::Csv => super::to_csv(&contacts),
        ExportFormat::Vcard => super::to_vcard(&contacts),
    })
}
