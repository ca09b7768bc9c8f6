//! Bringing a contact file into the store: preview, dry run, the import as one transaction
//! (with duplicates skipped and reported), undo of a whole import, and export of the book.

mod book;
mod rows;

use super::{ColumnMap, ExportContact, ImportFormat, Opened, RowError};
use crate::domain::{Contact, EntityKind};
use crate::error::{invalid, Result};
use crate::store::{self, ListQuery, Store, Tx};
use serde::{Deserialize, Serialize};
use serde_json::json;
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
    /// Every data row of the file: created, duplicate or rejected.
    pub rows: i64,
    pub contacts_created: i64,
    pub organizations_created: i64,
    pub duplicates: Vec<SkippedDuplicate>,
    /// Rows left out because of errors (a row may have several).
    pub rows_rejected: i64,
    /// Every rejected row with its line and field.
    pub errors: Vec<RowError>,
    /// The first rows as they would be stored (for the preview): only rows that are created.
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
    let run = |tx: &mut Tx<'_>| rows::write_rows(tx, &opened, file_name, &sha, dry_run);
    if dry_run {
        return Ok(store.dry_run(run)?.0);
    }
    crate::backup::before(store)?;
    let (report, at, documents) = store.bulk_transaction(run)?;
    if let Some(import_id) = report.import_id.filter(|_| !documents.is_empty()) {
        store.leave_to_index(import_id, at, documents);
    }
    Ok(report)
}

/// Undoes import `id` as a whole, in one transaction: the contacts it created are deleted
/// (each audited), and the organisations it created unless something else now uses them.
/// Refused, naming them, when some of its contacts were changed or linked since.
pub fn undo(store: &mut Store, id: i64) -> Result<UndoReport> {
    crate::backup::before(store)?;
    store.transaction(|tx| {
        refuse_undone(tx, id)?;
        let contacts = store::created_by(tx.conn(), id, EntityKind::Contacts)?;
        refuse_changed(tx, &contacts)?;
        let mut removed = 0;
        for c in &contacts {
            if tx.get_json(EntityKind::Contacts, *c).is_ok() {
                tx.delete(EntityKind::Contacts, *c)?;
                removed += 1;
            }
        }
        let (orgs_removed, orgs_kept) = remove_organizations(tx, id)?;
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

/// Refuses an import that was never recorded or was undone already.
fn refuse_undone(tx: &Tx<'_>, id: i64) -> Result<()> {
    let batch = store::import_batch(tx.conn(), id)?.ok_or_else(|| {
        invalid(
            "import_id",
            "not_found",
            format!("Không có lần nhập số {id}"),
            format!("No import number {id}"),
        )
    })?;
    if let Some(at) = batch.undone_at {
        return Err(invalid(
            "import_id",
            "already_undone",
            format!("Lần nhập số {id} đã được hoàn tác lúc {at}"),
            format!("Import {id} was already undone at {at}"),
        ));
    }
    Ok(())
}

/// Refuses the undo when some of the import's `contacts` (still in the book) were edited since,
/// or linked to an interaction, a delegation or an itinerary item; names the first ten.
fn refuse_changed(tx: &Tx<'_>, contacts: &[i64]) -> Result<()> {
    let mut changed = Vec::new();
    for c in contacts {
        let Ok(v) = tx.get_json(EntityKind::Contacts, *c) else {
            continue;
        };
        let refs = store::people::references(tx.conn(), *c)?;
        let edited = v["updated_at"] != v["created_at"];
        if edited
            || !refs.interactions.is_empty()
            || !refs.members.is_empty()
            || !refs.itinerary_items.is_empty()
        {
            changed.push(*c);
        }
    }
    if changed.is_empty() {
        return Ok(());
    }
    let list: Vec<String> = changed.iter().take(10).map(i64::to_string).collect();
    let more = if changed.len() > 10 { ", …" } else { "" };
    Err(invalid(
        "import_id",
        "changed_since",
        format!(
            "Không thể hoàn tác: {} người đã được sửa hoặc gắn với tương tác/đoàn sau khi nhập (số {}{more})",
            changed.len(),
            list.join(", "),
        ),
        format!(
            "Cannot undo: {} edited or linked to interactions/delegations since the import (ids {}{more})",
            crate::numbers::counted_en(changed.len(), "contact was", "contacts were"),
            list.join(", "),
        ),
    ))
}

/// Deletes the organisations import `id` created that nothing else uses now; gives how many
/// were removed and how many kept.
fn remove_organizations(tx: &mut Tx<'_>, id: i64) -> Result<(i64, i64)> {
    let (mut removed, mut kept) = (0, 0);
    for o in store::created_by(tx.conn(), id, EntityKind::Organizations)? {
        if tx.get_json(EntityKind::Organizations, o).is_err() {
            continue;
        }
        if store::organization_in_use(tx.conn(), o)? {
            kept += 1;
        } else {
            tx.delete(EntityKind::Organizations, o)?;
            removed += 1;
        }
    }
    Ok((removed, kept))
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
