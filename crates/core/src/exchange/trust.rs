//! The trusted offices, and the rule a signer's key passes before a bundle's content is read:
//! a key on the list and not revoked; never a key whose office is known under another live key
//! (a hard refusal, as SSH's changed host key, whatever the officer says: the key is revoked
//! first, then the new one trusted). Keys are trusted by fingerprint (read on the phone) or by
//! an office card exchanged ahead of time.

use super::views::{OfficeCardView, OfficeProfile, Signer, TrustState, TrustedOffice};
use super::{from_wire, refuse, Code};
use crate::error::Result;
use crate::store::{NewTrustedKey, Store, TrustedKey};
use planner_exchange::{Fingerprint, PublicKey};
use std::io::Read;
use std::path::Path;

/// How the store stands towards one signing key.
pub struct Standing {
    pub state: TrustState,
    /// The key's row on the trusted list.
    pub key: Option<TrustedKey>,
    /// For `key_changed`: the live key the office is known under.
    pub known_under: Option<TrustedKey>,
}

/// Where `fingerprint`, claiming to be `office`, stands.
pub fn standing(
    store: &Store,
    fingerprint: &Fingerprint,
    office: &OfficeProfile,
) -> Result<Standing> {
    let key = store.trusted_key(fingerprint.as_str())?;
    let known_under = store
        .live_keys_of_office(&office.code)?
        .into_iter()
        .find(|k| k.office.fingerprint != fingerprint.as_str());
    let state = match &key {
        Some(k) if k.office.revoked_at.is_some() => TrustState::Revoked,
        _ if known_under.is_some() => TrustState::KeyChanged,
        Some(_) => TrustState::Trusted,
        None => TrustState::Unknown,
    };
    Ok(Standing {
        state,
        key,
        known_under,
    })
}

impl Standing {
    /// The refusal this standing means for an import (`trust` lifts only `unknown`).
    pub fn refusal(
        &self,
        fingerprint: &Fingerprint,
        office: &OfficeProfile,
        trust: bool,
    ) -> Option<crate::CoreError> {
        // Data only: the detail follows the message in either language.
        let who = format!("{}, {}", office.code, fingerprint.grouped());
        match self.state {
            TrustState::Trusted => None,
            TrustState::Unknown if trust => None,
            TrustState::Unknown => Some(refuse(Code::UntrustedSigner, who)),
            TrustState::Revoked => Some(refuse(Code::RevokedKey, who)),
            TrustState::KeyChanged => {
                let old = self
                    .known_under
                    .as_ref()
                    .map(|k| k.office.fingerprint_grouped.clone());
                Some(refuse(
                    Code::KeyChanged,
                    format!("{who} ≠ {}", old.unwrap_or_default()),
                ))
            }
        }
    }

    /// The signer as the views show it.
    pub fn signer(&self, fingerprint: &Fingerprint, office: OfficeProfile) -> Signer {
        Signer {
            office,
            fingerprint: fingerprint.as_str().to_owned(),
            fingerprint_grouped: fingerprint.grouped(),
            trust: self.state,
            key_id: self.key.as_ref().map(|k| k.office.id),
            local_name: self.key.as_ref().and_then(|k| k.office.local_name.clone()),
        }
    }
}

/// Every trusted key, revoked ones too, oldest first.
pub fn list(store: &Store) -> Result<Vec<TrustedOffice>> {
    Ok(store
        .trusted_keys()?
        .into_iter()
        .map(|k| k.office)
        .collect())
}

/// Reads an office card (capped; its self-signature verified before its content is used).
pub fn read_card_file(path: &Path) -> Result<planner_exchange::Card> {
    let file = std::fs::File::open(path)
        .map_err(|e| refuse(Code::MalformedCard, format!("{}: {e}", path.display())))?;
    let mut bytes = Vec::new();
    file.take(planner_exchange::MAX_CARD + 1)
        .read_to_end(&mut bytes)?;
    Ok(planner_exchange::read_card(&bytes)?)
}

