//! The SQLite store: one file, opened with WAL and foreign keys, migrated at open.
//! All SQL of the application lives under this module.

mod abilities;
pub mod audit;
pub(crate) mod backup;
mod bulk;
mod cascade;
mod checks;
mod concurrency;
mod dashboard;
pub(crate) mod db;
mod dialect;
pub(crate) mod doctor;
mod exchange;
pub(crate) mod exchange_files;
mod images;
mod imports;
#[cfg(test)]
mod kind_rules;
mod linked;
mod migrate;
mod old_store;
pub(crate) mod people;
#[cfg(feature = "postgres")]
pub(crate) mod pg;
#[cfg(feature = "postgres")]
mod pg_conn;
#[cfg(feature = "postgres")]
pub mod pg_schema;
#[cfg(feature = "postgres")]
mod pg_tls;
#[cfg(feature = "postgres")]
mod pg_watchdog;
mod pipeline;
mod plan;
mod query;
mod read_only;
mod received;
mod records;
mod revisions;
mod search;
mod sectors;
pub(crate) use search::ToIndex;
mod shape;
#[cfg(feature = "postgres")]
pub mod team_copy;

pub(crate) use bulk::{Bulk, Prepared};
pub(crate) use checks::check_received;
pub use dashboard::{Dashboard, FollowUp, StageTotal, UpcomingDelegation};
pub use db::Backend;
pub use doctor::{plain_integrity_check, PlainCheck};
pub use exchange::{NewSentBundle, NewTrustedKey, OfficeRow, TrustedKey};
pub use images::OpportunityImage;
pub use imports::ImportBatch;
pub(crate) use imports::{
    contact_uuids, created_by, import_batch, organization_in_use, organization_names,
};
pub use linked::{LinkReason, Linked, LinkedBrief, LinkedDelegation, LinkedMeeting, LINKED_LIMIT};
pub use migrate::{migrate_to, LATEST_VERSION, MIGRATIONS};
pub use old_store::{write_old_store, OLDEST_WRITABLE};
#[cfg(feature = "postgres")]
pub(crate) use pg::failure as pg_failure;
#[cfg(feature = "postgres")]
pub(crate) use pg::gave_up as pg_gave_up;
#[cfg(feature = "postgres")]
pub use pg::{CONNECT_TIMEOUT, STATEMENT_TIMEOUT};
pub use pipeline::{
    LeadTotal, PipelineFilter, PipelineSector, PipelineStage, PipelineTotals, FOLLOW_UP_DAYS,
};
pub use plan::{CounsellorLoad, LoadDelegation, LoadMeeting};
pub use query::{Filter, FilterOp, ListQuery, Page};
pub use read_only::ReadOnlyReason;
pub use received::{AdoptedRow, NewReceived, ReceivedRow, ReceivedVersion};
pub(crate) use records::now_text;
pub use records::{Meta, Record};

use crate::domain::EntityKind;
use crate::error::{CoreError, Result};
use db::Db;
use rusqlite::{Connection, OptionalExtension};
use std::path::{Path, PathBuf};

/// How long a write waits for another connection's write (the app's, a `planner` command's, an
/// idle backup's bookkeeping) before it gives up with `store_busy`. Every transaction of ours is
/// IMMEDIATE (`Store::set_pragmas`): it takes the write lock at BEGIN, before reading anything,
/// so BEGIN is the one place a write can meet another, and SQLite's busy handler retries it
/// there for up to this long. After BEGIN nothing can be busy in WAL mode (a commit does not
/// wait for readers, and a checkpoint or `VACUUM INTO` on another connection takes no write
/// lock), so no transaction body needs a retry of its own.
pub const BUSY_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

/// SQLite's default: a commit copies the WAL into the database once it passes 1,000 pages.
const WAL_AUTOCHECKPOINT: i64 = 1000;

/// Our files carry this SQLite application_id ("DPLN") so that we never migrate a stranger's file.
pub const APPLICATION_ID: i32 = 0x4450_4C4E;

