//! Investment briefs: choose an audience, suggest matching opportunities, compose the brief, render
//! it as PDF or HTML, and record each generated file (version, inputs, SHA-256) so that it can be
//! listed and regenerated identically.

mod compose;
mod model;
mod phrases;
mod to_html;
mod to_pdf;

pub use model::{BriefBlock, BriefModel};
pub use to_html::{escape, render_html};
pub use to_pdf::render_pdf;

use crate::domain::*;
use crate::error::{invalid, CoreError, Result};
use crate::store::{Filter, ListQuery, Record, Store};
use chrono::{DateTime, SubsecRound, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// Whom a brief is written for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Audience {
    Delegation {
        id: i64,
    },
    Organization {
        id: i64,
    },
    /// Investors of one sector, optionally in one country (ISO 3166-1 alpha-2).
    Sector {
        sector: String,
        country: Option<String>,
    },
}

/// A part of a brief that can be left in or out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BriefSection {
    Cover,
    Summary,
    AtAGlance,
    OpportunityTable,
    OpportunityPages,
    Incentives,
    HowToInvest,
    Contacts,
}

impl BriefSection {
    /// Every section, in the order a brief prints them.
    pub const ALL: [BriefSection; 8] = [
        BriefSection::Cover,
        BriefSection::Summary,
        BriefSection::AtAGlance,
        BriefSection::OpportunityTable,
        BriefSection::OpportunityPages,
        BriefSection::Incentives,
        BriefSection::HowToInvest,
        BriefSection::Contacts,
    ];

    fn name(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }
}

/// What to put in a brief.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BriefRequest {
    pub audience: Audience,
    pub language: BriefLanguage,
    pub layout: BilingualLayout,
    pub paper: Paper,
    /// The opportunities to present; None takes the suggestions for the audience.
    pub opportunity_ids: Option<Vec<i64>>,
    pub sections: Vec<BriefSection>,
    /// When false, names, phones and emails of people are left out.
    pub include_personal_data: bool,
}

impl BriefRequest {
    /// A request with every section, personal data included, A4, side by side.
    pub fn new(audience: Audience, language: BriefLanguage) -> BriefRequest {
        BriefRequest {
            audience,
            language,
            layout: BilingualLayout::SideBySide,
            paper: Paper::A4,
            opportunity_ids: None,
            sections: BriefSection::ALL.to_vec(),
            include_personal_data: true,
        }
    }
}

/// An opportunity proposed for a brief, with how well it matches the audience's sectors.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct OpportunitySuggestion {
    pub id: i64,
    pub name_vi: String,
    pub name_en: Option<String>,
    pub kind: OpportunityKind,
    pub sectors: Vec<String>,
    /// How many of the audience's sectors it shares.
    pub score: i64,
    /// Whether the composer takes it when no list is given.
    pub suggested: bool,
}

/// The output format of a brief.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BriefFormat {
    Pdf,
    Html,
}

impl BriefFormat {
    /// The file name extension of this format.
    pub fn extension(self) -> &'static str {
        match self {
            BriefFormat::Pdf => "pdf",
            BriefFormat::Html => "html",
        }
    }
}

/// A brief written to a file and recorded.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct GeneratedBrief {
    pub brief_id: i64,
    pub path: String,
    pub bytes: i64,
    pub sha256: String,
    pub version: i64,
}

/// Every opportunity that is not closed, best match for the audience first.
pub fn suggest(store: &Store, audience: &Audience) -> Result<Vec<OpportunitySuggestion>> {
    let who = compose::resolve(store, audience)?;
    let ranked = compose::rank(store, &who.sectors)?;
    let mut taken = 0;
    Ok(ranked
        .into_iter()
        .map(|(o, score)| {
            let suggested = score > 0 && taken < 8;
            taken += usize::from(suggested);
            OpportunitySuggestion {
                id: o.meta.id,
                name_vi: o.data.name_vi,
                name_en: o.data.name_en,
                kind: o.data.kind,
                sectors: o.data.sectors,
                score: score as i64,
                suggested,
            }
        })
        .collect())
}

