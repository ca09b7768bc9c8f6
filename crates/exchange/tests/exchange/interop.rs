//! What our writer makes, other tools read: Python's zipfile and Info-ZIP's `unzip -t` (so that a
//! person can take the PDF out by hand).

use std::process::Command;

use crate::python::run_python;
use crate::support::{bundle, honest_parts, read, rezip};

#[test]
fn python_reads_our_bundle_with_every_crc_right() {
    let bytes = bundle();
    let script = r#"
import io, json, sys, zipfile
zf = zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()))
assert zf.testzip() is None
print(json.dumps({i.filename: zf.read(i).hex() for i in zf.infolist()}))
"#;
    let listing: serde_json::Value =
        serde_json::from_slice(&run_python(script, &[], &bytes)).unwrap();
    for (name, data) in honest_parts() {
        assert_eq!(listing[&name], hex(&data), "{name}");
    }
}

#[test]
fn unzip_tests_our_bundle_clean() {
    let dir = std::env::temp_dir().join(format!("exchange-unzip-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("brief (1).zip");
    std::fs::write(&path, bundle()).unwrap();
    let out = Command::new("unzip").arg("-t").arg(&path).output();
    std::fs::remove_dir_all(&dir).ok();
    let Ok(out) = out else {
        eprintln!("unzip is not installed: skipped");
        return;
    };
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("No errors detected"), "{text}");
    assert!(text.contains("brief.pdf"), "{text}");
}

#[test]
fn a_bundle_zipped_again_by_python_still_verifies() {
    // The format is the entries, not our writer's bytes: an honest re-zip by another tool reads.
    let verified = read(&rezip(&honest_parts())).expect("python's zip of the same parts reads");
    assert_eq!(verified.members.len(), 5);
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
