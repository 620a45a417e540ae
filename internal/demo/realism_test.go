package demo_test

import (
	"strings"
	"testing"
	"time"

	"wubdesk/internal/wub"
)

// TestRecordsAreValid checks every generated person and enrolment against
// the domain rules and the program's history.
func TestRecordsAreValid(t *testing.T) {
	const n = 3000
	db, sum := generate(t, n, 42)
	as, err := db.Agencies(ctx)
	if err != nil {
		t.Fatal(err)
	}
	batches, err := db.Batches(ctx, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[int64]wub.Batch{}
	for _, b := range batches {
		byID[b.ID] = b
		if is := b.Check(as); is.HasErrors() {
			t.Errorf("batch %+v: %v", b, is)
		}
		if b.StartDate.Year() != b.Year || b.EndDate.Year() != b.Year || b.KecCode == "" || b.TrainingType == "" {
			t.Errorf("batch %+v", b)
		}
	}
	today := time.Date(2025, 1, 15, 0, 0, 0, 0, time.UTC)
	var outside, withKK, twice, enrolments int
	niks := map[string]bool{}
	names := map[string]bool{}
	kbli := map[string]int{}
	for _, tr := range all(t, db) {
		is := tr.Check(today)
		for _, i := range is {
			if i.Severity == wub.Error || i.Code != "nik_outside_regency" {
				t.Errorf("%s: %s %s", tr.Name, i.Code, i.Message())
			}
		}
		nik, err := wub.ParseNIK(tr.NIK)
		if err != nil {
			continue // reported above
		}
		if niks[tr.NIK] {
			t.Errorf("NIK used twice")
		}
		niks[tr.NIK] = true
		names[tr.Name] = true
		if nik.Day != tr.BirthDate.Day() || nik.Month != int(tr.BirthDate.Month()) || nik.YY != tr.BirthDate.Year()%100 || nik.Sex() != tr.Sex {
			t.Errorf("%s: NIK %s does not match %s %s", tr.Name, tr.NIK[6:12], wub.ISO(tr.BirthDate), tr.Sex)
		}
		if y := tr.BirthDate.Year(); y < 1960 || y > 2005 {
			t.Errorf("%s born %d", tr.Name, y)
		}
		if nik.RegencyPrefix() != wub.RegencyCode {
			outside++
			if !strings.Contains("3529 3527 3526 3578", tr.NIK[:4]) {
				t.Errorf("NIK issued in %s", tr.NIK[:4])
			}
		}
		if tr.KK != "" {
			withKK++
		}
		if tr.DesaCode == "" || tr.KecCode == "" || tr.Phone != "" && !strings.HasPrefix(tr.Phone, "08") {
			t.Errorf("%s: desa %q kec %q phone %q", tr.Name, tr.DesaCode, tr.KecCode, tr.Phone)
		}
		kbli[tr.KBLI]++
		if len(tr.Enrolments) > 1 {
			twice++
		}
		for _, e := range tr.Enrolments {
			enrolments++
			if is := e.Check(as); is.HasErrors() {
				t.Errorf("%s enrolment %+v: %v", tr.Name, e, is)
			}
			if e.AgencyCode == wub.DPMPTSP && e.Year > 2022 {
				t.Errorf("DPMPTSP enrolment in %d", e.Year)
			}
			b, ok := byID[e.BatchID]
			if !ok || b.AgencyCode != e.AgencyCode || b.Year != e.Year {
				t.Errorf("enrolment %+v in batch %+v", e, b)
				continue
			}
			switch e.Status {
			case wub.StatusTrained:
				if !e.CompletedOn.Equal(b.EndDate) {
					t.Errorf("completed %s, batch ended %s", wub.ISO(e.CompletedOn), wub.ISO(b.EndDate))
				}
			case wub.StatusRegistered:
				if e.Year != 2024 {
					t.Errorf("still registered in %d", e.Year)
				}
			}
			if e.EnrolledOn.After(b.StartDate) || e.EnrolledOn.Year() != e.Year {
				t.Errorf("enrolled %s for a batch starting %s", wub.ISO(e.EnrolledOn), wub.ISO(b.StartDate))
			}
		}
	}
	if len(niks) != n || enrolments != sum.Enrolments || len(batches) != sum.Batches {
		t.Errorf("read back %d people, %d enrolments, %d batches; summary %+v", len(niks), enrolments, len(batches), sum)
	}
	between := func(what string, got, lo, hi int) {
		if got < lo || got > hi {
			t.Errorf("%s = %d, want %d–%d", what, got, lo, hi)
		}
	}
	between("NIKs from outside Pamekasan", outside, n*5/100, n*8/100)
	between("people with a KK number", withKK, n/100, n*3/100)
	between("people enrolled twice", twice, n*2/100, n*4/100)
	between("distinct names", len(names), 1000, n)
	if kbli["C"] < kbli["G"] || kbli["G"] < kbli["B"]+kbli["F"]+kbli["K"] || kbli["I"] == 0 || kbli["A"] == 0 {
		t.Errorf("KBLI mix %v", kbli)
	}
}

// TestProgramShape checks volumes by year and agency against the real
// program: 7 agencies until 2022, 6 from 2023, 2020–2022 about 82% of the
// first 10,000.
func TestProgramShape(t *testing.T) {
	const n = 5000
	db, sum := generate(t, n, 3)
	as, _ := db.Agencies(ctx)
	persons := map[int]int{}
	for _, y := range sum.Years {
		bs, err := db.Batches(ctx, "", y.Year)
		if err != nil || len(bs) != y.Batches {
			t.Errorf("%d: %d batches, summary %d (%v)", y.Year, len(bs), y.Batches, err)
		}
		agencies := map[string]bool{}
		for _, b := range bs {
			agencies[b.AgencyCode] = true
		}
		if want := len(as.InYear(y.Year)); len(agencies) != want {
			t.Errorf("%d: batches of %d agencies, want %d", y.Year, len(agencies), want)
		}
		c, err := db.CountTrainees(ctx, wub.TraineeFilter{Year: y.Year})
		if err != nil {
			t.Fatal(err)
		}
		persons[y.Year] = c
		if y.Enrolments != y.Trained+y.Dropped+y.Registered || y.Enrolments < c {
			t.Errorf("%d: %+v, %d people", y.Year, y, c)
		}
		if y.Year < 2024 && (y.Registered != 0 || y.Dropped > y.Enrolments/10 || y.Dropped == 0) {
			t.Errorf("%d: %+v", y.Year, y)
		}
		if y.Year == 2024 && (y.Registered == 0 || y.Trained == 0) {
			t.Errorf("the running year has no mix: %+v", y)
		}
	}
	early := persons[2020] + persons[2021] + persons[2022]
	if share := early * 100 / n; share < 70 || share > 80 {
		t.Errorf("2020–2022 share %d%% (%v)", share, persons)
	}
	if !(persons[2022] < persons[2021] && persons[2023] < persons[2022] && persons[2024] < persons[2023]) {
		t.Errorf("volumes by year %v", persons)
	}
	o, err := db.Office(ctx)
	if err != nil || o.AgencyCode != wub.DISKOPUKM || len(o.HeadNIP) != 18 || o.HeadName == "" {
		t.Errorf("office %+v, %v", o, err)
	}
}
