//! One row (or card) being built: each value is NFC-normalised, converted and checked as it
//! arrives, with errors naming the column or property it came from; `finish` composes the name,
//! applies the contact's own rules and yields the contact or the row's errors.

use super::decode::human_size;
use super::{normalize_phone, ImportedContact, RowError, Target, MAX_FIELD_BYTES};
use crate::domain::{ConsentBasis, Contact, Entity, Labelled};
use crate::text::{fold, nfc};
use crate::validate::{is_email, FieldError, Validator};
use chrono::NaiveDate;

/// The default country for national phone numbers.
const PHONE_COUNTRY: &str = "VN";

#[derive(Debug, Default)]
pub(super) struct Draft {
    pub line: u32,
    full: Vec<String>,
    given: Vec<String>,
    family: Vec<String>,
    title: Option<String>,
    organization: Option<String>,
    emails: Vec<Labelled>,
    phones: Vec<Labelled>,
    languages: Vec<String>,
    nationality: Option<String>,
    notes: Vec<String>,
    consent_basis: Option<ConsentBasis>,
    consent_date: Option<NaiveDate>,
    consent_source: Option<String>,
    uuid: Option<String>,
    pub errors: Vec<RowError>,
    /// The field named when the row has no name ("full_name"; "FN" for a vCard).
    pub name_field: &'static str,
}

impl Draft {
    pub fn new(line: u32) -> Self {
        Draft {
            line,
            name_field: "full_name",
            ..Draft::default()
        }
    }

    /// Records a problem of this row.
    pub fn error(&mut self, field: &str, code: &str, vi: impl Into<String>, en: impl Into<String>) {
        self.errors.push(RowError {
            line: self.line,
            field: field.to_owned(),
            code: code.to_owned(),
            message_vi: vi.into(),
            message_en: en.into(),
        });
    }

    fn field_errors(&mut self, errs: Vec<FieldError>) {
        for e in errs {
            self.error(&e.field, &e.code, e.message_vi, e.message_en);
        }
    }

    /// False (and an error) when `raw` is longer than `MAX_FIELD_BYTES`.
    pub fn fits(&mut self, field: &str, raw: &str) -> bool {
        if raw.len() <= MAX_FIELD_BYTES {
            return true;
        }
        let size = human_size(raw.len());
        let limit = human_size(MAX_FIELD_BYTES);
        self.error(
            field,
            "field_too_long",
            format!("Trường «{field}» dài {size}, vượt giới hạn {limit}; dòng này bị bỏ qua"),
            format!("Field “{field}” is {size}, over the {limit} limit; the row is skipped"),
        );
        false
    }

    /// Puts one value of a column or property (whose name is `field`) where `target` says.
    /// Email and phone values get an empty label (see `put_labelled`).
    pub fn put(&mut self, target: Target, field: &str, raw: &str) {
        match target {
            Target::Email | Target::Phone => self.put_labelled(target, field, raw, "", false),
            Target::Language => {
                if self.fits(field, raw) {
                    for l in raw.split([';', ',']) {
                        self.language(field, l);
                    }
                }
            }
            _ => self.put_one(target, field, raw),
        }
    }

    /// One language (no splitting).
    pub fn language(&mut self, field: &str, raw: &str) {
        if !self.fits(field, raw) {
            return;
        }
        let v = nfc(raw.trim());
        if !v.is_empty() {
            let mut val = Validator::default();
            val.line(field, &v);
            self.field_errors(val.errors);
            self.languages.push(v);
        }
    }

