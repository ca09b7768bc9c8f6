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

/// glibc's allocator serialises the import's two threads on its arena lock when one frees what
/// the other allocated; mimalloc frees across threads without a shared lock.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod bench;
mod itinerary;
mod linked;
mod people;
mod pipeline;

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
        /// Keep records whose FIELD equals VALUE (repeatable; list fields: contains VALUE);
        /// FIELD^=VALUE keeps those starting with VALUE (e.g. start_date^=2027).
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
    /// Generates an investment brief (PDF or HTML) and records it.
    Brief(BriefArgs),
    /// Pictures of opportunities (PNG or JPEG, resized on the way in).
    Image {
        #[command(subcommand)]
        action: ImageAction,
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
    /// Shows the audit trail of one record.
    Audit {
        entity: String,
        id: i64,
        #[arg(long)]
        json: bool,
    },
}

#[derive(clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
struct BriefArgs {
    #[command(subcommand)]
    again: Option<BriefAgain>,
    /// A brief for the delegation with this id.
    #[arg(long, value_name = "ID", conflicts_with_all = ["organization", "sector"])]
    delegation: Option<i64>,
    /// A brief for the organisation with this id.
    #[arg(long, value_name = "ID", conflicts_with = "sector")]
    organization: Option<i64>,
    /// A brief for investors of this sector (with --country).
    #[arg(long, value_name = "SECTOR")]
    sector: Option<String>,
    /// The investors' country (ISO 3166-1 alpha-2), with --sector.
    #[arg(long, value_name = "CC", requires = "sector")]
    country: Option<String>,
    /// vi, en or bi (bilingual).
    #[arg(long, default_value = "vi")]
    lang: String,
    /// With --lang bi: the whole brief in Vietnamese, then in English (default: side by side).
    #[arg(long)]
    sequential: bool,
    /// US Letter instead of A4.
    #[arg(long)]
    letter: bool,
    /// Leave names, phones and emails of people out.
    #[arg(long)]
    no_personal_data: bool,
    /// Present these opportunities (comma-separated ids) instead of the suggested ones.
    #[arg(long, value_delimiter = ',', value_name = "IDS")]
    opportunities: Option<Vec<i64>>,
    /// pdf or html.
    #[arg(long, default_value = "pdf")]
    format: String,
    /// Where to write the brief.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Subcommand)]
enum ImageAction {
    /// Adds a picture to an opportunity.
    Add {
        opportunity_id: i64,
        file: PathBuf,
        #[arg(long)]
        caption: Option<String>,
    },
    /// Lists an opportunity's pictures.
    List {
        opportunity_id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Removes a picture.
    Remove { image_id: i64 },
}

#[derive(Subcommand)]
enum BriefAgain {
    /// Rebuilds a recorded brief exactly as it was generated and says whether it is identical.
    Regenerate {
        id: i64,
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
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

/// Reads a file, refusing it when it is larger than `limit` (one byte more is read to tell).
pub(crate) fn read_limited(path: &std::path::Path, limit: u64) -> Result<Vec<u8>> {
    let f = std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let mut bytes = Vec::new();
    f.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        bail!(
            "{} is larger than {} MiB",
            path.display(),
            limit / 1024 / 1024
        );
    }
    Ok(bytes)
}

pub(crate) fn print_json(v: &impl serde::Serialize) -> Result<()> {
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
            println!("deleted {} {id}", kind.noun().en);
        }
        Command::Brief(args) => brief(&mut store, args)?,
        Command::Image { action } => match action {
            ImageAction::Add {
                opportunity_id,
                file,
                caption,
            } => {
                let bytes = read_limited(&file, planner_core::images::MAX_INPUT_BYTES as u64)?;
                let img =
                    store.add_opportunity_image(opportunity_id, &bytes, caption.as_deref())?;
                println!(
                    "added picture {} ({}x{} {}) to opportunity {opportunity_id}",
                    img.id, img.width, img.height, img.mime
                );
            }
            ImageAction::List {
                opportunity_id,
                json,
            } => {
                let images = store.opportunity_images(opportunity_id)?;
                if json {
                    print_json(&images)?;
                } else {
                    for i in images {
                        println!(
                            "{:>6}  {}x{} {}  {}",
                            i.id,
                            i.width,
                            i.height,
                            i.mime,
                            i.caption.unwrap_or_default()
                        );
                    }
                }
            }
            ImageAction::Remove { image_id } => {
                store.remove_opportunity_image(image_id)?;
                println!("removed picture {image_id}");
            }
        },
        Command::Bench { what } => bench::run(what, &mut store)?,
        Command::Search { query, json, limit } => {
            let r = store.search(&query, limit.clamp(1, 1000))?;
            if json {
                print_json(&r)?;
            } else if r.groups.is_empty() {
                println!("nothing found for «{query}»");
            } else {
                for g in &r.groups {
                    println!("{} ({})", g.kind.noun().en, g.total);
                    for h in &g.hits {
                        if h.detail.is_empty() {
                            println!("  {:>6}  {}", h.id, h.label);
                        } else {
                            println!("  {:>6}  {}  — {}", h.id, h.label, h.detail);
                        }
                    }
                }
            }
        }
        Command::Pipeline { action } => pipeline::pipeline(&store, action)?,
        Command::Duplicates { json } => people::duplicates(&store, json)?,
        Command::Merge { keep, other } => people::merge(&mut store, keep, other)?,
        Command::Person { action } => people::person(&mut store, action)?,
        Command::Import { action } => people::import(&mut store, action)?,
        Command::Export { action } => people::export(&store, action)?,
        Command::Itinerary { action } => {
            let code = itinerary::itinerary(&mut store, action)?;
            if code != 0 {
                std::process::exit(code);
            }
        }
        Command::Delegation { action } => {
            itinerary::delegation(&mut store, action)?;
        }
        Command::Linked {
            entity: name,
            id,
            json,
        } => linked::linked(&store, entity(&name)?, id, json)?,
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

fn brief(store: &mut Store, a: BriefArgs) -> Result<()> {
    use planner_core::briefs::{self, Audience, BriefFormat, BriefRequest};
    use planner_core::domain::{BilingualLayout, BriefLanguage, Paper};
    let format = match a.format.as_str() {
        "pdf" => BriefFormat::Pdf,
        "html" => BriefFormat::Html,
        other => bail!("--format «{other}»: use pdf or html"),
    };
    if let Some(BriefAgain::Regenerate { id, output }) = a.again {
        let (bytes, identical) = briefs::regenerate(store, id, format)?;
        std::fs::write(&output, &bytes)
            .with_context(|| format!("cannot write {}", output.display()))?;
        println!(
            "{} ({} bytes, sha256 {}): {}",
            output.display(),
            bytes.len(),
            briefs::sha256_hex(&bytes),
            if identical {
                "identical to the recorded brief"
            } else {
                "differs: the data changed since it was generated"
            }
        );
        return Ok(());
    }
    let audience = match (a.delegation, a.organization, a.sector) {
        (Some(id), _, _) => Audience::Delegation { id },
        (_, Some(id), _) => Audience::Organization { id },
        (_, _, Some(sector)) => Audience::Sector {
            sector,
            country: a.country.map(|c| c.to_uppercase()),
        },
        _ => bail!(
            "choose the audience: --delegation ID, --organization ID or --sector S [--country CC]"
        ),
    };
    let language = match a.lang.as_str() {
        "vi" => BriefLanguage::Vi,
        "en" => BriefLanguage::En,
        "bi" => BriefLanguage::Bi,
        other => bail!("--lang «{other}»: use vi, en or bi"),
    };
    let mut req = BriefRequest::new(audience, language);
    req.include_personal_data = !a.no_personal_data;
    req.opportunity_ids = a.opportunities;
    if a.sequential {
        req.layout = BilingualLayout::Sequential;
    }
    if a.letter {
        req.paper = Paper::Letter;
    }
    let output = match a.output {
        Some(o) => o,
        None => briefs::default_file_name(&req, briefs::upcoming_version(store, &req)?, format),
    };
    let done = briefs::generate(store, &req, format, &output)?;
    println!(
        "{} ({} bytes, version {}, sha256 {}), recorded as brief {}",
        done.path, done.bytes, done.version, done.sha256, done.brief_id
    );
    Ok(())
}

fn chrono_today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}
