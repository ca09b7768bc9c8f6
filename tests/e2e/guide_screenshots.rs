//! The user guide's pictures (`docs/guide/img/{vi,en}/<name>.png`), taken from the real window on
//! the demo data, in each language, at 1280×800, as `docs/guide/screenshots.json` lists them.
//!
//! `./dev screenshots` runs the window scenario with `GUIDE_SCREENSHOTS=write`: it writes the
//! pictures into the source tree (and `./dev` then compresses them). Without it (`./dev test`) the
//! scenario checks them: every shot can still be taken, and each fresh picture is close enough
//! to the checked-in one (`picture_diff`); the fresh pictures go to `tests/artifacts/guide/`.
//! The tests without a window check that the guide, the list of shots and the pictures agree.
//!
//! A shot in `screenshots.json`: `name` (the file), `route` (a hash path), `what` (what the
//! picture must show, for whoever looks at it), and `setup`, steps run in order:
//! - `{"planner": [args…]}`: the `planner` CLI on the scenario's store; these run before the
//!   route opens (a record the route shows is made first);
//! - `{"wait": "<test id>"}`: wait for the element;
//! - `{"click": "<test id>"}`: click it;
//! - `{"scroll": "<test id>"}`: scroll the page so that the element is at the top, or with
//!   `"at": "center"` in the middle of the window (a long part shown with what is around it);
//! - `{"set": "<css>", "value": "…"}`: set a form field (a select, a date) as a picker does.

use crate::screens::{choose_language, open, settle};
use planner_e2e::{artifacts, by_test_id, planner, App, Scenario};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const SHOTS: &str = include_str!("../../docs/guide/screenshots.json");
const LANGUAGES: [&str; 2] = ["vi", "en"];

/// One picture of the guide, as `screenshots.json` describes it.
pub(crate) struct Shot {
    name: String,
    route: String,
    setup: Vec<Value>,
}

/// The guide's pictures, as `docs/guide/screenshots.json` lists them.
pub(crate) fn shots() -> Vec<Shot> {
    let listed: Value = serde_json::from_str(SHOTS).expect("docs/guide/screenshots.json is JSON");
    listed
        .as_array()
        .expect("screenshots.json is a list")
        .iter()
        .map(|shot| Shot {
            name: shot["name"].as_str().expect("a shot has a name").to_owned(),
            route: shot["route"]
                .as_str()
                .expect("a shot has a route")
                .to_owned(),
            setup: shot["setup"].as_array().cloned().unwrap_or_default(),
        })
        .collect()
}

fn guide_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/guide")
}

/// The checked-in picture of `name` in `lang`.
fn picture(lang: &str, name: &str) -> PathBuf {
    guide_dir().join(format!("img/{lang}/{name}.png"))
}

// --- Without a window: the guide, the list of shots and the pictures agree --------------------

/// The guide's Markdown in `lang`, outside its fenced code blocks (a shell comment is no heading).
fn guide_lines(lang: &str) -> Vec<String> {
    let text = std::fs::read_to_string(guide_dir().join(format!("{lang}.md"))).unwrap();
    let mut fenced = false;
    let mut lines = Vec::new();
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        } else if !fenced {
            lines.push(line.to_owned());
        }
    }
    lines
}

/// The pictures the guide in `lang` shows, in order, as the paths it writes (`img/vi/x.png`).
fn images_in_guide(lang: &str) -> Vec<String> {
    let mut images = Vec::new();
    for line in guide_lines(lang) {
        for (_, tail) in line.match_indices("![").map(|(i, _)| line.split_at(i)) {
            if let Some((_, src)) = tail.split_once("](") {
                images.push(src.split(')').next().unwrap_or_default().to_owned());
            }
        }
    }
    images
}

/// The level of each heading of the guide in `lang`, in order.
fn heading_levels(lang: &str) -> Vec<usize> {
    guide_lines(lang)
        .iter()
        .filter_map(|line| {
            let level = line.chars().take_while(|c| *c == '#').count();
            (level > 0 && line[level..].starts_with(' ')).then_some(level)
        })
        .collect()
}

