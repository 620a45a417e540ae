package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// Kuota names its two figures, lists the people counted twice per agency,
// and forecasts the program target the same whichever year is shown; after
// the target period it says whether the target was met and offers the next.
func TestKuotaTwoFiguresAndForecast(t *testing.T) {
	u, db := newTestUI(t, true)
	seedQuota(t, db)
	s := kuota(t, u, "2023")
	v := s.view
	two := v.two.label.Text
	if !strings.Contains(two, "2 orang (dihitung sekali)") || !strings.Contains(two, "3 jumlah per dinas") {
		t.Fatalf("two figures: %q", two)
	}
	if !v.two.repeat.Visible() || !strings.Contains(v.two.repeat.Text, "Selisih 1") {
		t.Fatalf("difference line: %q visible=%v", v.two.repeat.Text, v.two.repeat.Visible())
	}
	test.Tap(v.two.repeat)
	u.jobs.wait()
	if s.people == nil || s.people.list.total != 1 {
		t.Fatalf("the difference's list: %+v", s.people)
	}
	if r := s.people.list.pages[0]; len(r) != 1 || r[0].Name != "Badriyah" {
		t.Fatalf("listed %+v", r)
	}
	s.people.dlg.Hide()

	f2023 := v.forecast.Text
	// Test clock: June 2024; the default target period 2020–2023 is over.
	if !strings.Contains(f2023, "berakhir 31 Desember 2023") || !strings.Contains(f2023, "tidak tercapai") {
		t.Fatalf("forecast after the period: %q", f2023)
	}
	if !v.nextBox.Visible() {
		t.Fatal("no way to set the next target period")
	}
	s = kuota(t, u, "2021")
	if got := s.view.forecast.Text; got != f2023 {
		t.Fatalf("forecast changes with the year shown:\n2023: %s\n2021: %s", f2023, got)
	}
	test.Tap(s.view.nextBtn)
	u.jobs.wait()
	if s.targetDialog == nil || s.targetDialog.from.Selected != "2024" || s.targetDialog.to.Selected != "2027" {
		t.Fatalf("next target dialog %+v", s.targetDialog)
	}
}
