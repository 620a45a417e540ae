-- 0016: the review state of each agency's month on the regency hub, the
-- queue of months (and reopen requests) waiting to go to the hub, and the
-- lock of accepted months (issue 22).
--
-- A month the economic section has accepted is locked: a change that would
-- alter its figures is refused by the triggers below, whatever screen,
-- command, import or handover asks. The month's figures are those of its
-- workbook: every dated, live enrolment of the agency in the program year
-- up to the month's end, by status, sex, kecamatan and KBLI. So an
-- enrolment is "counted in" accepted month M of year Y when its agency and
-- year match and 1 <= count_month <= M. Undated rows (count_month 0) count
-- in no month and stay free to be completed. The error text
-- 'wub:month_locked:AGENCY:YYYY-MM' is turned into the wub error
-- month_locked by the store (locks.go), which names the month.

CREATE TABLE month_state (
    agency_code TEXT NOT NULL,
    month       TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
    state       TEXT NOT NULL CHECK (state IN ('not_sent', 'sent', 'returned', 'accepted', 'reopened')),
    code        TEXT NOT NULL DEFAULT '',   -- verification code of the last snapshot sent
    note        TEXT NOT NULL DEFAULT '',   -- the reviewer's note or the reopen reason
    decided_by  TEXT NOT NULL DEFAULT '',   -- hub user who decided
    decided_at  TEXT NOT NULL DEFAULT '',   -- RFC 3339 UTC
    sent_at     TEXT NOT NULL DEFAULT '',
    deadline    TEXT NOT NULL DEFAULT '',   -- YYYY-MM-DD, as the hub sets it
    late        INTEGER NOT NULL DEFAULT 0,
    updated_at  TEXT NOT NULL,
    year        INTEGER GENERATED ALWAYS AS (CAST(substr(month, 1, 4) AS INTEGER)) VIRTUAL,
    mon         INTEGER GENERATED ALWAYS AS (CAST(substr(month, 6, 2) AS INTEGER)) VIRTUAL,
    PRIMARY KEY (agency_code, month)
) STRICT;

-- What waits to go to the hub: a month's snapshot ('send', body =
-- hubapi.SendRequest) or a request to reopen an accepted month ('reopen',
-- body = hubapi.ReopenAskRequest). A newer send of a month replaces the one
-- still waiting. sent_at is set when the hub has taken it.
CREATE TABLE month_outbox (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('send', 'reopen')),
    agency_code TEXT NOT NULL,
    month       TEXT NOT NULL,
    code        TEXT NOT NULL DEFAULT '',
    body        TEXT NOT NULL,
    queued_at   TEXT NOT NULL,
    queued_by   TEXT NOT NULL DEFAULT '',
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT NOT NULL DEFAULT '',
    sent_at     TEXT
) STRICT;
CREATE INDEX month_outbox_waiting ON month_outbox (id) WHERE sent_at IS NULL;

CREATE TRIGGER enrolment_lock_ai AFTER INSERT ON enrolment
    WHEN new.deleted_at IS NULL AND new.count_month > 0 BEGIN
    SELECT RAISE(ABORT, 'wub:month_locked:' || s.agency_code || ':' || s.month)
        FROM month_state s
        WHERE s.state = 'accepted' AND s.agency_code = new.agency_code AND s.year = new.year AND s.mon >= new.count_month
        ORDER BY s.month LIMIT 1;
END;

CREATE TRIGGER enrolment_lock_au AFTER UPDATE OF trainee_id, agency_code, year, status, enrolled_on, completed_on, deleted_at
    ON enrolment WHEN old.trainee_id IS NOT new.trainee_id OR old.agency_code IS NOT new.agency_code
        OR old.year IS NOT new.year OR old.status IS NOT new.status OR old.count_month IS NOT new.count_month
        OR old.deleted_at IS NOT new.deleted_at BEGIN
    SELECT RAISE(ABORT, 'wub:month_locked:' || s.agency_code || ':' || s.month)
        FROM month_state s
        WHERE s.state = 'accepted' AND (
            (old.deleted_at IS NULL AND old.count_month > 0 AND s.agency_code = old.agency_code
                AND s.year = old.year AND s.mon >= old.count_month)
            OR (new.deleted_at IS NULL AND new.count_month > 0 AND s.agency_code = new.agency_code
                AND s.year = new.year AND s.mon >= new.count_month))
        ORDER BY s.month LIMIT 1;
