//! Writes a [`Layout`] as PDF bytes through printpdf, then finishes the file
//! with lopdf: metadata, language, nested outline and a content-derived ID.
//!
//! Determinism: printpdf names fonts, images and the trailer `/ID` with a
//! process-global pseudo-random counter, so two renders in one process would
//! differ. Here every resource gets a name derived from its content or order,
//! and the `/ID` is a hash of the finished file, so the same input always gives
//! the same bytes.

use std::collections::{BTreeMap, BTreeSet};

use lopdf::{Dictionary, Object, StringFormat};
use printpdf::{
    Color as PdfColor, CurTransMat, DictItem, FontId, Line as PdfLine, LinePoint, Op, PaintMode,
    PdfDocument, PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Polygon, PolygonRing, Pt,
    Rect, Rgb, TextItem, WindingOrder, XObject, XObjectId, XObjectTransform,
};
use unicode_normalization::char::is_combining_mark;

use crate::error::PdfError;
use crate::fingerprint::fingerprint;
use crate::fonts::Fonts;
use crate::jpeg;
use crate::layout::items::{Item, PathPoint};
use crate::layout::{Layout, Picture};
use crate::model::{Color, FontStyle, Metadata};
use crate::outline::{add_outline, text_string, utf16_text};

/// Stands in for the trailer `/ID` until the file's hash is known; same length
/// as the final value so patching it moves no byte offsets.
const ID_PLACEHOLDER: [u8; 16] = [0; 16];

/// Serialises a laid-out document.
pub(crate) fn write(layout: &Layout, meta: &Metadata, fonts: &Fonts) -> Result<Vec<u8>, PdfError> {
    let font_ids = font_ids(layout);
    let mut pdf = PdfDocument::new(&meta.title);
    for (style, id) in &font_ids {
        pdf.resources
            .fonts
            .map
            .insert(id.clone(), PdfFont::new(fonts.face(*style).parsed.clone()));
    }
    for (i, picture) in layout.images.iter().enumerate() {
        let xobject = match picture {
            Picture::Pixels(raw) => XObject::Image(raw.clone()),
            Picture::Jpeg(jpeg) => jpeg::xobject(jpeg),
        };
        pdf.resources.xobjects.map.insert(image_id(i), xobject);
    }
    pdf.pages = layout
        .pages
        .iter()
        .map(|items| PdfPage {
            media_box: Rect::from_wh(Pt(layout.page_width), Pt(layout.page_height)),
            trim_box: Rect::from_wh(Pt(layout.page_width), Pt(layout.page_height)),
            crop_box: Rect::from_wh(Pt(layout.page_width), Pt(layout.page_height)),
            ops: page_ops(items, layout.page_height, &font_ids),
        })
        .collect();

    let options = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        // For the pictures decoded to pixels (PNGs, unusual JPEGs): lossless
        // and deterministic, no JPEG re-encoding, no auto-greyscale. Plain
        // JPEGs bypass this as DCTDecode streams of their own bytes.
        image_optimization: Some(printpdf::ImageOptimizationOptions {
            quality: None,
            max_image_size: None,
            dither_greyscale: None,
            convert_to_greyscale: Some(false),
            auto_optimize: Some(false),
            format: Some(printpdf::ImageCompression::Flate),
        }),
    };
    let mut warnings = Vec::new();
    let mut doc = pdf.to_lopdf_document(&options, &mut warnings);
    finish(&mut doc, layout, meta)?;
    doc.compress();
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes)
        .map_err(|e| PdfError::Serialize(e.to_string()))?;
    patch_id(&mut bytes)?;
    Ok(bytes)
}

/// Font resource names per used style. The first six letters double as the
/// subset tag (`ABCDEF+NotoSans-Bold`), so they are derived from the glyph set:
/// equal subsets share a tag, different ones (almost surely) do not.
fn font_ids(layout: &Layout) -> BTreeMap<FontStyle, FontId> {
    let mut used: BTreeMap<FontStyle, BTreeSet<char>> = BTreeMap::new();
    for item in layout.pages.iter().flatten() {
        if let Item::Text(line) = item {
            for run in &line.runs {
                used.entry(run.style).or_default().extend(run.text.chars());
            }
        }
    }
    used.into_iter()
        .map(|(style, chars)| {
            let mut key = format!("{style:?}:").into_bytes();
            key.extend(chars.iter().collect::<String>().bytes());
            let hash = fingerprint(&key);
            let tag: String = hash[..6]
                .iter()
                .map(|b| char::from(b'A' + b % 26))
                .collect();
            (style, FontId(format!("{tag}{style:?}")))
        })
        .collect()
}

