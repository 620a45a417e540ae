-- 0004: facilitators (fasilitator / pendamping), their yearly contracts,
-- monthly activity reports, batch facilitators, batch membership history,
-- mentoring visits and the yearly contract decisions.

-- One row per person; nik is unique among live rows, like trainee.
CREATE TABLE facilitator (
    id            INTEGER PRIMARY KEY,
    nik           TEXT NOT NULL,
    name          TEXT NOT NULL,
    sex           TEXT NOT NULL CHECK (sex IN ('L', 'P')),
    birth_date    TEXT NOT NULL DEFAULT '',
    address       TEXT NOT NULL DEFAULT '',
    desa_code     TEXT NOT NULL DEFAULT '',
    kec_code      TEXT NOT NULL DEFAULT '',
    phone         TEXT NOT NULL DEFAULT '',
    education     TEXT NOT NULL DEFAULT '',
    expertise     TEXT NOT NULL DEFAULT '',
    role          TEXT NOT NULL DEFAULT 'fasilitator' CHECK (role IN ('fasilitator', 'koordinator')),
    status        TEXT NOT NULL DEFAULT 'aktif' CHECK (status IN ('aktif', 'berhenti', 'diganti')),
    status_date   TEXT NOT NULL DEFAULT '',
    status_reason TEXT NOT NULL DEFAULT '',
    notes         TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT
) STRICT;
CREATE UNIQUE INDEX facilitator_nik_live ON facilitator (nik) WHERE deleted_at IS NULL;
CREATE INDEX facilitator_by_name ON facilitator (name COLLATE NOCASE, id);

-- Every status a facilitator had, with the day it began and why.
CREATE TABLE facilitator_status (
    id             INTEGER PRIMARY KEY,
    facilitator_id INTEGER NOT NULL REFERENCES facilitator(id),
    status         TEXT NOT NULL CHECK (status IN ('aktif', 'berhenti', 'diganti')),
    status_date    TEXT NOT NULL DEFAULT '',
    reason         TEXT NOT NULL DEFAULT '',
    recorded_at    TEXT NOT NULL,
    recorded_by    TEXT NOT NULL
) STRICT;
CREATE INDEX facilitator_status_by_fac ON facilitator_status (facilitator_id, id);

-- A yearly contract (SPK) with one agency. Contracts of one facilitator with
-- one agency in one year may not share a day.
CREATE TABLE contract (
    id                INTEGER PRIMARY KEY,
    facilitator_id    INTEGER NOT NULL REFERENCES facilitator(id),
    year              INTEGER NOT NULL,
    agency_code       TEXT NOT NULL REFERENCES agency(code),
    spk_number        TEXT NOT NULL DEFAULT '',
    assignment_number TEXT NOT NULL DEFAULT '',
    start_date        TEXT NOT NULL,
    end_date          TEXT NOT NULL,
    kec_code          TEXT NOT NULL DEFAULT '',
    honorarium        INTEGER NOT NULL DEFAULT 0 CHECK (honorarium >= 0),
    target_trainees   INTEGER NOT NULL DEFAULT 0 CHECK (target_trainees >= 0),
    renewed_from      INTEGER REFERENCES contract(id),
    notes             TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    deleted_at        TEXT,
    CHECK (end_date >= start_date)
) STRICT;
CREATE INDEX contract_by_fac ON contract (facilitator_id, year);
CREATE INDEX contract_by_agency_year ON contract (agency_code, year) WHERE deleted_at IS NULL;

-- The store refuses overlaps with a message naming the other contract;
-- these triggers keep any other writer from storing one.
CREATE TRIGGER contract_no_overlap_insert BEFORE INSERT ON contract
WHEN NEW.deleted_at IS NULL AND EXISTS (
    SELECT 1 FROM contract c WHERE c.facilitator_id = NEW.facilitator_id AND c.agency_code = NEW.agency_code
      AND c.year = NEW.year AND c.deleted_at IS NULL AND c.start_date <= NEW.end_date AND NEW.start_date <= c.end_date)
BEGIN
    SELECT RAISE(ABORT, 'Kontrak bertabrakan dengan kontrak lain fasilitator ini pada dinas dan tahun yang sama.');
END;
CREATE TRIGGER contract_no_overlap_update BEFORE UPDATE ON contract
WHEN NEW.deleted_at IS NULL AND EXISTS (
    SELECT 1 FROM contract c WHERE c.id != NEW.id AND c.facilitator_id = NEW.facilitator_id
      AND c.agency_code = NEW.agency_code AND c.year = NEW.year AND c.deleted_at IS NULL
      AND c.start_date <= NEW.end_date AND NEW.start_date <= c.end_date)
