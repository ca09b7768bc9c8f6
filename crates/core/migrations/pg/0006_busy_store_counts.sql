-- A busy team store's lists and searches, second round (measured by `planner bench team`: 20
-- officers, 100,000 organisations, 200,000 contacts).
--
-- 1. A sorted list orders by its key ASC NULLS FIRST (an empty field first, as SQLite has it;
-- store/query.rs). A btree index is ASC NULLS LAST unless told, so PostgreSQL could not read
-- the key's index for that order and sorted the whole table for every page (72 ms at offset
-- 8,000 among organisations; 1.5 ms with the index in the list's own order, whose backward scan
-- gives the descending order, DESC NULLS LAST).
DROP INDEX contacts_full_name_key;
CREATE INDEX contacts_full_name_key ON contacts(full_name_key NULLS FIRST, id);
DROP INDEX organizations_name_vi_key;
CREATE INDEX organizations_name_vi_key ON organizations(name_vi_key NULLS FIRST, id);
DROP INDEX delegations_start;
CREATE INDEX delegations_start ON delegations(start_date NULLS FIRST, id);
DROP INDEX interactions_occurred_at;
CREATE INDEX interactions_occurred_at ON interactions(occurred_at NULLS FIRST, id);
DROP INDEX leads_due_at;
CREATE INDEX leads_due_at ON leads(due_at NULLS FIRST, id);

-- 2. The search index, one partition per kind, matched by its words' lexemes. A search reads one
-- kind's entries at a time (its rowid range, search::rowid). With one table, PostgreSQL's
-- statistics were the whole index's: a word common among contacts ("gia") looked common among
-- organisations too, so a page of 100 organisations read the table in order, through 200,000
-- contacts first (100 ms, finding none). A partition per kind has statistics of its own, and a
-- query naming the range reads only its kind.
-- The trigram index of 0005 matched `words LIKE '% dang%'` by trigrams that different words of
-- an entry could hold between them ("da" in one, "ang" in another): 12,500 organisations read
-- and rechecked to find none (35 ms). A text-search index over the same words ('simple': no
-- stemming and no stop words, as the words are already folded) holds each word whole, matches
-- a word or a word's start as FTS5 does (`'dang':*`), and has statistics of its words: the same
-- search reads nothing (0.04 ms).
CREATE TABLE search_index_by_kind (
    rowid  BIGINT NOT NULL PRIMARY KEY,
    title  TEXT COLLATE "C" NOT NULL,
    body   TEXT COLLATE "C" NOT NULL,
    label  TEXT COLLATE "C" NOT NULL,
    detail TEXT COLLATE "C" NOT NULL,
    words  TEXT COLLATE "C" NOT NULL
) PARTITION BY RANGE (rowid);
-- The kinds' ranges: a kind's position in EntityKind::ALL shifted left by 40 (search::rowid).
CREATE TABLE search_index_organizations PARTITION OF search_index_by_kind
    FOR VALUES FROM (2199023255552) TO (3298534883328);
CREATE TABLE search_index_contacts PARTITION OF search_index_by_kind
    FOR VALUES FROM (3298534883328) TO (4398046511104);
CREATE TABLE search_index_delegations PARTITION OF search_index_by_kind
    FOR VALUES FROM (4398046511104) TO (5497558138880);
CREATE TABLE search_index_itinerary_items PARTITION OF search_index_by_kind
    FOR VALUES FROM (6597069766656) TO (7696581394432);
CREATE TABLE search_index_interactions PARTITION OF search_index_by_kind
    FOR VALUES FROM (7696581394432) TO (8796093022208);
CREATE TABLE search_index_leads PARTITION OF search_index_by_kind
    FOR VALUES FROM (8796093022208) TO (9895604649984);
CREATE TABLE search_index_opportunities PARTITION OF search_index_by_kind
    FOR VALUES FROM (9895604649984) TO (10995116277760);
CREATE TABLE search_index_other_kinds PARTITION OF search_index_by_kind DEFAULT;
INSERT INTO search_index_by_kind SELECT rowid, title, body, label, detail, words FROM search_index;
DROP TABLE search_index;
ALTER TABLE search_index_by_kind RENAME TO search_index;
ALTER INDEX search_index_by_kind_pkey RENAME TO search_index_pkey;
CREATE INDEX search_index_lexemes ON search_index USING gin (to_tsvector('simple', words));
-- As 0002 granted on the table it replaces; the partitions are reached through it.
GRANT SELECT ON search_index TO planner_readonly;
GRANT INSERT, UPDATE, DELETE ON search_index TO planner_officer;

