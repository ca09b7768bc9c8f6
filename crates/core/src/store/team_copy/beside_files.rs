//! What a store file keeps in files beside it, carried by a team copy (see `team_copy.rs`): a
//! push puts the office's private key (`<store>.office-key`) into `office_private_key` and each
//! received brief's PDF and pictures (`received/`) into `received_files`, the team tables made
//! for them (`migrations/pg/0004`), inside the push's one transaction; a pull writes the received
//! files back beside the copy, but never the key (a laptop on a mission would carry the agency's
//! signing key: ARCHITECTURE.md, "Moving an office").
//!
//! Every file is checked before it is carried: the key parses and is the one the store records,
//! and a received file's bytes have the SHA-256 its name says. A path is built only from a hash
//! checked to be 64 hex digits and an extension of the three the exchange keeps, never from any
//! other name read from a database.

use crate::error::{CopyFileProblem, CoreError, Result};
use crate::exchange::{kept_file, received_dir};
use crate::store::db::Db;
use crate::store::{now_text, Store};
use planner_exchange::{Manifest, OfficeKey};
use rusqlite::params;
use std::io::Read;
use std::path::{Path, PathBuf};

/// An office key file is two short lines; anything much larger is not one.
const KEY_FILE_LIMIT: u64 = 4096;

/// The received files carried: how many and their bytes.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Carried {
    pub(super) files: u64,
    pub(super) bytes: u64,
}

fn refused(file: &Path, problem: CopyFileProblem) -> CoreError {
    CoreError::TeamCopyFile {
        file: file.display().to_string(),
        problem,
    }
}

/// The office's private key kept beside the store file `from`, checked, with when it was made:
/// None when there is no key file. A file too large, not a key, or holding another key than the
/// one the store records is refused (naming the file).
pub(super) fn office_key(from: &Store) -> Result<Option<(OfficeKey, String)>> {
    let path = crate::exchange::office::key_path(from)?;
    let mut text = String::new();
    match std::fs::File::open(&path) {
        Ok(f) => f
            .take(KEY_FILE_LIMIT + 1)
            .read_to_string(&mut text)
            .map_err(|e| refused(&path, CopyFileProblem::OfficeKeyInvalid(e.to_string())))?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    if text.len() as u64 > KEY_FILE_LIMIT {
        let why = format!("larger than {KEY_FILE_LIMIT} bytes");
        return Err(refused(&path, CopyFileProblem::OfficeKeyInvalid(why)));
    }
    let key = OfficeKey::from_file_text(&text)
        .map_err(|e| refused(&path, CopyFileProblem::OfficeKeyInvalid(e.detail)))?;
    let office = from.office()?;
    let recorded = office.as_ref().and_then(|o| o.public_key.as_deref());
    if recorded.is_some_and(|k| k != key.public().to_base64()) {
        return Err(refused(&path, CopyFileProblem::OfficeKeyNotTheOffices));
    }
    let made_at = office
        .and_then(|o| o.key_created_at)
        .unwrap_or_else(now_text);
    Ok(Some((key, made_at)))
}

/// Writes the office key into the team store's `office_private_key`, inside the push.
pub(super) fn push_office_key(tx: &Db, key: &OfficeKey, made_at: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO office_private_key (id, key_file, made_at) VALUES (1, ?1, ?2)",
        params![key.to_file_text(), made_at],
    )?;
    Ok(())
}

/// `name` as the exchange keeps a received file, `<sha256>.<ext>`: its hash (64 lower-case hex
/// digits) and extension (pdf, png or jpg), or None for any other name.
fn checked_name(name: &str) -> Option<(&str, &str)> {
    let (hash, ext) = name.split_once('.')?;
    let hex = hash.len() == 64
        && hash
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    (hex && ["pdf", "png", "jpg"].contains(&ext)).then_some((hash, ext))
}

