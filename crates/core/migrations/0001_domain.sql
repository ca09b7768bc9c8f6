-- Schema v1: the whole domain. Every record has a local integer id, a stable UUID for exchange
-- between offices, and created/updated instants in UTC (RFC 3339 text). Lists of plain values are
-- JSON text; many-to-many links are junction tables. Money is integer minor units + currency.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE trade_offices (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    name_vi    TEXT NOT NULL,
    name_en    TEXT,
    country    TEXT NOT NULL,
    city       TEXT NOT NULL,
    time_zone  TEXT NOT NULL,
    address    TEXT,
    phone      TEXT,
    email      TEXT,
    languages  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(languages)),
    notes      TEXT
) STRICT;

CREATE TABLE counsellors (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    office_id  INTEGER NOT NULL REFERENCES trade_offices(id) ON DELETE RESTRICT,
    full_name  TEXT NOT NULL,
    title      TEXT,
    email      TEXT,
    phone      TEXT,
    languages  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(languages)),
    notes      TEXT
) STRICT;
CREATE INDEX counsellors_office ON counsellors(office_id);

CREATE TABLE organizations (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('investor','government','association','other')),
    name_vi    TEXT NOT NULL,
    name_en    TEXT,
    country    TEXT NOT NULL,
    city       TEXT,
    sectors    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(sectors)),
    size       TEXT NOT NULL CHECK (size IN ('unknown','small','medium','large','multinational')),
    website    TEXT,
    notes      TEXT
) STRICT;

CREATE TABLE contacts (
    id              INTEGER PRIMARY KEY,
    uuid            TEXT NOT NULL UNIQUE,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    full_name       TEXT NOT NULL,
    title           TEXT,
    organization_id INTEGER REFERENCES organizations(id) ON DELETE SET NULL,
    emails          TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(emails)),
    phones          TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(phones)),
    languages       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(languages)),
    nationality     TEXT,
    notes           TEXT,
    consent_basis   TEXT NOT NULL CHECK (consent_basis IN
                        ('unknown','consent','contract','legal_obligation','public_interest')),
    consent_date    TEXT,
    consent_source  TEXT
) STRICT;
CREATE INDEX contacts_organization ON contacts(organization_id);

CREATE TABLE delegations (
    id                  INTEGER PRIMARY KEY,
    uuid                TEXT NOT NULL UNIQUE,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    kind                TEXT NOT NULL CHECK (kind IN ('outbound','inbound')),
    title               TEXT NOT NULL,
    purpose             TEXT,
    destination_country TEXT NOT NULL,
    destination_city    TEXT,
    time_zone           TEXT NOT NULL,
    start_date          TEXT,
    end_date            TEXT,
    status              TEXT NOT NULL CHECK (status IN ('draft','proposed','approved','confirmed',
                            'completed','reported','cancelled')),
    lead_officer        TEXT,
    counsellor_id       INTEGER REFERENCES counsellors(id) ON DELETE SET NULL,
    budget_minor        INTEGER,
    budget_currency     TEXT,
    sectors             TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(sectors)),
    approved_by         TEXT,
    approved_at         TEXT,
    notes               TEXT
) STRICT;
CREATE INDEX delegations_counsellor ON delegations(counsellor_id);
CREATE INDEX delegations_start ON delegations(start_date);

CREATE TABLE delegation_members (
    id              INTEGER PRIMARY KEY,
    uuid            TEXT NOT NULL UNIQUE,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    delegation_id   INTEGER NOT NULL REFERENCES delegations(id) ON DELETE CASCADE,
    contact_id      INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
    staff_name      TEXT,
    role            TEXT NOT NULL CHECK (role IN
                        ('head','member','interpreter','counsellor','liaison','security')),
    passport_number TEXT,
    passport_expiry TEXT,
    visa_status     TEXT NOT NULL CHECK (visa_status IN ('not_required','pending','issued','refused')),
    dietary_notes   TEXT,
    protocol_notes  TEXT
) STRICT;
CREATE INDEX members_delegation ON delegation_members(delegation_id);
CREATE INDEX members_contact ON delegation_members(contact_id);

CREATE TABLE itinerary_items (
    id              INTEGER PRIMARY KEY,
    uuid            TEXT NOT NULL UNIQUE,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    delegation_id   INTEGER NOT NULL REFERENCES delegations(id) ON DELETE CASCADE,
    kind            TEXT NOT NULL CHECK (kind IN
                        ('meeting','site_visit','conference','travel','meal','free')),
    title           TEXT NOT NULL,
    starts_at       TEXT NOT NULL,
    ends_at         TEXT NOT NULL,
    time_zone       TEXT NOT NULL,
    end_time_zone   TEXT,
    venue           TEXT,
    address         TEXT,
    organization_id INTEGER REFERENCES organizations(id) ON DELETE SET NULL,
    counsellor_id   INTEGER REFERENCES counsellors(id) ON DELETE SET NULL,
    notes           TEXT
) STRICT;
CREATE INDEX items_delegation ON itinerary_items(delegation_id, starts_at);

