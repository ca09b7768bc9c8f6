//! The search index (FTS5 over folded text) kept in step with every write, and its queries.

use super::db::{Backend, Db};
use super::shape::{Column, Shape};
use super::Store;
use crate::domain::EntityKind;
use crate::error::Result;
use crate::search::{
    self, SearchGroup, SearchHit, SearchParent, SearchResults, INDEX_VERSION, KINDS,
};
use rusqlite::{params, OptionalExtension};
use serde_json::Value;

const VERSION_KEY: &str = "search_index_version";
/// Settings keys `search_index_pending:<import id>`: set in an import's transaction, cleared
/// with its records' last index step; a store opened with one set rebuilds its index.
const PENDING_PREFIX: &str = "search_index_pending:";
/// The SQL condition that holds for every pending key, on either backend (GLOB and LIKE differ
/// between them; a prefix compared whole does not: `_` stays literal, case counts).
pub(crate) const IS_PENDING_KEY: &str = "substr(key, 1, 21) = 'search_index_pending:'";

/// A record an import wrote, with what it puts in the index.
#[derive(Debug)]
pub(crate) struct ToIndex {
    pub(crate) kind: EntityKind,
    pub(crate) id: i64,
    pub(crate) uuid: String,
    pub(crate) document: search::Document,
}

/// The records an import wrote and left to index, in order. The import commits them with its
/// pending key; `Store::index_step` then indexes a chunk per transaction and clears the key
/// with the last one. Until then every search and every write of this store first indexes what
/// is left (`Store::settle`), so nothing in this process reads an index that lacks a committed
/// record, and no write of it is overtaken by an older document. Another process sees the
/// records unindexed until the steps end (about 2 s for 100,000 contacts), or, if this process
/// ends first, until a store is opened again and, finding the key, rebuilds the index. A record
/// another process changed or deleted meanwhile (its uuid or `updated_at` no longer the
/// import's) is skipped: that process's write indexed or unindexed it.
#[derive(Debug, Default)]
pub(crate) struct Pending {
    pub(crate) import_id: i64,
    /// The import's instant: its records' `created_at` and `updated_at`.
    pub(crate) at: String,
    pub(crate) documents: Vec<ToIndex>,
    /// How many of `documents` are indexed.
    pub(crate) done: usize,
}

/// Records indexed per `index_step` (about 0.1 s of work here).
pub(crate) const INDEX_STEP: usize = 5000;

fn pending_key(import_id: i64) -> String {
    format!("{PENDING_PREFIX}{import_id}")
}

/// Marks import `import_id` as leaving its records to index (in the import's transaction).
pub(crate) fn mark_pending(conn: &Db, import_id: i64) -> Result<()> {
    conn.execute(
        "INSERT INTO settings(key, value) VALUES (?1, '1')
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [pending_key(import_id)],
    )?;
    Ok(())
}

/// Forgets every import's pending key (the index was rebuilt, or emptied with the records).
pub(crate) fn clear_pending(conn: &Db) -> Result<()> {
    conn.execute(&format!("DELETE FROM settings WHERE {IS_PENDING_KEY}"), ())?;
    Ok(())
}

