-- Live changes: every commit that writes what a screen shows tells the open apps, which LISTEN on
-- `planner_changes` (store/concurrency.rs) and read their screens again, as a SQLite store's
-- `PRAGMA data_version` tells them of another program's commit. One notification per statement
-- (not per row), named by its table; PostgreSQL delivers them at the commit only, folds equal
-- ones of one transaction into one, and drops them with a rollback, so a failed write says
-- nothing. The sender's backend pid comes with each, which is how an app skips its own.
CREATE FUNCTION planner_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('planner_changes', TG_TABLE_NAME);
    RETURN NULL;
END
$$;

-- Every table of the store but the schema's version and the search index (its entries follow a
-- record's write, in the same transaction, or are an import's tidying, which changes no screen).
DO $$
DECLARE
    t TEXT;
BEGIN
    FOR t IN
        SELECT tablename FROM pg_tables
        WHERE schemaname = current_schema()
          AND tablename NOT IN ('planner_schema', 'search_index')
        ORDER BY tablename
    LOOP
        EXECUTE format(
            'CREATE TRIGGER planner_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE '
            'ON %I FOR EACH STATEMENT EXECUTE FUNCTION planner_notify_change()', t);
    END LOOP;
END
$$;

-- Functions are executable by PUBLIC by default; said here so that a server whose IT revoked
-- that still lets every planner role write.
GRANT EXECUTE ON FUNCTION planner_notify_change() TO planner_readonly;
