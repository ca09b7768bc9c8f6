-- Edits that cannot silently overwrite each other (store/records.rs): every record carries the
-- revision each change increments, and an update or delete may name the revision it was based
-- on. A record starts at revision 1, and so does every record already stored (its earlier
-- changes are not counted: a form opened before this migration could not name a revision).
ALTER TABLE trade_offices ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE counsellors ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE organizations ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE contacts ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE delegations ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE delegation_members ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE itinerary_items ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE interactions ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE leads ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE opportunities ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE briefs ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;

-- The revision an update brought its record to, so that a refused update can name the fields
-- changed since the revision it was based on. NULL on every other row (creates, deletes, and
-- every row written before this migration).
ALTER TABLE audit_log ADD COLUMN revision INTEGER;
