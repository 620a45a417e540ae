-- 0010: review, return and lock of each agency's month (issue 22).

-- Every snapshot an office sent: the month's figures and its counted
-- enrolments (NIK, status, count month), with the workbook's verification
-- code. Kept for good: the regency's reported figures come from the
-- accepted ones.
CREATE TABLE month_snapshot (
    id         bigserial PRIMARY KEY,
    agency     text NOT NULL,
    month      text NOT NULL,            -- YYYY-MM
    code       text NOT NULL DEFAULT '',
    device     uuid,
    sent_at    timestamptz NOT NULL,
    people     int NOT NULL,
    enrolments int NOT NULL,
    trained    int NOT NULL,
    in_month   int NOT NULL,
    rows       jsonb NOT NULL DEFAULT '[]'
);
CREATE INDEX month_snapshot_month ON month_snapshot (agency, month, id);

-- The state of each agency's month; a month without a row is not sent.
CREATE TABLE month_review (
    agency       text NOT NULL,
    month        text NOT NULL,
    state        text NOT NULL CHECK (state IN ('sent', 'returned', 'accepted', 'reopened')),
    code         text NOT NULL DEFAULT '',
    note         text NOT NULL DEFAULT '',
    decided_by   text NOT NULL DEFAULT '',
    decided_at   timestamptz,
    sent_at      timestamptz,
    snapshot     bigint REFERENCES month_snapshot(id),
    accepted     bigint REFERENCES month_snapshot(id),   -- the snapshot last accepted
    reopen_ask   text NOT NULL DEFAULT '',
    PRIMARY KEY (agency, month)
);

-- The history of each month (sent, returned, accepted, reopened, asked),
-- beside hub_audit: who, when, the note and the code.
CREATE TABLE month_event (
    id     bigserial PRIMARY KEY,
    agency text NOT NULL,
    month  text NOT NULL,
    state  text NOT NULL,
    actor  text NOT NULL,
    at     timestamptz NOT NULL,
    note   text NOT NULL DEFAULT '',
    code   text NOT NULL DEFAULT ''
);
CREATE INDEX month_event_month ON month_event (agency, month, id);
