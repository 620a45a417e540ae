-- 0007: what happens after the training: each trainee's businesses, their
-- licences, marketing channels and capital, and the Wamira Mart outlets,
-- products and listings. Every row says who recorded it; rows that may be
-- removed are deleted softly (deleted_at).

CREATE TABLE business (
    id           INTEGER PRIMARY KEY,
    trainee_id   INTEGER NOT NULL REFERENCES trainee(id),
    name         TEXT NOT NULL,
    kbli         TEXT NOT NULL DEFAULT '',
    products     TEXT NOT NULL DEFAULT '',
    address      TEXT NOT NULL DEFAULT '',
    desa_code    TEXT NOT NULL DEFAULT '',
    kec_code     TEXT NOT NULL DEFAULT '',
    started_on   TEXT NOT NULL,              -- YYYY-MM-DD: the "business running" stage
    turnover     TEXT NOT NULL DEFAULT '' CHECK (turnover IN ('', 'lt1', '1-5', '5-15', '15-50', 'gt50')),
    workers      INTEGER NOT NULL DEFAULT 0 CHECK (workers >= 0),
    source       TEXT NOT NULL DEFAULT 'form' CHECK (source IN ('form', 'mentoring')),
    mentoring_id INTEGER,                    -- the visit that found it running (no FK: 0004 may not be there)
    recorded_by  TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT
) STRICT;
CREATE INDEX business_by_trainee ON business (trainee_id) WHERE deleted_at IS NULL;

CREATE TABLE licence (
    id          INTEGER PRIMARY KEY,
    business_id INTEGER NOT NULL REFERENCES business(id),
    kind        TEXT NOT NULL CHECK (kind IN ('nib', 'pirt', 'halal', 'haki')),
    number      TEXT NOT NULL,
    issued_on   TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;
CREATE INDEX licence_by_business ON licence (business_id) WHERE deleted_at IS NULL;

-- Marketing other than Wamira Mart (marketplace, market stall, ...).
CREATE TABLE marketing_channel (
    id          INTEGER PRIMARY KEY,
    business_id INTEGER NOT NULL REFERENCES business(id),
    kind        TEXT NOT NULL CHECK (kind IN ('marketplace', 'pasar', 'toko', 'sosmed', 'lainnya')),
    detail      TEXT NOT NULL DEFAULT '',
    started_on  TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;
CREATE INDEX marketing_channel_by_business ON marketing_channel (business_id) WHERE deleted_at IS NULL;

CREATE TABLE capital (
    id          INTEGER PRIMARY KEY,
    business_id INTEGER NOT NULL REFERENCES business(id),
    source      TEXT NOT NULL CHECK (source IN ('kur', 'koperasi', 'csr', 'pemkab')),
    provider    TEXT NOT NULL DEFAULT '',
    amount      INTEGER NOT NULL CHECK (amount > 0),   -- rupiah
    received_on TEXT NOT NULL,
    notes       TEXT NOT NULL DEFAULT '',
    recorded_by TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;
CREATE INDEX capital_by_business ON capital (business_id) WHERE deleted_at IS NULL;

-- A Wamira Mart shop. It is closed from closed_on on ('' while open).
CREATE TABLE outlet (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    address       TEXT NOT NULL DEFAULT '',
    desa_code     TEXT NOT NULL DEFAULT '',
    kec_code      TEXT NOT NULL,
    opened_on     TEXT NOT NULL,
    closed_on     TEXT NOT NULL DEFAULT '',
    closed_reason TEXT NOT NULL DEFAULT '',
    notes         TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT,
    CHECK (closed_on = '' OR closed_on >= opened_on)
) STRICT;
CREATE UNIQUE INDEX outlet_name_live ON outlet (name COLLATE NOCASE) WHERE deleted_at IS NULL;

CREATE TABLE product (
    id          INTEGER PRIMARY KEY,
    business_id INTEGER NOT NULL REFERENCES business(id),
    trainee_id  INTEGER NOT NULL REFERENCES trainee(id),  -- the producer, kept for search
    name        TEXT NOT NULL,
    category    TEXT NOT NULL DEFAULT '',
    price       INTEGER NOT NULL DEFAULT 0 CHECK (price >= 0),  -- rupiah per unit
    unit        TEXT NOT NULL DEFAULT '',
    pirt        TEXT NOT NULL DEFAULT 'none' CHECK (pirt IN ('none', 'process', 'has')),
    halal       TEXT NOT NULL DEFAULT 'none' CHECK (halal IN ('none', 'process', 'has')),
    photo_path  TEXT NOT NULL DEFAULT '',
    recorded_by TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;
CREATE INDEX product_by_business ON product (business_id) WHERE deleted_at IS NULL;
CREATE INDEX product_by_trainee ON product (trainee_id) WHERE deleted_at IS NULL;

-- A product on an outlet's shelf from listed_on until withdrawn_on ('' while there).
CREATE TABLE listing (
    id               INTEGER PRIMARY KEY,
    product_id       INTEGER NOT NULL REFERENCES product(id),
    outlet_id        INTEGER NOT NULL REFERENCES outlet(id),
    listed_on        TEXT NOT NULL,
    withdrawn_on     TEXT NOT NULL DEFAULT '',
    withdrawn_reason TEXT NOT NULL DEFAULT '',
    recorded_by      TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    deleted_at       TEXT,
    CHECK (withdrawn_on = '' OR withdrawn_on >= listed_on)
) STRICT;
CREATE INDEX listing_by_outlet ON listing (outlet_id, withdrawn_on) WHERE deleted_at IS NULL;
CREATE INDEX listing_by_product ON listing (product_id) WHERE deleted_at IS NULL;
-- One live, not withdrawn listing of a product per outlet.
CREATE UNIQUE INDEX listing_on_shelf ON listing (product_id, outlet_id) WHERE deleted_at IS NULL AND withdrawn_on = '';
