//! `planner team …`: the team store on PostgreSQL (issue 17). `init` creates or migrates a team
//! database; `push` moves a desktop's store file into an empty one and `pull` copies one into a
//! new file for a laptop going on a mission, whose changes `push --changes` brings back; every
//! other command works on a team store with `--db postgres://…` (or `PLANNER_DB`).

use anyhow::{Context, Result};
use clap::Subcommand;
use planner_core::store::team_copy::{self, ChangeAction, ChangesReport, CopyReport};
use planner_core::Store;
use std::path::PathBuf;

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
    /// Copies a whole store file (records, audit trail, import history, settings, the office
    /// and its keys, the exchange inbox and outbox, pictures) into an empty team database, in
    /// one transaction, with the files kept beside it (the office's private key, the received
    /// briefs' PDFs and pictures, each checked first), and prints what was copied. A team database that already
    /// holds data is refused. Audit rows written before the push name the role that pushes.
    ///
    /// With --changes, PATH is a copy made by `team pull`, and what was created, changed or
    /// deleted in it since it was pulled (or since its last push of changes) goes back to the
    /// team store it was pulled from, in one transaction: each update or delete only if the
    /// team's record is still at the revision the copy had (any record changed there meanwhile
    /// refuses the whole push, `changed_on_team_store`, naming each); new records get the team
    /// store's ids, with their references rewritten (one the team store already holds by uuid
    /// is not made twice). The copy remembers what it pushed, so pushing again applies nothing
    /// twice. Audit rows on the team store name the officer who pushes.
    Push {
        /// The store file to copy (with --changes: the pulled copy).
        #[arg(long, value_name = "PATH")]
        from: PathBuf,
        /// The team database, as for `init`.
        #[arg(long, value_name = "URL")]
        url: String,
        /// Push only the changes made in a pulled copy (see above).
        #[arg(long)]
        changes: bool,
        /// With --changes: list what would be pushed, writing nothing on either side.
        #[arg(long, requires = "changes")]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
    /// Copies the team store into a new store file (for a laptop going on a mission): one
    /// consistent snapshot; an existing file is refused. The copy remembers where it came from
    /// and when (settings `team_pulled_from`, `team_pulled_at`) and from which database; its
    /// changes go back with `team push --changes --from PATH --url URL`. The received briefs'
    /// files come into `received/` beside it; the office's private key does not (the copy
    /// cannot sign as the office). See ARCHITECTURE.md, "Moving an office".
    Pull {
        #[arg(long, value_name = "URL")]
        url: String,
        /// The new store file.
        #[arg(short = 'o', long = "output", value_name = "PATH")]
        output: PathBuf,
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
        TeamAction::Push {
            from,
            url,
            changes: true,
            dry_run,
            json,
        } => {
            let store = Store::open_existing(&from)
                .with_context(|| format!("cannot open {}", from.display()))?;
            let report = team_copy::push_changes(&store, &url, dry_run).with_context(|| {
                format!("cannot push changes to the team store at {}", shown(&url))
            })?;
            let what = format!("{} → {}", from.display(), shown(&url));
            print_changes(&report, &what, json)
        }
        TeamAction::Push {
            from, url, json, ..
        } => {
            let store = Store::open_existing(&from)
                .with_context(|| format!("cannot open {}", from.display()))?;
            let report = team_copy::push(&store, &url)
                .with_context(|| format!("cannot push to the team store at {}", shown(&url)))?;
            let what = format!("{} → {}", from.display(), shown(&url));
            print_report(&report, "pushed", &what, json)
        }
        TeamAction::Pull { url, output, json } => {
            let output = crate::chosen(output)?;
            let report = team_copy::pull(&url, &output)
                .with_context(|| format!("cannot pull from the team store at {}", shown(&url)))?;
            let what = format!("{} → {}", shown(&url), output.display());
            print_report(&report, "pulled", &what, json)
        }
    }
}

/// The rows copied per table, as JSON or as a table of counts.
fn print_report(report: &CopyReport, done: &str, what: &str, json: bool) -> Result<()> {
    if json {
        return crate::print_json(report);
    }
    let total: u64 = report.tables.iter().map(|t| t.rows).sum();
    println!(
        "{done} {what}: {total} rows in {:.1} s",
        report.millis as f64 / 1000.0
    );
    for t in &report.tables {
        println!("  {:<28} {:>9}", t.table, t.rows);
    }
    // What the store file keeps in files beside it, carried with the rows (or, on a pull, the
    // key deliberately not).
    println!(
        "  received files (PDFs, pictures): {} ({:.1} MB)",
        report.received_files,
        report.received_bytes as f64 / 1e6
    );
    println!(
        "  office private key: {}",
        match (done, report.office_key) {
            ("pulled", _) => "not copied (a laptop's copy does not sign as the office)",
            (_, true) => "carried (the team store's managers sign with it)",
            (_, false) => "none beside the store file",
        }
    );
    Ok(())
}

/// The records a push of changes wrote (or would write), as JSON or one line each.
fn print_changes(report: &ChangesReport, what: &str, json: bool) -> Result<()> {
    if json {
        return crate::print_json(report);
    }
    let done = match report.dry_run {
        true => "would push (dry run, nothing written)",
        false => "pushed",
    };
    println!("{done} {} changed records, {what}", report.changes.len());
    for c in &report.changes {
        let action = match c.action {
            ChangeAction::Created => "created",
            ChangeAction::AlreadyThere => "already there",
            ChangeAction::Updated => "updated",
            ChangeAction::Deleted => "deleted",
        };
        let team_id = match c.team_id {
            0 => "new".to_owned(),
            id => id.to_string(),
        };
        println!(
            "  {action:<13} {:<16} {:>7} → {team_id:<7} {}",
            c.kind.name(),
            c.copy_id,
            c.name
        );
    }
    Ok(())
}

/// The URL without its password, for messages.
pub fn shown(url: &str) -> String {
    team_copy::without_password(url)
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
