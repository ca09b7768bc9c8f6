use std::path::PathBuf;

/// The checked-in TypeScript bindings must equal what the Rust types generate now.
#[test]
fn bindings_are_fresh() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/bindings.gen.ts");
    let generated = planner_core::bindings::typescript();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &generated).unwrap();
    }
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        checked_in == generated,
        "{} is stale: run `UPDATE_BINDINGS=1 cargo test -p planner-core bindings` and commit it",
        path.display()
    );
    for ty in [
        "export type Delegation = {",
        "export type EntityKind =",
        "export type ErrorPayload =",
    ] {
        assert!(generated.contains(ty), "missing {ty}");
    }
}
