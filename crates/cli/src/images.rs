//! `planner image add|list|remove`: pictures of opportunities.

use anyhow::Result;
use clap::Subcommand;
use planner_core::Store;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum ImageAction {
    /// Adds a picture to an opportunity.
    Add {
        opportunity_id: i64,
        file: PathBuf,
        #[arg(long)]
        caption: Option<String>,
    },
    /// Lists an opportunity's pictures.
    List {
        opportunity_id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Removes a picture.
    Remove { image_id: i64 },
}

pub fn image(store: &mut Store, action: ImageAction) -> Result<()> {
    match action {
        ImageAction::Add {
            opportunity_id,
            file,
            caption,
        } => {
            let img = planner_core::images::add_from_file(
                store,
                opportunity_id,
                &file,
                caption.as_deref(),
            )?;
            println!(
                "added picture {} ({}x{} {}) to opportunity {opportunity_id}",
                img.id, img.width, img.height, img.mime
            );
        }
        ImageAction::List {
            opportunity_id,
            json,
        } => list(store, opportunity_id, json)?,
        ImageAction::Remove { image_id } => {
            store.remove_opportunity_image(image_id)?;
            println!("removed picture {image_id}");
        }
    }
    Ok(())
}

fn list(store: &Store, opportunity_id: i64, json: bool) -> Result<()> {
    let images = store.opportunity_images(opportunity_id)?;
    if json {
        return crate::print_json(&images);
    }
    for i in images {
        println!(
            "{:>6}  {}x{} {}  {}",
            i.id,
            i.width,
            i.height,
            i.mime,
            i.caption.unwrap_or_default()
        );
    }
    Ok(())
}
