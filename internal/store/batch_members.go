package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"wubdesk/internal/wub"
)

// EnrolInBatch puts trainees into a batch in one transaction. A trainee
// with no enrolment for the batch's agency and year gets one (registered,
// enrolled on the given day); one already enrolled there is attached to the
// batch, or moved from another batch of the same agency and year. Every
// change is kept in the batch history.
func (db *DB) EnrolInBatch(ctx context.Context, batchID int64, traineeIDs []int64, on time.Time) (wub.EnrolResult, error) {
	var res wub.EnrolResult
	if on.IsZero() {
		on = db.today()
	}
	err := db.WriteTx(ctx, func(tx *sql.Tx) error {
		res = wub.EnrolResult{}
		b, err := getBatch(ctx, tx, batchID)
		if err != nil {
			return err
		}
		for _, tid := range traineeIDs {
			if err := ctx.Err(); err != nil {
				return err
			}
			t, err := getTrainee(ctx, tx, tid)
			if err != nil {
				return err
			}
			if !t.DeletedAt.IsZero() {
				return wub.Errorf("not_found")
			}
			e, err := liveEnrolment(ctx, tx, tid, b.AgencyCode, b.Year)
			if err != nil {
				return err
			}
			switch {
			case e == nil:
				e = &wub.Enrolment{TraineeID: tid, AgencyCode: b.AgencyCode, Year: b.Year, BatchID: b.ID,
					Status: wub.StatusRegistered, EnrolledOn: on}
				if err := db.insertEnrolment(ctx, tx, e); err != nil {
					return err
				}
				res.Added++
				err = db.batchChange(ctx, tx, e, wub.BatchEnrol, 0, b.ID, on, "")
			case e.BatchID == b.ID:
				res.Already++
				continue
			case e.BatchID == 0:
				res.Added++
				err = db.setBatch(ctx, tx, e, b.ID, wub.BatchEnrol, on, "")
			default:
				res.Moved++
				err = db.setBatch(ctx, tx, e, b.ID, wub.BatchMove, on, "")
			}
			if err != nil {
				return err
			}
			if err := refreshCurrent(ctx, tx, tid); err != nil {
				return err
			}
		}
		return nil
	})
	return res, err
}

// MoveBatchMembers moves trainees from one batch to another of the same
// agency and year, keeping the history.
func (db *DB) MoveBatchMembers(ctx context.Context, fromID, toID int64, traineeIDs []int64, on time.Time, reason string) error {
	if on.IsZero() {
		on = db.today()
	}
	return db.WriteTx(ctx, func(tx *sql.Tx) error {
		from, err := getBatch(ctx, tx, fromID)
		if err != nil {
			return err
		}
		to, err := getBatch(ctx, tx, toID)
		if err != nil {
			return err
		}
		for _, tid := range traineeIDs {
			e, name, err := memberEnrolment(ctx, tx, from, tid)
			if err != nil {
				return err
			}
			if to.AgencyCode != from.AgencyCode || to.Year != from.Year {
				return wub.Errorf("batch_move_other_year", name, to.Name)
			}
			if err := db.setBatch(ctx, tx, e, to.ID, wub.BatchMove, on, reason); err != nil {
				return err
			}
		}
		return nil
	})
}

// RemoveFromBatch takes trainees out of a batch. Their enrolment with the
// agency stays (they are still registered that year); the history keeps
// that they were in the batch.
func (db *DB) RemoveFromBatch(ctx context.Context, batchID int64, traineeIDs []int64, on time.Time, reason string) error {
	if on.IsZero() {
		on = db.today()
	}
	return db.WriteTx(ctx, func(tx *sql.Tx) error {
		b, err := getBatch(ctx, tx, batchID)
		if err != nil {
			return err
		}
		for _, tid := range traineeIDs {
			e, _, err := memberEnrolment(ctx, tx, b, tid)
			if err != nil {
				return err
			}
			if err := db.setBatch(ctx, tx, e, 0, wub.BatchRemove, on, reason); err != nil {
				return err
			}
		}
		return nil
	})
}

// SetBatchCompletion sets the status of members of a batch: lulus
// (trained, on the given day or the batch's end date), registered or
// dropped (keluar, on the given day or the day it is recorded). Only lulus
// counts toward the target.
func (db *DB) SetBatchCompletion(ctx context.Context, batchID int64, traineeIDs []int64, status string, on time.Time) error {
	if _, ok := map[string]bool{wub.StatusRegistered: true, wub.StatusTrained: true, wub.StatusDropped: true}[status]; !ok {
		return wub.Errorf("status_invalid", status)
	}
	return db.WriteTx(ctx, func(tx *sql.Tx) error {
		b, err := getBatch(ctx, tx, batchID)
		if err != nil {
			return err
		}
		done := time.Time{}
		if status == wub.StatusTrained {
			done = on
			if done.IsZero() {
				done = b.EndDate
			}
			if done.IsZero() {
				done = db.today()
			}
		}
		if status == wub.StatusDropped {
			// Keluar counts on the day the trainee left: the given day, else
			// the day it is recorded (shown in the member list).
			done = on
			if done.IsZero() {
				done = db.today()
			}
		}
		for _, tid := range traineeIDs {
			e, _, err := memberEnrolment(ctx, tx, b, tid)
			if err != nil {
				return err
			}
			old := *e
			e.Status, e.CompletedOn = status, done
			if enrolmentRecordOf(&old) == enrolmentRecordOf(e) {
				continue
			}
			if _, err := tx.ExecContext(ctx, "UPDATE enrolment SET status=?, completed_on=?, updated_at=? WHERE id=?",
				e.Status, wub.ISO(e.CompletedOn), db.now(), e.ID); err != nil {
				return err
			}
			if err := db.audit(ctx, tx, "enrolment", e.ID, "update", enrolmentRecordOf(&old), enrolmentRecordOf(e)); err != nil {
				return err
			}
			if err := refreshCurrent(ctx, tx, tid); err != nil {
				return err
			}
		}
		return nil
	})
}

