//! `planner team …`: the team store on PostgreSQL (issue 17). `init` creates or migrates a team
//! database; every other command works on one with `--db postgres://…` (or `PLANNER_DB`).

use anyhow::{Context, Result};
use clap::Subcommand;
use planner_core::Store;

#[derive(Subcommand)]
pub enum TeamAction {
    /// Creates the team store's schema in an empty PostgreSQL database, or brings an older one
    /// up to date, and prints its schema version (run it as the database's owner).
    Init {
        /// The database, as `postgres://user@host/dbname` (a password in the URL works, but
        /// prefer ~/.pgpass or PGPASSWORD).
        #[arg(long, value_name = "URL")]
        url: String,
        #[arg(long)]
        json: bool,
    },
}

pub fn team(action: TeamAction) -> Result<()> {
    match action {
        TeamAction::Init { url, json } => {
            let store = Store::open_url(&url)
                .with_context(|| format!("cannot open the team store at {}", shown(&url)))?;
            let version = store.schema_version()?;
            if json {
                crate::print_json(&serde_json::json!({
                    "url": shown(&url),
                    "schema_version": version,
                }))?;
            } else {
                println!("team store at {}: schema version {version}", shown(&url));
            }
            Ok(())
        }
    }
}

/// The URL without its password, for messages.
pub fn shown(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let credentials = &url[scheme + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_password_is_never_shown() {
        assert_eq!(
            super::shown("postgres://lan:secret@db.local/planner"),
            "postgres://lan:***@db.local/planner"
        );
        assert_eq!(
            super::shown("postgres://lan@%2Ftmp:5432/planner"),
            "postgres://lan@%2Ftmp:5432/planner"
        );
    }
}
