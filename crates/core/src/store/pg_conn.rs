//! One connection to a team store and its life: made within a bounded time (login included),
//! over TLS to another computer (`pg_tls`), watched while a statement runs (`pg_watchdog`: a
//! server that stops answering is cut off after its statement limit), replaced when the server
//! dropped it, and listening for the other officers' changes (`heard_from_others`).
//!
//! A dropped connection (server restarted, network lost, watchdog cut) is replaced at the next
//! statement outside a transaction, so the app comes back by itself when the server does; inside
//! one, statements fail until its end, since the server rolled it back when it lost us and the
//! rest must not land alone.

use super::db::SqlResult;
use super::pg::{config, fail, PgGaveUp, CONNECT_TIMEOUT, STATEMENT_TIMEOUT};
use super::pg_tls::{self, Transport};
use super::pg_watchdog::{self, Watchdog};
use postgres::types::ToSql as PgToSql;
use rusqlite::types::ToSql;
use rusqlite::Error;
use std::cell::{Cell, RefCell, RefMut};
use std::collections::HashMap;

/// An open connection to a team store.
pub(crate) struct PgConn {
    /// First, so that its thread ends before the socket it watches closes; replaced with the
    /// connection.
    watchdog: RefCell<Watchdog>,
    client: RefCell<postgres::Client>,
    statements: RefCell<HashMap<String, postgres::Statement>>,
    /// How to connect again (our limits and the transport are derived from it each time).
    url: String,
    /// A statement found the connection gone (`is_lost`, or cut by the watchdog); the client
    /// may not know it yet.
    lost: Cell<bool>,
    /// Between BEGIN and its COMMIT or ROLLBACK (see the module comment).
    in_transaction: Cell<bool>,
    /// The channel this connection listens on (`listen`), listened on again after a
    /// reconnection.
    listening: Cell<Option<&'static str>>,
    /// The server process serving this connection: its own notifications carry it.
    pid: Cell<i32>,
    /// Set by a reconnection, taken by `heard_from_others`: what others wrote meanwhile was
    /// never heard.
    reconnected: Cell<bool>,
}

/// A new connection to `url` and the watchdog of its socket.
fn open(url: &str) -> SqlResult<(postgres::Client, Watchdog)> {
    let mut config = config(url)?;
    let transport = pg_tls::transport(url, &mut config)?;
    let mut client = connect_within(&config, transport)?;
    let bound =
        pg_watchdog::statement_limit(config.get_options().unwrap_or_default(), STATEMENT_TIMEOUT)
            + pg_watchdog::GRACE;
    let watchdog = Watchdog::new(own_socket(&mut client)?, bound);
    Ok((client, watchdog))
}

impl PgConn {
    /// The URL it connects to, password included (see `team_copy::without_password`).
    pub(crate) fn url(&self) -> &str {
        &self.url
    }

    /// Connects to the team store at `url`: over TLS to a server on another computer
    /// (`pg_tls`), in clear to one on this computer.
    pub(crate) fn connect(url: &str) -> SqlResult<PgConn> {
        let (client, watchdog) = open(url)?;
        Ok(PgConn {
            watchdog: RefCell::new(watchdog),
            client: RefCell::new(client),
            statements: RefCell::new(HashMap::new()),
            url: url.to_owned(),
            lost: Cell::new(false),
            in_transaction: Cell::new(false),
            listening: Cell::new(None),
            pid: Cell::new(0),
            reconnected: Cell::new(false),
        })
    }

