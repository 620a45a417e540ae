package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"wubdesk/internal/wub"
)

// TestJourneyCorrectionsOnUsahaTab: a licence typed wrong is corrected
// through Ubah (the timeline then says who changed it), a capital entry is
// deleted through Hapus and restored through Pulihkan, a business is
// deleted with everything under it and comes back with it, and a product
// is corrected from the product list.
func TestJourneyCorrectionsOnUsahaTab(t *testing.T) {
	u, db := newTestUI(t, true)
	tr := seedTrained(t, db, "3528045203950001", "Siti Aminah")
	b := &wub.Business{TraineeID: tr.ID, Name: "Keripik Tette Bu Siti", StartedOn: jday("2023-05-02")}
	if _, err := db.SaveBusiness(bg, b); err != nil {
		t.Fatal(err)
	}
	l := &wub.Licence{BusinessID: b.ID, Kind: wub.LicenceNIB, Number: "0220001234567", IssuedOn: jday("2023-06-01")}
	k := &wub.Capital{BusinessID: b.ID, Source: "kur", Amount: 10_000_000, ReceivedOn: jday("2023-08-01")}
	p := &wub.Product{BusinessID: b.ID, Name: "Keripik tette", Category: "Makanan", Price: 15000, PIRT: wub.CertHas}
	if _, err := db.AddLicence(bg, l); err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddCapital(bg, k); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SaveProduct(bg, p); err != nil {
		t.Fatal(err)
	}
	v := openUsaha(t, u, tr.ID)
	btn := func(action, entity string, id int64) {
		t.Helper()
		b, ok := v.corr.buttons[corrKey(action, entity, id)]
		if !ok {
			t.Fatalf("no %s button for %s %d", action, entity, id)
		}
		test.Tap(b)
		u.jobs.wait()
	}

	// Ubah on the licence opens its form filled in; a wrong date is refused.
	btn("edit", "licence", l.ID)
	if v.dialog == nil || v.dialog.fields["number"] == nil {
		t.Fatal("no licence form")
	}
	number := v.dialog.fields["number"].input.(interface{ SetText(string) })
	issued := v.dialog.fields["issued_on"].input.(interface{ SetText(string) })
	issued.SetText("01/01/2023")
	test.Tap(v.dialog.saveBtn)
	u.jobs.wait()
	if v.dialog.closed || !strings.Contains(v.dialog.message("issued_on"), "sebelum peserta lulus") {
		t.Fatalf("a date before the training was accepted: %q", v.dialog.message("issued_on"))
	}
	issued.SetText("02/06/2023")
	number.SetText("0220009999999")
	test.Tap(v.dialog.saveBtn)
	u.jobs.wait()
	if !v.dialog.closed {
		t.Fatalf("not saved: %q", v.dialog.general.Text)
	}
	got, _ := db.Licence(bg, l.ID)
	if got.Number != "0220009999999" || !got.IssuedOn.Equal(jday("2023-06-02")) {
		t.Errorf("stored %+v", got)
	}
	if e, ok := eventOf(v.events, "licence", l.ID); !ok || e.ChangedBy == "" || !strings.Contains(e.Title, "0220009999999") {
		t.Errorf("timeline %+v", e)
	}
	if !strings.Contains(fyneText(v.timeline), "diubah 01/06/2024 oleh") {
		t.Errorf("the timeline does not show the correction:\n%s", fyneText(v.timeline))
	}

	// Hapus on the capital entry, then Pulihkan.
	btn("delete", "capital", k.ID)
	tapButton(t, u, "Hapus")
	u.jobs.wait()
	if _, ok := eventOf(v.events, "capital", k.ID); ok {
		t.Fatal("the capital entry is still on the timeline")
	}
	if len(v.corr.deleted) != 1 || !v.corr.deletedHead.Visible() || !strings.Contains(fyneText(v.corr.deletedBox), "Permodalan") {
		t.Fatalf("deleted list %+v", v.corr.deleted)
	}
	btn("restore", "capital", k.ID)
	if _, ok := eventOf(v.events, "capital", k.ID); !ok || len(v.corr.deleted) != 0 {
		t.Fatal("the capital entry did not come back")
	}

	// The business goes with everything under it, and comes back with it.
	btn("delete", "business", b.ID)
	tapButton(t, u, "Hapus")
	u.jobs.wait()
	if len(v.businesses) != 0 || len(v.products) != 0 || len(v.corr.deleted) != 1 || v.corr.deleted[0].Entity != "business" {
		t.Fatalf("after deleting the business: %d businesses, %d products, deleted %+v", len(v.businesses), len(v.products), v.corr.deleted)
	}
	btn("restore", "business", b.ID)
	if len(v.businesses) != 1 || len(v.products) != 1 {
		t.Fatal("the business came back without its products")
	}
	for _, e := range []string{"licence", "capital"} {
		if !timelineHas(v, map[string]string{"licence": wub.StageLicensed, "capital": wub.StageCapital}[e], "") {
			t.Errorf("%s did not come back with the business", e)
		}
	}

	// A product is corrected from the product list.
	btn("edit", "product", p.ID)
	price := v.dialog.fields["price"].input.(interface{ SetText(string) })
	price.SetText("17.500")
	test.Tap(v.dialog.saveBtn)
	u.jobs.wait()
	ps, _ := db.ProductsOfTrainee(bg, tr.ID)
	if len(ps) != 1 || ps[0].Price != 17500 {
		t.Errorf("product %+v (%q)", ps, v.dialog.general.Text)
	}
	if n, _ := db.CountAudit(bg, wub.AuditFilter{Entity: "capital", EntityID: k.ID}); n != 3 { // insert, delete, restore
		t.Errorf("capital audit rows %d, want 3", n)
	}
}

