//! Bundles received, checked in the order and refused at the first failure: the file's
//! size, its ZIP structure and names, the manifest's signature (all in `planner_exchange::open`),
//! then the signer's standing here, then every member's bytes against the signed hashes, then
//! the JSON (depth and size capped) and every record against the local validators, then the
//! idempotence rules. Only then one transaction writes the row (and the signer, when trusted
//! now); the received PDF and pictures are kept under their SHA-256 (`store::exchange_files`)
//! before it commits.
//! A refusal writes nothing.

use super::content::{
    self, BriefJson, OpportunitiesJson, BRIEF_JSON, BRIEF_PDF, OPPORTUNITIES_JSON,
};
use super::trust::{self, Standing};
use super::views::{
    BundleMember, ImportOutcome, ImportStatus, Inspection, OfficeProfile, TrustState,
};
use super::{from_wire, refuse, Code};
use crate::domain::BriefLanguage;
use crate::error::Result;
use crate::store::exchange_files::ReceivedFiles;
use crate::store::{NewReceived, Store};
use planner_exchange::{Limits, Manifest, Opened, Verified};
use std::path::Path;

/// The caps every bundle is read with.
pub fn limits() -> Limits {
    Limits::default()
}

/// The bytes of a received file, read no further than one byte past the size cap (which
/// `open` then refuses as `bundle_too_large`). The file's name and extension play no part.
pub fn read_bundle_file(path: &Path) -> Result<Vec<u8>> {
    crate::files::read_at_most(path, limits().max_file)
}

/// A bundle whose signature holds, and where its signer stands here.
struct Examined<'a> {
    opened: Opened<'a>,
    office: OfficeProfile,
    standing: Standing,
}

fn examine<'a>(store: &Store, bytes: &'a [u8]) -> Result<Examined<'a>> {
    let opened = planner_exchange::open(bytes, &limits())?;
    let office = from_wire(&opened.manifest.sender.office);
    let standing = trust::standing(store, &opened.fingerprint, &office)?;
    Ok(Examined {
        opened,
        office,
        standing,
    })
}

/// What a verified bundle would do to the store.
enum Decision {
    Import,
    Update,
    /// The same content is already here, as this row.
    Already(i64),
}

/// A bundle verified to its last byte and record.
struct Ready {
    verified: Verified,
    /// How many opportunities it carries.
    opportunities: usize,
    language: BriefLanguage,
    decision: Decision,
}

fn verify_and_decide(store: &Store, opened: Opened<'_>) -> Result<Ready> {
    let verified = opened.verify_members()?;
    let limits = limits();
    let member = |name: &str| -> Result<&Vec<u8>> {
        verified
            .members
            .get(name)
            .ok_or_else(|| refuse(Code::MissingMember, name))
    };
    let brief: BriefJson = planner_exchange::parse_json(BRIEF_JSON, member(BRIEF_JSON)?, &limits)?;
    let list: OpportunitiesJson =
        planner_exchange::parse_json(OPPORTUNITIES_JSON, member(OPPORTUNITIES_JSON)?, &limits)?;
    member(BRIEF_PDF)?;
    let m = &verified.manifest;
    let language = check_manifest(m)?;
    let opportunities = content::check(store, &brief, &list, m.personal_data, &verified.members)?;
    let decision = decide(store, &verified)?;
    Ok(Ready {
        verified,
        opportunities,
        language,
        decision,
    })
}

/// The manifest's own texts pass the rules a local record's would.
fn check_manifest(m: &Manifest) -> Result<BriefLanguage> {
    let bad = |what: &str| refuse(Code::InvalidContent, format!("manifest {what}"));
    let office = from_wire(&m.sender.office);
    if super::office::checked(office.clone()).ok().as_ref() != Some(&office) {
        return Err(bad("sender.office"));
    }
    let mut v = crate::validate::Validator::default();
    v.required("title", &m.brief.title);
    if !v.errors.is_empty() || crate::text::nfc(&m.brief.title) != m.brief.title {
        return Err(bad("brief.title"));
    }
    if uuid::Uuid::parse_str(&m.brief.uuid).is_err() || m.brief.uuid != m.brief.uuid.to_lowercase()
    {
        return Err(bad("brief.uuid"));
    }
    if m.brief.version < 1 {
        return Err(bad("brief.version"));
    }
    if chrono::DateTime::parse_from_rfc3339(&m.created_at).is_err() {
        return Err(bad("created_at"));
    }
    serde_json::from_value(m.brief.language.clone().into()).map_err(|_| bad("brief.language"))
}

