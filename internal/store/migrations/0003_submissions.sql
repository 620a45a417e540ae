-- 0003: monthly submissions received by Bagian Perekonomian, so that the
-- submission calendar remembers which months arrived and when, and a month
-- sent again can be compared with the earlier file.

CREATE TABLE received_submission (
    id               INTEGER PRIMARY KEY,
    agency_code      TEXT NOT NULL,
    period           TEXT NOT NULL,            -- YYYY-MM, the reporting month
    program_year     INTEGER NOT NULL,
    file_name        TEXT NOT NULL,
    file_sha256      TEXT NOT NULL,            -- of the whole file
    data_sha256      TEXT NOT NULL,            -- the checksum of its Meta sheet
    generated_at     TEXT NOT NULL,            -- RFC 3339, when the agency exported it
    received_at      TEXT NOT NULL,            -- RFC 3339 UTC, when it was first recorded here
    meta             TEXT NOT NULL,            -- the Meta sheet as JSON (row counts, totals, app version)
    rows_peserta     INTEGER NOT NULL,
    rows_fasilitator INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX received_submission_file ON received_submission (file_sha256);
CREATE INDEX received_submission_month ON received_submission (program_year, agency_code, period);

-- The key fields of each Peserta row of a received submission: enough to
-- count people and to list rows added, removed and changed when a month is
-- sent again. row_hash covers the whole row.
CREATE TABLE received_row (
    submission_id INTEGER NOT NULL REFERENCES received_submission(id) ON DELETE CASCADE,
    seq           INTEGER NOT NULL,             -- row order in the sheet, from 1
    nik           TEXT NOT NULL,
    name          TEXT NOT NULL,
    kecamatan     TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL,
    batch         TEXT NOT NULL DEFAULT '',
    completed_on  TEXT NOT NULL DEFAULT '',
    row_hash      TEXT NOT NULL,
    PRIMARY KEY (submission_id, seq)
) STRICT, WITHOUT ROWID;
CREATE INDEX received_row_nik ON received_row (nik);
