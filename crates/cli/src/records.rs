//! `planner list|show|create|update|delete|audit`: records of any kind, as JSON in and out.

use anyhow::{anyhow, bail, Context, Result};
use planner_core::domain::EntityKind;
use planner_core::store::{Filter, ListQuery};
use planner_core::Store;
use serde_json::Value;
use std::io::Read;
use std::path::PathBuf;

/// Largest JSON input accepted by create/update (a record is a few kilobytes).
const MAX_INPUT: u64 = 4 * 1024 * 1024;

// No doc comment: clap would take it for the subcommand's description.
#[derive(clap::Args)]
pub struct ListArgs {
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
}

/// The kind of record named `name`, or an error listing the kinds.
pub fn entity(name: &str) -> Result<EntityKind> {
    EntityKind::parse(name).ok_or_else(|| {
        let all: Vec<&str> = EntityKind::ALL.iter().map(|k| k.name()).collect();
        anyhow!("unknown entity «{name}»; use one of: {}", all.join(", "))
    })
}

pub fn list(store: &Store, a: ListArgs) -> Result<()> {
    let kind = entity(&a.entity)?;
    let filters = a
        .filter
        .iter()
        .map(|f| Filter::parse(f).ok_or_else(|| anyhow!("--filter «{f}» is not FIELD=VALUE")))
        .collect::<Result<Vec<_>>>()?;
    let page = store.list_json(
        kind,
        &ListQuery {
            filters,
            sort: a.sort,
            descending: a.desc,
            limit: a.limit,
            offset: a.offset,
            ..ListQuery::default()
        },
    )?;
    if a.json {
        return crate::print_json(&page.items);
    }
    for item in &page.items {
        println!("{:>6}  {}", item["id"], title_of(kind, item));
    }
    println!("({} of {} {kind})", page.items.len(), page.total);
    Ok(())
}

pub fn show(store: &Store, name: &str, id: i64, json: bool) -> Result<()> {
    let kind = entity(name)?;
    let v = store.get_json(kind, id)?;
    if json {
        return crate::print_json(&v);
    }
    for (k, val) in v.as_object().into_iter().flatten() {
        let text = match val {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        println!("{k}: {text}");
    }
    Ok(())
}

pub fn create(store: &mut Store, name: &str, file: Option<PathBuf>) -> Result<()> {
    let kind = entity(name)?;
    let v = store.create_json(kind, read_input(file)?)?;
    crate::print_json(&v)
}

pub fn update(store: &mut Store, name: &str, id: i64, file: Option<PathBuf>) -> Result<()> {
    let kind = entity(name)?;
    let v = store.update_json(kind, id, read_input(file)?)?;
    crate::print_json(&v)
}

pub fn delete(store: &mut Store, name: &str, id: i64, revision: Option<i64>) -> Result<()> {
    let kind = entity(name)?;
    store.delete_based_on(kind, id, revision)?;
    println!("deleted {} {id}", kind.noun().en);
    Ok(())
}

/// Prints each change of the record: when, what was done, and the fields it touched.
pub fn audit(store: &Store, name: &str, id: i64, json: bool) -> Result<()> {
    let kind = entity(name)?;
    let entries = store.audit_of(kind, id)?;
    if json {
        return crate::print_json(&entries);
    }
    for e in entries {
        let fields: Vec<&str> = e
            .changes
            .as_object()
            .into_iter()
            .flatten()
            .map(|(k, _)| k.as_str())
            .collect();
        // A team store's rows name the officer who wrote them; a store file's name no one.
        match &e.officer {
            Some(officer) => println!(
                "{}  {:<6}  {}  ({officer})",
                e.at,
                e.action,
                fields.join(", ")
            ),
            None => println!("{}  {:<6}  {}", e.at, e.action, fields.join(", ")),
        }
    }
    Ok(())
}

/// Reads a JSON object from `file` (or standard input when it is None or "-"), refusing more
/// than `MAX_INPUT` and skipping a byte-order mark.
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

/// The line a list shows for a record: its title field, or the contact of a member without one.
fn title_of(kind: EntityKind, v: &Value) -> String {
    let field =
        planner_core::with_entity!(kind, E => <E as planner_core::domain::Entity>::TITLE_FIELD);
    match &v[field] {
        Value::String(s) => s.clone(),
        Value::Null if kind == EntityKind::Members => format!("contact #{}", v["contact_id"]),
        other => other.to_string(),
    }
}
