//! Office cards: an office's public key and profile in one small self-signed file, exchanged ahead
//! of time (by e-mail, on a USB stick) so that the first bundle from that office is already trusted.
//! The file is a DSSE envelope with the card's JSON as its payload: verified before it is parsed.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde::{Deserialize, Serialize};

use crate::envelope::{envelope_json, parse_envelope, sign, verify};
use crate::error::{refuse, BundleError, Code};
use crate::json::check_depth;
use crate::keys::{Fingerprint, OfficeKey, PublicKey};
use crate::limits::MAX_CARD;
use crate::manifest::{FormatHeader, OfficeProfile};

/// The `format` of a card's payload.
pub const CARD_FORMAT: &str = "delegation-planner-office-card";
/// The card format this code writes and reads.
pub const CARD_FORMAT_VERSION: u32 = 1;
/// The payload type a card's signature covers.
pub const CARD_PAYLOAD_TYPE: &str =
    "application/vnd.delegation-planner.office-card+json; version=1";

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CardBody {
    format: String,
    format_version: u32,
    office: OfficeProfile,
    public_key: String,
    created_at: String,
}

/// A verified office card.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Card {
    /// The office's profile as it wrote it.
    pub office: OfficeProfile,
    /// The office's key (which signed the card).
    pub public_key: PublicKey,
    /// Its fingerprint.
    pub fingerprint: Fingerprint,
    /// When the card was made, RFC 3339 UTC.
    pub created_at: String,
}

/// Writes a card for `office`, signed by its key.
pub fn write_card(key: &OfficeKey, office: &OfficeProfile, created_at: &str) -> Vec<u8> {
    let body = CardBody {
        format: CARD_FORMAT.to_string(),
        format_version: CARD_FORMAT_VERSION,
        office: office.clone(),
        public_key: key.public().to_base64(),
        created_at: created_at.to_string(),
    };
    let payload = serde_json::to_vec(&body).expect("plain structs serialise");
    envelope_json(&sign(key, CARD_PAYLOAD_TYPE, &payload, true))
}

/// Reads a card: size cap, signature verified, then the payload parsed.
pub fn read_card(bytes: &[u8]) -> Result<Card, BundleError> {
    let malformed = |e: String| BundleError::new(Code::MalformedCard, e);
    if bytes.len() as u64 > MAX_CARD {
        return Err(malformed(format!(
            "{} bytes (at most {MAX_CARD})",
            bytes.len()
        )));
    }
    check_depth(bytes, 2).map_err(|_| malformed("not a card envelope".into()))?;
    let envelope = parse_envelope(bytes, Code::MalformedCard, "card")?;
    let payload = envelope
        .payload
        .as_deref()
        .and_then(|p| STANDARD.decode(p).ok())
        .ok_or_else(|| malformed("payload is missing or not base64".into()))?;
    let signer = verify(
        &envelope,
        CARD_PAYLOAD_TYPE,
        &payload,
        Code::MalformedCard,
        "card",
    )?;

    check_depth(&payload, 4).map_err(|_| malformed("payload nested too deep".into()))?;
    let header: FormatHeader =
        serde_json::from_slice(&payload).map_err(|e| malformed(e.to_string()))?;
    if header.format != CARD_FORMAT {
        return Err(malformed(format!("format is \"{}\"", header.format)));
    }
    if header.format_version > CARD_FORMAT_VERSION {
        return refuse(
            Code::NewerFormat,
            format!("card format_version {}", header.format_version),
        );
    }
    let body: CardBody = serde_json::from_slice(&payload).map_err(|e| malformed(e.to_string()))?;
    if body.format_version < 1 {
        return Err(malformed(format!("format_version {}", body.format_version)));
    }
    if PublicKey::decode(&body.public_key, Code::MalformedCard)? != signer {
        return refuse(
            Code::SignerMismatch,
            "the card names another key than its signer",
        );
    }
    Ok(Card {
        office: body.office,
        fingerprint: signer.fingerprint(),
        public_key: signer,
        created_at: body.created_at,
    })
}
