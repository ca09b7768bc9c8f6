//! Numbers and money as each language writes them, for every document the core makes: Vietnamese
//! groups with "." and puts the currency after ("8.000.000 USD", "105–120 USD/m²"), English
//! groups with "," and puts it before ("USD 8,000,000", "USD 105–120/m²"). Whole amounts show no
//! decimals. The window's `ui/src/lib/format.ts` writes the same.

use crate::labels::Bilingual;

/// A number with the language's separators (1.586,5 / 1,586.5), `decimals` places.
pub fn number(v: f64, decimals: usize) -> Bilingual {
    let text = format!("{v:.decimals$}");
    let (int, frac) = text
        .split_once('.')
        .map_or((text.as_str(), None), |(i, f)| (i, Some(f)));
    let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("-", d));
    let join = |group: char, mark: char| {
        format!(
            "{sign}{}{}",
            grouped(digits, group),
            frac.map(|f| format!("{mark}{f}")).unwrap_or_default()
        )
    };
    Bilingual::new(join('.', ','), join(',', '.'))
}

fn grouped(digits: &str, sep: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A count and its English noun, singular for one ("1 contact", "2 contacts"); Vietnamese
/// nouns do not change with the count.
pub fn counted_en(n: usize, one: &str, other: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { other })
}

/// Decimal places of a currency's minor unit per ISO 4217 (VND and JPY 0, USD 2, KWD 3), as
/// amounts are stored in minor units.
pub fn minor_digits(currency: &str) -> u32 {
    const NONE: [&str; 17] = [
        "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND",
        "VUV", "XAF", "XOF", "XPF",
    ];
    const THREE: [&str; 7] = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"];
    if NONE.contains(&currency) {
        0
    } else if THREE.contains(&currency) {
        3
    } else {
        2
    }
}

/// Minor units as a major-unit number, with the currency's decimals only when `minor` is not
/// whole (or `decimals` asks for them).
fn major(minor: i64, digits: u32, decimals: bool) -> Bilingual {
    let scale = 10i64.pow(digits);
    let sign = if minor < 0 { "-" } else { "" };
    let (whole, fraction) = (
        (minor / scale).unsigned_abs(),
        (minor % scale).unsigned_abs(),
    );
    let whole = whole.to_string();
    let join = |group: char, mark: char| {
        let fraction = if decimals && digits > 0 {
            format!("{mark}{fraction:0width$}", width = digits as usize)
        } else {
            String::new()
        };
        format!("{sign}{}{fraction}", grouped(&whole, group))
    };
    Bilingual::new(join('.', ','), join(',', '.'))
}

fn has_fraction(minor: i64, currency: &str) -> bool {
    minor % 10i64.pow(minor_digits(currency)) != 0
}

/// An amount in minor units of `currency`: "8.000.000 USD" / "USD 8,000,000", "12.500,50 USD" /
/// "USD 12,500.50".
pub fn money(minor: i64, currency: &str) -> Bilingual {
    let n = major(minor, minor_digits(currency), has_fraction(minor, currency));
    Bilingual::new(
        format!("{} {currency}", n.vi),
        format!("{currency} {}", n.en),
    )
}

/// A range of amounts per `unit` ("105–120 USD/m²" / "USD 105–120/m²"): one figure when both
/// ends are the same or one is missing; None without either. A unit that repeats the currency
/// ("USD/m²") says it once.
pub fn money_range(
    min: Option<i64>,
    max: Option<i64>,
    currency: &str,
    unit: Option<&str>,
) -> Option<Bilingual> {
    let digits = minor_digits(currency);
    let decimals = [min, max]
        .into_iter()
        .flatten()
        .any(|m| has_fraction(m, currency));
    let figure = |m: i64| major(m, digits, decimals);
    let figures = match (min, max) {
        (Some(a), Some(b)) if a != b => {
            let (a, b) = (figure(a), figure(b));
            Bilingual::new(format!("{}–{}", a.vi, b.vi), format!("{}–{}", a.en, b.en))
        }
        (Some(a), _) | (None, Some(a)) => figure(a),
        (None, None) => return None,
    };
    let per = unit.map(|u| per_unit(u, currency)).unwrap_or_default();
    Some(Bilingual::new(
        format!("{} {currency}{per}", figures.vi),
        format!("{currency} {}{per}", figures.en),
    ))
}

/// "/m²" for the unit "m²" (or "USD/m²", whose currency the amount already says); empty for none.
pub fn per_unit(unit: &str, currency: &str) -> String {
    let unit = unit.trim();
    let unit = unit.strip_prefix(currency).unwrap_or(unit).trim_start();
    match unit {
        "" => String::new(),
        u if u.starts_with('/') => u.to_owned(),
        u => format!("/{u}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_use_each_languages_separators() {
        assert_eq!(number(1586.0, 0), Bilingual::new("1.586", "1,586"));
        assert_eq!(
            number(115500.5, 1),
            Bilingual::new("115.500,5", "115,500.5")
        );
        assert_eq!(number(56.0, 0), Bilingual::same("56"));
    }

    #[test]
    fn english_counts_take_the_singular_for_one() {
        assert_eq!(counted_en(1, "contact", "contacts"), "1 contact");
        assert_eq!(counted_en(0, "contact", "contacts"), "0 contacts");
        assert_eq!(
            counted_en(2, "contact was", "contacts were"),
            "2 contacts were"
        );
    }

    #[test]
    fn money_shows_decimals_only_when_not_whole() {
        assert_eq!(
            money(800_000_000, "USD"),
            Bilingual::new("8.000.000 USD", "USD 8,000,000")
        );
        assert_eq!(
            money(1_250_050, "USD"),
            Bilingual::new("12.500,50 USD", "USD 12,500.50")
        );
        assert_eq!(
            money(150_000_000, "VND"),
            Bilingual::new("150.000.000 VND", "VND 150,000,000")
        );
        assert_eq!(money(-5, "KWD"), Bilingual::new("-0,005 KWD", "KWD -0.005"));
    }

    #[test]
    fn a_range_says_its_currency_and_unit_once() {
        assert_eq!(
            money_range(Some(10_500), Some(12_000), "USD", Some("m² (50 năm)")),
            Some(Bilingual::new(
                "105–120 USD/m² (50 năm)",
                "USD 105–120/m² (50 năm)"
            ))
        );
        assert_eq!(
            money_range(Some(10_550), Some(12_000), "USD", Some("USD/m²/year")),
            Some(Bilingual::new(
                "105,50–120,00 USD/m²/year",
                "USD 105.50–120.00/m²/year"
            ))
        );
        assert_eq!(
            money_range(None, Some(12_000), "USD", None),
            Some(Bilingual::new("120 USD", "USD 120"))
        );
        assert_eq!(money_range(None, None, "USD", Some("m²")), None);
    }
}
