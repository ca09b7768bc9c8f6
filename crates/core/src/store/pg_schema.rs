//! The team store's schema on PostgreSQL: numbered migrations (`migrations/pg/`), each run in a
//! transaction of its own under an advisory lock and recorded in `planner_schema`, so two apps
//! opening a new team database at once make one schema. The SQLite schema's mirror is 0001; a
//! schema change appends a file here as it does to `MIGRATIONS`, never edits an old one.

use crate::error::{CoreError, Result};
use postgres::Client;

/// Every PostgreSQL migration in order: (version, SQL).
pub const PG_MIGRATIONS: &[(u32, &str)] = &[
    (1, include_str!("../../migrations/pg/0001_team.sql")),
    (2, include_str!("../../migrations/pg/0002_roles.sql")),
    (3, include_str!("../../migrations/pg/0003_notify.sql")),
    (
        4,
        include_str!("../../migrations/pg/0004_exchange_files.sql"),
    ),
    (
        5,
        include_str!("../../migrations/pg/0005_busy_store_indexes.sql"),
    ),
    (
        6,
        include_str!("../../migrations/pg/0006_busy_store_counts.sql"),
    ),
    (7, include_str!("../../migrations/pg/0007_changes.sql")),
];

/// The team schema version this build writes.
pub const PG_LATEST_VERSION: u32 = PG_MIGRATIONS[PG_MIGRATIONS.len() - 1].0;

/// The advisory lock every migration holds ("planner" in ASCII): the same key in every build.
const MIGRATION_LOCK: i64 = 0x0070_6c61_6e6e_6572;

/// A server failure in the core's words (`team_store_unreachable`, `not_permitted`, …).
fn pg(e: postgres::Error) -> CoreError {
    super::pg::fail(e).into()
}

/// The schema version of an open team database.
pub fn version(client: &mut Client) -> Result<u32> {
    let found: i64 = client
        .query_one("SELECT coalesce(max(version), 0) FROM planner_schema", &[])
        .map_err(pg)?
        .get(0);
    Ok(found as u32)
}

/// Brings a team database to the newest schema and returns its version.
pub fn migrate(client: &mut Client) -> Result<u32> {
    migrate_to(client, PG_LATEST_VERSION)
}

/// Brings a team database to `target` (tests use earlier targets) and returns its version; a
/// database of a newer build is refused, as a newer SQLite file is.
pub fn migrate_to(client: &mut Client, target: u32) -> Result<u32> {
    match migrate_steps(client, target) {
        // Only the database's owner may change its schema: an officer's app that opens it
        // before the owner upgraded it says who must (each step's transaction rolled back).
        Err(CoreError::NotPermitted(_)) if is_team_member(client)? => {
            Err(CoreError::TeamSchemaOutdated {
                known: PG_LATEST_VERSION,
            })
        }
        done => done,
    }
}

/// Whether the session's role is one of the team's (a member of `planner_readonly`, which
/// every other group role is), or the team's roles are not made yet (a schema older than 2):
/// then a privilege its migration lacked means the schema is older than this build's. A role
/// outside the team keeps its plain `not_permitted`.
fn is_team_member(client: &mut Client) -> Result<bool> {
    Ok(client
        .query_one(
            "SELECT CASE WHEN to_regrole('planner_readonly') IS NULL THEN true
                    ELSE pg_has_role(to_regrole('planner_readonly'), 'MEMBER') END",
            &[],
        )
        .map_err(pg)?
        .get(0))
}

fn migrate_steps(client: &mut Client, target: u32) -> Result<u32> {
    loop {
        let mut tx = client.transaction().map_err(pg)?;
        // Held to the commit: another app migrating waits here, then reads the version again.
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
            .map_err(pg)?;
        let current = current_version(&mut tx)?;
        let Some((version, sql)) = PG_MIGRATIONS
            .iter()
            .find(|(v, _)| *v > current && *v <= target)
        else {
            tx.commit().map_err(pg)?;
            return Ok(current);
        };
        tx.batch_execute(sql).map_err(pg)?;
        tx.execute(
            "INSERT INTO planner_schema (version) VALUES ($1)",
            &[&i64::from(*version)],
        )
        .map_err(pg)?;
        tx.commit().map_err(pg)?;
    }
}

/// The schema version, once the database is known to be ours (or empty) and not newer than this
/// build; the version table is made in an empty database.
fn current_version(tx: &mut postgres::Transaction) -> Result<u32> {
    let ours: bool = tx
        .query_one("SELECT to_regclass('planner_schema') IS NOT NULL", &[])
        .map_err(pg)?
        .get(0);
    if !ours {
        let tables: i64 = tx
            .query_one(
                "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()",
                &[],
            )
            .map_err(pg)?
            .get(0);
        if tables > 0 {
            return Err(CoreError::ForeignDatabase);
        }
        // One row per migration applied: the newest is the version.
        tx.batch_execute("CREATE TABLE planner_schema (version BIGINT PRIMARY KEY)")
            .map_err(pg)?;
    }
    let found: i64 = tx
        .query_one("SELECT COALESCE(max(version), 0) FROM planner_schema", &[])
        .map_err(pg)?
        .get(0);
    let found = u32::try_from(found).unwrap_or(u32::MAX);
    if found > PG_LATEST_VERSION {
        return Err(CoreError::NewerSchema {
            found,
            known: PG_LATEST_VERSION,
        });
    }
    Ok(found)
}
