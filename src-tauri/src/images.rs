//! Opportunity picture commands.

use crate::commands::{with_store, Reply};
use crate::AppState;
use planner_core::store::OpportunityImage;
use std::io::Read;
use tauri::State;

#[tauri::command(async)]
pub fn opportunity_images(
    state: State<'_, AppState>,
    opportunity_id: i64,
) -> Reply<Vec<OpportunityImage>> {
    with_store(&state, |s| s.opportunity_images(opportunity_id))
}

/// A picture as a `data:` URL, which the CSP allows for images.
#[tauri::command(async)]
pub fn opportunity_image_data(state: State<'_, AppState>, image_id: i64) -> Reply<String> {
    use base64::Engine;
    with_store(&state, |s| {
        let (mime, bytes) = s.opportunity_image_bytes(image_id)?;
        Ok(format!(
            "data:{mime};base64,{}",
            base64::engine::general_purpose::STANDARD.encode(bytes)
        ))
    })
}

/// Adds the picture at `path` (chosen in the open dialog); the core checks and resizes it.
#[tauri::command(async)]
pub fn add_opportunity_image(
    state: State<'_, AppState>,
    opportunity_id: i64,
    path: String,
    caption: Option<String>,
) -> Reply<OpportunityImage> {
    with_store(&state, |s| {
        let limit = planner_core::images::MAX_INPUT_BYTES as u64;
        let mut bytes = Vec::new();
        std::fs::File::open(&path)?
            .take(limit + 1)
            .read_to_end(&mut bytes)?;
        s.add_opportunity_image(opportunity_id, &bytes, caption.as_deref())
    })
}

#[tauri::command(async)]
pub fn remove_opportunity_image(state: State<'_, AppState>, image_id: i64) -> Reply<()> {
    with_store(&state, |s| s.remove_opportunity_image(image_id))
}
