package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
)

// TestAgencyPanel: Pengaturan → Dinas renames an agency from a date, adds
// one and ends one, each through its form; a refused change shows why
// under the form and changes nothing.
func TestAgencyPanel(t *testing.T) {
	u, db := newTestUI(t, true)
	seed(t, db, "3528045203950001", "Siti Aminah", wub.DKP, 2024)
	p := u.nav.screen("pengaturan").(*settingsScreen).agencies
	u.jobs.wait()
	if p.add.Disabled() || p.rename.Disabled() || p.end.Disabled() {
		t.Fatal("the admin cannot change agencies")
	}

	// A name another agency carries at the time is refused.
	test.Tap(p.rename)
	p.agency.setCode(wub.DKP)
	test.Type(p.from, "01/01/2025")
	test.Type(p.name, "Disperindag")
	test.Tap(p.dialog.saveBtn)
	u.jobs.wait()
	if p.dialog.closed || !strings.Contains(p.dialog.general.Text, "Disperindag") {
		t.Fatalf("taken name not refused: %q", p.dialog.general.Text)
	}
	p.name.SetText("DKPP Baru")
	test.Tap(p.dialog.saveBtn)
	u.jobs.wait()
	if !p.dialog.closed {
		t.Fatalf("rename not saved: %q", p.dialog.general.Text)
	}
	as, _ := db.Agencies(bg)
	a, _ := as.ByCode(wub.DKP)
	if len(a.Names) != 2 || a.NameInYear(2024).Short != "DKP" || a.NameInYear(2025).Short != "DKPP Baru" {
		t.Errorf("DKP names %+v", a.Names)
	}
	if ua, _ := u.agencies.ByCode(wub.DKP); len(ua.Names) != 2 {
		t.Error("the app still has the old history")
	}
	if !strings.Contains(fyneText(p.list), "DKPP Baru") {
		t.Error("the list does not show the new name")
	}

	test.Tap(p.add)
	test.Type(p.addCode, "diskominfo")
	test.Type(p.name, "Diskominfo")
	test.Type(p.full, "Dinas Komunikasi dan Informatika")
	test.Type(p.from, "02/01/2025")
	test.Tap(p.dialog.saveBtn)
	u.jobs.wait()
	as, _ = db.Agencies(bg)
	if a, ok := as.ByCode("DISKOMINFO"); !ok || a.FirstYear != 2025 || a.NameOn(a.Names[0].ValidFrom).Full != "Dinas Komunikasi dan Informatika" {
		t.Errorf("added %+v %v (%q)", a, ok, p.dialog.general.Text)
	}

	// Ending DKP before its 2024 enrolment would orphan it.
	test.Tap(p.end)
	p.agency.setCode(wub.DKP)
	test.Type(p.lastYear, "2023")
	test.Tap(p.dialog.saveBtn)
	u.jobs.wait()
	if p.dialog.closed || !strings.Contains(p.dialog.general.Text, "2024") {
		t.Fatalf("orphaning end not refused: %q", p.dialog.general.Text)
	}
	p.lastYear.SetText("2024")
	test.Tap(p.dialog.saveBtn)
	u.jobs.wait()
	as, _ = db.Agencies(bg)
	if a, _ := as.ByCode(wub.DKP); a.LastYear != 2024 {
		t.Errorf("DKP last year %d (%q)", a.LastYear, p.dialog.general.Text)
	}
	if n, _ := db.CountAudit(bg, wub.AuditFilter{Entity: "agency"}); n != 3 {
		t.Errorf("%d agency audit rows, want 3", n)
	}
}

// TestDeadlineSetting: the deadline set in Pengaturan is what Kirim Laporan
// tells the clerk and what the consolidation uses.
func TestDeadlineSetting(t *testing.T) {
	u, db := newTestUI(t, true)
	k := kirim(t, u)
	if !strings.Contains(k.intro.Text, "tanggal 10 ") {
		t.Fatalf("intro %q", k.intro.Text)
	}
	p := u.nav.screen("pengaturan").(*settingsScreen).deadline
	u.jobs.wait()
	if p.day.Selected != "10" {
		t.Fatalf("the setting shows %q", p.day.Selected)
	}
	p.day.SetSelected("15")
	test.Tap(p.save)
	u.jobs.wait()
	if d, _ := db.LateDay(bg); d != 15 {
		t.Fatalf("late day %d", d)
	}
	k = kirim(t, u)
	u.jobs.wait()
	if !strings.Contains(k.intro.Text, "tanggal 15 ") {
		t.Errorf("Kirim Laporan still says %q", k.intro.Text)
	}
	c := konsolidasi(t, u)
	c.reload()
	u.jobs.wait()
	if c.views == nil || !strings.Contains(c.views.legend.Text, "15") {
		t.Errorf("consolidation legend does not use the setting")
	}
}

// fyneText is the text of every label under o.
func fyneText(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *fyne.Container:
			for _, x := range w.Objects {
				walk(x)
			}
		}
	}
	walk(o)
	return b.String()
}
