package store

import (
	"reflect"
	"testing"
	"time"

	"wubdesk/internal/wub"
)

// datedPeople are people whose first completion depends on every rule of
// person_first: program year before count date before id, completion date
// before enrolment date before the year's 1 January, count dates outside
// the program year (month 1 or 12), and people never trained.
func datedPeople() []*wub.Trainee {
	d := func(s string) time.Time {
		t, err := wub.ParseDate(s)
		if err != nil {
			panic(err)
		}
		return t
	}
	tr := func(agency string, year int, enrolled, completed string) wub.Enrolment {
		e := wub.Enrolment{AgencyCode: agency, Year: year, Status: wub.StatusTrained}
		if enrolled != "" {
			e.EnrolledOn = d(enrolled)
		}
		if completed != "" {
			e.CompletedOn = d(completed)
		}
		return e
	}
	ps := []*wub.Trainee{
		// The later year comes first in the list; 2021 counts.
		person("3528041203900011", "Dua Tahun", tr(wub.DKP, 2022, "2022-02-01", "2022-03-01"), tr(wub.DKPP, 2021, "2021-05-01", "2021-06-30")),
		// Same year: the earlier completion counts, though listed second.
		person("3528041203900012", "Dua Tanggal", tr(wub.DKP, 2022, "2022-01-10", "2022-09-15"), tr(wub.DISPERINDAG, 2022, "2022-01-10", "2022-04-02")),
		// Same year and date: the lower id (listed first) counts.
		person("3528041203900013", "Kembar", tr(wub.DKPP, 2023, "", "2023-07-07"), tr(wub.DKP, 2023, "2023-07-07", "2023-07-07")),
		// Completed after the program year: month 12; enrolled before it: month 1.
		person("3528041203900014", "Lewat Tahun", tr(wub.DKP, 2021, "2021-11-01", "2022-02-10")),
		person("3528041203900015", "Awal Tahun", tr(wub.DKP, 2022, "2021-12-20", "2021-12-30")),
		// No dates: counts in no month (month 0), never 1 January.
		person("3528041203900016", "Tanpa Tanggal", tr(wub.DISPERINDAG, 2020, "", "")),
		// Dropped, then trained later; registered only; nothing.
		person("3528041203900017", "Gugur Dulu",
			wub.Enrolment{AgencyCode: wub.DKP, Year: 2020, Status: wub.StatusDropped, EnrolledOn: d("2020-03-01")},
			tr(wub.DKPP, 2021, "2021-03-01", "2021-04-01")),
		person("3528041203900018", "Baru Daftar", wub.Enrolment{AgencyCode: wub.DKP, Year: 2024, Status: wub.StatusRegistered}),
		person("3528041203900019", "Belum Ikut"),
	}
	ps[3].Sex, ps[3].KBLI = "P", "G"
	ps[4].DesaCode, ps[4].KecCode = "", ""
	ps[5].KBLI = "C"
	return ps
}

// tallyTables reads the three tally tables in a fixed order.
func tallyTables(t *testing.T, db *DB) map[string][][]any {
	t.Helper()
	out := map[string][][]any{}
	for table, q := range map[string]string{
		"enrolment_tally": "SELECT year, status, agency_code, month, sex, kec_code, kbli, n FROM enrolment_tally WHERE n != 0 ORDER BY 1, 2, 3, 4, 5, 6, 7",
		"person_first":    "SELECT trainee_id, enrolment_id, agency_code, year, month, count_date, sex, kec_code, kbli FROM person_first ORDER BY 1",
		"person_tally":    "SELECT year, month, sex, kec_code, kbli, n FROM person_tally WHERE n != 0 ORDER BY 1, 2, 3, 4, 5",
	} {
		out[table] = queryRows(t, db, q)
	}
	return out
}

// TestBulkLoadTallies checks that the tallies BulkLoad counts in Go while
// InsertMany writes are exactly those of the SQL definitions (VerifyTallies)
// and of a load that recounts them (Insert), that the counting was really
// used, and that the triggers are back afterwards.
func TestBulkLoadTallies(t *testing.T) {
	counted, recounted := openTest(t), openTest(t)
	before := schemaSQL(t, counted)
	var used bool
	err := counted.BulkLoad(ctx, func(b *Bulk) error {
		ps := datedPeople()
		for i := 0; i < len(ps); i += 4 {
			if err := b.InsertMany(ps[i:min(i+4, len(ps))]); err != nil {
				return err
			}
		}
		used = b.tally != nil && !b.tally.off
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !used {
		t.Fatal("InsertMany alone did not keep the tallies counted in Go")
	}
	err = recounted.BulkLoad(ctx, func(b *Bulk) error {
		for _, p := range datedPeople() {
			if err := b.Insert(p); err != nil {
				return err
			}
		}
		if b.tally == nil || !b.tally.off {
			t.Error("Insert did not turn the counting off")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := counted.VerifyTallies(ctx); err != nil {
		t.Errorf("counted tallies against the SQL recount: %v", err)
	}
	got, want := tallyTables(t, counted), tallyTables(t, recounted)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("counted tallies differ from recounted ones:\n got %v\nwant %v", got, want)
	}
	if n := len(got["person_first"]); n != 7 {
		t.Errorf("person_first has %d rows, want the 7 people trained", n)
	}
	// The first completions chosen, by enrolment: 2021 over 2022, the
	// earlier date, the lower id.
	firsts := map[int64]int64{}
	for _, r := range got["person_first"] {
		firsts[r[0].(int64)] = r[1].(int64)
	}
	for trainee, enrolment := range map[int64]int64{1: 2, 2: 4, 3: 5} {
		if firsts[trainee] != enrolment {
			t.Errorf("trainee %d counts from enrolment %d, want %d", trainee, firsts[trainee], enrolment)
		}
	}
	after := schemaSQL(t, counted)
	for name, q := range before {
		if after[name] != q {
			t.Errorf("%s changed: %q -> %q", name, q, after[name])
		}
	}
	// The triggers are back: a later completion is counted by them.
	if _, err := counted.CreateTrainee(ctx, person("3528045203950001", "Siti Aminah",
		wub.Enrolment{AgencyCode: wub.DKP, Year: 2022, Status: wub.StatusTrained})); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, counted, "SELECT count(*) FROM person_first"); n != 8 {
		t.Errorf("person_first has %d rows after a later insert, want 8", n)
	}
	if err := counted.VerifyTallies(ctx); err != nil {
		t.Errorf("tallies after a later insert: %v", err)
	}
}

// TestBulkLoadTalliesUntallied checks that a write BulkLoad cannot follow
// (through Tx, after InsertMany has counted some people) falls back to the
// SQL recount, so the tallies still agree.
func TestBulkLoadTalliesUntallied(t *testing.T) {
	db := openTest(t)
	err := db.BulkLoad(ctx, func(b *Bulk) error {
		ps := datedPeople()
		if err := b.InsertMany(ps[:5]); err != nil {
			return err
		}
		// A completion changed behind the counting's back.
		if _, err := b.Tx().Exec("UPDATE enrolment SET status = 'dropped' WHERE trainee_id = 1"); err != nil {
			return err
		}
		return b.InsertMany(ps[5:])
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.VerifyTallies(ctx); err != nil {
		t.Errorf("tallies after a write through Tx: %v", err)
	}
	if n := countRows(t, db, "SELECT count(*) FROM person_first WHERE trainee_id = 1"); n != 0 {
		t.Errorf("trainee 1 dropped out but is still counted once (%d)", n)
	}
}
