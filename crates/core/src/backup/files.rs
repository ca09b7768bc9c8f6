//! Backup files on disk: taking one (copy, check, flush, rename), checking one, naming and
//! listing them, copying the office key beside them, and deleting what thinning says.

use super::retention::{self, Candidate};
use super::Places;
use crate::error::{invalid, CoreError, Result};
use crate::store::backup::{self as sql, Contents, Depth};
use crate::store::{APPLICATION_ID, LATEST_VERSION};
use chrono::{DateTime, NaiveDateTime, Utc};
use rusqlite::Connection;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const PREFIX: &str = "planner-";
const KEPT: &str = "-kept";
const INSTANT: &str = "%Y%m%dT%H%M%SZ";

/// A backup file in a backup folder.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct BackupFile {
    pub path: String,
    pub name: String,
    /// When it was taken (UTC, RFC 3339), from its name.
    pub taken_at: String,
    pub schema_version: u32,
    pub bytes: u64,
    /// Kept out of rotation (a safety backup before a restore, or a backup restored from).
    pub kept: bool,
    /// Records of each kind, by table.
    pub counts: BTreeMap<String, i64>,
    /// Whether the office key was copied beside it.
    pub with_office_key: bool,
    /// Where its copy in the second destination went, or why it could not.
    pub second_copy: Option<String>,
}

/// The result of checking a backup file.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Verified {
    pub path: String,
    pub schema_version: u32,
    pub counts: BTreeMap<String, i64>,
    /// What is wrong with it; empty when it is sound.
    pub problems: Vec<String>,
}