BEGIN
    SELECT RAISE(ABORT, 'Kontrak bertabrakan dengan kontrak lain fasilitator ini pada dinas dan tahun yang sama.');
END;

-- The monthly activity report; the honorarium is commonly paid after it.
CREATE TABLE activity_report (
    id               INTEGER PRIMARY KEY,
    facilitator_id   INTEGER NOT NULL REFERENCES facilitator(id),
    month            TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
    activities       TEXT NOT NULL DEFAULT '',
    trainees_visited INTEGER NOT NULL DEFAULT 0 CHECK (trainees_visited >= 0),
    submitted_on     TEXT NOT NULL,
    notes            TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    deleted_at       TEXT
) STRICT;
CREATE UNIQUE INDEX activity_report_live ON activity_report (facilitator_id, month) WHERE deleted_at IS NULL;
CREATE INDEX activity_report_by_month ON activity_report (month) WHERE deleted_at IS NULL;

-- Who ran a batch.
CREATE TABLE batch_facilitator (
    batch_id       INTEGER NOT NULL REFERENCES batch(id),
    facilitator_id INTEGER NOT NULL REFERENCES facilitator(id),
    created_at     TEXT NOT NULL,
    PRIMARY KEY (batch_id, facilitator_id)
) STRICT;
CREATE INDEX batch_facilitator_by_fac ON batch_facilitator (facilitator_id);

-- Every time an enrolment was put into, moved between or taken out of a
-- batch: enrolment.batch_id holds only the present.
CREATE TABLE enrolment_batch_history (
    id            INTEGER PRIMARY KEY,
    enrolment_id  INTEGER NOT NULL REFERENCES enrolment(id),
    trainee_id    INTEGER NOT NULL REFERENCES trainee(id),
    action        TEXT NOT NULL CHECK (action IN ('enrol', 'move', 'remove')),
    from_batch_id INTEGER REFERENCES batch(id),
    to_batch_id   INTEGER REFERENCES batch(id),
    on_date       TEXT NOT NULL DEFAULT '',
    reason        TEXT NOT NULL DEFAULT '',
    at            TEXT NOT NULL,
    actor         TEXT NOT NULL
) STRICT;
CREATE INDEX enrolment_batch_history_from ON enrolment_batch_history (from_batch_id) WHERE from_batch_id IS NOT NULL;
CREATE INDEX enrolment_batch_history_to ON enrolment_batch_history (to_batch_id) WHERE to_batch_id IS NOT NULL;
CREATE INDEX enrolment_batch_history_trainee ON enrolment_batch_history (trainee_id);

-- A mentoring visit (pendampingan) and the trainee's business after it.
CREATE TABLE mentoring (
    id             INTEGER PRIMARY KEY,
    visit_date     TEXT NOT NULL,
    trainee_id     INTEGER NOT NULL REFERENCES trainee(id),
    facilitator_id INTEGER NOT NULL REFERENCES facilitator(id),
    notes          TEXT NOT NULL DEFAULT '',
    business_state TEXT NOT NULL CHECK (business_state IN ('not_started', 'running', 'stopped')),
    photo_path     TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted_at     TEXT
) STRICT;
CREATE INDEX mentoring_by_fac ON mentoring (facilitator_id, visit_date) WHERE deleted_at IS NULL;
CREATE INDEX mentoring_by_trainee ON mentoring (trainee_id, visit_date) WHERE deleted_at IS NULL;

-- The head's decisions in the yearly contract round. Rows are only added:
-- the latest row of a facilitator, agency and year is the decision in force.
CREATE TABLE contract_decision (
    id             INTEGER PRIMARY KEY,
    facilitator_id INTEGER NOT NULL REFERENCES facilitator(id),
    agency_code    TEXT NOT NULL REFERENCES agency(code),
    for_year       INTEGER NOT NULL,
    decision       TEXT NOT NULL CHECK (decision IN ('undecided', 'renew', 'not_renew')),
    note           TEXT NOT NULL DEFAULT '',
    decided_by     TEXT NOT NULL,
    decided_at     TEXT NOT NULL
) STRICT;
CREATE INDEX contract_decision_round ON contract_decision (agency_code, for_year, facilitator_id, id);
