//! The sector tags that records and briefs share. Tags stay plain strings in records (a user may
//! type others); these are the ones the app names and offers.

use super::Bilingual;

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
    let names: Vec<Bilingual> = tags.iter().map(|t| sector_label(t)).collect();
    let join = |pick: fn(&Bilingual) -> &str| names.iter().map(pick).collect::<Vec<_>>().join(", ");
    Bilingual::new(join(|n| &n.vi), join(|n| &n.en))
}
