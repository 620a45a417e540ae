-- The hub's first schema (issue 21). Hub migrations 0001–0009 belong to the
-- hub core; 0010 and later to the review (issue 22).

CREATE TABLE hub_setting (
    key   text PRIMARY KEY,
    value text NOT NULL
);

CREATE TABLE office (
    id         uuid PRIMARY KEY,
    agency     text NOT NULL UNIQUE,
    name       text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL
);

-- A device is one PC of one office; its credential is kept as a SHA-256 hash.
CREATE TABLE device (
    id         uuid PRIMARY KEY,
    office     uuid NOT NULL REFERENCES office(id),
    name       text NOT NULL DEFAULT '',
    token_hash bytea NOT NULL UNIQUE,
    created_at timestamptz NOT NULL,
    revoked_at timestamptz,
    last_sync  timestamptz,
    through    bigint NOT NULL DEFAULT 0  -- highest seq held with no gap below it
);
CREATE INDEX device_office ON device(office);

CREATE TABLE enrol_code (
    hash       bytea PRIMARY KEY,
    office     uuid NOT NULL REFERENCES office(id),
    created_at timestamptz NOT NULL,
    expires    timestamptz NOT NULL,
    used_at    timestamptz,
    device     uuid REFERENCES device(id)
);

CREATE TABLE hub_user (
    username      text PRIMARY KEY,
    password_hash text NOT NULL,
    role          text NOT NULL CHECK (role IN ('reviewer', 'admin')),
    created_at    timestamptz NOT NULL,
    disabled_at   timestamptz
);

-- Failed sign-ins per user name (known or not), to slow guessing.
CREATE TABLE sign_in_failure (
    username   text PRIMARY KEY,
    failures   int NOT NULL,
    last_at    timestamptz NOT NULL,
    wait_until timestamptz NOT NULL
);

CREATE TABLE session (
    token_hash bytea PRIMARY KEY,
    username   text NOT NULL REFERENCES hub_user(username),
    created_at timestamptz NOT NULL,
    expires    timestamptz NOT NULL
);

-- One row per record an office pushed, whatever its entity. The latest
-- change by seq wins; owner is the office the record belongs to.
-- The tables a push writes (record, trainee, enrolment, applied_change)
-- carry no foreign keys: the push sets owner and device from the
-- authenticated device, and a key check per row would double the cost of a
-- first sync. Offices and devices are never deleted.
CREATE TABLE record (
    entity      text NOT NULL,
    gid         uuid NOT NULL,
    owner       uuid NOT NULL,
    device      uuid NOT NULL,
    seq         bigint NOT NULL,
    deleted     boolean NOT NULL DEFAULT false,
    handover_to text,                 -- agency code the owner handed the record to
    data        jsonb NOT NULL DEFAULT '{}',
    office_at   text NOT NULL DEFAULT '',  -- the office's clock, kept, never trusted
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (entity, gid)
);

-- Trainees (people) and enrolments, with the fields the hub counts on.
CREATE TABLE trainee (
    gid   uuid PRIMARY KEY,
    owner uuid NOT NULL,
    nik   text NOT NULL DEFAULT '',
    live  boolean NOT NULL
);
CREATE INDEX trainee_owner ON trainee(owner) WHERE live;
CREATE INDEX trainee_nik ON trainee(nik);

CREATE TABLE enrolment (
    gid         uuid PRIMARY KEY,
    owner       uuid NOT NULL,
    trainee_gid uuid,
    nik         text NOT NULL DEFAULT '',
    year        int NOT NULL DEFAULT 0,
    status      text NOT NULL DEFAULT '',
    live        boolean NOT NULL
);
CREATE INDEX enrolment_owner ON enrolment(owner) WHERE live;
CREATE INDEX enrolment_nik ON enrolment(nik) WHERE live;
CREATE INDEX enrolment_trainee ON enrolment(trainee_gid);

-- A person is a NIK, counted once across agencies: how many live trainee
-- records carry it and how many of its live enrolments are trained. Kept in
-- step with trainee and enrolment in each push, so the regency figures are a
-- count of this table.
CREATE TABLE person (
    nik      text PRIMARY KEY,
    trainees int NOT NULL DEFAULT 0,
    trained  int NOT NULL DEFAULT 0
);

-- Per-office counters, kept in step the same way. regency_people and
-- regency_trained are this office's pushes' share of the regency's distinct
-- people (person rows whose trainees went from 0 to more, minus back) and
-- of its trained people: their sums over all offices are the regency
-- figures, so reading them costs a handful of rows at any size, and
-- concurrent pushes of different offices never wait on one counter row.
CREATE TABLE office_tally (
    office          uuid PRIMARY KEY REFERENCES office(id),
    people          int NOT NULL DEFAULT 0,
    enrolments      int NOT NULL DEFAULT 0,
    regency_people  int NOT NULL DEFAULT 0,
    regency_trained int NOT NULL DEFAULT 0
);

-- Each (device, seq) is applied once.
CREATE TABLE applied_change (
    device uuid NOT NULL,
    seq    bigint NOT NULL,
    entity text NOT NULL,
    gid    text NOT NULL,
    op     text NOT NULL,
    result text NOT NULL,            -- applied, stale, rejected
    code   text NOT NULL DEFAULT '',
    at     timestamptz NOT NULL,
    PRIMARY KEY (device, seq)
);

CREATE TABLE quota (
    agency text NOT NULL,
    year   int NOT NULL,
    people int NOT NULL,
    PRIMARY KEY (agency, year)
);

CREATE TABLE target (
    id     int PRIMARY KEY CHECK (id = 1),
    people int NOT NULL,
    since  text NOT NULL,
    until  text NOT NULL
);

-- Every decision of the hub. detail never holds personal data (no NIK,
-- name, address or phone): ids, counts and codes only.
CREATE TABLE hub_audit (
    id     bigserial PRIMARY KEY,
    at     timestamptz NOT NULL,
    actor  text NOT NULL,          -- "device:<uuid>", "user:<name>", "cli", "anonymous"
    action text NOT NULL,
    office uuid,
    detail jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX hub_audit_at ON hub_audit(at);
