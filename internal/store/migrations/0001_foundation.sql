-- 0001: agencies and their history, office settings, trainees (people),
-- batches, enrolments, the audit log and the trigram search index.

CREATE TABLE agency (
    code       TEXT PRIMARY KEY,
    sort_order INTEGER NOT NULL,
    first_year INTEGER NOT NULL,
    last_year  INTEGER                -- NULL while the agency runs the program
) STRICT;

-- An agency's name from valid_from until the next name of that agency.
CREATE TABLE agency_name (
    agency_code TEXT NOT NULL REFERENCES agency(code),
    valid_from  TEXT NOT NULL,        -- YYYY-MM-DD
    short_name  TEXT NOT NULL,
    full_name   TEXT NOT NULL,
    PRIMARY KEY (agency_code, valid_from)
) STRICT;

INSERT INTO agency (code, sort_order, first_year, last_year) VALUES
    ('DPMPTSP',     1, 2020, 2022),
    ('DISKOPUKM',   2, 2020, NULL),
    ('DISPERINDAG', 3, 2020, NULL),
    ('DISPORAPAR',  4, 2020, NULL),
    ('DKPP',        5, 2020, NULL),
    ('DKP',         6, 2020, NULL),
    ('DP3AP2KB',    7, 2020, NULL);

INSERT INTO agency_name (agency_code, valid_from, short_name, full_name) VALUES
    ('DPMPTSP',     '2020-01-01', 'DPMPTSP', 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu'),
    ('DISKOPUKM',   '2020-01-01', 'Diskop UKM', 'Dinas Koperasi dan Usaha Mikro'),
    ('DISKOPUKM',   '2023-01-03', 'Diskop UKM dan Naker', 'Dinas Koperasi, Usaha Mikro dan Tenaga Kerja'),
    ('DISPERINDAG', '2020-01-01', 'Disperindag', 'Dinas Perindustrian dan Perdagangan'),
    ('DISPORAPAR',  '2020-01-01', 'Disporapar', 'Dinas Kepemudaan, Olahraga dan Pariwisata'),
    ('DKPP',        '2020-01-01', 'DKPP', 'Dinas Ketahanan Pangan dan Pertanian'),
    ('DKP',         '2020-01-01', 'DKP', 'Dinas Kelautan dan Perikanan'),
    ('DP3AP2KB',    '2020-01-01', 'DP3AP2KB', 'Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana');

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- One row per person. nik is unique among live rows (deleted_at IS NULL);
-- a deleted row keeps its NIK so that it can be restored.
CREATE TABLE trainee (
    id            INTEGER PRIMARY KEY,
    nik           TEXT NOT NULL,
    kk            TEXT NOT NULL DEFAULT '',
    name          TEXT NOT NULL,
    sex           TEXT NOT NULL CHECK (sex IN ('L', 'P')),
    birth_place   TEXT NOT NULL DEFAULT '',
    birth_date    TEXT NOT NULL DEFAULT '',
    address       TEXT NOT NULL DEFAULT '',
    rt_rw         TEXT NOT NULL DEFAULT '',
    desa_code     TEXT NOT NULL DEFAULT '',
    kec_code      TEXT NOT NULL DEFAULT '',
    desa_name     TEXT NOT NULL DEFAULT '',   -- from the reference data, for sorting
    kec_name      TEXT NOT NULL DEFAULT '',
    phone         TEXT NOT NULL DEFAULT '',
    education     TEXT NOT NULL DEFAULT '',
    kbli          TEXT NOT NULL DEFAULT '',
    business_name TEXT NOT NULL DEFAULT '',
    notes         TEXT NOT NULL DEFAULT '',
    source        TEXT NOT NULL DEFAULT '',   -- "file.xlsx / Sheet1 / 12" for imported rows
    search        TEXT NOT NULL DEFAULT '',   -- name, NIK and desa for the trigram index
    -- the latest live enrolment, kept up to date by the store for the list
    cur_agency    TEXT NOT NULL DEFAULT '',
    cur_year      INTEGER NOT NULL DEFAULT 0,
    cur_status    TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT
) STRICT;

CREATE UNIQUE INDEX trainee_nik_live ON trainee (nik) WHERE deleted_at IS NULL;
CREATE INDEX trainee_nik ON trainee (nik);
CREATE INDEX trainee_by_name ON trainee (name COLLATE NOCASE, id) WHERE deleted_at IS NULL;
CREATE INDEX trainee_by_desa ON trainee (desa_name COLLATE NOCASE, id) WHERE deleted_at IS NULL;
CREATE INDEX trainee_by_kec ON trainee (kec_name COLLATE NOCASE, id) WHERE deleted_at IS NULL;
CREATE INDEX trainee_by_year ON trainee (cur_year, id) WHERE deleted_at IS NULL;
CREATE INDEX trainee_by_agency ON trainee (cur_agency, id) WHERE deleted_at IS NULL;
CREATE INDEX trainee_by_kec_code ON trainee (kec_code) WHERE deleted_at IS NULL;
CREATE INDEX trainee_deleted ON trainee (deleted_at) WHERE deleted_at IS NOT NULL;

CREATE VIRTUAL TABLE trainee_fts USING fts5 (
    search, content = 'trainee', content_rowid = 'id', tokenize = 'trigram'
);
CREATE TRIGGER trainee_fts_ai AFTER INSERT ON trainee BEGIN
    INSERT INTO trainee_fts (rowid, search) VALUES (new.id, new.search);
END;
CREATE TRIGGER trainee_fts_ad AFTER DELETE ON trainee BEGIN
    INSERT INTO trainee_fts (trainee_fts, rowid, search) VALUES ('delete', old.id, old.search);
END;
CREATE TRIGGER trainee_fts_au AFTER UPDATE OF search ON trainee BEGIN
    INSERT INTO trainee_fts (trainee_fts, rowid, search) VALUES ('delete', old.id, old.search);
    INSERT INTO trainee_fts (rowid, search) VALUES (new.id, new.search);
END;

-- A training batch (angkatan).
CREATE TABLE batch (
    id            INTEGER PRIMARY KEY,
    agency_code   TEXT NOT NULL REFERENCES agency(code),
    year          INTEGER NOT NULL,
    name          TEXT NOT NULL,
    training_type TEXT NOT NULL DEFAULT '',
    start_date    TEXT NOT NULL DEFAULT '',
    end_date      TEXT NOT NULL DEFAULT '',
    desa_code     TEXT NOT NULL DEFAULT '',
    kec_code      TEXT NOT NULL DEFAULT '',
    notes         TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT
) STRICT;
CREATE UNIQUE INDEX batch_name_live ON batch (agency_code, year, name) WHERE deleted_at IS NULL;

-- A person's participation with one agency in one program year.
CREATE TABLE enrolment (
    id           INTEGER PRIMARY KEY,
    trainee_id   INTEGER NOT NULL REFERENCES trainee(id),
    agency_code  TEXT NOT NULL REFERENCES agency(code),
    year         INTEGER NOT NULL,
    batch_id     INTEGER REFERENCES batch(id),
    status       TEXT NOT NULL CHECK (status IN ('registered', 'trained', 'dropped')),
    enrolled_on  TEXT NOT NULL DEFAULT '',
    completed_on TEXT NOT NULL DEFAULT '',
    source       TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT
) STRICT;
CREATE UNIQUE INDEX enrolment_live ON enrolment (trainee_id, agency_code, year) WHERE deleted_at IS NULL;
CREATE INDEX enrolment_trainee ON enrolment (trainee_id);
CREATE INDEX enrolment_agency_year ON enrolment (agency_code, year, status) WHERE deleted_at IS NULL;
CREATE INDEX enrolment_batch ON enrolment (batch_id) WHERE batch_id IS NOT NULL;

-- Every insert, update, delete and restore: who, when, which record, the
-- values before and after (JSON). Personal data stays inside the database.
CREATE TABLE audit (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    action    TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'restore')),
    old       TEXT,
    new       TEXT
) STRICT;
CREATE INDEX audit_entity ON audit (entity, entity_id);
CREATE INDEX audit_at ON audit (at);
