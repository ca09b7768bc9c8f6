-- The audit log learns the actions of the contact book: merge, erase (a person erased under
-- the personal-data law, the row keeping no personal data), import and undo. SQLite cannot
-- change a CHECK in place, so the table is rebuilt with its rows and index.
CREATE TABLE audit_log_new (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   INTEGER NOT NULL,
    entity_uuid TEXT NOT NULL,
    action      TEXT NOT NULL CHECK (action IN
                    ('create','update','delete','merge','erase','import','undo')),
    changes     TEXT NOT NULL CHECK (json_valid(changes))
) STRICT;
INSERT INTO audit_log_new (id, at, entity, entity_id, entity_uuid, action, changes)
    SELECT id, at, entity, entity_id, entity_uuid, action, changes FROM audit_log;
DROP TABLE audit_log;
ALTER TABLE audit_log_new RENAME TO audit_log;
CREATE INDEX audit_entity ON audit_log(entity, entity_id);

-- Each contact import, and the records it created, so that it can be undone as a whole.
CREATE TABLE imports (
    id                    INTEGER PRIMARY KEY,
    uuid                  TEXT NOT NULL UNIQUE,
    at                    TEXT NOT NULL,
    file_name             TEXT NOT NULL,
    format                TEXT NOT NULL,
    sha256                TEXT NOT NULL,
    contacts_created      INTEGER NOT NULL,
    organizations_created INTEGER NOT NULL,
    duplicates_skipped    INTEGER NOT NULL,
    rows_rejected         INTEGER NOT NULL,
    undone_at             TEXT
) STRICT;

CREATE TABLE import_records (
    import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
    entity    TEXT NOT NULL CHECK (entity IN ('contacts','organizations')),
    record_id INTEGER NOT NULL,
    PRIMARY KEY (import_id, entity, record_id)
) STRICT;
