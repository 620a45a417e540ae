package demo_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"wubdesk/internal/demo"
	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

var fctx = context.Background()

// seedTrainees builds what the demo generator leaves behind, through the
// store: for each agency and year, two batches of eight people, six lulus,
// one dropped, one still registered.
func seedTrainees(t testing.TB) *store.DB {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.Now = func() time.Time { return time.Date(2024, 3, 15, 9, 0, 0, 0, time.UTC) }
	n := 0
	plan := map[string][]int{
		wub.DPMPTSP: {2021, 2022}, wub.DISKOPUKM: {2021, 2022, 2023}, wub.DKP: {2022, 2023, 2024},
	}
	for _, agency := range []string{wub.DPMPTSP, wub.DISKOPUKM, wub.DKP} {
		for _, y := range plan[agency] {
			for k := 1; k <= 2; k++ {
				b := &wub.Batch{AgencyCode: agency, Year: y, Name: fmt.Sprintf("Angkatan %d", k),
					StartDate: time.Date(y, time.Month(2*k), 1, 0, 0, 0, 0, time.UTC), EndDate: time.Date(y, time.Month(2*k), 5, 0, 0, 0, 0, time.UTC)}
				if err := db.CreateBatch(fctx, b); err != nil {
					t.Fatal(err)
				}
				var ids []int64
				for i := 0; i < 8; i++ {
					n++
					tr := &wub.Trainee{NIK: fmt.Sprintf("352806%02d%02d99%04d", 1+n%28, 1+n%12, n), Name: fmt.Sprintf("Peserta %d", n), Sex: "L"}
					if _, err := db.CreateTrainee(fctx, tr); err != nil {
						t.Fatal(err)
					}
					ids = append(ids, tr.ID)
				}
				if _, err := db.EnrolInBatch(fctx, b.ID, ids, b.StartDate); err != nil {
					t.Fatal(err)
				}
				if err := db.SetBatchCompletion(fctx, b.ID, ids[:6], wub.StatusTrained, b.EndDate); err != nil {
					t.Fatal(err)
				}
				if err := db.SetBatchCompletion(fctx, b.ID, ids[6:7], wub.StatusDropped, time.Time{}); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	return db
}

type demoFacts struct {
	facilitators, contracts, visits, reports int
}

func facts(t *testing.T, db *store.DB) (demoFacts, []wub.Contract) {
	t.Helper()
	fs, err := db.SearchFacilitators(fctx, wub.FacilitatorFilter{})
	if err != nil {
		t.Fatal(err)
	}
	cs, err := db.Contracts(fctx, store.ContractFilter{})
	if err != nil {
		t.Fatal(err)
	}
	ms, err := db.Mentorings(fctx, store.MentoringFilter{})
	if err != nil {
		t.Fatal(err)
	}
	rs, err := db.ActivityReports(fctx, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	return demoFacts{len(fs), len(cs), len(ms), len(rs)}, cs
}

func TestFillFacilitators(t *testing.T) {
	db := seedTrainees(t)
	if err := demo.FillFacilitators(fctx, db, 7); err != nil {
		t.Fatal(err)
	}
	before, cs := facts(t, db)

	perAY := map[string]int{}
	for _, c := range cs {
		perAY[fmt.Sprintf("%s %d", c.AgencyCode, c.Year)]++
		if c.SPKNumber == "" || c.Honorarium <= 0 || c.TargetTrainees <= 0 || c.Year != c.StartDate.Year() {
			t.Errorf("contract %+v", c)
		}
	}
	for _, ay := range []string{"DPMPTSP 2021", "DPMPTSP 2022", "DISKOPUKM 2021", "DISKOPUKM 2022", "DISKOPUKM 2023",
		"DKP 2022", "DKP 2023", "DKP 2024"} {
		if n := perAY[ay]; n < 2 || n > 4 {
			t.Errorf("%s: %d contracts, want 2–4", ay, n)
		}
	}
	if perAY["DPMPTSP 2023"] != 0 {
		t.Error("DPMPTSP has 2023 contracts")
	}

	// One of DPMPTSP's 2022 facilitators moved to Diskop UKM in 2023.
	moved := 0
	for _, c := range cs {
		if c.AgencyCode == wub.DPMPTSP && c.Year == 2022 {
			if n, _ := db.Contracts(fctx, store.ContractFilter{FacilitatorID: c.FacilitatorID, AgencyCode: wub.DISKOPUKM, Year: 2023}); len(n) == 1 {
				moved++
			}
		}
	}
	if moved != 1 {
		t.Errorf("%d DPMPTSP facilitators moved to Diskop UKM, want 1", moved)
	}

	// The new head of Diskop UKM did not renew everyone for 2023; the
	// decisions are on record and match the contracts.
	round, err := db.ContractRound(fctx, wub.DISKOPUKM, 2023)
	if err != nil {
		t.Fatal(err)
	}
	renew, notRenew, undecided := round.Counts()
	if notRenew == 0 || renew == 0 || undecided != 0 {
		t.Errorf("Diskop 2023 round: renew %d, not %d, undecided %d", renew, notRenew, undecided)
	}
	for _, r := range round.Rows {
		if (r.CurrentDecision() == wub.DecisionRenew) != (r.NewContract != 0) {
			t.Errorf("%s: decision %s, new contract %d", r.Name, r.CurrentDecision(), r.NewContract)
		}
		if r.CurrentDecision() == wub.DecisionNotRenew {
			f, _ := db.Facilitator(fctx, r.FacilitatorID)
			if f.Status != wub.FacReplaced || f.StatusReason == "" {
				t.Errorf("%s not renewed but status %s", f.Name, f.Status)
			}
		}
		if r.BatchesRun == 0 && r.Visits == 0 && r.Reports.Expected == 0 {
			t.Errorf("%s has an empty record", r.Name)
		}
	}

	// Every batch has a facilitator; visits go to the batches' trainees
	// and never into the future; some reports are late and some missing.
	sums, _ := db.BatchSummaries(fctx, "", 0, "")
	for _, b := range sums {
		if len(b.Facilitators) == 0 {
			t.Errorf("%s %d %s has no facilitator", b.AgencyCode, b.Year, b.Name)
		}
	}
	ms, _ := db.Mentorings(fctx, store.MentoringFilter{})
	if len(ms) == 0 {
		t.Fatal("no mentoring visits")
	}
	for _, m := range ms {
		if m.Date.After(db.Today()) {
			t.Errorf("visit in the future: %+v", m)
		}
	}
	rs, _ := db.ActivityReports(fctx, 0, 0)
	late := 0
	for _, r := range rs {
		if !r.OnTime() {
			late++
		}
	}
	expected := 0
	for _, c := range cs {
		for _, m := range c.Months() {
			if !wub.ReportDue(m).After(db.Today()) {
				expected++
			}
		}
	}
	if late == 0 || late > len(rs)/2 || len(rs) >= expected {
		t.Errorf("reports: %d of %d due, %d late", len(rs), expected, late)
	}

	// A second call adds nothing; the same seed gives the same records.
	if err := demo.FillFacilitators(fctx, db, 7); err != nil {
		t.Fatal(err)
	}
	if again, _ := facts(t, db); again != before {
		t.Errorf("second call changed %+v to %+v", before, again)
	}
	other := seedTrainees(t)
	if err := demo.FillFacilitators(fctx, other, 7); err != nil {
		t.Fatal(err)
	}
	same, cs2 := facts(t, other)
	if same != before || cs2[0].SPKNumber != cs[0].SPKNumber || cs2[len(cs2)-1].FacilitatorName != cs[len(cs)-1].FacilitatorName {
		t.Errorf("same seed: %+v vs %+v", same, before)
	}
}
