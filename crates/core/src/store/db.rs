//! The one connection type the store's SQL runs on: a SQLite file (`rusqlite`) or a team store on
//! PostgreSQL (`postgres`, behind the `postgres` feature).
//!
//! The store's SQL is written once, with `?1`-style placeholders (rewritten to `$1` for
//! PostgreSQL, outside string literals) and rusqlite's value types on both sides: parameters are
//! anything `rusqlite::ToSql`, columns are read with `rusqlite::types::FromSql`, and a PostgreSQL
//! row is converted to SQLite's five storage classes first (`pg.rs`). So a query module does not
//! know which engine it runs on, except where the dialects truly differ (full-text search,
//! PRAGMAs), where it asks `Db::backend`.
//!
//! Errors are `rusqlite::Error` on both backends, so `?`, `.optional()` and the sorting of
//! failures in `CoreError::from` work unchanged: a PostgreSQL failure travels boxed inside one
//! (`PgFailure`) and is sorted out there.

#[cfg(feature = "postgres")]
use rusqlite::types::Value;
use rusqlite::types::{FromSql, ToSql};
use rusqlite::{Connection, Error};

pub(crate) type SqlResult<T> = std::result::Result<T, Error>;

/// Which engine a store runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Backend {
    /// One SQLite file on this computer.
    Sqlite,
    /// A team store on a PostgreSQL server.
    Postgres,
}

/// An open connection to a store.
pub(crate) enum Db {
    Sqlite(Connection),
    #[cfg(feature = "postgres")]
    // Boxed: a SQLite connection is small and the common case.
    Pg(Box<super::pg::PgConn>),
}

/// The parameters of one statement: `()`, `[a, b]`, `params![a, b]`, a `Vec` or a slice.
pub(crate) trait Args {
    fn args(&self) -> Vec<&dyn ToSql>;
}

impl Args for () {
    fn args(&self) -> Vec<&dyn ToSql> {
        Vec::new()
    }
}

impl<T: ToSql> Args for &[T] {
    fn args(&self) -> Vec<&dyn ToSql> {
        self.iter().map(|v| v as &dyn ToSql).collect()
    }
}

impl<T: ToSql, const N: usize> Args for [T; N] {
    fn args(&self) -> Vec<&dyn ToSql> {
        self.iter().map(|v| v as &dyn ToSql).collect()
    }
}

impl<T: ToSql, const N: usize> Args for &[T; N] {
    fn args(&self) -> Vec<&dyn ToSql> {
        self.iter().map(|v| v as &dyn ToSql).collect()
    }
}

impl<T: ToSql> Args for Vec<T> {
    fn args(&self) -> Vec<&dyn ToSql> {
        self.iter().map(|v| v as &dyn ToSql).collect()
    }
}

impl<T: ToSql> Args for &Vec<T> {
    fn args(&self) -> Vec<&dyn ToSql> {
        self.iter().map(|v| v as &dyn ToSql).collect()
    }
}

macro_rules! tuple_args {
    ($($name:ident),+) => {
        impl<$($name: ToSql),+> Args for ($($name,)+) {
            #[allow(non_snake_case)]
            fn args(&self) -> Vec<&dyn ToSql> {
                let ($($name,)+) = self;
                vec![$($name as &dyn ToSql),+]
            }
        }
    };
}
tuple_args!(A);
tuple_args!(A, B);
tuple_args!(A, B, C);
tuple_args!(A, B, C, D);
tuple_args!(A, B, C, D, E);
tuple_args!(A, B, C, D, E, F);

/// A column named by position or by name, on either backend.
pub(crate) trait ColumnIndex: rusqlite::RowIndex + Copy {
    #[cfg(feature = "postgres")]
    fn position(self, row: &postgres::Row) -> Option<usize>;
}

impl ColumnIndex for usize {
    #[cfg(feature = "postgres")]
    fn position(self, row: &postgres::Row) -> Option<usize> {
        (self < row.len()).then_some(self)
    }
}

impl ColumnIndex for &str {
    #[cfg(feature = "postgres")]
    fn position(self, row: &postgres::Row) -> Option<usize> {
        row.columns().iter().position(|c| c.name() == self)
    }
}

/// One row of a result, on either backend.
pub(crate) enum Row<'a> {
    Sqlite(&'a rusqlite::Row<'a>),
    #[cfg(feature = "postgres")]
    Pg(&'a postgres::Row),
}