    fn put_one(&mut self, target: Target, field: &str, raw: &str) {
        if !self.fits(field, raw) {
            return;
        }
        if target == Target::Notes {
            // Notes keep their inner and outer white space; line ends become "\n".
            if !raw.trim().is_empty() {
                self.notes
                    .push(nfc(&raw.replace("\r\n", "\n").replace('\r', "\n")));
            }
            return;
        }
        let v = nfc(raw.trim());
        if v.is_empty() {
            return;
        }
        let mut val = Validator::default();
        match target {
            Target::FullName => self.full.push(v),
            Target::GivenName => self.given.push(v),
            Target::FamilyName => self.family.push(v),
            Target::Title => {
                val.line(field, &v);
                self.title.get_or_insert(v);
            }
            Target::Organization => {
                val.line(field, &v);
                self.organization.get_or_insert(v);
            }
            Target::ConsentSource => {
                val.line(field, &v);
                self.consent_source.get_or_insert(v);
            }
            Target::Nationality => match country(&v) {
                Some(code) => {
                    self.nationality.get_or_insert(code);
                }
                None => self.error(
                    field,
                    "invalid_country",
                    format!("Quốc tịch không nhận ra: «{v}» (dùng mã 2 chữ ISO 3166, ví dụ JP)"),
                    format!(
                        "Unknown nationality: “{v}” (use a two-letter ISO 3166 code such as JP)"
                    ),
                ),
            },
            Target::ConsentBasis => match consent_basis(&v) {
                Some(b) => {
                    self.consent_basis.get_or_insert(b);
                }
                None => self.error(
                    field,
                    "invalid_consent_basis",
                    format!(
                        "Cơ sở xử lý dữ liệu không hợp lệ: «{v}» (consent, contract, \
                         legal_obligation, public_interest, unknown)"
                    ),
                    format!(
                        "Invalid consent basis: “{v}” (consent, contract, legal_obligation, \
                         public_interest, unknown)"
                    ),
                ),
            },
            Target::ConsentDate => match date(&v) {
                Some(d) => {
                    self.consent_date.get_or_insert(d);
                }
                None => self.error(
                    field,
                    "invalid_date",
                    format!("Ngày không hợp lệ: «{v}» (dùng YYYY-MM-DD hoặc dd/mm/yyyy)"),
                    format!("Invalid date: “{v}” (use YYYY-MM-DD or dd/mm/yyyy)"),
                ),
            },
            Target::Uuid => match uuid(&v) {
                Some(u) => {
                    self.uuid.get_or_insert(u);
                }
                None => self.error(
                    field,
                    "invalid_uuid",
                    format!("Mã uuid không hợp lệ: «{v}»"),
                    format!("Invalid uuid: “{v}”"),
                ),
            },
            Target::Email
            | Target::Phone
            | Target::Language
            | Target::Notes
            | Target::EmailLabel
            | Target::PhoneLabel
            | Target::Ignore => {}
        }
        self.field_errors(val.errors);
    }

    /// Puts the values of an email or phone cell. Several values may share one cell, separated
    /// by ":::" (Google); the label cell is then split the same way. An empty label cell gives
    /// `fallback`. With `known_labels`, well-known label words (Google's "* Work", "Mobile")
    /// become our lower-case labels; otherwise the label is kept as written.
    pub fn put_labelled(
        &mut self,
        target: Target,
        field: &str,
        raw: &str,
        label_cell: &str,
        known_labels: bool,
    ) {
        self.put_labelled_or(target, field, raw, label_cell, "", known_labels);
    }

    /// `put_labelled` with the label to use when the label cell is empty.
    pub fn put_labelled_or(
        &mut self,
        target: Target,
        field: &str,
        raw: &str,
        label_cell: &str,
        fallback: &str,
        known_labels: bool,
    ) {
        if !self.fits(field, raw) || !self.fits(field, label_cell) {
            return;
        }
        let values: Vec<&str> = if raw.contains(":::") {
            raw.split(":::")
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .collect()
        } else {
            Some(raw.trim())
                .filter(|v| !v.is_empty())
                .into_iter()
                .collect()
        };
        let labels: Vec<&str> = if values.len() > 1 {
            label_cell.split(":::").collect()
        } else {
            vec![label_cell]
        };
        for (i, value) in values.into_iter().enumerate() {
            let cell = labels[i.min(labels.len() - 1)].trim();
            let label = if cell.is_empty() {
                nfc(fallback)
            } else if known_labels {
                known_label(target, cell)
            } else {
                nfc(cell)
            };
            let mut val = Validator::default();
            val.line(field, &label);
            let value = nfc(value);
            if target == Target::Email {
                if is_email(&value) {
                    self.emails.push(Labelled { label, value });
                } else {
                    val.email(field, &value);
                }
            } else {
                let value = normalize_phone(&value, PHONE_COUNTRY);
                val.phone(field, &value);
                self.phones.push(Labelled { label, value });
            }
            self.field_errors(val.errors);
        }
    }

