//! Pictures of opportunities, kept in the store.

use super::audit;
use super::db::{Db, Row};
use super::records::now_text;
use super::Store;
use crate::domain::EntityKind;
use crate::error::{invalid, CoreError, Result};
use crate::images::prepare;
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A stored picture of an opportunity (without its bytes).
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct OpportunityImage {
    pub id: i64,
    pub uuid: String,
    pub opportunity_id: i64,
    pub position: i64,
    pub caption: Option<String>,
    pub mime: String,
    pub width: i64,
    pub height: i64,
    pub sha256: String,
    pub created_at: String,
}

const COLUMNS: &str =
    "id, uuid, opportunity_id, position, caption, mime, width, height, sha256, created_at";

fn row(r: &Row<'_>) -> rusqlite::Result<OpportunityImage> {
    Ok(OpportunityImage {
        id: r.get(0)?,
        uuid: r.get(1)?,
        opportunity_id: r.get(2)?,
        position: r.get(3)?,
        caption: r.get(4)?,
        mime: r.get(5)?,
        width: r.get(6)?,
        height: r.get(7)?,
        sha256: r.get(8)?,
        created_at: r.get(9)?,
    })
}

impl Store {
    /// Checks, resizes and stores a picture of an opportunity, with an audit row.
    pub fn add_opportunity_image(
        &mut self,
        opportunity_id: i64,
        file: &[u8],
        caption: Option<&str>,
    ) -> Result<OpportunityImage> {
        let opportunity = self.get_json(EntityKind::Opportunities, opportunity_id)?;
        let caption = caption
            .map(crate::text::nfc)
            .filter(|c| !c.trim().is_empty());
        if caption
            .as_deref()
            .is_some_and(|c| c.chars().count() > crate::validate::MAX_LINE)
        {
            return Err(invalid(
                "caption",
                "too_long",
                "Chú thích quá dài",
                "The caption is too long",
            ));
        }
        let img = prepare(file)?;
        let tx = self.conn.transaction()?;
        let uuid = opportunity["uuid"].as_str().unwrap_or_default().to_owned();
        let stored = insert_image(&tx, opportunity_id, &uuid, &img, caption.as_deref())?;
        tx.commit()?;
        Ok(stored)
    }

    /// The pictures of an opportunity, in order.
    pub fn opportunity_images(&self, opportunity_id: i64) -> Result<Vec<OpportunityImage>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM opportunity_images WHERE opportunity_id = ?1 ORDER BY position"
        ))?;
        let rows = stmt.query_map([opportunity_id], row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A picture's MIME type and bytes.
    pub fn opportunity_image_bytes(&self, image_id: i64) -> Result<(String, Vec<u8>)> {
        self.conn
            .query_row(
                "SELECT mime, bytes FROM opportunity_images WHERE id = ?1",
                [image_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or_else(|| {
                invalid(
                    "image_id",
                    "not_found",
                    format!("Không có ảnh {image_id}"),
                    format!("No picture {image_id}"),
                )
            })
    }

    /// Removes a picture, with an audit row on its opportunity.
    pub fn remove_opportunity_image(&mut self, image_id: i64) -> Result<()> {
        let tx = self.conn.transaction()?;
        let (opportunity_id, sha): (i64, String) = tx
            .query_row(
                "SELECT opportunity_id, sha256 FROM opportunity_images WHERE id = ?1",
                [image_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or(CoreError::NotFound {
                kind: EntityKind::Opportunities,
                id: image_id,
            })?;
        tx.execute("DELETE FROM opportunity_images WHERE id = ?1", [image_id])?;
        let uuid: String = tx.query_row(
            "SELECT uuid FROM opportunities WHERE id = ?1",
            [opportunity_id],
            |r| r.get(0),
        )?;
        let change =
            serde_json::json!({"images": {"before": {"removed": image_id, "sha256": sha}}});
        audit::record(
            &tx,
            EntityKind::Opportunities,
            opportunity_id,
            &uuid,
            "update",
            &change,
        )?;
        tx.commit()?;
        Ok(())
    }
}

impl super::Tx<'_> {
    /// Stores a picture already checked and re-encoded (`images::prepare`) on opportunity
    /// `opportunity_id` (whose uuid is `uuid`), with an audit row, inside the transaction.
    pub fn add_prepared_image(
        &mut self,
        opportunity_id: i64,
        uuid: &str,
        img: &crate::images::Prepared,
        caption: Option<&str>,
    ) -> Result<OpportunityImage> {
        insert_image(self.conn(), opportunity_id, uuid, img, caption)
    }
}

fn insert_image(
    tx: &Db,
    opportunity_id: i64,
    uuid: &str,
    img: &crate::images::Prepared,
    caption: Option<&str>,
) -> Result<OpportunityImage> {
    let sha = crate::briefs::sha256_hex(&img.bytes);
    let position: i64 = tx.query_row(
        "SELECT coalesce(max(position), -1) + 1 FROM opportunity_images WHERE opportunity_id = ?1",
        [opportunity_id],
        |r| r.get(0),
    )?;
    let id: i64 = tx.query_row(
        "INSERT INTO opportunity_images (uuid, created_at, opportunity_id, position, caption, mime, width, height, sha256, bytes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING id",
        rusqlite::params![uuid::Uuid::new_v4().to_string(), now_text(), opportunity_id, position, caption,
            img.mime, img.width, img.height, sha, img.bytes],
    |r| r.get::<_, i64>(0),
    )?;
    let change =
        serde_json::json!({"images": {"after": {"added": id, "sha256": sha, "caption": caption}}});
    audit::record(
        tx,
        EntityKind::Opportunities,
        opportunity_id,
        uuid,
        "update",
        &change,
    )?;
    Ok(tx.query_row(
        &format!("SELECT {COLUMNS} FROM opportunity_images WHERE id = ?1"),
        [id],
        row,
    )?)
}
