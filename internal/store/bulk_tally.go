package store

import (
	"context"
	"database/sql"
	"strconv"

	"wubdesk/internal/wub"
)

// loadTally counts the dashboard's tallies in Go while BulkLoad fills empty
// tables through InsertMany, instead of recounting them with SQL at the end
// (a sort of every enrolment: about 11 s of a million-person demo). Each
// trainee arrives with all of its enrolments, so its first completion is
// known as it is written; person_first rows are written chunk by chunk and
// enrolment_tally and person_tally once at the end.
//
// It holds only while InsertMany saw every write. Anything else (Insert,
// AddEnrolment, a write through Tx) sets off, and BulkLoad recounts with
// SQL at the end. VerifyTallies, which recounts with the SQL definitions,
// checks the two agree (TestBulkLoadTallies).
type loadTally struct {
	off    bool
	enrol  map[enrolTallyKey]int
	person map[personTallyKey]int
}

type enrolTallyKey struct {
	year           int
	status, agency string
	month          int
	sex, kec, kbli string
}

type personTallyKey struct {
	year           int
	month          int
	sex, kec, kbli string
}

func newLoadTally() *loadTally {
	return &loadTally{enrol: map[enrolTallyKey]int{}, person: map[personTallyKey]int{}}
}

// countDate is the enrolment's generated count_date column (migration
// 0009) computed in Go from the values written: "" when it is missing.
func countDate(e *wub.Enrolment) string {
	return wub.ISO(e.CountDate())
}

// countMonth is the generated count_month column: the month of the count
// date, or 1 or 12 when that date lies before or after the program year,
// or 0 when it is missing.
func countMonth(date string, year int) int {
	if date == "" {
		return wub.UndatedMonth
	}
	y, _ := strconv.Atoi(date[:min(4, len(date))])
	switch {
	case y < year:
		return 1
	case y > year:
		return 12
	}
	m := 0
	if len(date) >= 7 {
		m, _ = strconv.Atoi(date[5:7])
	}
	return m
}

// personFirstCols are the columns of a person_first row, as add returns them.
const (
	personFirstCols  = `trainee_id, enrolment_id, agency_code, year, month, count_date, sex, kec_code, kbli`
	personFirstNCols = 9
)

// add counts the trainees of one InsertMany, whose ids are set, and
// appends the values of their person_first rows to vs.
func (lt *loadTally) add(vs []any, ts []*wub.Trainee) []any {
	for _, t := range ts {
		var first *wub.Enrolment
		var firstDate string
		for i := range t.Enrolments {
			e := &t.Enrolments[i]
			d := countDate(e)
			lt.enrol[enrolTallyKey{e.Year, e.Status, e.AgencyCode, countMonth(d, e.Year), t.Sex, t.KecCode, t.KBLI}]++
			if e.Status != wub.StatusTrained {
				continue
			}
			// First by program year, count date and id; ids rise in order.
			if first == nil || e.Year < first.Year || (e.Year == first.Year && d < firstDate) {
				first, firstDate = e, d
			}
		}
		if first == nil {
			continue
		}
		month := countMonth(firstDate, first.Year)
		lt.person[personTallyKey{first.Year, month, t.Sex, t.KecCode, t.KBLI}]++
		vs = append(vs, t.ID, first.ID, first.AgencyCode, first.Year, month, firstDate, t.Sex, t.KecCode, t.KBLI)
	}
	return vs
}

// write puts the counted tallies into their (emptied) tables.
func (lt *loadTally) write(ctx context.Context, tx *sql.Tx) error {
	ins, err := tx.PrepareContext(ctx, `INSERT INTO enrolment_tally (year, status, agency_code, month, sex, kec_code, kbli, n)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	for k, n := range lt.enrol {
		if _, err := ins.ExecContext(ctx, k.year, k.status, k.agency, k.month, k.sex, k.kec, k.kbli, n); err != nil {
			return err
		}
	}
	insP, err := tx.PrepareContext(ctx, `INSERT INTO person_tally (year, month, sex, kec_code, kbli, n) VALUES (?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer insP.Close()
	for k, n := range lt.person {
		if _, err := insP.ExecContext(ctx, k.year, k.month, k.sex, k.kec, k.kbli, n); err != nil {
			return err
		}
	}
	return nil
}
