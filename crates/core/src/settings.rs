//! User settings kept in the store.

use crate::error::{invalid, Result};
use crate::store::Store;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The language of the interface.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum UiLanguage {
    #[default]
    Vi,
    En,
}

/// Settings the user can change (a field left out keeps its default).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Settings {
    pub ui_language: UiLanguage,
    /// Minutes needed between two itinerary items at different venues (conflict check).
    pub travel_buffer_minutes: i64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            ui_language: UiLanguage::Vi,
            travel_buffer_minutes: 30,
        }
    }
}

const UI_LANGUAGE: &str = "ui_language";
const TRAVEL_BUFFER: &str = "travel_buffer_minutes";

impl Store {
    /// The user's settings (defaults where never set).
    pub fn settings(&self) -> Result<Settings> {
        let ui_language = match self.setting(UI_LANGUAGE)?.as_deref() {
            Some("en") => UiLanguage::En,
            _ => UiLanguage::Vi,
        };
        let travel_buffer_minutes = self
            .setting(TRAVEL_BUFFER)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(Settings::default().travel_buffer_minutes);
        Ok(Settings {
            ui_language,
            travel_buffer_minutes,
        })
    }

    /// Saves the user's settings.
    pub fn save_settings(&mut self, s: &Settings) -> Result<()> {
        let lang = match s.ui_language {
            UiLanguage::Vi => "vi",
            UiLanguage::En => "en",
        };
        if !(0..=600).contains(&s.travel_buffer_minutes) {
            return Err(invalid(
                "travel_buffer_minutes",
                "out_of_range",
                "Thời gian di chuyển tối thiểu phải từ 0 đến 600 phút",
                "The travel buffer must be between 0 and 600 minutes",
            ));
        }
        self.set_settings(&[
            (UI_LANGUAGE, lang),
            (TRAVEL_BUFFER, &s.travel_buffer_minutes.to_string()),
        ])
    }
}

/// Parses a language code given on the command line.
pub fn parse_ui_language(s: &str) -> Result<UiLanguage> {
    match s {
        "vi" => Ok(UiLanguage::Vi),
        "en" => Ok(UiLanguage::En),
        _ => Err(invalid(
            "ui_language",
            "invalid_value",
            "Chọn vi hoặc en",
            "Choose vi or en",
        )),
    }
}
