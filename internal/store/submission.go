package store

import (
	"context"
	"time"

	"wubdesk/internal/wub"
)

// countDateSQL is wub.Enrolment.CountDate in SQL (the generated column of
// migration 0009): ” when the date is missing. ” sorts before every date,
// so rows without one are always in the submission (they count in its
// "tanggal belum diisi" line, never in a month).
const countDateSQL = `e.count_date`

// SubmissionRows calls fn for every live enrolment of an agency in a
// program year whose count date is on or before end (the last day of the
// reporting month), ordered by count date: the rows of the monthly
// submission. Rows are streamed from one read transaction; t and e are
// reused between calls, so fn must copy what it keeps. An error from fn
// stops the query and is returned.
func (db *DB) SubmissionRows(ctx context.Context, agency string, year int, end time.Time,
	fn func(t *wub.Trainee, e *wub.Enrolment) error) error {
	rows, err := db.r.QueryContext(ctx, `SELECT t.nik, t.kk, t.name, t.sex, t.birth_place, t.birth_date,
		t.address, t.rt_rw, t.desa_code, t.kec_code, t.phone, t.education, t.kbli, t.business_name,
		e.id, e.trainee_id, e.year, e.status, e.enrolled_on, e.completed_on, coalesce(b.name, ''), `+countDateSQL+` AS cd
		FROM enrolment e
		JOIN trainee t ON t.id = e.trainee_id
		LEFT JOIN batch b ON b.id = e.batch_id
		WHERE e.agency_code = ? AND e.year = ? AND e.deleted_at IS NULL AND t.deleted_at IS NULL AND cd <= ?
		ORDER BY cd = '', cd, e.id`, agency, year, wub.ISO(end))
	if err != nil {
		return err
	}
	defer rows.Close()
	var t wub.Trainee
	var e wub.Enrolment
	var birth, enrolled, completed, countDate string
	for rows.Next() {
		if err := rows.Scan(&t.NIK, &t.KK, &t.Name, &t.Sex, &t.BirthPlace, &birth, &t.Address, &t.RTRW,
			&t.DesaCode, &t.KecCode, &t.Phone, &t.Education, &t.KBLI, &t.BusinessName,
			&e.ID, &e.TraineeID, &e.Year, &e.Status, &enrolled, &completed, &e.BatchName, &countDate); err != nil {
			return err
		}
		t.ID = e.TraineeID
		e.AgencyCode = agency
		t.BirthDate = wub.ParseISODate(birth)
		e.EnrolledOn = wub.ParseISODate(enrolled)
		e.CompletedOn = wub.ParseISODate(completed)
		if err := fn(&t, &e); err != nil {
			return err
		}
	}
	return rows.Err()
}

// SubmissionCount is the number of rows SubmissionRows will stream, for a
// progress bar.
func (db *DB) SubmissionCount(ctx context.Context, agency string, year int, end time.Time) (int, error) {
	var n int
	err := db.r.QueryRowContext(ctx, `SELECT count(*) FROM enrolment e JOIN trainee t ON t.id = e.trainee_id
		WHERE e.agency_code = ? AND e.year = ? AND e.deleted_at IS NULL AND t.deleted_at IS NULL
		AND `+countDateSQL+` <= ?`, agency, year, wub.ISO(end)).Scan(&n)
	return n, err
}
