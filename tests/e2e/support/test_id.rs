//! Every selector by test id goes through `by_test_id`, so that the names can later be checked
//! against the UI's one list of test ids instead of being spelled here a second time.

/// The CSS selector for the element(s) whose `data-testid` is `name`.
pub fn by_test_id(name: &str) -> String {
    format!("[data-testid=\"{name}\"]")
}
