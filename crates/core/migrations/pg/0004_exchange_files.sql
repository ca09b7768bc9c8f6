-- What a store file keeps beside it for the exchange, a team store keeps here (it has no folder):
-- the office's private key, and the PDF and pictures of each received bundle. PostgreSQL only: a
-- store file keeps these as files, as ever.
--
-- The office's one private key (the text of an `.office-key` file), so every manager's app signs
-- with the same key and other offices see one fingerprint. Made on first use and never replaced:
-- nobody may UPDATE or DELETE it. Only managers may read it (signing is theirs); officers and
-- read-only roles get no grant, and a later migration must not give one with a blanket
-- `GRANT ... ON ALL TABLES`.
CREATE TABLE office_private_key (
    id       BIGINT PRIMARY KEY CHECK (id = 1),
    key_file TEXT COLLATE "C" NOT NULL,
    made_at  TEXT COLLATE "C" NOT NULL
);
REVOKE ALL ON office_private_key FROM PUBLIC;
GRANT SELECT, INSERT ON office_private_key TO planner_manager;

-- Each received bundle's PDF and pictures, named by their SHA-256 and an extension from their
-- media type (never a name from the bundle), kept with the bundle's row and gone with it.
CREATE TABLE received_files (
    received_id BIGINT NOT NULL REFERENCES received_bundles(id) ON DELETE CASCADE,
    name        TEXT COLLATE "C" NOT NULL,
    sha256      TEXT COLLATE "C" NOT NULL,
    bytes       BYTEA NOT NULL,
    PRIMARY KEY (received_id, name)
);
REVOKE ALL ON received_files FROM PUBLIC;
-- Whoever reads the Inbox reads its files; an officer who imports a bundle writes them.
GRANT SELECT ON received_files TO planner_readonly;
GRANT INSERT ON received_files TO planner_officer;
GRANT SELECT, INSERT, UPDATE, DELETE ON received_files TO planner_manager;