    /// The connection itself, for what has no neutral form (migrations, notifications); a new
    /// one if the server dropped it outside a transaction.
    pub(crate) fn client(&self) -> SqlResult<RefMut<'_, postgres::Client>> {
        let mut client = self.client.borrow_mut();
        if (client.is_closed() || self.lost.get()) && !self.in_transaction.get() {
            let (mut fresh, watchdog) = open(&self.url)?;
            if let Some(channel) = self.listening.get() {
                self.pid.set(listen_on(&mut fresh, channel)?);
            }
            // The old watchdog first: its thread ends before the socket it watched closes.
            *self.watchdog.borrow_mut() = watchdog;
            *client = fresh;
            self.lost.set(false);
            self.statements.borrow_mut().clear();
            self.reconnected.set(true);
        }
        Ok(client)
    }

    /// Listens for `channel`'s notifications from now on (`heard_from_others`).
    pub(crate) fn listen(&self, channel: &'static str) -> SqlResult<()> {
        let pid = listen_on(&mut *self.client()?, channel)?;
        self.pid.set(pid);
        self.listening.set(Some(channel));
        Ok(())
    }

    /// Whether another connection's notification arrived since the last call (or the connection
    /// was replaced, so some may have been missed). It reads what the socket holds and does not
    /// wait for more: `iter()` would not read the socket at all (the client's runtime learns
    /// that it is readable only when it parks), so a zero timeout parks it once. A lost
    /// connection is not replaced here, only by the next statement.
    pub(crate) fn heard_from_others(&self) -> SqlResult<bool> {
        use postgres::fallible_iterator::FallibleIterator;
        let own = self.pid.get();
        let mut heard = self.reconnected.take();
        let mut client = self.client.borrow_mut();
        let mut notifications = client.notifications();
        let mut arrived = notifications.timeout_iter(std::time::Duration::ZERO);
        loop {
            match arrived.next() {
                Ok(Some(n)) => heard |= n.process_id() != own,
                Ok(None) => break,
                Err(e) => return Err(self.failed(e)),
            }
        }
        Ok(heard)
    }

    /// `e` as the store's failure: the client's own timeout when the watchdog cut the
    /// connection under it; either way a lost connection is noted for `client` to replace.
    fn failed(&self, e: postgres::Error) -> Error {
        if self.watchdog.borrow().cut() {
            self.lost.set(true);
            return Error::ToSqlConversionFailure(Box::new(PgGaveUp::Statement));
        }
        if is_lost(&e) {
            self.lost.set(true);
        }
        fail(e)
    }

    /// Runs `f` on the connection (replaced first if it was lost) with the watchdog armed.
    fn watched<T>(
        &self,
        f: impl FnOnce(&mut postgres::Client) -> Result<T, postgres::Error>,
    ) -> SqlResult<T> {
        let mut client = self.client()?;
        let watchdog = self.watchdog.borrow();
        let armed = watchdog.arm();
        let out = f(&mut client);
        drop(armed);
        drop(watchdog);
        drop(client);
        out.map_err(|e| self.failed(e))
    }

    /// `sql` prepared once per connection.
    /// A statement of its own, not kept: the server plans it for the arguments of its one run
    /// (a kept statement is planned once for any arguments after its fifth run).
    pub(crate) fn prepare_once(&self, sql: &str) -> SqlResult<postgres::Statement> {
        drop(self.client()?);
        self.watched(|c| c.prepare(&super::pg::placeholders(sql)))
    }

    pub(crate) fn prepare(&self, sql: &str) -> SqlResult<postgres::Statement> {
        // The connection first: a replaced one empties the cache of the old one's statements.
        drop(self.client()?);
        if let Some(st) = self.statements.borrow().get(sql) {
            return Ok(st.clone());
        }
        let st = self.watched(|c| c.prepare(&super::pg::placeholders(sql)))?;
        self.statements
            .borrow_mut()
            .insert(sql.to_owned(), st.clone());
        Ok(st)
    }

    pub(crate) fn execute(
        &self,
        st: &postgres::Statement,
        args: &[&dyn ToSql],
    ) -> SqlResult<usize> {
        let params = super::pg::params(args)?;
        let refs: Vec<&(dyn PgToSql + Sync)> =
            params.iter().map(|p| p as &(dyn PgToSql + Sync)).collect();
        Ok(self.watched(|c| c.execute(st, &refs))? as usize)
    }

    pub(crate) fn query(
        &self,
        st: &postgres::Statement,
        args: &[&dyn ToSql],
    ) -> SqlResult<Vec<postgres::Row>> {
        let params = super::pg::params(args)?;
        let refs: Vec<&(dyn PgToSql + Sync)> =
            params.iter().map(|p| p as &(dyn PgToSql + Sync)).collect();
        self.watched(|c| c.query(st, &refs))
    }

    pub(crate) fn batch(&self, sql: &str) -> SqlResult<()> {
        let done = self.watched(|c| c.batch_execute(sql));
        match sql {
            "BEGIN" => self.in_transaction.set(done.is_ok()),
            // Ended either way: a failed COMMIT or ROLLBACK leaves none open on the server.
            "COMMIT" | "ROLLBACK" => self.in_transaction.set(false),
            _ => {}
        }
        done
    }
}

/// Whether `e` means the connection is gone: closed, its socket failed, or the server ended the
/// session (class 08, or 57P: shut down, terminated by an administrator).
fn is_lost(e: &postgres::Error) -> bool {
    let io = std::error::Error::source(e).is_some_and(|s| s.is::<std::io::Error>());
    let ended = e
        .code()
        .is_some_and(|c| c.code().starts_with("08") || c.code().starts_with("57P"));
    e.is_closed() || io || ended
}

/// LISTENs on `channel` and returns the server process's id.
fn listen_on(client: &mut postgres::Client, channel: &str) -> SqlResult<i32> {
    client
        .batch_execute(&format!("LISTEN {channel}"))
        .map_err(fail)?;
    Ok(client
        .query_one("SELECT pg_backend_pid()", &[])
        .map_err(fail)?
        .get(0))
}

/// Connects within the connect timeout, start-up and login included: the `postgres` crate
/// bounds only the TCP handshake, and a server that accepts a connection and then says nothing
/// (overloaded, stopped, a wrong port behind a firewall that accepts) would hold it for ever.
/// On timeout the connecting thread is left to end on its own (when the server answers or the
/// socket fails); it holds nothing of the caller's.
fn connect_within(config: &postgres::Config, transport: Transport) -> SqlResult<postgres::Client> {
    let limit = config
        .get_connect_timeout()
        .copied()
        .unwrap_or(CONNECT_TIMEOUT);
    let (done, result) = std::sync::mpsc::channel();
    let config = config.clone();
    std::thread::Builder::new()
        .name("team-store-connect".into())
        .spawn(move || {
            let _ = done.send(match transport {
                Transport::Clear => config.connect(postgres::NoTls),
                Transport::Tls(tls) => config.connect(tls),
            });
        })
        .map_err(|e| Error::ToSqlConversionFailure(Box::new(e)))?;
    match result.recv_timeout(limit) {
        Ok(connected) => connected.map_err(fail),
        Err(_) => Err(Error::ToSqlConversionFailure(Box::new(PgGaveUp::Connect(
            limit,
        )))),
    }
}

/// The descriptor of the connection's TCP socket, for the watchdog: the one from the port the
/// server sees as its client's to the server's port (None over a Unix socket, which the server
/// names no port of, or where a NAT changed the ports).
fn own_socket(client: &mut postgres::Client) -> SqlResult<Option<i32>> {
    let row = client
        .query_one("SELECT inet_client_port(), inet_server_port()", &[])
        .map_err(fail)?;
    let (local, remote): (Option<i32>, Option<i32>) = (row.get(0), row.get(1));
    Ok(match (local, remote) {
        (Some(local), Some(remote)) => pg_watchdog::tcp_socket(
            u16::try_from(local).unwrap_or(0),
            u16::try_from(remote).unwrap_or(0),
        ),
        _ => None,
    })
}
