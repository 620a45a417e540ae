-- 0010: likely duplicates (one person, two NIKs). Pairs a clerk said are
-- not one person, merges with both records whole so they can be undone,
-- and an index on the birth date for the check while a person is typed.

-- A pair the clerk marked "bukan orang yang sama": never shown again.
-- a_id < b_id.
CREATE TABLE dup_dismissed (
    a_id   INTEGER NOT NULL REFERENCES trainee(id),
    b_id   INTEGER NOT NULL REFERENCES trainee(id),
    reason TEXT NOT NULL DEFAULT '',
    at     TEXT NOT NULL,
    actor  TEXT NOT NULL,
    PRIMARY KEY (a_id, b_id),
    CHECK (a_id < b_id)
) STRICT, WITHOUT ROWID;

-- A merge: dropped_id was found to be kept_id. The records before the
-- merge (JSON, whole, with enrolments), the enrolments and other rows that
-- moved, and the enrolments deleted because both had one with the same
-- agency and year. undone_at is set when the merge is undone.
CREATE TABLE trainee_merge (
    id          INTEGER PRIMARY KEY,
    kept_id     INTEGER NOT NULL REFERENCES trainee(id),
    dropped_id  INTEGER NOT NULL REFERENCES trainee(id),
    reason      TEXT NOT NULL DEFAULT '',
    detail      TEXT NOT NULL,            -- JSON: see store/dupes_merge.go mergeDetail
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    undone_at   TEXT,
    undone_by   TEXT
) STRICT;
CREATE INDEX trainee_merge_kept ON trainee_merge (kept_id);
CREATE INDEX trainee_merge_dropped ON trainee_merge (dropped_id);

CREATE INDEX trainee_by_birth ON trainee (birth_date) WHERE deleted_at IS NULL AND birth_date != '';
