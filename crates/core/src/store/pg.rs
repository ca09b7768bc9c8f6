//! The PostgreSQL side of `Db`: the connection to a team store, with the limits that keep a
//! slow or lost server from hanging the app, and the translation of the store's SQL and values.
//!
//! A store's SQL uses SQLite's `?1` placeholders and five storage classes; here `?N` becomes
//! `$N`, a parameter is bound as whatever type PostgreSQL inferred for it (an integer into a
//! BIGINT, INTEGER or BOOLEAN column alike), and a column comes back as INTEGER, REAL, TEXT,
//! BLOB or NULL (a BOOLEAN as 0/1, as SQLite gives it).

use super::db::SqlResult;
use super::pg_tls;
use postgres::types::{FromSql as PgFromSql, IsNull, ToSql as PgToSql, Type};
use rusqlite::types::{ToSql, ToSqlOutput, Value};
use rusqlite::Error;
use std::time::Duration;

/// How long connecting may take before the app says the server cannot be reached.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// How long one statement may run before the server cancels it (`statement_timeout`).
pub const STATEMENT_TIMEOUT: Duration = Duration::from_secs(15);
/// How long a write waits for a row another officer is writing (`lock_timeout`): the same bound
/// as a SQLite store's busy wait.
pub const LOCK_TIMEOUT: Duration = super::BUSY_WAIT;
/// A connection silent this long is probed (TCP keepalive), and one whose sent data stays
/// unacknowledged this long is dropped (`TCP_USER_TIMEOUT`), so a cut cable ends in an error.
const KEEPALIVE_IDLE: Duration = Duration::from_secs(10);
const TCP_USER_TIMEOUT: Duration = Duration::from_secs(20);

/// A PostgreSQL failure carried inside a `rusqlite::Error` (see `db.rs`).
#[derive(Debug)]
pub(crate) struct PgFailure(pub(crate) postgres::Error);

impl std::fmt::Display for PgFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0.as_db_error() {
            Some(db) => write!(f, "{} ({})", db.message(), db.code().code()),
            None => write!(f, "{}", self.0),
        }
    }
}

impl std::error::Error for PgFailure {}

pub(crate) fn fail(e: postgres::Error) -> Error {
    Error::ToSqlConversionFailure(Box::new(PgFailure(e)))
}

/// What the client gave up waiting for: a statement (`pg_watchdog`: the server did not answer,
/// not even with its own cancel, within the statement limit and a grace), or a connection
/// whose server accepted it and never answered within the connect timeout.
#[derive(Debug)]
pub(crate) enum PgGaveUp {
    Statement,
    Connect(Duration),
}

impl std::fmt::Display for PgGaveUp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PgGaveUp::Statement => write!(f, "no answer within the statement limit"),
            PgGaveUp::Connect(limit) => {
                write!(f, "the server did not answer within {} s", limit.as_secs())
            }
        }
    }
}

impl std::error::Error for PgGaveUp {}

/// The core's error for a wait the client gave up on, if `e` is one.
pub(crate) fn gave_up(e: &Error) -> Option<crate::error::CoreError> {
    use crate::error::CoreError;
    match e {
        Error::ToSqlConversionFailure(b) => match b.downcast_ref::<PgGaveUp>()? {
            PgGaveUp::Statement => Some(CoreError::TeamStoreTimeout),
            connect => Some(CoreError::TeamStoreUnreachable(connect.to_string())),
        },
        _ => None,
    }
}

/// The PostgreSQL failure inside `e`, if it carries one.
pub(crate) fn failure(e: &Error) -> Option<&postgres::Error> {
    match e {
        Error::ToSqlConversionFailure(b) => b.downcast_ref::<PgFailure>().map(|f| &f.0),
        _ => None,
    }
}

/// The SQLSTATE of a PostgreSQL failure inside `e` ("23505"), if any.
pub(crate) fn sql_state(e: &Error) -> Option<String> {
    failure(e)
        .and_then(|f| f.code())
        .map(|c| c.code().to_owned())
}