impl Verified {
    /// Sound, of ours, and a schema this build can open.
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// The name of a backup taken at `at` of a store at `schema`; `n` > 1 when that second is taken.
fn file_name(at: DateTime<Utc>, n: u32, schema: u32, kept: bool) -> String {
    let again = if n > 1 {
        format!("-{n}")
    } else {
        String::new()
    };
    let kept = if kept { KEPT } else { "" };
    format!("{PREFIX}{}{again}-s{schema}{kept}.db", at.format(INSTANT))
}

/// The first name for a backup taken at `at` that no file in `folder` has: a second backup in
/// the same second is `-2`, and so on, so that no rename ever replaces a backup.
pub(crate) fn free_name(folder: &Path, at: DateTime<Utc>, schema: u32, kept: bool) -> PathBuf {
    (1..)
        .map(|n| folder.join(file_name(at, n, schema, kept)))
        .find(|p| !p.exists())
        .expect("a free name")
}

/// The instant, schema and kept flag of a backup's file name; None for any other file.
pub(crate) fn parse_name(name: &str) -> Option<(DateTime<Utc>, u32, bool)> {
    let rest = name.strip_prefix(PREFIX)?.strip_suffix(".db")?;
    let (rest, kept) = match rest.strip_suffix(KEPT) {
        Some(r) => (r, true),
        None => (rest, false),
    };
    let (head, schema) = rest.rsplit_once("-s")?;
    let at = NaiveDateTime::parse_from_str(head.get(..16)?, INSTANT).ok()?;
    let again = &head[16..];
    if !(again.is_empty() || again.strip_prefix('-')?.parse::<u32>().is_ok()) {
        return None;
    }
    Some((at.and_utc(), schema.parse().ok()?, kept))
}

/// `path` with `suffix` added to its file name (`x.db` → `x.db-wal`).
pub(crate) fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Flushes a folder's entries (a rename is durable once its folder is).
pub(crate) fn sync_dir(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    std::fs::File::open(dir)?.sync_all()?;
    Ok(())
}

/// Copies `from` to `to` through a temporary file, flushed, then renamed; owner-only when
/// `private` (the office key).
pub(crate) fn copy_atomically(from: &Path, to: &Path, private: bool) -> Result<()> {
    if private {
        return crate::files::write_private_atomically(to, &std::fs::read(from)?);
    }
    let tmp = beside(to, ".tmp");
    let copied = std::fs::copy(from, &tmp)
        .and_then(|_| std::fs::File::open(&tmp)?.sync_all())
        .and_then(|()| std::fs::rename(&tmp, to));
    if let Err(e) = copied {
        let _ = std::fs::remove_file(&tmp);
        return Err(e.into());
    }
    sync_dir(to.parent().unwrap_or(Path::new(".")))
}

/// Copies the store at `conn`'s file into `places`, checked, and returns it.
pub(crate) fn take(
    conn: &Connection,
    store_path: &Path,
    places: &Places,
    now: DateTime<Utc>,
    kept: bool,
    depth: Depth,
) -> Result<BackupFile> {
    std::fs::create_dir_all(&places.folder)?;
    remove_stale_temps(&places.folder, std::time::SystemTime::now());
    let tmp = places.folder.join(format!(
        ".{PREFIX}{}-{}.tmp",
        now.format(INSTANT),
        std::process::id()
    ));
    let _ = std::fs::remove_file(&tmp);
    let before = sql::contents(conn)?;
    let made = sql::vacuum_into(conn, &tmp).and_then(|()| {
        // The counts must match unless a write came between (another connection's).
        let unchanged = sql::contents(conn)? == before;
        check_copy(&tmp, &before, unchanged, depth)
    });
    let contents = match made {
        Ok(c) => c,
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
    };
    let target = free_name(&places.folder, now, contents.schema_version, kept);
    let renamed = std::fs::File::open(&tmp)
        .and_then(|f| f.sync_all())
        .and_then(|()| std::fs::rename(&tmp, &target));
    if let Err(e) = renamed {
        let _ = std::fs::remove_file(&tmp);
        return Err(e.into());
    }
    sync_dir(&places.folder)?;
    let key = beside(store_path, ".office-key");
    let with_office_key = key.is_file();
    if with_office_key {
        copy_atomically(&key, &beside(&target, ".office-key"), true)?;
    }
    let name = target.file_name().unwrap().to_string_lossy().into_owned();
    // A second destination (a USB stick, a shared folder) may be missing: the backup stands,
    // and the reason is reported.
    let second_copy = places.second.as_ref().map(|dir| {
        let to = dir.join(&name);
        let copied = std::fs::create_dir_all(dir)
            .map_err(CoreError::from)
            .and_then(|()| copy_atomically(&target, &to, false))
            .and_then(|()| match with_office_key {
                true => copy_atomically(&key, &beside(&to, ".office-key"), true),
                false => Ok(()),
            });
        match copied {
            Ok(()) => to.display().to_string(),
            Err(e) => format!("not copied to {}: {e}", dir.display()),
        }
    });
    Ok(BackupFile {
        bytes: std::fs::metadata(&target)?.len(),
        path: target.display().to_string(),
        name,
        taken_at: now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        schema_version: contents.schema_version,
        kept,
        counts: contents.counts,
        with_office_key,
        second_copy,
    })
}

/// A temporary copy untouched for this long was left by a backup that died (a crash, a full
/// disk when the clean-up itself failed); one being written or checked is younger.
pub(crate) const STALE_TEMP: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// Deletes the temporary copies (`.planner-….tmp`) that backups left in `folder` more than
/// `STALE_TEMP` before `now`, so a full disk or a crash does not keep eating room. Best effort:
/// a backup does not fail because an old temp file could not go.
pub(crate) fn remove_stale_temps(folder: &Path, now: std::time::SystemTime) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(&format!(".{PREFIX}")) && name.ends_with(".tmp")) {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|at| now.duration_since(at).is_ok_and(|age| age >= STALE_TEMP));
        if old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Checks the fresh copy at `tmp` against the store it came from.
fn check_copy(
    tmp: &Path,
    source: &Contents,
    compare_counts: bool,
    depth: Depth,
) -> Result<Contents> {
    let conn = sql::open_file(tmp, std::time::Duration::from_secs(5))?;
    sql::make_self_contained(&conn)?;
    let problems = sql::problems(&conn, depth)?;
    let copy = sql::contents(&conn)?;
    let mut wrong = problems;
    if copy.application_id != APPLICATION_ID || copy.schema_version != source.schema_version {
        wrong.push("the copy's application id or schema version differs".into());
    }
    if compare_counts && copy.counts != source.counts {
        wrong.push(format!("record counts differ: {:?}", copy.counts));
    }
    if !wrong.is_empty() {
        return Err(damaged(tmp, &wrong));
    }
    Ok(copy)
}

