package ui

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// seedQuota writes 8,200 opening balances for 2020–2022 and three people
// in 2023: Ahmad (Diskop UKM, lulus March), Badriyah (Diskop UKM lulus
// February and DKP lulus May: one person, two enrolments) and Citra (DKP,
// only registered).
func seedQuota(t *testing.T, db *store.DB) {
	t.Helper()
	obs := []wub.OpeningBalance{
		{AgencyCode: wub.DISPERINDAG, Year: 2020, Count: 2500, Note: "Laporan tahunan 2020"},
		{AgencyCode: wub.DISKOPUKM, Year: 2021, Count: 2800, Note: "Laporan tahunan 2021"},
		{AgencyCode: wub.DKP, Year: 2022, Count: 2900, Note: "Laporan tahunan 2022"},
	}
	if err := db.SetOpeningBalances(bg, obs); err != nil {
		t.Fatal(err)
	}
	people := []*wub.Trainee{
		{NIK: "3528041203900001", Name: "Ahmad", Sex: "L", KecCode: "35.28.04", KBLI: "C",
			Enrolments: []wub.Enrolment{{AgencyCode: wub.DISKOPUKM, Year: 2023, Status: wub.StatusTrained, CompletedOn: day(2023, 3, 10)}}},
		{NIK: "3528015203900002", Name: "Badriyah", Sex: "P", KecCode: "35.28.01", KBLI: "G",
			Enrolments: []wub.Enrolment{{AgencyCode: wub.DISKOPUKM, Year: 2023, Status: wub.StatusTrained, CompletedOn: day(2023, 2, 1)},
				{AgencyCode: wub.DKP, Year: 2023, Status: wub.StatusTrained, CompletedOn: day(2023, 5, 1)}}},
		{NIK: "3528015203900003", Name: "Citra", Sex: "P", KecCode: "35.28.01",
			Enrolments: []wub.Enrolment{{AgencyCode: wub.DKP, Year: 2023, Status: wub.StatusRegistered}}},
	}
	for _, p := range people {
		if _, err := db.CreateTrainee(bg, p); err != nil {
			t.Fatalf("%s: %v", p.Name, err)
		}
	}
}

func kuota(t *testing.T, u *App, year string) *quotaScreen {
	t.Helper()
	u.nav.show("kuota")
	s, ok := u.nav.built["kuota"].(*quotaScreen)
	if !ok {
		t.Fatal("no Kuota screen")
	}
	u.jobs.wait()
	s.year.SetSelected(year)
	u.jobs.wait()
	return s
}

