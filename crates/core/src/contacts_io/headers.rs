//! Column headers → where their values go. Matching ignores case, accents, punctuation and
//! column numbers ("E-mail 2 - Value" ~ "email value", "Điện thoại di động" ~ "dien thoai di
//! dong"), knows Vietnamese and English names, and Google's and Outlook's exports.

use super::{ColumnMap, ImportFormat, Target};
use crate::text::fold;

/// A header as words: folded (lower case, no accents, đ → d), punctuation as spaces, "e mail"
/// as "email".
fn words(header: &str) -> Vec<String> {
    let folded: String = fold(header)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let mut out: Vec<String> = Vec::new();
    for w in folded.split_whitespace() {
        if w == "mail" && out.last().is_some_and(|p| p == "e") {
            out.pop();
            out.push("email".into());
        } else {
            out.push(w.to_owned());
        }
    }
    out
}

fn is_number(w: &str) -> bool {
    w.chars().all(|c| c.is_ascii_digit())
}

/// The header's words without column numbers.
fn base(words: &[String]) -> String {
    words
        .iter()
        .filter(|w| !is_number(w))
        .cloned()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Guesses the format of a CSV file from its header cells.
pub(super) fn detect(cells: &[String]) -> ImportFormat {
    let all: Vec<Vec<String>> = cells.iter().map(|c| words(c)).collect();
    let has = |k: &str| all.iter().any(|w| base(w) == k);
    // Google: numbered groups such as "E-mail 1 - Value", "Phone 1 - Type", "Organization 1 -
    // Name" (with " - ", unlike our "email_1_label"); older exports also "Given Name" and
    // "Family Name".
    let google_group = cells.iter().zip(&all).any(|(cell, w)| {
        cell.contains(" - ")
            && w.len() >= 3
            && is_number(&w[w.len() - 2])
            && matches!(
                w[w.len() - 1].as_str(),
                "value" | "type" | "label" | "name" | "title"
            )
            && matches!(
                w[0].as_str(),
                "email" | "phone" | "organization" | "address" | "website" | "relation" | "im"
            )
    });
    if google_group || (has("given name") && has("family name")) {
        return ImportFormat::Google;
    }
    let outlook_field = [
        "email address",
        "business phone",
        "mobile phone",
        "home phone",
        "company",
        "job title",
    ]
    .iter()
    .any(|k| has(k));
    if has("first name") && has("last name") && outlook_field {
        return ImportFormat::Outlook;
    }
    ImportFormat::Csv
}

/// The guessed mapping of every column.
pub(super) fn guess(columns: &[String], format: ImportFormat) -> Vec<ColumnMap> {
    columns
        .iter()
        .map(|c| {
            let (target, label) = guess_one(c, format);
            ColumnMap {
                column: c.clone(),
                target,
                label: label.map(str::to_owned),
            }
        })
        .collect()
}

const NAMES: &[(&str, Target)] = &[
    ("full name", Target::FullName),
    ("fullname", Target::FullName),
    ("name", Target::FullName),
    ("display name", Target::FullName),
    ("contact name", Target::FullName),
    ("ho va ten", Target::FullName),
    ("ho ten", Target::FullName),
    ("ten day du", Target::FullName),
    ("ho va ten day du", Target::FullName),
    ("nguoi lien he", Target::FullName),
    ("ten nguoi lien he", Target::FullName),
    ("given name", Target::GivenName),
    ("first name", Target::GivenName),
    ("firstname", Target::GivenName),
    ("middle name", Target::GivenName),
    ("additional name", Target::GivenName),
    ("ten", Target::GivenName),
    ("ten dem", Target::GivenName),
    ("ten lot", Target::GivenName),
    ("family name", Target::FamilyName),
    ("last name", Target::FamilyName),
    ("lastname", Target::FamilyName),
    ("surname", Target::FamilyName),
    ("ho", Target::FamilyName),
    ("title", Target::Title),
    ("job title", Target::Title),
    ("jobtitle", Target::Title),
    ("position", Target::Title),
    ("role", Target::Title),
    ("organization title", Target::Title),
    ("chuc vu", Target::Title),
    ("chuc danh", Target::Title),
    ("vi tri", Target::Title),
    ("organization", Target::Organization),
    ("organisation", Target::Organization),
    ("organization name", Target::Organization),
    ("company", Target::Organization),
    ("company name", Target::Organization),
    ("employer", Target::Organization),
    ("cong ty", Target::Organization),
    ("ten cong ty", Target::Organization),
    ("to chuc", Target::Organization),
    ("ten to chuc", Target::Organization),
    ("don vi", Target::Organization),
    ("co quan", Target::Organization),
    ("doanh nghiep", Target::Organization),
    ("email label", Target::EmailLabel),
    ("email type", Target::EmailLabel),
    ("phone label", Target::PhoneLabel),
    ("phone type", Target::PhoneLabel),
    ("language", Target::Language),
    ("languages", Target::Language),
    ("ngon ngu", Target::Language),
    ("nationality", Target::Nationality),
    ("citizenship", Target::Nationality),
    ("quoc tich", Target::Nationality),
    ("notes", Target::Notes),
    ("note", Target::Notes),
    ("comments", Target::Notes),
    ("comment", Target::Notes),
    ("remarks", Target::Notes),
    ("ghi chu", Target::Notes),
    ("consent basis", Target::ConsentBasis),
    ("legal basis", Target::ConsentBasis),
    ("co so dong y", Target::ConsentBasis),
    ("co so xu ly", Target::ConsentBasis),
    ("co so phap ly", Target::ConsentBasis),
    ("can cu xu ly", Target::ConsentBasis),
    ("consent date", Target::ConsentDate),
    ("ngay dong y", Target::ConsentDate),
    ("consent source", Target::ConsentSource),
    ("nguon dong y", Target::ConsentSource),
    ("uuid", Target::Uuid),
    ("ma uuid", Target::Uuid),
    ("guid", Target::Uuid),
];

const EMAILS: &[&str] = &[
    "email",
    "emails",
    "email address",
    "email value",
    "mail",
    "thu dien tu",
    "dia chi email",
    "dia chi thu dien tu",
];

const PHONES: &[&str] = &[
    "phone",
    "phones",
    "phone number",
    "phone value",
    "telephone",
    "tel",
    "dien thoai",
    "so dien thoai",
    "so dt",
    "sdt",
    "dt",
];

/// Label words in a header, strongest first ("Business Fax" is a fax, not a work phone).
const LABEL_WORDS: &[(&str, &str)] = &[
    ("fax", "fax"),
    ("mobile", "mobile"),
    ("cell", "mobile"),
    ("cellular", "mobile"),
    ("di dong", "mobile"),
    ("pager", "pager"),
    ("work", "work"),
    ("business", "work"),
    ("office", "work"),
    ("cong viec", "work"),
    ("co quan", "work"),
    ("van phong", "work"),
    ("home", "home"),
    ("personal", "home"),
    ("nha rieng", "home"),
    ("ca nhan", "home"),
    ("nha", "home"),
    ("other", "other"),
    ("khac", "other"),
    ("primary", "main"),
    ("main", "main"),
    ("chinh", "main"),
];

fn guess_one(header: &str, format: ImportFormat) -> (Target, Option<&'static str>) {
    let w = words(header);
    let key = w.join(" ");
    let b = base(&w);
    if format == ImportFormat::Outlook {
        match key.as_str() {
            // Outlook's "Title" is the honorific (Mr., Dr.); the job is "Job Title".
            "title" | "email type" | "email 2 type" | "email 3 type" => {
                return (Target::Ignore, None)
            }
            "email address" => return (Target::Email, Some("work")),
            "email 2 address" | "email 3 address" => return (Target::Email, Some("other")),
            _ => {}
        }
    }
    if let Some((_, t)) = NAMES.iter().find(|(k, _)| *k == b) {
        return (*t, None);
    }
    if EMAILS.contains(&b.as_str()) {
        return (Target::Email, None);
    }
    if PHONES.contains(&b.as_str()) {
        return (Target::Phone, None);
    }
    // Labelled email/phone columns: "Mobile Phone", "Email công việc", "Di động".
    let mut rest = format!(" {b} ");
    let mut label = None;
    for (word, l) in LABEL_WORDS {
        let needle = format!(" {word} ");
        if rest.contains(&needle) {
            rest = rest.replacen(&needle, " ", 1);
            label.get_or_insert(*l);
        }
    }
    let rest = rest.split_whitespace().collect::<Vec<_>>().join(" ");
    match label {
        Some(l) if EMAILS.contains(&rest.as_str()) => (Target::Email, Some(l)),
        Some(l) if PHONES.contains(&rest.as_str()) => (Target::Phone, Some(l)),
        Some(l @ ("mobile" | "fax" | "pager")) if rest.is_empty() => (Target::Phone, Some(l)),
        _ => (Target::Ignore, None),
    }
}
