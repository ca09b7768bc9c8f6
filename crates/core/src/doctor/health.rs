//! The store's health as the app shows it at start: whether it is read-only (and why), what
//! the doctor's quick check finds, and, when that is damage, the newest backup that passes a
//! full check (what an officer would restore). Backend-neutral: it asks the `Store`, not SQLite.

use super::{quick, Code};
use crate::backup::{self, BackupFile};
use crate::error::Result;
use crate::labels::Bilingual;
use crate::store::ReadOnlyReason;
use crate::Store;
use serde::Serialize;
use std::path::Path;
use std::time::Instant;
use ts_rs::TS;

/// What the app shows at start about the store.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct StoreHealth {
    pub store_path: String,
    /// Why every write is refused here, if it is: the store file cannot be written, or a team
    /// store's role may only read (`Store::writes_refused`).
    pub read_only: Option<ReadOnlyReason>,
    /// Whether this session may sign for the office (send a brief to another office, export the
    /// office card): on a team store, a manager only (`Store::may_sign`).
    pub may_sign: bool,
    /// The quick check is still running (on a large store, seconds: it reads every page); ask
    /// again for its result. Nothing below is known yet.
    pub checking: bool,
    /// The quick check found damage only a backup can put right.
    pub damaged: bool,
    /// What the quick check found (pending index work too, which is not damage).
    pub findings: Vec<HealthFinding>,
    /// When damaged: the newest backup in the backup folder that passes a full check.
    pub newest_good_backup: Option<BackupFile>,
    /// How long the quick check took.
    pub check_millis: u64,
    /// How long looking for a good backup took (0 when not damaged).
    pub backup_millis: u64,
}

/// One kind of problem the quick check found.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct HealthFinding {
    /// The doctor's stable code (`integrity`, `foreign_key`, `index_pending`, or `unreadable`
    /// when the check itself could not read the file).
    pub code: String,
    pub message: Bilingual,
    pub count: usize,
    /// The first things found (SQLite's lines, rows).
    pub items: Vec<String>,
}

/// The store's health: read-only or not, the quick check, and, only when it finds damage, the
/// newest good backup (checking backups takes seconds on a large store: a healthy start does
/// not pay for it).
pub fn store_health(store: &Store) -> Result<StoreHealth> {
    // A team store has no file here to check: the server keeps its pages, and the agency's IT
    // its backups. Nothing is damaged that the app could restore.
    if store.backend() == crate::store::Backend::Postgres {
        return Ok(StoreHealth {
            checking: false,
            ..checking(store)?
        });
    }
    let started = Instant::now();
    let (damaged, findings) = match quick(store) {
        Ok(report) => (
            report.findings.iter().any(|f| is_damage(f.code)),
            report
                .findings
                .into_iter()
                .map(|f| HealthFinding {
                    code: f.code.name(),
                    message: f.message,
                    count: f.count,
                    items: f.items,
                })
                .collect(),
        ),
        // A page so damaged that the check cannot run through it.
        Err(e) => (true, vec![unreadable(&e)]),
    };
    let check_millis = started.elapsed().as_millis() as u64;
    let started = Instant::now();
    let newest_good_backup = match damaged {
        true => newest_good_backup(store)?,
        false => None,
    };
    Ok(StoreHealth {
        store_path: store
            .path()
            .map(|p| p.display().to_string())
            .unwrap_or_default(),
        read_only: store.writes_refused()?,
        may_sign: store.may_sign()?,
        checking: false,
        damaged,
        findings,
        newest_good_backup,
        check_millis,
        backup_millis: if damaged {
            started.elapsed().as_millis() as u64
        } else {
            0
        },
    })
}

/// What is known before the quick check has run: whether the store is read-only, and whether
/// this session may sign.
pub fn checking(store: &Store) -> Result<StoreHealth> {
    Ok(StoreHealth {
        store_path: store
            .path()
            .map(|p| p.display().to_string())
            .unwrap_or_default(),
        read_only: store.writes_refused()?,
        may_sign: store.may_sign()?,
        checking: true,
        damaged: false,
        findings: Vec::new(),
        newest_good_backup: None,
        check_millis: 0,
        backup_millis: 0,
    })
}

fn unreadable(e: &crate::CoreError) -> HealthFinding {
    HealthFinding {
        code: "unreadable".into(),
        message: Bilingual {
            vi: format!(
                "SQLite không đọc hết được tệp kho dữ liệu ({}): hãy khôi phục từ bản sao lưu",
                e.message_vi()
            ),
            en: format!("SQLite cannot read the whole store file ({e}): restore a backup"),
        },
        count: 1,
        items: vec![e.to_string()],
    }
}

/// The newest backup in the store's backup folder that passes `backup::verify`, if any.
pub fn newest_good_backup(store: &Store) -> Result<Option<BackupFile>> {
    // Settings too damaged to read: the default folder, beside the store.
    let folder = match (backup::places(store), store.path()) {
        (Ok(places), _) => places.folder,
        (Err(_), Some(path)) => backup::default_folder(path),
        (Err(_), None) => return Ok(None),
    };
    newest_good_backup_in(&folder)
}

fn newest_good_backup_in(folder: &Path) -> Result<Option<BackupFile>> {
    for candidate in backup::list(folder)? {
        let sound = backup::verify(Path::new(&candidate.path)).is_ok_and(|v| v.ok());
        if sound {
            return Ok(Some(candidate));
        }
    }
    Ok(None)
}

/// The health of a store at `path` that could not even be opened for the check: damaged, with
/// SQLite's words, and the newest good backup in the default folder beside it.
pub fn unopenable(path: &Path, e: &crate::CoreError) -> StoreHealth {
    StoreHealth {
        store_path: path.display().to_string(),
        read_only: None,
        may_sign: false,
        checking: false,
        damaged: true,
        findings: vec![unreadable(e)],
        newest_good_backup: newest_good_backup_in(&backup::default_folder(path))
            .ok()
            .flatten(),
        check_millis: 0,
        backup_millis: 0,
    }
}

/// Damage is what only a backup puts right; the search index the store rebuilds itself.
fn is_damage(code: Code) -> bool {
    !code.repairable()
}
