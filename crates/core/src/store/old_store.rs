//! A store as a build of an older schema left it, for the crash workload (a migration killed
//! midway) and benchmarks of a migration: the schema at `version` (the migrations up to it),
//! with organisations and a contact in each, written with that version's columns.

use super::migrate::migrate_to;
use crate::error::Result;
use rusqlite::{params, Connection};
use std::path::Path;

/// The oldest schema whose organisations and contacts `write_old_store` can write.
pub const OLDEST_WRITABLE: u32 = 1;

/// Writes a store of schema `version` with `organizations` organisations (a contact each) to
/// `path`, which must not exist: built beside it and renamed, so the file is there whole or
/// not at all.
pub fn write_old_store(path: &Path, version: u32, organizations: usize) -> Result<()> {
    assert!(
        version >= OLDEST_WRITABLE,
        "schema {version} has no records"
    );
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".building");
    let tmp = std::path::PathBuf::from(tmp);
    let _ = std::fs::remove_file(&tmp);
    {
        let mut conn = Connection::open(&tmp)?;
        migrate_to(&mut conn, version)?;
        let tx = conn.transaction()?;
        {
            let at = "2024-06-01T08:00:00.000Z";
            let mut org = tx.prepare(
                "INSERT INTO organizations (id, uuid, created_at, updated_at, kind, name_vi,
                     country, size)
                 VALUES (?1, ?2, ?3, ?3, 'investor', ?4, 'VN', 'unknown')",
            )?;
            let mut contact = tx.prepare(
                "INSERT INTO contacts (id, uuid, created_at, updated_at, full_name,
                     organization_id, emails, consent_basis)
                 VALUES (?1, ?2, ?3, ?3, ?4, ?1, ?5, 'consent')",
            )?;
            for i in 1..=organizations as i64 {
                org.execute(params![
                    i,
                    format!("{i:08x}-0000-4000-8000-00000000000a"),
                    at,
                    format!("Công ty Cũ Số {i}"),
                ])?;
                contact.execute(params![
                    i,
                    format!("{i:08x}-0000-4000-8000-00000000000c"),
                    at,
                    format!("Người Liên Hệ Cũ {i}"),
                    format!(r#"[{{"label":"work","value":"cu{i}@example.vn"}}]"#),
                ])?;
            }
        }
        tx.commit()?;
    }
    std::fs::File::open(&tmp)?.sync_all()?;
    std::fs::rename(&tmp, path)?;
    #[cfg(unix)]
    std::fs::File::open(path.parent().unwrap_or(Path::new(".")))?.sync_all()?;
    Ok(())
}
