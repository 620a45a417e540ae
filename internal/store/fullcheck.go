package store

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"

	"wubdesk/internal/wub"
)

// The full check (issue 25): quick_check does not compare an index with its
// table, so a changed NIK in a leaf page of the live-NIK index passes it,
// and an import then stores the same person twice. integrity_check does
// compare them; the app's own invariants (one live trainee per NIK, the
// dashboard tallies equal to a recount) catch what SQLite cannot know.

// fullCheck runs integrity_check and the invariants on c.
func fullCheck(ctx context.Context, c *sql.DB, _ bool, path string) error {
	if err := runCheck(ctx, c, true, path); err != nil {
		return err
	}
	return invariants(ctx, c, path)
}

// invariants checks what the schema promises beyond SQLite's own rules, on
// the tables the file has (an old backup may predate the tallies).
func invariants(ctx context.Context, c *sql.DB, path string) error {
	has := func(table string) bool {
		var n int
		c.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?", table).Scan(&n)
		return n > 0
	}
	if has("trainee") {
		// NOT INDEXED: the index is what may be wrong, so the table is read.
		var twice int
		err := c.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT nik FROM trainee NOT INDEXED
			WHERE deleted_at IS NULL GROUP BY nik HAVING count(*) > 1)`).Scan(&twice)
		if err != nil {
			return damaged(err, path)
		}
		if twice > 0 {
			return wub.Errorf("db_damaged", wub.Message("db_nik_twice", "", twice))
		}
	}
	if has("enrolment_tally") && has("person_first") && has("person_tally") {
		tx, err := c.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
		if err != nil {
			return damaged(err, path)
		}
		defer tx.Rollback()
		if err := verifyTallies(ctx, tx); err != nil {
			if wub.ErrorCode(err) == "tally_mismatch" {
				return wub.Errorf("db_damaged", err.Error())
			}
			return damaged(err, path)
		}
	}
	return nil
}

// FullCheck is the check every start runs in the background, whatever the
// size of the file: integrity_check plus the invariants, on the read pool.
// Damage comes back as a *DamagedError with the newest good backup.
func (db *DB) FullCheck(ctx context.Context) error {
	c, err := sql.Open("sqlite", checkDSN(db.Path))
	if err != nil {
		return err
	}
	defer c.Close()
	c.SetMaxOpenConns(1)
	if err := fullCheck(ctx, c, true, db.Path); err != nil {
		if wub.ErrorCode(err) == "db_damaged" {
			return damagedWithBackup(ctx, db.Path, err)
		}
		return err
	}
	return nil
}

// OpenForWrite is how the headless commands that write open their --db:
// the same checks and the same *DamagedError (with the newest good backup)
// as the window, but never deferred: integrity_check and the invariants for
// a file up to CheckAtOpenLimit, at least quick_check above it. A file that
// does not exist is created (with no backups beside it; see Open).
func OpenForWrite(ctx context.Context, path string) (*DB, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	if finding := preOpenCheck(ctx, abs); finding != nil {
		if wub.ErrorCode(finding) == "" || isDiskProblem(finding) {
			return nil, finding
		}
		return nil, damagedWithBackup(ctx, abs, finding)
	}
	if st, err := os.Stat(abs); err == nil && st.Size() > 0 {
		c, err := sql.Open("sqlite", dsn(abs, true))
		if err != nil {
			return nil, err
		}
		c.SetMaxOpenConns(1)
		if deferCheck(abs) {
			err = runCheck(ctx, c, false, abs)
		} else {
			err = fullCheck(ctx, c, true, abs)
		}
		c.Close()
		if err != nil {
			if wub.ErrorCode(err) == "db_damaged" {
				return nil, damagedWithBackup(ctx, abs, err)
			}
			return nil, err
		}
	}
	db, err := Open(abs)
	if err != nil {
		if wub.ErrorCode(err) == "db_damaged" {
			return nil, damagedWithBackup(ctx, abs, err)
		}
		return nil, err
	}
	return db, nil
}
