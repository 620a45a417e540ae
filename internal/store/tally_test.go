package store

import (
	"database/sql"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"wubdesk/internal/wub"
)

var (
	kecs  = []string{"", "35.28.01", "35.28.04", "35.28.13"}
	kblis = []string{"", "A", "C", "G"}
)

// randomEnrolment is valid for the agency history; its dates may fall
// outside its program year (a course finished in January of the next year).
func randomEnrolment(r *rand.Rand, as wub.Agencies) wub.Enrolment {
	year := 2020 + r.IntN(5)
	in := as.InYear(year)
	e := wub.Enrolment{AgencyCode: in[r.IntN(len(in))].Code, Year: year, Status: wub.Statuses[r.IntN(3)]}
	if e.Status == wub.StatusRegistered && r.IntN(4) == 0 {
		e.Status = wub.StatusTrained
	}
	start := time.Date(year-1, 12, 1, 0, 0, 0, 0, time.UTC)
	if r.IntN(4) > 0 {
		e.EnrolledOn = start.AddDate(0, 0, r.IntN(380))
	}
	if r.IntN(4) > 0 {
		e.CompletedOn = e.EnrolledOn.AddDate(0, 0, r.IntN(60))
		if e.EnrolledOn.IsZero() {
			e.CompletedOn = start.AddDate(0, 0, r.IntN(400))
		}
	}
	return e
}

func randomPerson(r *rand.Rand, serial int, as wub.Agencies) *wub.Trainee {
	sex := []string{"L", "P"}[r.IntN(2)]
	var es []wub.Enrolment
	seen := map[string]bool{}
	for range r.IntN(4) {
		e := randomEnrolment(r, as)
		if k := fmt.Sprint(e.AgencyCode, e.Year); !seen[k] {
			seen[k] = true
			es = append(es, e)
		}
	}
	return dashPerson(serial, fmt.Sprintf("Orang %d", serial), sex, kecs[r.IntN(len(kecs))], kblis[r.IntN(len(kblis))], es...)
}

