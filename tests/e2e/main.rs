//! End-to-end tests on the real app window. Run under `xvfb-run -a` after building the app and
//! the CLI (the README's test command does all of it). Each scenario is its own test on its own
//! store; they take turns at the window (`Scenario`), so one failure does not hide the others.

mod briefs;
mod contacts;
mod delegations;
mod foundation;
