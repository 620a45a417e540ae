package app

import (
	"context"
	"os"
	"path/filepath"
	"time"

	"wubdesk/internal/store"
	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

// ConsolidateFiles is the consolidation of the agencies' submission files
// without a register (`wubdesk consolidate`): each file is read and checked
// through the import's hardened streaming reader (xlsx.ReadSubmissionFile,
// with its size, row and zip-bomb limits), one at a time. o.Agencies
// defaults to the reference agency history every register starts with,
// o.Now to the wall clock. A cancelled context stops between files.
func ConsolidateFiles(ctx context.Context, paths []string, o xlsx.ConsolidateOptions) (*xlsx.Consolidation, error) {
	var read []*xlsx.Received
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		read = append(read, xlsx.ReadSubmissionFile(p))
	}
	if o.Agencies == nil {
		as, err := ReferenceAgencies(ctx)
		if err != nil {
			return nil, err
		}
		o.Agencies = as
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	return xlsx.Consolidate(read, o), nil
}

// ReferenceAgencies reads the agency history that every register starts
// with (migration 0001) from a throw-away register, for the front ends that
// have none open and still must know which agencies should have reported.
func ReferenceAgencies(ctx context.Context) (wub.Agencies, error) {
	dir, err := os.MkdirTemp("", "wubdesk-ref-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	db, err := store.Open(filepath.Join(dir, "ref.db"))
	if err != nil {
		return nil, err
	}
	defer db.Close()
	return db.Agencies(ctx)
}

// Consolidate is Konsolidasi's consolidation of a program year: the
// submissions the register has received that year (each at the time it
// was first stored), plus files refused this session (shown, not
// counted), with the deadline, the program target, the year's quotas and
// the opening balance of 2020–2022 as the Kuota screen records them, so
// that the consolidated workbook and the dashboard tell the same story.
func (a *App) Consolidate(ctx context.Context, year int, refused []*xlsx.Received) (*xlsx.Consolidation, error) {
	stored, err := a.db.ReceivedSubmissions(ctx, year)
	if err != nil {
		return nil, err
	}
	var files []*xlsx.Received
	for _, rs := range stored {
		rows, err := a.db.ReceivedRows(ctx, rs.ID)
		if err != nil {
			return nil, err
		}
		files = append(files, &xlsx.Received{ReceivedSubmission: rs, Path: rs.FileName, Rows: rows})
	}
	files = append(files, refused...)
	lateDay, err := a.db.LateDay(ctx)
	if err != nil {
		return nil, err
	}
	as, err := a.db.Agencies(ctx)
	if err != nil {
		return nil, err
	}
	o := xlsx.ConsolidateOptions{Agencies: as, Year: year, LateDay: lateDay, Now: a.Now()}
	if err := a.consolidationTargets(ctx, &o); err != nil {
		return nil, err
	}
	return xlsx.Consolidate(files, o), nil
}

func (a *App) consolidationTargets(ctx context.Context, o *xlsx.ConsolidateOptions) error {
	t, err := a.db.Target(ctx)
	if err != nil {
		return err
	}
	o.Target = t.Count
	qs, err := a.db.Quotas(ctx, o.Year)
	if err != nil {
		return err
	}
	if len(qs) > 0 {
		o.Quotas = map[string]int{}
		for _, q := range qs {
			o.Quotas[q.AgencyCode] = q.Count
		}
	}
	obs, err := a.db.OpeningBalances(ctx, 0)
	if err != nil {
		return err
	}
	for _, b := range obs {
		if b.Year <= 2022 { // the years before WUBDesk (ConsolidateOptions.OpeningBalance)
			o.OpeningBalance += b.Count
		}
	}
	return nil
}

// Received is what ReceiveSubmissions did with the files given.
type Received struct {
	Read     int              // files read (fewer than given when cancelled)
	Accepted int              // valid files stored for the first time
	Again    int              // valid files stored before (they keep their first received time)
	Refused  []*xlsx.Received // files that are no valid, unchanged submission: not stored
	Year     int              // program year of the newest valid file, 0 when none
}

// ReceiveSubmissions reads and checks submission files (the streaming
// reader, one at a time) after a backup of the register, and stores the
// valid ones, each in its own transaction: a cancel stops between files and
// keeps those stored. before, if set, is called before file i is read.
func (a *App) ReceiveSubmissions(ctx context.Context, paths []string, before func(i int, path string)) (Received, error) {
	var res Received
	if _, err := a.db.BackupBefore(ctx, store.ReasonConsolidation); err != nil {
		return res, err
	}
	for i, p := range paths {
		if before != nil {
			before(i, p)
		}
		if ctx.Err() != nil {
			break
		}
		res.Read++
		r := xlsx.ReadSubmissionFile(p)
		if !r.OK() {
			res.Refused = append(res.Refused, r)
			continue
		}
		_, added, err := a.db.RecordSubmission(ctx, r.ReceivedSubmission, r.Rows)
		if err != nil {
			return res, err
		}
		if added {
			res.Accepted++
		} else {
			res.Again++
		}
		res.Year = max(res.Year, r.Meta.Year)
	}
	return res, nil
}

// LatestReceivedYear is the program year of the newest submission the
// register has received, 0 when none (Konsolidasi opens on it).
func (a *App) LatestReceivedYear(ctx context.Context) (int, error) {
	all, err := a.db.ReceivedSubmissions(ctx, 0)
	latest := 0
	for _, rs := range all {
		latest = max(latest, rs.Meta.Year)
	}
	return latest, err
}
