//! Phone numbers to E.164 where that is unambiguous, without a full numbering-plan database:
//! international forms (`+`, `00`) keep their country code, national forms get the default
//! country's code once its trunk prefix is removed and the length fits. Anything else (an
//! extension, letters, several numbers, an unusual length) is returned as given, trimmed.

/// A country's calling code, trunk prefix and the lengths of its national significant numbers.
struct Plan {
    iso: &'static str,
    code: &'static str,
    trunk: &'static str,
    /// National numbers must start with the trunk prefix (VN `0912…`); when false it is
    /// optional (US `1 212…` or `212…`).
    trunk_required: bool,
    len: (usize, usize),
}

const fn plan(
    iso: &'static str,
    code: &'static str,
    trunk: &'static str,
    trunk_required: bool,
    min: usize,
    max: usize,
) -> Plan {
    Plan {
        iso,
        code,
        trunk,
        trunk_required,
        len: (min, max),
    }
}

const PLANS: &[Plan] = &[
    plan("VN", "84", "0", true, 9, 10),
    plan("JP", "81", "0", true, 9, 10),
    plan("KR", "82", "0", true, 8, 10),
    plan("CN", "86", "0", true, 9, 11),
    plan("TW", "886", "0", true, 8, 9),
    plan("HK", "852", "", false, 8, 8),
    plan("SG", "65", "", false, 8, 8),
    plan("TH", "66", "0", true, 8, 9),
    plan("MY", "60", "0", true, 8, 10),
    plan("ID", "62", "0", true, 8, 12),
    plan("PH", "63", "0", true, 9, 10),
    plan("IN", "91", "0", true, 10, 10),
    plan("AU", "61", "0", true, 9, 9),
    plan("NZ", "64", "0", true, 8, 10),
    plan("DE", "49", "0", true, 6, 13),
    plan("FR", "33", "0", true, 9, 9),
    plan("GB", "44", "0", true, 9, 10),
    plan("NL", "31", "0", true, 9, 9),
    plan("US", "1", "1", false, 10, 10),
    plan("CA", "1", "1", false, 10, 10),
];

/// The E.164 form of `raw` (`"0912 345 678"` → `"+84912345678"` with default country `"VN"`,
/// `"+81 3-3466-3311"` → `"+81334663311"`), or `raw` trimmed when it cannot be read without
/// guessing (extensions, letters, several numbers). Idempotent.
pub fn normalize_phone(raw: &str, default_country: &str) -> String {
    let t = raw.trim();
    let international = t.starts_with('+') || t.starts_with("00");
    // "+84 (0) 24 …": the national trunk prefix written in an international number.
    let s = if international {
        t.replace("(0)", "")
    } else {
        t.to_owned()
    };
    let mut digits = String::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '\u{a0}' | '-' | '.' | '(' | ')' => {}
            '+' if i == 0 => {}
            _ => return t.to_owned(),
        }
    }
    let e164 = |d: &str| {
        if (7..=15).contains(&d.len()) && !d.starts_with('0') {
            Some(format!("+{d}"))
        } else {
            None
        }
    };
    let out = if s.starts_with('+') {
        e164(&digits)
    } else if let Some(rest) = digits.strip_prefix("00") {
        e164(rest)
    } else {
        PLANS
            .iter()
            .find(|p| p.iso.eq_ignore_ascii_case(default_country.trim()))
            .and_then(|p| {
                let nsn = match digits.strip_prefix(p.trunk).filter(|_| !p.trunk.is_empty()) {
                    Some(rest) => rest,
                    None if p.trunk_required => return None,
                    None => digits.as_str(),
                };
                let ok = (p.len.0..=p.len.1).contains(&nsn.len()) && !nsn.starts_with('0');
                ok.then(|| format!("+{}{nsn}", p.code))
            })
    };
    out.unwrap_or_else(|| t.to_owned())
}