/// Indexes `pending.documents[range]` (replacing any entry of the same record: another
/// process may have rebuilt the index meanwhile), skipping records changed or deleted since
/// the import, with segment merging paused; with the last chunk, also clears the import's key.
/// Inside the caller's transaction.
pub(crate) fn index_pending(
    conn: &Db,
    pending: &Pending,
    range: std::ops::Range<usize>,
) -> Result<()> {
    let last = range.end == pending.documents.len();
    pause_merges(conn, true)?;
    let mut unindex = conn.prepare_cached("DELETE FROM search_index WHERE rowid = ?1")?;
    // The check's SQL names the record's table: made again only when the kind changes.
    let mut check: Option<(EntityKind, String)> = None;
    for r in &pending.documents[range] {
        if check.as_ref().is_none_or(|(kind, _)| *kind != r.kind) {
            let sql = format!(
                "SELECT uuid = ?2 AND updated_at = ?3 FROM {} WHERE id = ?1",
                r.kind.table()
            );
            check = Some((r.kind, sql));
        }
        let sql = &check.as_ref().expect("set above").1;
        let unchanged: Option<bool> = conn
            .prepare_cached(sql)?
            .query_row(params![r.id, r.uuid, pending.at], |row| row.get(0))
            .optional()?;
        if unchanged == Some(true) {
            unindex.execute([search::rowid(r.kind, r.id)])?;
            index_document(conn, r.kind, r.id, &r.document)?;
        }
    }
    pause_merges(conn, false)?;
    if last {
        conn.execute(
            "DELETE FROM settings WHERE key = ?1",
            [pending_key(pending.import_id)],
        )?;
    }
    Ok(())
}

/// How many matches per kind are ranked (in index order; the best `per_kind` are shown).
pub const RANK_WINDOW: i64 = 100;
/// Totals are counted up to this many (more shows as "COUNT_CAP+").
pub const COUNT_CAP: i64 = 1000;

fn searched(kind: EntityKind) -> bool {
    KINDS.contains(&kind)
}

/// Puts record `id` of `kind` (as read back after a write) in the index, replacing its entry.
pub(crate) fn index(conn: &Db, kind: EntityKind, id: i64, v: &Value) -> Result<()> {
    reindex(conn, kind, id, v, true)
}

/// Indexes a record just created (its rowid cannot be in the index: deletes unindex).
pub(crate) fn index_new(conn: &Db, kind: EntityKind, id: i64, v: &Value) -> Result<()> {
    reindex(conn, kind, id, v, false)
}

fn reindex(conn: &Db, kind: EntityKind, id: i64, v: &Value, replace: bool) -> Result<()> {
    if !searched(kind) {
        return Ok(());
    }
    let rowid = search::rowid(kind, id);
    if replace {
        conn.prepare_cached("DELETE FROM search_index WHERE rowid = ?1")?
            .execute([rowid])?;
    }
    if let Some(d) = search::document(kind, v) {
        index_document(conn, kind, id, &d)?;
    }
    Ok(())
}

/// Adds the index document `d` of record `id` of `kind` (not yet in the index).
pub(crate) fn index_document(
    conn: &Db,
    kind: EntityKind,
    id: i64,
    d: &search::Document,
) -> Result<()> {
    match conn.backend() {
        Backend::Sqlite => conn
            .prepare_cached(
                "INSERT INTO search_index (rowid, title, body, label, detail)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![
                search::rowid(kind, id),
                d.title,
                d.body,
                d.label,
                d.detail
            ])?,
        // PostgreSQL has no FTS5: the document's words, space-separated and framed by spaces,
        // are matched by a text-search index of their lexemes, word by word as FTS5 would.
        Backend::Postgres => conn
            .prepare_cached(
                "INSERT INTO search_index (rowid, title, body, label, detail, words)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                search::rowid(kind, id),
                d.title,
                d.body,
                d.label,
                d.detail,
                framed_words(&d.title, &d.body)
            ])?,
    };
    Ok(())
}

/// Documents for PostgreSQL's index, written ROWS at a time by one multi-row INSERT: a rebuild
/// of 300,000 documents one statement each took 16 s of a 22 s `team push`.
#[derive(Default)]
struct DocumentBatch {
    args: Vec<rusqlite::types::Value>,
}

impl DocumentBatch {
    const ROWS: usize = 500;
    const COLUMNS: usize = 6;

    fn add(&mut self, conn: &Db, kind: EntityKind, id: i64, v: &Value) -> Result<()> {
        use rusqlite::types::Value as V;
        let Some(d) = searched(kind).then(|| search::document(kind, v)).flatten() else {
            return Ok(());
        };
        let words = framed_words(&d.title, &d.body);
        self.args.extend([
            V::Integer(search::rowid(kind, id)),
            V::Text(d.title),
            V::Text(d.body),
            V::Text(d.label),
            V::Text(d.detail),
            V::Text(words),
        ]);
        if self.args.len() == Self::ROWS * Self::COLUMNS {
            self.flush(conn)?;
        }
        Ok(())
    }

