package store

import (
	"context"
	"strings"

	"wubdesk/internal/wub"
)

// figureWalkBias decides how a page of names is read. Walking the trainees
// in name order visits about (offset+limit)·N/n rows for a figure of n among
// N people and stops after the page; gathering the n matches and sorting
// them costs n lookups and a sort, each match far dearer than a step of the
// walk. So walk when n²·bias ≥ (offset+limit)·N; 20 comes from the
// measurements in docs/PERFORMANCE.md. A variable so that tests can force
// either plan over the same data.
var figureWalkBias = 20.0

// figureConds is the WHERE of the people behind a figure over e (the
// enrolment), t (the trainee) and, per person, p (the first completion).
func figureConds(f wub.FigureFilter) (string, []any) {
	var conds []string
	var args []any
	yearCol, monthCol := "e.year", "e.count_month"
	if f.Counting == wub.CountPerson {
		yearCol, monthCol = "p.year", "p.month"
	} else {
		conds = append(conds, "e.status = 'trained'", "e.deleted_at IS NULL")
		if f.Repeat {
			conds = append(conds, "NOT EXISTS (SELECT 1 FROM person_first p1 WHERE p1.trainee_id = e.trainee_id AND p1.enrolment_id = e.id)")
		}
	}
	conds = append(conds, "t.deleted_at IS NULL")
	c, a := yearCond(yearCol, f)
	conds, args = append(conds, c), append(args, a...)
	if f.Month != 0 {
		op := " = ?"
		if f.UpToMonth {
			op = " <= ?"
		}
		conds = append(conds, monthCol+op)
		args = append(args, f.Month)
	}
	for _, c := range []struct{ col, v string }{
		{"e.agency_code", f.AgencyCode}, {"t.sex", f.Sex}, {"t.kec_code", f.KecCode}, {"t.kbli", f.KBLI},
	} {
		if c.v == "" {
			continue
		}
		if c.v == wub.Blank {
			c.v = ""
		}
		conds = append(conds, c.col+" = ?")
		args = append(args, c.v)
	}
	return strings.Join(conds, " AND "), args
}

// yearCond selects the figure's years; one year as an equality, so that
// the indexes' later columns (status) still narrow the search.
func yearCond(col string, f wub.FigureFilter) (string, []any) {
	if f.ToYear == 0 || f.ToYear == f.FromYear {
		return col + " = ?", []any{f.FromYear}
	}
	return col + " BETWEEN ? AND ?", []any{f.FromYear, f.ToYear}
}

// FigurePeople returns one page of the people behind a dashboard figure
// (the Filter of a wub.Dashboard figure), sorted by name. AgencyCode, Year
// and Status of each row are those of the enrolment that counts; per
// enrolment a person trained twice appears twice.
func (db *DB) FigurePeople(ctx context.Context, f wub.FigureFilter, offset, limit int) ([]wub.TraineeRow, error) {
	n, err := db.CountFigurePeople(ctx, f)
	if err != nil || n == 0 {
		return nil, err
	}
	where, args := figureConds(f)
	var people int64 // about how many trainees: ids are never reused
	if err := db.r.QueryRowContext(ctx, "SELECT coalesce(max(id), 0) FROM trainee").Scan(&people); err != nil {
		return nil, err
	}
	walk := float64(n)*float64(n)*figureWalkBias >= float64(offset+limit)*float64(people)
	var from string
	// CROSS JOIN fixes the order of the loops: a big figure walks the
	// name index and stops after the page; a small one is gathered
	// through its own index and sorted.
	switch {
	case f.Counting == wub.CountPerson && walk:
		from = `trainee t INDEXED BY trainee_by_name CROSS JOIN person_first p ON p.trainee_id = t.id
			CROSS JOIN enrolment e ON e.id = p.enrolment_id`
	case f.Counting == wub.CountPerson:
		from = `person_first p CROSS JOIN trainee t ON t.id = p.trainee_id CROSS JOIN enrolment e ON e.id = p.enrolment_id`
	case walk:
		from = `trainee t INDEXED BY trainee_by_name CROSS JOIN enrolment e ON e.trainee_id = t.id`
	default:
		from = `enrolment e CROSS JOIN trainee t ON t.id = e.trainee_id`
	}
	q := `SELECT t.id, t.nik, t.name, t.sex, t.desa_code, t.desa_name, t.kec_code, t.kec_name, e.agency_code,
		e.year, e.status FROM ` + from + ` WHERE ` + where + `
		ORDER BY t.name COLLATE NOCASE, t.id, e.year, e.id LIMIT ? OFFSET ?`
	rows, err := db.r.QueryContext(ctx, q, append(args, limit, offset)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make([]wub.TraineeRow, 0, min(limit, n))
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

// CountFigurePeople counts what FigurePeople lists: the recorded part of a
// figure (opening balances have no names behind them). It reads the
// aggregate tables, except per person for one agency.
func (db *DB) CountFigurePeople(ctx context.Context, f wub.FigureFilter) (int, error) {
	if f.Repeat { // no tally keeps these: count the enrolments themselves
		f.Counting = wub.CountEnrolment
		where, args := figureConds(f)
		var n int
		err := db.r.QueryRowContext(ctx, `SELECT count(*) FROM enrolment e CROSS JOIN trainee t ON t.id = e.trainee_id WHERE `+where, args...).Scan(&n)
		return n, err
	}
	var table string
	c, a := yearCond("year", f)
	conds, args := []string{c}, a
	switch {
	case f.Counting == wub.CountPerson && f.AgencyCode != "":
		table = "(SELECT year, month, agency_code, sex, kec_code, kbli, 1 AS n FROM person_first)"
	case f.Counting == wub.CountPerson:
		table = "person_tally"
	default:
		table = "enrolment_tally"
		conds = append(conds, "status = 'trained'")
	}
	if f.Month != 0 {
		op := " = ?"
		if f.UpToMonth {
			op = " <= ?"
		}
		conds = append(conds, "month"+op)
		args = append(args, f.Month)
	}
	for _, c := range []struct{ col, v string }{
		{"agency_code", f.AgencyCode}, {"sex", f.Sex}, {"kec_code", f.KecCode}, {"kbli", f.KBLI},
	} {
		if c.v == "" {
			continue
		}
		if c.v == wub.Blank {
			c.v = ""
		}
		conds = append(conds, c.col+" = ?")
		args = append(args, c.v)
	}
	var n int
	err := db.r.QueryRowContext(ctx, "SELECT coalesce(sum(n), 0) FROM "+table+" WHERE "+strings.Join(conds, " AND "), args...).Scan(&n)
	return n, err
}
