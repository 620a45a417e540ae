package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

func jday(s string) time.Time { return wub.ParseISODate(s) }

// seedTrained adds a trainee who completed a Disperindag training on 10
// April 2023.
func seedTrained(t *testing.T, db *store.DB, nik, name string) *wub.Trainee {
	t.Helper()
	tr := &wub.Trainee{NIK: nik, Name: name, DesaCode: "35.28.04.1001", Phone: "081234567890",
		BusinessName: "Keripik Tette " + name, KBLI: "C",
		Enrolments: []wub.Enrolment{{AgencyCode: wub.DISPERINDAG, Year: 2023, Status: wub.StatusTrained,
			EnrolledOn: jday("2023-03-01"), CompletedOn: jday("2023-04-10")}}}
	if _, err := db.CreateTrainee(bg, tr); err != nil {
		t.Fatal(err)
	}
	return tr
}

// openUsaha opens a trainee's page on the Usaha tab.
func openUsaha(t *testing.T, u *App, id int64) *journeyView {
	t.Helper()
	s := peserta(t, u)
	s.openTrainee(id)
	u.jobs.wait()
	if s.form == nil || s.form.tabs == nil || s.form.journey == nil {
		t.Fatal("the trainee page has no Usaha tab")
	}
	s.form.tabs.SelectIndex(1)
	u.jobs.wait()
	return s.form.journey
}

func timelineHas(v *journeyView, stage, title string) bool {
	for _, e := range v.events {
		if e.Stage == stage && strings.Contains(e.Title, title) {
			return true
		}
	}
	return false
}

func TestRecordBusinessOnUsahaTab(t *testing.T) {
	u, db := newTestUI(t, true)
	tr := seedTrained(t, db, "3528045203950001", "Siti Aminah")
	v := openUsaha(t, u, tr.ID)
	if !v.empty.Visible() || len(v.events) != 2 {
		t.Fatalf("before: empty note %v, %d events", v.empty.Visible(), len(v.events))
	}
	test.Tap(v.businessBtn)
	f := v.openBusinessForm()
	if f.name.Text != "Keripik Tette Siti Aminah" || f.kbli.code() != "C" || f.kecamatan.code() != "35.28.04" {
		t.Fatalf("defaults from the trainee: %q %q %q", f.name.Text, f.kbli.code(), f.kecamatan.code())
	}
	f.turnover.setCode(wub.Turnover1to5)
	test.Type(f.work, "2")
	cases := []struct{ date, want string }{
		{"", "Tanggal wajib diisi"},
		{"31/02/2023", "Tanggal tidak sah"},
		{"01/04/2023", "sebelum peserta lulus pelatihan (10/04/2023)"},
	}
	for _, c := range cases {
		f.started.SetText(c.date)
		test.Tap(f.d.saveBtn)
		u.jobs.wait()
		if got := f.d.message("started_on"); !strings.Contains(got, c.want) {
			t.Errorf("date %q: message %q, want %q", c.date, got, c.want)
		}
		if bs, _ := db.Businesses(bg, tr.ID); len(bs) != 0 || f.d.closed {
			t.Fatalf("date %q: saved %d businesses", c.date, len(bs))
		}
	}
	f.started.SetText("02/05/2023")
	test.Tap(f.d.saveBtn)
	u.jobs.wait()
	if !f.d.closed {
		t.Fatalf("not saved: %q / %q", f.d.message("started_on"), f.d.general.Text)
	}
	bs, _ := db.Businesses(bg, tr.ID)
	if len(bs) != 1 || bs[0].Workers != 2 || bs[0].Turnover != wub.Turnover1to5 || bs[0].RecordedBy != db.Actor {
		t.Fatalf("stored %+v", bs)
	}
	if !timelineHas(v, wub.StageBusiness, "Keripik Tette Siti Aminah") || v.empty.Visible() {
		t.Error("the timeline does not show the business")
	}
	if !strings.Contains(u.nav.status.Text, "Keripik Tette Siti Aminah") {
		t.Errorf("status %q", u.nav.status.Text)
	}
}

