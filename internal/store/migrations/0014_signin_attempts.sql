-- 0014: failed sign-ins under names that are no user, counted and paused
-- exactly like a user's (app_user.failed / paused_until), so that the
-- answer and the delay do not tell which names exist (issue 25).

CREATE TABLE signin_attempt (
    name         TEXT PRIMARY KEY,           -- as typed, normalised (lower case, trimmed)
    failed       INTEGER NOT NULL DEFAULT 0,
    paused_until TEXT NOT NULL DEFAULT ''    -- RFC 3339 UTC
) STRICT;
