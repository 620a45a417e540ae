package store

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"wubdesk/internal/wub"
)

// The retention review and the breach log (issue 24), and settings read
// from a file without opening it.

// RetentionDue lists the people (one row per NIK, its newest record) whose
// last enrolment is more than years before today and who are not erased,
// the longest overdue first.
func (db *DB) RetentionDue(ctx context.Context, years int, today time.Time) ([]wub.RetentionCase, error) {
	if years <= 0 {
		years = wub.DefaultRetentionYears
	}
	cut := wub.ISO(today.AddDate(-years, 0, 0))
	rows, err := db.r.QueryContext(ctx, `SELECT t.id, t.nik, t.name, t.desa_name, max(
			CASE WHEN e.completed_on != '' THEN e.completed_on WHEN e.enrolled_on != '' THEN e.enrolled_on
			ELSE printf('%04d-12-31', e.year) END) AS last
		FROM trainee t JOIN enrolment e ON e.trainee_id = t.id AND e.deleted_at IS NULL
		WHERE t.deleted_at IS NULL AND t.nik NOT LIKE 'HAPUS-%'
		GROUP BY t.id HAVING last < ? ORDER BY last, t.id`, cut)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []wub.RetentionCase
	for rows.Next() {
		var c wub.RetentionCase
		var last string
		if err := rows.Scan(&c.TraineeID, &c.NIK, &c.Name, &c.Desa, &last); err != nil {
			return nil, err
		}
		c.Last = wub.ParseISODate(last)
		c.Due = c.Last.AddDate(years, 0, 0)
		out = append(out, c)
	}
	return out, rows.Err()
}

// AddBreach records a breach (admin).
func (db *DB) AddBreach(ctx context.Context, b wub.Breach) (int64, error) {
	if strings.TrimSpace(b.What) == "" {
		return 0, wub.Errorf("pdp_breach_what")
	}
	var id int64
	err := db.writeTx(ctx, func(tx *sql.Tx) error {
		var copyID any
		if b.CopyID != 0 {
			copyID = b.CopyID
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO breach (found_on, what, copy_id, measures, notified_on, at, actor)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, wub.ISO(b.FoundOn), b.What, copyID, b.Measures, wub.ISO(b.NotifiedOn), db.now(), db.Actor)
		if err != nil {
			return err
		}
		id, _ = res.LastInsertId()
		return db.audit(ctx, tx, "breach", id, "insert", nil, map[string]any{"found_on": wub.ISO(b.FoundOn),
			"what": b.What, "copy_id": b.CopyID, "measures": b.Measures})
	}, wub.ActSettings)
	return id, err
}

// Breaches lists the breach log, newest first.
func (db *DB) Breaches(ctx context.Context) ([]wub.Breach, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT id, found_on, what, coalesce(copy_id, 0), measures, notified_on, at, actor
		FROM breach ORDER BY found_on DESC, id DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []wub.Breach
	for rows.Next() {
		var b wub.Breach
		var found, notified, at string
		if err := rows.Scan(&b.ID, &found, &b.What, &b.CopyID, &b.Measures, &notified, &at, &b.Actor); err != nil {
			return nil, err
		}
		b.FoundOn, b.NotifiedOn, b.At = wub.ParseISODate(found), wub.ParseISODate(notified), parseTime(at)
		out = append(out, b)
	}
	return out, rows.Err()
}

// SettingsIn reads settings from a database file without opening it for
// writing (a backup, a file the app has open): the office key for a
// headless backup or import. Missing keys are "".
func SettingsIn(ctx context.Context, path string, keys ...string) (map[string]string, error) {
	c, err := sql.Open("sqlite", readOnlyURI(path))
	if err != nil {
		return nil, err
	}
	defer c.Close()
	out := map[string]string{}
	for _, k := range keys {
		var v string
		err := c.QueryRowContext(ctx, "SELECT value FROM setting WHERE key = ?", k).Scan(&v)
		if err != nil && err != sql.ErrNoRows {
			return nil, err
		}
		out[k] = v
	}
	return out, nil
}
