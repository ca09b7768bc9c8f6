//! What this session may do, asked once by the window so that it offers only what will work
//! (issue 17). On a store file that is what the file allows (`read_only.rs`); on a team store,
//! what the officer's login role is granted (`migrations/pg/0002_roles.sql`, `0004`). The store
//! refuses the rest either way (SQLite, or the server's grants): this only spares the officer an
//! action that is bound to be refused.

use super::db::Backend;
use super::{exchange_files, ReadOnlyReason, Store};
use crate::error::Result;

impl Store {
    /// Why every write of this session is refused, if it is: the store file's reason, or on a
    /// team store a role that may only read (`team_role`).
    pub fn writes_refused(&self) -> Result<Option<ReadOnlyReason>> {
        match self.backend() {
            Backend::Sqlite => Ok(self.read_only()),
            Backend::Postgres => {
                // Records are what every writing role may create: a role that may not only reads.
                let writes: bool = self.conn().query_row(
                    "SELECT has_table_privilege('organizations', 'INSERT')",
                    (),
                    |r| r.get(0),
                )?;
                Ok((!writes).then_some(ReadOnlyReason::TeamRole))
            }
        }
    }

    /// Whether this session may sign for the office (send a brief to another office, export the
    /// office card): it must read, or make, the office's private key. On a team store a manager
    /// only; an officer or a read-only role is refused the key.
    pub fn may_sign(&self) -> Result<bool> {
        exchange_files::keeps_office_key(self)
    }
}