func TestKuotaScreen(t *testing.T) {
	u, db := newTestUI(t, true)
	seedQuota(t, db)
	s := kuota(t, u, "2023")
	v := s.view
	if got := v.headline.Text; got != "8.202 dari 10.000 orang (82,0%) — target 2020–2023" {
		t.Errorf("headline %q", got)
	}
	if got := v.parts.Text; got != "Saldo awal 8.200 · tercatat di WUBDesk 2 · sisa 1.798" {
		t.Errorf("parts %q", got)
	}

	// The distribution helper: 1,800 evenly, then one agency by hand.
	test.Tap(s.splitBtn)
	u.jobs.wait()
	f := s.distributeDialog
	if f == nil || len(f.quotas) != 6 {
		t.Fatal("distribution dialog with 6 agencies expected for 2023")
	}
	test.Type(f.total, "1.800")
	f.split()
	if f.quotas[0].Text != "300" || f.sum.Text != "Jumlah kuota 1.800 dari 1.800 (selisih 0)" {
		t.Errorf("after split: %q, %q", f.quotas[0].Text, f.sum.Text)
	}
	f.quotas[0].SetText("350")
	if f.sum.Text != "Jumlah kuota 1.850 dari 1.800 (selisih 50)" || f.sum.Importance != widget.DangerImportance {
		t.Errorf("sum after a hand edit %q", f.sum.Text)
	}
	f.quotas[5].SetText("250")
	test.Tap(f.fd.saveBtn)
	u.jobs.wait()
	qs, _ := db.Quotas(bg, 2023)
	if len(qs) != 6 || qs[0].Count != 350 || qs[5].Count != 250 {
		t.Fatalf("saved quotas %+v", qs)
	}

	// The year's table: 2023 is over on the test clock (1 June 2024), so
	// the whole quota is expected and everyone is behind.
	d := s.d
	if d.Agencies[0].Name != "Diskop UKM dan Naker" || d.Agencies[0].Realised() != 2 || d.Agencies[0].Expected != 350 ||
		!d.Agencies[0].Behind || d.Agencies[4].Realised() != 1 {
		t.Errorf("rows %+v", d.Agencies)
	}
	if !strings.Contains(v.yearLine.Text, "Terealisasi 2 dari kuota 1.800 (0,1%)") {
		t.Errorf("year line %q", v.yearLine.Text)
	}

	// Every figure opens to its people.
	cases := []struct {
		name string
		open func()
		want []string
	}{
		{"Diskop UKM dan Naker bar", func() { v.agencies.Tapped(&fyne.PointEvent{Position: fyne.NewPos(200, v.agencies.head()+5)}) }, []string{"Ahmad", "Badriyah"}},
		{"DKP bar", func() { v.agencies.Tapped(&fyne.PointEvent{Position: fyne.NewPos(200, v.agencies.head()+4*barRow+5)}) }, []string{"Badriyah"}},
		{"up to February", func() {
			v.months.Tapped(&fyne.PointEvent{Position: fyne.NewPos(lineLeft+v.months.Size().Width/12*1.5, 100)})
		}, []string{"Badriyah"}},
		{"women", func() { v.sex.Tapped(&fyne.PointEvent{Position: fyne.NewPos(10, chartHead+barRow+5)}) }, []string{"Badriyah"}},
	}
	for _, c := range cases {
		s.people = nil
		c.open()
		u.jobs.wait()
		p := s.people
		if p == nil {
			t.Errorf("%s: nothing opened", c.name)
			continue
		}
		var got []string
		for i := range p.list.total {
			got = append(got, p.cellText(i, 1))
		}
		if strings.Join(got, ",") != strings.Join(c.want, ",") {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
		p.dlg.Hide()
	}

	// Opening balances: a number without its source is refused, with the agency named.
	test.Tap(s.openBtn)
	u.jobs.wait()
	o := s.openingDialog
	o.year.SetSelected("2022")
	u.jobs.wait()
	if len(o.counts) != 7 || o.counts[5].Text != "2.900" {
		t.Fatalf("2022 opening balances: %d rows", len(o.counts))
	}
	o.counts[2].SetText("100") // Disperindag
	test.Tap(o.fd.saveBtn)
	u.jobs.wait()
	if !strings.HasPrefix(o.fd.msg.Text, "Disperindag: Tulis sumber") {
		t.Errorf("message %q", o.fd.msg.Text)
	}
	o.notes[2].SetText("Rekap Disperindag 2022")
	test.Tap(o.fd.saveBtn)
	u.jobs.wait()
	if got := v.headline.Text; got != "8.302 dari 10.000 orang (83,0%) — target 2020–2023" {
		t.Errorf("headline after opening balance %q", got)
	}

	// The target.
	test.Tap(s.targetBtn)
	u.jobs.wait()
	s.targetDialog.count.SetText("12.000")
	test.Tap(s.targetDialog.fd.saveBtn)
	u.jobs.wait()
	if tg, _ := db.Target(bg); tg.Count != 12000 || !strings.HasPrefix(v.headline.Text, "8.302 dari 12.000 orang (69,2%)") {
		t.Errorf("target %d, headline %q", tg.Count, v.headline.Text)
	}

	// One agency's view counts its enrolments.
	s.scope.setCode(wub.DKP)
	u.jobs.wait()
	if s.d.Counting != wub.CountEnrolment || s.d.Year.Recorded != 1 || !strings.Contains(v.yearTitle.Text, "DKP, tahun 2023 (per pendaftaran)") {
		t.Errorf("DKP view %q", v.yearTitle.Text)
	}
}

func TestKuotaGoldenAndPicture(t *testing.T) {
	u, db := newTestUI(t, true)
	seedQuota(t, db)
	if err := db.SetQuotas(bg, 2023, []wub.Quota{{AgencyCode: wub.DISKOPUKM, Year: 2023, Count: 300},
		{AgencyCode: wub.DKP, Year: 2023, Count: 300}}); err != nil {
		t.Fatal(err)
	}
	s := kuota(t, u, "2023")
	assertScreenMarkup(t, u, "kuota.xml")

	img := dashboardImage(s.d)
	b := img.Bounds()
	if b.Dx() < 2000 || b.Dy() < 1500 {
		t.Errorf("picture %v: too small for a report", b)
	}
	// WUB_SHOT_DIR=docs/screenshots keeps the screen and the report picture.
	if dir := os.Getenv("WUB_SHOT_DIR"); dir != "" {
		shots := map[string]image.Image{"kuota.png": u.win.Canvas().Capture(), "kuota-gambar.png": img}
		s.scroll.ScrollToBottom()
		shots["kuota-grafik.png"] = u.win.Canvas().Capture()
		for name, im := range shots {
			out, err := os.Create(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			png.Encode(out, im)
			out.Close()
		}
	}
}
