package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"time"

	"wubdesk/internal/wub"
)

// ContractRound gathers, for the agency's contract round of newYear, every
// facilitator who had a contract with the agency in newYear-1, with their
// record of that year, the decision in force and whether a contract for
// newYear exists. The figures are defined on wub.RoundRow.
func (db *DB) ContractRound(ctx context.Context, agencyCode string, newYear int) (*wub.ContractRound, error) {
	round, err := loadRound(ctx, db.r, agencyCode, newYear)
	if err != nil {
		return nil, err
	}
	if err := roundFigures(ctx, db.r, round, db.today()); err != nil {
		return nil, err
	}
	return round, nil
}

// loadRound reads the rows of a round: last year's contracts, the latest
// decisions and the new year's contracts.
func loadRound(ctx context.Context, q querier, agency string, newYear int) (*wub.ContractRound, error) {
	round := &wub.ContractRound{AgencyCode: agency, Year: newYear}
	last := newYear - 1
	agencies, err := roundAgencies(ctx, q, agency, newYear)
	if err != nil {
		return nil, err
	}
	cs, err := queryContracts(ctx, q, "c.deleted_at IS NULL AND f.deleted_at IS NULL AND c.agency_code IN ("+
		inList(len(agencies))+") AND c.year = ?", append(agencies, last)...)
	if err != nil {
		return nil, err
	}
	idx := map[int64]int{}
	for _, c := range cs {
		i, ok := idx[c.FacilitatorID]
		if !ok {
			f, err := getFacilitator(ctx, q, c.FacilitatorID)
			if err != nil {
				return nil, err
			}
			idx[c.FacilitatorID] = len(round.Rows)
			round.Rows = append(round.Rows, wub.RoundRow{FacilitatorID: f.ID, Name: f.Name, Role: f.Role,
				Status: f.Status, LastContract: c})
			i = len(round.Rows) - 1
		}
		r := &round.Rows[i]
		r.Target += c.TargetTrainees
		if c.EndDate.After(r.LastContract.EndDate) {
			r.LastContract = c
		}
	}
	rows, err := q.QueryContext(ctx, `SELECT id, facilitator_id, decision, note, decided_by, decided_at FROM contract_decision
		WHERE agency_code = ? AND for_year = ? ORDER BY id`, agency, newYear)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		d := wub.ContractDecision{AgencyCode: agency, ForYear: newYear}
		var at string
		if err := rows.Scan(&d.ID, &d.FacilitatorID, &d.Decision, &d.Note, &d.DecidedBy, &at); err != nil {
			return nil, err
		}
		d.DecidedAt = parseTime(at)
		if i, ok := idx[d.FacilitatorID]; ok {
			round.Rows[i].Decision = d // rows come oldest first: the latest wins
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	err = eachRow(ctx, q, `SELECT facilitator_id, min(id) FROM contract WHERE agency_code = ? AND year = ?
		AND deleted_at IS NULL GROUP BY facilitator_id`, []any{agency, newYear}, func(id int64, v int64) {
		if i, ok := idx[id]; ok {
			round.Rows[i].NewContract = v
		}
	})
	return round, err
}

// roundFigures fills the record of last year into the rows of a round.
func roundFigures(ctx context.Context, q querier, round *wub.ContractRound, today time.Time) error {
	last := round.LastYear()
	from, to := fmt.Sprintf("%04d-01-01", last), fmt.Sprintf("%04d-12-31", last)
	byID := map[int64]*wub.RoundRow{}
	for i := range round.Rows {
		byID[round.Rows[i].FacilitatorID] = &round.Rows[i]
	}
	set := func(field func(r *wub.RoundRow) *int) func(id, v int64) {
		return func(id, v int64) {
			if r, ok := byID[id]; ok {
				*field(r) = int(v)
			}
		}
	}
	agencies, err := roundAgencies(ctx, q, round.AgencyCode, round.Year)
	if err != nil {
		return err
	}
	batchArgs := append(agencies, last)
	inAgencies := "b.agency_code IN (" + inList(len(agencies)) + ")"
	if err := eachRow(ctx, q, `SELECT bf.facilitator_id, count(DISTINCT b.id) FROM batch_facilitator bf
		JOIN batch b ON b.id = bf.batch_id AND b.deleted_at IS NULL AND `+inAgencies+` AND b.year = ?
		GROUP BY bf.facilitator_id`, batchArgs, set(func(r *wub.RoundRow) *int { return &r.BatchesRun })); err != nil {
		return err
	}
	if err := eachRow(ctx, q, `SELECT bf.facilitator_id, count(DISTINCT e.trainee_id) FROM batch_facilitator bf
		JOIN batch b ON b.id = bf.batch_id AND b.deleted_at IS NULL AND `+inAgencies+` AND b.year = ?
		JOIN enrolment e ON e.batch_id = b.id AND e.deleted_at IS NULL AND e.status = 'trained'
		JOIN trainee t ON t.id = e.trainee_id AND t.deleted_at IS NULL
		GROUP BY bf.facilitator_id`, batchArgs, set(func(r *wub.RoundRow) *int { return &r.TraineesTrained })); err != nil {
		return err
	}
	visits := `FROM mentoring m JOIN trainee t ON t.id = m.trainee_id AND t.deleted_at IS NULL
		WHERE m.deleted_at IS NULL AND m.visit_date BETWEEN ?1 AND ?2`
	if err := eachRow(ctx, q, `SELECT m.facilitator_id, count(DISTINCT m.trainee_id) `+visits+` GROUP BY m.facilitator_id`,
		[]any{from, to}, set(func(r *wub.RoundRow) *int { return &r.TraineesMentored })); err != nil {
		return err
	}
	if err := eachRow(ctx, q, `SELECT m.facilitator_id, count(*) `+visits+` GROUP BY m.facilitator_id`,
		[]any{from, to}, set(func(r *wub.RoundRow) *int { return &r.Visits })); err != nil {
		return err
	}
	// A business is a fact about the trainee, not the visitor: its state is
	// the latest recorded by anyone up to the end of the year.
	if err := eachRow(ctx, q, `WITH latest AS (
			SELECT trainee_id, business_state FROM (
				SELECT trainee_id, business_state,
					row_number() OVER (PARTITION BY trainee_id ORDER BY visit_date DESC, id DESC) AS rn
				FROM mentoring WHERE deleted_at IS NULL AND visit_date <= ?2)
			WHERE rn = 1)
		SELECT m.facilitator_id, count(DISTINCT m.trainee_id) `+visits+`
			AND m.trainee_id IN (SELECT trainee_id FROM latest WHERE business_state = 'running')
		GROUP BY m.facilitator_id`, []any{from, to}, set(func(r *wub.RoundRow) *int { return &r.BusinessRunning })); err != nil {
		return err
	}
	return roundReports(ctx, q, round, byID, today)
}

// roundReports tallies monthly reports over the months of each row's
// contracts with the agency in the last year.
func roundReports(ctx context.Context, q querier, round *wub.ContractRound, byID map[int64]*wub.RoundRow, today time.Time) error {
	last := round.LastYear()
	months := map[int64]map[string]bool{}
	agencies, err := roundAgencies(ctx, q, round.AgencyCode, round.Year)
	if err != nil {
		return err
	}
	cs, err := queryContracts(ctx, q, "c.deleted_at IS NULL AND c.agency_code IN ("+inList(len(agencies))+") AND c.year = ?",
		append(agencies, last)...)
	if err != nil {
		return err
	}
	for _, c := range cs {
		if months[c.FacilitatorID] == nil {
			months[c.FacilitatorID] = map[string]bool{}
		}
		for _, m := range c.Months() {
			months[c.FacilitatorID][m] = true
		}
	}
	submitted := map[int64]map[string]time.Time{}
	rows, err := q.QueryContext(ctx, `SELECT facilitator_id, month, submitted_on FROM activity_report
		WHERE deleted_at IS NULL AND month BETWEEN ? AND ?`, fmt.Sprintf("%04d-01", last), fmt.Sprintf("%04d-12", last+1))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var month, sub string
		if err := rows.Scan(&id, &month, &sub); err != nil {
			return err
		}
		if submitted[id] == nil {
			submitted[id] = map[string]time.Time{}
		}
		submitted[id][month] = wub.ParseISODate(sub)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for id, r := range byID {
		var ms []string
		for m := range months[id] {
			ms = append(ms, m)
		}
		sort.Strings(ms)
		r.Reports = wub.TallyReports(ms, submitted[id], today)
	}
	return nil
}

// eachRow runs a query of (id, value) pairs.
func eachRow(ctx context.Context, q querier, query string, args []any, fn func(id, v int64)) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, v int64
		if err := rows.Scan(&id, &v); err != nil {
			return err
		}
		fn(id, v)
	}
	return rows.Err()
}

