-- Names sort in the Vietnamese alphabet (a ă â b c d đ e ê g … o ô ơ … u ư v x y; tones after
-- letters; case ignored) through the `vi` collation that the store registers on every connection
-- (`text::vi_cmp`). Binary order put every name starting with Đ, Â, Ô, Ư… after Z. The indexes
-- the lists sort by follow the same collation; the date indexes stay binary.
DROP INDEX contacts_full_name;
CREATE INDEX contacts_full_name ON contacts(full_name COLLATE vi);
DROP INDEX organizations_name_vi;
CREATE INDEX organizations_name_vi ON organizations(name_vi COLLATE vi);