/// The idempotence rules, keyed on (signer, brief uuid, version): the same content again is a
/// no-op; a newer version an update; an older one a rollback; the same version with other
/// content a conflict.
fn decide(store: &Store, v: &Verified) -> Result<Decision> {
    let m = &v.manifest;
    let versions = store.received_versions(v.fingerprint.as_str(), &m.brief.uuid)?;
    if let Some(same) = versions.iter().find(|r| r.version == m.brief.version) {
        let same_content = serde_json::from_str::<Manifest>(&same.manifest)
            .is_ok_and(|old| content_of(&old) == content_of(m));
        return if same.bundle_sha256 == v.bundle_sha256 || same_content {
            Ok(Decision::Already(same.id))
        } else {
            Err(refuse(
                Code::VersionConflict,
                format!("«{}» v{}", m.brief.title, m.brief.version),
            ))
        };
    }
    match versions.first() {
        Some(newest) if newest.version > m.brief.version => Err(refuse(
            Code::Rollback,
            format!("v{} < v{}", m.brief.version, newest.version),
        )),
        Some(_) => Ok(Decision::Update),
        None => Ok(Decision::Import),
    }
}

/// What two bundles of one version must share to be the same: their members and whether they
/// carry personal data (a bundle re-exported unchanged has another uuid and instant).
fn content_of(m: &Manifest) -> (bool, Vec<(String, String)>) {
    let mut members: Vec<_> = m
        .members
        .iter()
        .map(|x| (x.path.clone(), x.sha256.clone()))
        .collect();
    members.sort();
    (m.personal_data, members)
}

fn members_of(m: &Manifest) -> Vec<BundleMember> {
    m.members
        .iter()
        .map(|x| BundleMember {
            path: x.path.clone(),
            size: x.size as i64,
            sha256: x.sha256.clone(),
            media_type: x.media_type.clone(),
        })
        .collect()
}

/// Every check of an import, writing nothing. A file whose signature does not hold is an
/// error; past that, the inspection names the signer and says what an import would do, or why
/// it would be refused (an unknown signer's content is not read: trusting it comes first).
pub fn inspect_bytes(store: &Store, bytes: &[u8]) -> Result<Inspection> {
    let ex = examine(store, bytes)?;
    let m = &ex.opened.manifest;
    let fp = ex.opened.fingerprint.clone();
    let mut out = Inspection {
        bundle_uuid: m.bundle_uuid.clone(),
        bundle_sha256: ex.opened.bundle_sha256(),
        bytes: bytes.len() as i64,
        signer: ex.standing.signer(&fp, ex.office.clone()),
        brief_uuid: m.brief.uuid.clone(),
        brief_version: m.brief.version,
        title: m.brief.title.clone(),
        language: serde_json::from_value(m.brief.language.clone().into()).unwrap_or_default(),
        created_at: m.created_at.clone(),
        personal_data: m.personal_data,
        app_version: m.sender.app_version.clone(),
        members: members_of(m),
        opportunities: None,
        would: None,
        refusal: None,
    };
    if let Some(e) = ex.standing.refusal(&fp, &ex.office, false) {
        // An unknown key has nothing received here: trusted, its bundle would be imported.
        if ex.standing.state == TrustState::Unknown {
            out.would = Some(ImportStatus::Imported);
        }
        out.refusal = Some(e.payload());
        return Ok(out);
    }
    match verify_and_decide(store, ex.opened) {
        Ok(ready) => {
            out.opportunities = Some(ready.opportunities as i64);
            out.would = Some(status_of(&ready.decision));
        }
        Err(e) => out.refusal = Some(e.payload()),
    }
    Ok(out)
}

fn status_of(d: &Decision) -> ImportStatus {
    match d {
        Decision::Import => ImportStatus::Imported,
        Decision::Update => ImportStatus::Updated,
        Decision::Already(_) => ImportStatus::AlreadyReceived,
    }
}

/// Reads and inspects the file at `path`.
pub fn inspect_file(store: &Store, path: &Path) -> Result<Inspection> {
    inspect_bytes(store, &read_bundle_file(path)?)
}

/// Reads and imports the file at `path`.
pub fn import_file(store: &mut Store, path: &Path, trust: bool, by: &str) -> Result<ImportOutcome> {
    import_bytes(store, &read_bundle_file(path)?, trust, by)
}

