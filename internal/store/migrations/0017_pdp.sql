-- 0017: personal data protection (UU 27/2022, issue 24). The copy log:
-- every copy of personal data that leaves the PC (a submission workbook,
-- a handover package, a backup) with what it held, so that a person's
-- report names the copies that carried their NIK and a breach letter names
-- the people a lost copy exposed. Erasures (the berita acara's facts) and
-- the breach log.

CREATE TABLE copy_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,                 -- RFC 3339 UTC
    actor      TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('export', 'handover', 'backup', 'report')),
    path       TEXT NOT NULL,                 -- where it was written
    encrypted  INTEGER NOT NULL CHECK (encrypted IN (0, 1)),
    lock       TEXT NOT NULL DEFAULT '',      -- passphrase / office / recipient / '' (plain)
    everyone   INTEGER NOT NULL DEFAULT 0,    -- 1: the whole register as of at (a backup)
    people     INTEGER NOT NULL DEFAULT 0,    -- how many NIKs it held
    note       TEXT NOT NULL DEFAULT ''       -- e.g. "Laporan 2026-03", "Serah terima ke 1.2"
) STRICT;
CREATE INDEX copy_log_at ON copy_log (at);

-- The NIKs of a copy that holds some people (not everyone).
CREATE TABLE copy_nik (
    copy_id INTEGER NOT NULL REFERENCES copy_log(id),
    nik     TEXT NOT NULL,
    PRIMARY KEY (copy_id, nik)
) STRICT, WITHOUT ROWID;
CREATE INDEX copy_nik_nik ON copy_nik (nik);

-- An erasure: the trainee record kept as a pseudonymous counted record
-- (sex, kecamatan, desa, KBLI, enrolments), its personal fields emptied.
CREATE TABLE erasure (
    id          INTEGER PRIMARY KEY,
    trainee_id  INTEGER NOT NULL REFERENCES trainee(id),
    pseudonym   TEXT NOT NULL,                -- what the NIK column now holds
    ground      TEXT NOT NULL CHECK (ground IN ('request', 'retention')),
    reason      TEXT NOT NULL,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    enrolments  INTEGER NOT NULL,             -- counted records kept
    letter      TEXT NOT NULL DEFAULT ''      -- number of the berita acara
) STRICT;
CREATE UNIQUE INDEX erasure_trainee ON erasure (trainee_id);

CREATE TABLE breach (
    id           INTEGER PRIMARY KEY,
    found_on     TEXT NOT NULL,               -- YYYY-MM-DD
    what         TEXT NOT NULL,               -- what was lost or leaked
    copy_id      INTEGER REFERENCES copy_log(id),
    measures     TEXT NOT NULL DEFAULT '',
    notified_on  TEXT NOT NULL DEFAULT '',    -- YYYY-MM-DD, the authority
    at           TEXT NOT NULL,
    actor        TEXT NOT NULL
) STRICT;
