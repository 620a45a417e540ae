-- 0008: program handovers between offices (serah terima). The receiving
-- office remembers every handover package it imported, by the package's
-- SHA-256, so that a package is never imported twice, and the contract
-- round of the receiving agency finds the facilitators it took over.

CREATE TABLE handover_import (
    id             INTEGER PRIMARY KEY,
    package_sha256 TEXT NOT NULL,            -- docs/HANDOVER.md says what it covers
    from_agency    TEXT NOT NULL,
    to_agency      TEXT NOT NULL,
    handover_date  TEXT NOT NULL,            -- YYYY-MM-DD
    created_at     TEXT NOT NULL,            -- RFC 3339, when the giving office made the package
    imported_at    TEXT NOT NULL,            -- RFC 3339 UTC
    imported_by    TEXT NOT NULL,
    file_name      TEXT NOT NULL,
    manifest       TEXT NOT NULL,            -- the package's manifest.json
    result         TEXT NOT NULL             -- new / matching / conflicts per record type (JSON)
) STRICT;
CREATE UNIQUE INDEX handover_import_sha ON handover_import (package_sha256);
CREATE INDEX handover_import_to ON handover_import (to_agency, handover_date);