// Decide records decisions of the round for newYear in one transaction. A
// decision equal to the one in force (with the same note) adds nothing;
// any other adds a row, so earlier decisions stay on record.
func (db *DB) Decide(ctx context.Context, agencyCode string, newYear int, ds []wub.ContractDecision) error {
	for _, d := range ds {
		if err := wub.CheckDecision(d.Decision); err != nil {
			return err
		}
	}
	return db.writeTx(ctx, func(tx *sql.Tx) error {
		round, err := loadRound(ctx, tx, agencyCode, newYear)
		if err != nil {
			return err
		}
		byID := map[int64]wub.RoundRow{}
		for _, r := range round.Rows {
			byID[r.FacilitatorID] = r
		}
		for _, d := range ds {
			r, ok := byID[d.FacilitatorID]
			if !ok {
				name := fmt.Sprint(d.FacilitatorID)
				if f, err := getFacilitator(ctx, tx, d.FacilitatorID); err == nil {
					name = f.Name
				}
				return wub.Errorf("round_not_in_round", name, newYear-1)
			}
			if r.CurrentDecision() == d.Decision && r.Decision.Note == d.Note {
				continue
			}
			if err := db.insertDecision(ctx, tx, agencyCode, newYear, d); err != nil {
				return err
			}
		}
		return nil
	}, wub.ActEdit, wub.ActSignOff)
}

