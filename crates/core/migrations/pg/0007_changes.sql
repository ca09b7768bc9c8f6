-- The team database's own identity: a uuid made once, when the schema is made (or this build
-- first migrates an older one), and never changed. A pulled copy records it, so that its
-- changes are pushed back only to the database it was pulled from (`team push --changes`),
-- whatever URL (host name, address, login) reaches that database on the day.
CREATE TABLE team_identity (
    id      BIGINT PRIMARY KEY CHECK (id = 1),
    uuid    TEXT COLLATE "C" NOT NULL UNIQUE,
    made_at TEXT COLLATE "C" NOT NULL
);
INSERT INTO team_identity (id, uuid, made_at)
VALUES (1, gen_random_uuid()::text, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));
-- Everyone who reads the store may read it (a read-only officer may pull); nobody changes it.
REVOKE ALL ON team_identity FROM PUBLIC;
GRANT SELECT ON team_identity TO planner_readonly;