    fn flush(&mut self, conn: &Db) -> Result<()> {
        if self.args.is_empty() {
            return Ok(());
        }
        let rows: Vec<String> = (0..self.args.len() / Self::COLUMNS)
            .map(|r| {
                let n = r * Self::COLUMNS;
                format!(
                    "(?{}, ?{}, ?{}, ?{}, ?{}, ?{})",
                    n + 1,
                    n + 2,
                    n + 3,
                    n + 4,
                    n + 5,
                    n + 6
                )
            })
            .collect();
        let sql = format!(
            "INSERT INTO search_index (rowid, title, body, label, detail, words) VALUES {}",
            rows.join(", ")
        );
        conn.prepare_cached(&sql)?
            .execute(std::mem::take(&mut self.args))?;
        Ok(())
    }
}

/// Takes record `id` of `kind` out of the index.
pub(crate) fn unindex(conn: &Db, kind: EntityKind, id: i64) -> Result<()> {
    if searched(kind) {
        conn.prepare_cached("DELETE FROM search_index WHERE rowid = ?1")?
            .execute([search::rowid(kind, id)])?;
    }
    Ok(())
}

/// Rebuilds the whole index (inside the caller's transaction).
pub(crate) fn rebuild(conn: &Db) -> Result<()> {
    conn.execute("DELETE FROM search_index", ())?;
    for kind in KINDS {
        let shape = super::shape::Shape::get(kind);
        let mut stmt = conn.prepare(shape.select_on(conn))?;
        let rows = stmt.query_map((), |r| shape.row_to_value(r))?;
        let mut batch = DocumentBatch::default();
        for v in rows {
            let v = v?;
            let id = v["id"].as_i64().unwrap_or_default();
            match conn.backend() {
                // The index was emptied above: nothing to take out first.
                Backend::Sqlite => index_new(conn, kind, id, &v)?,
                Backend::Postgres => batch.add(conn, kind, id, &v)?,
            }
        }
        batch.flush(conn)?;
    }
    conn.execute(
        "INSERT INTO settings(key, value) VALUES (?1, ?2)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        params![VERSION_KEY, INDEX_VERSION.to_string()],
    )?;
    clear_pending(conn)?;
    optimize(conn)
}

/// Merges the index into one segment. A bulk write leaves it in many (FTS5 flushes its pending
/// terms every megabyte and merges lazily), and every query then reads each of them: on the
/// 900,000-record scale store a rebuilt index answered at p95 23-27 ms before this and 7 ms
/// after (the merge itself took 4.7 s there).
pub(crate) fn optimize(conn: &Db) -> Result<()> {
    if conn.backend() == Backend::Postgres {
        return Ok(());
    }
    conn.execute(
        "INSERT INTO search_index(search_index) VALUES ('optimize')",
        (),
    )?;
    Ok(())
}

/// How many segments may gather on one level of the index while an import's records are
/// indexed before FTS5 merges them there and then (its `crisismerge`; 16 otherwise). Indexing
/// 100,000 contacts flushes about 70 segments, and merging them as they came took about a
/// quarter of the indexing. The largest file accepted (50 MB) flushes a few hundred at most,
/// and FTS5 refuses more than 2,000 in all. What is left is merged later by `merge_step`.
const BULK_CRISIS_MERGE: i64 = 256;

/// Pages of merge work done per `merge_step` (4 KiB pages; about 60 ms on the 2-core VM the
/// benchmarks ran on).
const MERGE_STEP_PAGES: i64 = 500;

