//! Received bundles (the Inbox, each brief's versions kept as its history) and the
//! opportunities adopted from them, with their provenance.

use super::db::{Db, Row};
use super::records::now_text;
use super::{Store, Tx};
use crate::error::Result;
use crate::exchange::views::ReceivedBrief;
use rusqlite::{params, OptionalExtension};

/// A verified bundle to record.
#[derive(Debug, Clone)]
pub struct NewReceived {
    pub uuid: String,
    pub key_id: i64,
    pub fingerprint: String,
    pub office_code: String,
    pub office_name_vi: String,
    pub office_name_en: String,
    pub brief_uuid: String,
    pub brief_version: i64,
    pub title: String,
    /// `vi`, `en` or `bi`.
    pub language: String,
    pub sent_at: String,
    pub personal_data: bool,
    pub bundle_sha256: String,
    pub pdf_sha256: String,
    pub manifest: String,
    pub content: String,
}

/// A received version of one brief, for the idempotence and rollback rules.
#[derive(Debug, Clone)]
pub struct ReceivedVersion {
    pub id: i64,
    pub version: i64,
    pub bundle_sha256: String,
    pub manifest: String,
}

/// A received brief with what was kept of its bundle.
#[derive(Debug, Clone)]
pub struct ReceivedRow {
    pub brief: ReceivedBrief,
    pub pdf_sha256: String,
    pub manifest: String,
    pub content: String,
}

/// An adopted opportunity's provenance.
#[derive(Debug, Clone)]
pub struct AdoptedRow {
    pub opportunity_id: i64,
    pub source_fingerprint: String,
    pub source_office_code: String,
    pub source_uuid: String,
    pub received_id: i64,
    pub source_version: i64,
    /// The data as adopted (JSON).
    pub adopted: String,
}

const COLUMNS: &str = "r.id, r.uuid, r.key_id, r.fingerprint, r.office_code, r.office_name_vi,
    r.office_name_en, k.local_name, r.brief_uuid, r.brief_version, r.title, r.language,
    r.sent_at, r.received_at, r.personal_data, r.bundle_sha256, k.revoked_at IS NULL,
    r.superseded_by, r.pdf_sha256, r.manifest, r.content";

fn row(r: &Row<'_>) -> rusqlite::Result<ReceivedRow> {
    let fingerprint: String = r.get(3)?;
    let language: String = r.get(11)?;
    Ok(ReceivedRow {
        brief: ReceivedBrief {
            id: r.get(0)?,
            uuid: r.get(1)?,
            key_id: r.get(2)?,
            fingerprint_grouped: crate::exchange::grouped(&fingerprint),
            fingerprint,
            office_code: r.get(4)?,
            office_name_vi: r.get(5)?,
            office_name_en: r.get(6)?,
            local_name: r.get(7)?,
            brief_uuid: r.get(8)?,
            brief_version: r.get(9)?,
            title: r.get(10)?,
            language: serde_json::from_value(language.into()).unwrap_or_default(),
            sent_at: r.get(12)?,
            received_at: r.get(13)?,
            personal_data: r.get(14)?,
            bundle_sha256: r.get(15)?,
            verified: r.get(16)?,
            superseded_by: r.get(17)?,
        },
        pdf_sha256: r.get(18)?,
        manifest: r.get(19)?,
        content: r.get(20)?,
    })
}

fn received_where(conn: &Db, clause: &str, args: impl super::db::Args) -> Result<Vec<ReceivedRow>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM received_bundles r JOIN trusted_keys k ON k.id = r.key_id
         WHERE {clause} ORDER BY r.received_at DESC, r.id DESC"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(args, row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn adopted_row(r: &Row<'_>) -> rusqlite::Result<AdoptedRow> {
    Ok(AdoptedRow {
        opportunity_id: r.get(0)?,
        source_fingerprint: r.get(1)?,
        source_office_code: r.get(2)?,
        source_uuid: r.get(3)?,
        received_id: r.get(4)?,
        source_version: r.get(5)?,
        adopted: r.get(6)?,
    })
}