fn image_id(index: usize) -> XObjectId {
    XObjectId(format!("Im{}", index + 1))
}

fn rgb(color: Color) -> PdfColor {
    PdfColor::Rgb(Rgb {
        r: f32::from(color.r) / 255.0,
        g: f32::from(color.g) / 255.0,
        b: f32::from(color.b) / 255.0,
        icc_profile: None,
    })
}

/// Converts one page's items to printpdf operations, flipping y to PDF space.
fn page_ops(items: &[Item], page_height: f32, font_ids: &BTreeMap<FontStyle, FontId>) -> Vec<Op> {
    let point = |x: f32, y: f32| Point {
        x: Pt(x),
        y: Pt(page_height - y),
    };
    let mut ops = Vec::new();
    for item in items {
        match item {
            Item::Text(line) => {
                let text: String = line.runs.iter().map(|r| r.text.as_str()).collect();
                let actual_text = is_spaced_letters(&text);
                if actual_text {
                    ops.push(Op::BeginMarkedContentWithProperties {
                        tag: "Span".to_string(),
                        properties: DictItem::Dict {
                            map: BTreeMap::from([(
                                "ActualText".to_string(),
                                DictItem::String {
                                    data: utf16_text(&text),
                                    literal: false,
                                },
                            )]),
                        },
                    });
                }
                ops.push(Op::SetFillColor {
                    col: rgb(line.color),
                });
                ops.push(Op::StartTextSection);
                ops.push(Op::SetTextCursor {
                    pos: point(line.x, line.baseline),
                });
                for run in &line.runs {
                    let Some(id) = font_ids.get(&run.style) else {
                        continue;
                    };
                    ops.push(Op::SetFont {
                        font: PdfFontHandle::External(id.clone()),
                        size: Pt(line.size),
                    });
                    ops.push(Op::ShowText {
                        items: vec![TextItem::Text(run.text.clone())],
                    });
                }
                ops.push(Op::EndTextSection);
                if actual_text {
                    ops.push(Op::EndMarkedContent);
                }
            }
            Item::Rect { x, y, w, h, fill } => {
                if *w <= 0.0 || *h <= 0.0 {
                    continue;
                }
                ops.push(Op::SetFillColor { col: rgb(*fill) });
                ops.push(Op::DrawRectangle {
                    rectangle: Rect {
                        x: Pt(*x),
                        y: Pt(page_height - y - h),
                        width: Pt(*w),
                        height: Pt(*h),
                        mode: Some(PaintMode::Fill),
                        winding_order: None,
                    },
                });
            }
            Item::Line {
                from,
                to,
                color,
                width,
            } => {
                ops.push(Op::SetOutlineColor { col: rgb(*color) });
                ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                ops.push(Op::DrawLine {
                    line: PdfLine {
                        points: vec![
                            LinePoint {
                                p: point(from.0, from.1),
                                bezier: false,
                            },
                            LinePoint {
                                p: point(to.0, to.1),
                                bezier: false,
                            },
                        ],
                        is_closed: false,
                    },
                });
            }
            Item::Shape { points, fill } => {
                ops.push(Op::SetFillColor { col: rgb(*fill) });
                ops.push(Op::DrawPolygon {
                    polygon: Polygon {
                        rings: vec![PolygonRing {
                            points: points
                                .iter()
                                .map(|p: &PathPoint| LinePoint {
                                    p: point(p.x, p.y),
                                    bezier: p.bezier,
                                })
                                .collect(),
                        }],
                        mode: PaintMode::Fill,
                        winding_order: WindingOrder::NonZero,
                    },
                });
            }
            Item::Image { image, x, y, w, h } => {
                // An image XObject fills the unit square; the matrix scales
                // and places it, so no DPI arithmetic is involved.
                ops.push(Op::SaveGraphicsState);
                ops.push(Op::SetTransformationMatrix {
                    matrix: CurTransMat::Raw([*w, 0.0, 0.0, *h, *x, page_height - y - h]),
                });
                ops.push(Op::UseXobject {
                    id: image_id(*image),
                    transform: XObjectTransform {
                        no_auto_scale: true,
                        ..Default::default()
                    },
                });
                ops.push(Op::RestoreGraphicsState);
            }
        }
    }
    ops
}

