//! The signature envelope, in the pattern of DSSE: the signature covers the payload type and the
//! payload bytes (PAE), and the envelope carries the public key so that it can be checked before a
//! single byte of the payload is parsed.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use ed25519_dalek::{Signature, Signer};
use serde::{Deserialize, Serialize};

use crate::error::{refuse, BundleError, Code};
use crate::keys::{OfficeKey, PublicKey};

/// The envelope as written: manifest.sig holds it without `payload` (the payload is manifest.json);
/// an office card holds it with the card's bytes in `payload`.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Envelope {
    pub payload_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<String>,
    pub public_key: String,
    pub signature: String,
}

/// DSSE's pre-authentication encoding: "DSSEv1 <len type> <type> <len body> <body>", lengths in
/// ASCII decimal bytes. Binding the type stops a signature made for one kind of file (a card) from
/// being replayed as another (a manifest).
pub fn pae(payload_type: &str, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(payload_type.len() + payload.len() + 32);
    out.extend_from_slice(b"DSSEv1 ");
    out.extend_from_slice(payload_type.len().to_string().as_bytes());
    out.push(b' ');
    out.extend_from_slice(payload_type.as_bytes());
    out.push(b' ');
    out.extend_from_slice(payload.len().to_string().as_bytes());
    out.push(b' ');
    out.extend_from_slice(payload);
    out
}

/// Signs `payload` as `payload_type` and returns the detached envelope's JSON (manifest.sig).
/// The writer uses it; tests and tools use it to sign manifests of their own making.
pub fn sign_detached(key: &OfficeKey, payload_type: &str, payload: &[u8]) -> Vec<u8> {
    envelope_json(&sign(key, payload_type, payload, false))
}

pub(crate) fn sign(key: &OfficeKey, payload_type: &str, payload: &[u8], attach: bool) -> Envelope {
    let signature = key.signing_key().sign(&pae(payload_type, payload));
    Envelope {
        payload_type: payload_type.to_string(),
        payload: attach.then(|| STANDARD.encode(payload)),
        public_key: key.public().to_base64(),
        signature: STANDARD.encode(signature.to_bytes()),
    }
}

pub(crate) fn envelope_json(envelope: &Envelope) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(envelope).expect("strings serialise");
    bytes.push(b'\n');
    bytes
}

/// Parses an envelope; `code` is the refusal for bytes that are not one (`bad_signature` for
/// manifest.sig, `malformed_card` for a card). The envelope is flat and capped small by the caller.
pub(crate) fn parse_envelope(
    bytes: &[u8],
    code: Code,
    what: &str,
) -> Result<Envelope, BundleError> {
    serde_json::from_slice(bytes)
        .map_err(|e| BundleError::new(code, format!("{what}: not a signature envelope ({e})")))
}

/// Checks the payload type, then the signature with `verify_strict`; returns the signer.
pub(crate) fn verify(
    envelope: &Envelope,
    expected_type: &str,
    payload: &[u8],
    key_code: Code,
    what: &str,
) -> Result<PublicKey, BundleError> {
    if envelope.payload_type != expected_type {
        return refuse(
            Code::WrongPayloadType,
            format!("{what}: payload_type is \"{}\"", envelope.payload_type),
        );
    }
    let signer = PublicKey::decode(&envelope.public_key, key_code)?;
    let signature = STANDARD
        .decode(&envelope.signature)
        .ok()
        .and_then(|b| <[u8; 64]>::try_from(b).ok())
        .map(|b| Signature::from_bytes(&b));
    let Some(signature) = signature else {
        return refuse(
            Code::BadSignature,
            format!("{what}: signature is not 64 base64 bytes"),
        );
    };
    signer
        .verifying_key()
        .verify_strict(&pae(expected_type, payload), &signature)
        .map_err(|_| {
            BundleError::new(
                Code::BadSignature,
                format!("{what}: signed by {}", signer.fingerprint()),
            )
        })?;
    Ok(signer)
}