/// Reads and checks an office card, and says where its key stands here.
pub fn inspect_card_file(store: &Store, path: &Path) -> Result<OfficeCardView> {
    let card = read_card_file(path)?;
    let office = from_wire(&card.office);
    let standing = standing(store, &card.fingerprint, &office)?;
    Ok(OfficeCardView {
        signer: standing.signer(&card.fingerprint, office),
        created_at: card.created_at,
    })
}

/// Trusts the key with this fingerprint (any case, spaces or dashes), learnt from an office
/// card when one is given (its fingerprint must be the one typed). A revoked key stays revoked;
/// a card whose office is known under another live key is refused (`key_changed`).
pub fn trust(
    store: &mut Store,
    fingerprint: &str,
    card: Option<&Path>,
    name: Option<String>,
    by: &str,
) -> Result<TrustedOffice> {
    let fingerprint = Fingerprint::parse(fingerprint)?;
    let card = card.map(read_card_file).transpose()?;
    if let Some(c) = &card {
        if c.fingerprint != fingerprint {
            return Err(refuse(
                Code::MalformedCard,
                format!("{} ≠ {}", c.fingerprint.grouped(), fingerprint.grouped()),
            ));
        }
    }
    let office = card.as_ref().map(|c| from_wire(&c.office));
    let name = name
        .map(|n| crate::text::nfc(n.trim()))
        .filter(|n| !n.is_empty());
    if let Some(o) = &office {
        let s = standing(store, &fingerprint, o)?;
        if let Some(e) = s.refusal(&fingerprint, o, true) {
            return Err(e);
        }
    }
    let by = super::acting_office(store, by)?;
    let existing = store.trusted_key(fingerprint.as_str())?;
    let key = match existing {
        Some(k) if k.office.revoked_at.is_some() => {
            return Err(refuse(Code::RevokedKey, fingerprint.grouped()));
        }
        Some(k) => {
            if let (Some(c), Some(o)) = (&card, &office) {
                store.learn_trusted_key(k.office.id, &c.public_key.to_base64(), o)?;
            }
            match name {
                Some(n) => store.rename_trusted_key(k.office.id, Some(&n))?,
                None => store.trusted_key_by_id(k.office.id)?,
            }
        }
        None => store.insert_trusted_key(&NewTrustedKey {
            fingerprint: fingerprint.as_str().to_owned(),
            public_key: card.as_ref().map(|c| c.public_key.to_base64()),
            office,
            local_name: name,
            trusted_by: by,
        })?,
    };
    Ok(key.office)
}

/// The row to add when an import trusts its signer (`--trust`, or the window's confirmation).
pub fn trusted_on_import(
    store: &Store,
    signer: &PublicKey,
    office: &OfficeProfile,
    by: &str,
) -> Result<NewTrustedKey> {
    Ok(NewTrustedKey {
        fingerprint: signer.fingerprint().as_str().to_owned(),
        public_key: Some(signer.to_base64()),
        office: Some(office.clone()),
        local_name: None,
        trusted_by: super::acting_office(store, by)?,
    })
}

/// Gives a trusted office a local name (an empty name clears it).
pub fn rename(store: &mut Store, key_id: i64, name: &str) -> Result<TrustedOffice> {
    let name = crate::text::nfc(name.trim());
    let mut v = crate::validate::Validator::default();
    v.line("name", &name);
    if !v.errors.is_empty() {
        return Err(crate::CoreError::Invalid(v.errors));
    }
    let name = Some(name).filter(|n| !n.is_empty());
    Ok(store.rename_trusted_key(key_id, name.as_deref())?.office)
}

/// Revokes a key: its bundles are refused from now on (those received stay, marked unverified).
pub fn revoke(store: &mut Store, key_id: i64, by: &str) -> Result<TrustedOffice> {
    let by = super::acting_office(store, by)?;
    Ok(store.revoke_trusted_key(key_id, &by)?.office)
}

/// Revokes the key with this fingerprint (the CLI's form).
pub fn revoke_fingerprint(store: &mut Store, fingerprint: &str, by: &str) -> Result<TrustedOffice> {
    let fingerprint = Fingerprint::parse(fingerprint)?;
    let key = store
        .trusted_key(fingerprint.as_str())?
        .ok_or_else(|| refuse(Code::UntrustedSigner, fingerprint.grouped()))?;
    revoke(store, key.office.id, by)
}
