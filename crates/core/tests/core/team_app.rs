//! What the window asks of a team store at start, answered for a store with no file here: it
//! is set up (`planner team init` made it; no first-run page), its health is not checked here
//! (the server keeps its pages) and so never "damaged", and backups say in words that they are
//! the server's.

use crate::team_store;
use planner_core::commands::{backups, first_run, health, Session};

#[test]
fn a_team_store_opens_set_up_and_healthy_and_says_backups_are_the_servers() {
    let Some((_db, store)) = team_store() else {
        return;
    };
    let mut session = Session::new(store);
    assert!(first_run::first_run_state(&mut session).unwrap().set_up);
    let health = health::store_health(&mut session).unwrap();
    assert!(!health.damaged && !health.checking, "{health:?}");
    assert!(health.findings.is_empty());
    let refused = backups::backup_status(&mut session).unwrap_err();
    assert_eq!(refused.code(), "not_on_team_store");
    assert!(refused.to_string().contains("backups"), "{refused}");
}
