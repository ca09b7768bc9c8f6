//! Opportunity picture commands.

use super::types::*;
use super::Session;
use crate::Result;

pub fn opportunity_images(s: &mut Session, opportunity_id: i64) -> Result<Vec<OpportunityImage>> {
    s.store.opportunity_images(opportunity_id)
}

/// A picture as a `data:` URL, which the CSP allows for images.
pub fn opportunity_image_data(s: &mut Session, image_id: i64) -> Result<String> {
    crate::images::data_url(&s.store, image_id)
}

/// Adds the picture at `path` (chosen in the open dialog); the core checks and resizes it.
pub fn add_opportunity_image(
    s: &mut Session,
    opportunity_id: i64,
    path: String,
    caption: Option<String>,
) -> Result<OpportunityImage> {
    crate::images::add_from_file(
        &mut s.store,
        opportunity_id,
        path.as_ref(),
        caption.as_deref(),
    )
}

pub fn remove_opportunity_image(s: &mut Session, image_id: i64) -> Result<()> {
    s.store.remove_opportunity_image(image_id)
}
