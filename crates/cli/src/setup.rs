//! `planner init` and `planner demo`: creating the store, making the first-run choices the
//! app's first-run screen makes, and seeding.

use anyhow::{bail, Result};
use clap::Args;
use planner_core::exchange::views::OfficeProfile;
use planner_core::first_run::{self, FirstRunChoices, StartWith};
use planner_core::settings::{parse_ui_language, UiLanguage};
use planner_core::{CoreError, Store};
use std::path::{Path, PathBuf};

/// The first-run choices as flags. Without any, `init` only creates (or migrates) the store,
/// and the app's first-run screen still asks.
#[derive(Args, Default)]
pub struct InitArgs {
    /// The interface language: vi or en.
    #[arg(long, value_name = "vi|en")]
    language: Option<String>,
    /// Start with the demo data.
    #[arg(long, conflicts_with = "empty")]
    demo: bool,
    /// Start empty.
    #[arg(long)]
    empty: bool,
    /// This office's name in Vietnamese (the profile that exchange signs with).
    #[arg(long, value_name = "NAME")]
    office_name: Option<String>,
    /// This office's name in English (default: the Vietnamese name).
    #[arg(long, value_name = "NAME")]
    office_name_en: Option<String>,
    /// The office's short code (capitals, digits and dashes, e.g. ITPC-HN).
    #[arg(long, value_name = "CODE")]
    office_code: Option<String>,
    /// The office's city.
    #[arg(long, value_name = "CITY")]
    office_city: Option<String>,
    /// ISO 3166-1 alpha-2 code, e.g. VN.
    #[arg(long, value_name = "CC")]
    office_country: Option<String>,
    /// The office's shared mailbox.
    #[arg(long, value_name = "EMAIL")]
    office_email: Option<String>,
    /// The folder for the store (`planner.db` in it), remembered in the config file for the
    /// app and the CLI. Not with --db.
    #[arg(long, value_name = "DIR")]
    pub data_folder: Option<PathBuf>,
    /// The backup folder (default: `backups/` beside the store).
    #[arg(long, value_name = "DIR")]
    backups: Option<PathBuf>,
}

impl InitArgs {
    fn any_choice(&self) -> bool {
        self.language.is_some()
            || self.demo
            || self.empty
            || self.office().is_some()
            || self.data_folder.is_some()
            || self.backups.is_some()
    }

    fn office(&self) -> Option<OfficeProfile> {
        let given = [
            &self.office_name,
            &self.office_name_en,
            &self.office_code,
            &self.office_city,
            &self.office_country,
            &self.office_email,
        ];
        if given.iter().all(|f| f.is_none()) {
            return None;
        }
        let name = self.office_name.clone().unwrap_or_default();
        Some(OfficeProfile {
            name_en: self.office_name_en.clone().unwrap_or_else(|| name.clone()),
            name_vi: name,
            code: self.office_code.clone().unwrap_or_default(),
            city: self.office_city.clone(),
            country: self.office_country.clone(),
            email: self.office_email.clone(),
        })
    }

    fn choices(&self) -> Result<FirstRunChoices> {
        let folder = |p: &Option<PathBuf>| -> Result<Option<String>> {
            p.as_ref()
                .map(|p| {
                    let p = crate::chosen(p.clone())?;
                    p.to_str()
                        .map(str::to_owned)
                        .ok_or_else(|| anyhow::anyhow!("{}: the path is not UTF-8", p.display()))
                })
                .transpose()
        };
        Ok(FirstRunChoices {
            ui_language: match &self.language {
                Some(l) => parse_ui_language(l)?,
                None => UiLanguage::Vi,
            },
            start_with: if self.demo {
                StartWith::Demo
            } else {
                StartWith::Empty
            },
            office: self.office(),
            data_folder: folder(&self.data_folder)?,
            backup_folder: folder(&self.backups)?,
        })
    }
}

/// The store `init` opens: `planner.db` in `--data-folder` when given (so that no store is made
/// at the default path on the way), else the resolved path.
pub fn init_path(args: &InitArgs, resolved: PathBuf, db_given: bool) -> Result<PathBuf> {
    match &args.data_folder {
        Some(_) if db_given => bail!("--data-folder and --db name two places: give one"),
        Some(dir) => Ok(crate::chosen(dir.clone())?.join(planner_core::paths::DB_FILE)),
        None => Ok(resolved),
    }
}

/// Makes the first-run choices given as flags (none: the store is only created or brought up
/// to date), then prints where the store is and its schema version.
pub fn init(store: &mut Store, path: &Path, args: &InitArgs) -> Result<()> {
    if args.any_choice() {
        let today = chrono::Local::now().date_naive();
        let config = planner_core::paths::config_file();
        let done = first_run::complete(store, &args.choices()?, today, &config)?.done;
        let what = if done.demo_seeded {
            "with the demo data"
        } else {
            "empty"
        };
        println!("set up {what}");
    }
    println!(
        "{} (schema version {})",
        path.display(),
        store.schema_version()?
    );
    Ok(())
}

/// Seeds the demo, or `scale` synthetic organisations (into an empty store only); `reset`
/// deletes everything first.
pub fn demo(store: &mut Store, path: &Path, reset: bool, scale: Option<usize>) -> Result<()> {
    if reset {
        store.wipe()?;
    }
    let summary = match scale {
        Some(n) => {
            if !store.is_empty()? {
                return Err(CoreError::NotEmpty.into());
            }
            planner_core::demo::seed_synthetic(store, n, 42)?
        }
        None => planner_core::demo::seed_demo(store, chrono::Local::now().date_naive())?,
    };
    let parts: Vec<String> = summary.iter().map(|(k, n)| format!("{n} {k}")).collect();
    println!("seeded {}: {}", path.display(), parts.join(", "));
    Ok(())
}
