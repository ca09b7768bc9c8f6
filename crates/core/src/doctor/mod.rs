//! The store doctor: checks that a store is whole and says, in both languages, what is wrong
//! and what can be put right. SQLite's `integrity_check` and `foreign_key_check`, the search
//! index against the records (every searched record indexed once with its current text,
//! nothing else), index work an import left pending, every file a brief or a received bundle
//! names present with its SHA-256, every picture's bytes matching theirs, and the backups.
//!
//! Rows whose sort key is not their text's (written by another program) are found too.
//! Only the search index and the sort keys can be rebuilt from what the store holds (`repair`);
//! a lost or changed file, a damaged page or a dangling reference is reported, not guessed at:
//! the way back from those is a backup. `quick` is the part the app can run at each start.
//! The SQL is in `store/doctor.rs`.

mod files;
mod health;
mod index;

pub use health::{
    checking, newest_good_backup, store_health, unopenable, HealthFinding, StoreHealth,
};

use crate::error::Result;
use crate::labels::Bilingual;
use crate::store::db::Db;
use crate::store::doctor as sql;
use crate::Store;
use serde::Serialize;
use std::time::Instant;

/// What a finding is about: a stable code for scripts and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Code {
    /// SQLite's `integrity_check` (or `quick_check`) found damage.
    Integrity,
    /// A row names a parent that does not exist.
    ForeignKey,
    /// The search index's own check of its segments failed.
    IndexDamaged,
    /// A searched record has no entry in the index.
    IndexMissing,
    /// An index entry belongs to no record.
    IndexExtra,
    /// An index entry holds other text than its record's.
    IndexStale,
    /// An import's records were left unindexed.
    IndexPending,
    /// A generated brief's file is not where the brief says.
    BriefFileMissing,
    /// A generated brief's file has other bytes than were generated.
    BriefFileChanged,
    /// A picture's bytes do not match their recorded SHA-256.
    PictureChanged,
    /// A file kept from a received bundle (its PDF or a picture) is gone.
    ReceivedFileMissing,
    /// A file kept from a received bundle has other bytes than were received.
    ReceivedFileChanged,
    /// A backup fails its check.
    BackupDamaged,
    /// A record's stored sort key is not its text's (another program wrote the row): it lists
    /// out of Vietnamese order.
    SortKeyStale,
}

impl Code {
    /// The stable code, as it is in JSON (`index_missing`).
    pub fn name(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }

    /// Whether `repair` can put it right from what the store holds (the index is derived from
    /// the records; everything else is the officer's data or files).
    pub fn repairable(self) -> bool {
        matches!(
            self,
            Code::IndexDamaged
                | Code::IndexMissing
                | Code::IndexExtra
                | Code::IndexStale
                | Code::IndexPending
                | Code::SortKeyStale
        )
    }
}

/// One kind of problem found, with what it was found on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub code: Code,
    /// What is wrong, in words for an officer.
    pub message: Bilingual,
    pub repairable: bool,
    /// How many things have this problem.
    pub count: usize,
    /// The first of them (record, file or SQLite's line), at most `SHOWN`.
    pub items: Vec<String>,
}

/// How many items a finding lists (the count says how many there are).
pub const SHOWN: usize = 20;

/// What was checked and found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Only the quick checks ran.
    pub quick: bool,
    pub findings: Vec<Finding>,
    /// What was looked at: records in the index, briefs, pictures, received files, backups.
    pub checked: Checked,
    pub millis: u64,
}

/// How many of each thing a check looked at.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Checked {
    pub indexed_records: usize,
    pub brief_files: usize,
    pub pictures: usize,
    pub received_files: usize,
    pub backups: usize,
}

impl Report {
    /// No finding.
    pub fn healthy(&self) -> bool {
        self.findings.is_empty()
    }

    /// The finding with `code`, if any.
    pub fn finding(&self, code: Code) -> Option<&Finding> {
        self.findings.iter().find(|f| f.code == code)
    }
}

/// What to check beyond the store itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Verify every listed backup (seconds each on a large store).
    pub backups: bool,
}

/// Collects findings by code.
#[derive(Default)]
pub(crate) struct Findings(Vec<Finding>);

impl Findings {
    /// Adds `items` under `code` (nothing when there are none), with the message `words` gives
    /// for their count.
    pub(crate) fn add(
        &mut self,
        code: Code,
        items: Vec<String>,
        words: impl FnOnce(usize) -> (String, String),
    ) {
        if items.is_empty() {
            return;
        }
        let count = items.len();
        let (vi, en) = words(count);
        self.0.push(Finding {
            code,
            message: Bilingual { vi, en },
            repairable: code.repairable(),
            count,
            items: items.into_iter().take(SHOWN).collect(),
        });
    }
}

