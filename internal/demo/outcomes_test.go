package demo

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

// OutcomeDB opens a fresh database on 30 June 2024 holding OutcomeRegister.
func outcomeDB(t *testing.T) *store.DB {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "hasil.db"))
	if err != nil {
		t.Fatal(err)
	}
	db.Now = func() time.Time { return time.Date(2024, 6, 30, 9, 0, 0, 0, time.UTC) }
	db.Actor = "tester"
	t.Cleanup(func() { db.Close() })
	if err := OutcomeRegister(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	return db
}

func sameCounts(t *testing.T, what string, r wub.OutcomeRow, want map[string]int) {
	t.Helper()
	for _, s := range wub.OutcomeStages {
		if r.Count(s) != want[s] {
			t.Errorf("%s %s: %d, hand count %d", what, s, r.Count(s), want[s])
		}
	}
}

// TestOutcomeRegisterHandCount: the figures of a register that reaches
// every stage equal a count made by hand, Budi (trained by DKP and
// Disperindag in 2024) counts once, and the list behind every figure has
// exactly as many people as the figure.
func TestOutcomeRegisterHandCount(t *testing.T) {
	ctx := context.Background()
	db := outcomeDB(t)
	o, err := db.Outcomes(ctx, 2024)
	if err != nil {
		t.Fatal(err)
	}
	h := OutcomeHand
	sameCounts(t, "regency", o.Total, h.Regency)
	if o.Total.MedianDays != h.MedianRegency || o.Total.MedianN != 4 {
		t.Errorf("median %v over %d, hand %v over 4", o.Total.MedianDays, o.Total.MedianN, h.MedianRegency)
	}
	rows := map[string]wub.OutcomeRow{}
	for _, r := range o.ByAgency {
		rows[r.AgencyCode] = r
	}
	if len(rows) != 2 {
		t.Fatalf("agencies %v", rows)
	}
	sameCounts(t, "DISPERINDAG", rows[wub.DISPERINDAG], h.Disperindag)
	sameCounts(t, "DKP", rows[wub.DKP], h.DKP)
	if rows[wub.DISPERINDAG].MedianDays != h.MedianDisperindag || rows[wub.DKP].MedianDays != h.MedianDKP {
		t.Errorf("agency medians %v %v", rows[wub.DISPERINDAG].MedianDays, rows[wub.DKP].MedianDays)
	}
	kec := map[string]wub.OutcomeRow{}
	for _, r := range o.ByKecamatan {
		kec[r.KecCode] = r
	}
	sameCounts(t, "kec 04", kec["35.28.04"], h.Kec04)
	sameCounts(t, "kec 01", kec["35.28.01"], h.Kec01)

	// Every figure of every group against the list behind it.
	groups := []wub.OutcomeRow{o.Total}
	groups = append(append(append(groups, o.ByAgency...), o.ByKecamatan...), o.Cells...)
	for _, g := range groups {
		for _, s := range wub.OutcomeStages {
			kecArg := g.KecCode
			people, err := db.OutcomePeople(ctx, 2024, s, g.AgencyCode, kecArg)
			if err != nil {
				t.Fatal(err)
			}
			if len(people) != g.Count(s) {
				t.Errorf("%s/%s %s: list %d, figure %d", g.AgencyCode, g.KecCode, s, len(people), g.Count(s))
			}
			seen := map[int64]bool{}
			for _, p := range people {
				if seen[p.TraineeID] {
					t.Errorf("%s: %s twice", s, p.Name)
				}
				seen[p.TraineeID] = true
			}
		}
	}
	// Budi is one person, under DKP.
	for _, p := range mustOutcomePeople(t, db, wub.StageTrained) {
		if p.Name == "Budi Santoso" && (p.AgencyCode != wub.DKP || !p.Facts.TrainedOn.Equal(time.Date(2024, 1, 20, 0, 0, 0, 0, time.UTC))) {
			t.Errorf("Budi counted under %s from %v", p.AgencyCode, p.Facts.TrainedOn)
		}
	}

	// The facts of the submission as of 31 May leave out June.
	facts, err := db.JourneyFacts(ctx, 2024, time.Date(2024, 5, 31, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range mustOutcomePeople(t, db, wub.StageRegistered) {
		f := facts[p.TraineeID]
		if p.Name == "Gita Permatasari" && (f.Reached(wub.StageBusiness) || f.Reached(wub.StageCapital)) {
			t.Errorf("Gita on 31 May %+v", f)
		}
		if p.Name == "Ani Rahmawati" && !(f.Reached(wub.FigureNIB) && f.Reached(wub.FigureWamira) && f.Reached(wub.StageCapital)) {
			t.Errorf("Ani on 31 May %+v", f)
		}
	}
}

func mustOutcomePeople(t *testing.T, db *store.DB, stage string) []wub.PersonJourney {
	t.Helper()
	p, err := db.OutcomePeople(context.Background(), 2024, stage, "", "")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestWamiraReachHandCount: 4 products from 3 producers in 2 outlets; the
// withdrawn listing is not on a shelf; each outlet's producers come from
// the agencies that trained them first.
func TestWamiraReachHandCount(t *testing.T) {
	ctx := context.Background()
	db := outcomeDB(t)
	r, err := db.WamiraReach(ctx)
	if err != nil {
		t.Fatal(err)
	}
	h := OutcomeHand
	if r.Products != h.WamiraProducts || r.Producers != h.WamiraProducers || r.Outlets != h.WamiraOutlets {
		t.Fatalf("reach %d products %d producers %d outlets", r.Products, r.Producers, r.Outlets)
	}
	outlets, err := db.Outlets(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range outlets {
		got := r.ByOutlet[o.ID]
		if got.Products != o.OnShelf || got.Producers != o.Producers {
			t.Errorf("%s: reach %d/%d, outlet table %d/%d", o.Name, got.Products, got.Producers, o.OnShelf, o.Producers)
		}
		shares := map[string]int{}
		for _, a := range got.Agencies {
			shares[a.AgencyCode] = a.Producers
		}
		switch o.Name {
		case "Wamira Mart Pademawu":
			if got.Products != 2 || len(shares) != 1 || shares[wub.DISPERINDAG] != 1 {
				t.Errorf("Pademawu %+v", got)
			}
		case "Wamira Mart Larangan":
			if got.Products != 3 || shares[wub.DISPERINDAG] != 2 || shares[wub.DKP] != 1 {
				t.Errorf("Larangan %+v", got)
			}
		}
	}
}