/// What every connection to a store file needs, the app's own and a backup's alike:
/// - `vi_sort_key(text)`, `text::vi_sort_key` as an SQL function: migration 14 fills the sort
///   keys of stored rows with it, the doctor compares and repairs them, and a list sorted by a
///   text field without a stored key orders by it. No schema object names it.
/// - the `vi` collation, only for stores older than schema 14, whose name indexes still use it
///   until migration 14 drops them: without it their migration (9 rebuilds the contacts table),
///   the backup taken before it (`VACUUM INTO`) and the doctor's `integrity_check` of such a
///   file fail. A store at version 14 or later names no collation of ours.
/// - secure deletion, so that what a write deletes or replaces is zeroed in its page rather
///   than left for `strings` to find (FAST: only where it costs no extra I/O; an erase purges
///   the rest, see `purge_freed`).
pub(crate) fn prepare_connection(conn: &Connection) -> Result<()> {
    // From the first statement: opening reads the schema, which a writer may be changing.
    conn.busy_timeout(BUSY_WAIT)?;
    use rusqlite::functions::FunctionFlags;
    conn.create_scalar_function(
        "vi_sort_key",
        1,
        FunctionFlags::SQLITE_UTF8
            | FunctionFlags::SQLITE_DETERMINISTIC
            | FunctionFlags::SQLITE_INNOCUOUS,
        |ctx| {
            use rusqlite::types::{Value, ValueRef};
            Ok(match ctx.get_raw(0) {
                ValueRef::Text(t) => {
                    Value::Blob(crate::text::vi_sort_key(&String::from_utf8_lossy(t)))
                }
                // Numbers and blobs keep SQLite's order (before and after text), NULL stays.
                other => Value::from(other),
            })
        },
    )?;
    conn.create_collation("vi", crate::text::vi_cmp)?;
    conn.pragma_update(None, "secure_delete", "FAST")?;
    Ok(())
}

/// Whether a store location is a team store's URL rather than a file.
pub fn is_team_url(location: &str) -> bool {
    location.starts_with("postgres://") || location.starts_with("postgresql://")
}

/// An open store. Methods that write take `&mut self`; each is one transaction.
pub struct Store {
    conn: Db,
    path: Option<PathBuf>,
    /// What the last import left to index (see `search::Pending`).
    pending: std::cell::RefCell<search::Pending>,
    /// `PRAGMA data_version` at the last `changes_elsewhere` (see `concurrency.rs`).
    seen_version: std::cell::Cell<Option<i64>>,
    /// Why the store was opened read-only, if it was (`read_only.rs`).
    read_only: Option<ReadOnlyReason>,
}

impl Store {
    /// Opens the store at `path`, refusing (`NoStore`) when there is no file: every use but
    /// those whose job is to make a store, so that a mistyped path never looks like an empty one.
    pub fn open_existing(path: &Path) -> Result<Store> {
        if !path.is_file() {
            return Err(CoreError::NoStore(path.to_owned()));
        }
        Store::open(path)
    }

    /// Opens (making it and its folder when there is none) the store at `path` and brings its
    /// schema up to date; an existing store that cannot be written here opens read-only
    /// (`read_only`), unmigrated.
    pub fn open(path: &Path) -> Result<Store> {
        if path.is_file() {
            if let Some(reason) = read_only::reason(path) {
                return Store::open_read_only(path, reason);
            }
        }
        match Store::open_writable(path) {
            Err(e) if path.is_file() && read_only::refused(&e) => {
                Store::open_read_only(path, ReadOnlyReason::Refused)
            }
            opened => opened,
        }
    }

    fn open_writable(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let conn = Connection::open(path)?;
        // SQLite opens a file it may not write read-only, without a word.
        if conn.is_readonly(rusqlite::MAIN_DB)? {
            return Err(CoreError::ReadOnlyStore);
        }
        // A store of ours with records, about to be migrated, is copied first as it is.
        prepare_connection(&conn)?;
        crate::backup::before_migration(&conn, path)?;
        let mut store = Store {
            conn: Db::Sqlite(conn),
            path: Some(path.to_owned()),
            pending: Default::default(),
            seen_version: Default::default(),
            read_only: None,
        };
        store.configure(true)?;
        Ok(store)
    }

