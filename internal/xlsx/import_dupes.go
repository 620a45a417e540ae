package xlsx

import (
	"context"

	"wubdesk/internal/wub"
)

// RowDup is a row of the preview that may be a person the register (or an
// earlier row of the file) already holds under another NIK.
type RowDup struct {
	Row      int // index in Report.Rows
	Num      int // the row's number in the sheet
	OtherNum int // the other side's row number when it is a row of this file, else 0
	Pair     wub.DupPair
}

// DupFinder finds the likely duplicates of people among themselves and in
// the register (*store.DB is one; app.ImportDuplicates passes it).
type DupFinder interface {
	DuplicatesAmong(ctx context.Context, people []wub.DupPerson) ([]wub.DupPair, error)
}

// LikelyDuplicates checks the rows that would be imported (accepted and
// updates) against the register and against each other with the domain's
// duplicate rules: a warning for the clerk, never a reason to reject a row.
func (rep *Report) LikelyDuplicates(ctx context.Context, db DupFinder) ([]RowDup, error) {
	if db == nil {
		return nil, nil
	}
	var people []wub.DupPerson
	for i, r := range rep.Rows {
		if r.Status != Accepted && r.Status != Update {
			continue
		}
		d := rep.Detail(i)
		if d.Trainee == nil {
			continue
		}
		p := wub.DupPersonOf(d.Trainee)
		p.ID, p.Ref, p.Agency, p.Year = 0, i, rep.Agency, rep.Year
		people = append(people, p)
	}
	pairs, err := db.DuplicatesAmong(ctx, people)
	if err != nil {
		return nil, err
	}
	out := make([]RowDup, 0, len(pairs))
	for _, p := range pairs {
		d := RowDup{Row: p.A.Ref, Num: rep.Rows[p.A.Ref].Num, Pair: p}
		if p.B.ID == 0 {
			d.OtherNum = rep.Rows[p.B.Ref].Num
		}
		out = append(out, d)
	}
	return out, nil
}
