use std::path::PathBuf;

/// Compares a generated file with its checked-in copy (rewriting it first under
/// `UPDATE_BINDINGS=1`).
pub fn assert_fresh(relative: &str, generated: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(relative);
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, generated).unwrap();
    }
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        checked_in == generated,
        "{} is stale: run `UPDATE_BINDINGS=1 cargo test -p planner-core bindings` and commit it",
        path.display()
    );
}

/// The checked-in TypeScript bindings must equal what the Rust types generate now.
#[test]
fn bindings_are_fresh() {
    let generated = planner_core::bindings::typescript();
    assert_fresh("../../ui/src/lib/bindings.gen.ts", &generated);
    for ty in [
        "export type Delegation = {",
        "export type EntityKind =",
        "export type ErrorPayload =",
        "export type Bilingual = {",
    ] {
        assert!(generated.contains(ty), "missing {ty}");
    }
}

/// The checked-in labels of the screens must equal the labels the PDFs and exports use.
#[test]
fn label_bindings_are_fresh() {
    let generated = planner_core::labels::typescript::typescript();
    assert_fresh("../../ui/src/lib/labels.gen.ts", &generated);
    for line in [
        "export const DELEGATION_STATUS: Readonly<Record<DelegationStatus, Bilingual>> = {",
        "  \"proposed\": { vi: \"Đề xuất\", en: \"Proposed\" },",
        "export const SECTORS: Readonly<Record<SectorTag, Bilingual>> = {",
    ] {
        assert!(generated.contains(line), "missing {line}");
    }
}

/// The demo's bundle from the Tokyo office must be what its JSON and key build now (and import:
/// a new user sees it verified in the Inbox).
#[test]
fn demo_bundle_bindings_are_fresh() {
    let built = planner_core::demo::tokyo::tokyo_bundle().unwrap();
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(planner_core::demo::tokyo::TOKYO_BUNDLE_PATH);
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &built).unwrap();
    }
    assert!(
        std::fs::read(&path).unwrap_or_default() == built,
        "{} is stale: run `UPDATE_BINDINGS=1 cargo test -p planner-core bindings` and commit it",
        path.display()
    );
}
