package xlsx

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

// seedBenchDB writes n synthetic Disperindag 2024 trainees (benchTrainee)
// into a new database at path, without audit rows, in one transaction.
func seedBenchDB(tb testing.TB, path string, n int) *store.DB {
	tb.Helper()
	db, err := store.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	err = db.Bulk(context.Background(), func(b *store.Bulk) error {
		b.Audit = false
		for i := 0; i < n; i++ {
			var t wub.Trainee
			var e wub.Enrolment
			benchTrainee(i, &t, &e)
			e.AgencyCode = wub.DISPERINDAG
			t.Enrolments = []wub.Enrolment{e}
			if err := b.Insert(&t); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return db
}

// TestSeedBenchDB makes the database for timing `wubdesk export` from the
// command line (docs/PERFORMANCE.md):
//
//	WUBDESK_SEED_DB=/tmp/bench.db WUBDESK_SEED_N=1000000 go test -run TestSeedBenchDB ./internal/xlsx/
func TestSeedBenchDB(t *testing.T) {
	path := os.Getenv("WUBDESK_SEED_DB")
	if path == "" {
		t.Skip("set WUBDESK_SEED_DB (and WUBDESK_SEED_N) to write a benchmark database")
	}
	n, _ := strconv.Atoi(os.Getenv("WUBDESK_SEED_N"))
	if n == 0 {
		n = 100_000
	}
	seedBenchDB(t, path, n).Close()
}

// BenchmarkExportFromDB is the whole export as `wubdesk export` runs it:
// the store query streaming rows into WriteSubmission.
func BenchmarkExportFromDB(b *testing.B) {
	a := wub.Agency{Code: wub.DISPERINDAG, FirstYear: 2020, Names: []wub.AgencyName{{Short: "Disperindag", Full: "Dinas Perindustrian dan Perdagangan"}}}
	month := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, n := range benchSizes[:2] {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			db := seedBenchDB(b, filepath.Join(b.TempDir(), "bench.db"), n)
			defer db.Close()
			for b.Loop() {
				var cw countingWriter
				meta, err := WriteSubmission(&cw, Submission{Agency: a, Month: month, AppVersion: "bench"},
					func(emit func(*wub.Trainee, *wub.Enrolment) error) error {
						return db.SubmissionRows(context.Background(), a.Code, 2024, wub.EndOfMonth(month), emit)
					})
				if err != nil || meta.TraineeRows != n {
					b.Fatalf("%d rows, %v", meta.TraineeRows, err)
				}
			}
		})
	}
}
