-- Full-text search over organisations, contacts, interactions, leads, delegations, itinerary
-- items and opportunities. The indexed columns hold FOLDED text (lower case, accents removed,
-- đ → d: FTS5's remove_diacritics cannot fold đ, which has no decomposition); queries are
-- folded the same way. rowid = kind number × 2^40 + record id, so one record's row is found
-- without scanning. The index is derived data: the store fills it (and rebuilds it when the
-- folding rules change, see `search_index_version` in settings).
CREATE VIRTUAL TABLE search_index USING fts5(
    title,
    body,
    label UNINDEXED,
    detail UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);
