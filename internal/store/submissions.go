package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strconv"
	"time"

	"wubdesk/internal/wub"
)

// keyLateDay is the setting of the day of the following month after which
// a monthly submission is late.
const keyLateDay = "submission.late_day"

// RecordSubmission stores a submission Bagian Perekonomian received, with
// the key fields of its rows, in one transaction. The same file (by its
// SHA-256) is stored once: recording it again returns the first record
// (with its first received time) and added = false. A zero ReceivedAt is
// the clock's now.
func (db *DB) RecordSubmission(ctx context.Context, rs wub.ReceivedSubmission, rows []wub.SubmissionRow) (stored wub.ReceivedSubmission, added bool, err error) {
	if rs.ReceivedAt.IsZero() {
		rs.ReceivedAt = db.Now()
	}
	meta, err := json.Marshal(rs.Meta)
	if err != nil {
		return rs, false, err
	}
	err = db.WriteTx(ctx, func(tx *sql.Tx) error {
		var id int64
		err := tx.QueryRowContext(ctx, "SELECT id FROM received_submission WHERE file_sha256 = ?", rs.FileSHA256).Scan(&id)
		if err == nil {
			stored, err = scanReceived(tx.QueryRowContext(ctx, "SELECT "+receivedCols+" FROM received_submission WHERE id = ?", id))
			return err
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		m := rs.Meta
		res, err := tx.ExecContext(ctx, `INSERT INTO received_submission (agency_code, period, program_year, file_name,
			file_sha256, data_sha256, generated_at, received_at, meta, rows_peserta, rows_fasilitator)
			VALUES (?,?,?,?,?,?,?,?,?,?,?)`, m.AgencyCode, m.Period, m.Year, rs.FileName, rs.FileSHA256, m.DataSHA256,
			m.GeneratedAt.Format(time.RFC3339), rs.ReceivedAt.UTC().Format(time.RFC3339), string(meta), m.TraineeRows, m.FacilitatorRows)
		if err != nil {
			return err
		}
		rs.ID, _ = res.LastInsertId()
		ins, err := tx.PrepareContext(ctx, `INSERT INTO received_row (submission_id, seq, nik, name, kecamatan, status,
			batch, completed_on, row_hash) VALUES (?,?,?,?,?,?,?,?,?)`)
		if err != nil {
			return err
		}
		defer ins.Close()
		for i, r := range rows {
			if _, err := ins.ExecContext(ctx, rs.ID, i+1, r.NIK, r.Name, r.Kecamatan, r.Status, r.Batch,
				wub.ISO(r.CompletedOn), r.Hash); err != nil {
				return err
			}
		}
		added = true
		stored = rs
		stored.ReceivedAt = rs.ReceivedAt.UTC().Truncate(time.Second)
		return db.audit(ctx, tx, "received_submission", rs.ID, "insert", nil, map[string]any{
			"agency": m.AgencyCode, "period": m.Period, "file": rs.FileName, "sha256": rs.FileSHA256, "rows": len(rows)})
	})
	return stored, added, err
}

const receivedCols = `id, file_name, file_sha256, received_at, meta`

func scanReceived(sc interface{ Scan(...any) error }) (wub.ReceivedSubmission, error) {
	var rs wub.ReceivedSubmission
	var at, meta string
	if err := sc.Scan(&rs.ID, &rs.FileName, &rs.FileSHA256, &at, &meta); err != nil {
		return rs, err
	}
	rs.ReceivedAt = parseTime(at)
	return rs, json.Unmarshal([]byte(meta), &rs.Meta)
}

// ReceivedSubmissions lists the submissions recorded for a program year (all
// years when year is 0), by agency, month and time received.
func (db *DB) ReceivedSubmissions(ctx context.Context, year int) ([]wub.ReceivedSubmission, error) {
	rows, err := db.r.QueryContext(ctx, "SELECT "+receivedCols+` FROM received_submission
		WHERE ?1 = 0 OR program_year = ?1 ORDER BY program_year, agency_code, period, received_at, id`, year)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []wub.ReceivedSubmission
	for rows.Next() {
		rs, err := scanReceived(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, rs)
	}
	return out, rows.Err()
}

// ReceivedRows returns the rows recorded for a received submission, in
// sheet order.
func (db *DB) ReceivedRows(ctx context.Context, id int64) ([]wub.SubmissionRow, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT nik, name, kecamatan, status, batch, completed_on, row_hash
		FROM received_row WHERE submission_id = ? ORDER BY seq`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []wub.SubmissionRow
	for rows.Next() {
		var r wub.SubmissionRow
		var completed string
		if err := rows.Scan(&r.NIK, &r.Name, &r.Kecamatan, &r.Status, &r.Batch, &completed, &r.Hash); err != nil {
			return nil, err
		}
		r.CompletedOn = wub.ParseISODate(completed)
		out = append(out, r)
	}
	return out, rows.Err()
}

// LateDay is the day of the following month after which a submission is
// late (default wub.DefaultLateDay).
func (db *DB) LateDay(ctx context.Context) (int, error) {
	v, err := db.Setting(ctx, keyLateDay)
	if err != nil || v == "" {
		return wub.DefaultLateDay, err
	}
	d, err := strconv.Atoi(v)
	if err != nil || d < 1 || d > 28 {
		return wub.DefaultLateDay, nil
	}
	return d, nil
}

// SetLateDay changes the submission cut-off day (1–28).
func (db *DB) SetLateDay(ctx context.Context, day int) error {
	if day < 1 || day > 28 {
		return wub.Errorf("late_day_invalid", day)
	}
	return db.SetSettings(ctx, map[string]string{keyLateDay: strconv.Itoa(day)})
}