// TestTalliesAgreeWithRecountAfterRandomEdits changes records every way the
// store and other tools can (create, edit, add and remove enrolments, delete,
// restore, bulk insert, and raw SQL moves and hard deletes) and checks after
// each batch that the aggregates equal a full recount, both in SQL and in Go.
func TestTalliesAgreeWithRecountAfterRandomEdits(t *testing.T) {
	for _, seed := range []uint64{1, 2} {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			db := openTest(t)
			r := rand.New(rand.NewPCG(seed, 2023))
			as, _ := db.Agencies(ctx)
			serial := 0
			var ids []int64
			for range 40 {
				serial++
				p := randomPerson(r, serial, as)
				if _, err := db.CreateTrainee(ctx, p); err == nil {
					ids = append(ids, p.ID)
				}
			}
			for step := range 300 {
				id := ids[r.IntN(len(ids))]
				switch op := r.IntN(11); op {
				case 0: // a new person
					serial++
					p := randomPerson(r, serial, as)
					if _, err := db.CreateTrainee(ctx, p); err == nil {
						ids = append(ids, p.ID)
					}
				case 1, 2: // edit the person and some enrolments
					p, err := db.Trainee(ctx, id)
					if err != nil || !p.DeletedAt.IsZero() {
						continue
					}
					p.Sex = []string{"L", "P"}[r.IntN(2)]
					p.KecCode = kecs[r.IntN(len(kecs))]
					p.KBLI = kblis[r.IntN(len(kblis))]
					for i := range p.Enrolments {
						if r.IntN(2) == 0 {
							n := randomEnrolment(r, as)
							n.ID = p.Enrolments[i].ID
							p.Enrolments[i] = n
						}
					}
					db.UpdateTrainee(ctx, p) // a duplicate agency/year is refused: fine
				case 3: // add or remove an enrolment
					p, err := db.Trainee(ctx, id)
					if err != nil || !p.DeletedAt.IsZero() {
						continue
					}
					if len(p.Enrolments) > 0 && r.IntN(2) == 0 {
						k := r.IntN(len(p.Enrolments))
						p.Enrolments = append(p.Enrolments[:k], p.Enrolments[k+1:]...)
					} else {
						p.Enrolments = append(p.Enrolments, randomEnrolment(r, as))
					}
					db.UpdateTrainee(ctx, p)
				case 10: // only a date changes: the count month, or which completion is first
					p, err := db.Trainee(ctx, id)
					if err != nil || !p.DeletedAt.IsZero() || len(p.Enrolments) == 0 {
						continue
					}
					e := &p.Enrolments[r.IntN(len(p.Enrolments))]
					e.CompletedOn = time.Date(e.Year, time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
					e.EnrolledOn = time.Time{}
					db.UpdateTrainee(ctx, p)
				case 4:
					if err := db.DeleteTrainee(ctx, id); err != nil && wub.ErrorCode(err) != "not_found" {
						t.Fatal(err)
					}
				case 5:
					db.RestoreTrainee(ctx, id)
				case 6: // an import
					err := db.Bulk(ctx, func(b *Bulk) error {
						for range 3 {
							serial++
							p := randomPerson(r, serial, as)
							p.Normalize()
							if err := b.Insert(p); err != nil {
								return err
							}
							ids = append(ids, p.ID)
						}
						return nil
					})
					if err != nil {
						t.Fatal(err)
					}
				case 7: // another tool moves an enrolment to another person
					other := ids[r.IntN(len(ids))]
					db.w.ExecContext(ctx, `UPDATE enrolment SET trainee_id = ? WHERE id =
						(SELECT id FROM enrolment WHERE trainee_id = ? ORDER BY id LIMIT 1)`, other, id)
				case 8: // or deletes one for good
					db.w.ExecContext(ctx, `DELETE FROM enrolment WHERE id =
						(SELECT max(id) FROM enrolment WHERE trainee_id = ?)`, id)
				case 9: // or a whole person
					if r.IntN(3) == 0 {
						db.w.ExecContext(ctx, "DELETE FROM enrolment WHERE trainee_id = ?", id)
						db.w.ExecContext(ctx, "DELETE FROM trainee WHERE id = ?", id)
					} else {
						db.w.ExecContext(ctx, "UPDATE trainee SET kbli = ?, kec_code = ? WHERE id = ?",
							kblis[r.IntN(len(kblis))], kecs[r.IntN(len(kecs))], id)
					}
				}
				if step%50 == 49 {
					if err := db.VerifyTallies(ctx); err != nil {
						t.Fatalf("step %d: %v", step, err)
					}
				}
			}
			compareWithGoRecount(t, db, r)
		})
	}
}

// goCounts recounts from the records as the store returns them, with the
// domain's own CountDate and CountMonth: independent of the SQL.
type goCounts struct {
	byAgency  map[int]map[string]int // year → agency → trained enrolments
	persons   map[int]int            // year → people first trained
	monthly   map[int][12]int        // year → people per month
	sex, kbli map[int]map[string]int
}

func recountInGo(t *testing.T, db *DB) goCounts {
	c := goCounts{map[int]map[string]int{}, map[int]int{}, map[int][12]int{}, map[int]map[string]int{}, map[int]map[string]int{}}
	rows, err := db.r.QueryContext(ctx, "SELECT id FROM trainee WHERE deleted_at IS NULL")
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		ids = append(ids, id)
	}
	rows.Close()
	for _, id := range ids {
		p, err := db.Trainee(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		var done []wub.Enrolment
		for _, e := range p.Enrolments {
			if e.Status != wub.StatusTrained {
				continue
			}
			if c.byAgency[e.Year] == nil {
				c.byAgency[e.Year] = map[string]int{}
			}
			c.byAgency[e.Year][e.AgencyCode]++
			done = append(done, e)
		}
		if len(done) == 0 {
			continue
		}
		sort.Slice(done, func(i, j int) bool {
			a, b := done[i], done[j]
			if a.Year != b.Year {
				return a.Year < b.Year
			}
			if !a.CountDate().Equal(b.CountDate()) {
				return a.CountDate().Before(b.CountDate())
			}
			return a.ID < b.ID
		})
		f := done[0]
		c.persons[f.Year]++
		m := c.monthly[f.Year]
		if f.CountMonth() != wub.UndatedMonth {
			m[f.CountMonth()-1]++
		}
		c.monthly[f.Year] = m
		if c.sex[f.Year] == nil {
			c.sex[f.Year], c.kbli[f.Year] = map[string]int{}, map[string]int{}
		}
		c.sex[f.Year][p.Sex]++
		c.kbli[f.Year][p.KBLI]++
	}
	return c
}

