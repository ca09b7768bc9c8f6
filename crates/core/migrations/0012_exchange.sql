-- Exchange between offices (crates/core/src/exchange/, the bundle format in crates/exchange):
-- this installation's office (one row; its private key is a file beside the store, never here),
-- the keys it trusts, the briefs it received (the Inbox, with their history) and sent (the
-- Outbox), and the opportunities adopted from received briefs with their provenance.

CREATE TABLE office (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    name_vi        TEXT NOT NULL,
    name_en        TEXT NOT NULL,
    code           TEXT NOT NULL,
    city           TEXT,
    country        TEXT,
    email          TEXT,
    -- Set together when the key pair is made (on first use): base64 Ed25519 public key and
    -- the 32-hex fingerprint other offices know this one by.
    public_key     TEXT,
    fingerprint    TEXT,
    key_created_at TEXT,
    updated_at     TEXT NOT NULL,
    CHECK ((public_key IS NULL) = (fingerprint IS NULL))
) STRICT;

CREATE TABLE trusted_keys (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    fingerprint TEXT NOT NULL UNIQUE,
    -- NULL while trusted by fingerprint only: learnt from the first bundle signed with it.
    public_key  TEXT,
    office_code TEXT,
    name_vi     TEXT,
    name_en     TEXT,
    city        TEXT,
    country     TEXT,
    email       TEXT,
    local_name  TEXT,
    trusted_at  TEXT NOT NULL,
    trusted_by  TEXT NOT NULL,
    revoked_at  TEXT,
    revoked_by  TEXT
) STRICT;
CREATE INDEX trusted_keys_office ON trusted_keys(office_code);

CREATE TABLE received_bundles (
    id             INTEGER PRIMARY KEY,
    uuid           TEXT NOT NULL,
    key_id         INTEGER NOT NULL REFERENCES trusted_keys(id) ON DELETE RESTRICT,
    fingerprint    TEXT NOT NULL,
    office_code    TEXT NOT NULL,
    office_name_vi TEXT NOT NULL,
    office_name_en TEXT NOT NULL,
    brief_uuid     TEXT NOT NULL,
    brief_version  INTEGER NOT NULL,
    title          TEXT NOT NULL,
    language       TEXT NOT NULL CHECK (language IN ('vi', 'en', 'bi')),
    sent_at        TEXT NOT NULL,
    received_at    TEXT NOT NULL,
    personal_data  INTEGER NOT NULL CHECK (personal_data IN (0, 1)),
    bundle_sha256  TEXT NOT NULL,
    pdf_sha256     TEXT NOT NULL,
    -- The signed manifest as received, and brief.json + opportunities.json as received.
    manifest       TEXT NOT NULL,
    content        TEXT NOT NULL,
    superseded_by  INTEGER REFERENCES received_bundles(id) ON DELETE SET NULL,
    UNIQUE (fingerprint, brief_uuid, brief_version)
) STRICT;
CREATE INDEX received_bundles_current ON received_bundles(superseded_by, received_at);

CREATE TABLE sent_bundles (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    brief_id      INTEGER REFERENCES briefs(id) ON DELETE SET NULL,
    brief_uuid    TEXT NOT NULL,
    brief_version INTEGER NOT NULL,
    title         TEXT NOT NULL,
    path          TEXT NOT NULL,
    bytes         INTEGER NOT NULL,
    sha256        TEXT NOT NULL,
    personal_data INTEGER NOT NULL CHECK (personal_data IN (0, 1)),
    sent_to       TEXT,
    created_at    TEXT NOT NULL
) STRICT;

CREATE TABLE adopted_opportunities (
    opportunity_id     INTEGER PRIMARY KEY REFERENCES opportunities(id) ON DELETE CASCADE,
    source_fingerprint TEXT NOT NULL,
    source_office_code TEXT NOT NULL,
    source_uuid        TEXT NOT NULL,
    received_id        INTEGER NOT NULL REFERENCES received_bundles(id) ON DELETE RESTRICT,
    source_version     INTEGER NOT NULL,
    -- The record's data as adopted: a local edit is "the record differs from this".
    adopted            TEXT NOT NULL,
    UNIQUE (source_fingerprint, source_uuid)
) STRICT;
CREATE INDEX adopted_opportunities_received ON adopted_opportunities(received_id);