-- 3. How many records a kind has, kept as it changes. An unfiltered list shows its total, and an
-- exact count(*) read 200,000 index entries for every page (24 ms, 40 ms of CPU with its
-- workers: with 20 officers on two cores, most of a list's time). Each statement that inserts
-- or deletes records appends its difference as a row (no row is updated, so officers writing
-- at once never wait on each other, and a bulk import's thousands of statements each add one
-- row); the total is their sum, read through planner_record_count.
CREATE TABLE record_counts (
    kind TEXT COLLATE "C" NOT NULL,
    n    BIGINT NOT NULL
);
CREATE INDEX record_counts_kind ON record_counts(kind);

-- SECURITY DEFINER: the counts are written only through these functions, as the schema's
-- owner, so that no officer can set a total by hand; search_path fixed as such a function's
-- must be.
CREATE FUNCTION planner_count_records() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    change BIGINT;
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT count(*) INTO change FROM new_records;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT -count(*) INTO change FROM old_records;
    ELSE
        -- TRUNCATE holds the table alone: its count is nothing.
        DELETE FROM public.record_counts WHERE kind = TG_TABLE_NAME;
        RETURN NULL;
    END IF;
    IF change <> 0 THEN
        INSERT INTO public.record_counts (kind, n) VALUES (TG_TABLE_NAME, change);
    END IF;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION planner_count_records() FROM PUBLIC;

-- A kind's total. When it has gathered more than 64 rows, the reader folds the ones nobody else
-- holds into one (SKIP LOCKED: folding never waits on a writer, nor a writer on it), unless its
-- transaction is read-only (a pull's snapshot); the sum is the same before and after. Folding
-- here rather than in the writers' trigger keeps a bulk import linear: inside one transaction
-- its own rows could not be cleaned up, and counting them at each statement grew with their
-- number.
CREATE FUNCTION planner_record_count(counted TEXT) RETURNS BIGINT LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    total BIGINT;
    gathered BIGINT;
BEGIN
    SELECT coalesce(sum(n), 0), count(*) INTO total, gathered
        FROM public.record_counts WHERE kind = counted;
    IF gathered > 64 AND NOT current_setting('transaction_read_only')::boolean THEN
        WITH folded AS (
            DELETE FROM public.record_counts
            WHERE ctid = ANY (ARRAY(
                SELECT ctid FROM public.record_counts WHERE kind = counted
                FOR UPDATE SKIP LOCKED))
            RETURNING n
        )
        INSERT INTO public.record_counts (kind, n)
        SELECT counted, sum(n) FROM folded HAVING count(*) > 0;
    END IF;
    RETURN total;
END
$$;
REVOKE ALL ON FUNCTION planner_record_count(TEXT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION planner_record_count(TEXT) TO planner_readonly;
GRANT SELECT ON record_counts TO planner_readonly;

-- Every record kind's table (EntityKind::ALL), counted from its rows as they are now.
DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['trade_offices', 'counsellors', 'organizations', 'contacts',
        'delegations', 'delegation_members', 'itinerary_items', 'interactions', 'leads',
        'opportunities', 'briefs']
    LOOP
        EXECUTE format('INSERT INTO record_counts (kind, n) SELECT %L, count(*) FROM %I', t, t);
        EXECUTE format(
            'CREATE TRIGGER planner_count_inserts AFTER INSERT ON %I '
            'REFERENCING NEW TABLE AS new_records '
            'FOR EACH STATEMENT EXECUTE FUNCTION planner_count_records()', t);
        EXECUTE format(
            'CREATE TRIGGER planner_count_deletes AFTER DELETE ON %I '
            'REFERENCING OLD TABLE AS old_records '
            'FOR EACH STATEMENT EXECUTE FUNCTION planner_count_records()', t);
        EXECUTE format(
            'CREATE TRIGGER planner_count_truncates AFTER TRUNCATE ON %I '
            'FOR EACH STATEMENT EXECUTE FUNCTION planner_count_records()', t);
    END LOOP;
END
$$;
