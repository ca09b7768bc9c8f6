//! A `BriefModel` as a standalone HTML file (the CLI's `--format html`, and the peer baseline of
//! the PDF benchmark). Every text is escaped; the file has no script.

use super::model::{BriefBlock, BriefModel};
use crate::domain::{BilingualLayout, BriefLanguage};
use crate::labels::Bilingual;
use std::fmt::Write;

/// Escapes text for HTML content and attributes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:'Noto Sans',sans-serif;font-size:10.5pt;color:#1f2933;margin:0}\
main{max-width:180mm;margin:auto}h1{font-size:22pt;color:#0b5394}h2{font-size:15pt;color:#0b5394;\
border-bottom:1px solid #c9d6e3}h3{font-size:12pt}table{border-collapse:collapse;width:100%;margin:8pt 0}\
th{background:#e8eef5;text-align:left}td,th{padding:3pt 5pt;vertical-align:top}tr:nth-child(even) td{background:#f6f8fa}\
.note{background:#fff8e1;border-left:3pt solid #f1c232;padding:6pt}.source{font-style:italic;color:#52606d}\
.bar{background:#0b5394;height:9pt;display:inline-block}.page{break-before:page}.two td{width:50%}\
@page{size:A4;margin:20mm}";

fn t(l: &Bilingual, lang: BriefLanguage) -> String {
    escape(&l.get(lang))
}

fn blocks(brief: &BriefModel, lang: BriefLanguage, side: bool, out: &mut String) {
    use base64::Engine;
    let model = &brief.blocks;
    let two = |out: &mut String, l: &Bilingual| {
        let _ = write!(
            out,
            "<table class=\"two\"><tr><td>{}</td><td>{}</td></tr></table>",
            escape(&l.vi),
            escape(&l.en)
        );
    };
    for b in model {
        match b {
            BriefBlock::Heading { level, text } => {
                let _ = write!(out, "<h{level}>{}</h{level}>", t(text, lang));
            }
            BriefBlock::Paragraph { text } if side && text.vi != text.en => two(out, text),
            BriefBlock::Paragraph { text } => {
                let _ = write!(out, "<p>{}</p>", t(text, lang));
            }
            BriefBlock::Facts { rows } => {
                out.push_str("<table>");
                for (k, v) in rows {
                    let _ = write!(
                        out,
                        "<tr><th>{}</th><td>{}</td></tr>",
                        t(k, lang),
                        t(v, lang)
                    );
                }
                out.push_str("</table>");
            }
            BriefBlock::Table { columns, rows, .. } => {
                out.push_str("<table><thead><tr>");
                for c in columns {
                    let _ = write!(out, "<th>{}</th>", t(c, lang));
                }
                out.push_str("</tr></thead><tbody>");
                for r in rows {
                    out.push_str("<tr>");
                    for c in r {
                        let _ = write!(out, "<td>{}</td>", t(c, lang));
                    }
                    out.push_str("</tr>");
                }
                out.push_str("</tbody></table>");
            }
            BriefBlock::BarChart { title, points, .. } | BriefBlock::PieChart { title, points } => {
                let max = points.iter().map(|p| p.1).fold(0.0_f64, f64::max).max(1.0);
                let _ = write!(out, "<h3>{}</h3><table>", t(title, lang));
                for (label, v) in points {
                    let width = (v / max * 100.0).round();
                    let _ = write!(out, "<tr><td>{}</td><td><span class=\"bar\" style=\"width:{width}%\"></span> {v}</td></tr>", t(label, lang));
                }
                out.push_str("</table>");
            }
            BriefBlock::Bullets { items } if side => items.iter().for_each(|i| two(out, i)),
            BriefBlock::Bullets { items } => {
                out.push_str("<ul>");
                for i in items {
                    let _ = write!(out, "<li>{}</li>", t(i, lang));
                }
                out.push_str("</ul>");
            }
            BriefBlock::Note { text } => {
                let _ = write!(out, "<div class=\"note\">{}</div>", t(text, lang));
            }
            BriefBlock::Source { text } => {
                let _ = write!(out, "<p class=\"source\">{}</p>", t(text, lang));
            }
            BriefBlock::Image { image_id, caption } => {
                if let Some(bytes) = brief.images.get(image_id) {
                    let mime = if bytes.starts_with(b"\x89PNG") {
                        "image/png"
                    } else {
                        "image/jpeg"
                    };
                    let data = base64::engine::general_purpose::STANDARD.encode(bytes);
                    let _ = write!(out, "<figure><img src=\"data:{mime};base64,{data}\" alt=\"{0}\" width=\"480\"><figcaption>{0}</figcaption></figure>", t(caption, lang));
                }
            }
            BriefBlock::PageBreak => out.push_str("<div class=\"page\"></div>"),
        }
    }
}

/// Renders the brief as one self-contained HTML document.
pub fn render_html(model: &BriefModel) -> String {
    let lang = model.language;
    let mut body = String::new();
    match (lang, model.layout) {
        (BriefLanguage::Bi, BilingualLayout::Sequential) => {
            blocks(model, BriefLanguage::Vi, false, &mut body);
            body.push_str("<div class=\"page\"></div>");
            blocks(model, BriefLanguage::En, false, &mut body);
        }
        (BriefLanguage::Bi, BilingualLayout::SideBySide) => blocks(model, lang, true, &mut body),
        _ => blocks(model, lang, false, &mut body),
    }
    format!(
        "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title><style>{STYLE}</style></head><body><main>{body}</main></body></html>\n",
        if lang == BriefLanguage::En { "en" } else { "vi" },
        t(&model.title, lang)
    )
}
