package store_test

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"wubdesk/internal/demo"
	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

// BenchmarkInsert100k writes 100,000 trainees with one enrolment each:
//
//	go test -tags migrated_fynedo -run '^$' -bench Insert100k -benchtime 1x ./internal/store
//
// demo: demo.Generate, through BulkLoad into an empty database (indexes and
// search index built at the end). BulkLoad and Bulk: the same synthetic
// people through BulkLoad into an empty database, and through Bulk into a
// database that already holds one person, so every index and the search
// index are updated row by row (what an import into a working database does).
func BenchmarkInsert100k(b *testing.B) {
	const n = 100_000
	b.Run("demo", func(b *testing.B) {
		for b.Loop() {
			db := emptyDB(b)
			if _, err := demo.Generate(ctx, db, demo.Options{Trainees: n, Seed: 1}); err != nil {
				b.Fatal(err)
			}
			db.Close()
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/trainee")
	})
	for _, load := range []bool{true, false} {
		name := map[bool]string{true: "BulkLoad", false: "Bulk"}[load]
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				db := emptyDB(b)
				write := db.BulkLoad
				if !load {
					write = db.Bulk
					if err := db.Bulk(ctx, func(bk *store.Bulk) error { return bk.Insert(synthetic(n)) }); err != nil {
						b.Fatal(err)
					}
				}
				b.StartTimer()
				err := write(ctx, func(bk *store.Bulk) error {
					bk.Audit = false
					for i := range n {
						if err := bk.Insert(synthetic(i)); err != nil {
							return err
						}
					}
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				db.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/trainee")
		})
	}
}

func emptyDB(b *testing.B) *store.DB {
	db, err := store.Open(filepath.Join(b.TempDir(), "insert.db"))
	if err != nil {
		b.Fatal(err)
	}
	return db
}

var (
	benchNames = []string{"Moh. Holis", "Siti Maimunah", "Abdul Rahman", "Hosnol Hotimah", "Nur Aini", "Fathorrahman"}
	benchDesa  = []string{"35.28.04.1001", "35.28.02.2001", "35.28.01.2001", "35.28.10.2005"}
)

// synthetic is a valid person numbered i: a unique NIK, a name and desa
// from short lists, one enrolment.
func synthetic(i int) *wub.Trainee {
	birth := time.Date(1960+i%45, time.Month(1+i%12), 1+i%28, 0, 0, 0, 0, time.UTC)
	t := &wub.Trainee{
		NIK:  fmt.Sprintf("352804%02d%02d%02d%04d", birth.Day(), int(birth.Month()), birth.Year()%100, 1+i/1260), // (day, month, year) repeats every 1260
		Name: benchNames[i%len(benchNames)], Sex: "L", BirthDate: birth, DesaCode: benchDesa[i%len(benchDesa)],
		Phone: "081234567890", KBLI: "C", BusinessName: "Keripik Tette",
		Enrolments: []wub.Enrolment{{AgencyCode: wub.DISPERINDAG, Year: 2020 + i%5, Status: wub.StatusTrained}},
	}
	t.Normalize()
	return t
}
