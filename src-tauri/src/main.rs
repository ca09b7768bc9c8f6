// Hides the console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

/// The same allocator as the `planner` binary: a contact import prepares rows on one thread and
/// writes them on another, and glibc's allocator then serialises both on its arena lock.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    planner_app::run();
}