func TestRecordLicence(t *testing.T) {
	u, db := newTestUI(t, true)
	tr := seedTrained(t, db, "3528045203950001", "Siti Aminah")
	v := openUsaha(t, u, tr.ID)
	// Without a business the form says what to do first.
	f := v.openLicenceForm()
	test.Type(f.number, "0220001234567")
	f.issued.SetText("15/06/2023")
	test.Tap(f.d.saveBtn)
	u.jobs.wait()
	if !strings.Contains(f.d.message("business"), "Catat dulu usaha") {
		t.Fatalf("no business: %q", f.d.message("business"))
	}
	f.d.close()
	b := &wub.Business{TraineeID: tr.ID, Name: "Keripik Tette Bu Siti", StartedOn: jday("2023-05-02")}
	if _, err := db.SaveBusiness(bg, b); err != nil {
		t.Fatal(err)
	}
	v.load()
	u.jobs.wait()
	f = v.openLicenceForm()
	f.kind.setCode(wub.LicencePIRT)
	test.Type(f.number, "P-IRT 2063528010123-28")
	f.issued.SetText("01/03/2023")
	test.Tap(f.d.saveBtn)
	u.jobs.wait()
	if !strings.Contains(f.d.message("issued_on"), "sebelum peserta lulus") {
		t.Fatalf("before training: %q", f.d.message("issued_on"))
	}
	f.issued.SetText("20/07/2023")
	test.Tap(f.d.saveBtn)
	u.jobs.wait()
	if !f.d.closed {
		t.Fatalf("not saved: %q", f.d.general.Text)
	}
	if !timelineHas(v, wub.StageLicensed, "P-IRT 2063528010123-28") {
		t.Fatalf("timeline %+v", v.events)
	}
	ev, _ := db.Timeline(bg, tr.ID)
	last := ev[len(ev)-1]
	if last.Stage != wub.StageLicensed || last.BusinessID != b.ID || !last.Date.Equal(jday("2023-07-20")) {
		t.Errorf("stored %+v", last)
	}
}

