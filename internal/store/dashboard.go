package store

import (
	"context"
	"database/sql"
	"strings"

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

// figureQuery builds the FROM and WHERE of the people behind a figure. Per
// person it reads each person's first completion; per enrolment the
// trained, live enrolments. Either way e is the enrolment, t the trainee.
func figureQuery(f wub.FigureFilter) (string, []any) {
	var from string
	var conds []string
	var args []any
	yearCol, monthCol := "e.year", "e.count_month"
	if f.Counting == wub.CountPerson {
		from = `person_first p JOIN trainee t ON t.id = p.trainee_id JOIN enrolment e ON e.id = p.enrolment_id`
		yearCol, monthCol = "p.year", "p.month"
	} else {
		from = `enrolment e JOIN trainee t ON t.id = e.trainee_id`
		conds = append(conds, "e.status = 'trained'", "e.deleted_at IS NULL", "t.deleted_at IS NULL")
	}
	to := f.ToYear
	if to == 0 {
		to = f.FromYear
	}
	conds = append(conds, yearCol+" BETWEEN ? AND ?")
	args = append(args, f.FromYear, to)
	if f.Month != 0 {
		op := " = ?"
		if f.UpToMonth {
			op = " <= ?"
		}
		conds = append(conds, monthCol+op)
		args = append(args, f.Month)
	}
	eq := func(col, v string) {
		if v == "" {
			return
		}
		if v == wub.Blank {
			v = ""
		}
		conds = append(conds, col+" = ?")
		args = append(args, v)
	}
	eq("e.agency_code", f.AgencyCode)
	eq("t.sex", f.Sex)
	eq("t.kec_code", f.KecCode)
	eq("t.kbli", f.KBLI)
	return from + " WHERE " + strings.Join(conds, " AND "), args
}

// FigurePeople returns one page of the people behind a dashboard figure
// (wub.Dashboard's Filter fields), sorted by name. AgencyCode, Year and
// Status of each row are those of the enrolment that counts.
func (db *DB) FigurePeople(ctx context.Context, f wub.FigureFilter, offset, limit int) ([]wub.TraineeRow, error) {
	fromWhere, args := figureQuery(f)
	q := `SELECT t.id, t.nik, t.name, t.sex, t.desa_code, t.desa_name, t.kec_code, t.kec_name, e.agency_code,
		e.year, e.status FROM ` + fromWhere + ` ORDER BY t.name COLLATE NOCASE, t.id, e.year, e.id LIMIT ? OFFSET ?`
	rows, err := db.r.QueryContext(ctx, q, append(args, limit, offset)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make([]wub.TraineeRow, 0, limit)
	for rows.Next() {
		var r wub.TraineeRow
		if err := rows.Scan(&r.ID, &r.NIK, &r.Name, &r.Sex, &r.DesaCode, &r.DesaName, &r.KecCode, &r.KecName,
			&r.AgencyCode, &r.Year, &r.Status); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// CountFigurePeople counts what FigurePeople lists: the recorded part of the
// figure (opening balances have no names behind them).
func (db *DB) CountFigurePeople(ctx context.Context, f wub.FigureFilter) (int, error) {
	fromWhere, args := figureQuery(f)
	var n int
	err := db.r.QueryRowContext(ctx, "SELECT count(*) FROM "+fromWhere, args...).Scan(&n)
	return n, err
}
