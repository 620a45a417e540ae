package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// BulkLoad is Bulk for loading many trainees at once. Into an empty trainee
// table it fills the search index and the indexes on NIK and name once at
// the end, in the same transaction, instead of row by row: sorting once is
// several times faster than a million random index inserts. The indexes
// whose keys arrive in order (year, agency, kecamatan, desa, enrolments)
// stay, as do the unique ones, so a repeated NIK is still refused on its
// own row. The dashboard's tallies are counted as InsertMany writes
// (bulk_tally.go), or recounted once at the end when the load wrote
// otherwise. Otherwise it is exactly Bulk.
func (db *DB) BulkLoad(ctx context.Context, fn func(b *Bulk) error) error {
	// A page cache large enough for the indexes keeps SQLite from spilling
	// half-built pages to the WAL and reading them back (the default is 2 MB).
	var cache int
	if err := db.w.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&cache); err != nil {
		return err
	}
	if _, err := db.w.ExecContext(ctx, "PRAGMA cache_size = -65536"); err != nil {
		return err
	}
	defer db.w.ExecContext(context.WithoutCancel(ctx), fmt.Sprintf("PRAGMA cache_size = %d", cache))
	// A multi-row INSERT of enrolments (InsertMany) keeps a statement
	// journal, for the foreign keys; in memory it costs a copy per page
	// instead of two writes to a temporary file. The pager picks the
	// journal's place when the transaction begins, so this is set before
	// db.Bulk, and set back before the indexes are built: sorts with temp
	// storage in memory neither spill nor use the helper thread, and at a
	// million rows they took longer than all the journal writes saved.
	var temp int
	if err := db.w.QueryRowContext(ctx, "PRAGMA temp_store").Scan(&temp); err != nil {
		return err
	}
	if _, err := db.w.ExecContext(ctx, "PRAGMA temp_store = MEMORY"); err != nil {
		return err
	}
	defer db.w.ExecContext(context.WithoutCancel(ctx), fmt.Sprintf("PRAGMA temp_store = %d", temp))
	// CREATE INDEX may sort with a helper thread.
	if _, err := db.w.ExecContext(ctx, "PRAGMA threads = 2"); err != nil {
		return err
	}
	defer db.w.ExecContext(context.WithoutCancel(ctx), "PRAGMA threads = 0")
	if db.leaveWAL(ctx) {
		defer db.w.ExecContext(context.WithoutCancel(ctx), "PRAGMA journal_mode = WAL")
	}
	return db.Bulk(ctx, func(b *Bulk) error {
		var empty bool
		if err := b.tx.QueryRowContext(ctx, "SELECT NOT EXISTS (SELECT 1 FROM trainee)").Scan(&empty); err != nil {
			return err
		}
		if !empty {
			return fn(b)
		}
		recreate, err := dropDeferrable(ctx, b.tx)
		if err != nil {
			return err
		}
		// The tallies start from nothing and are counted as the rows go
		// in (bulk_tally.go).
		for _, q := range []string{"DELETE FROM enrolment_tally", "DELETE FROM person_first", "DELETE FROM person_tally"} {
			if _, err := b.tx.ExecContext(ctx, q); err != nil {
				return err
			}
		}
		tally := newLoadTally()
		b.tally = tally
		err = fn(b)
		b.tally = nil
		if err != nil {
			return err
		}
		if _, err := b.tx.ExecContext(ctx, fmt.Sprintf("PRAGMA temp_store = %d", temp)); err != nil {
			return err
		}
		// FTS5 collects terms in a hash (1 MB by default) and writes a
		// segment whenever it fills, merging segments as it goes; a 64 MB
		// hash writes far fewer of them (rebuild 15-20 % faster at 300,000).
		// The default is put back for the clerks' one-row changes.
		for _, q := range []string{
			"INSERT INTO trainee_fts (trainee_fts, rank) VALUES ('hashsize', 67108864)",
			"INSERT INTO trainee_fts (trainee_fts) VALUES ('rebuild')",
			"INSERT INTO trainee_fts (trainee_fts, rank) VALUES ('hashsize', 1048576)",
		} {
			if _, err := b.tx.ExecContext(ctx, q); err != nil {
				return err
			}
		}
		for _, q := range recreate {
			if _, err := b.tx.ExecContext(ctx, q); err != nil {
				return err
			}
		}
		// When something was written that the counting could not follow,
		// the tallies are recounted from the loaded rows instead.
		if tally.off {
			return recountTalliesTx(ctx, b.tx)
		}
		return tally.write(ctx, b.tx)
	})
}

// leaveWAL puts an empty trainee table's database in rollback-journal mode
// for a load, and says whether it did. Outside the WAL a load into new
// pages writes each page once, into the file itself (pages beyond the old
// end of the file need no journal): in the WAL each page is written to the
// log and then again by the checkpoint at commit, and every page read is
// first looked up in the log's index. SQLite changes the mode only when no
// other connection has the file open, so this process's idle readers are
// closed first; when the file is open elsewhere (the app), the load stays
// in the WAL. Crash safety is the rollback journal's: an interrupted load
// is rolled back at the next open. BulkLoad returns to the WAL afterwards,
// and Open always does.
func (db *DB) leaveWAL(ctx context.Context) bool {
	var empty bool
	if err := db.w.QueryRowContext(ctx, "SELECT NOT EXISTS (SELECT 1 FROM trainee)").Scan(&empty); err != nil || !empty {
		return false
	}
	db.r.SetMaxIdleConns(0)
	defer db.r.SetMaxIdleConns(readers())
	var mode string
	err := db.w.QueryRowContext(ctx, "PRAGMA journal_mode = DELETE").Scan(&mode)
	return err == nil && mode == "delete"
}

// deferred are the indexes with randomly arriving keys, the trigger that
// feeds the search index, and the triggers that keep the dashboard's
// tallies as enrolments and first completions are inserted (counted in Go,
// or recounted at the end, instead).
var deferred = []string{"trainee_nik", "trainee_by_name", "trainee_fts_ai", "enrolment_tally_ai", "enrolment_person_ai", "person_first_ai"}

// dropDeferrable drops the deferred indexes and trigger and returns the
// statements that recreate them. The statements come from the schema
// itself, so whatever a later migration changes is restored as it is.
func dropDeferrable(ctx context.Context, tx *sql.Tx) ([]string, error) {
	args := make([]any, len(deferred))
	for i, n := range deferred {
		args[i] = n
	}
	rows, err := tx.QueryContext(ctx, `SELECT type, name, sql FROM sqlite_schema
		WHERE type IN ('index', 'trigger') AND name IN (?`+strings.Repeat(", ?", len(deferred)-1)+`) ORDER BY name`, args...)
	if err != nil {
		return nil, err
	}
	type object struct{ kind, name, sql string }
	var objs []object
	for rows.Next() {
		var o object
		if err := rows.Scan(&o.kind, &o.name, &o.sql); err != nil {
			rows.Close()
			return nil, err
		}
		objs = append(objs, o)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var recreate []string
	for _, o := range objs {
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("DROP %s %q", o.kind, o.name)); err != nil {
			return nil, err
		}
		recreate = append(recreate, o.sql)
	}
	return recreate, nil
}
