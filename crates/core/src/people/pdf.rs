//! "Everything about this person" as a bilingual PDF, from the same JSON as the export.

use crate::domain::{BriefLanguage, ConsentBasis, InteractionKind, MemberRole};
use crate::error::{CoreError, Result};
use crate::labels::Labelled;
use crate::time::HANOI;
use chrono::{DateTime, Utc};
use planner_pdf::{Block, Column, Document, Footer, Metadata, PageSetup, Table, TableStyle};
use serde::de::DeserializeOwned;
use serde_json::Value;

fn text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items
            .iter()
            .map(|i| match i {
                Value::Object(o) => match (o.get("label"), o.get("value")) {
                    (Some(l), Some(v)) => format!("{}: {}", text(l), text(v)),
                    _ => i.to_string(),
                },
                other => text(other),
            })
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}

/// An enum value of the export by its labels ("vi / en"), so no stored key reaches the page; a
/// value this version does not know is printed as it is.
fn labelled<E: Labelled + DeserializeOwned>(v: &Value) -> String {
    serde_json::from_value::<E>(v.clone())
        .map_or_else(|_| text(v), |e| e.label().get(BriefLanguage::Bi))
}

fn table(columns: &[(&str, f32)], rows: Vec<Vec<String>>) -> Block {
    Block::Table(Table {
        columns: columns
            .iter()
            .map(|(t, w)| Column::weighted(*t, *w))
            .collect(),
        rows,
        header: true,
        style: TableStyle::Zebra,
    })
}

/// The PDF of `export` (as made by `export_person`), dated `at`.
pub fn person_pdf(export: &Value, at: DateTime<Utc>) -> Result<Vec<u8>> {
    let c = &export["contact"];
    let name = text(&c["full_name"]);
    let mut blocks = vec![
        Block::Heading {
            level: 1,
            text: format!("Dữ liệu cá nhân / Personal data — {name}"),
        },
        Block::Note(format!(
            "Toàn bộ dữ liệu Delegation Planner lưu về người này, trích xuất lúc {} (giờ Hà Nội). / Everything Delegation Planner holds about this person, exported at {} (Hanoi time).",
            at.with_timezone(&HANOI).format("%d/%m/%Y %H:%M"),
            at.with_timezone(&HANOI).format("%d/%m/%Y %H:%M"),
        )),
        Block::Heading {
            level: 2,
            text: "Hồ sơ / Record".into(),
        },
    ];
    let fields = [
        ("Họ và tên / Full name", "full_name"),
        ("Chức vụ / Title", "title"),
        ("Email", "emails"),
        ("Điện thoại / Phone", "phones"),
        ("Ngôn ngữ / Languages", "languages"),
        ("Quốc tịch / Nationality", "nationality"),
        ("Ghi chú / Notes", "notes"),
        ("Cơ sở xử lý / Legal basis", "consent_basis"),
        ("Ngày đồng ý / Consent date", "consent_date"),
        ("Nguồn / Source", "consent_source"),
        ("UUID", "uuid"),
        ("Tạo lúc / Created", "created_at"),
        ("Cập nhật / Updated", "updated_at"),
    ];
    let mut kv: Vec<(String, String)> = fields
        .iter()
        .map(|(label, f)| {
            let value = match *f {
                "consent_basis" => labelled::<ConsentBasis>(&c[*f]),
                _ => text(&c[*f]),
            };
            ((*label).to_owned(), value)
        })
        .filter(|(_, v)| !v.is_empty())
        .collect();
    if let Some(o) = export["organization"].as_object() {
        kv.insert(
            2,
            (
                "Tổ chức / Organisation".into(),
                text(o.get("name_vi").unwrap_or(&Value::Null)),
            ),
        );
    }
    blocks.push(Block::KeyValues(kv));
    let list = |v: &Value| v.as_array().cloned().unwrap_or_default();
    blocks.push(Block::Heading {
        level: 2,
        text: "Tương tác / Interactions".into(),
    });
    let rows: Vec<Vec<String>> = list(&export["interactions"])
        .iter()
        .map(|i| {
            vec![
                text(&i["occurred_at"])
                    .chars()
                    .take(16)
                    .collect::<String>()
                    .replace('T', " "),
                labelled::<InteractionKind>(&i["kind"]),
                text(&i["summary"]),
            ]
        })
        .collect();
    if rows.is_empty() {
        blocks.push(Block::Note("Không có / None".into()));
    } else {
        blocks.push(table(
            &[
                ("Thời điểm (UTC) / When (UTC)", 1.2),
                ("Loại / Kind", 0.8),
                ("Nội dung / Summary", 3.0),
            ],
            rows,
        ));
    }
    blocks.push(Block::Heading {
        level: 2,
        text: "Đoàn công tác / Delegations".into(),
    });
    let rows: Vec<Vec<String>> = list(&export["memberships"])
        .iter()
        .map(|m| {
            vec![
                text(&m["delegation"]["title"]),
                labelled::<MemberRole>(&m["member"]["role"]),
                text(&m["member"]["passport_number"]),
                text(&m["member"]["passport_expiry"]),
                list(&m["itinerary_items"]).len().to_string(),
            ]
        })
        .collect();
    if rows.is_empty() {
        blocks.push(Block::Note("Không có / None".into()));
    } else {
        blocks.push(table(
            &[
                ("Đoàn / Delegation", 3.0),
                ("Vai trò / Role", 1.0),
                ("Hộ chiếu / Passport", 1.2),
                ("Hết hạn / Expiry", 1.0),
                ("Số mục / Items", 0.7),
            ],
            rows,
        ));
    }
    blocks.push(Block::Heading {
        level: 2,
        text: "Lịch sử thay đổi / Change history".into(),
    });
    let rows: Vec<Vec<String>> = list(&export["audit"])
        .iter()
        .map(|a| {
            let fields: Vec<String> = a["changes"]
                .as_object()
                .map(|o| o.keys().cloned().collect())
                .unwrap_or_default();
            vec![
                text(&a["at"])
                    .chars()
                    .take(19)
                    .collect::<String>()
                    .replace('T', " "),
                text(&a["action"]),
                fields.join(", "),
            ]
        })
        .collect();
    blocks.push(table(
        &[
            ("Thời điểm (UTC) / When (UTC)", 1.2),
            ("Thao tác / Action", 0.8),
            ("Trường / Fields", 3.0),
        ],
        rows,
    ));
    let doc = Document {
        meta: Metadata {
            title: format!("Dữ liệu cá nhân — {name}"),
            author: "Delegation Planner".into(),
            subject: "Personal data export".into(),
            language: "vi-VN".into(),
            created: at.with_timezone(&HANOI).fixed_offset(),
        },
        page: PageSetup::default(),
        header: Some(format!("Dữ liệu cá nhân / Personal data — {name}")),
        footer: Footer::Bilingual,
        blocks,
    };
    planner_pdf::render(&doc).map_err(|e| CoreError::Render(e.to_string()))
}
