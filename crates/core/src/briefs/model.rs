//! The brief as a language-neutral view model: every text carries its Vietnamese and English
//! form (`labels::Bilingual`). The PDF, the HTML export and the app's preview all render this
//! one model.

use crate::domain::{BilingualLayout, BriefLanguage, Paper};
use crate::labels::Bilingual;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One block of a brief.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum BriefBlock {
    Heading {
        level: u8,
        text: Bilingual,
    },
    Paragraph {
        text: Bilingual,
    },
    /// Label/value pairs.
    Facts {
        rows: Vec<(Bilingual, Bilingual)>,
    },
    Table {
        columns: Vec<Bilingual>,
        weights: Vec<f32>,
        rows: Vec<Vec<Bilingual>>,
    },
    /// A bar chart of values with labels.
    BarChart {
        title: Bilingual,
        unit: Bilingual,
        points: Vec<(Bilingual, f64)>,
    },
    PieChart {
        title: Bilingual,
        points: Vec<(Bilingual, f64)>,
    },
    Bullets {
        items: Vec<Bilingual>,
    },
    /// A shaded call-out, e.g. "indicative, check with the management board".
    Note {
        text: Bilingual,
    },
    /// Where the figures above come from.
    Source {
        text: Bilingual,
    },
    /// A stored picture of an opportunity (its bytes travel in `BriefModel::images`).
    Image {
        image_id: i64,
        caption: Bilingual,
    },
    PageBreak,
}

impl BriefBlock {
    /// Label/value pairs, leaving out a label whose value is empty (a label never ends in
    /// mid-air, in the PDF, the HTML or the preview).
    pub fn facts(rows: Vec<(Bilingual, Bilingual)>) -> BriefBlock {
        let rows = rows
            .into_iter()
            .filter(|(_, v)| !(v.vi.trim().is_empty() && v.en.trim().is_empty()))
            .collect();
        BriefBlock::Facts { rows }
    }
}

/// A composed brief, ready to render.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BriefModel {
    pub title: Bilingual,
    pub subtitle: Bilingual,
    pub author: String,
    pub language: BriefLanguage,
    pub layout: BilingualLayout,
    pub paper: Paper,
    /// The generation instant (RFC 3339); also the PDF's creation date.
    pub generated_at: String,
    pub version: i64,
    pub include_personal_data: bool,
    pub opportunity_ids: Vec<i64>,
    pub blocks: Vec<BriefBlock>,
    /// The bytes of the pictures the blocks show, by image id (not sent to the preview).
    #[serde(skip)]
    pub images: std::collections::BTreeMap<i64, Vec<u8>>,
}
