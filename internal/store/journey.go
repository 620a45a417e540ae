package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"wubdesk/internal/wub"
)

// trainingOf reads what the journey rules need of a live trainee's
// training; a deleted or unknown trainee is not_found.
func trainingOf(ctx context.Context, q querier, traineeID int64) (wub.Training, error) {
	var deleted sql.NullString
	err := q.QueryRowContext(ctx, "SELECT deleted_at FROM trainee WHERE id = ?", traineeID).Scan(&deleted)
	if errors.Is(err, sql.ErrNoRows) || err == nil && deleted.Valid {
		return wub.Training{}, wub.Errorf("not_found")
	}
	if err != nil {
		return wub.Training{}, err
	}
	rows, err := q.QueryContext(ctx, `SELECT status, year, enrolled_on, completed_on FROM enrolment
		WHERE trainee_id = ? AND deleted_at IS NULL`, traineeID)
	if err != nil {
		return wub.Training{}, err
	}
	defer rows.Close()
	var es []wub.Enrolment
	for rows.Next() {
		var e wub.Enrolment
		var enr, comp string
		if err := rows.Scan(&e.Status, &e.Year, &enr, &comp); err != nil {
			return wub.Training{}, err
		}
		e.EnrolledOn, e.CompletedOn = wub.ParseISODate(enr), wub.ParseISODate(comp)
		es = append(es, e)
	}
	return wub.TrainingOf(es), rows.Err()
}

// TraineeTraining tells a form what the journey rules will check against.
func (db *DB) TraineeTraining(ctx context.Context, traineeID int64) (wub.Training, error) {
	return trainingOf(ctx, db.r, traineeID)
}

// txFn checks and writes one record inside a transaction. It returns the
// record's issues; when they hold errors it has written nothing.
type txFn func(tx *sql.Tx) (wub.Issues, error)

// checkedWrite runs fn in one write transaction. fn checks the record and
// returns its issues; when they hold errors nothing is written and they
// come back as the error, otherwise the warnings are returned.
func (db *DB) checkedWrite(ctx context.Context, fn txFn) (wub.Issues, error) {
	var warns wub.Issues
	err := db.WriteTx(ctx, func(tx *sql.Tx) error {
		is, err := fn(tx)
		if err != nil {
			return err
		}
		if is.HasErrors() {
			return is.Errors()
		}
		warns = is.Warnings()
		return nil
	})
	return warns, err
}

const businessCols = `id, trainee_id, name, kbli, products, address, desa_code, kec_code, started_on, turnover,
	workers, source, recorded_by, created_at`

func scanBusiness(sc interface{ Scan(...any) error }) (wub.Business, error) {
	var b wub.Business
	var started, created string
	err := sc.Scan(&b.ID, &b.TraineeID, &b.Name, &b.KBLI, &b.Products, &b.Address, &b.DesaCode, &b.KecCode,
		&started, &b.Turnover, &b.Workers, &b.Source, &b.RecordedBy, &created)
	b.StartedOn, b.CreatedAt = wub.ParseISODate(started), parseTime(created)
	return b, err
}

