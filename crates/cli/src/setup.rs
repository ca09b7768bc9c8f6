//! `planner init` and `planner demo`: creating the store and seeding it.

use anyhow::Result;
use planner_core::{CoreError, Store};
use std::path::Path;

/// Prints where the store is and its schema version (opening it created or upgraded it).
pub fn init(store: &Store, path: &Path) -> Result<()> {
    println!(
        "{} (schema version {})",
        path.display(),
        store.schema_version()?
    );
    Ok(())
}

/// Seeds the demo, or `scale` synthetic organisations (into an empty store only); `reset`
/// deletes everything first.
pub fn demo(store: &mut Store, path: &Path, reset: bool, scale: Option<usize>) -> Result<()> {
    if reset {
        store.wipe()?;
    }
    let summary = match scale {
        Some(n) => {
            if !store.is_empty()? {
                return Err(CoreError::NotEmpty.into());
            }
            planner_core::demo::seed_synthetic(store, n, 42)?
        }
        None => planner_core::demo::seed_demo(store, chrono::Local::now().date_naive())?,
    };
    let parts: Vec<String> = summary.iter().map(|(k, n)| format!("{n} {k}")).collect();
    println!("seeded {}: {}", path.display(), parts.join(", "));
    Ok(())
}