func eventOf(ev []wub.StageEvent, entity string, id int64) (wub.StageEvent, bool) {
	for _, e := range ev {
		if e.Entity == entity && e.EntityID == id {
			return e, true
		}
	}
	return wub.StageEvent{}, false
}

// TestWamiraListingCorrections: on the Wamira Mart screen the selected
// listing's date is corrected through Ubah and the listing is deleted
// through Hapus; the producer's Usaha tab then offers to restore it.
func TestWamiraListingCorrections(t *testing.T) {
	u, db := newTestUI(t, true)
	product, open, _ := wamiraFixture(t, db)
	li := &wub.Listing{ProductID: product.ID, OutletID: open.ID, ListedOn: jday("2023-06-01")}
	if _, err := db.AddListing(bg, li); err != nil {
		t.Fatal(err)
	}
	s := wamira(t, u)
	selectOutlet(t, u, s, open.Name)
	if !s.corr.editBtn.Disabled() {
		t.Error("Ubah enabled with no listing selected")
	}
	s.listingTable.selectRow(0)
	s.updateButtons()
	if s.corr.editBtn.Disabled() || s.corr.deleteBtn.Disabled() {
		t.Fatal("Ubah/Hapus disabled for the selected listing")
	}
	test.Tap(s.corr.editBtn)
	s.corr.dialog.fields["listed_on"].input.(interface{ SetText(string) }).SetText("02/06/2023")
	test.Tap(s.corr.dialog.saveBtn)
	u.jobs.wait()
	if got, _ := db.Listing(bg, li.ID); !got.ListedOn.Equal(jday("2023-06-02")) {
		t.Fatalf("listing %+v (%q)", got, s.corr.dialog.general.Text)
	}
	if s.listingText(0, 4) != "02/06/2023" {
		t.Errorf("the table shows %q", s.listingText(0, 4))
	}
	s.listingTable.selectRow(0)
	s.updateButtons()
	test.Tap(s.corr.deleteBtn)
	tapButton(t, u, "Hapus")
	u.jobs.wait()
	if len(s.listings) != 0 {
		t.Fatalf("still listed: %+v", s.listings)
	}
	v := openUsaha(t, u, product.TraineeID)
	if len(v.corr.deleted) != 1 || v.corr.deleted[0].Entity != "listing" {
		t.Fatalf("Usaha tab deleted list %+v", v.corr.deleted)
	}
}