/// Imports a bundle: every check, then one transaction. With `trust`, an unknown signer is
/// added to the trusted list in the same transaction (never a revoked or changed key).
pub fn import_bytes(
    store: &mut Store,
    bytes: &[u8],
    trust: bool,
    by: &str,
) -> Result<ImportOutcome> {
    let ex = examine(store, bytes)?;
    let fp = ex.opened.fingerprint.clone();
    if let Some(e) = ex.standing.refusal(&fp, &ex.office, trust) {
        return Err(e);
    }
    let signer_key = ex.opened.signer;
    let mut signer = ex.standing.signer(&fp, ex.office.clone());
    let new_key = match &ex.standing.key {
        None => Some(trust::trusted_on_import(
            store,
            &signer_key,
            &ex.office,
            by,
        )?),
        Some(_) => None,
    };
    let learn = ex.standing.key.as_ref().map(|k| k.office.id);
    let ready = verify_and_decide(store, ex.opened)?;
    let m = &ready.verified.manifest;
    let status = status_of(&ready.decision);
    if let Decision::Already(id) = ready.decision {
        return Ok(ImportOutcome {
            status,
            received_id: id,
            title: m.brief.title.clone(),
            brief_version: m.brief.version,
            signer,
            trusted_now: false,
        });
    }
    let kept = ReceivedFiles::of(store);
    let (row, files) = received_row(&ready, &ex.office)?;
    let (id, key_id) = store.transaction(|tx| {
        let key_id = match (&new_key, learn) {
            (Some(k), _) => tx.insert_trusted_key(k)?.office.id,
            (None, Some(id)) => {
                tx.learn_trusted_key(id, &signer_key.to_base64(), &ex.office)?;
                id
            }
            (None, None) => unreachable!("a key is either known or trusted now"),
        };
        let id = tx.insert_received(&NewReceived { key_id, ..row })?;
        for (name, sha256, bytes) in &files {
            kept.put(tx, id, name, sha256, bytes)?;
        }
        if matches!(ready.decision, Decision::Update) {
            tx.supersede_received(fp.as_str(), &m.brief.uuid, id)?;
        }
        Ok((id, key_id))
    })?;
    signer.trust = TrustState::Trusted;
    signer.key_id = Some(key_id);
    Ok(ImportOutcome {
        status,
        received_id: id,
        title: m.brief.title.clone(),
        brief_version: m.brief.version,
        signer,
        trusted_now: new_key.is_some(),
    })
}

/// A received file to keep: its name (SHA-256 and extension), its SHA-256 and its bytes.
type KeptFile<'r> = (String, String, &'r [u8]);

/// The Inbox row of a verified bundle, and its files by their hash (PDF and pictures).
fn received_row<'r>(
    ready: &'r Ready,
    office: &OfficeProfile,
) -> Result<(NewReceived, Vec<KeptFile<'r>>)> {
    let v = &ready.verified;
    let m = &v.manifest;
    let mut files = Vec::new();
    let mut pdf_sha256 = String::new();
    for x in &m.members {
        let ext = match x.media_type.as_str() {
            "application/pdf" => "pdf",
            "image/png" => "png",
            "image/jpeg" => "jpg",
            _ => continue,
        };
        let bytes = &v.members[&x.path];
        let sha = crate::briefs::sha256_hex(bytes);
        if x.path == BRIEF_PDF {
            pdf_sha256 = sha.clone();
        }
        files.push((format!("{sha}.{ext}"), sha, bytes.as_slice()));
    }
    let text = |name: &str| String::from_utf8_lossy(&v.members[name]).into_owned();
    let content = format!(
        "{{\"brief\":{},\"opportunities\":{}}}",
        text(BRIEF_JSON),
        text(OPPORTUNITIES_JSON)
    );
    let language = serde_json::to_value(ready.language).unwrap_or_default();
    Ok((
        NewReceived {
            uuid: m.bundle_uuid.clone(),
            key_id: 0,
            fingerprint: v.fingerprint.as_str().to_owned(),
            office_code: office.code.clone(),
            office_name_vi: office.name_vi.clone(),
            office_name_en: office.name_en.clone(),
            brief_uuid: m.brief.uuid.clone(),
            brief_version: m.brief.version,
            title: m.brief.title.clone(),
            language: language.as_str().unwrap_or("vi").to_owned(),
            sent_at: m.created_at.clone(),
            personal_data: m.personal_data,
            bundle_sha256: v.bundle_sha256.clone(),
            pdf_sha256,
            manifest: String::from_utf8_lossy(&v.manifest_json).into_owned(),
            content,
        },
        files,
    ))
}