fn audience_filter(a: &Audience) -> Vec<Filter> {
    let f = |field: &str, value: String| Filter {
        field: field.into(),
        value,
        op: None,
    };
    match a {
        Audience::Delegation { id } => vec![f("delegation_id", id.to_string())],
        Audience::Organization { id } => vec![f("organization_id", id.to_string())],
        Audience::Sector { sector, .. } => vec![f("sector", sector.clone())],
    }
}

/// Composes the brief as of `generated_at` with the given version (for reproducible output).
pub fn compose_at(
    store: &Store,
    req: &BriefRequest,
    version: i64,
    generated_at: DateTime<Utc>,
) -> Result<BriefModel> {
    compose::compose(store, req, version, generated_at)
}

/// Composes a preview of the brief (not recorded).
pub fn preview(store: &Store, req: &BriefRequest) -> Result<BriefModel> {
    compose::compose(
        store,
        req,
        next_version(store, req)?,
        Utc::now().trunc_subsecs(0),
    )
}

fn next_version(store: &Store, req: &BriefRequest) -> Result<i64> {
    let mut q = ListQuery {
        filters: audience_filter(&req.audience),
        ..Default::default()
    };
    q.filters.push(Filter {
        field: "language".into(),
        value: lang_name(req.language),
        op: None,
    });
    Ok(store.list_json(EntityKind::Briefs, &q)?.total + 1)
}

