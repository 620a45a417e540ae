-- 0005: the program target, quotas per agency and year, opening balances,
-- and the dashboard's aggregates, kept up to date by triggers in the same
-- transaction as every change, so that each dashboard figure is read from a
-- few thousand rows instead of counting a million enrolments.

-- One row: the program's promise and its period (program years), and the
-- months over which a year's quota is expected to be reached evenly.
CREATE TABLE program_target (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    target     INTEGER NOT NULL CHECK (target > 0),
    start_year INTEGER NOT NULL,
    end_year   INTEGER NOT NULL CHECK (end_year >= start_year),
    train_from INTEGER NOT NULL DEFAULT 1 CHECK (train_from BETWEEN 1 AND 12),
    train_to   INTEGER NOT NULL DEFAULT 12 CHECK (train_to BETWEEN train_from AND 12),
    updated_at TEXT NOT NULL
) STRICT;
INSERT INTO program_target (id, target, start_year, end_year, train_from, train_to, updated_at)
    VALUES (1, 10000, 2020, 2023, 1, 12, '');

CREATE TABLE quota (
    agency_code TEXT NOT NULL REFERENCES agency(code),
    year        INTEGER NOT NULL,
    quota       INTEGER NOT NULL CHECK (quota >= 0),
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (agency_code, year)
) STRICT;
CREATE INDEX quota_year ON quota (year);

-- Trained before records were kept in WUBDesk, with where the number comes from.
CREATE TABLE opening_balance (
    agency_code TEXT NOT NULL REFERENCES agency(code),
    year        INTEGER NOT NULL,
    count       INTEGER NOT NULL CHECK (count >= 0),
    note        TEXT NOT NULL DEFAULT '',
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (agency_code, year)
) STRICT;
CREATE INDEX opening_balance_year ON opening_balance (year);

-- The date an enrolment counts from (wub.Enrolment.CountDate) and the month
-- of its program year it counts in (wub.Enrolment.CountMonth).
ALTER TABLE enrolment ADD COLUMN count_date TEXT GENERATED ALWAYS AS (
    CASE WHEN completed_on != '' THEN completed_on
         WHEN enrolled_on != '' THEN enrolled_on
         ELSE printf('%04d-01-01', year) END) VIRTUAL;
ALTER TABLE enrolment ADD COLUMN count_month INTEGER GENERATED ALWAYS AS (
    CASE WHEN CAST(substr(count_date, 1, 4) AS INTEGER) < year THEN 1
         WHEN CAST(substr(count_date, 1, 4) AS INTEGER) > year THEN 12
         ELSE CAST(substr(count_date, 6, 2) AS INTEGER) END) VIRTUAL;

-- Live enrolments (enrolment and trainee not deleted) per agency, program
-- year, count month, status and the trainee's sex, kecamatan and KBLI.
-- Rows whose n fell to 0 may stay.
CREATE TABLE enrolment_tally (
    year        INTEGER NOT NULL,
    status      TEXT NOT NULL,
    agency_code TEXT NOT NULL,
    month       INTEGER NOT NULL,
    sex         TEXT NOT NULL,
    kec_code    TEXT NOT NULL,
    kbli        TEXT NOT NULL,
    n           INTEGER NOT NULL,
    PRIMARY KEY (year, status, agency_code, month, sex, kec_code, kbli)
) STRICT, WITHOUT ROWID;

-- Each live person's first completion: the live trained enrolment first by
-- program year, count date and id. A person counts once for the regency,
-- in this year and month.
CREATE TABLE person_first (
    trainee_id   INTEGER PRIMARY KEY,
    enrolment_id INTEGER NOT NULL,
    agency_code  TEXT NOT NULL,
    year         INTEGER NOT NULL,
    month        INTEGER NOT NULL,
    count_date   TEXT NOT NULL,
    sex          TEXT NOT NULL,
    kec_code     TEXT NOT NULL,
    kbli         TEXT NOT NULL
) STRICT;
CREATE INDEX person_first_year ON person_first (year, month);

