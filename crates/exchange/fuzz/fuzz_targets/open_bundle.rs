//! Any bytes given to the reader: a refusal or a verified bundle, never a panic, a hang or an
//! allocation beyond the limits. Seed the corpus with a valid bundle (`seeds/`) so that the
//! fuzzer starts from the structure it has to break.
#![no_main]

use libfuzzer_sys::fuzz_target;
use planner_exchange::{open, parse_json, Limits};

fuzz_target!(|bytes: &[u8]| {
    let limits = Limits::default();
    let Ok(opened) = open(bytes, &limits) else {
        return;
    };
    let Ok(verified) = opened.verify_members() else {
        return;
    };
    // A verified bundle's members match the manifest exactly.
    for member in &verified.manifest.members {
        assert_eq!(verified.members[&member.path].len() as u64, member.size);
    }
    for (path, data) in &verified.members {
        if path.ends_with(".json") {
            let _ = parse_json::<serde_json::Value>(path, data, &limits);
        }
    }
});