/// FTS5's merging of index segments while an import's records are indexed. Paused: no merge
/// as each pending-terms flush goes (`automerge`, 4 by default), and none until
/// `BULK_CRISIS_MERGE` segments gather on a level. Resumed: FTS5's defaults again, so that
/// even if nobody runs `merge_step` the next write merges what was left. Inside the caller's
/// transaction, so a failed step leaves the settings as they were. Merging changes no answer,
/// only how many segments a query reads.
pub(crate) fn pause_merges(conn: &Db, paused: bool) -> Result<()> {
    if conn.backend() == Backend::Postgres {
        return Ok(());
    }
    let mut set =
        conn.prepare_cached("INSERT INTO search_index(search_index, rank) VALUES (?1, ?2)")?;
    set.execute(params!["automerge", if paused { 0 } else { 4 }])?;
    set.execute(params![
        "crisismerge",
        if paused { BULK_CRISIS_MERGE } else { 16 }
    ])?;
    Ok(())
}

/// Merges index segments for up to `MERGE_STEP_PAGES` pages, in its own transaction, wherever
/// at least 4 gather on one level (FTS5's `usermerge`); `false` when there was nothing to merge.
pub(crate) fn merge_step(conn: &Db) -> Result<bool> {
    let Some(conn) = conn.sqlite() else {
        return Ok(false);
    };
    let before = conn.total_changes();
    conn.execute(
        "INSERT INTO search_index(search_index, rank) VALUES ('merge', ?1)",
        [MERGE_STEP_PAGES],
    )?;
    // FTS5 writes at least its structure record and one page when it merged anything.
    Ok(conn.total_changes() - before >= 2)
}

