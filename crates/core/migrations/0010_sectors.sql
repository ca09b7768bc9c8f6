-- Sectors an officer adds in Settings, beside the app's own (crates/core/src/labels/sectors.rs).
-- Records hold only known sector tags from now on: the free-text values older versions stored
-- are mapped to a tag where they match one (store/sectors.rs, run right after this file), and
-- the others are kept as added sectors marked from_free_text, for the officer to review.
CREATE TABLE sectors (
    tag            TEXT PRIMARY KEY,
    name_vi        TEXT NOT NULL,
    name_en        TEXT NOT NULL,
    from_free_text INTEGER NOT NULL DEFAULT 0 CHECK (from_free_text IN (0, 1)),
    created_at     TEXT NOT NULL
) WITHOUT ROWID;
