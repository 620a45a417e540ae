-- 0009: count dates are never invented (issue 17). An enrolment counts on
-- the date of the event its status records: Lulus on its completion date,
-- Keluar on the date it left (completed_on), Terdaftar on its enrolment
-- date (wub.Enrolment.CountDate). Until now a missing date fell back to the
-- enrolment date or to 1 January of the program year, which put people in
-- January. Now the count date is '' and the count month 0 when the date is
-- missing: reports count such rows in a "tanggal belum diisi" line and the
-- rows are listed as data to complete. No date is written into any row.
--
-- The generated columns are redefined: the triggers that read them are
-- dropped first (SQLite refuses to drop a column a trigger names), put back
-- unchanged from 0005, and the tallies are counted again.

DROP TRIGGER enrolment_tally_ai;
DROP TRIGGER enrolment_tally_ad;
DROP TRIGGER enrolment_tally_au;
DROP TRIGGER enrolment_person_ai;
DROP TRIGGER enrolment_person_ad;
DROP TRIGGER enrolment_person_au;
DROP TRIGGER trainee_tally_au;
DROP TRIGGER trainee_tally_ad;

ALTER TABLE enrolment DROP COLUMN count_month;
ALTER TABLE enrolment DROP COLUMN count_date;
ALTER TABLE enrolment ADD COLUMN count_date TEXT GENERATED ALWAYS AS (
    CASE WHEN status IN ('trained', 'dropped') THEN completed_on ELSE enrolled_on END) VIRTUAL;
ALTER TABLE enrolment ADD COLUMN count_month INTEGER GENERATED ALWAYS AS (
    CASE WHEN count_date = '' THEN 0
         WHEN CAST(substr(count_date, 1, 4) AS INTEGER) < year THEN 1
         WHEN CAST(substr(count_date, 1, 4) AS INTEGER) > year THEN 12
         ELSE CAST(substr(count_date, 6, 2) AS INTEGER) END) VIRTUAL;

-- The triggers of 0005, as they were.
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

-- Count every tally again with the new count months (person_tally follows
-- person_first through its triggers).
DELETE FROM person_first;
DELETE FROM person_tally;
DELETE FROM enrolment_tally;
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