/// The checks the app can run at each start (milliseconds on the demo store): `quick_check`,
/// `foreign_key_check` and pending index marks.
pub fn quick(store: &Store) -> Result<Report> {
    let started = Instant::now();
    let conn = store.settled_conn()?;
    let mut found = Findings::default();
    sqlite_checks(conn, true, &mut found)?;
    index::pending(conn, &mut found)?;
    Ok(finish(true, found, Checked::default(), started))
}

/// Every check (see the module's comment).
pub fn check(store: &Store, options: Options) -> Result<Report> {
    let started = Instant::now();
    let conn = store.settled_conn()?;
    let mut found = Findings::default();
    let mut checked = Checked::default();
    sqlite_checks(conn, false, &mut found)?;
    index::pending(conn, &mut found)?;
    checked.indexed_records = index::compare(conn, &mut found)?;
    sort_keys(conn, &mut found)?;
    files::briefs(conn, &mut found, &mut checked)?;
    files::pictures(conn, &mut found, &mut checked)?;
    files::received(store, conn, &mut found, &mut checked)?;
    if options.backups && store.path().is_some() {
        files::backups(store, &mut found, &mut checked)?;
    }
    Ok(finish(false, found, checked, started))
}

fn finish(quick: bool, found: Findings, checked: Checked, started: Instant) -> Report {
    let mut findings = found.0;
    findings.sort_by_key(|f| f.code);
    Report {
        quick,
        findings,
        checked,
        millis: started.elapsed().as_millis() as u64,
    }
}

fn sqlite_checks(conn: &Db, quick: bool, found: &mut Findings) -> Result<()> {
    let (damaged, index): (Vec<String>, Vec<String>) = sql::sqlite_problems(conn, quick)?
        .into_iter()
        .partition(|p| !p.starts_with("search index:"));
    found.add(Code::Integrity, damaged, |n| {
        (
            format!("SQLite thấy tệp kho dữ liệu bị hỏng ({n} lỗi): hãy khôi phục từ bản sao lưu"),
            format!("SQLite finds the store file damaged ({n} problems): restore a backup"),
        )
    });
    found.add(Code::IndexDamaged, index, |_| {
        (
            "Chỉ mục tìm kiếm bị hỏng".into(),
            "The search index is damaged".into(),
        )
    });
    found.add(Code::ForeignKey, sql::foreign_key_problems(conn)?, |n| {
        (
            format!("{n} dòng trỏ tới bản ghi không còn tồn tại"),
            format!("{n} rows point to records that do not exist"),
        )
    });
    Ok(())
}

/// Rows whose sort key is not their text's: written by another program (`sqlite3`, Python),
/// which cannot compute one, so they list out of order until repaired.
fn sort_keys(conn: &Db, found: &mut Findings) -> Result<()> {
    found.add(Code::SortKeyStale, sql::stale_sort_keys(conn)?, |n| {
        (
            format!("{n} tên chưa có khóa sắp xếp đúng (do chương trình khác ghi): danh sách xếp sai thứ tự"),
            format!("{n} names lack their right sort key (written by another program): lists show them out of order"),
        )
    });
    Ok(())
}

/// What `repair` did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Repair {
    /// What was found first.
    pub before: Report,
    /// The search index was rebuilt from the records.
    pub rebuilt_index: bool,
    /// How many sort keys were written again from their text.
    pub sort_keys_refreshed: usize,
    /// What is found after: what could not be repaired.
    pub after: Report,
}

/// Checks, writes the sort keys that are not their text's and rebuilds the search index (one
/// transaction each) if either is anything but whole, and checks again: what is left is what
/// only a backup or the officer can put right.
pub fn repair(store: &mut Store, options: Options) -> Result<Repair> {
    let before = check(store, options)?;
    let sort_keys_refreshed = if before.finding(Code::SortKeyStale).is_some() {
        store.refresh_sort_keys()?
    } else {
        0
    };
    let rebuild = before
        .findings
        .iter()
        .any(|f| f.repairable && f.code != Code::SortKeyStale);
    if rebuild {
        store.rebuild_search_index()?;
    }
    let after = check(store, options)?;
    Ok(Repair {
        before,
        rebuilt_index: rebuild,
        sort_keys_refreshed,
        after,
    })
}