func (db *DB) insertDecision(ctx context.Context, tx *sql.Tx, agency string, year int, d wub.ContractDecision) error {
	now := db.now()
	res, err := tx.ExecContext(ctx, `INSERT INTO contract_decision (facilitator_id, agency_code, for_year, decision,
		note, decided_by, decided_at) VALUES (?,?,?,?,?,?,?)`, d.FacilitatorID, agency, year, d.Decision, d.Note, db.Actor, now)
	if err != nil {
		return err
	}
	id, _ := res.LastInsertId()
	return db.audit(ctx, tx, "contract_decision", id, "insert", nil, map[string]any{
		"FacilitatorID": d.FacilitatorID, "Agency": agency, "ForYear": year, "Decision": d.Decision, "Note": d.Note})
}

// RenewAll marks every facilitator of the round as renewed.
func (db *DB) RenewAll(ctx context.Context, agencyCode string, newYear int) error {
	round, err := loadRound(ctx, db.r, agencyCode, newYear)
	if err != nil {
		return err
	}
	ds := make([]wub.ContractDecision, 0, len(round.Rows))
	for _, r := range round.Rows {
		ds = append(ds, wub.ContractDecision{FacilitatorID: r.FacilitatorID, Decision: wub.DecisionRenew, Note: r.Decision.Note})
	}
	return db.Decide(ctx, agencyCode, newYear, ds)
}

// DecisionHistory lists every decision of a round for one facilitator,
// oldest first.
func (db *DB) DecisionHistory(ctx context.Context, agencyCode string, newYear int, facilitatorID int64) ([]wub.ContractDecision, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT id, decision, note, decided_by, decided_at FROM contract_decision
		WHERE agency_code = ? AND for_year = ? AND facilitator_id = ? ORDER BY id`, agencyCode, newYear, facilitatorID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []wub.ContractDecision
	for rows.Next() {
		d := wub.ContractDecision{FacilitatorID: facilitatorID, AgencyCode: agencyCode, ForYear: newYear}
		var at string
		if err := rows.Scan(&d.ID, &d.Decision, &d.Note, &d.DecidedBy, &at); err != nil {
			return nil, err
		}
		d.DecidedAt = parseTime(at)
		out = append(out, d)
	}
	return out, rows.Err()
}

// CreateRenewedContracts makes, in one transaction, the new year's
// contracts of every facilitator whose decision is renew: the terms of last
// year's contract on the same days of the new year, without SPK or
// assignment numbers yet. A facilitator who already has a contract with the
// agency in the new year is skipped, so a second click creates nothing
// twice.
func (db *DB) CreateRenewedContracts(ctx context.Context, agencyCode string, newYear int) (wub.RenewalResult, error) {
	var res wub.RenewalResult
	as, err := db.Agencies(ctx)
	if err != nil {
		return res, err
	}
	err = db.WriteTx(ctx, func(tx *sql.Tx) error {
		res = wub.RenewalResult{}
		round, err := loadRound(ctx, tx, agencyCode, newYear)
		if err != nil {
			return err
		}
		renew := 0
		now := db.now()
		for _, r := range round.Rows {
			if r.CurrentDecision() != wub.DecisionRenew {
				continue
			}
			renew++
			if r.NewContract != 0 {
				res.Existing = append(res.Existing, r.Name)
				continue
			}
			c := r.LastContract.RenewFor(newYear)
			c.AgencyCode = agencyCode // last year's may be of an agency that handed over to this one
			if is := c.Check(as); is.HasErrors() {
				return is.Errors()
			}
			if _, err := contractClashes(ctx, tx, as, &c); err != nil {
				return err
			}
			if err := db.insertContract(ctx, tx, now, &c, true); err != nil {
				return err
			}
			res.Created = append(res.Created, c)
		}
		if renew == 0 {
			return wub.Errorf("round_no_renewals", newYear)
		}
		return nil
	})
	return res, err
}
