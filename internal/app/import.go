package app

import (
	"context"
	"errors"

	"wubdesk/internal/store"
	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

// ImportResult is what an import wrote.
type ImportResult struct {
	Inserted  int // new trainees
	Updated   int // registered trainees whose fields changed
	Enrolled  int // enrolments added to registered trainees
	Unchanged int // registered trainees that needed nothing
}

// PreviewImport reads a workbook (.xlsx, .xls or CSV) and checks every row
// against the register without writing anything: NIKs already registered
// are found, and dates are checked against the register's clock unless
// o.Today is set.
func (a *App) PreviewImport(ctx context.Context, path string, o xlsx.Options) (*xlsx.Report, error) {
	if a.db != nil {
		o.Register = a.db
	}
	return xlsx.PreviewFile(ctx, path, o)
}

// ImportDuplicates lists the preview's rows that may be people the register
// (or an earlier row of the file) holds under another NIK: a warning for
// the clerk, never a reason to reject a row.
func (a *App) ImportDuplicates(ctx context.Context, rep *xlsx.Report) ([]xlsx.RowDup, error) {
	if a.db == nil || rep == nil {
		return nil, nil
	}
	return rep.LikelyDuplicates(ctx, a.db)
}

// importBatch is how many new trainees go to SQLite in one statement.
const importBatch = 250

// ImportWorkbook writes the accepted rows of a preview (and, when the clerk
// chose "update existing", the registered ones) in one transaction, as the
// register's signed-in actor, stamped by the register's clock, after a
// backup of the file as it was. progress, if set, is called from the
// writing goroutine with rows done and the total. A cancelled context or
// any failure rolls everything back: the register is then exactly as it
// was. Rows the preview rejected or skipped are not written; the report
// lists each with its reason. After the commit the file is checked to be
// the one that was opened, so "saved" is said only of a file still there.
func (a *App) ImportWorkbook(ctx context.Context, rep *xlsx.Report, progress Progress) (ImportResult, error) {
	var res ImportResult
	as, err := a.db.Agencies(ctx)
	if err != nil {
		return res, err
	}
	if err := rep.Ready(as); err != nil {
		return res, err
	}
	total := rep.Accepted + rep.Updates
	if total == 0 {
		return res, wub.Errorf("import_nothing")
	}
	err = a.db.BulkImport(ctx, func(b *store.Bulk) error {
		done := 0
		im := b.Importer()
		defer im.Close()
		var batch []*wub.Trainee
		var nums []int
		flush := func() error {
			if err := im.Insert(batch); err != nil {
				if wub.ErrorCode(err) == "nik_registered" {
					return wub.Errorf("import_changed", registeredRow(err, batch, nums))
				}
				return err
			}
			res.Inserted += len(batch)
			done += len(batch)
			batch, nums = batch[:0], nums[:0]
			if progress != nil {
				progress(done, total)
			}
			return nil
		}
		for w, err := range rep.Writes() {
			if err != nil {
				return err
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			if !w.Update {
				batch = append(batch, w.Trainee)
				nums = append(nums, w.Num)
				if len(batch) == importBatch {
					if err := flush(); err != nil {
						return err
					}
				}
				continue
			}
			id, err := b.IDByNIK(w.Trainee.NIK)
			if err != nil {
				return err
			}
			if id == 0 {
				return wub.Errorf("import_changed", w.Num)
			}
			changed, enrolled, err := b.UpdateImported(id, w.Trainee, w.Provided, w.Trainee.Source)
			if err != nil {
				return err
			}
			switch {
			case changed:
				res.Updated++
			case !enrolled:
				res.Unchanged++
			}
			if enrolled {
				res.Enrolled++
			}
			done++
		}
		if err := flush(); err != nil {
			return err
		}
		return ctx.Err()
	})
	if err != nil {
		return ImportResult{}, err
	}
	if err := a.db.Verify(); err != nil {
		return res, err
	}
	return res, nil
}

// registeredRow is the sheet row of the trainee a nik_registered issue
// names, among the rows (nums) of the batch written together.
func registeredRow(err error, batch []*wub.Trainee, nums []int) int {
	var is wub.Issues
	if errors.As(err, &is) && len(is) > 0 && len(is[0].Args) > 0 {
		for k, t := range batch {
			if t.NIK == is[0].Args[0] {
				return nums[k]
			}
		}
	}
	if len(nums) > 0 {
		return nums[0]
	}
	return 0
}