// liveBusiness returns a live business of a live trainee, or not_found.
func liveBusiness(ctx context.Context, q querier, id int64) (wub.Business, error) {
	b, err := scanBusiness(q.QueryRowContext(ctx, `SELECT `+businessCols+` FROM business
		WHERE id = ? AND deleted_at IS NULL
		AND EXISTS (SELECT 1 FROM trainee t WHERE t.id = business.trainee_id AND t.deleted_at IS NULL)`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return b, wub.Errorf("not_found")
	}
	return b, err
}

// Businesses lists a trainee's live businesses, oldest first.
func (db *DB) Businesses(ctx context.Context, traineeID int64) ([]wub.Business, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT `+businessCols+` FROM business
		WHERE trainee_id = ? AND deleted_at IS NULL ORDER BY started_on, id`, traineeID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []wub.Business
	for rows.Next() {
		b, err := scanBusiness(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

// SaveBusiness records a new business (ID 0) or changes one. The start
// date is the "business running" stage: it may not be before the trainee
// completed a training.
func (db *DB) SaveBusiness(ctx context.Context, b *wub.Business) (wub.Issues, error) {
	return db.checkedWrite(ctx, db.saveBusiness(ctx, b))
}

func (db *DB) saveBusiness(ctx context.Context, b *wub.Business) txFn {
	b.Normalize()
	if b.Source == "" {
		b.Source = "form"
	}
	return func(tx *sql.Tx) (wub.Issues, error) {
		var old wub.Business
		if b.ID != 0 {
			var err error
			if old, err = liveBusiness(ctx, tx, b.ID); err != nil {
				return nil, err
			}
			b.TraineeID, b.Source, b.RecordedBy, b.CreatedAt = old.TraineeID, old.Source, old.RecordedBy, old.CreatedAt
		}
		tr, err := trainingOf(ctx, tx, b.TraineeID)
		if err != nil {
			return nil, err
		}
		is := b.Check(tr, db.today())
		if is.HasErrors() {
			return is, nil
		}
		now := db.now()
		if b.ID == 0 {
			b.RecordedBy = db.Actor
			res, err := tx.ExecContext(ctx, `INSERT INTO business (trainee_id, name, kbli, products, address, desa_code,
				kec_code, started_on, turnover, workers, source, recorded_by, created_at, updated_at)
				VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, b.TraineeID, b.Name, b.KBLI, b.Products, b.Address, b.DesaCode,
				b.KecCode, wub.ISO(b.StartedOn), b.Turnover, b.Workers, b.Source, b.RecordedBy, now, now)
			if err != nil {
				return nil, err
			}
			b.ID, _ = res.LastInsertId()
			return is, db.audit(ctx, tx, "business", b.ID, "insert", nil, b)
		}
		_, err = tx.ExecContext(ctx, `UPDATE business SET name=?, kbli=?, products=?, address=?, desa_code=?, kec_code=?,
			started_on=?, turnover=?, workers=?, updated_at=? WHERE id=?`, b.Name, b.KBLI, b.Products, b.Address,
			b.DesaCode, b.KecCode, wub.ISO(b.StartedOn), b.Turnover, b.Workers, now, b.ID)
		if err != nil {
			return nil, err
		}
		return is, db.audit(ctx, tx, "business", b.ID, "update", old, b)
	}
}

// ConfirmBusinessRunning is for the mentoring code: a visit on day visit
// found the trainee's business running ("sudah berjalan"). When the trainee
// has no business yet, one is recorded from the visit (named after the
// business in the trainee's data); when the recorded business started later
// than the visit, its start moves back to the visit day. It returns the
// business and whether it was created. The visit date obeys the stage
// rules (not before the training's completion).
func (db *DB) ConfirmBusinessRunning(ctx context.Context, traineeID int64, visit time.Time, mentoringID int64) (id int64, created bool, err error) {
	_, err = db.checkedWrite(ctx, func(tx *sql.Tx) (wub.Issues, error) {
		var is wub.Issues
		id, created, is, err = db.confirmBusinessRunningTx(ctx, tx, traineeID, visit, mentoringID)
		return is, err
	})
	return id, created, err
}

