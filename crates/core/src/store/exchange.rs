//! The exchange tables of this office: its profile and public key (`office`), the keys it
//! trusts (`trusted_keys`) and the bundles it sent (`sent_bundles`). Received bundles and
//! adopted opportunities are in `received.rs`.

use super::db::{Db, Row};
use super::records::now_text;
use super::{Store, Tx};
use crate::error::{CoreError, Result};
use crate::exchange::views::{OfficeProfile, SentBundle, TrustedOffice};
use rusqlite::{params, OptionalExtension};

/// The office row: the profile and, once made, the public half of its key.
#[derive(Debug, Clone)]
pub struct OfficeRow {
    pub profile: OfficeProfile,
    pub public_key: Option<String>,
    pub fingerprint: Option<String>,
    pub key_created_at: Option<String>,
}

/// A trusted key as stored, with the public key when known.
#[derive(Debug, Clone)]
pub struct TrustedKey {
    pub office: TrustedOffice,
    pub public_key: Option<String>,
}

/// A key to put on the trusted list (the office's names as the card or bundle gave them).
#[derive(Debug, Clone, Default)]
pub struct NewTrustedKey {
    pub fingerprint: String,
    pub public_key: Option<String>,
    pub office: Option<OfficeProfile>,
    pub local_name: Option<String>,
    pub trusted_by: String,
}

/// A bundle to record in the Outbox.
#[derive(Debug, Clone)]
pub struct NewSentBundle {
    pub uuid: String,
    pub brief_id: i64,
    pub brief_uuid: String,
    pub brief_version: i64,
    pub title: String,
    pub path: String,
    pub bytes: i64,
    pub sha256: String,
    pub personal_data: bool,
    pub sent_to: Option<String>,
}

const KEY_COLUMNS: &str = "k.id, k.uuid, k.fingerprint, k.public_key, k.office_code, k.name_vi,
    k.name_en, k.city, k.country, k.email, k.local_name, k.trusted_at, k.trusted_by,
    k.revoked_at, k.revoked_by,
    (SELECT count(*) FROM received_bundles r WHERE r.key_id = k.id)";

fn key_row(r: &Row<'_>) -> rusqlite::Result<TrustedKey> {
    let fingerprint: String = r.get(2)?;
    let public_key: Option<String> = r.get(3)?;
    Ok(TrustedKey {
        office: TrustedOffice {
            id: r.get(0)?,
            uuid: r.get(1)?,
            fingerprint_grouped: crate::exchange::grouped(&fingerprint),
            fingerprint,
            has_key: public_key.is_some(),
            office_code: r.get(4)?,
            name_vi: r.get(5)?,
            name_en: r.get(6)?,
            city: r.get(7)?,
            country: r.get(8)?,
            email: r.get(9)?,
            local_name: r.get(10)?,
            trusted_at: r.get(11)?,
            trusted_by: r.get(12)?,
            revoked_at: r.get(13)?,
            revoked_by: r.get(14)?,
            received: r.get(15)?,
        },
        public_key,
    })
}

fn keys_where(conn: &Db, clause: &str, arg: &dyn rusqlite::ToSql) -> Result<Vec<TrustedKey>> {
    let sql = format!(
        "SELECT {KEY_COLUMNS} FROM trusted_keys k WHERE {clause} ORDER BY k.trusted_at, k.id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([arg], key_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn key_by_id(conn: &Db, id: i64) -> Result<TrustedKey> {
    keys_where(conn, "k.id = ?1", &id)?
        .pop()
        .ok_or_else(|| not_found("trusted_keys", id))
}

fn not_found(what: &str, id: i64) -> CoreError {
    crate::error::invalid(
        what,
        "not_found",
        format!("Không tìm thấy mục {id}"),
        format!("No entry {id}"),
    )
}

fn insert_key(conn: &Db, key: &NewTrustedKey) -> Result<TrustedKey> {
    let o = key.office.clone().unwrap_or_default();
    let text = |s: String| Some(s).filter(|s| !s.is_empty());
    let id: i64 = conn.query_row(
        "INSERT INTO trusted_keys (uuid, fingerprint, public_key, office_code, name_vi, name_en,
             city, country, email, local_name, trusted_at, trusted_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) RETURNING id",
        params![
            uuid::Uuid::now_v7().to_string(),
            key.fingerprint,
            key.public_key,
            text(o.code),
            text(o.name_vi),
            text(o.name_en),
            o.city,
            o.country,
            o.email,
            key.local_name,
            now_text(),
            key.trusted_by
        ],
        |r| r.get::<_, i64>(0),
    )?;
    key_by_id(conn, id)
}

