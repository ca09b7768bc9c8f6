//! The search index against the records: what is there that should not be, what is missing,
//! what holds old text, and what an import left to index.

use super::{Code, Findings};
use crate::error::Result;
use crate::search;
use crate::store::db::Db;
use crate::store::doctor as sql;

/// Import marks left in the settings: an import's process ended before indexing its records.
/// (Opening a store rebuilds the index when it finds one; a mark here means it was not opened
/// through the normal path since, or the rebuild failed.)
pub(super) fn pending(conn: &Db, found: &mut Findings) -> Result<()> {
    found.add(Code::IndexPending, sql::pending_marks(conn)?, |n| {
        (
            format!("{n} lần nhập chưa đưa hết bản ghi vào chỉ mục tìm kiếm"),
            format!("{n} imports left records out of the search index"),
        )
    });
    Ok(())
}

/// Compares every searched record's document with its index row; returns how many records
/// were compared.
pub(super) fn compare(conn: &Db, found: &mut Findings) -> Result<usize> {
    let mut rows = sql::index_rows(conn)?;
    let (mut missing, mut stale) = (Vec::new(), Vec::new());
    let mut records = 0;
    sql::expected_documents(conn, |kind, id, expected| {
        records += 1;
        let name = format!("{} {id}", kind.table());
        match (rows.remove(&search::rowid(kind, id)), expected) {
            (Some(got), Some(want)) if got != want => stale.push(name),
            (None, Some(_)) => missing.push(name),
            // A record whose kind gives no document must have none.
            (Some(_), None) => stale.push(name),
            _ => {}
        }
    })?;
    // What is left belongs to no record.
    let mut extra: Vec<i64> = rows.into_keys().collect();
    extra.sort_unstable();
    let extra = extra
        .into_iter()
        .map(|rowid| match search::from_rowid(rowid) {
            Some((kind, id)) => format!("{} {id}", kind.table()),
            None => format!("rowid {rowid}"),
        })
        .collect();
    found.add(Code::IndexMissing, missing, |n| {
        (
            format!("{n} bản ghi không có trong chỉ mục tìm kiếm"),
            format!("{n} records are missing from the search index"),
        )
    });
    found.add(Code::IndexExtra, extra, |n| {
        (
            format!("Chỉ mục tìm kiếm có {n} mục của bản ghi không còn tồn tại"),
            format!("The search index holds {n} entries of records that do not exist"),
        )
    });
    found.add(Code::IndexStale, stale, |n| {
        (
            format!("{n} bản ghi có nội dung cũ trong chỉ mục tìm kiếm"),
            format!("{n} records have old text in the search index"),
        )
    });
    Ok(records)
}
