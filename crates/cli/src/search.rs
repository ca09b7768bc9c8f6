//! `planner search`: every kind of record found by words, accents and case ignored.

use anyhow::Result;
use planner_core::Store;

/// Prints the hits of `query` grouped by kind, at most `limit` (1 to 1,000) of each.
pub fn search(store: &Store, query: &str, json: bool, limit: u32) -> Result<()> {
    let r = store.search(query, limit.clamp(1, 1000))?;
    if json {
        return crate::print_json(&r);
    }
    if r.groups.is_empty() {
        println!("nothing found for «{query}»");
        return Ok(());
    }
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
    Ok(())
}
