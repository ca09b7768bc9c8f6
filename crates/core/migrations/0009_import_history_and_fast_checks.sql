-- Two changes for bulk writes (a 100,000-row contact import writes every row through them).
--
-- 1. A contact's consent basis is checked by comparisons instead of `IN (…)`: SQLite builds a
--    temporary table for an IN list of constant values each time an INSERT runs, which cost
--    about 2 µs per contact written. SQLite cannot change a CHECK in place, so the table is
--    rebuilt with its rows, ids and indexes (`migrate_to` turns foreign keys off meanwhile, so
--    dropping the old table touches no row that refers to it, and checks them all after).
CREATE TABLE contacts_new (
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
    consent_basis   TEXT NOT NULL CHECK (consent_basis = 'unknown' OR consent_basis = 'consent'
                        OR consent_basis = 'contract' OR consent_basis = 'legal_obligation'
                        OR consent_basis = 'public_interest'),
    consent_date    TEXT,
    consent_source  TEXT
) STRICT;
INSERT INTO contacts_new (id, uuid, created_at, updated_at, full_name, title, organization_id,
        emails, phones, languages, nationality, notes, consent_basis, consent_date, consent_source)
    SELECT id, uuid, created_at, updated_at, full_name, title, organization_id,
        emails, phones, languages, nationality, notes, consent_basis, consent_date, consent_source
    FROM contacts;
DROP TABLE contacts;
ALTER TABLE contacts_new RENAME TO contacts;
CREATE INDEX contacts_organization ON contacts(organization_id);
CREATE INDEX contacts_full_name ON contacts(full_name COLLATE vi);

-- 2. What an import created is recorded once, in `import_records`, and a record's history
--    (`Store::audit_of`) shows it from there as its `import` entry. Until now every imported
--    record also had an audit row saying the same; those rows are removed below.
--    Each listed record now keeps its uuid: SQLite gives the id of a deleted last row to the
--    next new one, so an id alone could make `undo` delete, or a history show, a later record.
--    For records listed before, the uuid comes from the audit row written when the import
--    created the record: an `import` row (later builds) or a `create` row (the first ones),
--    written between the import's instant and its closing `import` row (entity_id 0, which
--    names the import): the import's transaction wrote nothing else. Erasing a person blanks
--    the changes of their audit rows but keeps those rows and uuids. '' when none is left
--    (such a record is no longer taken for the import's).
--    The list is kept in its primary key alone (WITHOUT ROWID: one B-tree instead of a table
--    and its key's index), and indexed by record for the history.
CREATE TABLE import_records_new (
    import_id   INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
    entity      TEXT NOT NULL CHECK (entity = 'contacts' OR entity = 'organizations'),
    record_id   INTEGER NOT NULL,
    record_uuid TEXT NOT NULL,
    PRIMARY KEY (import_id, entity, record_id)
) STRICT, WITHOUT ROWID;
INSERT INTO import_records_new (import_id, entity, record_id, record_uuid)
    SELECT r.import_id, r.entity, r.record_id, coalesce(
        (SELECT a.entity_uuid FROM audit_log a JOIN imports i ON i.id = r.import_id
         WHERE a.entity = r.entity AND a.entity_id = r.record_id
           AND a.action IN ('import', 'create') AND a.at >= i.at
           AND a.id < (SELECT s.id FROM audit_log s
                       WHERE s.entity = 'contacts' AND s.entity_id = 0 AND s.action = 'import'
                         AND json_extract(s.changes, '$.import_id') = r.import_id)
         ORDER BY a.id LIMIT 1),
        '')
    FROM import_records r;
DROP TABLE import_records;
ALTER TABLE import_records_new RENAME TO import_records;
CREATE INDEX import_records_record ON import_records(entity, record_id);
DELETE FROM audit_log
WHERE action = 'import' AND entity_id <> 0
  AND EXISTS (SELECT 1 FROM import_records r
              WHERE r.entity = audit_log.entity AND r.record_id = audit_log.entity_id);
