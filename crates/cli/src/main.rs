//! `planner`: Delegation Planner on the command line, over the same core as the app. This file
//! declares the commands, opens the store and hands each command to the module that runs it.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use planner_core::paths::resolve_db_path;
use planner_core::{CoreError, Store};
use std::path::PathBuf;

/// glibc's allocator serialises the import's two threads on its arena lock when one frees what
/// the other allocated; mimalloc frees across threads without a shared lock.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod backup;
mod bench;
mod briefs;
mod crash;
mod doctor;
mod exchange;
mod images;
mod itinerary;
mod linked;
mod office;
mod people;
mod pipeline;
mod records;
mod search;
mod sectors;
mod setup;
mod team;
mod write_workload;

/// The exit code of a command that could not write because another program kept the store
/// busy for longer than the core waits (`planner_core::store::BUSY_WAIT`).
const STORE_BUSY_EXIT: i32 = 75;

/// What `--help` says of the exit codes.
fn exit_codes() -> String {
    format!(
        "Exit codes: 0 done; 1 failed (doctor: something is wrong; exchange: refused); 2 invalid \
         input; 3 not found; 4 the record changed since the revision given (team push --changes: \
         records changed on the team store too; itinerary check: a hard conflict); {STORE_BUSY_EXIT} the store stayed busy (another program kept writing \
         to it for {} seconds): nothing was written, try again.",
        planner_core::store::BUSY_WAIT.as_secs()
    )
}

