-- 0012: official documents as PDF (docs/DOCUMENTS.md). The office's
-- letterhead (kop surat) beyond its agency name, and its register of
-- outgoing letter numbers.

-- One row: set in Pengaturan. The emblem is the image file the office
-- chose (PNG or JPEG), kept in the database so every document and every
-- copy of the database prints the same kop.
CREATE TABLE letterhead (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    address        TEXT NOT NULL DEFAULT '',
    phone          TEXT NOT NULL DEFAULT '',
    email          TEXT NOT NULL DEFAULT '',
    website        TEXT NOT NULL DEFAULT '',
    head_rank      TEXT NOT NULL DEFAULT '',  -- pangkat/golongan of the head, printed under the name
    classification TEXT NOT NULL DEFAULT '',  -- kode klasifikasi that starts the letter numbers
    emblem         BLOB,                      -- NULL when none was chosen
    emblem_name    TEXT NOT NULL DEFAULT '',
    updated_at     TEXT NOT NULL              -- RFC 3339 UTC
) STRICT;

-- Letter numbers: one sequence per agency and year. A number is never
-- deleted or given again (no soft delete either: a number once printed
-- stays in the register). The agency code is part of the number, so two
-- offices, or a database that receives another office's program, cannot
-- write the same number. Asking again for the same document (kind, key)
-- returns its number.
CREATE TABLE letter_number (
    id             INTEGER PRIMARY KEY,
    agency_code    TEXT NOT NULL REFERENCES agency (code),
    year           INTEGER NOT NULL,
    seq            INTEGER NOT NULL CHECK (seq > 0),
    number         TEXT NOT NULL,
    classification TEXT NOT NULL,
    kind           TEXT NOT NULL,             -- handover, cover-letter, contract-round, certificate, person-report
    doc_key        TEXT NOT NULL,
    subject        TEXT NOT NULL,
    letter_date    TEXT NOT NULL,             -- YYYY-MM-DD
    issued_at      TEXT NOT NULL,             -- RFC 3339 UTC
    issued_by      TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX letter_number_seq ON letter_number (agency_code, year, seq);
CREATE UNIQUE INDEX letter_number_number ON letter_number (number);
CREATE UNIQUE INDEX letter_number_doc ON letter_number (agency_code, kind, doc_key);

CREATE TRIGGER letter_number_keep_update BEFORE UPDATE ON letter_number
BEGIN SELECT RAISE(ABORT, 'letter numbers are never changed'); END;
CREATE TRIGGER letter_number_keep_delete BEFORE DELETE ON letter_number
BEGIN SELECT RAISE(ABORT, 'letter numbers are never deleted'); END;
