package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"wubdesk/internal/wub"
)

// Benchmarks of the dashboard at 100,000 and 1,000,000 enrolments.
//
//	go test -tags migrated_fynedo -run '^$' -bench 'Dashboard' -benchtime 20x ./internal/store/
//
// WUB_BENCH_DIR=/some/dir keeps the generated databases there and reuses
// them on the next run (building 1,000,000 enrolments takes minutes);
// WUB_BENCH_LARGE=1 adds the 1,000,000 case.

var benchSizes = []struct {
	name       string
	enrolments int
}{{"100k", 100_000}, {"1M", 1_000_000}}

func benchDB(b *testing.B, enrolments int) *DB {
	b.Helper()
	if enrolments > 100_000 && os.Getenv("WUB_BENCH_LARGE") == "" {
		b.Skip("set WUB_BENCH_LARGE=1 for 1,000,000 enrolments")
	}
	dir := os.Getenv("WUB_BENCH_DIR")
	if dir == "" {
		dir = b.TempDir()
	}
	path := filepath.Join(dir, fmt.Sprintf("dashboard-%d.db", enrolments))
	db, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	var have int
	db.r.QueryRow("SELECT count(*) FROM enrolment WHERE deleted_at IS NULL").Scan(&have) // the edit benchmark leaves deleted rows
	if have == enrolments {
		return db
	}
	if have != 0 {
		b.Fatalf("%s holds %d enrolments, want %d: remove it", path, have, enrolments)
	}
	start := time.Now()
	if err := fillBenchDB(context.Background(), db, enrolments); err != nil {
		b.Fatal(err)
	}
	b.Logf("built %s in %v", path, time.Since(start).Round(time.Second))
	return db
}