func compareWithGoRecount(t *testing.T, db *DB, r *rand.Rand) {
	t.Helper()
	if err := db.VerifyTallies(ctx); err != nil {
		t.Fatal(err)
	}
	c := recountInGo(t, db)
	total := 0
	for year := 2020; year <= 2024; year++ {
		d, err := db.Dashboard(ctx, wub.DashboardQuery{Year: year, AsOf: date(year, 7, 1)})
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range d.Agencies {
			if row.Recorded != c.byAgency[year][row.Code] {
				t.Errorf("%d %s: %d enrolments, Go counts %d", year, row.Code, row.Recorded, c.byAgency[year][row.Code])
			}
		}
		if d.Year.Recorded != c.persons[year] {
			t.Errorf("%d: %d people, Go counts %d", year, d.Year.Recorded, c.persons[year])
		}
		for i, m := range d.Months {
			if m.Recorded != c.monthly[year][i] {
				t.Errorf("%d month %d: %d, Go counts %d", year, i+1, m.Recorded, c.monthly[year][i])
			}
		}
		for _, s := range d.BySex {
			if s.Count != c.sex[year][s.Key] {
				t.Errorf("%d sex %s: %d, Go counts %d", year, s.Key, s.Count, c.sex[year][s.Key])
			}
		}
		for _, s := range d.ByKBLI {
			if s.Count != c.kbli[year][s.Key] {
				t.Errorf("%d KBLI %q: %d, Go counts %d", year, s.Key, s.Count, c.kbli[year][s.Key])
			}
		}
		if n, _ := db.CountFigurePeople(ctx, d.Year.Filter); n != c.persons[year] {
			t.Errorf("%d: drill-down counts %d people, Go counts %d", year, n, c.persons[year])
		}
		if rows, _ := db.FigurePeople(ctx, d.Year.Filter, 0, 1<<20); len(rows) != c.persons[year] {
			t.Errorf("%d: drill-down lists %d people, Go counts %d", year, len(rows), c.persons[year])
		}
		// One agency's view counts its enrolments.
		a := d.Agencies[r.IntN(len(d.Agencies))]
		k, err := db.Dashboard(ctx, wub.DashboardQuery{Year: year, AsOf: date(year, 7, 1), AgencyCode: a.Code})
		if err != nil {
			t.Fatal(err)
		}
		if k.Months[11].Cumulative+k.Undated-k.Year.Opening != c.byAgency[year][a.Code] {
			t.Errorf("%d %s view: %d, Go counts %d", year, a.Code, k.Months[11].Cumulative, c.byAgency[year][a.Code])
		}
		if year <= 2023 {
			total += c.persons[year]
		}
	}
	d, _ := db.Dashboard(ctx, wub.DashboardQuery{Year: 2023, AsOf: date(2023, 7, 1)})
	if d.Regency.Recorded != total {
		t.Errorf("regency recorded %d, Go counts %d", d.Regency.Recorded, total)
	}
	if total == 0 {
		t.Error("nothing trained: the test data is too thin to prove anything")
	}
}

