package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"wubdesk/internal/demo"
	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

func hasil(t *testing.T, u *App, year string) *outcomesScreen {
	t.Helper()
	u.nav.show("hasil")
	s, ok := u.nav.built["hasil"].(*outcomesScreen)
	if !ok {
		t.Fatal("no Hasil screen")
	}
	u.jobs.wait()
	s.year.SetSelected(year)
	u.jobs.wait()
	return s
}

// TestHasilScreen: the figures on screen are the hand count of a register
// that reaches every stage (Budi, trained by DKP and Disperindag, once);
// every number opens a list of exactly that many people, and the list
// exports to a workbook with one row per person.
func TestHasilScreen(t *testing.T) {
	u, db := newTestUIAt(t, true, time.Date(2024, 6, 30, 10, 0, 0, 0, time.UTC))
	if err := demo.OutcomeRegister(bg, db); err != nil {
		t.Fatal(err)
	}
	s := hasil(t, u, "2024")
	assertScreenMarkup(t, u, "hasil.xml") // the screen alone: its own golden file
	h := demo.OutcomeHand
	if got := s.headline.Text; got != "Dari 5 orang lulus pelatihan tahun 2024, 4 (80,0%) kini menjalankan usaha" {
		t.Errorf("headline %q", got)
	}
	if !strings.Contains(s.median.Text, "Median 35 hari") {
		t.Errorf("median %q", s.median.Text)
	}
	check := func(key string, want int) {
		t.Helper()
		b := s.figures[key]
		if b == nil {
			t.Fatalf("no figure %q", key)
		}
		if b.Text != wub.FormatInt(want) {
			t.Errorf("%s: screen %s, hand %d", key, b.Text, want)
		}
	}
	for _, st := range wub.OutcomeStages {
		check("||"+st, h.Regency[st])
		if st != wub.StageRegistered {
			check(wub.DISPERINDAG+"||"+st, h.Disperindag[st])
			check(wub.DKP+"||"+st, h.DKP[st])
			check("|35.28.04|"+st, h.Kec04[st])
			check("|35.28.01|"+st, h.Kec01[st])
		}
	}

	// Every figure against the list behind it.
	opened := 0
	for key, b := range s.figures {
		if b.Disabled() {
			continue
		}
		n, _ := strconv.Atoi(strings.ReplaceAll(b.Text, ".", ""))
		if parts := strings.Split(key, "|"); parts[0] != "" || parts[1] != "" {
			// The tables can show shares; the people behind them are the same.
			s.shares.SetChecked(true)
			u.jobs.wait()
			if got := s.figures[key].Text; !strings.HasSuffix(got, "%") {
				t.Errorf("%s as a share: %q", key, got)
			}
			s.shares.SetChecked(false)
			b = s.figures[key]
		}
		b.OnTapped()
		u.jobs.wait()
		if len(s.people.all()) != n {
			t.Errorf("%s: figure %d, list %d", key, n, len(s.people.all()))
		}
		if want := strconv.Itoa(n) + " orang"; !strings.HasPrefix(s.people.count.Text, want) {
			t.Errorf("%s: count line %q, want %q…", key, s.people.count.Text, want)
		}
		s.people.dlg.Hide()
		opened++
	}
	if opened < 30 {
		t.Errorf("only %d figures opened", opened)
	}

	// The list of DKP's people with a business exports to .xlsx.
	s.figures[wub.DKP+"||"+wub.StageBusiness].OnTapped()
	u.jobs.wait()
	l := s.people
	if len(l.all()) != 1 || l.all()[0].Name != "Budi Santoso" || l.cellText(0, 2) != u.agencyShort(wub.DKP, 2024) {
		t.Fatalf("DKP business list %+v", l.all())
	}
	path := filepath.Join(t.TempDir(), "hasil.xlsx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	l.exportTo(f, "hasil.xlsx")
	u.jobs.wait()
	wb, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	rows, _ := wb.GetRows(xlsx.SheetOutcomePeople)
	if len(rows) != 2 || rows[1][1] != "3528010202900002" || rows[1][2] != "Budi Santoso" {
		t.Errorf("exported rows %v", rows)
	}

	// One agency: its figures and its kecamatan.
	s.scope.setCode(wub.DKP)
	u.jobs.wait()
	for _, st := range wub.OutcomeStages {
		check(wub.DKP+"||"+st, h.DKP[st])
	}
	if s.byAgency.Visible() {
		t.Error("per-agency table shown for one agency")
	}
	if b := s.figures[wub.DKP+"|35.28.01|"+wub.StageTrained]; b == nil || b.Text != "2" {
		t.Errorf("DKP kec 01 trained %v", b)
	}

	// A year without anybody says so.
	s.year.SetSelected("2023")
	u.jobs.wait()
	if !strings.Contains(s.headline.Text, "belum ada peserta") {
		t.Errorf("empty year headline %q", s.headline.Text)
	}
}

// TestWamiraReachOnScreen: the regency line and each outlet's agencies.
func TestWamiraReachOnScreen(t *testing.T) {
	u, db := newTestUIAt(t, true, time.Date(2024, 6, 30, 10, 0, 0, 0, time.UTC))
	if err := demo.OutcomeRegister(bg, db); err != nil {
		t.Fatal(err)
	}
	u.nav.show("wamira")
	u.jobs.wait()
	s := u.nav.built["wamira"].(*wamiraScreen)
	dis, dkp := u.agencyShort(wub.DISPERINDAG, 2024), u.agencyShort(wub.DKP, 2024)
	if want := "Kabupaten: 4 produk dari 3 peserta di 2 gerai (produk yang dipajang di beberapa gerai dihitung sekali). Asal peserta: " + dis + " 2 · " + dkp + " 1"; s.reachLabel.Text != want {
		t.Errorf("reach %q, want %q", s.reachLabel.Text, want)
	}
	for i, o := range s.outlets {
		got := s.outletText(i, 7)
		switch o.Name {
		case "Wamira Mart Larangan":
			if got != dis+" 2 · "+dkp+" 1" {
				t.Errorf("Larangan %q", got)
			}
		case "Wamira Mart Pademawu":
			if got != dis+" 1" {
				t.Errorf("Pademawu %q", got)
			}
		}
	}
}

// TestHasilScreenshots takes the pictures of the Hasil screen, its list and
// Wamira Mart on the register of the outcome tests:
//
//	WUB_SHOT_DIR=docs/screenshots go test -tags migrated_fynedo -run HasilScreenshots ./internal/ui/
func TestHasilScreenshots(t *testing.T) {
	dir := os.Getenv("WUB_SHOT_DIR")
	if dir == "" {
		t.Skip("set WUB_SHOT_DIR to take the screenshots")
	}
	u, db := newTestUIAt(t, true, time.Date(2024, 6, 30, 10, 0, 0, 0, time.UTC))
	applyTheme(u.fyne, themeLight)
	if err := demo.OutcomeRegister(bg, db); err != nil {
		t.Fatal(err)
	}
	s := hasil(t, u, "2024")
	shot := func(name string) {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, u.win.Canvas().Capture()); err != nil {
			t.Fatal(err)
		}
	}
	shot("hasil.png")
	s.scroll.ScrollToBottom()
	shot("hasil-kecamatan.png")
	s.figures["||"+wub.StageBusiness].OnTapped()
	u.jobs.wait()
	shot("hasil-orang.png")
	s.people.dlg.Hide()
	u.nav.show("wamira")
	u.jobs.wait()
	shot("wamira-asal.png")
}