/// Records what a signed bundle or card says of a trusted key: the public key (learnt on first
/// sight when trusted by fingerprint) and the office's current profile.
fn learn_key(conn: &Db, id: i64, public_key: &str, office: &OfficeProfile) -> Result<()> {
    conn.execute(
        "UPDATE trusted_keys SET public_key = ?2, office_code = ?3, name_vi = ?4, name_en = ?5,
             city = ?6, country = ?7, email = ?8 WHERE id = ?1",
        params![
            id,
            public_key,
            office.code,
            office.name_vi,
            office.name_en,
            office.city,
            office.country,
            office.email
        ],
    )?;
    Ok(())
}

impl Store {
    /// The office row, if a profile was saved.
    pub fn office(&self) -> Result<Option<OfficeRow>> {
        Ok(self
            .conn
            .query_row(
                "SELECT name_vi, name_en, code, city, country, email, public_key, fingerprint,
                     key_created_at FROM office WHERE id = 1",
                (),
                |r| {
                    Ok(OfficeRow {
                        profile: OfficeProfile {
                            name_vi: r.get(0)?,
                            name_en: r.get(1)?,
                            code: r.get(2)?,
                            city: r.get(3)?,
                            country: r.get(4)?,
                            email: r.get(5)?,
                        },
                        public_key: r.get(6)?,
                        fingerprint: r.get(7)?,
                        key_created_at: r.get(8)?,
                    })
                },
            )
            .optional()?)
    }

    /// Saves the (checked) profile, keeping the key.
    pub fn save_office_profile(&mut self, p: &OfficeProfile) -> Result<()> {
        self.conn.execute(
            "INSERT INTO office (id, name_vi, name_en, code, city, country, email, updated_at)
             VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT(id) DO UPDATE SET name_vi = excluded.name_vi, name_en = excluded.name_en,
                 code = excluded.code, city = excluded.city, country = excluded.country,
                 email = excluded.email, updated_at = excluded.updated_at",
            params![
                p.name_vi,
                p.name_en,
                p.code,
                p.city,
                p.country,
                p.email,
                now_text()
            ],
        )?;
        Ok(())
    }

    /// Records the office's public key, once: a key already recorded is never replaced.
    pub fn record_office_key(&mut self, public_key: &str, fingerprint: &str) -> Result<()> {
        self.conn.execute(
            "UPDATE office SET public_key = ?1, fingerprint = ?2, key_created_at = ?3
             WHERE id = 1 AND public_key IS NULL",
            params![public_key, fingerprint, now_text()],
        )?;
        Ok(())
    }

    /// Every trusted key, revoked ones too, oldest first.
    pub fn trusted_keys(&self) -> Result<Vec<TrustedKey>> {
        keys_where(&self.conn, "?1", &1)
    }

    /// The trusted-list row of a fingerprint (32 lower-case hex).
    pub fn trusted_key(&self, fingerprint: &str) -> Result<Option<TrustedKey>> {
        Ok(keys_where(&self.conn, "k.fingerprint = ?1", &fingerprint)?.pop())
    }

    /// A trusted-list row by id.
    pub fn trusted_key_by_id(&self, id: i64) -> Result<TrustedKey> {
        key_by_id(&self.conn, id)
    }

