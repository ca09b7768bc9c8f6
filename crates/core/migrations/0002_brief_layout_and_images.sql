-- Briefs remember their bilingual layout and paper so that they can be regenerated identically;
-- opportunities get pictures (resized on the way in, kept in the store so that exchanged files
-- and backups are self-contained).

ALTER TABLE briefs ADD COLUMN layout TEXT NOT NULL DEFAULT 'side_by_side'
    CHECK (layout IN ('side_by_side', 'sequential'));
ALTER TABLE briefs ADD COLUMN paper TEXT NOT NULL DEFAULT 'a4' CHECK (paper IN ('a4', 'letter'));

CREATE TABLE opportunity_images (
    id             INTEGER PRIMARY KEY,
    uuid           TEXT NOT NULL UNIQUE,
    created_at     TEXT NOT NULL,
    opportunity_id INTEGER NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    caption        TEXT,
    mime           TEXT NOT NULL CHECK (mime IN ('image/png', 'image/jpeg')),
    width          INTEGER NOT NULL,
    height         INTEGER NOT NULL,
    sha256         TEXT NOT NULL,
    bytes          BLOB NOT NULL
) STRICT;
CREATE INDEX opportunity_images_opportunity ON opportunity_images(opportunity_id, position);
