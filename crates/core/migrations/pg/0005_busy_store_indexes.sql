-- Indexes for lists and searches of a busy team store (measured by `planner bench team`: 20
-- officers, 100,000 organisations, 200,000 contacts).
--
-- A name-sorted page orders by the sort key, then the id. SQLite's index on the key holds the
-- rowid, so it gives that order; PostgreSQL's does not, and sorted each key's ties again
-- (an incremental sort over every row before the offset): the id joins the key's index.
DROP INDEX contacts_full_name_key;
CREATE INDEX contacts_full_name_key ON contacts(full_name_key, id);
DROP INDEX organizations_name_vi_key;
CREATE INDEX organizations_name_vi_key ON organizations(name_vi_key, id);

-- A search reads each kind's matches apart (its rowids: the kind's position in EntityKind::ALL
-- shifted left by 40, see search::rowid). With one trigram index for every kind, PostgreSQL
-- could not tell that a word common in one kind is absent from another, and read the whole
-- table looking for it (250 ms for "nguyen" among organisations). One index per kind, which
-- the query names by the same literal range, answers that at once.
DROP INDEX search_index_words;
CREATE INDEX search_index_words_organizations ON search_index USING gin (words gin_trgm_ops)
    WHERE rowid BETWEEN 2199023255552 AND 3298534883327;
CREATE INDEX search_index_words_contacts ON search_index USING gin (words gin_trgm_ops)
    WHERE rowid BETWEEN 3298534883328 AND 4398046511103;
CREATE INDEX search_index_words_delegations ON search_index USING gin (words gin_trgm_ops)
    WHERE rowid BETWEEN 4398046511104 AND 5497558138879;
CREATE INDEX search_index_words_itinerary_items ON search_index USING gin (words gin_trgm_ops)
    WHERE rowid BETWEEN 6597069766656 AND 7696581394431;
CREATE INDEX search_index_words_interactions ON search_index USING gin (words gin_trgm_ops)
    WHERE rowid BETWEEN 7696581394432 AND 8796093022207;
CREATE INDEX search_index_words_leads ON search_index USING gin (words gin_trgm_ops)
    WHERE rowid BETWEEN 8796093022208 AND 9895604649983;
CREATE INDEX search_index_words_opportunities ON search_index USING gin (words gin_trgm_ops)
    WHERE rowid BETWEEN 9895604649984 AND 10995116277759;
