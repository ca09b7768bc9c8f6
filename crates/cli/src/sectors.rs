//! `planner sectors`: the sectors records may hold, and adding one (as Settings does).

use anyhow::Result;
use clap::Subcommand;
use planner_core::Store;

#[derive(Subcommand)]
pub enum SectorAction {
    /// Lists every sector: its tag and names; added ones are marked.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Adds a sector with its Vietnamese and English names; prints its tag.
    Add {
        #[arg(long = "vi", value_name = "NAME")]
        name_vi: String,
        #[arg(long = "en", value_name = "NAME")]
        name_en: String,
    },
}

pub fn sectors(store: &mut Store, action: Option<SectorAction>) -> Result<()> {
    match action.unwrap_or(SectorAction::List { json: false }) {
        SectorAction::List { json } => {
            let book = store.sectors()?;
            if json {
                return crate::print_json(&book.sectors);
            }
            for s in &book.sectors {
                let mark = match (s.added, s.from_free_text) {
                    (_, true) => "  (from free text: review)",
                    (true, false) => "  (added)",
                    _ => "",
                };
                println!("{:<20} {} / {}{mark}", s.tag, s.name.vi, s.name.en);
            }
        }
        SectorAction::Add { name_vi, name_en } => {
            let s = store.add_sector(&name_vi, &name_en)?;
            println!("added sector {}: {} / {}", s.tag, s.name.vi, s.name.en);
        }
    }
    Ok(())
}