/// Copies each file that a received bundle of `from` refers to, from the `received/` folder
/// beside it into the team store's `received_files` (inside the push): each read no further than
/// the size its manifest gives and checked against its SHA-256; a missing or altered file refuses
/// the push (naming it).
pub(super) fn push_received_files(from: &Store, tx: &Db) -> Result<Carried> {
    let dir = received_dir(from);
    let mut carried = Carried::default();
    for (id, manifest) in crate::store::doctor::received_manifests(from.conn())? {
        let where_ = dir.join(format!("received_bundles {id}"));
        let manifest: Manifest = serde_json::from_str(&manifest)
            .map_err(|_| refused(&where_, CopyFileProblem::ReceivedFileChanged))?;
        for member in &manifest.members {
            let Some(name) = kept_file(&manifest, &member.path) else {
                continue;
            };
            let Some((hash, ext)) = checked_name(&name) else {
                return Err(refused(&where_, CopyFileProblem::ReceivedFileChanged));
            };
            let path = dir.join(format!("{hash}.{ext}"));
            let mut bytes = Vec::new();
            match std::fs::File::open(&path) {
                Ok(f) => f.take(member.size + 1).read_to_end(&mut bytes)?,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    return Err(refused(&path, CopyFileProblem::ReceivedFileMissing))
                }
                Err(e) => return Err(e.into()),
            };
            if bytes.len() as u64 != member.size || crate::briefs::sha256_hex(&bytes) != hash {
                return Err(refused(&path, CopyFileProblem::ReceivedFileChanged));
            }
            tx.execute(
                "INSERT INTO received_files (received_id, name, sha256, bytes)
                 VALUES (?1, ?2, ?3, ?4)",
                params![id, format!("{hash}.{ext}"), hash, bytes],
            )?;
            carried.files += 1;
            carried.bytes += bytes.len() as u64;
        }
    }
    Ok(carried)
}

/// Writes every file of the team store's `received_files` (read in the pull's snapshot) into
/// `dir`, the `received/` folder beside the copy, each once under its checked hash; a row whose
/// bytes are not its hash refuses the pull. Records in `written` each file it made (not those
/// already there, which hold the same bytes: their name is their content), for the caller to
/// remove if the pull fails.
pub(super) fn pull_received_files(
    team: &Db,
    dir: &Path,
    written: &mut Vec<PathBuf>,
) -> Result<Carried> {
    let names = team
        .prepare("SELECT DISTINCT name FROM received_files ORDER BY name")?
        .query_map((), |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut carried = Carried::default();
    for name in names {
        let Some((hash, ext)) = checked_name(&name) else {
            let row = dir.join(format!("received_files {name:?}"));
            return Err(refused(&row, CopyFileProblem::ReceivedFileChanged));
        };
        let path = dir.join(format!("{hash}.{ext}"));
        let rows = team
            .prepare("SELECT sha256, bytes FROM received_files WHERE name = ?1")?
            .query_map([&name], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, Vec<u8>>(1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        // One file under one name: every row naming it must hold its hash's bytes.
        for (sha256, bytes) in &rows {
            if sha256 != hash || crate::briefs::sha256_hex(bytes) != hash {
                return Err(refused(&path, CopyFileProblem::ReceivedFileChanged));
            }
        }
        let Some((_, bytes)) = rows.into_iter().next() else {
            continue;
        };
        if std::fs::read(&path).ok().as_deref() != Some(bytes.as_slice()) {
            crate::files::write_atomically(&path, &bytes)?;
            written.push(path);
        }
        carried.files += 1;
        carried.bytes += bytes.len() as u64;
    }
    Ok(carried)
}

#[cfg(test)]
mod tests {
    use super::checked_name;

    #[test]
    fn only_a_hash_and_a_known_extension_name_a_received_file() {
        let hash = "0123456789abcdef".repeat(4);
        assert_eq!(
            checked_name(&format!("{hash}.pdf")),
            Some((hash.as_str(), "pdf"))
        );
        for name in [
            format!("{}.pdf", "0123456789ABCDEF".repeat(4)),
            format!("{hash}.exe"),
            format!("{hash}.pdf.png"),
            format!("../{}.pdf", &hash[3..]),
            format!("{}.png", &hash[1..]),
            "a.pdf".to_owned(),
        ] {
            assert_eq!(checked_name(&name), None, "{name}");
        }
    }
}