/// Parses a `postgres://…` URL and adds our limits where the URL sets none.
pub(crate) fn config(url: &str) -> SqlResult<postgres::Config> {
    let mut config: postgres::Config = pg_tls::readable_url(url).parse().map_err(fail)?;
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(CONNECT_TIMEOUT);
    }
    config.keepalives(true);
    config.keepalives_idle(KEEPALIVE_IDLE);
    config.tcp_user_timeout(TCP_USER_TIMEOUT);
    let mut options = config.get_options().unwrap_or_default().to_owned();
    for (name, value) in [
        ("statement_timeout", STATEMENT_TIMEOUT),
        ("lock_timeout", LOCK_TIMEOUT),
        // A transaction left open by an app that froze holds its locks no longer than this.
        (
            "idle_in_transaction_session_timeout",
            Duration::from_secs(60),
        ),
    ] {
        if !options.contains(name) {
            options.push_str(&format!(" -c {name}={}", value.as_millis()));
        }
    }
    // Timestamps and text compare and print the same whatever the server's defaults.
    options.push_str(" -c TimeZone=UTC -c client_encoding=UTF8");
    config.options(options.trim());
    if config.get_application_name().is_none() {
        config.application_name("delegation-planner");
    }
    Ok(config)
}

pub(crate) use super::pg_conn::PgConn;

/// `?N` → `$N` and `?` → the next `$N`, outside quoted text and identifiers.
pub(crate) fn placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 8);
    let mut chars = sql.chars().peekable();
    let mut quote: Option<char> = None;
    let mut next = 0u32;
    while let Some(c) = chars.next() {
        match quote {
            Some(q) => {
                out.push(c);
                if c == q {
                    quote = None;
                }
            }
            None if c == '\'' || c == '"' => {
                quote = Some(c);
                out.push(c);
            }
            None if c == '?' => {
                let mut digits = String::new();
                while let Some(d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                    digits.push(*d);
                    chars.next();
                }
                if digits.is_empty() {
                    next += 1;
                    digits = next.to_string();
                }
                out.push('$');
                out.push_str(&digits);
            }
            None => out.push(c),
        }
    }
    out
}

/// A parameter as SQLite would store it, bound as the type PostgreSQL chose for it.
#[derive(Debug)]
pub(crate) struct Param(Value);

pub(crate) fn params(args: &[&dyn ToSql]) -> SqlResult<Vec<Param>> {
    args.iter()
        .map(|a| {
            Ok(Param(match a.to_sql()? {
                ToSqlOutput::Borrowed(v) => v.into(),
                ToSqlOutput::Owned(v) => v,
                _ => {
                    return Err(Error::ToSqlConversionFailure(
                        "unsupported parameter".into(),
                    ))
                }
            }))
        })
        .collect()
}

type BoxError = Box<dyn std::error::Error + Sync + Send>;

