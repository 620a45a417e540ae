package store

import (
	"context"
	"time"

	"wubdesk/internal/wub"
)

// Outcomes are the figures of one program year for the dashboard and the
// submission workbook's Rekap: of the people registered and trained in the
// year, how many reached each stage, per agency and kecamatan, with the
// median days from training to business running. Each person counts once.
func (db *DB) Outcomes(ctx context.Context, year int) (wub.Outcomes, error) {
	people, err := db.cohort(ctx, year)
	if err != nil {
		return wub.Outcomes{}, err
	}
	return wub.ComputeOutcomes(year, people), nil
}

// OutcomePeople lists the people behind one figure of Outcomes: the
// cohort of a year filtered to a stage, an agency ("" for all) and a
// kecamatan ("" for all, wub.NoKecamatan for people without one), ordered
// by name.
func (db *DB) OutcomePeople(ctx context.Context, year int, stage, agency, kec string) ([]wub.PersonJourney, error) {
	people, err := db.cohort(ctx, year)
	if err != nil {
		return nil, err
	}
	return wub.OutcomePeople(people, stage, agency, kec), nil
}

// JourneyFacts are the stage dates of every person with a live enrolment in
// a program year, as they stood at the end of day asOf, by trainee ID: what
// the monthly submission writes beside each Peserta row. They come from the
// same cohort as Outcomes.
func (db *DB) JourneyFacts(ctx context.Context, year int, asOf time.Time) (map[int64]wub.JourneyFacts, error) {
	people, err := db.cohort(ctx, year)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]wub.JourneyFacts, len(people))
	for _, p := range people {
		out[p.TraineeID] = p.Facts.AsOf(asOf)
	}
	return out, nil
}

// cohort reads every live person with a live enrolment in the year, once,
// under the agency of their best enrolment that year (a completed one
// first, the earliest completion first), with the first date of each stage.
func (db *DB) cohort(ctx context.Context, year int) ([]wub.PersonJourney, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT e.trainee_id, t.nik, t.name, t.kec_code, e.agency_code, e.status,
		e.enrolled_on, e.completed_on
		FROM enrolment e JOIN trainee t ON t.id = e.trainee_id
		WHERE e.year = ? AND e.deleted_at IS NULL AND t.deleted_at IS NULL
		ORDER BY t.name COLLATE NOCASE, e.trainee_id, e.status = 'trained' DESC, e.completed_on = '',
			e.completed_on, e.id`, year)
	if err != nil {
		return nil, err
	}
	var people []wub.PersonJourney
	index := map[int64]int{}
	for rows.Next() {
		var p wub.PersonJourney
		var status, enrolled, completed string
		if err := rows.Scan(&p.TraineeID, &p.NIK, &p.Name, &p.KecCode, &p.AgencyCode, &status, &enrolled, &completed); err != nil {
			rows.Close()
			return nil, err
		}
		if _, seen := index[p.TraineeID]; seen {
			continue // the first row is the enrolment the person counts under
		}
		p.Facts.RegisteredOn = wub.ParseISODate(enrolled)
		if status == wub.StatusTrained {
			p.Facts.Trained = true
			p.Facts.TrainedOn = wub.ParseISODate(completed)
		}
		index[p.TraineeID] = len(people)
		people = append(people, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}

	const inCohort = ` AND b.deleted_at IS NULL
		AND b.trainee_id IN (SELECT trainee_id FROM enrolment WHERE year = ?1 AND deleted_at IS NULL)
		GROUP BY b.trainee_id`
	firsts := []struct {
		sql string
		set func(f *wub.JourneyFacts, d time.Time)
	}{
		{`SELECT b.trainee_id, min(b.started_on) FROM business b WHERE 1` + inCohort,
			func(f *wub.JourneyFacts, d time.Time) { f.BusinessStarted = d }},
		{`SELECT b.trainee_id, min(l.issued_on) FROM licence l JOIN business b ON b.id = l.business_id
			WHERE l.deleted_at IS NULL` + inCohort,
			func(f *wub.JourneyFacts, d time.Time) { f.FirstLicence = d }},
		{`SELECT b.trainee_id, min(c.started_on) FROM marketing_channel c JOIN business b ON b.id = c.business_id
			WHERE c.deleted_at IS NULL` + inCohort,
			func(f *wub.JourneyFacts, d time.Time) { f.FirstMarketing = wub.Earliest(f.FirstMarketing, d) }},
		{`SELECT b.trainee_id, min(li.listed_on) FROM listing li JOIN product p ON p.id = li.product_id
			JOIN business b ON b.id = p.business_id
			WHERE li.deleted_at IS NULL AND p.deleted_at IS NULL` + inCohort,
			func(f *wub.JourneyFacts, d time.Time) {
				f.FirstWamira = d
				f.FirstMarketing = wub.Earliest(f.FirstMarketing, d)
			}},
		{`SELECT b.trainee_id, min(l.issued_on) FROM licence l JOIN business b ON b.id = l.business_id
			WHERE l.deleted_at IS NULL AND l.kind = 'nib'` + inCohort,
			func(f *wub.JourneyFacts, d time.Time) { f.FirstNIB = d }},
		{`SELECT b.trainee_id, min(c.received_on) FROM capital c JOIN business b ON b.id = c.business_id
			WHERE c.deleted_at IS NULL` + inCohort,
			func(f *wub.JourneyFacts, d time.Time) { f.FirstCapital = d }},
	}
	for _, q := range firsts {
		err := db.eachFirstDate(ctx, q.sql, year, func(id int64, d time.Time) {
			if i, ok := index[id]; ok {
				q.set(&people[i].Facts, d)
			}
		})
		if err != nil {
			return nil, err
		}
	}
	if ok, err := hasTable(ctx, db.r, "mentoring"); err != nil {
		return nil, err
	} else if ok {
		rows, err := db.r.QueryContext(ctx, mentoringFirstDatesSQL, year)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var first, running string
			if err := rows.Scan(&id, &first, &running); err != nil {
				return nil, err
			}
			if i, ok := index[id]; ok {
				people[i].Facts.FirstMentoring = wub.ParseISODate(first)
				people[i].Facts.FirstRunningVisit = wub.ParseISODate(running)
			}
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return people, nil
}

func (db *DB) eachFirstDate(ctx context.Context, q string, year int, fn func(id int64, d time.Time)) error {
	rows, err := db.r.QueryContext(ctx, q, year)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var d string
		if err := rows.Scan(&id, &d); err != nil {
			return err
		}
		fn(id, wub.ParseISODate(d))
	}
	return rows.Err()
}
