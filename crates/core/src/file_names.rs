//! File names made from user text: the one way a title, a person's name, a sector or an office
//! code becomes part of a name on disk (exported PDFs, calendars, bundles, office cards). A name
//! built here holds lower-case ASCII letters, digits and `-` only, so `../`, `\`, `/`, control
//! characters, bidi overrides and Windows' reserved device names cannot reach the file system.

/// The longest stem a file name gets (a full path stays well under every system's limit).
pub const MAX_STEM: usize = 150;

/// Lower-case ASCII words of `s` (accents removed, đ → d) joined by `-`, at most `max` bytes,
/// cut at a word boundary unless the first word alone is longer. Everything else is dropped:
/// `../../etc/passwd` gives `etc-passwd`.
pub fn slug(s: &str, max: usize) -> String {
    let folded = crate::text::fold(s);
    let mut out = String::new();
    for word in folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if out.is_empty() && word.len() > max {
            out.push_str(&word[..max]);
            break;
        }
        if out.len() + word.len() + usize::from(!out.is_empty()) > max {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(word);
    }
    out
}

/// Names Windows keeps for devices, whatever the extension (`con.ics` cannot be created).
const RESERVED: [&str; 4] = ["con", "prn", "aux", "nul"];

fn reserved(stem: &str) -> bool {
    RESERVED.contains(&stem)
        || ((stem.starts_with("com") || stem.starts_with("lpt"))
            && stem.len() == 4
            && stem.as_bytes()[3].is_ascii_digit())
}

/// The file name `<stem>.<extension>`, the stem passed through `slug` (at most `MAX_STEM`
/// bytes), never empty and never a reserved device name (those get a `tep-` prefix, "file").
pub fn safe_file_name(stem: &str, extension: &str) -> String {
    debug_assert!(extension.chars().all(|c| c.is_ascii_alphanumeric()));
    let stem = slug(stem, MAX_STEM);
    let stem = if stem.is_empty() || reserved(&stem) {
        format!("tep-{stem}").trim_end_matches('-').to_owned()
    } else {
        stem
    };
    format!("{stem}.{extension}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_but_ascii_words_reaches_a_name() {
        let cases = [
            ("lich-trinh-Đoàn Nhật Bản", "lich-trinh-doan-nhat-ban.pdf"),
            ("../../etc/passwd", "etc-passwd.pdf"),
            ("..\\..\\windows\\system32", "windows-system32.pdf"),
            ("/", "tep.pdf"),
            ("..", "tep.pdf"),
            ("", "tep.pdf"),
            ("a\0b\u{7}c\r\nd", "a-b-c-d.pdf"),
            ("\u{202E}fdp.exe", "fdp-exe.pdf"),
            ("a\u{200B}b", "a-b.pdf"),
            ("CON", "tep-con.pdf"),
            ("nul", "tep-nul.pdf"),
            ("Com1", "tep-com1.pdf"),
            ("lpt9", "tep-lpt9.pdf"),
            ("com10", "com10.pdf"),
            ("console", "console.pdf"),
            ("شركة 👩‍💻", "tep.pdf"),
        ];
        for (stem, name) in cases {
            assert_eq!(safe_file_name(stem, "pdf"), name, "{stem:?}");
        }
    }

    #[test]
    fn names_are_capped() {
        let long = "x".repeat(10_000);
        assert_eq!(safe_file_name(&long, "ics").len(), MAX_STEM + 4);
        let words = "Nguyễn ".repeat(2_000);
        let name = safe_file_name(&words, "ics");
        assert!(
            name.len() <= MAX_STEM + 4 && name.ends_with("nguyen.ics"),
            "{name}"
        );
        assert_eq!(slug("abc defgh", 7), "abc");
    }
}
