package xlsx_test

import (
	"context"

	"wubdesk/internal/app"
	"wubdesk/internal/store"
	"wubdesk/internal/xlsx"
)

// The internal tests' commit is the real use case (see import_test.go).
func init() {
	xlsx.SetCommitForTest(func(ctx context.Context, db *store.DB, rep *xlsx.Report, progress func(done, total int)) (int, int, int, int, error) {
		res, err := app.New(db).ImportWorkbook(ctx, rep, progress)
		return res.Inserted, res.Updated, res.Enrolled, res.Unchanged, err
	})
}