/// Rebuilds the index when it was built by other folding rules (or never), or when an import
/// left records unindexed (its process ended first), in one transaction.
pub(crate) fn ensure(conn: &Db) -> Result<()> {
    let setting = |key: &str| -> Result<Option<String>> {
        Ok(conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    };
    let built = setting(VERSION_KEY)?;
    let pending: bool = conn.query_row(
        &format!("SELECT EXISTS (SELECT 1 FROM settings WHERE {IS_PENDING_KEY})"),
        (),
        |r| r.get(0),
    )?;
    if built.as_deref() == Some(INDEX_VERSION.to_string().as_str()) && !pending {
        return Ok(());
    }
    let tx = conn.transaction()?;
    rebuild(&tx)?;
    tx.commit()?;
    Ok(())
}

/// The record whose page shows hit `id` of `kind` (see `SearchHit::parent`), as its kind
/// declares (`Entity::SHOWN_UNDER`).
fn parent(conn: &Db, kind: EntityKind, id: i64) -> Result<Option<SearchParent>> {
    let fields = kind.shown_under();
    if fields.is_empty() {
        return Ok(None);
    }
    let shape = Shape::get(kind);
    let (columns, kinds): (Vec<String>, Vec<EntityKind>) = fields
        .iter()
        .map(|field| match shape.column(field) {
            Some(Column::Link(l)) => (
                format!(
                    "(SELECT {} FROM {} WHERE {} = t.id ORDER BY position LIMIT 1)",
                    l.target_column, l.table, l.owner_column
                ),
                l.target,
            ),
            _ => (
                format!("t.{field}"),
                kind.reference(field).expect("a reference"),
            ),
        })
        .unzip();
    let sql = format!(
        "SELECT {} FROM {} t WHERE t.id = ?1",
        columns.join(", "),
        kind.table()
    );
    let ids: Option<Vec<Option<i64>>> = conn
        .prepare_cached(&sql)?
        .query_row([id], |r| (0..kinds.len()).map(|i| r.get(i)).collect())
        .optional()?;
    Ok(ids.and_then(|ids| {
        kinds
            .into_iter()
            .zip(ids)
            .find_map(|(kind, id)| id.map(|id| SearchParent { kind, id }))
    }))
}

/// A search document's words for PostgreSQL's matching: " w1 w2 … " (the title's and the
/// body's, already folded), whose lexemes its text-search index holds (`dialect::LEXEMES_MATCH`).
fn framed_words(title: &str, body: &str) -> String {
    let mut out = String::from(" ");
    for w in [title, body]
        .into_iter()
        .flat_map(|t| t.split(|c: char| !crate::text::is_word_char(c)))
        .filter(|w| !w.is_empty())
    {
        out.push_str(w);
        out.push(' ');
    }
    out
}

/// The words of an FTS5 query as `search` builds them (`"w"` or `"w"*`): each word and
/// whether it is matched as a prefix.
fn query_terms(q: &str) -> Vec<(&str, bool)> {
    q.split(' ')
        .filter_map(|t| {
            let prefix = t.ends_with('*');
            let w = t.trim_end_matches('*').trim_matches('"');
            (!w.is_empty()).then_some((w, prefix))
        })
        .collect()
}

/// The statement that finds the index entries with rowids `lo..=hi` (one kind's) matching the query
/// that `matches_args` gives it (at most `limit`: their rowid, label, detail and title, or with
/// `count` how many).
fn matches<'a>(conn: &'a Db, (lo, hi): (i64, i64), count: bool) -> Result<super::db::Stmt<'a>> {
    let select = match conn.backend() {
        // FTS5's MATCH takes the query as ?1; the LIMIT then needs its own number.
        Backend::Sqlite => "SELECT rowid, label, detail, title FROM search_index
             WHERE search_index MATCH ?1 AND rowid BETWEEN ?2 AND ?3 LIMIT ?4"
            .to_owned(),
        // The kind's range written out, so that PostgreSQL reads that kind's own partition of
        // the index, with its own statistics (migration pg/0006). The window comes with the
        // total up to ?3 (COUNT_CAP): its index gives every match at once (a bitmap), which a
        // second statement counting them would build again.
        Backend::Postgres if !count => format!(
            "SELECT rowid, label, detail, title, count(*) OVER () FROM (
                 SELECT rowid, label, detail, title FROM search_index
                 WHERE {} AND rowid BETWEEN {lo} AND {hi} LIMIT ?3) AS m
             LIMIT ?1",
            super::dialect::LEXEMES_MATCH.replace("?N", "?2")
        ),
        Backend::Postgres => format!(
            "SELECT rowid, label, detail, title FROM search_index
             WHERE {} AND rowid BETWEEN {lo} AND {hi} LIMIT ?1",
            super::dialect::LEXEMES_MATCH.replace("?N", "?2")
        ),
    };
    let sql = if count {
        format!(
            "SELECT count(*) FROM ({})",
            select.replacen("rowid, label, detail, title", "1", 1)
        )
    } else {
        select
    };
    // PostgreSQL wants a subquery in FROM named.
    let sql = match conn.backend() {
        Backend::Postgres if count => sql + " AS m",
        _ => sql,
    };
    Ok(conn.prepare_for_arguments(&sql)?)
}

/// The arguments of `matches`' statement.
fn matches_args(
    conn: &Db,
    q: &str,
    (lo, hi): (i64, i64),
    limit: i64,
    count: bool,
) -> Vec<rusqlite::types::Value> {
    use rusqlite::types::Value as V;
    match conn.backend() {
        Backend::Sqlite => vec![
            V::Text(q.to_owned()),
            V::Integer(lo),
            V::Integer(hi),
            V::Integer(limit),
        ],
        // The range is in the statement's text (see `matches`).
        Backend::Postgres => {
            let mut args = vec![
                V::Integer(limit),
                V::Text(super::dialect::lexeme_query(&[query_terms(q)])),
            ];
            if !count {
                args.push(V::Integer(COUNT_CAP));
            }
            args
        }
    }
}

