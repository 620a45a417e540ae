package demo

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

// journeyDB is a database with n people trained between 2021 and 2023
// (and a few only registered), as the demo generator leaves it.
func journeyDB(t testing.TB, n int) *store.DB {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	db.Now = func() time.Time { return time.Date(2024, 6, 1, 9, 0, 0, 0, time.UTC) }
	t.Cleanup(func() { db.Close() })
	kec := wub.Ref().Kecamatan
	err = db.Bulk(context.Background(), func(b *store.Bulk) error {
		b.Audit = false
		for i := 0; i < n; i++ {
			k := kec[i%len(kec)]
			desa := wub.Ref().DesaIn(k.Code)[0]
			year := 2021 + i%3
			done := time.Date(year, time.Month(3+i%8), 1+i%27, 0, 0, 0, 0, time.UTC)
			status := wub.StatusTrained
			if i%10 == 9 {
				status, done = wub.StatusRegistered, time.Time{}
			}
			tr := &wub.Trainee{NIK: fmt.Sprintf("3528%s4501%02d%04d", k.Code[6:8], 80+i%20, i%9999+1),
				Name: fmt.Sprintf("Peserta %d", i+1), Sex: "P", DesaCode: desa.Code, KecCode: k.Code,
				Phone: fmt.Sprintf("0812%08d", i), KBLI: []string{"C", "A", "", "G"}[i%4],
				Enrolments: []wub.Enrolment{{AgencyCode: wub.DISKOPUKM, Year: year, Status: status, CompletedOn: done}}}
			if err := b.Insert(tr); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return db
}

type journeyCounts struct {
	businesses, licences, kinds, outlets, closed, products, listings, withdrawn, capital int
}

func countJourney(t *testing.T, db *store.DB) journeyCounts {
	t.Helper()
	ctx := context.Background()
	var c journeyCounts
	kinds := map[string]bool{}
	trainees, _ := db.SearchTrainees(ctx, wub.TraineeFilter{}, 0, 10000)
	for _, tr := range trainees {
		ev, err := db.Timeline(ctx, tr.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range ev {
			switch e.Entity {
			case "business":
				c.businesses++
			case "licence":
				c.licences++
				kinds[e.Title[:3]] = true
			case "capital":
				c.capital++
			}
		}
		ps, _ := db.ProductsOfTrainee(ctx, tr.ID)
		c.products += len(ps)
	}
	c.kinds = len(kinds)
	outlets, err := db.Outlets(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range outlets {
		c.outlets++
		if o.Status() == wub.OutletClosed {
			c.closed++
			if o.OnShelf != 0 {
				t.Errorf("closed outlet %s still has %d products on the shelf", o.Name, o.OnShelf)
			}
		}
		rows, _ := db.OutletListings(ctx, o.ID, true)
		for _, r := range rows {
			c.listings++
			if !r.WithdrawnOn.IsZero() {
				c.withdrawn++
			}
		}
	}
	return c
}

func TestFillJourney(t *testing.T) {
	ctx := context.Background()
	db := journeyDB(t, 150)
	if err := FillJourney(ctx, db, 7); err != nil {
		t.Fatal(err)
	}
	c := countJourney(t, db)
	t.Logf("%+v", c)
	trained := 135
	if c.businesses < trained*35/100 || c.businesses > trained*75/100 {
		t.Errorf("%d businesses for %d trained", c.businesses, trained)
	}
	if c.outlets != 8 || c.closed != 3 {
		t.Errorf("outlets %d, closed %d", c.outlets, c.closed)
	}
	if c.licences == 0 || c.kinds < 3 || c.products == 0 || c.listings == 0 || c.withdrawn == 0 || c.capital == 0 {
		t.Errorf("counts %+v", c)
	}
	o, err := db.Outcomes(ctx, 2022)
	if err != nil {
		t.Fatal(err)
	}
	tot := o.Total
	if tot.Count(wub.StageTrained) == 0 || tot.Count(wub.StageBusiness) == 0 || tot.Count(wub.StageMarketed) == 0 ||
		tot.MedianN == 0 || tot.MedianDays <= 0 {
		t.Errorf("2022 outcomes %+v median %v/%d", tot.Counts, tot.MedianDays, tot.MedianN)
	}
	if err := FillJourney(ctx, db, 7); err == nil {
		t.Error("a second fill was accepted")
	}
	// The same trainees and seed give the same data.
	db2 := journeyDB(t, 150)
	if err := FillJourney(ctx, db2, 7); err != nil {
		t.Fatal(err)
	}
	if c2 := countJourney(t, db2); c2 != c {
		t.Errorf("not deterministic: %+v vs %+v", c, c2)
	}
}
