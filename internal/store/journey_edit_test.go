package store

import (
	"strings"
	"testing"
	"time"

	"wubdesk/internal/wub"
)

func eventOf(ev []wub.StageEvent, entity string, id int64) (wub.StageEvent, bool) {
	for _, e := range ev {
		if e.Entity == entity && e.EntityID == id {
			return e, true
		}
	}
	return wub.StageEvent{}, false
}

// TestJourneyCorrections: each record of a journey can be corrected (the
// timeline says who changed it), deleted softly and restored; a business
// comes back with what was deleted with it, and nothing is restored under
// a deleted parent.
func TestJourneyCorrections(t *testing.T) {
	db := openTest(t)
	tr := trainedSiti(t, db)
	b := mustBusiness(t, db, tr.ID, "2023-05-01")
	l := &wub.Licence{BusinessID: b.ID, Kind: "nib", Number: "1234", IssuedOn: jday("2023-06-01")}
	c := &wub.Channel{BusinessID: b.ID, Kind: "marketplace", Detail: "Shopee", StartedOn: jday("2023-07-01")}
	k := &wub.Capital{BusinessID: b.ID, Source: "kur", Amount: 10_000_000, ReceivedOn: jday("2023-08-01")}
	for _, f := range []func() (wub.Issues, error){
		func() (wub.Issues, error) { return db.AddLicence(ctx, l) },
		func() (wub.Issues, error) { return db.AddChannel(ctx, c) },
		func() (wub.Issues, error) { return db.AddCapital(ctx, k) },
	} {
		if _, err := f(); err != nil {
			t.Fatal(err)
		}
	}
	o := mustOutlet(t, db, "Wamira Mart Pademawu", "35.28.02", "2023-01-01")
	p := mustProduct(t, db, b.ID, "Keripik tette", 15000)
	li := &wub.Listing{ProductID: p.ID, OutletID: o.ID, ListedOn: jday("2023-09-01")}
	if _, err := db.AddListing(ctx, li); err != nil {
		t.Fatal(err)
	}

	db.Actor = "koreksi"
	l2 := &wub.Licence{ID: l.ID, Kind: "nib", Number: "9876", IssuedOn: jday("2023-06-02")}
	c2 := &wub.Channel{ID: c.ID, Kind: "marketplace", Detail: "Tokopedia", StartedOn: jday("2023-07-02")}
	k2 := &wub.Capital{ID: k.ID, Source: "kur", Amount: 12_000_000, ReceivedOn: jday("2023-08-02")}
	li2 := &wub.Listing{ID: li.ID, ListedOn: jday("2023-09-02")}
	b2 := *b
	b2.Name = "Keripik Tette Siti"
	for name, f := range map[string]func() (wub.Issues, error){
		"licence":  func() (wub.Issues, error) { return db.UpdateLicence(ctx, l2) },
		"channel":  func() (wub.Issues, error) { return db.UpdateChannel(ctx, c2) },
		"capital":  func() (wub.Issues, error) { return db.UpdateCapital(ctx, k2) },
		"listing":  func() (wub.Issues, error) { return db.UpdateListing(ctx, li2) },
		"business": func() (wub.Issues, error) { return db.SaveBusiness(ctx, &b2) },
	} {
		if _, err := f(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	// A correction is checked like a new record.
	bad := &wub.Capital{ID: k.ID, Source: "kur", Amount: 12_000_000, ReceivedOn: jday("2022-01-01")}
	if _, err := db.UpdateCapital(ctx, bad); wub.ErrorCode(err) == "" && err == nil {
		t.Error("a capital date before the training was accepted")
	}
	ev, err := db.Timeline(ctx, tr.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []struct {
		entity string
		id     int64
		title  string
	}{{"licence", l.ID, "9876"}, {"marketing_channel", c.ID, "Tokopedia"}, {"capital", k.ID, ""}, {"listing", li.ID, "Pademawu"}, {"business", b.ID, "Keripik Tette Siti"}} {
		e, ok := eventOf(ev, want.entity, want.id)
		if !ok || e.ChangedBy != "koreksi" || e.ChangedAt.IsZero() || want.title != "" && !contains(e.Title, want.title) {
			t.Errorf("%s: %+v", want.entity, e)
		}
	}
	if e, _ := eventOf(ev, "capital", k.ID); !contains(e.Detail, "12.000.000") || !e.Date.Equal(jday("2023-08-02")) {
		t.Errorf("capital %+v", e)
	}

	// Delete the licence alone, then the business with the rest.
	if err := db.DeleteJourneyRecord(ctx, "licence", l.ID); err != nil {
		t.Fatal(err)
	}
	db.Now = func() time.Time { return time.Date(2024, 6, 1, 9, 1, 0, 0, time.UTC) }
	if err := db.DeleteJourneyRecord(ctx, "business", b.ID); err != nil {
		t.Fatal(err)
	}
	gone, err := db.DeletedJourney(ctx, tr.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(gone) != 1 || gone[0].Entity != "business" || gone[0].DeletedBy != "koreksi" {
		t.Fatalf("deleted list %+v", gone)
	}
	if err := db.RestoreJourneyRecord(ctx, "licence", l.ID); wub.ErrorCode(err) != "restore_parent_deleted" {
		t.Errorf("licence restored under a deleted business: %v", err)
	}
	if err := db.RestoreJourneyRecord(ctx, "business", b.ID); err != nil {
		t.Fatal(err)
	}
	ev, _ = db.Timeline(ctx, tr.ID)
	for _, e := range []struct {
		entity string
		id     int64
		live   bool
	}{{"business", b.ID, true}, {"marketing_channel", c.ID, true}, {"capital", k.ID, true}, {"listing", li.ID, true}, {"licence", l.ID, false}} {
		if _, ok := eventOf(ev, e.entity, e.id); ok != e.live {
			t.Errorf("%s live %v after restoring the business, want %v", e.entity, ok, e.live)
		}
	}
	if n := countRows(t, db, "SELECT count(*) FROM product WHERE id = ? AND deleted_at IS NULL", p.ID); n != 1 {
		t.Error("the product did not come back with its business")
	}
	gone, _ = db.DeletedJourney(ctx, tr.ID)
	if len(gone) != 1 || gone[0].Entity != "licence" {
		t.Fatalf("deleted list %+v", gone)
	}
	if err := db.RestoreJourneyRecord(ctx, "licence", l.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.RestoreJourneyRecord(ctx, "licence", l.ID); wub.ErrorCode(err) != "not_found" {
		t.Errorf("restoring a live record: %v", err)
	}

	// A deleted listing does not come back onto a shelf that has the product again.
	if err := db.DeleteJourneyRecord(ctx, "listing", li.ID); err != nil {
		t.Fatal(err)
	}
	again := &wub.Listing{ProductID: p.ID, OutletID: o.ID, ListedOn: jday("2023-10-01")}
	if _, err := db.AddListing(ctx, again); err != nil {
		t.Fatal(err)
	}
	if err := db.RestoreJourneyRecord(ctx, "listing", li.ID); err == nil {
		t.Error("a second live listing of the product on the same shelf")
	}
	db.Now = func() time.Time { return time.Date(2024, 6, 1, 9, 2, 0, 0, time.UTC) }
	if err := db.DeleteJourneyRecord(ctx, "product", p.ID); err != nil {
		t.Fatal(err)
	}
	gone, _ = db.DeletedJourney(ctx, tr.ID)
	if _, ok := eventOf(gone, "product", p.ID); !ok {
		t.Errorf("deleted product not listed: %+v", gone)
	}
	if err := db.RestoreJourneyRecord(ctx, "product", p.ID); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, db, "SELECT count(*) FROM listing WHERE product_id = ? AND deleted_at IS NULL", p.ID); n != 1 {
		t.Errorf("%d live listings after restoring the product, want 1 (the one deleted with it)", n)
	}
	if n := countRows(t, db, "SELECT count(*) FROM audit WHERE action = 'restore'"); n != 3 {
		t.Errorf("%d restore audit rows, want 3", n)
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
