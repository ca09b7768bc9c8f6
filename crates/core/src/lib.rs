//! Delegation Planner's core: domain records, validation, the SQLite store and its migrations,
//! demo data and the TypeScript bindings of everything that crosses the IPC boundary.
//! It knows nothing about windows, Tauri or IPC transport.

pub mod about;
pub mod backup;
pub mod bindings;
pub mod briefs;
pub mod commands;
pub mod contacts_io;
pub mod demo;
pub mod doctor;
pub mod domain;
pub mod error;
pub mod exchange;
pub mod file_names;
pub mod files;
pub mod first_run;
pub mod images;
pub mod itinerary;
pub mod labels;
pub mod links;
pub mod numbers;
pub mod paths;
pub mod people;
pub mod search;
pub mod settings;
pub mod store;
pub mod text;
pub mod time;
pub mod validate;

pub use error::{CopyFileProblem, CoreError, ErrorPayload, Result};
pub use store::Store;
