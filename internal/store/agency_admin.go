package store

import (
	"context"
	"database/sql"

	"wubdesk/internal/wub"
)

// ChangeAgency makes one change of the agency history (a new agency, a new
// name from a date, the last program year) in one audited transaction and
// returns the history as it is afterwards. The change is checked against
// the history (wub.Agencies.Check) and against the records: an agency may
// not stop running the program before a year it still has enrolments,
// batches, contracts or quotas in. Only an admin may change it.
//
// Every front end hands the same wub.AgencyChange here: the window
// (Pengaturan → Dinas), `wubdesk agency`, and a hub that sends the economic
// section's configuration to the offices.
func (db *DB) ChangeAgency(ctx context.Context, c wub.AgencyChange) (wub.Agencies, error) {
	c.Normalize()
	var out wub.Agencies
	err := db.writeTx(ctx, func(tx *sql.Tx) error {
		have, err := loadAgencies(ctx, tx)
		if err != nil {
			return err
		}
		if err := have.Check(c); err != nil {
			return err
		}
		old, _ := have.ByCode(c.Code)
		switch c.Kind {
		case wub.AgencyAdd:
			order := 0
			for _, a := range have {
				order = max(order, a.Order)
			}
			if _, err := tx.ExecContext(ctx, "INSERT INTO agency (code, sort_order, first_year, last_year) VALUES (?, ?, ?, NULL)",
				c.Code, order+1, c.From.Year()); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO agency_name (agency_code, valid_from, short_name, full_name)
				VALUES (?, ?, ?, ?)`, c.Code, wub.ISO(c.From), c.Short, c.Full); err != nil {
				return err
			}
		case wub.AgencyRename:
			if _, err := tx.ExecContext(ctx, `INSERT INTO agency_name (agency_code, valid_from, short_name, full_name)
				VALUES (?, ?, ?, ?)`, c.Code, wub.ISO(c.From), c.Short, c.Full); err != nil {
				return err
			}
		case wub.AgencyEnd:
			if c.LastYear != 0 {
				if err := agencyOrphans(ctx, tx, c.Code, c.LastYear); err != nil {
					return err
				}
			}
			if _, err := tx.ExecContext(ctx, "UPDATE agency SET last_year = nullif(?, 0) WHERE code = ?", c.LastYear, c.Code); err != nil {
				return err
			}
		}
		var before any
		if c.Kind != wub.AgencyAdd {
			before = agencyAudit(old)
		}
		out, err = loadAgencies(ctx, tx)
		if err != nil {
			return err
		}
		now, _ := out.ByCode(c.Code)
		after := agencyAudit(now)
		after["change"] = c.Describe()
		return db.audit(ctx, tx, "agency", 0, "update", before, after)
	}, wub.ActSettings)
	if err != nil {
		return nil, err
	}
	return out, nil
}

// agencyAudit is an agency as the audit log keeps it.
func agencyAudit(a wub.Agency) map[string]any {
	names := make([]HandoverAgencyName, 0, len(a.Names))
	for _, n := range a.Names {
		names = append(names, HandoverAgencyName{ValidFrom: wub.ISO(n.ValidFrom), Short: n.Short, Full: n.Full})
	}
	return map[string]any{"code": a.Code, "first_year": a.FirstYear, "last_year": a.LastYear, "names": names}
}

// agencyOrphans refuses a last program year that would leave live records
// of the agency in a later year without an agency running them.
func agencyOrphans(ctx context.Context, tx *sql.Tx, code string, lastYear int) error {
	checks := []struct{ what, sql string }{
		{"agency_rec_enrolments", "SELECT count(*), coalesce(max(year), 0) FROM enrolment WHERE agency_code = ? AND year > ? AND deleted_at IS NULL"},
		{"agency_rec_batches", "SELECT count(*), coalesce(max(year), 0) FROM batch WHERE agency_code = ? AND year > ? AND deleted_at IS NULL"},
		{"agency_rec_contracts", "SELECT count(*), coalesce(max(year), 0) FROM contract WHERE agency_code = ? AND year > ? AND deleted_at IS NULL"},
		{"agency_rec_quotas", "SELECT count(*), coalesce(max(year), 0) FROM quota WHERE agency_code = ? AND year > ? AND quota > 0"},
	}
	for _, c := range checks {
		var n, year int
		if err := tx.QueryRowContext(ctx, c.sql, code, lastYear).Scan(&n, &year); err != nil {
			return err
		}
		if n > 0 {
			return wub.Errorf("agency_end_orphans", code, n, wub.Message(c.what, ""), year, lastYear, year)
		}
	}
	return nil
}
