-- 0006: people who sign in (optional; off until an admin turns it on), their
-- roles, the pause after repeated failed sign-ins, and the audit log by user.

CREATE TABLE app_user (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL COLLATE NOCASE,  -- sign-in name, stored in lower case
    full_name    TEXT NOT NULL DEFAULT '',
    role         TEXT NOT NULL CHECK (role IN ('operator', 'kepala', 'admin')),
    pw_hash      TEXT NOT NULL,                 -- argon2id in the PHC string format
    active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    failed       INTEGER NOT NULL DEFAULT 0,    -- failed sign-ins since the last good one
    paused_until TEXT NOT NULL DEFAULT '',      -- RFC 3339 UTC; no attempt is checked before it
    last_login   TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX app_user_name ON app_user (name);

-- The Audit screen filters by user and date.
CREATE INDEX audit_actor ON audit (actor, at);
