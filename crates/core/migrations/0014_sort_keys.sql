-- A store that standard tools can open, check and write (issue 15, item 7). Until now the name
-- indexes used the `vi` collation that only this program registers, so `sqlite3`, DB Browser
-- or Python could neither run `integrity_check` nor write contacts and organisations ("no such
-- collation sequence: vi"). Vietnamese order now comes from sort keys computed in the core
-- (`text::vi_sort_key`: bytes whose plain order is the Vietnamese alphabet's), kept beside each
-- text lists sort by (`Entity::SORT_KEYS`) and indexed with SQLite's own BINARY collation.
-- A row another tool writes gets a NULL key: `planner doctor` reports it, `--repair` fills it.
--
-- The keys of the rows already stored come from `vi_sort_key()`, the same Rust function that
-- every connection of ours registers (store::prepare_connection); nothing in the schema names
-- it, nor any collation of ours. The name indexes are dropped before the keys are written and
-- made again after (one sort instead of an index update per row). An index on the key alone
-- is in (key, id) order already: SQLite appends the rowid, the id, to every index entry.
DROP INDEX contacts_full_name;
DROP INDEX organizations_name_vi;

ALTER TABLE contacts ADD COLUMN full_name_key BLOB;
UPDATE contacts SET full_name_key = vi_sort_key(full_name);
CREATE INDEX contacts_full_name_key ON contacts(full_name_key);

ALTER TABLE organizations ADD COLUMN name_vi_key BLOB;
ALTER TABLE organizations ADD COLUMN name_en_key BLOB;
UPDATE organizations SET name_vi_key = vi_sort_key(name_vi), name_en_key = vi_sort_key(name_en);
CREATE INDEX organizations_name_vi_key ON organizations(name_vi_key);

ALTER TABLE counsellors ADD COLUMN full_name_key BLOB;
UPDATE counsellors SET full_name_key = vi_sort_key(full_name);

ALTER TABLE trade_offices ADD COLUMN name_vi_key BLOB;
ALTER TABLE trade_offices ADD COLUMN name_en_key BLOB;
UPDATE trade_offices SET name_vi_key = vi_sort_key(name_vi), name_en_key = vi_sort_key(name_en);

ALTER TABLE delegations ADD COLUMN title_key BLOB;
UPDATE delegations SET title_key = vi_sort_key(title);

ALTER TABLE opportunities ADD COLUMN name_vi_key BLOB;
ALTER TABLE opportunities ADD COLUMN name_en_key BLOB;
UPDATE opportunities SET name_vi_key = vi_sort_key(name_vi), name_en_key = vi_sort_key(name_en);
