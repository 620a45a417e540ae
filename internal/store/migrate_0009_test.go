package store

import (
	"path/filepath"
	"testing"

	"wubdesk/internal/wub"
)

// TestMigration0009CountsUndatedInNoMonth upgrades the version-8 fixture,
// whose enrolments were saved without dates (as older versions allowed):
// none of them may count in January any more, no date is written into any
// row, the tallies equal a recount, and the rows are listed as data to
// complete.
func TestMigration0009CountsUndatedInNoMonth(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kantor.db")
	if err := copyFile(filepath.Join("testdata", "schema", "v8.db"), path); err != nil {
		t.Fatal(err)
	}
	rows := func(db *DB, q string) int {
		var n int
		if err := db.r.QueryRow(q).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	db, err := OpenChecked(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.VerifyTallies(ctx); err != nil {
		t.Fatal(err)
	}
	undated := rows(db, `SELECT count(*) FROM enrolment WHERE deleted_at IS NULL
		AND (CASE WHEN status IN ('trained', 'dropped') THEN completed_on ELSE enrolled_on END) = ''`)
	if undated == 0 {
		t.Fatal("the fixture has no undated enrolment to test with")
	}
	if n := rows(db, `SELECT count(*) FROM enrolment WHERE deleted_at IS NULL AND count_date = '' AND count_month != 0`); n != 0 {
		t.Errorf("%d undated enrolments count in a month", n)
	}
	if n := rows(db, `SELECT count(*) FROM enrolment WHERE count_date LIKE '%-01-01'`); n != 0 {
		t.Errorf("%d enrolments count from a 1 January", n)
	}
	if n := rows(db, `SELECT coalesce(sum(n), 0) FROM enrolment_tally WHERE month = 0`); n != rows(db,
		`SELECT count(*) FROM enrolment e JOIN trainee t ON t.id = e.trainee_id
		 WHERE e.deleted_at IS NULL AND t.deleted_at IS NULL AND e.count_month = 0`) {
		t.Errorf("undated tally %d", n)
	}
	list, n, err := db.UndatedEnrolments(ctx, 1000)
	if err != nil || n < undated || len(list) != n {
		t.Errorf("data to complete: %d listed of %d, %d undated; %v", len(list), n, undated, err)
	}
	for _, u := range list {
		if u.Missing == "" || wub.Message(u.Missing, "") == u.Missing {
			t.Errorf("%+v: no message for what is missing", u)
		}
	}
}