    /// The finished contact, or every error of the row.
    pub fn finish(mut self) -> Result<ImportedContact, Vec<RowError>> {
        let full_name = if self.full.is_empty() {
            compose_name(&self.given.join(" "), &self.family.join(" "))
        } else {
            self.full.join(" ")
        };
        if full_name.is_empty() {
            self.error(
                self.name_field,
                "required_name",
                "Thiếu họ tên (cần cột họ và tên, hoặc họ và tên riêng)",
                "A name is required (a full name, or a given and a family name)",
            );
        }
        let notes = (!self.notes.is_empty()).then(|| self.notes.join("\n"));
        let contact = Contact {
            full_name,
            title: self.title.take(),
            organization_id: None,
            emails: std::mem::take(&mut self.emails),
            phones: std::mem::take(&mut self.phones),
            languages: std::mem::take(&mut self.languages),
            nationality: self.nationality.take(),
            notes,
            consent_basis: self.consent_basis.unwrap_or_default(),
            consent_date: self.consent_date,
            consent_source: self.consent_source.take(),
        };
        if self.errors.is_empty() {
            // The store's own rules, so that a row accepted here is not refused later.
            let mut v = Validator::default();
            contact.validate(&mut v);
            self.field_errors(v.errors);
        }
        if self.errors.is_empty() {
            Ok(ImportedContact {
                line: self.line,
                uuid: self.uuid,
                contact,
                organization: self.organization,
            })
        } else {
            Err(self.errors)
        }
    }
}

/// The full name from a given and a family name: family first for Vietnamese family names
/// ("Nguyễn" + "Thị Hồng Nhung"), given first otherwise ("Kenji" + "Tanaka").
pub(super) fn compose_name(given: &str, family: &str) -> String {
    let (given, family) = (given.trim(), family.trim());
    match (given.is_empty(), family.is_empty()) {
        (true, _) => family.to_owned(),
        (_, true) => given.to_owned(),
        _ if is_vietnamese_family_name(family) => format!("{family} {given}"),
        _ => format!("{given} {family}"),
    }
}

/// Whether the first word of `name` is a common Vietnamese family name.
pub(super) fn is_vietnamese_family_name(name: &str) -> bool {
    const NAMES: &[&str] = &[
        "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do",
        "ho", "ngo", "duong", "ly", "dinh", "doan", "trinh", "truong", "lam", "mai", "cao",
        "luong", "ha", "ta", "quach", "chu", "kieu", "vuong", "trieu", "thai", "la", "tong",
        "nghiem", "khuat", "lai", "luu", "van", "au", "giang",
    ];
    name.split_whitespace()
        .next()
        .is_some_and(|w| NAMES.contains(&fold(w).as_str()))
}

/// An ISO 3166-1 alpha-2 code from a code in any case or a country name in Vietnamese or
/// English.
fn country(v: &str) -> Option<String> {
    if v.len() == 2 && v.chars().all(|c| c.is_ascii_alphabetic()) {
        return Some(v.to_ascii_uppercase());
    }
    const NAMES: &[(&str, &str)] = &[
        ("viet nam", "VN"),
        ("vietnam", "VN"),
        ("nhat ban", "JP"),
        ("nhat", "JP"),
        ("japan", "JP"),
        ("han quoc", "KR"),
        ("korea", "KR"),
        ("south korea", "KR"),
        ("republic of korea", "KR"),
        ("trung quoc", "CN"),
        ("china", "CN"),
        ("dai loan", "TW"),
        ("taiwan", "TW"),
        ("hong kong", "HK"),
        ("singapore", "SG"),
        ("thai lan", "TH"),
        ("thailand", "TH"),
        ("malaysia", "MY"),
        ("indonesia", "ID"),
        ("philippines", "PH"),
        ("lao", "LA"),
        ("laos", "LA"),
        ("campuchia", "KH"),
        ("cambodia", "KH"),
        ("an do", "IN"),
        ("india", "IN"),
        ("uc", "AU"),
        ("australia", "AU"),
        ("hoa ky", "US"),
        ("my", "US"),
        ("united states", "US"),
        ("usa", "US"),
        ("canada", "CA"),
        ("duc", "DE"),
        ("germany", "DE"),
        ("phap", "FR"),
        ("france", "FR"),
        ("anh", "GB"),
        ("united kingdom", "GB"),
        ("ha lan", "NL"),
        ("netherlands", "NL"),
        ("thuy si", "CH"),
        ("switzerland", "CH"),
        ("y", "IT"),
        ("italy", "IT"),
    ];
    let key = fold(v).split_whitespace().collect::<Vec<_>>().join(" ");
    NAMES
        .iter()
        .find(|(n, _)| *n == key)
        .map(|(_, c)| (*c).to_owned())
}