func TestRecountRepairsTallies(t *testing.T) {
	db, _ := seedDashboard(t)
	// A tool that bypasses the triggers (they cannot fire for a table the
	// tool rewrites by hand) leaves the tallies wrong.
	if _, err := db.w.ExecContext(ctx, "UPDATE enrolment_tally SET n = n + 5 WHERE status = 'trained'"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.w.ExecContext(ctx, "DELETE FROM person_first WHERE trainee_id = (SELECT min(trainee_id) FROM person_first)"); err != nil {
		t.Fatal(err)
	}
	if err := db.VerifyTallies(ctx); wub.ErrorCode(err) != "tally_mismatch" {
		t.Fatalf("tampered tallies: %v", err)
	}
	if err := db.RecountTallies(ctx); err != nil {
		t.Fatal(err)
	}
	if err := db.VerifyTallies(ctx); err != nil {
		t.Fatal(err)
	}
	d, _ := db.Dashboard(ctx, wub.DashboardQuery{Year: 2023, AsOf: date(2023, 6, 30)})
	if d.Regency.Recorded != 7 || d.Total.Recorded != 6 {
		t.Errorf("after recount: regency %d, enrolments %d", d.Regency.Recorded, d.Total.Recorded)
	}
	// The recount puts person_first's trigger back: a new person still counts.
	p := dashPerson(11, "P11 Kiki", "P", "35.28.04", "C", trained(wub.DKP, 2023, date(2023, 3, 2)))
	if _, err := db.CreateTrainee(ctx, p); err != nil {
		t.Fatal(err)
	}
	if err := db.VerifyTallies(ctx); err != nil {
		t.Fatalf("after a new trainee: %v", err)
	}
	d, _ = db.Dashboard(ctx, wub.DashboardQuery{Year: 2023, AsOf: date(2023, 6, 30)})
	if d.Regency.Recorded != 8 {
		t.Errorf("a trainee added after the recount: regency %d, want 8", d.Regency.Recorded)
	}
}

// TestMigrationCountsExistingRecords builds a database of schema version 1
// with records in it, as an office has before upgrading, and opens it: the
// aggregates must count what is already there.
func TestMigrationCountsExistingRecords(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	v1, _ := migrationFS.ReadFile("migrations/0001_foundation.sql")
	stmts := []string{string(v1), fmt.Sprintf("PRAGMA application_id = %d; PRAGMA user_version = 1", ApplicationID),
		`INSERT INTO trainee (id, nik, name, sex, kec_code, kbli, created_at, updated_at, deleted_at) VALUES
			(1, '3528041203900001', 'A', 'L', '35.28.04', 'C', '', '', NULL),
			(2, '3528045203900002', 'B', 'P', '35.28.01', '', '', '', NULL),
			(3, '3528041203900003', 'C', 'L', '35.28.04', 'C', '', '', '2023-05-01T00:00:00Z')`,
		`INSERT INTO enrolment (trainee_id, agency_code, year, status, enrolled_on, completed_on, created_at, updated_at, deleted_at) VALUES
			(1, 'DISPERINDAG', 2022, 'trained', '', '2022-10-01', '', '', NULL),
			(1, 'DKP', 2023, 'trained', '', '2023-02-01', '', '', NULL),
			(2, 'DKP', 2023, 'trained', '2023-03-01', '', '', '', NULL),
			(2, 'DKPP', 2023, 'registered', '', '', '', '', NULL),
			(3, 'DKP', 2023, 'trained', '', '2023-02-01', '', '', '2023-05-01T00:00:00Z')`,
	}
	for _, s := range stmts {
		if _, err := raw.Exec(s); err != nil {
			t.Fatal(err)
		}
	}
	raw.Close()
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.VerifyTallies(ctx); err != nil {
		t.Fatal(err)
	}
	d, err := db.Dashboard(ctx, wub.DashboardQuery{Year: 2023, AsOf: date(2023, 12, 31)})
	if err != nil {
		t.Fatal(err)
	}
	// DKP 2023 has A and B (C is deleted); per person only B is new in
	// 2023, but without a completion date: in no month (not March, where
	// it was enrolled, nor January).
	if d.Agencies[4].Code != wub.DKP || d.Agencies[4].Recorded != 2 || d.Year.Recorded != 1 || d.Months[2].Recorded != 0 ||
		d.Months[0].Recorded != 0 || d.Regency.Recorded != 2 || d.Undated != 1 {
		t.Errorf("after migration: DKP %+v, year %+v, months %+v, regency %+v", d.Agencies[4], d.Year, d.Months, d.Regency)
	}
}
