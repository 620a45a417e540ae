package store

import (
	"context"
	"database/sql"
	"testing"

	"wubdesk/internal/wub"
)

func schemaSQL(t *testing.T, db *DB) map[string]string {
	t.Helper()
	rows, err := db.r.Query("SELECT name, coalesce(sql, '') FROM sqlite_schema")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var name, q string
		rows.Scan(&name, &q)
		out[name] = q
	}
	return out
}

func person(nik, name string, es ...wub.Enrolment) *wub.Trainee {
	t := &wub.Trainee{NIK: nik, Name: name, Sex: "L", DesaCode: "35.28.04.1001", Enrolments: es}
	t.Normalize()
	return t
}

// TestBulkLoad checks that a load into an empty table leaves the schema as
// it was, the search index complete and its trigger working, and that a
// failed load leaves nothing, not even a dropped index.
func TestBulkLoad(t *testing.T) {
	db := openTest(t)
	before := schemaSQL(t, db)
	failed := db.BulkLoad(ctx, func(b *Bulk) error {
		if err := b.Insert(person("3528041203900002", "Ahmad Fauzi")); err != nil {
			return err
		}
		return b.Insert(person("3528041203900002", "Ahmad lagi"))
	})
	if wub.ErrorCode(failed) != "nik_registered" {
		t.Fatalf("repeated NIK: %v", failed)
	}
	err := db.BulkLoad(ctx, func(b *Bulk) error {
		for _, p := range []*wub.Trainee{
			person("3528041203900002", "Ahmad Fauzi", wub.Enrolment{AgencyCode: wub.DKP, Year: 2021, Status: wub.StatusTrained}),
			person("3528041203900003", "Holis Rahman"),
		} {
			if err := b.Insert(p); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	after := schemaSQL(t, db)
	if len(after) != len(before) {
		t.Errorf("schema has %d objects, had %d", len(after), len(before))
	}
	for name, q := range before {
		if after[name] != q {
			t.Errorf("%s changed: %q -> %q", name, q, after[name])
		}
	}
	// The dashboard tallies were recounted at the end of the load: they agree
	// with a full recount and count the one completion.
	if err := db.VerifyTallies(ctx); err != nil {
		t.Errorf("tallies after the load: %v", err)
	}
	if n := countRows(t, db, "SELECT count(*) FROM person_first"); n != 1 {
		t.Errorf("person_first has %d rows after the load, want 1", n)
	}
	if _, err := db.CreateTrainee(ctx, &wub.Trainee{NIK: "3528045203950001", Name: "Siti Aminah", Sex: "P",
		Enrolments: []wub.Enrolment{{AgencyCode: wub.DKP, Year: 2022, Status: wub.StatusTrained}}}); err != nil {
		t.Fatal(err)
	}
	if err := db.VerifyTallies(ctx); err != nil {
		t.Errorf("tallies after a later insert (triggers back): %v", err)
	}
	for text, want := range map[string]int{"fauzi": 1, "holis": 1, "aminah": 1, "352804": 3} {
		if n, err := db.CountTrainees(ctx, wub.TraineeFilter{Text: text}); n != want || err != nil {
			t.Errorf("search %q after the load: %d (%v), want %d", text, n, err, want)
		}
	}
	if _, err := db.w.Exec("INSERT INTO trainee_fts (trainee_fts, rank) VALUES ('integrity-check', 1)"); err != nil {
		t.Errorf("search index does not match the table: %v", err)
	}
	if err := db.IntegrityCheck(ctx, true); err != nil {
		t.Error(err)
	}
	// A second load into a table that is no longer empty goes row by row.
	err = db.BulkLoad(ctx, func(b *Bulk) error { return b.Insert(person("3528041203900004", "Rofiqi")) })
	if n, _ := db.CountTrainees(ctx, wub.TraineeFilter{Text: "rofiqi"}); err != nil || n != 1 {
		t.Errorf("second load: %v, found %d", err, n)
	}
}

// TestBulkInsertCurrent checks that Bulk.Insert stores the same current
// enrolment that refreshCurrent computes.
func TestBulkInsertCurrent(t *testing.T) {
	db := openTest(t)
	cases := [][]wub.Enrolment{
		nil,
		{{AgencyCode: wub.DKP, Year: 2021, Status: wub.StatusTrained}},
		{{AgencyCode: wub.DKP, Year: 2023, Status: wub.StatusRegistered}, {AgencyCode: wub.DKPP, Year: 2021, Status: wub.StatusTrained}},
		{{AgencyCode: wub.DKP, Year: 2022, Status: wub.StatusDropped}, {AgencyCode: wub.DISPERINDAG, Year: 2022, Status: wub.StatusTrained}},
	}
	type cur struct {
		agency, status string
		year           int
	}
	read := func(id int64) cur {
		var c cur
		db.r.QueryRow("SELECT cur_agency, cur_status, cur_year FROM trainee WHERE id = ?", id).Scan(&c.agency, &c.status, &c.year)
		return c
	}
	for i, es := range cases {
		p := person("35280412039000"+string(rune('1'+i))+"1", "Orang", es...)
		if err := db.Bulk(ctx, func(b *Bulk) error { return b.Insert(p) }); err != nil {
			t.Fatal(err)
		}
		got := read(p.ID)
		db.WriteTx(context.Background(), func(tx *sql.Tx) error { return refreshCurrent(ctx, tx, p.ID) })
		if want := read(p.ID); got != want {
			t.Errorf("case %d: Insert stored %+v, refreshCurrent gives %+v", i, got, want)
		}
	}
}

// TestBulkLoadJournal checks that a load into an empty table runs outside
// the WAL and returns to it, and that a load into a file another
// connection has open stays in the WAL and still succeeds.
func TestBulkLoadJournal(t *testing.T) {
	mode := func(q interface {
		QueryRow(string, ...any) *sql.Row
	}) string {
		var m string
		if err := q.QueryRow("PRAGMA journal_mode").Scan(&m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	db := openTest(t)
	countRows(t, db, "SELECT count(*) FROM trainee") // an idle reader
	var during string
	err := db.BulkLoad(ctx, func(b *Bulk) error {
		during = mode(b.tx)
		return b.InsertMany(manyPeople(30))
	})
	if err != nil {
		t.Fatal(err)
	}
	if during != "delete" {
		t.Errorf("journal during the load: %q, want delete", during)
	}
	if m := mode(db.w); m != "wal" {
		t.Errorf("journal after the load: %q, want wal", m)
	}
	if n := countRows(t, db, "SELECT count(*) FROM trainee"); n != 30 {
		t.Errorf("%d trainees after the load, want 30", n)
	}

	// The same file open twice (the app and the command line): the second
	// handle's load stays in the WAL.
	db2 := openTest(t)
	other, err := Open(db2.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	countRows(t, other, "SELECT count(*) FROM trainee")
	err = db2.BulkLoad(ctx, func(b *Bulk) error {
		during = mode(b.tx)
		return b.InsertMany(manyPeople(30))
	})
	if err != nil {
		t.Fatal(err)
	}
	if during != "wal" {
		t.Errorf("journal during a load with the file open elsewhere: %q, want wal", during)
	}
	if n := countRows(t, other, "SELECT count(*) FROM trainee"); n != 30 {
		t.Errorf("the other handle sees %d trainees, want 30", n)
	}
	if err := db2.VerifyTallies(ctx); err != nil {
		t.Error(err)
	}
}
