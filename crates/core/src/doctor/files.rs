//! What lies outside the store's tables or inside them as bytes: briefs' files, pictures, the
//! files kept from received bundles, and the backups.

use super::{Checked, Code, Findings};
use crate::briefs::sha256_hex;
use crate::error::Result;
use crate::store::db::Db;
use crate::store::doctor as sql;
use crate::store::exchange_files::ReceivedFiles;
use crate::{backup, Store};
use planner_exchange::Manifest;
use std::path::Path;

/// Whether the file at `path` is there and hashes to `sha256`: `None` when it is, else the
/// problem's code.
fn file_state(path: &Path, sha256: Option<&str>, missing: Code, changed: Code) -> Option<Code> {
    bytes_state(
        std::fs::read(path).ok().as_deref(),
        sha256,
        missing,
        changed,
    )
}

/// Whether `bytes` are there and hash to `sha256`: `None` when they do, else the problem's code.
fn bytes_state(
    bytes: Option<&[u8]>,
    sha256: Option<&str>,
    missing: Code,
    changed: Code,
) -> Option<Code> {
    match bytes {
        None => Some(missing),
        Some(bytes) => match sha256 {
            Some(want) if !want.eq_ignore_ascii_case(&sha256_hex(bytes)) => Some(changed),
            _ => None,
        },
    }
}

/// Every generated brief's file, with the SHA-256 recorded when it was written.
pub(super) fn briefs(conn: &Db, found: &mut Findings, checked: &mut Checked) -> Result<()> {
    let (mut missing, mut changed) = (Vec::new(), Vec::new());
    for (id, file, sha) in sql::brief_files(conn)? {
        checked.brief_files += 1;
        let item = format!("briefs {id}: {file}");
        match file_state(
            Path::new(&file),
            sha.as_deref(),
            Code::BriefFileMissing,
            Code::BriefFileChanged,
        ) {
            Some(Code::BriefFileMissing) => missing.push(item),
            Some(_) => changed.push(item),
            None => {}
        }
    }
    found.add(Code::BriefFileMissing, missing, |n| {
        (
            format!("Không thấy tệp của {n} bản tin đã tạo (có thể tạo lại từ bản tin)"),
            format!("{n} generated briefs' files are missing (a brief can be generated again)"),
        )
    });
    found.add(Code::BriefFileChanged, changed, |n| {
        (
            format!("Tệp của {n} bản tin đã bị thay đổi sau khi tạo"),
            format!("{n} generated briefs' files were changed after they were generated"),
        )
    });
    Ok(())
}

/// Every opportunity picture's bytes against the SHA-256 recorded when it was added.
pub(super) fn pictures(conn: &Db, found: &mut Findings, checked: &mut Checked) -> Result<()> {
    let mut changed = Vec::new();
    sql::each_picture(conn, |id, sha, bytes| {
        checked.pictures += 1;
        if !sha.eq_ignore_ascii_case(&sha256_hex(bytes)) {
            changed.push(format!("opportunity_images {id}"));
        }
    })?;
    found.add(Code::PictureChanged, changed, |n| {
        (
            format!("{n} ảnh có nội dung khác với lúc thêm vào"),
            format!("{n} pictures' bytes differ from those added"),
        )
    });
    Ok(())
}

/// The PDF and pictures kept, by SHA-256, from every received bundle (beside a store file, or in
/// a team store's database).
pub(super) fn received(
    store: &Store,
    conn: &Db,
    found: &mut Findings,
    checked: &mut Checked,
) -> Result<()> {
    let kept = ReceivedFiles::of(store);
    let (mut missing, mut changed) = (Vec::new(), Vec::new());
    for (id, manifest) in sql::received_manifests(conn)? {
        let Ok(manifest) = serde_json::from_str::<Manifest>(&manifest) else {
            // The manifest was verified on receipt; one that no longer reads is a changed row.
            changed.push(format!("received_bundles {id}: manifest"));
            continue;
        };
        for m in &manifest.members {
            let Some(name) = crate::exchange::kept_file(&manifest, &m.path) else {
                continue;
            };
            checked.received_files += 1;
            let item = format!("received_bundles {id}: {name}");
            match bytes_state(
                kept.find(store, id, &name)?.as_deref(),
                Some(&m.sha256),
                Code::ReceivedFileMissing,
                Code::ReceivedFileChanged,
            ) {
                Some(Code::ReceivedFileMissing) => missing.push(item),
                Some(_) => changed.push(item),
                None => {}
            }
        }
    }
    found.add(Code::ReceivedFileMissing, missing, |n| {
        (
            format!("Thiếu {n} tệp của bản tin nhận được (hãy nhập lại gói tin)"),
            format!("{n} files of received briefs are missing (import the bundle again)"),
        )
    });
    found.add(Code::ReceivedFileChanged, changed, |n| {
        (
            format!("{n} tệp của bản tin nhận được đã bị thay đổi"),
            format!("{n} files of received briefs were changed"),
        )
    });
    Ok(())
}

/// Every backup in the backup folders, verified as a restore would.
pub(super) fn backups(store: &Store, found: &mut Findings, checked: &mut Checked) -> Result<()> {
    let places = backup::places(store)?;
    let mut damaged = Vec::new();
    for folder in std::iter::once(&places.folder).chain(places.second.iter()) {
        for b in backup::list(folder)? {
            checked.backups += 1;
            match backup::verify(Path::new(&b.path)) {
                Ok(v) if v.ok() => {}
                Ok(v) => damaged.push(format!("{}: {}", b.path, v.problems.join("; "))),
                Err(e) => damaged.push(format!("{}: {e}", b.path)),
            }
        }
    }
    found.add(Code::BackupDamaged, damaged, |n| {
        (
            format!("{n} bản sao lưu bị hỏng"),
            format!("{n} backups are damaged"),
        )
    });
    Ok(())
}