#[test]
fn the_guide_names_exactly_the_listed_shots_and_each_is_there_in_both_languages() {
    let listed: Vec<String> = shots().into_iter().map(|s| s.name).collect();
    let mut missing = Vec::new();
    for lang in LANGUAGES {
        let shown = images_in_guide(lang);
        let names: Vec<String> = shown
            .iter()
            .map(|src| {
                let name = src
                    .strip_prefix(&format!("img/{lang}/"))
                    .and_then(|s| s.strip_suffix(".png"))
                    .unwrap_or_else(|| panic!("{lang}.md shows {src}, not img/{lang}/<name>.png"));
                name.to_owned()
            })
            .collect();
        for name in &names {
            assert!(
                listed.contains(name),
                "{lang}.md shows {name}, which screenshots.json does not list"
            );
        }
        for name in &listed {
            assert!(
                names.contains(name),
                "screenshots.json lists {name}, which {lang}.md does not show"
            );
            if !picture(lang, name).is_file() {
                missing.push(format!("img/{lang}/{name}.png"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "the guide's pictures {missing:?} are missing: run ./dev screenshots"
    );
}

#[test]
fn the_vietnamese_and_english_guides_have_the_same_sections_and_pictures() {
    assert_eq!(
        heading_levels("vi"),
        heading_levels("en"),
        "vi.md and en.md have the same headings, level by level, in the same order"
    );
    let names = |lang: &str| -> Vec<String> {
        images_in_guide(lang)
            .iter()
            .map(|src| src.rsplit('/').next().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        names("vi"),
        names("en"),
        "vi.md and en.md show the same pictures in the same order"
    );
}

// --- Comparing a fresh picture with the checked-in one -----------------------------------------

/// Cells of the grid a picture is compared on: 1280×800 in cells of 20×20 pixels.
const GRID: (usize, usize) = (64, 40);

/// A picture's size and its mean grey (0–255) in each cell of `GRID`.
fn grey_grid(png: &[u8]) -> ((u32, u32), Vec<f64>) {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(png));
    // Palette pictures (as `./dev screenshots` leaves them) and the window's RGBA alike.
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size().expect("a picture of sane size")];
    let info = reader.next_frame(&mut pixels).expect("a PNG's pixels");
    let channels = info.color_type.samples();
    let (w, h) = (info.width as usize, info.height as usize);
    let mut sums = vec![0.0; GRID.0 * GRID.1];
    let mut counts = vec![0usize; GRID.0 * GRID.1];
    for y in 0..h {
        let row = &pixels[y * info.line_size..];
        for x in 0..w {
            let p = &row[x * channels..];
            let grey = if channels >= 3 {
                0.299 * p[0] as f64 + 0.587 * p[1] as f64 + 0.114 * p[2] as f64
            } else {
                p[0] as f64
            };
            let cell = (y * GRID.1 / h) * GRID.0 + x * GRID.0 / w;
            sums[cell] += grey;
            counts[cell] += 1;
        }
    }
    let grid = sums
        .iter()
        .zip(&counts)
        .map(|(s, n)| s / (*n).max(1) as f64)
        .collect();
    ((info.width, info.height), grid)
}

/// How far a fresh picture is from the checked-in one: `None` when their sizes differ, else the
/// mean absolute difference of their grey grids (0 = alike, 255 = black against white).
fn picture_diff(fresh: &[u8], checked_in: &[u8]) -> Option<f64> {
    let (size, a) = grey_grid(fresh);
    let (checked_size, b) = grey_grid(checked_in);
    (size == checked_size)
        .then(|| a.iter().zip(&b).map(|(x, y)| (x - y).abs()).sum::<f64>() / a.len() as f64)
}

/// The most a picture may move and still be current, calibrated on the 28 pictures:
/// - the same screen taken again differs by at most 0.06 (a new key fingerprint, backup times,
///   temp paths), and the 256 colours `./dev screenshots` leaves add at most 0.01;
/// - every digit on the screen changed (a far larger change than the demo's relative dates make
///   from one day to the next) moves a picture by at most 0.26 (the pipeline board);
/// - the same screen in the other language, every word changed, differs by 1.66 or more;
/// - a panel gone from the window differs by 1.98 or more (3.4 to 7.6 on most screens);
/// - two different pictures of the guide differ by 4.9 or more.
const STALE_ABOVE: f64 = 1.0;

// --- With the window ----------------------------------------------------------------------------

/// Sets a form field until it holds `value` (a select's options may still be loading).
fn set_field(app: &App, css: &str, value: &str) {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        app.set_value(css, value);
        if app.value_of(css) == json!(value) {
            return;
        }
        assert!(Instant::now() < deadline, "{css} does not take «{value}»");
        std::thread::sleep(Duration::from_millis(150));
    }
}

/// Opens the shot's route on a page scrolled to its top and runs its steps.
fn take(app: &App, db: &Path, shot: &Shot) {
    let (before, after): (Vec<&Value>, Vec<&Value>) = shot
        .setup
        .iter()
        .partition(|step| step.get("planner").is_some());
    for step in before {
        let args: Vec<&str> = step["planner"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().expect("planner's arguments are strings"))
            .collect();
        planner(db, &args);
    }
    // The same route twice in a row would not reload: another screen in between does.
    let current = app.script("return window.location.hash;", vec![]);
    if current.as_str() == Some(&format!("#{}", shot.route)) {
        open(app, "/");
    }
    open(app, &shot.route);
    app.script(
        "document.querySelector('main.content').scrollTop = 0; return true;",
        vec![],
    );
    for step in after {
        if let Some(id) = step["wait"].as_str() {
            app.wait_for(&by_test_id(id), 20);
        } else if let Some(id) = step["click"].as_str() {
            app.click(&by_test_id(id));
        } else if let Some(id) = step["scroll"].as_str() {
            let at = step["at"].as_str().unwrap_or("start");
            assert!(
                ["start", "center"].contains(&at),
                "{}: scroll at {at}",
                shot.name
            );
            app.wait_for(&by_test_id(id), 10);
            app.script(
                "document.querySelector(arguments[0]).scrollIntoView({block: arguments[1], behavior: 'instant'});
                 return true;",
                vec![json!(by_test_id(id)), json!(at)],
            );
        } else if let Some(css) = step["set"].as_str() {
            set_field(app, css, step["value"].as_str().expect("set has a value"));
        } else {
            panic!("{}: unknown step {step}", shot.name);
        }
    }
    settle(app);
    // The last frame painted after the last change (a panel opening, a scroll).
    std::thread::sleep(Duration::from_millis(300));
}

#[test]
fn the_guides_pictures_are_taken_from_the_real_window_on_the_demo_and_are_current() {
    let write = std::env::var("GUIDE_SCREENSHOTS").as_deref() == Ok("write");
    let started = Instant::now();
    let mut stale = Vec::new();
    for lang in LANGUAGES {
        // A store per language: each language's pictures start from the same demo.
        let scenario = Scenario::begin("planner.db");
        let app = scenario.launch();
        app.wait_for(&by_test_id("dashboard-loaded"), 30);
        app.resize(1280, 800);
        choose_language(&app, lang);
        for shot in shots() {
            println!("guide picture {lang}/{}", shot.name);
            take(&app, scenario.db(), &shot);
            let fresh = artifacts().join(format!("guide/{lang}/{}.png", shot.name));
            app.screenshot(&fresh);
            let checked_in = picture(lang, &shot.name);
            if write {
                std::fs::create_dir_all(checked_in.parent().unwrap()).unwrap();
                std::fs::copy(&fresh, &checked_in).unwrap();
                continue;
            }
            let Ok(old) = std::fs::read(&checked_in) else {
                stale.push(format!("{lang}/{}.png is not there", shot.name));
                continue;
            };
            match picture_diff(&std::fs::read(&fresh).unwrap(), &old) {
                Some(diff) if diff <= STALE_ABOVE => println!("  current (differs by {diff:.2})"),
                Some(diff) => stale.push(format!(
                    "{lang}/{}.png is out of date (differs by {diff:.2}, at most {STALE_ABOVE})",
                    shot.name
                )),
                None => stale.push(format!(
                    "{lang}/{}.png is out of date (another size)",
                    shot.name
                )),
            }
        }
    }
    println!(
        "guide pictures: {} × {} languages in {} ms",
        shots().len(),
        LANGUAGES.len(),
        started.elapsed().as_millis()
    );
    assert!(
        stale.is_empty(),
        "the guide's pictures need retaking: run ./dev screenshots\n{}\n(the window's pictures are in {})",
        stale.iter().map(|s| format!("  the guide's picture {s}")).collect::<Vec<_>>().join("\n"),
        artifacts().join("guide").display()
    );
}
