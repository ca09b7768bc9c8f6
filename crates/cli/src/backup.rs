//! `planner backup create | list | verify | restore | folders | thin`: the store's backups, as the
//! app's Settings screen shows them.

use anyhow::{bail, Result};
use clap::Subcommand;
use planner_core::backup::{self, BackupFile};
use planner_core::Store;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Subcommand)]
pub enum BackupAction {
    /// Takes a checked backup now (into the backup folder, and the second one if set), then
    /// thins the old ones.
    Create {
        #[arg(long)]
        json: bool,
    },
    /// The backups, newest first: when, size, schema and record counts.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Checks a backup file as a restore would (integrity, search index, schema).
    Verify {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Replaces the store with FILE, after a safety backup of the store as it is. Refused
    /// without --yes, saying what would be replaced, and while the store is open elsewhere.
    Restore {
        file: PathBuf,
        #[arg(long)]
        yes: bool,
        #[arg(long)]
        json: bool,
    },
    /// Shows, or sets, the backup folder and a second destination (a USB stick, a shared
    /// folder). Without a flag, shows them.
    Folders {
        /// The backup folder (default: backups/ beside the store).
        #[arg(long, value_name = "DIR")]
        folder: Option<PathBuf>,
        /// A second folder every backup is also copied to.
        #[arg(long, value_name = "DIR")]
        second: Option<PathBuf>,
        /// Back to the default folder, and no second destination.
        #[arg(long, conflicts_with_all = ["folder", "second"])]
        reset: bool,
    },
    /// Deletes every backup that may still hold an erased contact: those taken before the
    /// erase, in both folders, kept copies too, after a new backup of the store as it is now.
    /// The erase can then no longer be undone from a backup. Without --yes, lists them.
    Thin {
        /// The id the contact had when it was erased.
        #[arg(long, value_name = "CONTACT_ID")]
        erased: i64,
        #[arg(long)]
        yes: bool,
        #[arg(long)]
        json: bool,
    },
}

fn counts(c: &BTreeMap<String, i64>) -> String {
    c.iter()
        .filter(|(_, n)| **n > 0)
        .map(|(k, n)| format!("{n} {k}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn line(b: &BackupFile) -> String {
    format!(
        "{}  {} KB  schema {}{}  {}  {}",
        b.taken_at,
        b.bytes.div_ceil(1024),
        b.schema_version,
        if b.kept { "  kept" } else { "" },
        b.path,
        counts(&b.counts)
    )
}

/// Runs the actions on an open store (all but `restore`, which must run with it closed).
pub fn backup(store: &mut Store, action: BackupAction) -> Result<()> {
    match action {
        BackupAction::Create { json } => {
            let made = backup::create(store, chrono::Utc::now(), false)?;
            if json {
                return crate::print_json(&made);
            }
            println!("{}", line(&made));
            if let Some(second) = &made.second_copy {
                println!("second copy: {second}");
            }
        }
        BackupAction::List { json } => {
            let list = backup::list(&backup::places(store)?.folder)?;
            if json {
                return crate::print_json(&list);
            }
            for b in &list {
                println!("{}", line(b));
            }
        }
        BackupAction::Verify { file, json } => {
            let checked = backup::verify(&crate::chosen(file)?)?;
            if json {
                crate::print_json(&checked)?;
            } else if checked.ok() {
                println!("ok: {} ({})", checked.path, counts(&checked.counts));
            }
            if !checked.ok() {
                bail!(
                    "{} is damaged: {}",
                    checked.path,
                    checked.problems.join("; ")
                );
            }
        }
        BackupAction::Folders {
            folder,
            second,
            reset,
        } => folders(store, folder, second, reset)?,
        BackupAction::Thin { erased, yes, json } => thin(store, erased, yes, json)?,
        BackupAction::Restore { .. } => unreachable!("restore runs before the store is opened"),
    }
    Ok(())
}

fn folders(
    store: &mut Store,
    folder: Option<PathBuf>,
    second: Option<PathBuf>,
    reset: bool,
) -> Result<()> {
    if reset || folder.is_some() || second.is_some() {
        // A flag left out keeps what is set.
        let current = |key| -> Result<Option<PathBuf>> {
            Ok(store
                .setting(key)?
                .filter(|s| !s.is_empty())
                .map(PathBuf::from))
        };
        let folder = match folder {
            Some(f) => Some(crate::chosen(f)?),
            None if reset => None,
            None => current(backup::FOLDER_KEY)?,
        };
        let second = match second {
            Some(f) => Some(crate::chosen(f)?),
            None if reset => None,
            None => current(backup::SECOND_FOLDER_KEY)?,
        };
        backup::set_places(store, folder.as_deref(), second.as_deref())?;
    }
    let places = backup::places(store)?;
    println!("folder: {}", places.folder.display());
    match places.second {
        Some(s) => println!("second: {}", s.display()),
        None => println!("second: none"),
    }
    Ok(())
}

/// `planner backup thin --erased ID` (and `person erase ID --thin-backups`, with `yes`).
pub fn thin(store: &mut Store, erased: i64, yes: bool, json: bool) -> Result<()> {
    if !yes {
        let found = backup::holding_erased(store, erased)?;
        if json {
            return crate::print_json(&found);
        }
        for path in &found.backups {
            println!("{path}");
        }
        bail!(
            "not thinned: {} backups taken before contact {erased} was erased ({}) may hold them; \
             add --yes to take a new backup and delete these (the erase can then no longer be undone from a backup)",
            found.backups.len(),
            found.erased_at
        );
    }
    let t = backup::thin_after_erase(store, erased, chrono::Utc::now())?;
    if json {
        return crate::print_json(&t);
    }
    println!("new backup of the store as it is now: {}", t.fresh.path);
    println!("deleted {} backups taken before the erase", t.removed.len());
    for folder in &t.unreachable {
        println!(
            "could not reach {folder}: its backups may still hold the person; \
             run `planner backup thin --erased {erased} --yes` once it is back"
        );
    }
    Ok(())
}

/// `planner backup restore FILE`: with the store closed. Without `yes`, says what would be
/// replaced and refuses.
pub fn restore(store_path: &Path, file: PathBuf, yes: bool, json: bool) -> Result<()> {
    let file = crate::chosen(file)?;
    if !yes {
        let checked = backup::verify(&file)?;
        let store = Store::open_existing(store_path)?;
        let mut now = BTreeMap::new();
        for kind in planner_core::domain::EntityKind::ALL {
            now.insert(kind.table().to_owned(), store.count(kind)?);
        }
        bail!(
            "not restored: this would replace {} ({}) with {} ({}); a safety backup is taken first. Add --yes to restore",
            store_path.display(),
            counts(&now),
            file.display(),
            counts(&checked.counts)
        );
    }
    let report = backup::restore(store_path, &file)?;
    if json {
        return crate::print_json(&report);
    }
    println!(
        "restored {} from {} ({})",
        store_path.display(),
        report.restored_from,
        counts(&report.counts)
    );
    println!("safety backup: {}", report.safety_backup.path);
    Ok(())
}
