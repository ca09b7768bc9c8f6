// The commands the webview may call are those the core declares, once, in
// `crates/core/src/commands/declared.rs` (a file holding only the `with_commands!` macro, so
// that it can be included here). Each gets an `allow-…` permission that
// `capabilities/main.json` grants to the main window (a core test checks that file against the
// same list); nothing else is reachable.
include!("../crates/core/src/commands/declared.rs");

macro_rules! names {
    ($($group:ident { $($name:ident ($($arg:ident : $ty:ty),*) -> $ret:ty;)* })*) => {
        &[$($(stringify!($name)),*),*]
    };
}

const COMMANDS: &[&str] = with_commands!(names);

fn main() {
    println!("cargo:rerun-if-changed=../crates/core/src/commands/declared.rs");
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build script");
}