END;

CREATE TRIGGER enrolment_lock_ad AFTER DELETE ON enrolment
    WHEN old.deleted_at IS NULL AND old.count_month > 0 BEGIN
    SELECT RAISE(ABORT, 'wub:month_locked:' || s.agency_code || ':' || s.month)
        FROM month_state s
        WHERE s.state = 'accepted' AND s.agency_code = old.agency_code AND s.year = old.year AND s.mon >= old.count_month
        ORDER BY s.month LIMIT 1;
END;

-- A person's sex, kecamatan and KBLI are breakdowns of the Rekap; deleting
-- or restoring the person takes their enrolments out of (or back into) the
-- figures. Name, NIK, phone and address stay free.
CREATE TRIGGER trainee_lock_au AFTER UPDATE OF sex, kec_code, kbli, deleted_at ON trainee
    WHEN old.sex IS NOT new.sex OR old.kec_code IS NOT new.kec_code OR old.kbli IS NOT new.kbli
        OR (old.deleted_at IS NULL) != (new.deleted_at IS NULL) BEGIN
    SELECT RAISE(ABORT, 'wub:month_locked:' || s.agency_code || ':' || s.month)
        FROM enrolment e JOIN month_state s ON s.state = 'accepted' AND s.agency_code = e.agency_code
            AND s.year = e.year AND s.mon >= e.count_month
        WHERE e.trainee_id = old.id AND e.deleted_at IS NULL AND e.count_month > 0
        ORDER BY s.month LIMIT 1;
END;

CREATE TRIGGER trainee_lock_ad AFTER DELETE ON trainee WHEN old.deleted_at IS NULL BEGIN
    SELECT RAISE(ABORT, 'wub:month_locked:' || s.agency_code || ':' || s.month)
        FROM enrolment e JOIN month_state s ON s.state = 'accepted' AND s.agency_code = e.agency_code
            AND s.year = e.year AND s.mon >= e.count_month
        WHERE e.trainee_id = old.id AND e.deleted_at IS NULL AND e.count_month > 0
        ORDER BY s.month LIMIT 1;
END;

-- The sync round (issue 21) keeps the hub's month states in hub_month
-- (migration 0015); every state it writes there becomes the month's state
-- here, so the lock follows the hub's decision on the next round.
CREATE TRIGGER hub_month_state_ai AFTER INSERT ON hub_month
    WHEN json_valid(new.detail) AND coalesce(json_extract(new.detail, '$.agency'), '') != ''
        AND new.state IN ('not_sent', 'sent', 'returned', 'accepted', 'reopened') BEGIN
    INSERT OR REPLACE INTO month_state (agency_code, month, state, code, note, decided_by, decided_at, sent_at,
            deadline, late, updated_at)
        VALUES (json_extract(new.detail, '$.agency'), new.month, new.state,
            coalesce(json_extract(new.detail, '$.code'), ''), coalesce(json_extract(new.detail, '$.note'), ''),
            coalesce(json_extract(new.detail, '$.by'), ''), coalesce(json_extract(new.detail, '$.at'), ''),
            coalesce(json_extract(new.detail, '$.sent_at'), ''), coalesce(json_extract(new.detail, '$.deadline'), ''),
            coalesce(json_extract(new.detail, '$.late'), 0), new.seen_at);
END;
CREATE TRIGGER hub_month_state_au AFTER UPDATE ON hub_month
    WHEN json_valid(new.detail) AND coalesce(json_extract(new.detail, '$.agency'), '') != ''
        AND new.state IN ('not_sent', 'sent', 'returned', 'accepted', 'reopened') BEGIN
    INSERT OR REPLACE INTO month_state (agency_code, month, state, code, note, decided_by, decided_at, sent_at,
            deadline, late, updated_at)
        VALUES (json_extract(new.detail, '$.agency'), new.month, new.state,
            coalesce(json_extract(new.detail, '$.code'), ''), coalesce(json_extract(new.detail, '$.note'), ''),
            coalesce(json_extract(new.detail, '$.by'), ''), coalesce(json_extract(new.detail, '$.at'), ''),
            coalesce(json_extract(new.detail, '$.sent_at'), ''), coalesce(json_extract(new.detail, '$.deadline'), ''),
            coalesce(json_extract(new.detail, '$.late'), 0), new.seen_at);
END;
