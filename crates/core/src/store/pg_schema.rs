//! Placeholder until the PostgreSQL schema lands (branch pginfra).
use crate::error::Result;

pub(crate) fn migrate(client: &mut postgres::Client) -> Result<u32> {
    version(client)
}

pub(crate) fn version(client: &mut postgres::Client) -> Result<u32> {
    let row = client
        .query_one("SELECT coalesce(max(version), 0) FROM planner_schema", &[])
        .map_err(|e| crate::error::CoreError::TeamStoreUnreachable(e.to_string()))?;
    Ok(row.get::<_, i64>(0) as u32)
}
