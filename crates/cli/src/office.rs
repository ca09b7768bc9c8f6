//! `planner office show | set | card`: this office's profile, its key's fingerprint (to read
//! to another office) and its card (profile and public key, self-signed) for other offices.

use anyhow::Result;
use clap::Subcommand;
use planner_core::exchange::office;
use planner_core::exchange::views::{OfficeKeyPlace, OfficeProfile};
use planner_core::Store;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum OfficeAction {
    /// The profile, the key's fingerprint and where the private key is (made on first use).
    Show {
        #[arg(long)]
        json: bool,
    },
    /// Sets the profile (no personal data: the office's own names and mailbox).
    Set {
        #[arg(long, value_name = "TEXT")]
        name_vi: String,
        #[arg(long, value_name = "TEXT")]
        name_en: String,
        /// A short code: capitals A–Z, digits and dashes (e.g. ITPC-HN).
        #[arg(long)]
        code: String,
        #[arg(long)]
        city: Option<String>,
        /// ISO 3166-1 alpha-2.
        #[arg(long, value_name = "CC")]
        country: Option<String>,
        #[arg(long)]
        email: Option<String>,
    },
    /// Writes this office's card (a .dpoffice file) for other offices to trust.
    Card {
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
    },
}

pub fn office(store: &mut Store, action: OfficeAction) -> Result<()> {
    match action {
        OfficeAction::Show { json } => {
            let view = office::view(store)?;
            if json {
                // `key_path` as before `key_place` said which place (scripts read it): the key
                // file's path, or null where there is no file.
                let mut json = serde_json::to_value(&view)?;
                json["key_path"] = match &view.key_place {
                    Some(OfficeKeyPlace::File { path }) => path.clone().into(),
                    _ => serde_json::Value::Null,
                };
                return crate::print_json(&json);
            }
            match &view.profile {
                None => eprintln!("no office profile yet: set one with `planner office set`"),
                Some(p) => println!("{} / {} ({})", p.name_vi, p.name_en, p.code),
            }
            if let Some(f) = &view.fingerprint {
                println!("fingerprint: {f}");
                match &view.key_place {
                    Some(OfficeKeyPlace::File { path }) => println!("private key: {path}"),
                    Some(OfficeKeyPlace::TeamDatabase) => {
                        println!("private key: in the team database (managers only)")
                    }
                    None => {}
                }
            }
        }
        OfficeAction::Set {
            name_vi,
            name_en,
            code,
            city,
            country,
            email,
        } => {
            let view = office::save(
                store,
                OfficeProfile {
                    name_vi,
                    name_en,
                    code,
                    city,
                    country,
                    email,
                },
            )?;
            eprintln!("office profile saved");
            if let Some(f) = view.fingerprint {
                println!("fingerprint: {f}");
            }
        }
        OfficeAction::Card { output } => {
            let done = office::export_card(store, Some(crate::chosen(output)?))?;
            println!("{} ({} bytes)", done.path, done.bytes);
        }
    }
    Ok(())
}
