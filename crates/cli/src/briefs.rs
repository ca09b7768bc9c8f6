//! `planner brief` and `planner brief regenerate`: investment briefs written and recorded, or
//! rebuilt exactly as recorded.

use anyhow::{bail, Result};
use clap::Subcommand;
use planner_core::briefs::{self, Audience, BriefFormat, BriefRequest};
use planner_core::domain::{BilingualLayout, BriefLanguage, Paper};
use planner_core::{files, Store};
use std::path::PathBuf;

// No doc comment: clap would take it for the subcommand's description.
#[derive(clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct BriefArgs {
    #[command(subcommand)]
    again: Option<BriefAgain>,
    /// A brief for the delegation with this id.
    #[arg(long, value_name = "ID", conflicts_with_all = ["organization", "sector"])]
    delegation: Option<i64>,
    /// A brief for the organisation with this id.
    #[arg(long, value_name = "ID", conflicts_with = "sector")]
    organization: Option<i64>,
    /// A brief for investors of this sector (with --country).
    #[arg(long, value_name = "SECTOR")]
    sector: Option<String>,
    /// The investors' country (ISO 3166-1 alpha-2), with --sector.
    #[arg(long, value_name = "CC", requires = "sector")]
    country: Option<String>,
    /// vi, en or bi (bilingual).
    #[arg(long, default_value = "vi")]
    lang: String,
    /// With --lang bi: the whole brief in Vietnamese, then in English (default: side by side).
    #[arg(long)]
    sequential: bool,
    /// US Letter instead of A4.
    #[arg(long)]
    letter: bool,
    /// Leave names, phones and emails of people out.
    #[arg(long)]
    no_personal_data: bool,
    /// Present these opportunities (comma-separated ids) instead of the suggested ones.
    #[arg(long, value_delimiter = ',', value_name = "IDS")]
    opportunities: Option<Vec<i64>>,
    /// pdf or html.
    #[arg(long, default_value = "pdf")]
    format: String,
    /// Where to write the brief.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Subcommand)]
enum BriefAgain {
    /// Rebuilds a recorded brief exactly as it was generated and says whether it is identical.
    Regenerate {
        id: i64,
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
    },
}

pub fn brief(store: &mut Store, mut a: BriefArgs) -> Result<()> {
    let format = match a.format.as_str() {
        "pdf" => BriefFormat::Pdf,
        "html" => BriefFormat::Html,
        other => bail!("--format «{other}»: use pdf or html"),
    };
    if let Some(BriefAgain::Regenerate { id, output }) = a.again.take() {
        return regenerate(store, id, format, output);
    }
    let output = a.output.take();
    let req = request(a)?;
    let output = output.map(crate::chosen).transpose()?;
    let done = briefs::generate_to(store, &req, format, output)?;
    println!(
        "{} ({} bytes, version {}, sha256 {}), recorded as brief {}",
        done.path, done.bytes, done.version, done.sha256, done.brief_id
    );
    Ok(())
}

/// Writes brief `id` rebuilt to `output` and says whether it is identical to the recorded one.
fn regenerate(store: &mut Store, id: i64, format: BriefFormat, output: PathBuf) -> Result<()> {
    let output = files::output_path(crate::chosen(output)?, &[format.extension()])?;
    let (bytes, identical) = briefs::regenerate(store, id, format)?;
    let written = files::write_atomically(&output, &bytes)?;
    println!(
        "{} ({} bytes, sha256 {}): {}",
        written.path,
        written.bytes,
        briefs::sha256_hex(&bytes),
        if identical {
            "identical to the recorded brief"
        } else {
            "differs: the data changed since it was generated"
        }
    );
    Ok(())
}

/// The request the options describe: audience, language, layout, paper, personal data and
/// opportunities.
fn request(a: BriefArgs) -> Result<BriefRequest> {
    let audience = match (a.delegation, a.organization, a.sector) {
        (Some(id), _, _) => Audience::Delegation { id },
        (_, Some(id), _) => Audience::Organization { id },
        (_, _, Some(sector)) => Audience::Sector {
            sector,
            country: a.country.map(|c| c.to_uppercase()),
        },
        _ => bail!(
            "choose the audience: --delegation ID, --organization ID or --sector S [--country CC]"
        ),
    };
    let language = match a.lang.as_str() {
        "vi" => BriefLanguage::Vi,
        "en" => BriefLanguage::En,
        "bi" => BriefLanguage::Bi,
        other => bail!("--lang «{other}»: use vi, en or bi"),
    };
    let mut req = BriefRequest::new(audience, language);
    req.include_personal_data = !a.no_personal_data;
    req.opportunity_ids = a.opportunities;
    if a.sequential {
        req.layout = BilingualLayout::Sequential;
    }
    if a.letter {
        req.paper = Paper::Letter;
    }
    Ok(req)
}
