//! Every selector by test id goes through `by_test_id`, which takes only ids of the UI's one
//! list (`ui/src/lib/test-ids.json`, which the components and vitest use through
//! `ui/src/lib/test-ids.ts`): an id renamed in the UI fails here by name, not as a timeout.

use std::sync::OnceLock;

/// The UI's test ids: fixed ids, and families such as `error-{}` completed with a key.
struct TestIds {
    ids: Vec<String>,
    families: Vec<(String, String)>,
}

fn test_ids() -> &'static TestIds {
    static IDS: OnceLock<TestIds> = OnceLock::new();
    IDS.get_or_init(|| {
        let json: serde_json::Value =
            serde_json::from_str(include_str!("../../../ui/src/lib/test-ids.json"))
                .expect("ui/src/lib/test-ids.json is JSON");
        let strings = |key: &str| -> Vec<String> {
            json[key]
                .as_object()
                .unwrap_or_else(|| panic!("test-ids.json has no {key} object"))
                .values()
                .map(|v| v.as_str().expect("a test id is a string").to_owned())
                .collect()
        };
        TestIds {
            ids: strings("ids"),
            families: strings("families")
                .into_iter()
                .map(|f| {
                    let (before, after) = f.split_once("{}").expect("a family has {}");
                    (before.to_owned(), after.to_owned())
                })
                .collect(),
        }
    })
}

/// Whether `name` is one of the UI's test ids.
pub fn is_test_id(name: &str) -> bool {
    let ids = test_ids();
    ids.ids.iter().any(|id| id == name)
        || ids.families.iter().any(|(before, after)| {
            name.len() > before.len() + after.len()
                && name.starts_with(before.as_str())
                && name.ends_with(after.as_str())
        })
}

/// The CSS selector for the element(s) whose `data-testid` is `name`, one of the UI's ids.
pub fn by_test_id(name: &str) -> String {
    assert!(
        is_test_id(name),
        "{name:?} is not in ui/src/lib/test-ids.json: use an id the UI declares"
    );
    format!("[data-testid=\"{name}\"]")
}
