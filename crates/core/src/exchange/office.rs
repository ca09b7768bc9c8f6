//! This office's profile and key pair. The profile is a row of the store; the private key is kept
//! where the store keeps the exchange's files (`store::exchange_files`): for a store file, a file
//! beside it (`<store file>.office-key`, readable by the user only); for a team store, a row only
//! managers may read. It is made on first use and never replaced: if the store records a key and
//! the kept one is gone or another, the office refuses to sign (`office_key_missing`) rather than
//! make a new key that every other office would then refuse as `key_changed`.

use super::views::{OfficeKeyPlace, OfficeProfile, OfficeView};
use super::{refuse, to_wire, Code, SENT_FOLDER};
use crate::error::{invalid, CoreError, Result};
use crate::files::ExportedFile;
use crate::store::exchange_files;
use crate::text::nfc;
use crate::validate::{FieldError, Validator};
use crate::Store;
use planner_exchange::OfficeKey;
use std::path::PathBuf;

/// The extension of an office card file.
pub const CARD_EXTENSION: &str = planner_exchange::CARD_EXTENSION;

/// Longest office code.
const MAX_CODE: usize = 16;

/// The private key file of the store at `store`: beside it, named after it.
pub fn key_path(store: &Store) -> Result<PathBuf> {
    let path = store.path().ok_or_else(|| {
        refuse(
            Code::OfficeKeyMissing,
            "an in-memory store has no place for a key file",
        )
    })?;
    let mut name = path.file_name().unwrap_or_default().to_owned();
    name.push(".office-key");
    Ok(path.with_file_name(name))
}

/// The profile, the key's fingerprint (grouped) and where the key is kept. With a profile, the
/// key pair is made here if it does not exist yet and this session may make it (it is shown in
/// Settings, to be read out); a team store's officer sees the fingerprint a manager made.
pub fn view(store: &mut Store) -> Result<OfficeView> {
    let row = store.office()?;
    let keeps_key = exchange_files::keeps_office_key(store)?;
    if row.is_some() && keeps_key {
        signing_key(store)?;
    }
    let row = store.office()?;
    let key_place = exchange_files::office_key_place(store);
    Ok(OfficeView {
        fingerprint: row
            .as_ref()
            .and_then(|r| r.fingerprint.as_deref())
            .map(super::grouped),
        has_key: row.as_ref().is_some_and(|r| r.public_key.is_some()),
        profile: row.map(|r| r.profile),
        key_place,
    })
}

/// Checks a profile: names required, a short code of capitals, digits and dashes, a country
/// code, an e-mail address; every text in NFC and trimmed.
pub fn checked(p: OfficeProfile) -> Result<OfficeProfile> {
    let opt = |s: Option<String>| s.map(|s| nfc(s.trim())).filter(|s| !s.is_empty());
    let p = OfficeProfile {
        name_vi: nfc(p.name_vi.trim()),
        name_en: nfc(p.name_en.trim()),
        code: nfc(p.code.trim()),
        city: opt(p.city),
        country: opt(p.country).map(|c| c.to_uppercase()),
        email: opt(p.email),
    };
    let mut v = Validator::default();
    v.required("name_vi", &p.name_vi);
    v.required("name_en", &p.name_en);
    let code_ok = (2..=MAX_CODE).contains(&p.code.chars().count())
        && p.code
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
    if !code_ok {
        v.push(FieldError::new(
            "code",
            "bad_office_code",
            format!("Mã văn phòng gồm 2–{MAX_CODE} ký tự: chữ in hoa A–Z, số và dấu gạch ngang"),
            format!("The office code is 2–{MAX_CODE} characters: capitals A–Z, digits and dashes"),
        ));
    }
    v.opt_line("city", &p.city);
    if let Some(c) = &p.country {
        v.country("country", c);
    }
    v.opt_email("email", &p.email);
    if v.errors.is_empty() {
        Ok(p)
    } else {
        Err(CoreError::Invalid(v.errors))
    }
}

/// Validates and saves the profile (the key, if any, stays).
pub fn save(store: &mut Store, profile: OfficeProfile) -> Result<OfficeView> {
    let p = checked(profile)?;
    store.save_office_profile(&p)?;
    view(store)
}

/// The profile, refused with a field error when none was set.
pub fn profile(store: &Store) -> Result<OfficeProfile> {
    store.office()?.map(|r| r.profile).ok_or_else(|| {
        invalid(
            "office",
            "no_office_profile",
            "Chưa có hồ sơ văn phòng: hãy nhập trong Cài đặt trước khi gửi cho văn phòng khác",
            "No office profile yet: set it in Settings before sending to another office",
        )
    })
}

/// The office's signing key: the kept one, checked against the public key the store records,
/// or made now (first use), kept and recorded.
pub fn signing_key(store: &mut Store) -> Result<OfficeKey> {
    let row = store.office()?;
    profile(store)?;
    let kept = exchange_files::office_key(store)?;
    let recorded = row.and_then(|r| r.public_key);
    match (recorded, kept) {
        (Some(public), Some(key)) if key.public().to_base64() == public => Ok(key),
        (Some(_), _) => Err(refuse(Code::OfficeKeyMissing, key_place_detail(store))),
        // Kept before a crash kept the store from recording it: it is still this office's.
        (None, Some(key)) => record(store, key),
        (None, None) => {
            let key = exchange_files::save_office_key(store, OfficeKey::generate()?)?;
            record(store, key)
        }
    }
}

/// Where the key should have been, for a refusal's detail (its words come from its code).
fn key_place_detail(store: &Store) -> String {
    match exchange_files::office_key_place(store) {
        Some(OfficeKeyPlace::File { path }) => path,
        Some(OfficeKeyPlace::TeamDatabase) => "office_private_key (team database)".to_owned(),
        None => String::new(),
    }
}

fn record(store: &mut Store, key: OfficeKey) -> Result<OfficeKey> {
    let public = key.public();
    store.record_office_key(&public.to_base64(), public.fingerprint().as_str())?;
    Ok(key)
}

/// Writes this office's card (profile and public key, self-signed) at `chosen`, or in the
/// store's `exchange/` folder as `<code>.dpoffice`.
pub fn export_card(store: &mut Store, chosen: Option<PathBuf>) -> Result<ExportedFile> {
    let key = signing_key(store)?;
    let p = profile(store)?;
    let path =
        crate::files::output_or_default(store, chosen, &[CARD_EXTENSION], SENT_FOLDER, || {
            Ok(crate::file_names::safe_file_name(&p.code, CARD_EXTENSION))
        })?;
    let bytes = planner_exchange::write_card(&key, &to_wire(&p), &super::now_rfc3339());
    crate::files::write_atomically(&path, &bytes)
}
