//! The store's sectors: those an officer added (table `sectors`) beside the app's own, the check
//! that a record holds only known tags, and the migration step that turned the free-text values
//! of older versions into tags.

use super::db::Db;
use super::records::now_text;
use super::Store;
use crate::domain::EntityKind;
use crate::error::{invalid, Result};
use crate::labels::{known_sector_of, tag_of_name, Bilingual, Sector, SectorBook};
use crate::validate::Validator;
use rusqlite::{params, OptionalExtension};
use serde_json::Value;

/// The sectors added in this store, in the order they were added.
fn added(conn: &Db) -> Result<Vec<Sector>> {
    let mut stmt = conn.prepare_cached(
        "SELECT tag, name_vi, name_en, from_free_text FROM sectors ORDER BY created_at, tag",
    )?;
    let rows = stmt.query_map((), |r| {
        Ok(Sector {
            tag: r.get(0)?,
            name: Bilingual::new(r.get::<_, String>(1)?, r.get::<_, String>(2)?),
            added: true,
            from_free_text: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every sector records of this store may hold.
pub(super) fn book(conn: &Db) -> Result<SectorBook> {
    Ok(SectorBook::with_added(added(conn)?))
}

/// Adds to `v` an `unknown_sector` error for each tag in `record`'s sector fields that the
/// store does not know.
pub(super) fn check_tags(
    conn: &Db,
    kind: EntityKind,
    record: &Value,
    v: &mut Validator,
) -> Result<()> {
    let fields = kind.sector_fields();
    if fields.is_empty() {
        return Ok(());
    }
    let mut book = None;
    for field in fields {
        let tags: Vec<(String, &str)> = match &record[*field] {
            Value::Array(items) => items
                .iter()
                .enumerate()
                .filter_map(|(i, t)| Some((format!("{field}[{i}]"), t.as_str()?)))
                .collect(),
            Value::String(t) => vec![((*field).to_owned(), t.as_str())],
            _ => Vec::new(),
        };
        for (name, tag) in tags {
            let book = match &mut book {
                Some(b) => b,
                None => book.insert(self::book(conn)?),
            };
            if !book.knows(tag) {
                v.errors.push(crate::validate::FieldError::new(
                    &name,
                    "unknown_sector",
                    format!("Lĩnh vực «{tag}» không có trong danh sách: chọn trong danh sách, hoặc thêm lĩnh vực mới trong Cài đặt"),
                    format!("The sector \"{tag}\" is not in the list: pick one from the list, or add a new sector in Settings"),
                ));
            }
        }
    }
    Ok(())
}

impl Store {
    /// Every sector records may hold: the app's own, then those added in this store.
    pub fn sectors(&self) -> Result<SectorBook> {
        book(&self.conn)
    }

    /// Adds a sector with its names; its tag is made from the English name (or the Vietnamese
    /// one). Refused when the names are empty or name a sector the store already has.
    pub fn add_sector(&mut self, name_vi: &str, name_en: &str) -> Result<Sector> {
        add_sector(&self.conn, name_vi, name_en)
    }
}

impl super::Tx<'_> {
    /// `Store::add_sector` inside the transaction.
    pub fn add_sector(&mut self, name_vi: &str, name_en: &str) -> Result<Sector> {
        add_sector(self.conn(), name_vi, name_en)
    }
}

fn add_sector(conn: &Db, name_vi: &str, name_en: &str) -> Result<Sector> {
    let (vi, en) = (
        crate::text::nfc(name_vi.trim()),
        crate::text::nfc(name_en.trim()),
    );
    let mut v = Validator::default();
    v.required("name_vi", &vi);
    v.required("name_en", &en);
    if !v.errors.is_empty() {
        return Err(crate::CoreError::Invalid(v.errors));
    }
    let tag = tag_of_name(if en.is_empty() { &vi } else { &en });
    let book = book(conn)?;
    let taken = book.sectors.iter().find(|s| {
        s.tag == tag
            || tag_of_name(&s.name.vi) == tag_of_name(&vi)
            || tag_of_name(&s.name.en) == tag_of_name(&en)
    });
    if let Some(s) = taken {
        return Err(invalid(
            "name_en",
            "sector_exists",
            format!("Đã có lĩnh vực này: {}", s.name.vi),
            format!("This sector is already in the list: {}", s.name.en),
        ));
    }
    conn.execute(
        "INSERT INTO sectors (tag, name_vi, name_en, from_free_text, created_at) VALUES (?1, ?2, ?3, 0, ?4)",
        params![tag, vi, en, now_text()],
    )?;
    Ok(Sector {
        tag,
        name: Bilingual::new(vi, en),
        added: true,
        from_free_text: false,
    })
}

/// Migration 10's step: every sector value of every record becomes a tag. A value that names
/// one of the app's sectors (its tag, an alias, its Vietnamese or English name, accents and case
/// ignored) becomes that tag; any other is kept as an added sector marked `from_free_text`
/// (named as it was typed), for the officer to review in Settings. Repeats are dropped.
pub(super) fn map_free_text(conn: &Db) -> Result<()> {
    for kind in EntityKind::ALL {
        for field in kind.sector_fields() {
            map_column(conn, kind.table(), field)?;
        }
    }
    Ok(())
}

fn map_column(conn: &Db, table: &str, field: &str) -> Result<()> {
    let rows: Vec<(i64, Option<String>)> = conn
        .prepare(&format!("SELECT id, \"{field}\" FROM {table}"))?
        .query_map((), |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (id, stored) in rows {
        let Some(stored) = stored else { continue };
        let (values, is_list) = match serde_json::from_str::<Value>(&stored) {
            Ok(Value::Array(items)) => (
                items
                    .into_iter()
                    .filter_map(|t| t.as_str().map(str::to_owned))
                    .collect::<Vec<_>>(),
                true,
            ),
            _ => (vec![stored.clone()], false),
        };
        let mut tags: Vec<String> = Vec::new();
        for value in values.iter().filter(|t| !t.trim().is_empty()) {
            let tag = match known_sector_of(value) {
                Some(tag) => tag.to_owned(),
                None => keep_as_added(conn, value)?,
            };
            if !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        let new = if is_list {
            serde_json::to_string(&tags).expect("tags serialise")
        } else {
            tags.into_iter().next().unwrap_or_default()
        };
        if new != stored {
            conn.execute(
                &format!("UPDATE {table} SET \"{field}\" = ?1 WHERE id = ?2"),
                params![new, id],
            )?;
        }
    }
    Ok(())
}

/// The tag of a free-text value no sector of the app matches, added (once) as a sector.
fn keep_as_added(conn: &Db, value: &str) -> Result<String> {
    let tag = tag_of_name(value);
    let known: Option<String> = conn
        .query_row("SELECT tag FROM sectors WHERE tag = ?1", [&tag], |r| {
            r.get(0)
        })
        .optional()?;
    if known.is_none() {
        let name = crate::text::nfc(value.trim());
        conn.execute(
            "INSERT INTO sectors (tag, name_vi, name_en, from_free_text, created_at) VALUES (?1, ?2, ?2, 1, ?3)",
            params![tag, name, now_text()],
        )?;
    }
    Ok(tag)
}
