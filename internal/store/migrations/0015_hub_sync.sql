-- 0015: the regency register (issue 21). Every record the hub holds gets a
-- global id (UUID v4 text, lower case) so that records made offline never
-- collide; every change the office makes is queued in the outbox in the
-- transaction that writes its audit row, and pushed to the hub later.

-- A UUID v4 made by SQLite (randomblob is seeded from the OS): existing rows
-- and any insert path that does not set gid itself. The store's hot insert
-- paths (form, import, bulk) set gid in Go (wub.NewGID) so the fill trigger
-- does not fire for them.
ALTER TABLE trainee ADD COLUMN gid TEXT;
ALTER TABLE enrolment ADD COLUMN gid TEXT;
ALTER TABLE facilitator ADD COLUMN gid TEXT;
ALTER TABLE batch ADD COLUMN gid TEXT;
ALTER TABLE mentoring ADD COLUMN gid TEXT;
ALTER TABLE business ADD COLUMN gid TEXT;

UPDATE trainee SET gid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
UPDATE enrolment SET gid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
UPDATE facilitator SET gid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
UPDATE batch SET gid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
UPDATE mentoring SET gid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
UPDATE business SET gid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));

CREATE UNIQUE INDEX trainee_gid ON trainee (gid);
CREATE UNIQUE INDEX enrolment_gid ON enrolment (gid);
CREATE UNIQUE INDEX facilitator_gid ON facilitator (gid);
CREATE UNIQUE INDEX batch_gid ON batch (gid);
CREATE UNIQUE INDEX mentoring_gid ON mentoring (gid);
CREATE UNIQUE INDEX business_gid ON business (gid);

CREATE TRIGGER trainee_gid_ai AFTER INSERT ON trainee WHEN new.gid IS NULL BEGIN
    UPDATE trainee SET gid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) WHERE id = new.id;
END;
CREATE TRIGGER enrolment_gid_ai AFTER INSERT ON enrolment WHEN new.gid IS NULL BEGIN
    UPDATE enrolment SET gid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) WHERE id = new.id;
END;
CREATE TRIGGER facilitator_gid_ai AFTER INSERT ON facilitator WHEN new.gid IS NULL BEGIN
    UPDATE facilitator SET gid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) WHERE id = new.id;
END;
CREATE TRIGGER batch_gid_ai AFTER INSERT ON batch WHEN new.gid IS NULL BEGIN
    UPDATE batch SET gid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) WHERE id = new.id;
END;
CREATE TRIGGER mentoring_gid_ai AFTER INSERT ON mentoring WHEN new.gid IS NULL BEGIN
    UPDATE mentoring SET gid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) WHERE id = new.id;
END;
CREATE TRIGGER business_gid_ai AFTER INSERT ON business WHEN new.gid IS NULL BEGIN
    UPDATE business SET gid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) WHERE id = new.id;
END;

-- The outbox: one row per change, in the office's order. seq is the
-- device's sequence (AUTOINCREMENT: never reused after a trim, and a rolled
-- back transaction takes its numbers with it, so there are no gaps). The
-- payload is built at push time from the record's current state, so the row
-- holds only what and when. note carries the handover's receiving agency.
-- Rows are written only while the office is enrolled (hub.device_id set);
-- enrolment fills the outbox with every record (store.ResetOutbox).
CREATE TABLE outbox (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    entity    TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    gid       TEXT,              -- NULL only when the record was gone before its audit row
    op        TEXT NOT NULL CHECK (op IN ('upsert', 'delete', 'handover')),
    at        TEXT NOT NULL,
    note      TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TRIGGER audit_outbox AFTER INSERT ON audit
WHEN new.entity IN ('trainee', 'enrolment', 'facilitator', 'batch', 'mentoring', 'business')
    AND EXISTS (SELECT 1 FROM setting WHERE key = 'hub.device_id' AND value <> '')
BEGIN
    INSERT INTO outbox (entity, entity_id, gid, op, at) VALUES (new.entity, new.entity_id,
        CASE new.entity
            WHEN 'trainee' THEN (SELECT gid FROM trainee WHERE id = new.entity_id)
            WHEN 'enrolment' THEN (SELECT gid FROM enrolment WHERE id = new.entity_id)
            WHEN 'facilitator' THEN (SELECT gid FROM facilitator WHERE id = new.entity_id)
            WHEN 'batch' THEN (SELECT gid FROM batch WHERE id = new.entity_id)
            WHEN 'mentoring' THEN (SELECT gid FROM mentoring WHERE id = new.entity_id)
            WHEN 'business' THEN (SELECT gid FROM business WHERE id = new.entity_id)
        END,
        CASE new.action WHEN 'delete' THEN 'delete' ELSE 'upsert' END, new.at);
END;

-- Deleting or restoring a trainee takes its enrolments along in one UPDATE
-- without audit rows of their own (store.DeleteTrainee): queue them too.
CREATE TRIGGER audit_outbox_cascade AFTER INSERT ON audit
WHEN new.entity = 'trainee' AND new.action IN ('delete', 'restore')
    AND EXISTS (SELECT 1 FROM setting WHERE key = 'hub.device_id' AND value <> '')
BEGIN
    INSERT INTO outbox (entity, entity_id, gid, op, at)
        SELECT 'enrolment', id, gid, CASE WHEN deleted_at IS NULL THEN 'upsert' ELSE 'delete' END, new.at
        FROM enrolment WHERE trainee_id = new.entity_id ORDER BY id;
END;

-- The last known facts of other agencies for a NIK (the hub's answer, kept
-- so that the form warns offline).
CREATE TABLE hub_fact (
    nik     TEXT NOT NULL,
    agency  TEXT NOT NULL,
    year    INTEGER NOT NULL,
    status  TEXT NOT NULL,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (nik, agency, year)
) STRICT;

-- The review state of the office's months as the hub last said (issue 22
-- reads and extends it).
CREATE TABLE hub_month (
    month   TEXT PRIMARY KEY,   -- YYYY-MM
    state   TEXT NOT NULL,
    detail  TEXT NOT NULL DEFAULT '{}',  -- hubapi.MonthState as JSON
    seen_at TEXT NOT NULL
) STRICT;
