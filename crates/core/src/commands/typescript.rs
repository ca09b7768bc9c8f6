//! The TypeScript signature of every command, generated from `declared.rs` into
//! `ui/src/lib/commands.gen.ts`: `api.ts` calls commands and the tests' fake core answers them
//! through these types, so a renamed command or argument fails the front end's type check.
//! The file is checked in; a core test fails when it is stale.

use super::types::*;
use ts_rs::{Config, TS};

/// One argument: its name as the window sends it (Tauri takes arguments in camelCase) and
/// its TypeScript type. An `Option` argument may be left out.
fn argument(name: &str, ts: String) -> String {
    let optional = if ts.ends_with(" | null") { "?" } else { "" };
    format!("{}{optional}: {ts}", camel_case(name))
}

fn camel_case(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// `(name, arguments, reply)` of every command, as TypeScript.
fn signatures(cfg: &Config) -> Vec<(&'static str, Vec<String>, String)> {
    macro_rules! signatures {
        ($($group:ident { $($name:ident ($($arg:ident : $ty:ty),*) -> $ret:ty;)* })*) => {
            vec![$($((
                stringify!($name),
                vec![$(argument(stringify!($arg), <$ty as TS>::name(cfg))),*],
                <$ret as TS>::name(cfg),
            )),*),*]
        };
    }
    crate::with_commands!(signatures)
}

/// The whole generated file.
pub fn typescript() -> String {
    let cfg = Config::new().with_large_int("number");
    let signatures = signatures(&cfg);
    let mut used = std::collections::BTreeSet::new();
    for (_, args, ret) in &signatures {
        for text in args.iter().chain([ret]) {
            for word in text.split(|c: char| !c.is_ascii_alphanumeric()) {
                if word.starts_with(|c: char| c.is_ascii_uppercase()) && word != "Array" {
                    used.insert(word.to_owned());
                }
            }
        }
    }
    let mut out = String::from(
        "// Generated from Rust by planner-core (src/commands/). Do not edit by hand:\n\
         // run `UPDATE_BINDINGS=1 cargo test -p planner-core bindings` after changing a command.\n\n",
    );
    out.push_str("import type {\n");
    for name in &used {
        out.push_str(&format!("  {name},\n"));
    }
    out.push_str("} from './bindings.gen';\n\n");
    out.push_str(
        "/** Every command the window may call: its arguments (as sent) and its reply. */\n\
         export interface Commands {\n",
    );
    for (name, args, ret) in &signatures {
        let args = if args.is_empty() {
            "Record<string, never>".to_owned()
        } else {
            format!("{{ {} }}", args.join("; "))
        };
        out.push_str(&format!("  {name}: {{ args: {args}; reply: {ret} }};\n"));
    }
    out.push_str("}\n\n/** The name of a command. */\nexport type Command = keyof Commands;\n");
    out
}

/// What the window may do besides its commands: the open/save dialogs, and its close request
/// (listening to it makes closing the page's job: it destroys the window unless a form with
/// unsaved changes is kept, ui/src/lib/window-close.ts).
pub const WINDOW_PERMISSIONS: &[&str] = &[
    "dialog:allow-open",
    "dialog:allow-save",
    "core:event:allow-listen",
    "core:window:allow-destroy",
];

/// The main window's capability file (`src-tauri/capabilities/main.json`): one permission per
/// command, plus `WINDOW_PERMISSIONS`, and nothing else.
pub fn capability() -> String {
    let mut permissions: Vec<String> = super::names()
        .into_iter()
        .map(|n| format!("allow-{}", n.replace('_', "-")))
        .collect();
    permissions.extend(WINDOW_PERMISSIONS.iter().map(|p| p.to_string()));
    let mut out = String::from(
        "{\n  \"identifier\": \"main\",\n  \"description\": \"Generated from the core's command list \
         (crates/core/src/commands/declared.rs): the main window may call the app's own commands, \
         the native open/save dialogs, and hear its own close request (to ask before unsaved \
         changes are lost, then close); no file system, shell, HTTP or other plugin APIs.\",\n  \
         \"windows\": [\"main\"],\n  \"permissions\": [\n",
    );
    let lines: Vec<String> = permissions.iter().map(|p| format!("    \"{p}\"")).collect();
    out.push_str(&lines.join(",\n"));
    out.push_str("\n  ]\n}\n");
    out
}
