package store

import (
	"context"
	"database/sql"

	"wubdesk/internal/wub"
)

// Dashboard counts everything the Kuota screen shows for a program year on
// a date. All figures come from one read transaction (they agree with each
// other) and from the aggregate tables of migration 0005, never from a
// scan of the enrolments.
func (db *DB) Dashboard(ctx context.Context, q wub.DashboardQuery) (*wub.Dashboard, error) {
	q.AsOf = asOfDay(q.AsOf)
	tx, err := db.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	c := wub.DashboardCounts{Query: q, BySex: map[string]int{}, ByKec: map[string]int{}, ByKBLI: map[string]int{}}
	if c.Target, err = loadTarget(ctx, tx); err != nil {
		return nil, err
	}
	if c.Agencies, err = loadAgencies(ctx, tx); err != nil {
		return nil, err
	}
	if c.Quotas, err = quotaMap(ctx, tx, q.Year); err != nil {
		return nil, err
	}
	if c.Opening, err = sumBy(ctx, tx, "SELECT agency_code, count FROM opening_balance WHERE year = ?", q.Year); err != nil {
		return nil, err
	}
	if c.Recorded, err = sumBy(ctx, tx, `SELECT agency_code, sum(n) FROM enrolment_tally
		WHERE year = ? AND status = 'trained' GROUP BY agency_code`, q.Year); err != nil {
		return nil, err
	}
	from, to := c.Target.StartYear, c.Target.EndYear
	err = tx.QueryRowContext(ctx, `SELECT
		(SELECT coalesce(sum(count), 0) FROM opening_balance WHERE year BETWEEN ?1 AND ?2),
		(SELECT coalesce(sum(n), 0) FROM person_tally WHERE year BETWEEN ?1 AND ?2)`, from, to).
		Scan(&c.OpeningPeriod, &c.RecordedPeriod)
	if err != nil {
		return nil, err
	}
	// The monthly series and the breakdowns come from one pass over the
	// year's rows: people for the regency, enrolments for one agency.
	var rows *sql.Rows
	if q.AgencyCode == "" {
		rows, err = tx.QueryContext(ctx, `SELECT month, sex, kec_code, kbli, n FROM person_tally
			WHERE year = ? AND n != 0`, q.Year)
	} else {
		rows, err = tx.QueryContext(ctx, `SELECT month, sex, kec_code, kbli, n FROM enrolment_tally
			WHERE year = ? AND status = 'trained' AND agency_code = ? AND n != 0`, q.Year, q.AgencyCode)
	}
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var month, n int
		var sex, kec, kbli string
		if err := rows.Scan(&month, &sex, &kec, &kbli, &n); err != nil {
			return nil, err
		}
		if month >= 1 && month <= 12 {
			c.Monthly[month-1] += n
		} else if month == wub.UndatedMonth {
			c.Undated += n
		}
		c.BySex[sex] += n
		c.ByKec[kec] += n
		c.ByKBLI[kbli] += n
		if q.AgencyCode == "" {
			c.PersonsYear += n
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return wub.BuildDashboard(c), nil
}

func sumBy(ctx context.Context, q querier, query string, args ...any) (map[string]int, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var k string
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			return nil, err
		}
		out[k] += n
	}
	return out, rows.Err()
}
