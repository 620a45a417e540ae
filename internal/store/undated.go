package store

import (
	"context"

	"wubdesk/internal/wub"
)

// undatedWhere selects the live enrolments whose dates are to be completed:
// no enrolment date, or Lulus/Keluar without the date it was completed or
// left (wub.Enrolment.CheckDates). It reads only columns every schema
// version has, so that `wubdesk check` can run it on a file it does not
// migrate.
const undatedWhere = `e.deleted_at IS NULL AND t.deleted_at IS NULL
	AND (e.enrolled_on = '' OR (e.status IN ('trained', 'dropped') AND e.completed_on = ''))`

// UndatedEnrolments lists up to limit enrolments whose dates are to be
// completed, by agency, year and name, and how many there are in all.
func (db *DB) UndatedEnrolments(ctx context.Context, limit int) ([]wub.UndatedEnrolment, int, error) {
	return undatedEnrolments(ctx, db.r, limit)
}

func undatedEnrolments(ctx context.Context, q querier, limit int) ([]wub.UndatedEnrolment, int, error) {
	var n int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM enrolment e JOIN trainee t ON t.id = e.trainee_id
		WHERE `+undatedWhere).Scan(&n); err != nil {
		return nil, 0, err
	}
	if n == 0 || limit <= 0 {
		return nil, n, nil
	}
	rows, err := q.QueryContext(ctx, `SELECT t.id, e.id, t.name, e.agency_code, e.year, e.status, e.enrolled_on,
		e.completed_on, coalesce(b.name, ''), coalesce(b.end_date, '')
		FROM enrolment e JOIN trainee t ON t.id = e.trainee_id LEFT JOIN batch b ON b.id = e.batch_id
		WHERE `+undatedWhere+`
		ORDER BY e.agency_code, e.year, t.name COLLATE NOCASE, t.id, e.id LIMIT ?`, limit)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []wub.UndatedEnrolment
	for rows.Next() {
		var u wub.UndatedEnrolment
		var enrolled, completed string
		if err := rows.Scan(&u.TraineeID, &u.EnrolmentID, &u.Name, &u.AgencyCode, &u.Year, &u.Status,
			&enrolled, &completed, &u.BatchName, &u.BatchEndDate); err != nil {
			return nil, 0, err
		}
		e := wub.Enrolment{Status: u.Status, EnrolledOn: wub.ParseISODate(enrolled), CompletedOn: wub.ParseISODate(completed)}
		u.Missing = e.DateToComplete()
		out = append(out, u)
	}
	return out, n, rows.Err()
}
