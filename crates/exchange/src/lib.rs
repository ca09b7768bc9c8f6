//! Exchange between offices: signed, self-contained brief bundles and office cards.
//!
//! A bundle is one ZIP holding a manifest, its signature and the content members the manifest
//! lists with their sizes and SHA-256. `open` verifies the structure, the signature and the
//! manifest; `Opened::verify_members` then reads and checks every member. The format is written
//! down in docs/exchange-format.md. This crate knows no store and no window: it takes bytes and
//! returns verified bytes or a `BundleError` with a stable code.

mod card;
mod envelope;
mod error;
mod json;
mod keys;
mod limits;
mod manifest;
pub mod names;
mod read;
mod write;
mod zip;

pub use card::{read_card, write_card, Card, CARD_FORMAT, CARD_FORMAT_VERSION, CARD_PAYLOAD_TYPE};
pub use envelope::{pae, sign_detached};
pub use error::{BundleError, Code};
pub use json::parse_json;
pub use keys::{sha256_hex, Fingerprint, OfficeKey, PublicKey};
pub use limits::{Limits, MAX_CARD, MAX_SIGNATURE, RATIO_FLOOR};
pub use manifest::{BriefRef, Manifest, Member, OfficeProfile, Sender};
pub use read::{open, Opened, Verified};
pub use write::{image_member_path, write_bundle, Outgoing, OutgoingMember};

/// The `format` every manifest carries.
pub const FORMAT: &str = "delegation-planner-bundle";
/// The bundle format this code writes and reads; a higher one is refused as `newer_format`.
pub const FORMAT_VERSION: u32 = 1;
/// The payload type the manifest's signature covers.
pub const PAYLOAD_TYPE: &str = "application/vnd.delegation-planner.manifest+json; version=1";
/// File extension of a bundle (any name is accepted when reading: mail clients rename files).
pub const BUNDLE_EXTENSION: &str = "dpbundle";
/// File extension of an office card.
pub const CARD_EXTENSION: &str = "dpoffice";
