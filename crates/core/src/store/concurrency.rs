//! The store used by several programs at once (the app, `planner` commands, the idle backups).
//! Writes wait for each other up to `BUSY_WAIT` (see there and `Store::set_pragmas`), and the
//! app notices what the others wrote: it polls `Store::changes_elsewhere` and refreshes its
//! screens. SQLite's `PRAGMA data_version` on this connection changes only when another
//! connection commits, never for this connection's own writes. A team store's connection
//! LISTENs on `CHANGES_CHANNEL`, on which every commit that writes a table notifies (the
//! triggers of `migrations/pg/0003_notify.sql`); a notification from this connection's own
//! server process is its own write, and does not count.

#[cfg(feature = "postgres")]
use super::db::Db;
use super::Store;
use crate::error::Result;

/// The channel a team store's triggers notify on.
#[cfg(feature = "postgres")]
pub(crate) const CHANGES_CHANNEL: &str = "planner_changes";

impl Store {
    /// Takes the mark that `changes_elsewhere` compares with (when the store is opened).
    pub(super) fn mark_changes_elsewhere(&self) -> Result<()> {
        self.changes_elsewhere().map(drop)
    }

    /// Whether another connection committed to the store since the last call, or since the
    /// store was opened. This connection's own writes never count.
    pub fn changes_elsewhere(&self) -> Result<bool> {
        #[cfg(feature = "postgres")]
        if let Db::Pg(pg) = &self.conn {
            return Ok(pg.heard_from_others()?);
        }
        let Some(conn) = self.conn.sqlite() else {
            return Ok(false);
        };
        let now: i64 = conn.pragma_query_value(None, "data_version", |r| r.get(0))?;
        Ok(self
            .seen_version
            .replace(Some(now))
            .is_some_and(|seen| seen != now))
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::Organization;
    use crate::store::Store;

    fn organization(name: &str) -> Organization {
        Organization {
            name_vi: name.into(),
            country: "VN".into(),
            ..Organization::default()
        }
    }

    fn busy(e: &rusqlite::Error) -> bool {
        e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy)
    }

    /// A DEFERRED transaction that reads, then writes, fails at once (SQLITE_BUSY_SNAPSHOT, no
    /// wait) when another connection committed in between; so every transaction on a store
    /// connection, whoever opens it (settings, migrations, pictures, imports), is IMMEDIATE.
    #[test]
    fn every_transaction_on_a_store_connection_takes_the_write_lock_at_begin() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("planner.db");
        let mine = Store::open(&path).unwrap();
        let other = Store::open_existing(&path).unwrap();
        let other_conn = other.conn.sqlite().unwrap();
        other_conn.busy_timeout(std::time::Duration::ZERO).unwrap();
        let try_write = |_: &Store| other_conn.execute_batch("BEGIN IMMEDIATE; COMMIT;");

        let tx = mine.conn.transaction().unwrap();
        assert!(
            try_write(&other).is_err_and(|e| busy(&e)),
            "held from BEGIN"
        );
        drop(tx);
        try_write(&other).unwrap();

        let tx = mine.conn.sqlite().unwrap().unchecked_transaction().unwrap();
        assert!(try_write(&other).is_err_and(|e| busy(&e)));
        drop(tx);
        try_write(&other).unwrap();
    }

    #[test]
    fn only_another_connections_commit_counts_and_only_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("planner.db");
        let mut app = Store::open(&path).unwrap();
        let mut other = Store::open_existing(&path).unwrap();
        assert!(!app.changes_elsewhere().unwrap(), "nothing since the open");

        app.create(&organization("Công ty Một")).unwrap();
        app.set_setting("language", "en").unwrap();
        assert!(!app.changes_elsewhere().unwrap(), "its own writes");

        other.create(&organization("Công ty Hai")).unwrap();
        assert!(
            app.changes_elsewhere().unwrap(),
            "another connection's commit"
        );
        assert!(!app.changes_elsewhere().unwrap(), "read once");

        // A read on the other connection changes nothing.
        other
            .count(crate::domain::EntityKind::Organizations)
            .unwrap();
        assert!(!app.changes_elsewhere().unwrap());
    }

    #[test]
    fn a_commit_between_the_open_and_the_first_look_counts() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("planner.db");
        let app = Store::open(&path).unwrap();
        let mut other = Store::open_existing(&path).unwrap();
        other.create(&organization("Công ty Hai")).unwrap();
        assert!(
            app.changes_elsewhere().unwrap(),
            "the window read before it"
        );
    }
}
