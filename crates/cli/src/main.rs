//! `planner`: Delegation Planner on the command line, over the same core as the app.

use anyhow::{anyhow, bail, Context, Result};
use clap::{Parser, Subcommand};
use planner_core::domain::EntityKind;
use planner_core::paths::resolve_db_path;
use planner_core::store::{Filter, ListQuery};
use planner_core::{CoreError, Store};
use serde_json::Value;
use std::io::Read;
use std::path::PathBuf;

/// Largest JSON input accepted by create/update (a record is a few kilobytes).
const MAX_INPUT: u64 = 4 * 1024 * 1024;

#[derive(Parser)]
#[command(
    name = "planner",
    version,
    about = "Delegation Planner: promotion delegations, investor contacts and briefs"
)]
struct Cli {
    /// The store file (default: $PLANNER_DB, else the app's data directory).
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Creates the store (or brings an old one up to date) and prints where it is.
    Init,
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
    List {
        /// delegations, members, itinerary-items, organizations, contacts, interactions, leads,
        /// opportunities, offices, counsellors or briefs.
        entity: String,
        #[arg(long)]
        json: bool,
        /// Keep records whose FIELD equals VALUE (repeatable; list fields: contains VALUE).
        #[arg(long, value_name = "FIELD=VALUE")]
        filter: Vec<String>,
        #[arg(long, value_name = "FIELD")]
        sort: Option<String>,
        #[arg(long)]
        desc: bool,
        #[arg(long)]
        limit: Option<u32>,
        #[arg(long, default_value_t = 0)]
        offset: u32,
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
    /// Changes the fields given in a JSON object read from FILE or standard input.
    Update {
        entity: String,
        id: i64,
        file: Option<PathBuf>,
    },
    /// Deletes a record.
    Delete { entity: String, id: i64 },
    /// Shows the audit trail of one record.
    Audit {
        entity: String,
        id: i64,
        #[arg(long)]
        json: bool,
    },
}

fn main() {
    let cli = Cli::parse();
    if let Err(e) = run(cli) {
        eprintln!("planner: error: {}", one_line(&e));
        std::process::exit(match e.downcast_ref::<CoreError>() {
            Some(CoreError::Invalid(_)) => 2,
            Some(CoreError::NotFound { .. }) => 3,
            _ => 1,
        });
    }
}

fn one_line(e: &anyhow::Error) -> String {
    format!("{e:#}").replace('\n', " ")
}

fn entity(name: &str) -> Result<EntityKind> {
    EntityKind::parse(name).ok_or_else(|| {
        let all: Vec<&str> = EntityKind::ALL.iter().map(|k| k.name()).collect();
        anyhow!("unknown entity «{name}»; use one of: {}", all.join(", "))
    })
}

fn read_input(file: Option<PathBuf>) -> Result<Value> {
    let mut text = String::new();
    let what = match &file {
        Some(p) if p.as_os_str() != "-" => {
            let f =
                std::fs::File::open(p).with_context(|| format!("cannot open {}", p.display()))?;
            f.take(MAX_INPUT + 1)
                .read_to_string(&mut text)
                .with_context(|| format!("{} is not UTF-8 text", p.display()))?;
            p.display().to_string()
        }
        _ => {
            std::io::stdin()
                .take(MAX_INPUT + 1)
                .read_to_string(&mut text)
                .context("standard input is not UTF-8 text")?;
            "standard input".to_owned()
        }
    };
    if text.len() as u64 > MAX_INPUT {
        bail!("{what} is larger than {} MiB", MAX_INPUT / 1024 / 1024);
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    serde_json::from_str(text).map_err(|e| {
        anyhow!(
            "{what}: invalid JSON at line {}, column {}: {e}",
            e.line(),
            e.column()
        )
    })
}

fn print_json(v: &impl serde::Serialize) -> Result<()> {
    println!("{}", serde_json::to_string_pretty(v)?);
    Ok(())
}

fn title_of(kind: EntityKind, v: &Value) -> String {
    let field =
        planner_core::with_entity!(kind, E => <E as planner_core::domain::Entity>::TITLE_FIELD);
    match &v[field] {
        Value::String(s) => s.clone(),
        Value::Null if kind == EntityKind::Members => format!("contact #{}", v["contact_id"]),
        other => other.to_string(),
    }
}

fn run(cli: Cli) -> Result<()> {
    let path = resolve_db_path(cli.db);
    let mut store =
        Store::open(&path).with_context(|| format!("cannot open {}", path.display()))?;
    match cli.command {
        Command::Init => println!(
            "{} (schema version {})",
            path.display(),
            store.schema_version()?
        ),
        Command::Demo { reset, scale } => {
            if reset {
                store.wipe()?;
            }
            let summary = match scale {
                Some(n) => {
                    if !store.is_empty()? {
                        return Err(CoreError::NotEmpty.into());
                    }
                    planner_core::demo::seed_synthetic(&mut store, n, 42)?
                }
                None => planner_core::demo::seed_demo(&mut store, chrono_today())?,
            };
            let parts: Vec<String> = summary.iter().map(|(k, n)| format!("{n} {k}")).collect();
            println!("seeded {}: {}", path.display(), parts.join(", "));
        }
        Command::List {
            entity: name,
            json,
            filter,
            sort,
            desc,
            limit,
            offset,
        } => {
            let kind = entity(&name)?;
            let filters = filter
                .iter()
                .map(|f| {
                    Filter::parse(f).ok_or_else(|| anyhow!("--filter «{f}» is not FIELD=VALUE"))
                })
                .collect::<Result<Vec<_>>>()?;
            let page = store.list_json(
                kind,
                &ListQuery {
                    filters,
                    sort,
                    descending: desc,
                    limit,
                    offset,
                },
            )?;
            if json {
                print_json(&page.items)?;
            } else {
                for item in &page.items {
                    println!("{:>6}  {}", item["id"], title_of(kind, item));
                }
                println!("({} of {} {kind})", page.items.len(), page.total);
            }
        }
        Command::Show {
            entity: name,
            id,
            json,
        } => {
            let kind = entity(&name)?;
            let v = store.get_json(kind, id)?;
            if json {
                print_json(&v)?;
            } else {
                for (k, val) in v.as_object().into_iter().flatten() {
                    let text = match val {
                        Value::String(s) => s.clone(),
                        other => other.to_string(),
                    };
                    println!("{k}: {text}");
                }
            }
        }
        Command::Create { entity: name, file } => {
            let kind = entity(&name)?;
            let v = store.create_json(kind, read_input(file)?)?;
            print_json(&v)?;
        }
        Command::Update {
            entity: name,
            id,
            file,
        } => {
            let kind = entity(&name)?;
            let v = store.update_json(kind, id, read_input(file)?)?;
            print_json(&v)?;
        }
        Command::Delete { entity: name, id } => {
            let kind = entity(&name)?;
            store.delete(kind, id)?;
            println!("deleted {} {id}", kind.label_en());
        }
        Command::Audit {
            entity: name,
            id,
            json,
        } => {
            let kind = entity(&name)?;
            let entries = store.audit_of(kind, id)?;
            if json {
                print_json(&entries)?;
            } else {
                for e in entries {
                    let fields: Vec<&String> = e
                        .changes
                        .as_object()
                        .into_iter()
                        .flatten()
                        .map(|(k, _)| k)
                        .collect();
                    println!(
                        "{}  {:<6}  {}",
                        e.at,
                        e.action,
                        fields
                            .iter()
                            .map(|s| s.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    );
                }
            }
        }
    }
    Ok(())
}

fn chrono_today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}