    /// The store at `path`, read-only: its schema must be this build's (a newer one is refused
    /// as ever; an older one too, since upgrading it would write), and nothing is rebuilt.
    fn open_read_only(path: &Path, reason: ReadOnlyReason) -> Result<Store> {
        let conn = read_only::open(path, reason)?;
        prepare_connection(&conn)?;
        let found = migrate::check_header(&conn)?;
        if found < LATEST_VERSION {
            return Err(CoreError::ReadOnlyOldSchema {
                found,
                known: LATEST_VERSION,
            });
        }
        let mut store = Store {
            conn: Db::Sqlite(conn),
            path: Some(path.to_owned()),
            pending: Default::default(),
            seen_version: Default::default(),
            read_only: Some(reason),
        };
        store.set_pragmas(false)?;
        Ok(store)
    }

    /// Why the store is open read-only, if it is: every write is then refused with
    /// `store_read_only`.
    pub fn read_only(&self) -> Option<ReadOnlyReason> {
        self.read_only
    }

    /// `store_read_only` when the store is read-only: for the writes that start with files
    /// rather than SQL (a backup), so that they are refused before anything is written.
    pub(crate) fn ensure_writable(&self) -> Result<()> {
        match self.read_only {
            Some(_) => Err(CoreError::ReadOnlyStore),
            None => Ok(()),
        }
    }

    /// The store at `path` for a job that runs beside the app's own connection (the idle
    /// backups): neither migrated nor its search index rebuilt, since the app's connection has
    /// done the one and may be finishing an import's indexing in steps (a rebuild here would
    /// redo it all in one long transaction).
    pub(crate) fn open_beside(path: &Path) -> Result<Store> {
        if !path.is_file() {
            return Err(CoreError::NoStore(path.to_owned()));
        }
        if let Some(reason) = read_only::reason(path) {
            return Store::open_read_only(path, reason);
        }
        let conn = Connection::open(path)?;
        prepare_connection(&conn)?;
        let read_only = conn
            .is_readonly(rusqlite::MAIN_DB)?
            .then_some(ReadOnlyReason::Refused);
        let mut store = Store {
            conn: Db::Sqlite(conn),
            path: Some(path.to_owned()),
            pending: Default::default(),
            seen_version: Default::default(),
            read_only,
        };
        store.set_pragmas(true)?;
        Ok(store)
    }

    /// Opens the team store at a `postgres://` URL, creating or migrating its schema (the
    /// `pg_schema` migrations, under a lock, so several apps may open it at once).
    #[cfg(feature = "postgres")]
    pub fn open_url(url: &str) -> Result<Store> {
        let pg = pg::PgConn::connect(url)?;
        pg_schema::migrate(&mut *pg.client()?)?;
        // Before anything is read, so that no change made after it goes unheard.
        pg.listen(concurrency::CHANGES_CHANNEL)?;
        let store = Store {
            conn: Db::Pg(Box::new(pg)),
            path: None,
            pending: Default::default(),
            seen_version: Default::default(),
            read_only: None,
        };
        match search::ensure(&store.conn) {
            // A read-only officer may not rebuild the index (an import left marks another
            // officer's app is still indexing): they search what is indexed so far.
            Err(CoreError::NotPermitted(_)) => {}
            ensured => ensured?,
        }
        Ok(store)
    }

    /// Opens the store a location names: a `postgres://` (or `postgresql://`) URL is a team
    /// store, anything else a file (`open`).
    pub fn open_location(location: &str) -> Result<Store> {
        if is_team_url(location) {
            #[cfg(feature = "postgres")]
            return Store::open_url(location);
            #[cfg(not(feature = "postgres"))]
            return Err(CoreError::NotOnTeamStore {
                vi: "kết nối kho dữ liệu chung (bản dựng này không có)",
                en: "team store connection (this build has none)",
            });
        }
        Store::open(Path::new(location))
    }

