package hub

import (
	"context"
	"time"

	"wubdesk/internal/hubapi"
)

// Report is the hub's live figures: per office (its people and enrolments
// and its last sync) and for the regency, where each NIK counts once.
func (h *Hub) Report(ctx context.Context) (hubapi.Report, error) {
	r := hubapi.Report{Offices: []hubapi.OfficeReport{}}
	// One statement, so one snapshot: the offices' and the regency's
	// figures always agree, even while offices push.
	rows, err := h.Pool.Query(ctx, `SELECT o.agency, COALESCE(t.people, 0), COALESCE(t.enrolments, 0),
			(SELECT max(d.last_sync) FROM device d WHERE d.office = o.id),
			sum(COALESCE(t.regency_people, 0)) OVER (), sum(COALESCE(t.regency_trained, 0)) OVER ()
		FROM office o LEFT JOIN office_tally t ON t.office = o.id ORDER BY o.agency`)
	if err != nil {
		return r, err
	}
	for rows.Next() {
		var o hubapi.OfficeReport
		var last *time.Time
		if err := rows.Scan(&o.Agency, &o.People, &o.Enrolments, &last, &r.Regency.People, &r.Regency.TrainedPeople); err != nil {
			rows.Close()
			return r, err
		}
		if last != nil {
			o.LastSync = last.UTC().Format(time.RFC3339)
		}
		r.Regency.Enrolments += o.Enrolments
		r.Offices = append(r.Offices, o)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return r, err
	}
	r.Months, err = h.months(ctx, "")
	return r, err
}

func init() {
	Route("GET", hubapi.PathReport, AuthUser, func(ctx context.Context, c *Call) (any, error) {
		return c.Hub.Report(ctx)
	})
}

// Recount counts the same figures again from the trainee and enrolment
// records themselves (slow: for checks and tests, which compare it with
// Report). Months are left empty.
func (h *Hub) Recount(ctx context.Context) (hubapi.Report, error) {
	r := hubapi.Report{Offices: []hubapi.OfficeReport{}, Months: []hubapi.MonthState{}}
	rows, err := h.Pool.Query(ctx, `SELECT o.agency,
			(SELECT count(*) FROM trainee t WHERE t.owner = o.id AND t.live),
			(SELECT count(*) FROM enrolment e WHERE e.owner = o.id AND e.live),
			(SELECT max(d.last_sync) FROM device d WHERE d.office = o.id)
		FROM office o ORDER BY o.agency`)
	if err != nil {
		return r, err
	}
	for rows.Next() {
		var o hubapi.OfficeReport
		var last *time.Time
		if err := rows.Scan(&o.Agency, &o.People, &o.Enrolments, &last); err != nil {
			rows.Close()
			return r, err
		}
		if last != nil {
			o.LastSync = last.UTC().Format(time.RFC3339)
		}
		r.Regency.Enrolments += o.Enrolments
		r.Offices = append(r.Offices, o)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return r, err
	}
	err = h.Pool.QueryRow(ctx, `SELECT
		(SELECT count(DISTINCT nik) FROM trainee WHERE live AND nik <> ''),
		(SELECT count(DISTINCT nik) FROM enrolment WHERE live AND status = 'trained' AND nik <> '')`).
		Scan(&r.Regency.People, &r.Regency.TrainedPeople)
	return r, err
}
