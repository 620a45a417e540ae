package xlsx

import (
	"context"
	"errors"
	"sort"
	"strconv"

	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

// Result is what a commit wrote.
type Result struct {
	Inserted  int // new trainees
	Updated   int // registered trainees whose fields changed
	Enrolled  int // enrolments added to registered trainees
	Unchanged int // registered trainees that needed nothing
}

// Commit writes the accepted rows of a preview (and, when the clerk chose
// "update existing", the registered ones) in one transaction. progress, if
// set, is called from the writing goroutine with rows done and the total.
// A cancelled context or any failure rolls everything back: the database
// is then exactly as it was.
func Commit(ctx context.Context, db *store.DB, rep *Report, progress func(done, total int)) (Result, error) {
	defer tightGC()()
	var res Result
	as, err := db.Agencies(ctx)
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
	p := rep.parser
	p.agency, p.year = rep.Agency, rep.Year
	p.kecs, p.desas = nil, nil // this goroutine's own caches
	// Rows go in NIK order: the NIK indexes then grow at their end instead
	// of at random places, which keeps a large import within SQLite's cache.
	type item struct {
		nik uint64 // a checked NIK is 16 digits: it fits
		i   int32
	}
	order := make([]item, 0, total)
	for i, r := range rep.Rows {
		if r.Status == Accepted || r.Status == Update {
			n, _ := strconv.ParseUint(rep.NIK(i), 10, 64)
			order = append(order, item{n, int32(i)})
		}
	}
	sort.Slice(order, func(a, b int) bool { return order[a].nik < order[b].nik })
	err = db.BulkImport(ctx, func(b *store.Bulk) error {
		done := 0
		im := b.Importer()
		defer im.Close()
		var batch []*wub.Trainee
		var batchRows []int
		flush := func() error {
			if err := im.Insert(batch); err != nil {
				if wub.ErrorCode(err) == "nik_registered" {
					return wub.Errorf("import_changed", registeredRow(err, batch, batchRows))
				}
				return err
			}
			res.Inserted += len(batch)
			done += len(batch)
			batch, batchRows = batch[:0], batchRows[:0]
			if progress != nil {
				progress(done, total)
			}
			return nil
		}
		for _, it := range order {
			r := rep.Rows[it.i]
			if err := ctx.Err(); err != nil {
				return err
			}
			sr := rep.arena.unpack(r)
			t, is := p.parse(sr)
			if is.HasErrors() { // the same parse found none at preview
				return is.Errors()
			}
			src := rep.Source(r)
			t.Source = src
			if r.Status == Accepted {
				batch = append(batch, t)
				batchRows = append(batchRows, r.Num)
				if len(batch) == commitBatch {
					if err := flush(); err != nil {
						return err
					}
				}
				continue
			}
			id, err := b.IDByNIK(t.NIK)
			if err != nil {
				return err
			}
			if id == 0 {
				return wub.Errorf("import_changed", r.Num)
			}
			changed, enrolled, err := b.UpdateImported(id, t, p.provided(sr), src)
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
		return Result{}, err
	}
	return res, nil
}

// commitBatch is how many new trainees go to SQLite in one statement.
const commitBatch = 250

// registeredRow is the row number of the trainee a nik_registered issue names.
func registeredRow(err error, batch []*wub.Trainee, rows []int) int {
	var is wub.Issues
	if errors.As(err, &is) && len(is) > 0 && len(is[0].Args) > 0 {
		for k, t := range batch {
			if t.NIK == is[0].Args[0] {
				return rows[k]
			}
		}
	}
	if len(rows) > 0 {
		return rows[0]
	}
	return 0
}
