//! Hostile ZIPs built by Python's zipfile, another implementation than ours, from a JSON
//! description; and a small walker to patch the fields zipfile will not lie about.

use std::io::Write;
use std::process::{Command, Stdio};

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde_json::{json, Value};

/// Reads {"prepend": b64, "stream": bool, "entries": [{"name", "data" (b64) | "zeros" (count),
/// "stored", "external_attr", "extra" (b64), "bzip2", "zip64"}]} on stdin and writes the ZIP on stdout.
/// `stream` writes to an unseekable pipe, which makes zipfile use data descriptors.
const SCRIPT: &str = r#"
import base64, io, json, sys, warnings, zipfile
warnings.simplefilter("ignore")
spec = json.load(sys.stdin)
class Unseekable(io.RawIOBase):
    def __init__(self): self.buf = bytearray()
    def writable(self): return True
    def seekable(self): return False
    def write(self, b): self.buf += b; return len(b)
out = Unseekable() if spec.get("stream") else io.BytesIO()
out.write(base64.b64decode(spec.get("prepend", "")))
with zipfile.ZipFile(out, "w") as zf:
    for e in spec["entries"]:
        info = zipfile.ZipInfo(e["name"], date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_STORED if e.get("stored") else zipfile.ZIP_DEFLATED
        if e.get("bzip2"): info.compress_type = zipfile.ZIP_BZIP2
        info.external_attr = e.get("external_attr", 0o100644 << 16)
        if "extra" in e: info.extra = base64.b64decode(e["extra"])
        if "zeros" in e:
            with zf.open(info, "w", force_zip64=e.get("zip64", False)) as w:
                chunk = bytes(1 << 20)
                left = e["zeros"]
                while left > 0:
                    w.write(chunk[:min(left, len(chunk))]); left -= len(chunk)
        else:
            with zf.open(info, "w", force_zip64=e.get("zip64", False)) as w:
                w.write(base64.b64decode(e["data"]))
data = out.buf if spec.get("stream") else out.getvalue()
sys.stdout.buffer.write(bytes(data))
"#;

/// The Python to run: the system's, where the test machine has it.
pub fn python() -> &'static str {
    if std::path::Path::new("/usr/bin/python3").exists() {
        "/usr/bin/python3"
    } else {
        "python3"
    }
}

/// Runs a Python script with `input` on stdin and returns stdout; panics with stderr on failure.
pub fn run_python(script: &str, args: &[&str], input: &[u8]) -> Vec<u8> {
    let mut child = Command::new(python())
        .arg("-c")
        .arg(script)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 runs");
    child.stdin.take().unwrap().write_all(input).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "python: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// One entry of a ZIP to build.
pub fn entry(name: &str, data: &[u8]) -> Value {
    json!({"name": name, "data": STANDARD.encode(data)})
}

/// A ZIP made by Python's zipfile from entries made by `entry` (and edited as JSON).
pub fn python_zip(entries: Vec<Value>) -> Vec<u8> {
    python_zip_with(json!({ "entries": entries }))
}

/// Same, with the whole description (prepend, stream).
pub fn python_zip_with(spec: Value) -> Vec<u8> {
    run_python(SCRIPT, &[], spec.to_string().as_bytes())
}

fn u16_at(b: &[u8], at: usize) -> usize {
    usize::from(u16::from_le_bytes([b[at], b[at + 1]]))
}

fn u32_at(b: &[u8], at: usize) -> usize {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]) as usize
}

/// Offsets of the central record and the local header of the entry `name` in a plain ZIP.
pub fn headers_of(zip: &[u8], name: &str) -> (usize, usize) {
    let end = zip.len() - 22;
    let mut at = u32_at(zip, end + 16);
    for _ in 0..u16_at(zip, end + 10) {
        let name_len = u16_at(zip, at + 28);
        let next = at + 46 + name_len + u16_at(zip, at + 30) + u16_at(zip, at + 32);
        if &zip[at + 46..at + 46 + name_len] == name.as_bytes() {
            return (at, u32_at(zip, at + 42));
        }
        at = next;
    }
    panic!("{name} is not in the ZIP")
}

/// Writes a little-endian u32 at `at` in the central record and at `local_at` in the local header.
pub fn patch_u32(zip: &mut [u8], name: &str, central_at: usize, local_at: usize, value: u32) {
    let (central, local) = headers_of(zip, name);
    zip[central + central_at..central + central_at + 4].copy_from_slice(&value.to_le_bytes());
    zip[local + local_at..local + local_at + 4].copy_from_slice(&value.to_le_bytes());
}

/// Sets the uncompressed size of `name` in both headers (a lie zipfile will not tell).
pub fn patch_size(zip: &mut [u8], name: &str, size: u32) {
    patch_u32(zip, name, 24, 22, size);
}

/// Sets flag bits of `name` in both headers.
pub fn patch_flags(zip: &mut [u8], name: &str, bits: u16) {
    let (central, local) = headers_of(zip, name);
    for at in [central + 8, local + 6] {
        let flags = u16::from_le_bytes([zip[at], zip[at + 1]]) | bits;
        zip[at..at + 2].copy_from_slice(&flags.to_le_bytes());
    }
}