impl Row<'_> {
    /// Column `i` as a `T`, converted as rusqlite converts SQLite's values.
    pub(crate) fn get<I: ColumnIndex, T: FromSql>(&self, i: I) -> SqlResult<T> {
        match self {
            Row::Sqlite(r) => r.get(i),
            #[cfg(feature = "postgres")]
            Row::Pg(r) => {
                let at = i.position(r).ok_or(Error::InvalidColumnIndex(usize::MAX))?;
                let value = super::pg::cell(r, at)?;
                T::column_result((&value).into()).map_err(|e| from_sql_error(at, &value, e))
            }
        }
    }

    /// Column `i` lent to `f` without a copy where the backend allows (SQLite).
    pub(crate) fn with_ref<T>(
        &self,
        i: usize,
        f: impl FnOnce(rusqlite::types::ValueRef<'_>) -> T,
    ) -> SqlResult<T> {
        match self {
            Row::Sqlite(r) => Ok(f(r.get_ref(i)?)),
            #[cfg(feature = "postgres")]
            Row::Pg(r) => Ok(f((&super::pg::cell(r, i)?).into())),
        }
    }
}

#[cfg(feature = "postgres")]
fn from_sql_error(at: usize, value: &Value, e: rusqlite::types::FromSqlError) -> Error {
    use rusqlite::types::FromSqlError as F;
    match e {
        F::InvalidType => Error::InvalidColumnType(at, String::new(), value.data_type()),
        other => Error::FromSqlConversionFailure(at, value.data_type(), Box::new(other)),
    }
}

/// Rows mapped by a closure, read as the caller iterates (SQLite) or all at once (PostgreSQL).
pub(crate) type MappedRows<'a, T> = Box<dyn Iterator<Item = SqlResult<T>> + 'a>;

