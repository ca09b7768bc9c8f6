//! The brief as a language-neutral view model: every text carries its Vietnamese and English
//! form. The PDF, the HTML export and the app's preview all render this one model.

use crate::domain::{BilingualLayout, BriefLanguage, Paper};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A text in both languages.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct L {
    pub vi: String,
    pub en: String,
}

impl L {
    /// A text with a Vietnamese and an English form.
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> L {
        L {
            vi: vi.into(),
            en: en.into(),
        }
    }

    /// The same text in both languages (names, numbers).
    pub fn same(s: impl Into<String>) -> L {
        let s = s.into();
        L {
            vi: s.clone(),
            en: s,
        }
    }

    /// The form for one language (`Bi` gives "vi / en", or one form when both are equal).
    pub fn get(&self, lang: BriefLanguage) -> String {
        match lang {
            BriefLanguage::Vi => self.vi.clone(),
            BriefLanguage::En => self.en.clone(),
            BriefLanguage::Bi if self.vi == self.en => self.vi.clone(),
            BriefLanguage::Bi => format!("{} / {}", self.vi, self.en),
        }
    }
}

/// One block of a brief.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum BriefBlock {
    Heading {
        level: u8,
        text: L,
    },
    Paragraph {
        text: L,
    },
    /// Label/value pairs.
    Facts {
        rows: Vec<(L, L)>,
    },
    Table {
        columns: Vec<L>,
        weights: Vec<f32>,
        rows: Vec<Vec<L>>,
    },
    /// A bar chart of values with labels.
    BarChart {
        title: L,
        unit: L,
        points: Vec<(L, f64)>,
    },
    PieChart {
        title: L,
        points: Vec<(L, f64)>,
    },
    Bullets {
        items: Vec<L>,
    },
    /// A shaded call-out, e.g. "indicative, check with the management board".
    Note {
        text: L,
    },
    /// Where the figures above come from.
    Source {
        text: L,
    },
    /// A stored picture of an opportunity (its bytes travel in `BriefModel::images`).
    Image {
        image_id: i64,
        caption: L,
    },
    PageBreak,
}

/// A composed brief, ready to render.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BriefModel {
    pub title: L,
    pub subtitle: L,
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
