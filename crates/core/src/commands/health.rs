//! The store's health, which the window asks for at start: read-only or not, the doctor's
//! quick check, and the newest good backup when the store is damaged.
//!
//! The quick check reads every page (5 s on a 100,000-organisation store of 650 MB), so it runs
//! on a thread of its own with its own connection (`Store::open_beside`), never holding the
//! session: the window's first screens load meanwhile. The first call starts it and answers
//! `checking`; the window asks again until the result is there. A restore starts it afresh.

use super::types::*;
use super::Session;
use crate::{doctor, Result, Store};
use std::sync::{Arc, Mutex};

/// The start check's progress, shared by the session and the check's thread.
#[derive(Default)]
pub(crate) enum StartCheck {
    #[default]
    NotStarted,
    Running,
    // Boxed: the report (a backup with its counts) dwarfs the other states.
    Done(Box<StoreHealth>),
}

/// Read-only or not (and why), whether this session may sign, what the quick check found, and
/// when that is damage the newest backup that passes a full check; `checking` while the check
/// runs.
pub fn store_health(s: &mut Session) -> Result<StoreHealth> {
    let Some(path) = s.store.path().map(ToOwned::to_owned) else {
        return doctor::store_health(&s.store);
    };
    let shared = Arc::clone(&s.start_check);
    let mut state = shared.lock().unwrap_or_else(|e| e.into_inner());
    match &*state {
        StartCheck::Done(health) => return Ok((**health).clone()),
        StartCheck::Running => {}
        StartCheck::NotStarted => {
            *state = StartCheck::Running;
            let read_only = s.store.read_only();
            let may_sign = s.store.may_sign()?;
            let shared = Arc::clone(&s.start_check);
            std::thread::spawn(move || {
                // A store the check cannot open or read through is damaged too.
                let mut done = Store::open_beside(&path)
                    .and_then(|store| doctor::store_health(&store))
                    .unwrap_or_else(|e| doctor::unopenable(&path, &e));
                // The session's own connection says whether the app can write.
                done.read_only = read_only;
                done.may_sign = may_sign;
                *shared.lock().unwrap_or_else(|e| e.into_inner()) =
                    StartCheck::Done(Box::new(done));
            });
        }
    }
    doctor::checking(&s.store)
}

/// The shared progress a new session (or a restored store) starts from.
pub(crate) fn fresh() -> Arc<Mutex<StartCheck>> {
    Arc::default()
}