/// The consent basis from its name (`legal_obligation`, "Legal obligation") or Vietnamese words.
fn consent_basis(v: &str) -> Option<ConsentBasis> {
    let key = fold(v).replace(['_', '-'], " ");
    let key = key.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(match key.as_str() {
        "unknown" | "khong ro" | "chua ro" | "chua xac dinh" => ConsentBasis::Unknown,
        "consent" | "dong y" | "su dong y" | "co dong y" => ConsentBasis::Consent,
        "contract" | "hop dong" | "thuc hien hop dong" => ConsentBasis::Contract,
        "legal obligation" | "nghia vu phap ly" | "nghia vu theo luat" => {
            ConsentBasis::LegalObligation
        }
        "public interest" | "loi ich cong cong" => ConsentBasis::PublicInterest,
        _ => return None,
    })
}

/// A date as `YYYY-MM-DD` (optionally followed by a time), `YYYY/MM/DD`, `YYYYMMDD`, or the
/// Vietnamese day-first `dd/mm/yyyy` (also with `-` or `.`).
pub(super) fn date(v: &str) -> Option<NaiveDate> {
    let v = v.trim();
    if let Some(head) = v.get(..10) {
        let rest = &v[10..];
        if rest.is_empty() || rest.starts_with(['T', 't', ' ']) {
            if let Ok(d) = NaiveDate::parse_from_str(head, "%Y-%m-%d") {
                return Some(d);
            }
        }
    }
    if v.len() == 8 && v.bytes().all(|b| b.is_ascii_digit()) {
        return NaiveDate::parse_from_str(v, "%Y%m%d").ok();
    }
    let parts: Vec<&str> = v.split(['/', '-', '.']).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let n = |s: &str| s.parse::<u32>().ok();
    let (y, m, d) = if parts[0].len() == 4 {
        (parts[0], parts[1], parts[2])
    } else if parts[2].len() == 4 {
        (parts[2], parts[1], parts[0])
    } else {
        return None;
    };
    NaiveDate::from_ymd_opt(n(y)? as i32, n(m)?, n(d)?)
}

/// A uuid in its lower-case hyphenated form (an `urn:uuid:` prefix is allowed).
pub(super) fn uuid(v: &str) -> Option<String> {
    let v = v.trim();
    let v = match v.get(..9) {
        Some(p) if p.eq_ignore_ascii_case("urn:uuid:") => &v[9..],
        _ => v,
    };
    uuid::Uuid::parse_str(v)
        .ok()
        .map(|u| u.hyphenated().to_string())
}

/// Our label for a label written by another program: Google's "* Work" → "work", Apple's
/// "_$!<Mobile>!$_" → "mobile", "Work Fax" → "fax"; anything else as written.
pub(super) fn known_label(target: Target, cell: &str) -> String {
    let t = cell.trim().trim_start_matches('*').trim();
    let t = t
        .strip_prefix("_$!<")
        .and_then(|r| r.strip_suffix(">!$_"))
        .unwrap_or(t);
    let key = fold(t);
    let phone = target == Target::Phone;
    let known = match key.as_str() {
        "work" | "business" | "office" | "cong viec" | "co quan" => "work",
        "home" | "personal" | "nha rieng" | "ca nhan" => "home",
        "other" | "khac" => "other",
        "main" | "primary" | "chinh" => "main",
        "mobile" | "cell" | "iphone" | "di dong" if phone => "mobile",
        "fax" | "work fax" | "home fax" | "workfax" | "homefax" | "other fax" if phone => "fax",
        "pager" if phone => "pager",
        _ => return nfc(t),
    };
    known.to_owned()
}
