package store

import (
	"context"
	"database/sql"
	"time"

	"wubdesk/internal/wub"
)

// Target returns the program target (migration 0005 seeds wub.DefaultTarget).
func (db *DB) Target(ctx context.Context) (wub.Target, error) {
	return loadTarget(ctx, db.r)
}

func loadTarget(ctx context.Context, q querier) (wub.Target, error) {
	var t wub.Target
	var updated string
	err := q.QueryRowContext(ctx, `SELECT target, start_year, end_year, train_from, train_to, updated_at
		FROM program_target WHERE id = 1`).Scan(&t.Count, &t.StartYear, &t.EndYear, &t.Window.From, &t.Window.To, &updated)
	if err == sql.ErrNoRows {
		return wub.DefaultTarget, nil
	}
	t.UpdatedAt = parseTime(updated)
	return t, err
}

type targetRecord struct {
	Target, StartYear, EndYear, TrainFrom, TrainTo int
}

func targetRecordOf(t wub.Target) targetRecord {
	return targetRecord{t.Count, t.StartYear, t.EndYear, t.Window.From, t.Window.To}
}

// SetTarget changes the program target, its period or the training months.
func (db *DB) SetTarget(ctx context.Context, t wub.Target) error {
	if is := t.Check(); is.HasErrors() {
		return is.Errors()
	}
	return db.WriteTx(ctx, func(tx *sql.Tx) error {
		old, err := loadTarget(ctx, tx)
		if err != nil {
			return err
		}
		if targetRecordOf(old) == targetRecordOf(t) {
			return nil
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO program_target (id, target, start_year, end_year, train_from, train_to, updated_at)
			VALUES (1, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET target = excluded.target,
			start_year = excluded.start_year, end_year = excluded.end_year, train_from = excluded.train_from,
			train_to = excluded.train_to, updated_at = excluded.updated_at`,
			t.Count, t.StartYear, t.EndYear, t.Window.From, t.Window.To, db.now())
		if err != nil {
			return err
		}
		return db.audit(ctx, tx, "program_target", 1, "update", targetRecordOf(old), targetRecordOf(t))
	})
}

// Quotas returns a year's quotas in agency order (agencies without a quota
// are absent).
func (db *DB) Quotas(ctx context.Context, year int) ([]wub.Quota, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT q.agency_code, q.year, q.quota FROM quota q
		JOIN agency a ON a.code = q.agency_code WHERE q.year = ? ORDER BY a.sort_order, a.code`, year)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []wub.Quota
	for rows.Next() {
		var q wub.Quota
		if err := rows.Scan(&q.AgencyCode, &q.Year, &q.Count); err != nil {
			return nil, err
		}
		out = append(out, q)
	}
	return out, rows.Err()
}

// SetQuotas replaces a year's quotas with qs (the distribution helper saves
// the whole year at once). Every quota is checked against the agency
// history; nothing is saved when one is wrong.
func (db *DB) SetQuotas(ctx context.Context, year int, qs []wub.Quota) error {
	return db.WriteTx(ctx, func(tx *sql.Tx) error {
		as, err := loadAgencies(ctx, tx)
		if err != nil {
			return err
		}
		var bad wub.Issues
		seen := map[string]bool{}
		for _, q := range qs {
			if q.Year != year {
				bad = append(bad, wub.Issue{Field: "year", Code: "year_invalid", Severity: wub.Error, Args: []any{q.Year}})
				continue
			}
			bad = append(bad, q.Check(as)...)
			if seen[q.AgencyCode] {
				bad = append(bad, wub.Issue{Field: "agency", Code: "quota_duplicate", Severity: wub.Error, Args: []any{q.AgencyCode, year}})
			}
			seen[q.AgencyCode] = true
		}
		if bad.HasErrors() {
			return bad.Errors()
		}
		old, err := quotaMap(ctx, tx, year)
		if err != nil {
			return err
		}
		now := map[string]int{}
		for _, q := range qs {
			now[q.AgencyCode] = q.Count
		}
		if mapsEqual(old, now) {
			return nil
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM quota WHERE year = ?", year); err != nil {
			return err
		}
		stamp := db.now()
		for _, q := range qs {
			if _, err := tx.ExecContext(ctx, "INSERT INTO quota (agency_code, year, quota, updated_at) VALUES (?, ?, ?, ?)",
				q.AgencyCode, year, q.Count, stamp); err != nil {
				return err
			}
		}
		return db.audit(ctx, tx, "quota", int64(year), "update", old, now)
	})
}

func quotaMap(ctx context.Context, q querier, year int) (map[string]int, error) {
	rows, err := q.QueryContext(ctx, "SELECT agency_code, quota FROM quota WHERE year = ?", year)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var code string
		var n int
		if err := rows.Scan(&code, &n); err != nil {
			return nil, err
		}
		out[code] = n
	}
	return out, rows.Err()
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// OpeningBalances returns the opening balances of a year (0: all years),
// by year then agency order.
func (db *DB) OpeningBalances(ctx context.Context, year int) ([]wub.OpeningBalance, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT o.agency_code, o.year, o.count, o.note, o.updated_at
		FROM opening_balance o JOIN agency a ON a.code = o.agency_code
		WHERE ?1 = 0 OR o.year = ?1 ORDER BY o.year, a.sort_order, a.code`, year)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []wub.OpeningBalance
	for rows.Next() {
		var o wub.OpeningBalance
		var updated string
		if err := rows.Scan(&o.AgencyCode, &o.Year, &o.Count, &o.Note, &updated); err != nil {
			return nil, err
		}
		o.UpdatedAt = parseTime(updated)
		out = append(out, o)
	}
	return out, rows.Err()
}

type openingRecord struct {
	Agency string
	Year   int
	Count  int
	Note   string
}

// SetOpeningBalances saves opening balances in one transaction: each
// replaces the balance of its agency and year, and a zero count without a
// note removes it. Nothing is saved when one is wrong.
func (db *DB) SetOpeningBalances(ctx context.Context, obs []wub.OpeningBalance) error {
	return db.WriteTx(ctx, func(tx *sql.Tx) error {
		as, err := loadAgencies(ctx, tx)
		if err != nil {
			return err
		}
		var bad wub.Issues
		for i := range obs {
			bad = append(bad, obs[i].Check(as)...)
		}
		if bad.HasErrors() {
			return bad.Errors()
		}
		stamp := db.now()
		for _, o := range obs {
			var prev openingRecord
			err := tx.QueryRowContext(ctx, "SELECT agency_code, year, count, note FROM opening_balance WHERE agency_code = ? AND year = ?",
				o.AgencyCode, o.Year).Scan(&prev.Agency, &prev.Year, &prev.Count, &prev.Note)
			exists := err == nil
			if err != nil && err != sql.ErrNoRows {
				return err
			}
			cur := openingRecord{o.AgencyCode, o.Year, o.Count, o.Note}
			switch {
			case o.Count == 0 && o.Note == "":
				if !exists {
					continue
				}
				if _, err := tx.ExecContext(ctx, "DELETE FROM opening_balance WHERE agency_code = ? AND year = ?", o.AgencyCode, o.Year); err != nil {
					return err
				}
				err = db.audit(ctx, tx, "opening_balance", int64(o.Year), "delete", prev, nil)
			case exists && prev == cur:
				continue
			default:
				_, err = tx.ExecContext(ctx, `INSERT INTO opening_balance (agency_code, year, count, note, updated_at)
					VALUES (?, ?, ?, ?, ?) ON CONFLICT (agency_code, year) DO UPDATE SET count = excluded.count,
					note = excluded.note, updated_at = excluded.updated_at`, o.AgencyCode, o.Year, o.Count, o.Note, stamp)
				if err != nil {
					return err
				}
				if exists {
					err = db.audit(ctx, tx, "opening_balance", int64(o.Year), "update", prev, cur)
				} else {
					err = db.audit(ctx, tx, "opening_balance", int64(o.Year), "insert", nil, cur)
				}
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
}

// asOfDay drops the time of day, as dates are compared in the store.
func asOfDay(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// ActiveYear is the newest program year up to upTo that has a quota or a
// live enrolment, or upTo when none has: the year the Kuota screen opens on
// (in January, before any record of the new year, last year is the news).
func (db *DB) ActiveYear(ctx context.Context, upTo int) (int, error) {
	var y sql.NullInt64
	err := db.r.QueryRowContext(ctx, `SELECT max(y) FROM (
		SELECT max(year) AS y FROM quota WHERE year <= ?1
		UNION ALL SELECT max(cur_year) FROM trainee WHERE deleted_at IS NULL AND cur_year <= ?1)`, upTo).Scan(&y)
	if err != nil || !y.Valid {
		return upTo, err
	}
	return int(y.Int64), nil
}