CREATE TABLE itinerary_item_contacts (
    item_id    INTEGER NOT NULL REFERENCES itinerary_items(id) ON DELETE CASCADE,
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    PRIMARY KEY (item_id, contact_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX item_contacts_contact ON itinerary_item_contacts(contact_id);

CREATE TABLE itinerary_item_attendees (
    item_id   INTEGER NOT NULL REFERENCES itinerary_items(id) ON DELETE CASCADE,
    member_id INTEGER NOT NULL REFERENCES delegation_members(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    PRIMARY KEY (item_id, member_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX item_attendees_member ON itinerary_item_attendees(member_id);

CREATE TABLE interactions (
    id                INTEGER PRIMARY KEY,
    uuid              TEXT NOT NULL UNIQUE,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    occurred_at       TEXT NOT NULL,
    kind              TEXT NOT NULL CHECK (kind IN
                          ('meeting','call','email','site_visit','event','note')),
    summary           TEXT NOT NULL,
    organization_id   INTEGER REFERENCES organizations(id) ON DELETE SET NULL,
    delegation_id     INTEGER REFERENCES delegations(id) ON DELETE SET NULL,
    itinerary_item_id INTEGER REFERENCES itinerary_items(id) ON DELETE SET NULL,
    notes             TEXT
) STRICT;
CREATE INDEX interactions_organization ON interactions(organization_id, occurred_at);

CREATE TABLE interaction_contacts (
    interaction_id INTEGER NOT NULL REFERENCES interactions(id) ON DELETE CASCADE,
    contact_id     INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    PRIMARY KEY (interaction_id, contact_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX interaction_contacts_contact ON interaction_contacts(contact_id);

CREATE TABLE leads (
    id                        INTEGER PRIMARY KEY,
    uuid                      TEXT NOT NULL UNIQUE,
    created_at                TEXT NOT NULL,
    updated_at                TEXT NOT NULL,
    organization_id           INTEGER NOT NULL REFERENCES organizations(id) ON DELETE RESTRICT,
    title                     TEXT NOT NULL,
    stage                     TEXT NOT NULL CHECK (stage IN ('lead','contacted','meeting',
                                  'site_visit','mou','licensed','aftercare','lost')),
    lost_reason               TEXT,
    sectors                   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(sectors)),
    expected_capital_minor    INTEGER,
    expected_capital_currency TEXT NOT NULL,
    jobs                      INTEGER,
    owner                     TEXT,
    next_action               TEXT,
    due_at                    TEXT,
    notes                     TEXT
) STRICT;
CREATE INDEX leads_organization ON leads(organization_id);
CREATE INDEX leads_stage_due ON leads(stage, due_at);

CREATE TABLE opportunities (
    id                  INTEGER PRIMARY KEY,
    uuid                TEXT NOT NULL UNIQUE,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    kind                TEXT NOT NULL CHECK (kind IN ('hitech_zone','industrial_cluster',
                            'industrial_zone','logistics_centre','wholesale_market','fdi_project')),
    name_vi             TEXT NOT NULL,
    name_en             TEXT,
    summary_vi          TEXT,
    summary_en          TEXT,
    location            TEXT NOT NULL,
    area_ha             REAL,
    sectors             TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(sectors)),
    status              TEXT NOT NULL CHECK (status IN ('open','preparing','operating','closed')),
    land_rent_min_minor INTEGER,
    land_rent_max_minor INTEGER,
    land_rent_currency  TEXT,
    land_rent_unit      TEXT,
    incentives_vi       TEXT,
    incentives_en       TEXT,
    infrastructure      TEXT,
    contact             TEXT,
    key_figures         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(key_figures)),
    source              TEXT NOT NULL,
    source_date         TEXT,
    notes               TEXT
) STRICT;

CREATE TABLE briefs (
    id                    INTEGER PRIMARY KEY,
    uuid                  TEXT NOT NULL UNIQUE,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    title                 TEXT NOT NULL,
    language              TEXT NOT NULL CHECK (language IN ('vi','en','bi')),
    audience_kind         TEXT NOT NULL CHECK (audience_kind IN ('delegation','organization','sector')),
    delegation_id         INTEGER REFERENCES delegations(id) ON DELETE SET NULL,
    organization_id       INTEGER REFERENCES organizations(id) ON DELETE SET NULL,
    sector                TEXT,
    country               TEXT,
    sections              TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(sections)),
    include_personal_data INTEGER NOT NULL CHECK (include_personal_data IN (0, 1)),
    version               INTEGER NOT NULL,
    file_name             TEXT,
    file_sha256           TEXT,
    generated_at          TEXT,
    notes                 TEXT
) STRICT;

CREATE TABLE brief_opportunities (
    brief_id       INTEGER NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
    opportunity_id INTEGER NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    PRIMARY KEY (brief_id, opportunity_id)
) STRICT, WITHOUT ROWID;

-- Every write is recorded here in the same transaction as the write itself.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   INTEGER NOT NULL,
    entity_uuid TEXT NOT NULL,
    action      TEXT NOT NULL CHECK (action IN ('create','update','delete')),
    changes     TEXT NOT NULL CHECK (json_valid(changes))
) STRICT;
CREATE INDEX audit_entity ON audit_log(entity, entity_id);