// memberEnrolment returns the live enrolment by which a trainee is in batch
// b, or a batch_not_member error naming the trainee.
func memberEnrolment(ctx context.Context, tx *sql.Tx, b *wub.Batch, traineeID int64) (*wub.Enrolment, string, error) {
	var name string
	if err := tx.QueryRowContext(ctx, "SELECT name FROM trainee WHERE id = ?", traineeID).Scan(&name); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, "", wub.Errorf("not_found")
		}
		return nil, "", err
	}
	e, err := liveEnrolment(ctx, tx, traineeID, b.AgencyCode, b.Year)
	if err != nil {
		return nil, "", err
	}
	if e == nil || e.BatchID != b.ID {
		return nil, "", wub.Errorf("batch_not_member", name)
	}
	return e, name, nil
}

func liveEnrolment(ctx context.Context, tx *sql.Tx, traineeID int64, agency string, year int) (*wub.Enrolment, error) {
	var e wub.Enrolment
	var enr, comp string
	err := tx.QueryRowContext(ctx, `SELECT id, trainee_id, agency_code, year, coalesce(batch_id, 0), status,
		enrolled_on, completed_on FROM enrolment
		WHERE trainee_id = ? AND agency_code = ? AND year = ? AND deleted_at IS NULL`, traineeID, agency, year).Scan(
		&e.ID, &e.TraineeID, &e.AgencyCode, &e.Year, &e.BatchID, &e.Status, &enr, &comp)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	e.EnrolledOn, e.CompletedOn = wub.ParseISODate(enr), wub.ParseISODate(comp)
	return &e, nil
}

// setBatch points an enrolment at a batch (0: none), with audit and history.
func (db *DB) setBatch(ctx context.Context, tx *sql.Tx, e *wub.Enrolment, to int64, action string, on time.Time, reason string) error {
	old := *e
	e.BatchID = to
	if _, err := tx.ExecContext(ctx, "UPDATE enrolment SET batch_id=?, updated_at=? WHERE id=?", nullID(to), db.now(), e.ID); err != nil {
		return err
	}
	if err := db.audit(ctx, tx, "enrolment", e.ID, "update", enrolmentRecordOf(&old), enrolmentRecordOf(e)); err != nil {
		return err
	}
	return db.batchChange(ctx, tx, e, action, old.BatchID, to, on, reason)
}

func (db *DB) batchChange(ctx context.Context, tx *sql.Tx, e *wub.Enrolment, action string, from, to int64, on time.Time, reason string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO enrolment_batch_history (enrolment_id, trainee_id, action,
		from_batch_id, to_batch_id, on_date, reason, at, actor) VALUES (?,?,?,?,?,?,?,?,?)`,
		e.ID, e.TraineeID, action, nullID(from), nullID(to), wub.ISO(on), reason, db.now(), db.Actor)
	return err
}

// BatchMembers lists the trainees in a batch by name.
func (db *DB) BatchMembers(ctx context.Context, batchID int64) ([]wub.BatchMember, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT e.id, t.id, t.nik, t.name, t.sex, t.desa_name, t.kec_name, e.status,
		e.enrolled_on, e.completed_on
		FROM enrolment e JOIN trainee t ON t.id = e.trainee_id
		WHERE e.batch_id = ? AND e.deleted_at IS NULL AND t.deleted_at IS NULL
		ORDER BY t.name COLLATE NOCASE, t.id`, batchID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []wub.BatchMember
	for rows.Next() {
		var m wub.BatchMember
		var enr, comp string
		if err := rows.Scan(&m.EnrolmentID, &m.TraineeID, &m.NIK, &m.Name, &m.Sex, &m.DesaName, &m.KecName,
			&m.Status, &enr, &comp); err != nil {
			return nil, err
		}
		m.EnrolledOn, m.CompletedOn = wub.ParseISODate(enr), wub.ParseISODate(comp)
		out = append(out, m)
	}
	return out, rows.Err()
}

// BatchHistory lists every membership change into or out of a batch,
// oldest first.
func (db *DB) BatchHistory(ctx context.Context, batchID int64) ([]wub.BatchChange, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT h.id, h.enrolment_id, h.trainee_id, t.name, h.action,
		coalesce(h.from_batch_id, 0), coalesce(fb.name, ''), coalesce(h.to_batch_id, 0), coalesce(tb.name, ''),
		h.on_date, h.reason, h.at, h.actor
		FROM enrolment_batch_history h JOIN trainee t ON t.id = h.trainee_id
		LEFT JOIN batch fb ON fb.id = h.from_batch_id LEFT JOIN batch tb ON tb.id = h.to_batch_id
		WHERE h.from_batch_id = ?1 OR h.to_batch_id = ?1 ORDER BY h.id`, batchID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []wub.BatchChange
	for rows.Next() {
		var c wub.BatchChange
		var on, at string
		if err := rows.Scan(&c.ID, &c.EnrolmentID, &c.TraineeID, &c.TraineeName, &c.Action, &c.FromBatchID,
			&c.FromBatch, &c.ToBatchID, &c.ToBatch, &on, &c.Reason, &at, &c.Actor); err != nil {
			return nil, err
		}
		c.Date, c.At = wub.ParseISODate(on), parseTime(at)
		out = append(out, c)
	}
	return out, rows.Err()
}
