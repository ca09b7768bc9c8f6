//! Helpers for the PDF tests: running poppler and qpdf on rendered files,
//! building test documents, comparing PNG renderings.

use std::path::{Path, PathBuf};
use std::process::Command;

use planner_pdf::Document;

mod documents;
pub use documents::*;

/// Renders `doc` and writes it to a file named `name` in the test scratch dir.
pub fn render_to_file(doc: &Document, name: &str) -> PathBuf {
    let bytes = planner_pdf::render(doc).expect("document renders");
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("planner-pdf-{name}.pdf"));
    std::fs::write(&path, bytes).expect("write pdf");
    path
}

/// Runs a tool and returns its stdout; panics with its stderr if it fails.
pub fn run(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {tool} (poppler-utils/qpdf installed?): {e}"));
    assert!(
        out.status.success(),
        "{tool} {args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

/// Text of the whole file, or of one 1-based page.
pub fn pdftotext(path: &Path, page: Option<usize>) -> String {
    let file = path.to_str().unwrap();
    match page {
        Some(n) => {
            let n = n.to_string();
            run(
                "pdftotext",
                &["-enc", "UTF-8", "-f", &n, "-l", &n, file, "-"],
            )
        }
        None => run("pdftotext", &["-enc", "UTF-8", file, "-"]),
    }
}

/// The first 1-based page whose text contains `needle`.
pub fn page_of(path: &Path, needle: &str) -> usize {
    (1..=page_count(path))
        .find(|p| pdftotext(path, Some(*p)).contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} is on no page"))
}

/// Rasterises page 1 at `dpi` with pdftoppm; returns the PNG's path.
pub fn rasterise_page_one(path: &Path, dpi: u32) -> PathBuf {
    let prefix = path.with_extension("");
    let dpi = dpi.to_string();
    let (pdf, out) = (path.to_str().unwrap(), prefix.to_str().unwrap());
    run(
        "pdftoppm",
        &[
            "-r",
            &dpi,
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            pdf,
            out,
        ],
    );
    prefix.with_extension("png")
}

/// The value of one `pdfinfo` field, e.g. "Pages" or "Title".
pub fn pdfinfo(path: &Path, field: &str) -> String {
    let out = run("pdfinfo", &[path.to_str().unwrap()]);
    out.lines()
        .find_map(|line| line.strip_prefix(&format!("{field}:")))
        .unwrap_or_else(|| panic!("pdfinfo has no {field}: {out}"))
        .trim()
        .to_string()
}

/// Number of pages according to pdfinfo.
pub fn page_count(path: &Path) -> usize {
    pdfinfo(path, "Pages").parse().unwrap()
}

/// Page width and height in points according to pdfinfo.
pub fn page_size(path: &Path) -> (f32, f32) {
    let size = pdfinfo(path, "Page size");
    let mut numbers = size
        .split_whitespace()
        .filter_map(|w| w.parse::<f32>().ok());
    (numbers.next().unwrap(), numbers.next().unwrap())
}

/// Decodes a PNG to (width, height, RGB bytes); greyscale and alpha are expanded.
pub fn decode_png(path: &Path) -> (u32, u32, Vec<u8>) {
    let mut decoder = png::Decoder::new(std::fs::File::open(path).unwrap());
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).unwrap();
    buf.truncate(info.buffer_size());
    let channels = info.color_type.samples();
    let rgb = buf
        .chunks(channels)
        .flat_map(|px| match channels {
            1 | 2 => [px[0], px[0], px[0]],
            _ => [px[0], px[1], px[2]],
        })
        .collect();
    (info.width, info.height, rgb)
}

/// Mean absolute difference per channel (0-255) between two same-size RGB images.
pub fn mean_abs_diff(a: &[u8], b: &[u8]) -> f64 {
    assert_eq!(a.len(), b.len(), "images differ in size");
    let total: u64 = a
        .iter()
        .zip(b)
        .map(|(x, y)| u64::from(x.abs_diff(*y)))
        .sum();
    total as f64 / a.len() as f64
}

/// Path of a file under tests/fixtures.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}