// fillBenchDB writes deterministic synthetic people: about 30% with a
// second enrolment, 80% of enrolments trained, completions spread over the
// training months, every kecamatan and the common KBLI sections.
func fillBenchDB(ctx context.Context, db *DB, enrolments int) error {
	r := rand.New(rand.NewPCG(10000, 2023))
	as, err := db.Agencies(ctx)
	if err != nil {
		return err
	}
	ref := wub.Ref()
	sections := []string{"", "A", "C", "C", "C", "G", "G", "G", "I", "S"}
	done, serial := 0, 0
	for done < enrolments {
		err := db.Bulk(ctx, func(bk *Bulk) error {
			bk.Audit = false
			for n := 0; n < 20_000 && done < enrolments; n++ {
				serial++
				sex := []string{"L", "P"}[r.IntN(2)]
				k := ref.Kecamatan[r.IntN(len(ref.Kecamatan))]
				day := 1 + r.IntN(28)
				if sex == "P" {
					day += 40
				}
				// kecamatan, day, month, year and serial make the NIK unique.
				nik := fmt.Sprintf("%s%02d%02d%02d%04d", k.Code[:2]+k.Code[3:5]+k.Code[6:8], day, 1+serial%12,
					(serial/12)%50+50, 1+(serial/600)%9999)
				kec := k.Code
				if r.IntN(30) == 0 {
					kec = ""
				}
				p := &wub.Trainee{NIK: nik, Name: fmt.Sprintf("Peserta %07d", serial), Sex: sex, KecCode: kec,
					KBLI: sections[r.IntN(len(sections))]}
				count := 1
				if r.IntN(10) < 3 && done+1 < enrolments {
					count = 2
				}
				seen := map[string]bool{}
				for range count {
					year := 2020 + r.IntN(5)
					in := as.InYear(year)
					e := wub.Enrolment{AgencyCode: in[r.IntN(len(in))].Code, Year: year, Status: wub.StatusTrained}
					if seen[fmt.Sprint(e.AgencyCode, year)] {
						continue
					}
					seen[fmt.Sprint(e.AgencyCode, year)] = true
					switch x := r.IntN(100); {
					case x < 12:
						e.Status = wub.StatusRegistered
					case x < 20:
						e.Status = wub.StatusDropped
					}
					e.EnrolledOn = time.Date(year, time.Month(2+r.IntN(9)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
					if e.Status == wub.StatusTrained {
						e.CompletedOn = e.EnrolledOn.AddDate(0, 0, 5+r.IntN(30))
					}
					p.Enrolments = append(p.Enrolments, e)
				}
				p.Normalize()
				if err := bk.Insert(p); err != nil {
					return fmt.Errorf("%s: %w", p.Name, err)
				}
				done += len(p.Enrolments)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// BenchmarkDashboard is one whole dashboard: every figure of the Kuota
// screen for the regency (per person) and for one agency (per enrolment).
func BenchmarkDashboard(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			db := benchDB(b, size.enrolments)
			for _, q := range []wub.DashboardQuery{
				{Year: 2023, AsOf: date(2023, 6, 30)},
				{Year: 2023, AsOf: date(2023, 6, 30), AgencyCode: wub.DISKOPUKM},
			} {
				name := "regency"
				if q.AgencyCode != "" {
					name = "agency"
				}
				b.Run(name, func(b *testing.B) {
					for b.Loop() {
						d, err := db.Dashboard(ctx, q)
						if err != nil || d.Total.Recorded == 0 {
							b.Fatalf("%v, %+v", err, d.Total)
						}
					}
				})
			}
		})
	}
}

// BenchmarkDashboardGroupBy is what the aggregates replace: the year's
// figures counted from the enrolments, per enrolment (a plain GROUP BY)
// and per person (each person's first completion by a window function).
func BenchmarkDashboardGroupBy(b *testing.B) {
	queries := []struct{ name, q string }{
		{"enrolments", `SELECT e.agency_code, e.count_month, t.sex, t.kec_code, t.kbli, count(*)
			FROM enrolment e JOIN trainee t ON t.id = e.trainee_id
			WHERE e.year = 2023 AND e.status = 'trained' AND e.deleted_at IS NULL AND t.deleted_at IS NULL
			GROUP BY 1, 2, 3, 4, 5`},
		{"people", `SELECT count_month, sex, kec_code, kbli, count(*) FROM (` + recountPersonFirst + `)
			WHERE year = 2023 GROUP BY 1, 2, 3, 4`},
	}
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			db := benchDB(b, size.enrolments)
			for _, q := range queries {
				b.Run(q.name, func(b *testing.B) {
					for b.Loop() {
						rows, err := db.r.QueryContext(ctx, q.q)
						if err != nil {
							b.Fatal(err)
						}
						n := 0
						for rows.Next() {
							n++
						}
						rows.Close()
						if n == 0 {
							b.Fatal("no groups")
						}
					}
				})
			}
		})
	}
}

// BenchmarkFigurePeople opens the biggest figure of the year (everyone
// first trained in 2023) at its first page, with its count.
func BenchmarkFigurePeople(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			db := benchDB(b, size.enrolments)
			for _, f := range []wub.FigureFilter{
				{Counting: wub.CountPerson, FromYear: 2023, ToYear: 2023},
				{Counting: wub.CountEnrolment, FromYear: 2023, ToYear: 2023, AgencyCode: wub.DKP, Month: 6, UpToMonth: true},
			} {
				b.Run(f.Counting, func(b *testing.B) {
					for b.Loop() {
						rows, err := db.FigurePeople(ctx, f, 0, 50)
						if err != nil || len(rows) != 50 {
							b.Fatal(len(rows), err)
						}
						if _, err := db.CountFigurePeople(ctx, f); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		})
	}
}

// BenchmarkEditWithTallies is the cost the triggers add to a clerk's save:
// one trainee with a trained enrolment created, edited and deleted.
func BenchmarkEditWithTallies(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			db := benchDB(b, size.enrolments)
			i := 0
			for b.Loop() {
				i++
				p := dashPerson(i%9999+1, "Bench", "L", "35.28.04", "C", trained(wub.DKP, 2023, date(2023, 5, 2)))
				p.NIK = fmt.Sprintf("352901120390%04d", i%9999+1) // Sumenep: never generated
				if _, err := db.CreateTrainee(ctx, p); err != nil {
					b.Fatal(err)
				}
				p.Enrolments[0].CompletedOn = date(2023, 7, 9)
				if _, err := db.UpdateTrainee(ctx, p); err != nil {
					b.Fatal(err)
				}
				if err := db.DeleteTrainee(ctx, p.ID); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkBulkInsertTallies is the price of the triggers on an import:
// 5,000 enrolments written with Bulk into a new database, with the
// aggregates kept and, for comparison, with their triggers dropped.
func BenchmarkBulkInsertTallies(b *testing.B) {
	for _, keep := range []bool{true, false} {
		name := "with-tallies"
		if !keep {
			name = "without-tallies"
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				db, err := Open(filepath.Join(b.TempDir(), "bulk.db"))
				if err != nil {
					b.Fatal(err)
				}
				if !keep {
					if _, err := db.w.Exec(`DROP TRIGGER enrolment_tally_ai; DROP TRIGGER enrolment_tally_au;
						DROP TRIGGER enrolment_tally_ad; DROP TRIGGER enrolment_person_ai; DROP TRIGGER enrolment_person_au;
						DROP TRIGGER enrolment_person_ad; DROP TRIGGER trainee_tally_au; DROP TRIGGER trainee_tally_ad`); err != nil {
						b.Fatal(err)
					}
				}
				b.StartTimer()
				if err := fillBenchDB(context.Background(), db, 5000); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				db.Close()
				b.StartTimer()
			}
		})
	}
}
