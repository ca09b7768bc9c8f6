//! Brief commands: suggestions, preview, generation to a file, and opening a generated file.

use crate::commands::{with_store, Reply};
use crate::AppState;
use planner_core::briefs::{
    self, Audience, BriefFormat, BriefModel, BriefRequest, GeneratedBrief, OpportunitySuggestion,
};
use planner_core::domain::Brief;
use planner_core::error::invalid;
use std::path::PathBuf;
use tauri::State;

#[tauri::command(async)]
pub fn brief_suggestions(
    state: State<'_, AppState>,
    audience: Audience,
) -> Reply<Vec<OpportunitySuggestion>> {
    with_store(&state, |s| briefs::suggest(s, &audience))
}

#[tauri::command(async)]
pub fn brief_preview(state: State<'_, AppState>, request: BriefRequest) -> Reply<BriefModel> {
    with_store(&state, |s| briefs::preview(s, &request))
}

/// Generates the brief as a PDF at `path` (chosen in the save dialog), or in the store's
/// `briefs/` folder when no path is given.
#[tauri::command(async)]
pub fn brief_generate(
    state: State<'_, AppState>,
    request: BriefRequest,
    path: Option<String>,
) -> Reply<GeneratedBrief> {
    with_store(&state, |s| {
        let path = match path {
            Some(p) => {
                let p = PathBuf::from(p);
                if p.extension()
                    .and_then(|e| e.to_str())
                    .map(str::to_ascii_lowercase)
                    .as_deref()
                    != Some("pdf")
                {
                    return Err(invalid(
                        "path",
                        "not_pdf",
                        "Tên tệp phải kết thúc bằng .pdf",
                        "The file name must end in .pdf",
                    ));
                }
                p
            }
            None => {
                let dir = s
                    .path()
                    .and_then(|p| p.parent())
                    .map(|d| d.join("briefs"))
                    .unwrap_or_else(|| PathBuf::from("briefs"));
                std::fs::create_dir_all(&dir)?;
                let version = briefs::upcoming_version(s, &request)?;
                dir.join(briefs::default_file_name(
                    &request,
                    version,
                    BriefFormat::Pdf,
                ))
            }
        };
        briefs::generate(s, &request, BriefFormat::Pdf, &path)
    })
}

/// Opens a generated brief's file in the system's PDF viewer. Only files the app recorded can be
/// opened this way.
#[tauri::command(async)]
pub fn brief_open(state: State<'_, AppState>, brief_id: i64) -> Reply<()> {
    with_store(&state, |s| {
        let brief = s.get::<Brief>(brief_id)?;
        let file = brief.data.file_name.ok_or_else(|| {
            invalid(
                "file_name",
                "missing",
                "Bản tin chưa có tệp",
                "The brief has no file",
            )
        })?;
        open::that_detached(&file).map_err(|e| {
            invalid(
                "file_name",
                "cannot_open",
                format!("Không mở được {file}: {e}"),
                format!("Cannot open {file}: {e}"),
            )
        })
    })
}
