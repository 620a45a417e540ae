package xlsx

import (
	"path/filepath"
	"slices"
	"testing"
	"time"

	"wubdesk/internal/wub"
)

// TestImportLulusGetsFileDate: the import applies the count-date rule. A
// Lulus row without a completion date is given the file's date, with a
// warning on that row; a file date after today is today. No row is left to
// fall into January.
func TestImportLulusGetsFileDate(t *testing.T) {
	for _, tc := range []struct {
		name           string
		fileDate, want time.Time
	}{
		{"file date", time.Date(2021, 11, 30, 0, 0, 0, 0, time.UTC), time.Date(2021, 11, 30, 0, 0, 0, 0, time.UTC)},
		{"future file date", today.AddDate(0, 1, 0), today},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := openDB(t)
			rep, err := PreviewFile(ctx, filepath.Join("testdata", "separate_cols.xlsx"), Options{Today: today, FileDate: tc.fileDate, Register: db})
			if err != nil {
				t.Fatal(err)
			}
			warned := 0
			for _, r := range rep.Rows {
				if r.Status == Accepted {
					if !slices.Contains(r.Warnings(), "import_completed_on_offered") {
						t.Errorf("row %d: no warning, %v", r.Num, r.Warnings())
					}
					warned++
				}
			}
			if warned != 8 {
				t.Fatalf("%d rows warned, want the 8 accepted", warned)
			}
			if _, err := commit(ctx, db, rep, nil); err != nil {
				t.Fatal(err)
			}
			n := 0
			err = db.SubmissionRows(ctx, wub.DISKOPUKM, 2021, time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC), func(_ *wub.Trainee, e *wub.Enrolment) error {
				n++
				if e.Status != wub.StatusTrained || !e.CompletedOn.Equal(tc.want) {
					t.Errorf("enrolment %+v, want Lulus on %s", e, wub.ISO(tc.want))
				}
				return nil
			})
			if err != nil || n != 8 {
				t.Fatalf("%d rows, %v", n, err)
			}
			d, err := db.Dashboard(ctx, wub.DashboardQuery{Year: 2021, AsOf: time.Date(2021, 12, 31, 0, 0, 0, 0, time.UTC)})
			if err != nil {
				t.Fatal(err)
			}
			if d.Months[0].Recorded != 0 {
				t.Errorf("January holds %d imported people", d.Months[0].Recorded)
			}
		})
	}
}
