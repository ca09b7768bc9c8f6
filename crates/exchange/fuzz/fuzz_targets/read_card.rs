//! Any bytes given as an office card: a refusal or a verified card, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = planner_exchange::read_card(bytes);
});