pub(crate) fn damaged(path: &Path, problems: &[String]) -> CoreError {
    invalid(
        "backup",
        "backup_damaged",
        format!(
            "Bản sao lưu {} bị hỏng: {}",
            path.display(),
            problems.join("; ")
        ),
        format!(
            "The backup {} is damaged: {}",
            path.display(),
            problems.join("; ")
        ),
    )
}

/// Checks a backup file as a restore would: SQLite's `integrity_check`, the search index's own
/// check, that it is ours, and that this build can open its schema.
pub fn verify(path: &Path) -> Result<Verified> {
    if !path.is_file() {
        return Err(CoreError::NoStore(path.to_owned()));
    }
    let conn = sql::open_file(path, std::time::Duration::from_secs(5))?;
    // A file that is not a database at all fails here, with SQLite's words.
    let checked = sql::problems(&conn, Depth::Full).and_then(|p| Ok((p, sql::contents(&conn)?)));
    let (mut problems, contents) = match checked {
        Ok(found) => found,
        Err(e) => (vec![e.to_string()], Contents::default()),
    };
    if contents.application_id != APPLICATION_ID {
        problems.push("not a Delegation Planner store".into());
    }
    if contents.schema_version > LATEST_VERSION {
        problems.push(format!(
            "schema version {} is newer than this app's {LATEST_VERSION}",
            contents.schema_version
        ));
    }
    Ok(Verified {
        path: path.display().to_string(),
        schema_version: contents.schema_version,
        counts: contents.counts,
        problems,
    })
}

/// The backups in `folder`, newest first, each with its size and record counts.
pub fn list(folder: &Path) -> Result<Vec<BackupFile>> {
    let mut out = Vec::new();
    for (path, at, schema, kept) in named(folder)? {
        let counts = sql::open_file(&path, std::time::Duration::from_secs(5))
            .and_then(|c| sql::contents(&c))
            .map(|c| c.counts)
            .unwrap_or_default();
        out.push(BackupFile {
            bytes: std::fs::metadata(&path)?.len(),
            name: path.file_name().unwrap().to_string_lossy().into_owned(),
            with_office_key: beside(&path, ".office-key").is_file(),
            path: path.display().to_string(),
            taken_at: at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            schema_version: schema,
            kept,
            counts,
            second_copy: None,
        });
    }
    out.sort_by(|a, b| b.taken_at.cmp(&a.taken_at).then(b.name.cmp(&a.name)));
    Ok(out)
}

/// A backup in a folder: its path, instant, schema and kept flag, from its name.
pub(crate) type Named = (PathBuf, DateTime<Utc>, u32, bool);

/// The backups in `folder` (none when it does not exist), unsorted.
pub(crate) fn named(folder: &Path) -> Result<Vec<Named>> {
    let entries = match std::fs::read_dir(folder) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e.into()),
    };
    let mut out = Vec::new();
    for entry in entries {
        let path = entry?.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if let Some((at, schema, kept)) = parse_name(&name) {
            out.push((path, at, schema, kept));
        }
    }
    Ok(out)
}

/// Deletes, in each folder, the backups thinning does not keep (with their key files).
pub(crate) fn thin(places: &Places, now: DateTime<Utc>) -> Result<()> {
    for folder in std::iter::once(&places.folder).chain(places.second.iter()) {
        let candidates: Vec<Candidate> = named(folder)
            .unwrap_or_default()
            .into_iter()
            .map(|(path, at, _, kept)| Candidate {
                at,
                name: path.file_name().unwrap().to_string_lossy().into_owned(),
                kept,
            })
            .collect();
        for name in retention::to_delete(&candidates, now) {
            let path = folder.join(&name);
            let _ = std::fs::remove_file(beside(&path, ".office-key"));
            std::fs::remove_file(&path)?;
        }
    }
    Ok(())
}
