//! The sector tags that records and briefs share: the app's own (`SECTORS`) and those an
//! officer added in Settings (stored, read into a `SectorBook`). A record holds only tags of
//! the book; the store refuses others (`unknown_sector`).

use super::Bilingual;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Every known sector tag and its names, in the order pickers list them.
pub const SECTORS: &[(&str, Bilingual<&str>)] = &[
    (
        "semiconductors",
        Bilingual {
            vi: "Bán dẫn",
            en: "Semiconductors",
        },
    ),
    (
        "electronics",
        Bilingual {
            vi: "Điện tử",
            en: "Electronics",
        },
    ),
    (
        "software",
        Bilingual {
            vi: "Phần mềm",
            en: "Software",
        },
    ),
    (
        "automation",
        Bilingual {
            vi: "Tự động hoá",
            en: "Automation",
        },
    ),
    (
        "new_materials",
        Bilingual {
            vi: "Vật liệu mới",
            en: "New materials",
        },
    ),
    (
        "biotech",
        Bilingual {
            vi: "Công nghệ sinh học",
            en: "Biotechnology",
        },
    ),
    (
        "logistics",
        Bilingual {
            vi: "Logistics",
            en: "Logistics",
        },
    ),
    (
        "e_commerce",
        Bilingual {
            vi: "Thương mại điện tử",
            en: "E-commerce",
        },
    ),
    (
        "agrifood",
        Bilingual {
            vi: "Nông sản, thực phẩm",
            en: "Agri-food",
        },
    ),
    (
        "retail",
        Bilingual {
            vi: "Bán lẻ",
            en: "Retail",
        },
    ),
    (
        "education",
        Bilingual {
            vi: "Giáo dục",
            en: "Education",
        },
    ),
    (
        "rd",
        Bilingual {
            vi: "Nghiên cứu và phát triển",
            en: "Research and development",
        },
    ),
    (
        "renewable_energy",
        Bilingual {
            vi: "Năng lượng tái tạo",
            en: "Renewable energy",
        },
    ),
    (
        "automotive",
        Bilingual {
            vi: "Ô tô",
            en: "Automotive",
        },
    ),
    (
        "precision_mechanics",
        Bilingual {
            vi: "Cơ khí chính xác",
            en: "Precision mechanics",
        },
    ),
    (
        "textiles",
        Bilingual {
            vi: "Dệt may",
            en: "Textiles",
        },
    ),
    (
        "pharma",
        Bilingual {
            vi: "Dược phẩm",
            en: "Pharmaceuticals",
        },
    ),
    (
        "real_estate",
        Bilingual {
            vi: "Bất động sản",
            en: "Real estate",
        },
    ),
    (
        "data_centres",
        Bilingual {
            vi: "Trung tâm dữ liệu",
            en: "Data centres",
        },
    ),
];

/// Other spellings of known tags, named as the tag they stand for.
pub const SECTOR_ALIASES: &[(&str, &str)] = &[("data_centers", "data_centres")];

/// The names of a sector tag; a tag the app does not know is shown with spaces for underscores.
pub fn sector_label(tag: &str) -> Bilingual {
    let known = SECTOR_ALIASES
        .iter()
        .find(|(alias, _)| *alias == tag)
        .map_or(tag, |(_, canonical)| canonical);
    match SECTORS.iter().find(|(t, _)| *t == known) {
        Some((_, label)) => label.owned(),
        None => Bilingual::same(tag.replace('_', " ")),
    }
}

/// The names of several tags, joined with commas.
pub fn sector_list(tags: &[String]) -> Bilingual {
    SectorBook::default().list(tags)
}

/// The app's tag for a sector typed as free text: its tag, an alias, or its Vietnamese or
/// English name, accents, case and spaces ignored.
pub fn known_sector_of(text: &str) -> Option<&'static str> {
    let folded = fold_tag(text);
    if let Some((_, canonical)) = SECTOR_ALIASES.iter().find(|(a, _)| fold_tag(a) == folded) {
        return Some(canonical);
    }
    SECTORS
        .iter()
        .find(|(tag, name)| {
            fold_tag(tag) == folded || fold_tag(name.vi) == folded || fold_tag(name.en) == folded
        })
        .map(|(tag, _)| *tag)
}

/// A tag made from a name: folded, words joined by underscores (`Ô tô điện` → `o_to_dien`).
pub fn tag_of_name(name: &str) -> String {
    fold_tag(name)
}

fn fold_tag(text: &str) -> String {
    crate::text::fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}

/// A sector an officer can pick: its tag and names; `added` for one added in Settings (or kept
/// from a free-text value an older version stored, `from_free_text`, to review).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Sector {
    pub tag: String,
    pub name: Bilingual,
    pub added: bool,
    pub from_free_text: bool,
}

/// Every sector of a store: the app's own, then those added, with their names.
#[derive(Debug, Clone)]
pub struct SectorBook {
    pub sectors: Vec<Sector>,
}

impl Default for SectorBook {
    /// The app's own sectors only.
    fn default() -> Self {
        SectorBook::with_added(Vec::new())
    }
}

impl SectorBook {
    /// The app's sectors followed by `added`.
    pub fn with_added(added: Vec<Sector>) -> Self {
        let mut sectors: Vec<Sector> = SECTORS
            .iter()
            .map(|(tag, name)| Sector {
                tag: (*tag).to_owned(),
                name: name.owned(),
                added: false,
                from_free_text: false,
            })
            .collect();
        sectors.extend(added);
        SectorBook { sectors }
    }

    /// Whether records may hold `tag` (an alias counts).
    pub fn knows(&self, tag: &str) -> bool {
        SECTOR_ALIASES.iter().any(|(a, _)| *a == tag) || self.sectors.iter().any(|s| s.tag == tag)
    }

    /// The names of `tag`; one the book does not know is shown with spaces for underscores.
    pub fn label(&self, tag: &str) -> Bilingual {
        match self.sectors.iter().find(|s| s.tag == tag) {
            Some(s) => s.name.clone(),
            None => sector_label(tag),
        }
    }

    /// The names of several tags, joined with commas.
    pub fn list(&self, tags: &[String]) -> Bilingual {
        let names: Vec<Bilingual> = tags.iter().map(|t| self.label(t)).collect();
        let join =
            |pick: fn(&Bilingual) -> &str| names.iter().map(pick).collect::<Vec<_>>().join(", ");
        Bilingual::new(join(|n| &n.vi), join(|n| &n.en))
    }
}