CREATE TABLE person_tally (
    year     INTEGER NOT NULL,
    month    INTEGER NOT NULL,
    sex      TEXT NOT NULL,
    kec_code TEXT NOT NULL,
    kbli     TEXT NOT NULL,
    n        INTEGER NOT NULL,
    PRIMARY KEY (year, month, sex, kec_code, kbli)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER person_first_ai AFTER INSERT ON person_first BEGIN
    INSERT INTO person_tally (year, month, sex, kec_code, kbli, n)
        VALUES (new.year, new.month, new.sex, new.kec_code, new.kbli, 1)
        ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER person_first_ad AFTER DELETE ON person_first BEGIN
    UPDATE person_tally SET n = n - 1 WHERE year = old.year AND month = old.month AND sex = old.sex
        AND kec_code = old.kec_code AND kbli = old.kbli;
END;
CREATE TRIGGER person_first_au AFTER UPDATE ON person_first BEGIN
    UPDATE person_tally SET n = n - 1 WHERE year = old.year AND month = old.month AND sex = old.sex
        AND kec_code = old.kec_code AND kbli = old.kbli;
    INSERT INTO person_tally (year, month, sex, kec_code, kbli, n)
        VALUES (new.year, new.month, new.sex, new.kec_code, new.kbli, 1)
        ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- Enrolment changes: one row out of the tally with the old values, one in
-- with the new; liveness includes the trainee's.
CREATE TRIGGER enrolment_tally_ai AFTER INSERT ON enrolment WHEN new.deleted_at IS NULL BEGIN
    INSERT INTO enrolment_tally (year, status, agency_code, month, sex, kec_code, kbli, n)
        SELECT new.year, new.status, new.agency_code, new.count_month, t.sex, t.kec_code, t.kbli, 1
        FROM trainee t WHERE t.id = new.trainee_id AND t.deleted_at IS NULL
        ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER enrolment_tally_ad AFTER DELETE ON enrolment WHEN old.deleted_at IS NULL BEGIN
    UPDATE enrolment_tally SET n = n - 1
        WHERE year = old.year AND status = old.status AND agency_code = old.agency_code AND month = old.count_month
        AND (sex, kec_code, kbli) = (SELECT sex, kec_code, kbli FROM trainee WHERE id = old.trainee_id AND deleted_at IS NULL);
END;
CREATE TRIGGER enrolment_tally_au AFTER UPDATE OF trainee_id, agency_code, year, status, enrolled_on, completed_on, deleted_at
    ON enrolment WHEN old.trainee_id IS NOT new.trainee_id OR old.agency_code IS NOT new.agency_code
        OR old.year IS NOT new.year OR old.status IS NOT new.status OR old.count_month IS NOT new.count_month
        OR old.deleted_at IS NOT new.deleted_at BEGIN
    UPDATE enrolment_tally SET n = n - 1
        WHERE old.deleted_at IS NULL AND year = old.year AND status = old.status AND agency_code = old.agency_code
        AND month = old.count_month
        AND (sex, kec_code, kbli) = (SELECT sex, kec_code, kbli FROM trainee WHERE id = old.trainee_id AND deleted_at IS NULL);
    INSERT INTO enrolment_tally (year, status, agency_code, month, sex, kec_code, kbli, n)
        SELECT new.year, new.status, new.agency_code, new.count_month, t.sex, t.kec_code, t.kbli, 1
        FROM trainee t WHERE t.id = new.trainee_id AND t.deleted_at IS NULL AND new.deleted_at IS NULL
        ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- A person's first completion is looked for again whenever a trained
-- enrolment of theirs comes, goes or changes.
CREATE TRIGGER enrolment_person_ai AFTER INSERT ON enrolment
    WHEN new.status = 'trained' AND new.deleted_at IS NULL BEGIN
    -- Records only get added here: the new one is first if it sorts first.
    INSERT INTO person_first (trainee_id, enrolment_id, agency_code, year, month, count_date, sex, kec_code, kbli)
        SELECT new.trainee_id, new.id, new.agency_code, new.year, new.count_month, new.count_date, t.sex, t.kec_code, t.kbli
        FROM trainee t WHERE t.id = new.trainee_id AND t.deleted_at IS NULL
        ON CONFLICT (trainee_id) DO UPDATE SET enrolment_id = excluded.enrolment_id, agency_code = excluded.agency_code,
            year = excluded.year, month = excluded.month, count_date = excluded.count_date
        WHERE (excluded.year, excluded.count_date, excluded.enrolment_id)
            < (person_first.year, person_first.count_date, person_first.enrolment_id);
END;
CREATE TRIGGER enrolment_person_ad AFTER DELETE ON enrolment WHEN old.status = 'trained' BEGIN
    DELETE FROM person_first WHERE trainee_id = old.trainee_id;
    INSERT INTO person_first (trainee_id, enrolment_id, agency_code, year, month, count_date, sex, kec_code, kbli)
        SELECT e.trainee_id, e.id, e.agency_code, e.year, e.count_month, e.count_date, t.sex, t.kec_code, t.kbli
        FROM enrolment e JOIN trainee t ON t.id = e.trainee_id
        WHERE e.trainee_id = old.trainee_id AND e.status = 'trained' AND e.deleted_at IS NULL AND t.deleted_at IS NULL
        ORDER BY e.year, e.count_date, e.id LIMIT 1;
END;
CREATE TRIGGER enrolment_person_au AFTER UPDATE OF trainee_id, agency_code, year, status, enrolled_on, completed_on, deleted_at
    ON enrolment WHEN (old.status = 'trained' OR new.status = 'trained') AND (old.trainee_id IS NOT new.trainee_id
        OR old.agency_code IS NOT new.agency_code OR old.year IS NOT new.year OR old.status IS NOT new.status
        OR old.count_date IS NOT new.count_date OR old.deleted_at IS NOT new.deleted_at) BEGIN
    DELETE FROM person_first WHERE trainee_id IN (old.trainee_id, new.trainee_id);
    INSERT INTO person_first (trainee_id, enrolment_id, agency_code, year, month, count_date, sex, kec_code, kbli)
        SELECT e.trainee_id, e.id, e.agency_code, e.year, e.count_month, e.count_date, t.sex, t.kec_code, t.kbli
        FROM enrolment e JOIN trainee t ON t.id = e.trainee_id
        WHERE e.trainee_id = old.trainee_id AND e.status = 'trained' AND e.deleted_at IS NULL AND t.deleted_at IS NULL
        ORDER BY e.year, e.count_date, e.id LIMIT 1;
    INSERT INTO person_first (trainee_id, enrolment_id, agency_code, year, month, count_date, sex, kec_code, kbli)
        SELECT e.trainee_id, e.id, e.agency_code, e.year, e.count_month, e.count_date, t.sex, t.kec_code, t.kbli
        FROM enrolment e JOIN trainee t ON t.id = e.trainee_id
        WHERE new.trainee_id IS NOT old.trainee_id
        AND e.trainee_id = new.trainee_id AND e.status = 'trained' AND e.deleted_at IS NULL AND t.deleted_at IS NULL
        ORDER BY e.year, e.count_date, e.id LIMIT 1;
END;

-- A trainee whose sex, kecamatan or KBLI changes, or who is deleted or
-- restored, moves all their live enrolments between tally rows.
CREATE TRIGGER trainee_tally_au AFTER UPDATE OF sex, kec_code, kbli, deleted_at ON trainee
    WHEN old.sex IS NOT new.sex OR old.kec_code IS NOT new.kec_code OR old.kbli IS NOT new.kbli
        OR (old.deleted_at IS NULL) != (new.deleted_at IS NULL) BEGIN
    UPDATE enrolment_tally SET n = n - (SELECT count(*) FROM enrolment e WHERE e.trainee_id = old.id
            AND e.deleted_at IS NULL AND e.year = enrolment_tally.year AND e.status = enrolment_tally.status
            AND e.agency_code = enrolment_tally.agency_code AND e.count_month = enrolment_tally.month)
        WHERE old.deleted_at IS NULL AND sex = old.sex AND kec_code = old.kec_code AND kbli = old.kbli
        AND (year, status, agency_code, month) IN (SELECT year, status, agency_code, count_month FROM enrolment
            WHERE trainee_id = old.id AND deleted_at IS NULL);
    INSERT INTO enrolment_tally (year, status, agency_code, month, sex, kec_code, kbli, n)
        SELECT e.year, e.status, e.agency_code, e.count_month, new.sex, new.kec_code, new.kbli, count(*)
        FROM enrolment e WHERE e.trainee_id = new.id AND e.deleted_at IS NULL AND new.deleted_at IS NULL
        GROUP BY e.year, e.status, e.agency_code, e.count_month
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    DELETE FROM person_first WHERE trainee_id = new.id;
    INSERT INTO person_first (trainee_id, enrolment_id, agency_code, year, month, count_date, sex, kec_code, kbli)
        SELECT e.trainee_id, e.id, e.agency_code, e.year, e.count_month, e.count_date, new.sex, new.kec_code, new.kbli
        FROM enrolment e
        WHERE e.trainee_id = new.id AND e.status = 'trained' AND e.deleted_at IS NULL AND new.deleted_at IS NULL
        ORDER BY e.year, e.count_date, e.id LIMIT 1;
END;
CREATE TRIGGER trainee_tally_ad AFTER DELETE ON trainee BEGIN
    UPDATE enrolment_tally SET n = n - (SELECT count(*) FROM enrolment e WHERE e.trainee_id = old.id
            AND e.deleted_at IS NULL AND e.year = enrolment_tally.year AND e.status = enrolment_tally.status
            AND e.agency_code = enrolment_tally.agency_code AND e.count_month = enrolment_tally.month)
        WHERE old.deleted_at IS NULL AND sex = old.sex AND kec_code = old.kec_code AND kbli = old.kbli
        AND (year, status, agency_code, month) IN (SELECT year, status, agency_code, count_month FROM enrolment
            WHERE trainee_id = old.id AND deleted_at IS NULL);
    DELETE FROM person_first WHERE trainee_id = old.id;
END;

-- Existing records: count them once (person_tally follows through the
-- person_first trigger).
INSERT INTO enrolment_tally (year, status, agency_code, month, sex, kec_code, kbli, n)
    SELECT e.year, e.status, e.agency_code, e.count_month, t.sex, t.kec_code, t.kbli, count(*)
    FROM enrolment e JOIN trainee t ON t.id = e.trainee_id
    WHERE e.deleted_at IS NULL AND t.deleted_at IS NULL
    GROUP BY 1, 2, 3, 4, 5, 6, 7;
INSERT INTO person_first (trainee_id, enrolment_id, agency_code, year, month, count_date, sex, kec_code, kbli)
    SELECT trainee_id, id, agency_code, year, count_month, count_date, sex, kec_code, kbli FROM (
        SELECT e.trainee_id, e.id, e.agency_code, e.year, e.count_month, e.count_date, t.sex, t.kec_code, t.kbli,
            row_number() OVER (PARTITION BY e.trainee_id ORDER BY e.year, e.count_date, e.id) AS k
        FROM enrolment e JOIN trainee t ON t.id = e.trainee_id
        WHERE e.status = 'trained' AND e.deleted_at IS NULL AND t.deleted_at IS NULL)
    WHERE k = 1;
