package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"wubdesk/internal/wub"
)

type mentoringRecord struct {
	Date          string
	TraineeID     int64
	FacilitatorID int64
	Notes         string `json:",omitempty"`
	BusinessState string
	PhotoPath     string `json:",omitempty"`
}

func mentoringRecordOf(m *wub.Mentoring) mentoringRecord {
	return mentoringRecord{wub.ISO(m.Date), m.TraineeID, m.FacilitatorID, m.Notes, m.BusinessState, m.PhotoPath}
}

// SaveMentoring adds a visit (ID 0) or saves changes to one.
func (db *DB) SaveMentoring(ctx context.Context, m *wub.Mentoring) error {
	if is := m.Check(db.today()); is.HasErrors() {
		return is.Errors()
	}
	return db.WriteTx(ctx, func(tx *sql.Tx) error {
		if _, err := getFacilitator(ctx, tx, m.FacilitatorID); err != nil {
			return err
		}
		if _, err := getTrainee(ctx, tx, m.TraineeID); err != nil {
			return err
		}
		now := db.now()
		if m.ID == 0 {
			if err := db.insertMentoring(ctx, tx, now, m, true); err != nil {
				return err
			}
			return db.confirmFromVisit(ctx, tx, m)
		}
		old, err := getMentoring(ctx, tx, m.ID)
		if err != nil {
			return err
		}
		if mentoringRecordOf(old) == mentoringRecordOf(m) {
			return nil
		}
		_, err = tx.ExecContext(ctx, `UPDATE mentoring SET visit_date=?, trainee_id=?, facilitator_id=?, notes=?,
			business_state=?, photo_path=?, updated_at=? WHERE id=? AND deleted_at IS NULL`, wub.ISO(m.Date), m.TraineeID,
			m.FacilitatorID, m.Notes, m.BusinessState, m.PhotoPath, now, m.ID)
		if err != nil {
			return err
		}
		if err := db.audit(ctx, tx, "mentoring", m.ID, "update", mentoringRecordOf(old), mentoringRecordOf(m)); err != nil {
			return err
		}
		return db.confirmFromVisit(ctx, tx, m)
	})
}

// confirmFromVisit records the trainee's business when a visit found it
// running (see ConfirmBusinessRunning). A visit dated before the training's
// completion is still kept as a visit; it just confirms no business stage.
func (db *DB) confirmFromVisit(ctx context.Context, tx *sql.Tx, m *wub.Mentoring) error {
	if m.BusinessState != wub.BusinessRunning {
		return nil
	}
	_, _, _, err := db.confirmBusinessRunningTx(ctx, tx, m.TraineeID, m.Date, m.ID)
	return err
}

func (db *DB) insertMentoring(ctx context.Context, tx *sql.Tx, now string, m *wub.Mentoring, audit bool) error {
	res, err := tx.ExecContext(ctx, `INSERT INTO mentoring (visit_date, trainee_id, facilitator_id, notes,
		business_state, photo_path, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?)`,
		wub.ISO(m.Date), m.TraineeID, m.FacilitatorID, m.Notes, m.BusinessState, m.PhotoPath, now, now)
	if err != nil {
		return err
	}
	m.ID, _ = res.LastInsertId()
	if !audit {
		return nil
	}
	return db.audit(ctx, tx, "mentoring", m.ID, "insert", nil, mentoringRecordOf(m))
}

// DeleteMentoring deletes a visit softly.
func (db *DB) DeleteMentoring(ctx context.Context, id int64) error {
	return db.WriteTx(ctx, func(tx *sql.Tx) error {
		old, err := getMentoring(ctx, tx, id)
		if err != nil {
			return err
		}
		now := db.now()
		if _, err := tx.ExecContext(ctx, "UPDATE mentoring SET deleted_at=?, updated_at=? WHERE id=?", now, now, id); err != nil {
			return err
		}
		return db.audit(ctx, tx, "mentoring", id, "delete", mentoringRecordOf(old), nil)
	})
}

func getMentoring(ctx context.Context, q querier, id int64) (*wub.Mentoring, error) {
	ms, err := queryMentoring(ctx, q, "m.id = ? AND m.deleted_at IS NULL", id)
	if err != nil {
		return nil, err
	}
	if len(ms) == 0 {
		return nil, wub.Errorf("not_found")
	}
	return &ms[0], nil
}

// MentoringFilter selects visits (wub.MentoringFilter).
type MentoringFilter = wub.MentoringFilter

// Mentorings lists live visits, newest first.
func (db *DB) Mentorings(ctx context.Context, f MentoringFilter) ([]wub.Mentoring, error) {
	conds := []string{"m.deleted_at IS NULL"}
	var args []any
	if f.FacilitatorID != 0 {
		conds = append(conds, "m.facilitator_id = ?")
		args = append(args, f.FacilitatorID)
	}
	if f.TraineeID != 0 {
		conds = append(conds, "m.trainee_id = ?")
		args = append(args, f.TraineeID)
	}
	if f.Year != 0 {
		conds = append(conds, "m.visit_date BETWEEN ? AND ?")
		args = append(args, fmt.Sprintf("%04d-01-01", f.Year), fmt.Sprintf("%04d-12-31", f.Year))
	}
	return queryMentoring(ctx, db.r, strings.Join(conds, " AND "), args...)
}

func queryMentoring(ctx context.Context, q querier, where string, args ...any) ([]wub.Mentoring, error) {
	rows, err := q.QueryContext(ctx, `SELECT m.id, m.visit_date, m.trainee_id, t.name, m.facilitator_id, f.name,
		m.notes, m.business_state, m.photo_path
		FROM mentoring m JOIN trainee t ON t.id = m.trainee_id JOIN facilitator f ON f.id = m.facilitator_id
		WHERE `+where+` ORDER BY m.visit_date DESC, m.id DESC`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []wub.Mentoring
	for rows.Next() {
		var m wub.Mentoring
		var date string
		if err := rows.Scan(&m.ID, &date, &m.TraineeID, &m.TraineeName, &m.FacilitatorID, &m.FacilitatorName,
			&m.Notes, &m.BusinessState, &m.PhotoPath); err != nil {
			return nil, err
		}
		m.Date = wub.ParseISODate(date)
		out = append(out, m)
	}
	return out, rows.Err()
}