fn lang_name(l: BriefLanguage) -> String {
    serde_json::to_value(l)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn render(model: &BriefModel, format: BriefFormat) -> Result<Vec<u8>> {
    match format {
        BriefFormat::Pdf => render_pdf(model),
        BriefFormat::Html => Ok(render_html(model).into_bytes()),
    }
}

/// Lower-case hex SHA-256.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Composes, renders and writes the brief to `path`, and records it with its hash, in one
/// transaction (if the file cannot be written, nothing is recorded).
pub fn generate(
    store: &mut Store,
    req: &BriefRequest,
    format: BriefFormat,
    path: &Path,
) -> Result<GeneratedBrief> {
    let version = next_version(store, req)?;
    let generated_at = Utc::now().trunc_subsecs(0);
    let model = compose::compose(store, req, version, generated_at)?;
    let bytes = render(&model, format)?;
    let sha256 = sha256_hex(&bytes);
    let (audience_kind, delegation_id, organization_id, sector, country) = match &req.audience {
        Audience::Delegation { id } => (AudienceKind::Delegation, Some(*id), None, None, None),
        Audience::Organization { id } => (AudienceKind::Organization, None, Some(*id), None, None),
        Audience::Sector { sector, country } => (
            AudienceKind::Sector,
            None,
            None,
            Some(sector.clone()),
            country.clone(),
        ),
    };
    let brief = Brief {
        title: format!(
            "{} — {}",
            model.title.get(req.language),
            model.subtitle.get(req.language)
        ),
        language: req.language,
        audience_kind,
        delegation_id,
        organization_id,
        sector,
        country,
        opportunity_ids: model.opportunity_ids.clone(),
        sections: req.sections.iter().map(|s| s.name()).collect(),
        include_personal_data: req.include_personal_data,
        version,
        file_name: Some(path.display().to_string()),
        file_sha256: Some(sha256.clone()),
        generated_at: Some(generated_at),
        notes: None,
        layout: req.layout,
        paper: req.paper,
    };
    let record = store.transaction(|tx| {
        let r = tx.create(&brief)?;
        crate::files::write_atomically(path, &bytes)?;
        Ok(r)
    })?;
    Ok(GeneratedBrief {
        brief_id: record.meta.id,
        path: path.display().to_string(),
        bytes: bytes.len() as i64,
        sha256,
        version,
    })
}

/// The request a recorded brief was generated from.
pub fn request_of(brief: &Brief) -> Result<BriefRequest> {
    let audience = match brief.audience_kind {
        AudienceKind::Delegation => Audience::Delegation {
            id: brief.delegation_id.ok_or_else(|| gone("delegation_id"))?,
        },
        AudienceKind::Organization => Audience::Organization {
            id: brief
                .organization_id
                .ok_or_else(|| gone("organization_id"))?,
        },
        AudienceKind::Sector => Audience::Sector {
            sector: brief.sector.clone().ok_or_else(|| gone("sector"))?,
            country: brief.country.clone(),
        },
    };
    let sections = brief
        .sections
        .iter()
        .map(|s| {
            serde_json::from_value(serde_json::Value::String(s.clone()))
                .map_err(|_| gone("sections"))
        })
        .collect::<Result<Vec<BriefSection>>>()?;
    Ok(BriefRequest {
        audience,
        language: brief.language,
        layout: brief.layout,
        paper: brief.paper,
        opportunity_ids: Some(brief.opportunity_ids.clone()),
        sections,
        include_personal_data: brief.include_personal_data,
    })
}

fn gone(field: &str) -> CoreError {
    invalid(
        field,
        "missing",
        "Bản tin thiếu thông tin để tạo lại",
        "The brief lacks what is needed to regenerate it",
    )
}

/// Rebuilds a recorded brief as it was generated and says whether the bytes are identical
/// (they differ when the data behind it has changed since).
pub fn regenerate(store: &Store, brief_id: i64, format: BriefFormat) -> Result<(Vec<u8>, bool)> {
    let brief: Record<Brief> = store.get(brief_id)?;
    let req = request_of(&brief.data)?;
    let at: DateTime<Utc> = brief
        .data
        .generated_at
        .ok_or_else(|| gone("generated_at"))?;
    let model = compose::compose(store, &req, brief.data.version, at)?;
    let bytes = render(&model, format)?;
    let same = brief.data.file_sha256.as_deref() == Some(sha256_hex(&bytes).as_str());
    Ok((bytes, same))
}

/// A file name for a brief: audience, language and version (`file_names::safe_file_name`).
pub fn default_file_name(req: &BriefRequest, version: i64, format: BriefFormat) -> PathBuf {
    let who = match &req.audience {
        Audience::Delegation { id } => format!("doan-{id}"),
        Audience::Organization { id } => format!("to-chuc-{id}"),
        Audience::Sector { sector, country } => format!(
            "nganh-{sector}{}",
            country
                .as_deref()
                .map(|c| format!("-{c}"))
                .unwrap_or_default()
        ),
    };
    PathBuf::from(crate::file_names::safe_file_name(
        &format!("ban-tin-{who}-{}-v{version}", lang_name(req.language)),
        format.extension(),
    ))
}

/// Generates the brief at `chosen` (checked by `files::output_path` against the format's
/// extension), or when none was chosen, in the store's `briefs/` folder under
/// `default_file_name`: the app's save dialog and the CLI's `-o` follow the same rule.
pub fn generate_to(
    store: &mut Store,
    req: &BriefRequest,
    format: BriefFormat,
    chosen: Option<PathBuf>,
) -> Result<GeneratedBrief> {
    let path =
        crate::files::output_or_default(store, chosen, &[format.extension()], "briefs", || {
            let name = default_file_name(req, upcoming_version(store, req)?, format);
            Ok(name.display().to_string())
        })?;
    generate(store, req, format, &path)
}

/// Opens a generated brief's file in the system's viewer: only a file the app recorded.
pub fn open_file(store: &Store, brief_id: i64) -> Result<()> {
    let brief = store.get::<Brief>(brief_id)?;
    let file = brief.data.file_name.ok_or_else(|| {
        invalid(
            "file_name",
            "missing",
            "Bản tin chưa có tệp",
            "The brief has no file",
        )
    })?;
    crate::files::open_in_viewer(Path::new(&file))
}

/// The version the next brief for this request will get.
pub fn upcoming_version(store: &Store, req: &BriefRequest) -> Result<i64> {
    next_version(store, req)
}
