//! `planner write-workload --count N --tag T` (hidden): N organisations created one by one, each
//! in its own transaction as an officer's saves are, named `<tag> <n>`. The concurrency test runs
//! two of these beside the app's core on one store; each prints the longest any write took
//! (`longest_write_ms M`), which is how long a write waited for the others.

use anyhow::Result;
use clap::Args;
use planner_core::domain::Organization;
use planner_core::Store;
use std::time::{Duration, Instant};

#[derive(Args)]
pub struct WriteWorkloadArgs {
    /// How many organisations to create.
    #[arg(long)]
    count: usize,
    /// The start of their names.
    #[arg(long)]
    tag: String,
}

/// Creates the organisations; then prints the longest write.
pub fn workload(store: &mut Store, args: WriteWorkloadArgs) -> Result<()> {
    let mut longest = Duration::ZERO;
    for n in 0..args.count {
        let started = Instant::now();
        store.create(&Organization {
            name_vi: format!("{} {n}", args.tag),
            country: "VN".into(),
            ..Organization::default()
        })?;
        longest = longest.max(started.elapsed());
    }
    println!("longest_write_ms {}", longest.as_millis());
    Ok(())
}
