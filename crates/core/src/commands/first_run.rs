//! First-run commands: whether the window shows the first-run screen, and completing it (which
//! may move the session to a store in another folder).

use super::types::*;
use super::Session;
use crate::Result;

/// Whether the store is set up, and the folders the first-run screen shows as defaults.
pub fn first_run_state(s: &mut Session) -> Result<FirstRunState> {
    crate::first_run::state(&s.store)
}

/// Applies the first-run choices (`first_run::complete`); when the data moved to another
/// folder, the session continues on the store there.
pub fn complete_first_run(s: &mut Session, choices: FirstRunChoices) -> Result<FirstRunDone> {
    let today = chrono::Local::now().date_naive();
    let config = crate::paths::config_file();
    let completed = crate::first_run::complete(&mut s.store, &choices, today, &config)?;
    if let Some(store) = completed.moved_to {
        s.switch_store(store);
    }
    Ok(completed.done)
}