/// A prepared statement on either backend.
pub(crate) enum Stmt<'a> {
    Sqlite(rusqlite::CachedStatement<'a>),
    SqliteOnce(rusqlite::Statement<'a>),
    #[cfg(feature = "postgres")]
    Pg(&'a super::pg::PgConn, postgres::Statement),
}

impl<'a> Stmt<'a> {
    fn sqlite(&mut self) -> Option<&mut rusqlite::Statement<'a>> {
        match self {
            Stmt::Sqlite(s) => Some(s),
            Stmt::SqliteOnce(s) => Some(s),
            #[cfg(feature = "postgres")]
            Stmt::Pg(..) => None,
        }
    }

    /// Runs the statement; how many rows it changed.
    pub(crate) fn execute(&mut self, args: impl Args) -> SqlResult<usize> {
        let args = args.args();
        match self.sqlite() {
            Some(s) => s.execute(&args[..]),
            #[cfg(feature = "postgres")]
            None => match self {
                Stmt::Pg(pg, st) => pg.execute(st, &args),
                _ => unreachable!(),
            },
            #[cfg(not(feature = "postgres"))]
            None => unreachable!(),
        }
    }

    /// The first row mapped by `f`; `QueryReturnedNoRows` when there is none.
    pub(crate) fn query_row<T>(
        &mut self,
        args: impl Args,
        f: impl FnOnce(&Row<'_>) -> SqlResult<T>,
    ) -> SqlResult<T> {
        let args = args.args();
        match self.sqlite() {
            Some(s) => s.query_row(&args[..], |r| f(&Row::Sqlite(r))),
            #[cfg(feature = "postgres")]
            None => match self {
                Stmt::Pg(pg, st) => {
                    let rows = pg.query(st, &args)?;
                    f(&Row::Pg(rows.first().ok_or(Error::QueryReturnedNoRows)?))
                }
                _ => unreachable!(),
            },
            #[cfg(not(feature = "postgres"))]
            None => unreachable!(),
        }
    }

    /// Every row mapped by `f`.
    pub(crate) fn query_map<'s, T: 's>(
        &'s mut self,
        args: impl Args,
        mut f: impl FnMut(&Row<'_>) -> SqlResult<T> + 's,
    ) -> SqlResult<MappedRows<'s, T>> {
        let args = args.args();
        match self {
            Stmt::Sqlite(s) => Ok(Box::new(
                s.query_map(&args[..], move |r| f(&Row::Sqlite(r)))?,
            )),
            Stmt::SqliteOnce(s) => Ok(Box::new(
                s.query_map(&args[..], move |r| f(&Row::Sqlite(r)))?,
            )),
            #[cfg(feature = "postgres")]
            Stmt::Pg(pg, st) => {
                let rows = pg.query(st, &args)?;
                let mapped: Vec<SqlResult<T>> = rows.iter().map(|r| f(&Row::Pg(r))).collect();
                Ok(Box::new(mapped.into_iter()))
            }
        }
    }
}

impl Db {
    /// The engine this connection talks to.
    pub(crate) fn backend(&self) -> Backend {
        match self {
            Db::Sqlite(_) => Backend::Sqlite,
            #[cfg(feature = "postgres")]
            Db::Pg(_) => Backend::Postgres,
        }
    }

    /// The team store's URL as shown to people (without its password); None for a file.
    pub(crate) fn team_url(&self) -> Option<String> {
        match self {
            Db::Sqlite(_) => None,
            #[cfg(feature = "postgres")]
            Db::Pg(pg) => Some(super::team_copy::without_password(pg.url())),
        }
    }

    /// The SQLite connection, for what only a file store has (PRAGMAs, backups, the doctor).
    pub(crate) fn sqlite(&self) -> Option<&Connection> {
        match self {
            Db::Sqlite(c) => Some(c),
            #[cfg(feature = "postgres")]
            Db::Pg(_) => None,
        }
    }

    /// The SQLite connection, or `not_on_team_store` naming what was asked (vi, en).
    pub(crate) fn file(
        &self,
        what: (&'static str, &'static str),
    ) -> crate::error::Result<&Connection> {
        self.sqlite()
            .ok_or(crate::error::CoreError::NotOnTeamStore {
                vi: what.0,
                en: what.1,
            })
    }

    /// A statement prepared once per connection and kept (for SQL run again and again).
    pub(crate) fn prepare_cached(&self, sql: &str) -> SqlResult<Stmt<'_>> {
        match self {
            Db::Sqlite(c) => Ok(Stmt::Sqlite(c.prepare_cached(sql)?)),
            #[cfg(feature = "postgres")]
            Db::Pg(pg) => Ok(Stmt::Pg(pg, pg.prepare(sql)?)),
        }
    }

    /// A statement for SQL built on the fly (not kept in SQLite's cache).
    pub(crate) fn prepare(&self, sql: &str) -> SqlResult<Stmt<'_>> {
        match self {
            Db::Sqlite(c) => Ok(Stmt::SqliteOnce(c.prepare(sql)?)),
            #[cfg(feature = "postgres")]
            Db::Pg(pg) => Ok(Stmt::Pg(pg, pg.prepare(sql)?)),
        }
    }

    /// A statement whose best plan depends on its arguments (a search's words: one common word
    /// wants the index read in order, a rare one the index of its matches): on PostgreSQL a
    /// statement of its own, planned for this run's arguments, where a kept one would be planned
    /// once for any arguments after its fifth run (30 ms for "dang" among 100,000
    /// organisations, 0.1 ms planned for it); SQLite's plans do not depend on them, so it is
    /// kept there.
    pub(crate) fn prepare_for_arguments(&self, sql: &str) -> SqlResult<Stmt<'_>> {
        match self {
            Db::Sqlite(_) => self.prepare_cached(sql),
            #[cfg(feature = "postgres")]
            Db::Pg(pg) => Ok(Stmt::Pg(pg, pg.prepare_once(sql)?)),
        }
    }

    /// Runs one statement; how many rows it changed.
    pub(crate) fn execute(&self, sql: &str, args: impl Args) -> SqlResult<usize> {
        self.prepare_cached(sql)?.execute(args)
    }

    /// The first row of a query mapped by `f`; `QueryReturnedNoRows` when there is none.
    pub(crate) fn query_row<T>(
        &self,
        sql: &str,
        args: impl Args,
        f: impl FnOnce(&Row<'_>) -> SqlResult<T>,
    ) -> SqlResult<T> {
        self.prepare_cached(sql)?.query_row(args, f)
    }

    /// Runs several statements without parameters (schema, BEGIN/COMMIT).
    pub(crate) fn execute_batch(&self, sql: &str) -> SqlResult<()> {
        match self {
            Db::Sqlite(c) => c.execute_batch(sql),
            #[cfg(feature = "postgres")]
            Db::Pg(pg) => pg.batch(sql),
        }
    }

    /// Opens a transaction on this connection: everything written through the returned guard
    /// lands at `commit`, or nothing does (dropping it rolls back). On SQLite it is IMMEDIATE
    /// (the write lock is taken at BEGIN, see `Store::set_pragmas`); on PostgreSQL, READ
    /// COMMITTED, where a row's writers queue on its lock and re-read it, which is what the
    /// revision checks (`UPDATE … WHERE revision = ?`) need.
    pub(crate) fn transaction(&self) -> SqlResult<DbTx<'_>> {
        match self {
            Db::Sqlite(c) => Ok(DbTx {
                db: self,
                sqlite: Some(rusqlite::Transaction::new_unchecked(
                    c,
                    rusqlite::TransactionBehavior::Immediate,
                )?),
                open: true,
            }),
            #[cfg(feature = "postgres")]
            Db::Pg(pg) => {
                pg.batch("BEGIN")?;
                Ok(DbTx {
                    db: self,
                    sqlite: None,
                    open: true,
                })
            }
        }
    }
}