impl Store {
    /// Searches organisations, contacts, leads, delegations, itinerary items, interactions and
    /// opportunities for what the user typed (accents, case and đ ignored; the last word a
    /// prefix, or every word when that finds nothing).
    /// At most `per_kind` hits per kind, best first.
    pub fn search(&self, input: &str, per_kind: u32) -> Result<SearchResults> {
        self.settle()?;
        let typing = search::fts_query_typing(input);
        let groups = match &typing {
            Some(q) => self.search_groups(q, input, per_kind)?,
            None => Vec::new(),
        };
        let lenient = search::fts_query(input);
        let groups = match lenient {
            Some(q) if groups.is_empty() && Some(&q) != typing.as_ref() => {
                self.search_groups(&q, input, per_kind)?
            }
            _ => groups,
        };
        Ok(SearchResults {
            query: input.to_owned(),
            groups,
        })
    }

    fn search_groups(&self, q: &str, input: &str, per_kind: u32) -> Result<Vec<SearchGroup>> {
        let mut groups = Vec::new();
        {
            let conn = self.conn();
            // FTS5's bm25() looks up every phrase's document frequency over the whole index on
            // each query, which costs tens of milliseconds for common words ("nguyen", "van").
            // Instead each kind reads at most RANK_WINDOW matches (index order) and ranks them
            // here by how its title matches the words typed; totals are counted up to COUNT_CAP.
            let words = search::query_words(input);
            for kind in KINDS {
                let lo = search::rowid(kind, 0);
                let hi = search::rowid(kind, (1 << 40) - 1);
                // The total up to COUNT_CAP, where the window's statement gives it.
                let mut counted: Option<i64> = None;
                let mut window = matches(conn, (lo, hi), false)?
                    .query_map(matches_args(conn, q, (lo, hi), RANK_WINDOW, false), |r| {
                        let rowid: i64 = r.get(0)?;
                        let title: String = r.get(3)?;
                        if conn.backend() == Backend::Postgres {
                            counted = Some(r.get(4)?);
                        }
                        Ok((
                            search::title_score(&words, &title),
                            SearchHit {
                                kind,
                                id: search::from_rowid(rowid)
                                    .map(|(_, id)| id)
                                    .unwrap_or_default(),
                                label: r.get(1)?,
                                detail: r.get(2)?,
                                parent: None,
                            },
                        ))
                    })?
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                if window.is_empty() {
                    continue;
                }
                let seen = window.len() as i64;
                window.sort_by(|(sa, a), (sb, b)| {
                    sb.cmp(sa)
                        .then_with(|| a.label.chars().count().cmp(&b.label.chars().count()))
                        .then_with(|| a.id.cmp(&b.id))
                });
                let hits: Vec<SearchHit> = window
                    .into_iter()
                    .take(per_kind as usize)
                    .map(|(_, mut h)| {
                        h.parent = parent(conn, kind, h.id)?;
                        Ok(h)
                    })
                    .collect::<Result<_>>()?;
                let total = match counted {
                    _ if seen < RANK_WINDOW => seen,
                    Some(total) => total,
                    None => matches(conn, (lo, hi), true)?
                        .query_row(matches_args(conn, q, (lo, hi), COUNT_CAP, true), |r| {
                            r.get(0)
                        })?,
                };
                groups.push(SearchGroup {
                    kind,
                    hits,
                    total,
                    more: total >= COUNT_CAP,
                });
            }
        }
        Ok(groups)
    }

    /// Rebuilds the search index from the records (one transaction).
    pub fn rebuild_search_index(&mut self) -> Result<()> {
        self.transaction(|tx| rebuild(tx.conn()))
    }

    /// Merges the search index into one segment (after bulk writes; see `optimize`).
    pub fn optimize_search_index(&mut self) -> Result<()> {
        self.transaction(|tx| optimize(tx.conn()))
    }

    /// The raw FTS5 query, for benchmarks: the same MATCH, best 10 of all kinds.
    pub fn raw_fts(&self, fts_query: &str) -> Result<Vec<i64>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT rowid FROM search_index WHERE search_index MATCH ?1 ORDER BY rank LIMIT 10",
        )?;
        let rows = stmt.query_map([fts_query], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<Vec<i64>>>()?)
    }
}
