package xlsx

import (
	"context"

	"wubdesk/internal/store"
)

// SetCommitForTest links the internal tests' commit to app.ImportWorkbook
// (link_test.go).
func SetCommitForTest(f func(ctx context.Context, db *store.DB, rep *Report, progress func(done, total int)) (int, int, int, int, error)) {
	commit = func(ctx context.Context, db *store.DB, rep *Report, progress func(done, total int)) (imported, error) {
		var r imported
		var err error
		r.Inserted, r.Updated, r.Enrolled, r.Unchanged, err = f(ctx, db, rep, progress)
		return r, err
	}
}
