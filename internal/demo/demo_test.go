package demo_test

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"wubdesk/internal/demo"
	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

var ctx = context.Background()

func openDB(t testing.TB) *store.DB {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	// A fixed clock: the demo's facilitators, contracts and journeys run up
	// to "today", so the wall clock would make these tests change every year.
	db.Now = func() time.Time { return time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC) }
	t.Cleanup(func() { db.Close() })
	return db
}

func generate(t testing.TB, n int, seed int64) (*store.DB, demo.Summary) {
	t.Helper()
	db := openDB(t)
	sum, err := demo.Generate(ctx, db, demo.Options{Trainees: n, Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	return db, sum
}

// all reads every trainee back through the store, in NIK order.
func all(t testing.TB, db *store.DB) []*wub.Trainee {
	t.Helper()
	var out []*wub.Trainee
	for off := 0; ; off += 500 {
		rows, err := db.SearchTrainees(ctx, wub.TraineeFilter{Sort: wub.SortNIK}, off, 500)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			tr, err := db.Trainee(ctx, r.ID)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, tr)
		}
		if len(rows) < 500 {
			return out
		}
	}
}

// dump is the database content without timestamps.
func dump(t testing.TB, db *store.DB) string {
	var b strings.Builder
	for _, tr := range all(t, db) {
		tr.CreatedAt, tr.UpdatedAt = time.Time{}, time.Time{}
		fmt.Fprintf(&b, "%+v\n", *tr)
	}
	bs, err := db.Batches(ctx, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(&b, "%+v\n", bs)
	return b.String()
}

func TestDeterministic(t *testing.T) {
	a, sa := generate(t, 300, 7)
	b, sb := generate(t, 300, 7)
	c, _ := generate(t, 300, 8)
	da, db, dc := dump(t, a), dump(t, b), dump(t, c)
	if da != db {
		t.Error("the same seed gave different databases")
	}
	if !reflect.DeepEqual(sa, sb) {
		t.Errorf("the same seed gave different summaries:\n%+v\n%+v", sa, sb)
	}
	if da == dc {
		t.Error("seeds 7 and 8 gave the same database")
	}
}

func TestSizeIsRespected(t *testing.T) {
	for _, n := range []int{1, 2, 7, 123, 1000} {
		db, sum := generate(t, n, 1)
		got, err := db.CountTrainees(ctx, wub.TraineeFilter{})
		if err != nil || got != n || sum.Trainees != n {
			t.Errorf("N=%d: %d in the database, summary %d (%v)", n, got, sum.Trainees, err)
		}
		if sum.Enrolments < n || sum.Batches < 1 {
			t.Errorf("N=%d: summary %+v", n, sum)
		}
	}
}

func TestRefusesNonEmptyDatabase(t *testing.T) {
	db, _ := generate(t, 20, 1)
	_, err := demo.Generate(ctx, db, demo.Options{Trainees: 20, Seed: 2})
	if wub.ErrorCode(err) != "demo_not_empty" {
		t.Fatalf("second run: %v", err)
	}
	if n, _ := db.CountTrainees(ctx, wub.TraineeFilter{}); n != 20 {
		t.Errorf("second run changed the database: %d trainees", n)
	}
	// A database whose only trainee was deleted is not empty either.
	db2 := openDB(t)
	tr := &wub.Trainee{NIK: "3528045203950001", Name: "Siti Aminah", Sex: "P"}
	if _, err := db2.CreateTrainee(ctx, tr); err != nil {
		t.Fatal(err)
	}
	if err := db2.DeleteTrainee(ctx, tr.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Generate(ctx, db2, demo.Options{Trainees: 5}); wub.ErrorCode(err) != "demo_not_empty" {
		t.Errorf("database with a deleted trainee: %v", err)
	}
}
