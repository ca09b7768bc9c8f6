-- The team's role model, enforced by the database rather than the UI. Each officer logs in with a
-- role of their own that the agency's IT makes a member of one of these group roles:
--   planner_readonly  reads everything, writes nothing;
--   planner_officer   reads, creates and edits records; adds to the audit trail, never changes it;
--                     deletes only the parts an edit rewrites (links, index entries), not records;
--   planner_manager   an officer who may also delete records (and so merge, erase, undo imports)
--                     and change the settings and the office's identity.
-- Roles are cluster-wide, so another team database on the same server may have made them already
-- (possibly at this very moment: its migration holds its own database's lock, not this one's).
DO $$
DECLARE
    wanted TEXT;
BEGIN
    FOREACH wanted IN ARRAY ARRAY['planner_readonly', 'planner_officer', 'planner_manager'] LOOP
        BEGIN
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = wanted) THEN
                EXECUTE format('CREATE ROLE %I NOLOGIN', wanted);
            END IF;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL;
        END;
    END LOOP;
    BEGIN
        GRANT planner_readonly TO planner_officer;
        GRANT planner_officer TO planner_manager;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL;
    END;
END
$$;

-- Every audit row names the officer whose session wrote it; an officer cannot name someone else
-- (the column is left out of their INSERT grant below, so its default always applies).
ALTER TABLE audit_log ADD COLUMN officer TEXT COLLATE "C" NOT NULL DEFAULT current_user;

GRANT USAGE ON SCHEMA public TO planner_readonly;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO planner_readonly;

GRANT INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO planner_officer;
REVOKE INSERT, UPDATE ON planner_schema, audit_log, office FROM planner_officer;
GRANT INSERT (at, entity, entity_id, entity_uuid, action, changes, revision) ON audit_log
    TO planner_officer;
GRANT DELETE ON itinerary_item_contacts, itinerary_item_attendees, interaction_contacts,
    brief_opportunities, search_index TO planner_officer;
GRANT DELETE ON settings TO planner_officer;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO planner_officer;

GRANT DELETE ON ALL TABLES IN SCHEMA public TO planner_manager;
REVOKE DELETE ON planner_schema, audit_log FROM planner_manager;
GRANT INSERT, UPDATE ON office TO planner_manager;

-- Settings hold the search index's bookkeeping beside the office's choices: an officer's writes
-- (an import marks its records for indexing) may touch only the former. Row-level security does
-- not bind the tables' owner (the role that migrates).
ALTER TABLE settings ENABLE ROW LEVEL SECURITY;
CREATE POLICY settings_read ON settings FOR SELECT USING (true);
CREATE POLICY settings_search_index ON settings TO planner_officer
    USING (key LIKE 'search\_index\_%') WITH CHECK (key LIKE 'search\_index\_%');
CREATE POLICY settings_manager ON settings TO planner_manager USING (true) WITH CHECK (true);