impl Store {
    /// The versions of one brief received under one key, newest first.
    pub fn received_versions(
        &self,
        fingerprint: &str,
        brief_uuid: &str,
    ) -> Result<Vec<ReceivedVersion>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, brief_version, bundle_sha256, manifest FROM received_bundles
             WHERE fingerprint = ?1 AND brief_uuid = ?2 ORDER BY brief_version DESC",
        )?;
        let rows = stmt.query_map([fingerprint, brief_uuid], |r| {
            Ok(ReceivedVersion {
                id: r.get(0)?,
                version: r.get(1)?,
                bundle_sha256: r.get(2)?,
                manifest: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The Inbox: the current version of every received brief, newest first.
    pub fn inbox(&self) -> Result<Vec<ReceivedBrief>> {
        Ok(received_where(&self.conn, "r.superseded_by IS NULL", ())?
            .into_iter()
            .map(|r| r.brief)
            .collect())
    }

    /// One received bundle.
    pub fn received(&self, id: i64) -> Result<ReceivedRow> {
        received_where(&self.conn, "r.id = ?1", [id])?
            .pop()
            .ok_or_else(|| {
                crate::error::invalid(
                    "received_id",
                    "not_found",
                    format!("Không có bản tin nhận được mã {id}"),
                    format!("No received brief {id}"),
                )
            })
    }

    /// Every version of one brief received under one key, newest first.
    pub fn received_history(
        &self,
        fingerprint: &str,
        brief_uuid: &str,
    ) -> Result<Vec<ReceivedBrief>> {
        Ok(received_where(
            &self.conn,
            "r.fingerprint = ?1 AND r.brief_uuid = ?2",
            [fingerprint, brief_uuid],
        )?
        .into_iter()
        .map(|r| r.brief)
        .collect())
    }

    /// The provenance of the local record adopted from `source_uuid` of the office with this key.
    pub fn adopted_from(&self, fingerprint: &str, source_uuid: &str) -> Result<Option<AdoptedRow>> {
        Ok(self
            .conn
            .query_row(
                "SELECT opportunity_id, source_fingerprint, source_office_code, source_uuid,
                     received_id, source_version, adopted FROM adopted_opportunities
                 WHERE source_fingerprint = ?1 AND source_uuid = ?2",
                [fingerprint, source_uuid],
                adopted_row,
            )
            .optional()?)
    }

    /// The provenance of a local opportunity, if it was adopted.
    pub fn adopted_as(&self, opportunity_id: i64) -> Result<Option<AdoptedRow>> {
        Ok(self
            .conn
            .query_row(
                "SELECT opportunity_id, source_fingerprint, source_office_code, source_uuid,
                     received_id, source_version, adopted FROM adopted_opportunities
                 WHERE opportunity_id = ?1",
                [opportunity_id],
                adopted_row,
            )
            .optional()?)
    }
}

impl Tx<'_> {
    /// Records a verified bundle; returns its id.
    pub fn insert_received(&mut self, b: &NewReceived) -> Result<i64> {
        let id: i64 = self.conn().query_row(
          "INSERT INTO received_bundles (uuid, key_id, fingerprint, office_code, office_name_vi,
                 office_name_en, brief_uuid, brief_version, title, language, sent_at, received_at,
                 personal_data, bundle_sha256, pdf_sha256, manifest, content)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17) RETURNING id",
            params![
                b.uuid,
                b.key_id,
                b.fingerprint,
                b.office_code,
                b.office_name_vi,
                b.office_name_en,
                b.brief_uuid,
                b.brief_version,
                b.title,
                b.language,
                b.sent_at,
                now_text(),
                b.personal_data,
                b.bundle_sha256,
                b.pdf_sha256,
                b.manifest,
                b.content
            ],
        |r| r.get::<_, i64>(0),
        )?;
        Ok(id)
    }

    /// Marks the earlier current version(s) of the brief as replaced by `by`.
    pub fn supersede_received(
        &mut self,
        fingerprint: &str,
        brief_uuid: &str,
        by: i64,
    ) -> Result<()> {
        self.conn().execute(
            "UPDATE received_bundles SET superseded_by = ?3
             WHERE fingerprint = ?1 AND brief_uuid = ?2 AND id <> ?3 AND superseded_by IS NULL",
            params![fingerprint, brief_uuid, by],
        )?;
        Ok(())
    }

    /// Records (or moves on to a newer version) an adopted opportunity's provenance.
    pub fn record_adopted(&mut self, a: &AdoptedRow) -> Result<()> {
        self.conn().execute(
            "INSERT INTO adopted_opportunities (opportunity_id, source_fingerprint,
                 source_office_code, source_uuid, received_id, source_version, adopted)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT(opportunity_id) DO UPDATE SET received_id = excluded.received_id,
                 source_version = excluded.source_version, adopted = excluded.adopted,
                 source_office_code = excluded.source_office_code",
            params![
                a.opportunity_id,
                a.source_fingerprint,
                a.source_office_code,
                a.source_uuid,
                a.received_id,
                a.source_version,
                a.adopted
            ],
        )?;
        Ok(())
    }
}
