package demo_test

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"wubdesk/internal/demo"
	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

// benchDB is a program-sized database (about 8,400 trainees: each agency
// 2020–2023, ten batches of thirty a year) with its facilitators filled in.
func benchDB(b *testing.B, fill bool) *store.DB {
	b.Helper()
	db, err := store.Open(filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	db.Now = func() time.Time { return time.Date(2023, 1, 20, 9, 0, 0, 0, time.UTC) }
	as, _ := db.Agencies(fctx)
	n := 0
	err = db.Bulk(fctx, func(bk *store.Bulk) error {
		bk.Audit = false
		for _, a := range as {
			for y := 2020; y <= 2023; y++ {
				if !a.RunsIn(y) {
					continue
				}
				for k := 1; k <= 10; k++ {
					bt := &wub.Batch{AgencyCode: a.Code, Year: y, Name: fmt.Sprintf("Angkatan %d", k),
						StartDate: time.Date(y, time.Month(k), 3, 0, 0, 0, 0, time.UTC), EndDate: time.Date(y, time.Month(k), 8, 0, 0, 0, 0, time.UTC)}
					if err := bk.InsertBatch(bt); err != nil {
						return err
					}
					for i := 0; i < 30; i++ {
						n++
						status := wub.StatusTrained
						if i%10 == 9 {
							status = wub.StatusDropped
						}
						tr := &wub.Trainee{NIK: fmt.Sprintf("3528%02d%02d%02d90%04d", 1+n%13, 1+n%28, 1+n%12, n%10000), Name: fmt.Sprintf("Peserta %d", n), Sex: "L",
							Enrolments: []wub.Enrolment{{AgencyCode: a.Code, Year: y, BatchID: bt.ID, Status: status, CompletedOn: bt.EndDate}}}
						if err := bk.Insert(tr); err != nil {
							return err
						}
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	if fill {
		if err := demo.FillFacilitators(fctx, db, 1); err != nil {
			b.Fatal(err)
		}
	}
	return db
}

func BenchmarkFillFacilitators(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		db := benchDB(b, false)
		b.StartTimer()
		if err := demo.FillFacilitators(fctx, db, 1); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkContractRound(b *testing.B) {
	db := benchDB(b, true)
	for b.Loop() {
		r, err := db.ContractRound(fctx, wub.DISKOPUKM, 2023)
		if err != nil || len(r.Rows) == 0 {
			b.Fatal(err)
		}
	}
}