/// Whether a line consists only of single letters separated by spaces
/// ("ờ ạ ư ỷ đ Đ ợ"). Text extractors such as poppler take such lines for
/// letter-spaced words and drop the spaces; an `/ActualText` span states
/// the real text so copy-paste keeps them.
fn is_spaced_letters(text: &str) -> bool {
    let mut words = 0;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        if word.chars().filter(|c| !is_combining_mark(*c)).count() != 1 {
            return false;
        }
        words += 1;
    }
    words > 1
}

/// Catalog and trailer entries printpdf does not write (or writes randomly).
fn finish(doc: &mut lopdf::Document, layout: &Layout, meta: &Metadata) -> Result<(), PdfError> {
    // /Lang and a nested outline need PDF 1.4+; printpdf declares 1.3.
    doc.version = "1.7".to_string();
    let catalog_id = doc
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(|e| PdfError::Serialize(format!("no catalog: {e}")))?;
    // Read before the catalog is taken out: page lookup walks from it.
    let page_ids: Vec<_> = doc.get_pages().into_values().collect();
    let mut catalog = match doc.objects.remove(&catalog_id) {
        Some(Object::Dictionary(d)) => d,
        _ => return Err(PdfError::Serialize("catalog is not a dictionary".into())),
    };
    catalog.set(
        "Lang",
        Object::String(meta.language.clone().into_bytes(), StringFormat::Literal),
    );
    let mut prefs = Dictionary::new();
    prefs.set("DisplayDocTitle", Object::Boolean(true));
    catalog.set("ViewerPreferences", Object::Dictionary(prefs));
    add_outline(
        doc,
        &mut catalog,
        &layout.outline,
        &page_ids,
        layout.page_height,
    );
    doc.objects.insert(catalog_id, Object::Dictionary(catalog));

    let info_id = doc
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .map_err(|e| PdfError::Serialize(format!("no info dictionary: {e}")))?;
    doc.objects.insert(info_id, Object::Dictionary(info(meta)));
    let placeholder = Object::String(ID_PLACEHOLDER.to_vec(), StringFormat::Hexadecimal);
    doc.trailer
        .set("ID", Object::Array(vec![placeholder.clone(), placeholder]));
    Ok(())
}

/// The `/Info` dictionary, replacing printpdf's (which carries empty PDF/X fields).
fn info(meta: &Metadata) -> Dictionary {
    let date = meta.created.format("D:%Y%m%d%H%M%S%:z").to_string();
    // PDF dates write the offset as +07'00'.
    let date = match date.rsplit_once(':') {
        Some((head, minutes)) => format!("{head}'{minutes}'"),
        None => date,
    };
    let mut info = Dictionary::new();
    info.set("Title", text_string(&meta.title));
    info.set("Author", text_string(&meta.author));
    info.set("Subject", text_string(&meta.subject));
    info.set("Creator", text_string("Delegation Planner"));
    info.set("Producer", text_string("planner-pdf (printpdf 0.12)"));
    info.set(
        "CreationDate",
        Object::String(date.clone().into_bytes(), StringFormat::Literal),
    );
    info.set(
        "ModDate",
        Object::String(date.into_bytes(), StringFormat::Literal),
    );
    info
}

/// Replaces the placeholder `/ID` pair with a hash of the whole file.
fn patch_id(bytes: &mut [u8]) -> Result<(), PdfError> {
    let hex = |id: &[u8]| -> Vec<u8> {
        let mut out = b"<".to_vec();
        out.extend(id.iter().flat_map(|b| format!("{b:02X}").into_bytes()));
        out.push(b'>');
        out
    };
    let placeholder = hex(&ID_PLACEHOLDER);
    let id = hex(&fingerprint(bytes));
    let trailer =
        find_last(bytes, b"trailer").ok_or_else(|| PdfError::Serialize("no trailer".into()))?;
    for _ in 0..2 {
        let at = find_last(&bytes[trailer..], &placeholder)
            .map(|i| i + trailer)
            .ok_or_else(|| PdfError::Serialize("trailer /ID placeholder not found".into()))?;
        bytes[at..at + id.len()].copy_from_slice(&id);
    }
    Ok(())
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::is_spaced_letters;

    #[test]
    fn spaced_letters_are_detected() {
        assert!(is_spaced_letters("ờ ạ ư ỷ đ Đ ợ"));
        assert!(is_spaced_letters("e\u{302} a"));
        assert!(!is_spaced_letters("ờ ạx"));
        assert!(!is_spaced_letters("ờ"));
        assert!(!is_spaced_letters("Nguyễn Thị Thủy"));
    }
}
