package store

import (
	"testing"

	"wubdesk/internal/wub"
)

func mustOutlet(t *testing.T, db *DB, name, kec, opened string) *wub.Outlet {
	t.Helper()
	o := &wub.Outlet{Name: name, KecCode: kec, OpenedOn: jday(opened)}
	if _, err := db.SaveOutlet(ctx, o); err != nil {
		t.Fatal(err)
	}
	return o
}

func mustProduct(t *testing.T, db *DB, businessID int64, name string, price int64) *wub.Product {
	t.Helper()
	p := &wub.Product{BusinessID: businessID, Name: name, Category: "Makanan", Price: price, PIRT: wub.CertHas}
	if _, err := db.SaveProduct(ctx, p); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestClosedOutletRefusesNewListings(t *testing.T) {
	db := openTest(t)
	tr := trainedSiti(t, db)
	b := mustBusiness(t, db, tr.ID, "2023-05-01")
	p := mustProduct(t, db, b.ID, "Keripik tette 250 g", 15000)
	p2 := mustProduct(t, db, b.ID, "Petis ikan 200 g", 20000)
	o := mustOutlet(t, db, "Wamira Mart Pademawu", "35.28.02", "2021-03-01")

	l := &wub.Listing{ProductID: p.ID, OutletID: o.ID, ListedOn: jday("2023-06-01")}
	if _, err := db.AddListing(ctx, l); err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddListing(ctx, &wub.Listing{ProductID: p.ID, OutletID: o.ID, ListedOn: jday("2023-07-01")}); wub.ErrorCode(err) != "listing_duplicate" {
		t.Errorf("same product twice: %v", err)
	}
	if _, err := db.AddListing(ctx, &wub.Listing{ProductID: p2.ID, OutletID: o.ID, ListedOn: jday("2023-03-01")}); wub.ErrorCode(err) != "stage_before_training" {
		t.Errorf("before training: %v", err)
	}
	// Closing before the last listing began is refused.
	if _, err := db.CloseOutlet(ctx, o.ID, jday("2023-05-01"), "dana habis"); wub.ErrorCode(err) != "date_order" {
		t.Errorf("close before a listing: %v", err)
	}
	n, err := db.CloseOutlet(ctx, o.ID, jday("2023-12-31"), "Dana hibah berakhir")
	if err != nil || n != 1 {
		t.Fatalf("close: %d, %v", n, err)
	}
	rows, _ := db.OutletListings(ctx, o.ID, true)
	if len(rows) != 1 || !rows[0].WithdrawnOn.Equal(jday("2023-12-31")) {
		t.Fatalf("listing after close %+v", rows)
	}
	if _, err := db.AddListing(ctx, &wub.Listing{ProductID: p2.ID, OutletID: o.ID, ListedOn: jday("2023-07-01")}); wub.ErrorCode(err) != "outlet_closed" {
		t.Errorf("closed outlet took a listing: %v", err)
	}
	if n := countRows(t, db, "SELECT count(*) FROM listing"); n != 1 {
		t.Errorf("%d listings stored", n)
	}
	if _, err := db.CloseOutlet(ctx, o.ID, jday("2024-01-31"), ""); wub.ErrorCode(err) != "outlet_already_closed" {
		t.Errorf("closed twice: %v", err)
	}
	if a, _ := db.AuditFor(ctx, "outlet", o.ID); len(a) != 2 || a[1].Action != "update" {
		t.Errorf("outlet audit %+v", a)
	}
}

func TestListingWithdrawAndProductsPerOutlet(t *testing.T) {
	db := openTest(t)
	tr := trainedSiti(t, db)
	b := mustBusiness(t, db, tr.ID, "2023-05-01")
	keripik := mustProduct(t, db, b.ID, "Keripik tette 250 g", 15000)
	petis := mustProduct(t, db, b.ID, "Petis ikan 200 g", 20000)
	kota := mustOutlet(t, db, "Wamira Mart Kota", "35.28.04", "2021-01-04")
	galis := mustOutlet(t, db, "Wamira Mart Galis", "35.28.05", "2022-02-01")
	lk := &wub.Listing{ProductID: keripik.ID, OutletID: kota.ID, ListedOn: jday("2023-06-01")}
	for _, l := range []*wub.Listing{lk,
		{ProductID: petis.ID, OutletID: kota.ID, ListedOn: jday("2023-06-01")},
		{ProductID: petis.ID, OutletID: galis.ID, ListedOn: jday("2023-08-01")}} {
		if _, err := db.AddListing(ctx, l); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.WithdrawListing(ctx, lk.ID, jday("2023-05-01"), ""); wub.ErrorCode(err) != "date_order" {
		t.Errorf("withdraw before listed: %v", err)
	}
	if _, err := db.WithdrawListing(ctx, lk.ID, jday("2024-01-15"), "tidak laku"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.WithdrawListing(ctx, lk.ID, jday("2024-01-16"), ""); wub.ErrorCode(err) != "listing_withdrawn" {
		t.Errorf("withdrawn twice: %v", err)
	}
	shelf, err := db.OutletListings(ctx, kota.ID, false)
	if err != nil || len(shelf) != 1 || shelf[0].Name != "Petis ikan 200 g" || shelf[0].Producer != "Siti Aminah" ||
		shelf[0].Phone != "081234567890" || shelf[0].OutletName != "Wamira Mart Kota" || shelf[0].Listing.ID == 0 {
		t.Fatalf("shelf %+v, %v", shelf, err)
	}
	all, _ := db.OutletListings(ctx, kota.ID, true)
	if len(all) != 2 || all[1].Name != "Keripik tette 250 g" || all[1].WithdrawnReason != "tidak laku" {
		t.Fatalf("with withdrawn %+v", all)
	}
	outlets, err := db.Outlets(ctx)
	if err != nil || len(outlets) != 2 {
		t.Fatal(outlets, err)
	}
	counts := map[string][3]int{}
	for _, o := range outlets {
		counts[o.Name] = [3]int{o.OnShelf, o.Producers, o.EverListed}
	}
	if counts["Wamira Mart Kota"] != [3]int{1, 1, 2} || counts["Wamira Mart Galis"] != [3]int{1, 1, 1} {
		t.Errorf("counts %v", counts)
	}

	search := []struct {
		name string
		f    wub.ProductFilter
		want int
	}{
		{"by name", wub.ProductFilter{Text: "petis"}, 1},
		{"by producer", wub.ProductFilter{Text: "siti"}, 2},
		{"two words", wub.ProductFilter{Text: "tette 250"}, 1}, {"by business name", wub.ProductFilter{Text: "bu siti"}, 2},
		{"by outlet", wub.ProductFilter{OutletID: kota.ID}, 1},
		{"by outlet, withdrawn not counted", wub.ProductFilter{OutletID: kota.ID, Text: "250"}, 0},
		{"by producer kecamatan", wub.ProductFilter{KecCode: "35.28.04"}, 2},
		{"other kecamatan", wub.ProductFilter{KecCode: "35.28.01"}, 0},
		{"listed only", wub.ProductFilter{Listed: true}, 1},
		{"like wildcards are literal", wub.ProductFilter{Text: "%"}, 0},
	}
	for _, s := range search {
		rows, err := db.SearchProducts(ctx, s.f)
		if err != nil || len(rows) != s.want {
			t.Errorf("%s: %d rows, %v", s.name, len(rows), err)
		}
	}
	rows, _ := db.SearchProducts(ctx, wub.ProductFilter{Text: "petis"})
	if len(rows[0].Outlets) != 2 || rows[0].Outlets[0] != "Wamira Mart Galis" {
		t.Errorf("outlets of petis %v", rows[0].Outlets)
	}
	// Deleting a product takes it off every shelf.
	if err := db.DeleteProduct(ctx, petis.ID); err != nil {
		t.Fatal(err)
	}
	if shelf, _ := db.OutletListings(ctx, galis.ID, true); len(shelf) != 0 {
		t.Errorf("deleted product still listed: %+v", shelf)
	}
}

func TestOutletRules(t *testing.T) {
	db := openTest(t)
	mustOutlet(t, db, "Wamira Mart Kota", "35.28.04", "2021-01-04")
	if _, err := db.SaveOutlet(ctx, &wub.Outlet{Name: "wamira mart kota", KecCode: "35.28.04", OpenedOn: jday("2021-01-04")}); wub.ErrorCode(err) != "outlet_duplicate" {
		t.Errorf("duplicate name: %v", err)
	}
	if _, err := db.SaveOutlet(ctx, &wub.Outlet{Name: "Wamira Mart Larangan", OpenedOn: jday("2021-01-04")}); wub.ErrorCode(err) != "outlet_kecamatan_missing" {
		t.Errorf("no kecamatan: %v", err)
	}
}

func TestOutcomesCountPeopleOnce(t *testing.T) {
	db := openTest(t)
	a := trainedSiti(t, db) // Disperindag 2023, done 10 Apr
	// Ahmad: trained by two agencies in 2023; counted once, under the earlier completion (DKP).
	ahmad := &wub.Trainee{NIK: "3528041203900002", Name: "Ahmad Fauzi", Sex: "L", DesaCode: "35.28.01.2001",
		Enrolments: []wub.Enrolment{
			{AgencyCode: wub.DISPERINDAG, Year: 2023, Status: wub.StatusTrained, CompletedOn: jday("2023-09-01")},
			{AgencyCode: wub.DKP, Year: 2023, Status: wub.StatusTrained, CompletedOn: jday("2023-05-01")}}}
	// Nur: registered only.
	nur := &wub.Trainee{NIK: "3528044506880003", Name: "Nur Aini", Sex: "P", DesaCode: "35.28.04.1001",
		Enrolments: []wub.Enrolment{{AgencyCode: wub.DKP, Year: 2023, Status: wub.StatusRegistered}}}
	for _, tr := range []*wub.Trainee{ahmad, nur} {
		if _, err := db.CreateTrainee(ctx, tr); err != nil {
			t.Fatal(err)
		}
	}
	ba := mustBusiness(t, db, a.ID, "2023-05-10")
	mustBusiness(t, db, a.ID, "2023-08-01") // a second business: still one person
	bh := &wub.Business{TraineeID: ahmad.ID, Name: "Ikan Asin Pak Ahmad", StartedOn: jday("2023-06-30")}
	if _, err := db.SaveBusiness(ctx, bh); err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddCapital(ctx, &wub.Capital{BusinessID: ba.ID, Source: wub.CapitalCSR, Amount: 3_000_000, ReceivedOn: jday("2023-10-01")}); err != nil {
		t.Fatal(err)
	}
	o, err := db.Outcomes(ctx, 2023)
	if err != nil {
		t.Fatal(err)
	}
	tot := o.Total
	if tot.Count(wub.StageRegistered) != 3 || tot.Count(wub.StageTrained) != 2 || tot.Count(wub.StageBusiness) != 2 ||
		tot.Count(wub.StageCapital) != 1 || tot.Count(wub.StageLicensed) != 0 {
		t.Fatalf("total %v", tot.Counts)
	}
	// Siti 30 days, Ahmad 60 days: median 45.
	if tot.MedianDays != 45 || tot.MedianN != 2 {
		t.Errorf("median %v over %d", tot.MedianDays, tot.MedianN)
	}
	byAgency := map[string]int{}
	for _, r := range o.ByAgency {
		byAgency[r.AgencyCode] = r.Count(wub.StageTrained)
	}
	if byAgency[wub.DKP] != 1 || byAgency[wub.DISPERINDAG] != 1 {
		t.Errorf("trained per agency %v", byAgency)
	}
	people, err := db.OutcomePeople(ctx, 2023, wub.StageBusiness, wub.DKP, "")
	if err != nil || len(people) != 1 || people[0].Name != "Ahmad Fauzi" {
		t.Errorf("people behind DKP business: %+v %v", people, err)
	}
	people, _ = db.OutcomePeople(ctx, 2023, wub.StageBusiness, "", "35.28.04")
	if len(people) != 1 || people[0].TraineeID != a.ID {
		t.Errorf("people behind kec 04 business: %+v", people)
	}
	// The figures agree with each person's timeline.
	for _, p := range []*wub.Trainee{a, ahmad, nur} {
		ev, _ := db.Timeline(ctx, p.ID)
		hasBiz := false
		for _, r := range wub.Reached(ev) {
			hasBiz = hasBiz || r.Stage == wub.StageBusiness
		}
		inFigure := false
		for _, q := range mustPeople(t, db, 2023, wub.StageBusiness) {
			inFigure = inFigure || q.TraineeID == p.ID
		}
		if hasBiz != inFigure {
			t.Errorf("%s: timeline says %v, figure says %v", p.Name, hasBiz, inFigure)
		}
	}
	if o, _ := db.Outcomes(ctx, 2022); o.Total.Count(wub.StageRegistered) != 0 {
		t.Errorf("2022 %v", o.Total.Counts)
	}
}

func mustPeople(t *testing.T, db *DB, year int, stage string) []wub.PersonJourney {
	t.Helper()
	p, err := db.OutcomePeople(ctx, year, stage, "", "")
	if err != nil {
		t.Fatal(err)
	}
	return p
}