// confirmBusinessRunningTx is ConfirmBusinessRunning inside the caller's
// transaction (SaveMentoring uses it, so a visit and the business it
// confirms are one unit of work).
func (db *DB) confirmBusinessRunningTx(ctx context.Context, tx *sql.Tx, traineeID int64, visit time.Time, mentoringID int64) (id int64, created bool, is wub.Issues, err error) {
	is, err = func() (wub.Issues, error) {
		tr, err := trainingOf(ctx, tx, traineeID)
		if err != nil {
			return nil, err
		}
		if is := wub.CheckStageDate("visit_date", visit, tr, db.today()); is.HasErrors() {
			return is, nil
		}
		var b wub.Business
		b, err = scanBusiness(tx.QueryRowContext(ctx, `SELECT `+businessCols+` FROM business
			WHERE trainee_id = ? AND deleted_at IS NULL ORDER BY started_on, id LIMIT 1`, traineeID))
		now := db.now()
		switch {
		case errors.Is(err, sql.ErrNoRows):
			t, err := getTrainee(ctx, tx, traineeID)
			if err != nil {
				return nil, err
			}
			nb := wub.Business{TraineeID: traineeID, Name: t.BusinessName, KBLI: t.KBLI, DesaCode: t.DesaCode,
				KecCode: t.KecCode, StartedOn: visit, Source: "mentoring", RecordedBy: db.Actor}
			if nb.Name == "" {
				nb.Name = "Usaha " + t.Name // data, so always Indonesian
			}
			res, err := tx.ExecContext(ctx, `INSERT INTO business (trainee_id, name, kbli, desa_code, kec_code, started_on,
				source, mentoring_id, recorded_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
				nb.TraineeID, nb.Name, nb.KBLI, nb.DesaCode, nb.KecCode, wub.ISO(visit), nb.Source, nullID(mentoringID),
				nb.RecordedBy, now, now)
			if err != nil {
				return nil, err
			}
			nb.ID, _ = res.LastInsertId()
			id, created = nb.ID, true
			return nil, db.audit(ctx, tx, "business", nb.ID, "insert", nil, nb)
		case err != nil:
			return nil, err
		}
		id = b.ID
		if !visit.Before(b.StartedOn) {
			return nil, nil
		}
		old := b
		b.StartedOn = visit
		if _, err := tx.ExecContext(ctx, "UPDATE business SET started_on=?, updated_at=? WHERE id=?", wub.ISO(visit), now, b.ID); err != nil {
			return nil, err
		}
		return nil, db.audit(ctx, tx, "business", b.ID, "update", old, b)
	}()
	return id, created, is, err
}

// DeleteBusiness deletes a business softly with everything recorded under
// it: licences, channels, capital, products and their listings.
func (db *DB) DeleteBusiness(ctx context.Context, id int64) error {
	return db.WriteTx(ctx, func(tx *sql.Tx) error {
		old, err := liveBusiness(ctx, tx, id)
		if err != nil {
			return err
		}
		now := db.now()
		stmts := []string{
			"UPDATE business SET deleted_at=?1, updated_at=?1 WHERE id=?2",
			"UPDATE licence SET deleted_at=?1, updated_at=?1 WHERE business_id=?2 AND deleted_at IS NULL",
			"UPDATE marketing_channel SET deleted_at=?1, updated_at=?1 WHERE business_id=?2 AND deleted_at IS NULL",
			"UPDATE capital SET deleted_at=?1, updated_at=?1 WHERE business_id=?2 AND deleted_at IS NULL",
			`UPDATE listing SET deleted_at=?1, updated_at=?1 WHERE deleted_at IS NULL
				AND product_id IN (SELECT id FROM product WHERE business_id=?2)`,
			"UPDATE product SET deleted_at=?1, updated_at=?1 WHERE business_id=?2 AND deleted_at IS NULL",
		}
		for _, s := range stmts {
			if _, err := tx.ExecContext(ctx, s, now, id); err != nil {
				return err
			}
		}
		return db.audit(ctx, tx, "business", id, "delete", old, nil)
	})
}

// AddLicence records a licence of a business.
func (db *DB) AddLicence(ctx context.Context, l *wub.Licence) (wub.Issues, error) {
	return db.checkedWrite(ctx, db.addLicence(ctx, l))
}

func (db *DB) addLicence(ctx context.Context, l *wub.Licence) txFn {
	return db.addUnderBusiness(ctx, l.BusinessID, func(tx *sql.Tx, has bool, tr wub.Training) (wub.Issues, error) {
		is := l.Check(has, tr, db.today())
		if is.HasErrors() {
			return is, nil
		}
		l.RecordedBy = db.Actor
		res, err := tx.ExecContext(ctx, `INSERT INTO licence (business_id, kind, number, issued_on, recorded_by,
			created_at, updated_at) VALUES (?,?,?,?,?,?,?)`, l.BusinessID, l.Kind, l.Number, wub.ISO(l.IssuedOn),
			l.RecordedBy, db.now(), db.now())
		if err != nil {
			return nil, err
		}
		l.ID, _ = res.LastInsertId()
		return is, db.audit(ctx, tx, "licence", l.ID, "insert", nil, l)
	})
}

// AddChannel records a marketing channel of a business.
func (db *DB) AddChannel(ctx context.Context, c *wub.Channel) (wub.Issues, error) {
	return db.checkedWrite(ctx, db.addChannel(ctx, c))
}

func (db *DB) addChannel(ctx context.Context, c *wub.Channel) txFn {
	return db.addUnderBusiness(ctx, c.BusinessID, func(tx *sql.Tx, has bool, tr wub.Training) (wub.Issues, error) {
		is := c.Check(has, tr, db.today())
		if is.HasErrors() {
			return is, nil
		}
		c.RecordedBy = db.Actor
		res, err := tx.ExecContext(ctx, `INSERT INTO marketing_channel (business_id, kind, detail, started_on,
			recorded_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?)`, c.BusinessID, c.Kind, c.Detail,
			wub.ISO(c.StartedOn), c.RecordedBy, db.now(), db.now())
		if err != nil {
			return nil, err
		}
		c.ID, _ = res.LastInsertId()
		return is, db.audit(ctx, tx, "marketing_channel", c.ID, "insert", nil, c)
	})
}

// AddCapital records capital a business received.
func (db *DB) AddCapital(ctx context.Context, c *wub.Capital) (wub.Issues, error) {
	return db.checkedWrite(ctx, db.addCapital(ctx, c))
}

func (db *DB) addCapital(ctx context.Context, c *wub.Capital) txFn {
	return db.addUnderBusiness(ctx, c.BusinessID, func(tx *sql.Tx, has bool, tr wub.Training) (wub.Issues, error) {
		is := c.Check(has, tr, db.today())
		if is.HasErrors() {
			return is, nil
		}
		c.RecordedBy = db.Actor
		res, err := tx.ExecContext(ctx, `INSERT INTO capital (business_id, source, provider, amount, received_on, notes,
			recorded_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)`, c.BusinessID, c.Source, c.Provider,
			c.Amount, wub.ISO(c.ReceivedOn), c.Notes, c.RecordedBy, db.now(), db.now())
		if err != nil {
			return nil, err
		}
		c.ID, _ = res.LastInsertId()
		return is, db.audit(ctx, tx, "capital", c.ID, "insert", nil, c)
	})
}

// addUnderBusiness looks up the business a record belongs to (has is false
// when there is none) and the owner's training, then runs fn.
func (db *DB) addUnderBusiness(ctx context.Context, businessID int64, fn func(tx *sql.Tx, has bool, tr wub.Training) (wub.Issues, error)) txFn {
	return func(tx *sql.Tx) (wub.Issues, error) {
		b, err := liveBusiness(ctx, tx, businessID)
		has := err == nil
		if err != nil && wub.ErrorCode(err) != "not_found" {
			return nil, err
		}
		var tr wub.Training
		if has {
			if tr, err = trainingOf(ctx, tx, b.TraineeID); err != nil {
				return nil, err
			}
		}
		return fn(tx, has, tr)
	}
}

// journeyTables are the records DeleteRecord may remove, by audit entity.
var journeyTables = map[string]string{"licence": "licence", "marketing_channel": "marketing_channel", "capital": "capital"}

// DeleteRecord softly deletes a licence, marketing channel or capital
// record (entity as in the timeline: licence, marketing_channel, capital).
func (db *DB) DeleteRecord(ctx context.Context, entity string, id int64) error {
	table, ok := journeyTables[entity]
	if !ok {
		return wub.Errorf("not_found")
	}
	return db.WriteTx(ctx, func(tx *sql.Tx) error {
		now := db.now()
		res, err := tx.ExecContext(ctx, "UPDATE "+table+" SET deleted_at=?, updated_at=? WHERE id=? AND deleted_at IS NULL", now, now, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return wub.Errorf("not_found")
		}
		return db.audit(ctx, tx, entity, id, "delete", map[string]int64{"id": id}, nil)
	})
}