#[derive(Parser)]
#[command(
    name = "planner",
    version = planner_core::about::VERSION_LINE,
    about = "Delegation Planner: promotion delegations, investor contacts and briefs",
    after_help = exit_codes()
)]
struct Cli {
    /// The store file (default: $PLANNER_DB, else the folder chosen at first run, in the config
    /// file, else the app's data directory).
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Creates the store (or brings an old one up to date) and prints where it is; with
    /// first-run flags, sets it up as the app's first-run screen does.
    Init(setup::InitArgs),
    /// The team store on PostgreSQL: `team init --url URL` creates or migrates it.
    Team {
        #[command(subcommand)]
        action: team::TeamAction,
    },
    /// Seeds the demo data (Hanoi agency, trade offices, investors, delegations) into an empty store.
    Demo {
        /// Delete everything first, then seed.
        #[arg(long)]
        reset: bool,
        /// Instead of the demo, generate N synthetic organisations with contacts, interactions
        /// and leads (for benchmarks).
        #[arg(long, value_name = "N")]
        scale: Option<usize>,
    },
    /// Lists records of one kind.
    List(records::ListArgs),
    /// The sectors records may hold (`planner sectors add --vi … --en …` adds one).
    Sectors {
        #[command(subcommand)]
        action: Option<sectors::SectorAction>,
    },
    /// Shows one record.
    Show {
        entity: String,
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Creates a record from a JSON object read from FILE or standard input.
    Create {
        entity: String,
        file: Option<PathBuf>,
    },
    /// Changes the fields given in a JSON object read from FILE or standard input. With
    /// `"revision": N` in it, only if the record is still at revision N (else exit 4, the record
    /// as it is now on standard output).
    Update {
        entity: String,
        id: i64,
        file: Option<PathBuf>,
    },
    /// Deletes a record.
    Delete {
        entity: String,
        id: i64,
        /// Only if the record is still at this revision (else exit 4, nothing deleted).
        #[arg(long)]
        revision: Option<i64>,
    },
    /// Generates an investment brief (PDF or HTML) and records it.
    Brief(briefs::BriefArgs),
    /// Pictures of opportunities (PNG or JPEG, resized on the way in).
    Image {
        #[command(subcommand)]
        action: images::ImageAction,
    },
    /// Measures the PDF engine and the store (prints numbers; asserts nothing).
    Bench {
        #[command(subcommand)]
        what: bench::BenchWhat,
    },
    /// A delegation's itinerary: conflicts, calendar, printed PDF, quick add.
    Itinerary {
        #[command(subcommand)]
        action: itinerary::ItineraryAction,
    },
    /// A delegation's workflow (status and moves) and counsellors' loads.
    Delegation {
        #[command(subcommand)]
        action: itinerary::DelegationAction,
    },
    /// The investment pipeline: totals by stage and by sector.
    Pipeline {
        #[command(subcommand)]
        action: pipeline::PipelineAction,
    },
    /// Searches organisations, contacts, leads, delegations, itinerary items, interactions and
    /// opportunities; accents, case and đ/Đ are ignored and each word matches as a prefix.
    Search {
        query: String,
        #[arg(long)]
        json: bool,
        /// At most this many hits per kind.
        #[arg(long, default_value_t = 5)]
        limit: u32,
    },
    /// Contacts that look like the same person (same email, same phone, similar name at the
    /// same organisation).
    Duplicates {
        #[arg(long)]
        json: bool,
    },
    /// Merges contact OTHER into KEEP: every field, interaction, meeting and membership kept.
    Merge { keep: i64, other: i64 },
    /// Imports contact files (and undoes imports).
    Import {
        #[command(subcommand)]
        action: people::ImportAction,
    },
    /// Exports the contact book.
    Export {
        #[command(subcommand)]
        action: people::ExportAction,
    },
    /// Personal data: export everything about a contact, or erase them.
    Person {
        #[command(subcommand)]
        action: people::PersonAction,
    },
    /// The delegations, meetings and briefs linked to an organisation or a contact.
    Linked {
        /// organizations or contacts.
        entity: String,
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// This office's profile, key fingerprint and card, for exchange with other offices.
    Office {
        #[command(subcommand)]
        action: office::OfficeAction,
    },
    /// Signed brief bundles between offices: export, inspect, import, the Inbox and Outbox,
    /// trusted keys, and adopting received opportunities.
    Exchange {
        #[command(subcommand)]
        action: exchange::ExchangeAction,
    },
    /// The store's backups: create, list, verify, restore, and where they go.
    Backup {
        #[command(subcommand)]
        action: backup::BackupAction,
    },
    /// Checks the store: SQLite's checks, the search index against the records, files and
    /// pictures by SHA-256, backups. Exits 1 when something is wrong.
    Doctor(doctor::DoctorArgs),
    /// The crash tests' workload (run and killed by `planner bench crash`).
    #[command(hide = true)]
    CrashWorkload(crash::WorkloadArgs),
    /// The concurrency test's writer (organisations created one by one beside other writers).
    #[command(hide = true)]
    WriteWorkload(write_workload::WriteWorkloadArgs),
    /// Shows the audit trail of one record.
    Audit {
        entity: String,
        id: i64,
        #[arg(long)]
        json: bool,
    },
}

fn main() {
    // Rust ignores SIGPIPE, so `planner … | head` made every later print panic with a
    // backtrace; the default action ends the process quietly, as `grep` or `cat` do.
    #[cfg(unix)]
    // SAFETY: called first thing, before any thread exists; SIG_DFL is a valid disposition.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = Cli::parse();
    if let Err(e) = run(cli) {
        eprintln!("planner: error: {}", one_line(&e));
        if let Some(words) = e.downcast_ref::<CoreError>().and_then(store_words) {
            eprintln!("{words}");
        }
        std::process::exit(match e.downcast_ref::<CoreError>() {
            Some(CoreError::Invalid(_)) => 2,
            Some(CoreError::NotFound { .. }) => 3,
            Some(CoreError::ChangedElsewhere { changed, .. }) => {
                // The record as it is now, for a script to look at and base its retry on.
                let _ = print_json(&changed.current);
                4
            }
            Some(CoreError::ChangedOnTeamStore(_)) => 4,
            // sysexits' EX_TEMPFAIL: nothing was written, and the same command may work later.
            Some(CoreError::StoreBusy) => STORE_BUSY_EXIT,
            _ => 1,
        });
    }
}

/// A store that has no room or cannot be written here is the officer's to act on: its code and
/// its words in Vietnamese too (the first line has the English).
fn store_words(e: &CoreError) -> Option<String> {
    matches!(
        e,
        CoreError::DiskFull
            | CoreError::ReadOnlyStore
            | CoreError::ReadOnlyOldSchema { .. }
            | CoreError::TeamStoreNotEmpty(_)
            | CoreError::TeamCopyFile { .. }
            | CoreError::ChangedOnTeamStore(_)
    )
    .then(|| format!("planner: [{}] {}", e.code(), e.message_vi()))
}

/// The error on one line, its control characters escaped: a message may quote the text it
/// refuses, and an escape sequence in it must not drive the terminal.
fn one_line(e: &anyhow::Error) -> String {
    format!("{e:#}")
        .replace('\n', " ")
        .chars()
        .map(|c| match c {
            c if c.is_control() => c.escape_unicode().to_string(),
            c => c.to_string(),
        })
        .collect()
}

/// A path given on the command line, made absolute against the working directory: the core's
/// output rule (`planner_core::files::output_path`) wants a full path, as a save dialog gives.
pub(crate) fn chosen(path: PathBuf) -> Result<PathBuf> {
    std::path::absolute(&path).with_context(|| format!("cannot resolve {}", path.display()))
}

/// Prints `v` as indented JSON.
pub(crate) fn print_json(v: &impl serde::Serialize) -> Result<()> {
    println!("{}", serde_json::to_string_pretty(v)?);
    Ok(())
}

/// Opens the store and runs the command on it.
fn run(cli: Cli) -> Result<()> {
    let db_given = cli.db.is_some()
        || std::env::var_os(planner_core::paths::DB_ENV).is_some_and(|v| !v.is_empty());
    let mut path = resolve_db_path(cli.db);
    if let Command::Init(args) = &cli.command {
        path = setup::init_path(args, path, db_given)?;
    }
    if let Command::Team { action } = cli.command {
        return team::team(action);
    }
    // A team store (`--db postgres://…`): the same commands over the same core.
    let location = path.to_string_lossy().into_owned();
    if planner_core::store::is_team_url(&location) {
        let mut store = Store::open_url(&location)
            .with_context(|| format!("cannot open the team store at {}", team::shown(&location)))?;
        return on_store(&mut store, path, cli.command);
    }
    // A restore replaces the store file: it runs with no connection of ours open on it.
    if let Command::Backup {
        action: backup::BackupAction::Restore { file, yes, json },
    } = cli.command
    {
        return backup::restore(&path, file, yes, json);
    }
    // Only the commands whose job is to make a store make one; the rest refuse a missing file.
    let mut store = match cli.command {
        Command::Init(_) | Command::Demo { .. } | Command::CrashWorkload(_) => Store::open(&path),
        Command::Bench { ref what } if !what.reads_the_store() => Store::open_in_memory(),
        _ => Store::open_existing(&path),
    }
    .map_err(|e| match e {
        CoreError::NoStore(_) => anyhow::Error::new(e),
        e => anyhow::Error::new(e).context(format!("cannot open {}", path.display())),
    })?;
    on_store(&mut store, path, cli.command)
}

/// Runs `command` on the open store at `path`.
fn on_store(store: &mut Store, path: PathBuf, command: Command) -> Result<()> {
    match command {
        Command::Team { action } => team::team(action)?,
        Command::Init(args) => setup::init(store, &path, &args)?,
        Command::Demo { reset, scale } => setup::demo(store, &path, reset, scale)?,
        Command::List(args) => records::list(store, args)?,
        Command::Sectors { action } => sectors::sectors(store, action)?,
        Command::Show { entity, id, json } => records::show(store, &entity, id, json)?,
        Command::Create { entity, file } => records::create(store, &entity, file)?,
        Command::Update { entity, id, file } => records::update(store, &entity, id, file)?,
        Command::Delete {
            entity,
            id,
            revision,
        } => records::delete(store, &entity, id, revision)?,
        Command::Audit { entity, id, json } => records::audit(store, &entity, id, json)?,
        Command::Brief(args) => briefs::brief(store, args)?,
        Command::Image { action } => images::image(store, action)?,
        Command::Bench { what } => bench::run(what, store)?,
        Command::Search { query, json, limit } => search::search(store, &query, json, limit)?,
        Command::Pipeline { action } => pipeline::pipeline(store, action)?,
        Command::Duplicates { json } => people::duplicates(store, json)?,
        Command::Merge { keep, other } => people::merge(store, keep, other)?,
        Command::Person { action } => people::person(store, action)?,
        Command::Import { action } => people::import(store, action)?,
        Command::Export { action } => people::export(store, action)?,
        Command::Itinerary { action } => {
            let code = itinerary::itinerary(store, action)?;
            if code != 0 {
                std::process::exit(code);
            }
        }
        Command::Delegation { action } => itinerary::delegation(store, action)?,
        Command::Office { action } => office::office(store, action)?,
        Command::Backup { action } => backup::backup(store, action)?,
        Command::Doctor(args) => {
            let code = doctor::doctor(store, args)?;
            if code != 0 {
                std::process::exit(code);
            }
        }
        Command::CrashWorkload(args) => crash::workload(store, args)?,
        Command::WriteWorkload(args) => write_workload::workload(store, args)?,
        Command::Exchange { action } => {
            let code = exchange::exchange(store, action)?;
            if code != 0 {
                std::process::exit(code);
            }
        }
        Command::Linked { entity, id, json } => {
            linked::linked(store, records::entity(&entity)?, id, json)?
        }
    }
    Ok(())
}