    /// The non-revoked keys trusted for an office code.
    pub fn live_keys_of_office(&self, code: &str) -> Result<Vec<TrustedKey>> {
        keys_where(
            &self.conn,
            "k.office_code = ?1 AND k.revoked_at IS NULL",
            &code,
        )
    }

    /// Puts a key on the trusted list.
    pub fn insert_trusted_key(&mut self, key: &NewTrustedKey) -> Result<TrustedKey> {
        let tx = self.conn.transaction()?;
        let out = insert_key(&tx, key)?;
        tx.commit()?;
        Ok(out)
    }

    /// Records the public key and profile a card or bundle shows for a trusted key.
    pub fn learn_trusted_key(
        &mut self,
        id: i64,
        public_key: &str,
        office: &OfficeProfile,
    ) -> Result<TrustedKey> {
        learn_key(&self.conn, id, public_key, office)?;
        key_by_id(&self.conn, id)
    }

    /// Sets (or with None, clears) the local name of a trusted office.
    pub fn rename_trusted_key(&mut self, id: i64, name: Option<&str>) -> Result<TrustedKey> {
        let n = self.conn.execute(
            "UPDATE trusted_keys SET local_name = ?2 WHERE id = ?1",
            params![id, name],
        )?;
        if n == 0 {
            return Err(not_found("key_id", id));
        }
        key_by_id(&self.conn, id)
    }

    /// Revokes a key (once: revoking again keeps the first instant).
    pub fn revoke_trusted_key(&mut self, id: i64, by: &str) -> Result<TrustedKey> {
        key_by_id(&self.conn, id)?;
        self.conn.execute(
            "UPDATE trusted_keys SET revoked_at = ?2, revoked_by = ?3
             WHERE id = ?1 AND revoked_at IS NULL",
            params![id, now_text(), by],
        )?;
        key_by_id(&self.conn, id)
    }

    /// The Outbox, newest first.
    pub fn sent_bundles(&self) -> Result<Vec<SentBundle>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, uuid, brief_id, brief_uuid, brief_version, title, path, bytes, sha256,
                 personal_data, sent_to, created_at FROM sent_bundles ORDER BY created_at DESC, id DESC",
        )?;
        let rows = stmt.query_map((), |r| {
            Ok(SentBundle {
                id: r.get(0)?,
                uuid: r.get(1)?,
                brief_id: r.get(2)?,
                brief_uuid: r.get(3)?,
                brief_version: r.get(4)?,
                title: r.get(5)?,
                path: r.get(6)?,
                bytes: r.get(7)?,
                sha256: r.get(8)?,
                personal_data: r.get(9)?,
                sent_to: r.get(10)?,
                created_at: r.get(11)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Tx<'_> {
    /// Puts a key on the trusted list, inside the transaction.
    pub fn insert_trusted_key(&mut self, key: &NewTrustedKey) -> Result<TrustedKey> {
        insert_key(self.conn(), key)
    }

    /// Records the public key and profile a bundle shows for a trusted key.
    pub fn learn_trusted_key(
        &mut self,
        id: i64,
        public_key: &str,
        office: &OfficeProfile,
    ) -> Result<()> {
        learn_key(self.conn(), id, public_key, office)
    }

    /// Records a bundle in the Outbox; returns its id.
    pub fn insert_sent_bundle(&mut self, b: &NewSentBundle) -> Result<i64> {
        let id: i64 = self.conn().query_row(
            "INSERT INTO sent_bundles (uuid, brief_id, brief_uuid, brief_version, title, path,
                 bytes, sha256, personal_data, sent_to, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) RETURNING id",
            params![
                b.uuid,
                b.brief_id,
                b.brief_uuid,
                b.brief_version,
                b.title,
                b.path,
                b.bytes,
                b.sha256,
                b.personal_data,
                b.sent_to,
                now_text()
            ],
            |r| r.get::<_, i64>(0),
        )?;
        Ok(id)
    }
}
