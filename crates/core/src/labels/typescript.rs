//! `ui/src/lib/labels.gen.ts`: every label of this module as typed TypeScript maps, so the
//! screens name values with the same words as the PDFs (the check that the checked-in file is
//! fresh lives with the bindings' test).

use super::{every_enum, Bilingual, NO_ONE_CHOSEN, SECTORS, SECTOR_ALIASES, WHOLE_DELEGATION};
use std::fmt::Write;

fn quoted(s: &str) -> String {
    serde_json::to_string(s).expect("a string serialises")
}

fn entry(out: &mut String, key: &str, label: &Bilingual<&str>) {
    let _ = writeln!(
        out,
        "  {}: {{ vi: {}, en: {} }},",
        quoted(key),
        quoted(label.vi),
        quoted(label.en)
    );
}

/// The whole generated TypeScript file.
pub fn typescript() -> String {
    let enums = every_enum();
    let mut types: Vec<&str> = enums.iter().map(|e| e.type_name.as_str()).collect();
    types.push("Bilingual");
    types.push("EntityKind");
    types.sort_unstable();
    types.dedup();
    let mut out = String::from(
        "// Generated from Rust by planner-core (src/labels/). Do not edit by hand: run\n\
         // `UPDATE_BINDINGS=1 cargo test -p planner-core --test core bindings` after changing a label.\n\
         // Each map lists its values in display order; `Record<Enum, ...>` makes the compiler check\n\
         // that every value has its labels.\n\n",
    );
    let _ = writeln!(
        out,
        "import type {{ {} }} from './bindings.gen';\n",
        types.join(", ")
    );
    for e in &enums {
        let _ = writeln!(
            out,
            "export const {}: Readonly<Record<{}, Bilingual>> = {{",
            e.constant, e.type_name
        );
        for (key, label) in &e.values {
            entry(&mut out, key, label);
        }
        out.push_str("};\n\n");
    }
    let tags: Vec<String> = SECTORS.iter().map(|(t, _)| quoted(t)).collect();
    out.push_str("/** A sector tag the app names (records may hold others, typed by a user). */\n");
    let _ = writeln!(out, "export type SectorTag = {};\n", tags.join(" | "));
    out.push_str("export const SECTORS: Readonly<Record<SectorTag, Bilingual>> = {\n");
    for (tag, label) in SECTORS {
        entry(&mut out, tag, label);
    }
    out.push_str("};\n\n/** Other spellings of known tags. */\n");
    out.push_str("export const SECTOR_ALIASES: Readonly<Record<string, SectorTag>> = {\n");
    for (alias, tag) in SECTOR_ALIASES {
        let _ = writeln!(out, "  {}: {},", quoted(alias), quoted(tag));
    }
    out.push_str("};\n\n");
    out.push_str(
        "/** Each kind's required fields (an empty value is refused by the core): forms mark them. */\n",
    );
    out.push_str(
        "export const REQUIRED_FIELDS: Readonly<Record<EntityKind, readonly string[]>> = {\n",
    );
    for kind in crate::domain::EntityKind::ALL {
        let name = serde_json::to_value(kind).expect("a kind serialises");
        let fields: Vec<String> = kind.required_fields().iter().map(|f| quoted(f)).collect();
        let _ = writeln!(out, "  {}: [{}],", name, fields.join(", "));
    }
    out.push_str("};\n");
    out.push_str("/** Who attends an itinerary item without chosen attendees, and the rule said where they are chosen. */\n");
    for (name, text) in [
        ("WHOLE_DELEGATION", WHOLE_DELEGATION),
        ("NO_ONE_CHOSEN", NO_ONE_CHOSEN),
    ] {
        let _ = writeln!(
            out,
            "export const {name}: Bilingual = {{ vi: {}, en: {} }};",
            quoted(text.vi),
            quoted(text.en)
        );
    }
    out
}