    /// A private in-memory store, for tests and dry runs.
    pub fn open_in_memory() -> Result<Store> {
        let mut store = Store {
            conn: Db::Sqlite(Connection::open_in_memory()?),
            path: None,
            pending: Default::default(),
            seen_version: Default::default(),
            read_only: None,
        };
        store.configure(false)?;
        Ok(store)
    }

    fn configure(&mut self, wal: bool) -> Result<()> {
        self.set_pragmas(wal)?;
        migrate::migrate_db(&mut self.conn, LATEST_VERSION)?;
        search::ensure(&self.conn)?;
        Ok(())
    }

    fn set_pragmas(&mut self, wal: bool) -> Result<()> {
        // Irrefutable in a build without the team store.
        #[allow(irrefutable_let_patterns)]
        let Db::Sqlite(conn) = &mut self.conn
        else {
            return Ok(());
        };
        conn.busy_timeout(BUSY_WAIT)?;
        // Every transaction on the store's connection (`conn.transaction()` anywhere under
        // `store/`, migrations included) takes the write lock at BEGIN: a DEFERRED one that
        // reads and then writes fails at once (SQLITE_BUSY_SNAPSHOT, which no busy handler
        // waits for) when another connection committed since its read.
        conn.set_transaction_behavior(rusqlite::TransactionBehavior::Immediate);
        if wal {
            conn.pragma_update(None, "journal_mode", "WAL")?;
        }
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "wal_autocheckpoint", WAL_AUTOCHECKPOINT)?;
        // 64 MiB of page cache: a 100,000-row import is one transaction, and a small cache
        // spills its dirty pages to the WAL halfway through.
        conn.pragma_update(None, "cache_size", -65536)?;
        // Statements built per kind and per filter outnumber rusqlite's default 16.
        conn.set_prepared_statement_cache_capacity(128);
        // The mark for `changes_elsewhere` is taken now, not at its first call: the window may
        // read before the first look, and a commit from elsewhere in between would go unseen.
        self.mark_changes_elsewhere()?;
        Ok(())
    }

    /// The file this store lives in (None for in-memory stores).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Where this store is, as shown to people: the file's path, the team store's URL without
    /// its password, or ":memory:".
    pub fn location(&self) -> String {
        match (&self.path, self.conn.team_url()) {
            (Some(p), _) => p.display().to_string(),
            (None, Some(url)) => url,
            (None, None) => ":memory:".into(),
        }
    }

    /// The schema version of the open store.
    pub fn schema_version(&self) -> Result<u32> {
        match &self.conn {
            Db::Sqlite(conn) => Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?),
            #[cfg(feature = "postgres")]
            Db::Pg(pg) => pg_schema::version(&mut *pg.client()?),
        }
    }

    /// The engine the store runs on.
    pub fn backend(&self) -> Backend {
        self.conn.backend()
    }

    /// A setting's value, if set.
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Sets a setting.
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        self.set_settings(&[(key, value)])
    }

    /// Sets several settings in one transaction.
    pub fn set_settings(&mut self, pairs: &[(&str, &str)]) -> Result<()> {
        let tx = self.conn.transaction()?;
        for (key, value) in pairs {
            tx.execute(
                "INSERT INTO settings(key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Refreshes a team store's planner statistics after a bulk load (its owner only: for anyone
    /// else PostgreSQL skips the tables with a warning, and the server's autovacuum does it within
    /// a minute). A store file keeps none: SQLite plans by its indexes alone, and this store
    /// never runs SQLite's ANALYZE, whose statistics would change plans the tests pin.
    pub fn analyze(&self) -> Result<()> {
        match self.conn.backend() {
            Backend::Sqlite => Ok(()),
            Backend::Postgres => Ok(self.conn.execute_batch("ANALYZE")?),
        }
    }

    /// How many records of `kind` there are.
    pub fn count(&self, kind: EntityKind) -> Result<i64> {
        let sql = dialect::record_count(self.conn.backend(), kind.table());
        Ok(self.conn.query_row(&sql, (), |r| r.get(0))?)
    }

    /// True when no entity table holds a record.
    pub fn is_empty(&self) -> Result<bool> {
        for kind in EntityKind::ALL {
            if self.count(kind)? > 0 {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Deletes every record and the audit log, in one transaction (used by `demo --reset`),
    /// after a backup of what it deletes.
    pub fn wipe(&mut self) -> Result<()> {
        crate::backup::before(self)?;
        let tx = self.conn.transaction()?;
        for kind in EntityKind::ALL.iter().rev() {
            tx.execute(&format!("DELETE FROM {}", kind.table()), ())?;
        }
        // The Inbox and Outbox go with the records; the office, its key and the offices it
        // trusts stay (they are this installation's identity, not its data).
        tx.execute_batch(
            "DELETE FROM adopted_opportunities; DELETE FROM received_bundles;
             DELETE FROM sent_bundles; DELETE FROM audit_log; DELETE FROM search_index;",
        )?;
        search::clear_pending(&tx)?;
        tx.execute("DELETE FROM settings WHERE key = 'demo_seeded_at'", ())?;
        tx.commit()?;
        // Nothing is left to index: the records went with the index.
        *self.pending.borrow_mut() = search::Pending::default();
        Ok(())
    }

    /// Runs `f` inside one transaction: everything it writes lands, or nothing does.
    pub fn transaction<T>(&mut self, f: impl FnOnce(&mut Tx<'_>) -> Result<T>) -> Result<T> {
        self.settle()?;
        // IMMEDIATE: the write lock is taken before anything is read, so a write that reads a
        // record's revision and then writes it waits (busy_timeout) for another connection's
        // write instead of failing on a stale snapshot: the later of two racing updates sees
        // the first one's revision and is refused with `changed_elsewhere`.
        let tx = self.conn.transaction()?;
        let mut wrapped = Tx { tx };
        let out = f(&mut wrapped)?;
        wrapped.tx.commit()?;
        Ok(out)
    }

    /// One step of the work an import leaves, in its own transaction: indexing its records
    /// (`index_step`), then merging the search index's segments (a few tens of milliseconds of
    /// work a step), and once none is left to merge, copying the WAL into the database file.
    /// Returns whether there is more to do. The app runs the steps in the background, letting
    /// other commands in between; the CLI before it exits.
    pub fn tidy_step(&mut self) -> Result<bool> {
        if self.index_step()? || search::merge_step(&self.conn)? {
            return Ok(true);
        }
        if let Some(conn) = self.conn.sqlite() {
            conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))?;
        }
        Ok(false)
    }

    /// Indexes the next `search::INDEX_STEP` records the last import left to index, in one
    /// transaction; `false` when none was left. Searches and writes do the rest first
    /// (`settle`), so no reader ever sees the index without them.
    pub fn index_step(&self) -> Result<bool> {
        let mut pending = self.pending.borrow_mut();
        let left = pending.documents.len() - pending.done;
        if left == 0 {
            if !pending.documents.is_empty() {
                *pending = search::Pending::default();
            }
            return Ok(false);
        }
        let end = pending.done + left.min(search::INDEX_STEP);
        let tx = self.conn.transaction()?;
        search::index_pending(&tx, &pending, pending.done..end)?;
        tx.commit()?;
        pending.done = end;
        Ok(true)
    }

    /// Indexes everything the last import left to index.
    pub(crate) fn settle(&self) -> Result<()> {
        while self.index_step()? {}
        Ok(())
    }

    /// Leaves the records import `import_id` (at instant `at`) just committed, with its
    /// pending key, to `index_step`.
    pub(crate) fn leave_to_index(&self, import_id: i64, at: String, documents: Vec<ToIndex>) {
        let mut pending = self.pending.borrow_mut();
        debug_assert_eq!(
            pending.done,
            pending.documents.len(),
            "settled before writing"
        );
        *pending = search::Pending {
            import_id,
            at,
            documents,
            done: 0,
        };
    }

    /// Read access for the query modules.
    pub(crate) fn conn(&self) -> &Db {
        &self.conn
    }
}

/// An open transaction; the record operations are available on it as on the store.
pub struct Tx<'a> {
    tx: db::DbTx<'a>,
}

impl Tx<'_> {
    pub(crate) fn conn(&self) -> &Db {
        &self.tx
    }
}