/// An open transaction; it reads and writes as the connection it came from (`Deref`).
pub(crate) struct DbTx<'a> {
    db: &'a Db,
    sqlite: Option<rusqlite::Transaction<'a>>,
    open: bool,
}

impl DbTx<'_> {
    /// Undoes everything written in the transaction.
    pub(crate) fn rollback(mut self) -> SqlResult<()> {
        self.open = false;
        match self.sqlite.take() {
            Some(tx) => tx.rollback(),
            None => self.db.execute_batch("ROLLBACK"),
        }
    }

    /// Makes everything written in the transaction last.
    pub(crate) fn commit(mut self) -> SqlResult<()> {
        self.open = false;
        match self.sqlite.take() {
            Some(tx) => tx.commit(),
            None => self.db.execute_batch("COMMIT"),
        }
    }
}

impl Drop for DbTx<'_> {
    fn drop(&mut self) {
        // SQLite's guard rolls back by itself; PostgreSQL's is a statement. A connection that
        // broke mid-transaction has nothing to roll back: the server did it when it lost us.
        if self.open && self.sqlite.is_none() {
            let _ = self.db.execute_batch("ROLLBACK");
        }
    }
}

impl std::ops::Deref for DbTx<'_> {
    type Target = Db;
    fn deref(&self) -> &Db {
        self.db
    }
}

/// Whether a write failed on a UNIQUE constraint, on either backend.
pub(crate) fn is_unique_violation(e: &Error) -> bool {
    match e {
        Error::SqliteFailure(f, _) => f.extended_code == 2067 || f.extended_code == 1555,
        #[cfg(feature = "postgres")]
        other => super::pg::sql_state(other).as_deref() == Some("23505"),
        #[cfg(not(feature = "postgres"))]
        _ => false,
    }
}

/// Whether a write failed on a foreign key, on either backend.
pub(crate) fn is_foreign_key_violation(e: &Error) -> bool {
    match e {
        Error::SqliteFailure(f, _) => matches!(f.extended_code, 787 | 1811),
        #[cfg(feature = "postgres")]
        other => super::pg::sql_state(other).as_deref() == Some("23503"),
        #[cfg(not(feature = "postgres"))]
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::OptionalExtension;

    #[test]
    fn sqlite_round_trip_through_the_neutral_api() {
        let db = Db::Sqlite(Connection::open_in_memory().unwrap());
        db.execute_batch("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, key BLOB)")
            .unwrap();
        let tx = db.transaction().unwrap();
        tx.execute(
            "INSERT INTO t (name, key) VALUES (?1, ?2)",
            rusqlite::params!["Đà Nẵng", vec![1u8, 2]],
        )
        .unwrap();
        tx.commit().unwrap();
        {
            let tx = db.transaction().unwrap();
            tx.execute("INSERT INTO t (name) VALUES (?1)", ["dropped"])
                .unwrap();
        }
        let mut stmt = db.prepare("SELECT name, key FROM t ORDER BY id").unwrap();
        let names = stmt
            .query_map((), |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, Option<Vec<u8>>>("key")?))
            })
            .unwrap()
            .collect::<SqlResult<Vec<_>>>()
            .unwrap();
        assert_eq!(names, vec![("Đà Nẵng".to_owned(), Some(vec![1, 2]))]);
        let none = db
            .query_row("SELECT id FROM t WHERE name = ?1", ["x"], |r| {
                r.get::<_, i64>(0)
            })
            .optional()
            .unwrap();
        assert_eq!(none, None);
    }
}