impl PgToSql for Param {
    fn to_sql(&self, ty: &Type, out: &mut bytes::BytesMut) -> Result<IsNull, BoxError> {
        match (&self.0, ty) {
            (Value::Null, _) => Ok(IsNull::Yes),
            (Value::Integer(i), &Type::INT8) => PgToSql::to_sql(i, ty, out),
            (Value::Integer(i), &Type::INT4) => PgToSql::to_sql(&i32::try_from(*i)?, ty, out),
            (Value::Integer(i), &Type::INT2) => PgToSql::to_sql(&i16::try_from(*i)?, ty, out),
            (Value::Integer(i), &Type::BOOL) => PgToSql::to_sql(&(*i != 0), ty, out),
            (Value::Integer(i), &Type::FLOAT8) => PgToSql::to_sql(&(*i as f64), ty, out),
            (Value::Integer(i), &Type::TEXT | &Type::VARCHAR) => {
                PgToSql::to_sql(&i.to_string(), ty, out)
            }
            (Value::Real(f), &Type::FLOAT8) => PgToSql::to_sql(f, ty, out),
            (Value::Real(f), &Type::FLOAT4) => PgToSql::to_sql(&(*f as f32), ty, out),
            (Value::Text(s), &Type::INT8) => PgToSql::to_sql(&s.parse::<i64>()?, ty, out),
            (Value::Text(s), _) if is_text(ty) => PgToSql::to_sql(&s.as_str(), &Type::TEXT, out),
            (Value::Blob(b), &Type::BYTEA) => PgToSql::to_sql(&b.as_slice(), ty, out),
            (value, ty) => Err(format!("cannot bind {:?} as {ty}", value.data_type()).into()),
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    postgres::types::to_sql_checked!();
}

fn is_text(ty: &Type) -> bool {
    matches!(
        *ty,
        Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME | Type::UNKNOWN | Type::JSON
    )
}

/// A column's value in SQLite's storage classes.
struct Cell(Value);

impl<'a> PgFromSql<'a> for Cell {
    fn from_sql(ty: &Type, raw: &'a [u8]) -> Result<Cell, BoxError> {
        Ok(Cell(match *ty {
            Type::INT8 => Value::Integer(i64::from_sql(ty, raw)?),
            Type::INT4 => Value::Integer(i32::from_sql(ty, raw)?.into()),
            Type::INT2 => Value::Integer(i16::from_sql(ty, raw)?.into()),
            Type::OID => Value::Integer(u32::from_sql(ty, raw)?.into()),
            Type::BOOL => Value::Integer(bool::from_sql(ty, raw)?.into()),
            Type::FLOAT8 => Value::Real(f64::from_sql(ty, raw)?),
            Type::FLOAT4 => Value::Real(f32::from_sql(ty, raw)?.into()),
            Type::BYTEA => Value::Blob(raw.to_vec()),
            ref t if is_text(t) => Value::Text(String::from_sql(&Type::TEXT, raw)?),
            ref t => return Err(format!("the store cannot read a column of type {t}").into()),
        }))
    }

    fn from_sql_null(_: &Type) -> Result<Cell, BoxError> {
        Ok(Cell(Value::Null))
    }

    fn accepts(_: &Type) -> bool {
        true
    }
}

/// Column `i` of `row` as SQLite would give it.
pub(crate) fn cell(row: &postgres::Row, i: usize) -> SqlResult<Value> {
    row.try_get::<_, Cell>(i).map(|c| c.0).map_err(fail)
}

#[cfg(test)]
mod tests {
    use super::{placeholders, PgConn};

    /// The test cluster's URL (`tests/pg-cluster`), if one is given.
    fn cluster() -> Option<String> {
        let url = std::env::var("PLANNER_TEST_PG").ok();
        assert!(
            url.is_some() || std::env::var("PLANNER_REQUIRE_PG").as_deref() != Ok("1"),
            "PLANNER_REQUIRE_PG=1 but PLANNER_TEST_PG is not set"
        );
        url
    }

    /// A connection lost inside a transaction is not replaced before the transaction's end:
    /// the server rolled back what it held, and what follows must not land alone.
    #[test]
    fn a_lost_connection_is_replaced_only_outside_a_transaction() {
        let Some(url) = cluster() else { return };
        let conn = PgConn::connect(&url).unwrap();
        let pid: i32 = conn
            .client()
            .unwrap()
            .query_one("SELECT pg_backend_pid()", &[])
            .unwrap()
            .get(0);
        conn.batch("BEGIN").unwrap();
        let mut admin = postgres::Client::connect(&url, postgres::NoTls).unwrap();
        admin
            .execute("SELECT pg_terminate_backend($1)", &[&pid])
            .unwrap();
        assert!(conn.batch("SELECT 1").is_err(), "the connection is gone");
        assert!(conn.batch("SELECT 1").is_err(), "still in the transaction");
        assert!(conn.batch("ROLLBACK").is_err(), "nothing left to roll back");
        conn.batch("SELECT 1").unwrap();
    }

    #[test]
    fn placeholders_are_numbered_outside_quotes() {
        assert_eq!(
            placeholders("SELECT a FROM t WHERE b = ?1 AND d = '?2' AND \"e?\" = ?12"),
            "SELECT a FROM t WHERE b = $1 AND d = '?2' AND \"e?\" = $12"
        );
        assert_eq!(
            placeholders("VALUES (?, ?, 'it''s ?')"),
            "VALUES ($1, $2, 'it''s ?')"
        );
    }
}