// wamiraFixture: a trained producer with a business and a product, an open
// outlet and one that closed.
func wamiraFixture(t *testing.T, db *store.DB) (product *wub.Product, open, closed *wub.Outlet) {
	t.Helper()
	tr := seedTrained(t, db, "3528045203950001", "Siti Aminah")
	b := &wub.Business{TraineeID: tr.ID, Name: "Keripik Tette Bu Siti", StartedOn: jday("2023-05-02")}
	if _, err := db.SaveBusiness(bg, b); err != nil {
		t.Fatal(err)
	}
	product = &wub.Product{BusinessID: b.ID, Name: "Keripik tette 250 g", Price: 15000, PIRT: wub.CertHas}
	if _, err := db.SaveProduct(bg, product); err != nil {
		t.Fatal(err)
	}
	open = &wub.Outlet{Name: "Wamira Mart Kota Pamekasan", KecCode: "35.28.04", OpenedOn: jday("2020-11-02")}
	closed = &wub.Outlet{Name: "Wamira Mart Galis", KecCode: "35.28.03", OpenedOn: jday("2021-03-01")}
	for _, o := range []*wub.Outlet{open, closed} {
		if _, err := db.SaveOutlet(bg, o); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.CloseOutlet(bg, closed.ID, jday("2023-06-30"), "Dana hibah berakhir"); err != nil {
		t.Fatal(err)
	}
	return product, open, closed
}

func wamira(t *testing.T, u *App) *wamiraScreen {
	t.Helper()
	s, ok := u.nav.screen("wamira").(*wamiraScreen)
	if !ok {
		t.Fatal("no Wamira Mart screen")
	}
	u.jobs.wait()
	return s
}

func selectOutlet(t *testing.T, u *App, s *wamiraScreen, name string) {
	t.Helper()
	for i, o := range s.outlets {
		if o.Name == name {
			s.outletTable.selectRow(i)
			u.jobs.wait()
			return
		}
	}
	t.Fatalf("outlet %s not listed", name)
}

func TestRecordWamiraListing(t *testing.T) {
	u, db := newTestUI(t, true)
	product, open, closed := wamiraFixture(t, db)
	s := wamira(t, u)
	if len(s.outlets) != 2 || s.outletText(0, 2) != "Buka" || s.outletText(1, 2) != "Tutup" || s.outletText(1, 4) != "30/06/2023" {
		t.Fatalf("outlets %+v", s.outlets)
	}
	if s.summary.Text != "0 produk WUB dipajang di 1 outlet buka (1 outlet tutup)" {
		t.Errorf("summary %q", s.summary.Text)
	}
	selectOutlet(t, u, s, closed.Name)
	if !s.addBtn.Disabled() || !s.closeBtn.Disabled() {
		t.Error("a closed outlet offers to take products")
	}
	selectOutlet(t, u, s, open.Name)
	if s.addBtn.Disabled() {
		t.Fatal("the open outlet cannot take products")
	}
	test.Tap(s.addBtn)
	f := s.openListingForm()
	test.Type(f.search, "tette")
	u.jobs.wait()
	if len(f.product.codes) != 1 || !strings.Contains(f.product.Selected, "Siti Aminah") {
		t.Fatalf("product choice %v %q", f.product.codes, f.product.Selected)
	}
	f.date.SetText("01/01/2023")
	test.Tap(f.d.saveBtn)
	u.jobs.wait()
	if !strings.Contains(f.d.message("listed_on"), "sebelum peserta lulus") {
		t.Fatalf("before training: %q", f.d.message("listed_on"))
	}
	f.date.SetText("01/06/2023")
	test.Tap(f.d.saveBtn)
	u.jobs.wait()
	if !f.d.closed {
		t.Fatalf("not saved: %q %q", f.d.general.Text, f.d.message("product"))
	}
	if len(s.listings) != 1 || s.listingText(0, 1) != "Siti Aminah" || s.listingText(0, 2) != "081234567890" ||
		s.listingText(0, 3) != "Rp15.000" || s.listingText(0, 4) != "01/06/2023" {
		t.Fatalf("listings %+v", s.listings)
	}
	if s.outletText(s.outletTable.selected, 5) != "1" || !strings.HasPrefix(s.summary.Text, "1 produk WUB") {
		t.Errorf("count %q, summary %q", s.outletText(s.outletTable.selected, 5), s.summary.Text)
	}
	// The product search finds it by outlet and by kecamatan.
	s.outletFilter.setCode(strings.TrimSpace(strconvID(open.ID)))
	u.jobs.wait()
	if len(s.products) != 1 || s.productText(0, 7) != open.Name {
		t.Errorf("by outlet: %d %q", len(s.products), s.productText(0, 7))
	}
	s.outletFilter.SetSelectedIndex(0)
	s.kecFilter.setCode("35.28.01")
	u.jobs.wait()
	if len(s.products) != 0 {
		t.Errorf("other kecamatan: %d", len(s.products))
	}
	// A second listing of the same product at the same outlet is refused.
	f = s.openListingForm()
	test.Type(f.search, "keripik")
	u.jobs.wait()
	f.date.SetText("01/07/2023")
	test.Tap(f.d.saveBtn)
	u.jobs.wait()
	if !strings.Contains(f.d.message("product"), "sudah dipajang") {
		t.Errorf("duplicate: %q", f.d.message("product"))
	}
	// Export the shop's list.
	path := filepath.Join(t.TempDir(), wub.OutletFile(open.Name, u.today()))
	w, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	s.exportTo(w, filepath.Base(path))
	u.jobs.wait()
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	phone, _ := x.GetCellValue("Produk WUB", "I6")
	name, _ := x.GetCellValue("Produk WUB", "B6")
	if phone != "081234567890" || name != product.Name {
		t.Errorf("exported %q %q", name, phone)
	}
	if !strings.Contains(u.nav.status.Text, "1 produk") {
		t.Errorf("status %q", u.nav.status.Text)
	}
}

func strconvID(id int64) string { return wub.FormatInt(int(id)) }

func TestMarketingFormListsAtOpenOutletsOnly(t *testing.T) {
	u, db := newTestUI(t, true)
	_, open, closed := wamiraFixture(t, db)
	tr, _ := db.TraineeByNIK(bg, "3528045203950001")
	v := openUsaha(t, u, tr.ID)
	f := v.openMarketingForm()
	for _, c := range f.outlet.codes {
		if c == strconvID(closed.ID) {
			t.Fatal("a closed outlet is offered")
		}
	}
	f.outlet.setCode(strconvID(open.ID))
	f.date.SetText("05/06/2023")
	test.Tap(f.d.saveBtn)
	u.jobs.wait()
	if !f.d.closed || !timelineHas(v, wub.StageMarketed, "Wamira Mart Kota Pamekasan") {
		t.Fatalf("listing not recorded: %q %q", f.d.general.Text, f.d.message("date"))
	}
	// Another channel needs only a kind, a detail and a date.
	f = v.openMarketingForm()
	f.kind.setCode(wub.ChannelMarketplace)
	if f.d.fields["outlet"].box.Visible() || !f.d.fields["detail"].box.Visible() {
		t.Error("the form did not switch to the channel's fields")
	}
	test.Type(f.detail, "Shopee")
	f.date.SetText("01/03/2023")
	test.Tap(f.d.saveBtn)
	u.jobs.wait()
	if !strings.Contains(f.d.message("date"), "sebelum peserta lulus") {
		t.Fatalf("date message %q", f.d.message("date"))
	}
}

func TestShowUsahaOpensTheTab(t *testing.T) {
	u, db := newTestUI(t, true)
	tr := seedTrained(t, db, "3528045203950001", "Siti Aminah")
	u.nav.show("usaha:" + strconvID(tr.ID))
	u.jobs.wait()
	s := peserta(t, u)
	if s.form == nil || s.form.tabs.SelectedIndex() != 1 || len(s.form.journey.events) != 2 {
		t.Fatal("usaha:ID did not open the Usaha tab")
	}
}
