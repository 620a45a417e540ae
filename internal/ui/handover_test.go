package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/app"
	"wubdesk/internal/handover"
	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

func handoverScreenOf(t *testing.T, u *App) *handoverScreen {
	t.Helper()
	s, ok := u.nav.screen("serah_terima").(*handoverScreen)
	if !ok {
		t.Fatal("no Serah Terima screen")
	}
	u.jobs.wait()
	return s
}

// handoverPackage is a DPMPTSP office that hands two people over to
// Disperindag (the test UI's office) on 3 January 2023.
func handoverPackage(t *testing.T) string {
	dir := t.TempDir()
	db, err := store.Open(filepath.Join(dir, "dpmptsp.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.SetOffice(bg, wub.Office{AgencyCode: wub.DPMPTSP, HeadName: "Ir. Achmad Faisol"}); err != nil {
		t.Fatal(err)
	}
	for i, n := range []string{"3528044107980001", "3528044207980002"} {
		tr := &wub.Trainee{NIK: n, Name: []string{"Aminah", "Badriyah"}[i], Sex: "P", Enrolments: []wub.Enrolment{
			{AgencyCode: wub.DPMPTSP, Year: 2022, Status: wub.StatusTrained, CompletedOn: time.Date(2022, 5, 1, 0, 0, 0, 0, time.UTC)}}}
		if _, err := db.CreateTrainee(bg, tr); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, "paket"+handover.Ext)
	if _, err := app.New(db).HandoverExport(bg, app.HandoverExportOptions{To: wub.DISPERINDAG,
		Date: time.Date(2023, 1, 3, 0, 0, 0, 0, time.UTC), Path: path}); err != nil {
		t.Fatal(err)
	}
	return path
}

// tapButton taps the button labelled text in the top dialog.
func tapButton(t *testing.T, u *App, text string) {
	t.Helper()
	var found *widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			found = b
		}
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			r := test.WidgetRenderer(x)
			for _, c := range r.Objects() {
				walk(c)
			}
		}
	}
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog open")
	}
	walk(top)
	if found == nil {
		t.Fatalf("no %q button in the dialog", text)
	}
	test.Tap(found)
}

func TestHandoverScreenPreviewImportHistory(t *testing.T) {
	u, db := newTestUI(t, true)
	pkg := handoverPackage(t)
	s := handoverScreenOf(t, u)
	if !s.importBtn.Disabled() || s.chooseBtn.Disabled() || !s.importBtn.Visible() {
		t.Fatal("before a package: import enabled or choose disabled")
	}
	s.load(pkg)
	u.jobs.wait()
	if s.preview == nil {
		t.Fatalf("no preview: %s", s.pkgLabel.Text)
	}
	if !strings.Contains(s.pkgLabel.Text, "Dinas Penanaman Modal") || !strings.Contains(s.pkgLabel.Text, s.pkg.SHA256) {
		t.Errorf("package label %q", s.pkgLabel.Text)
	}
	if !strings.HasPrefix(s.summary.Text, "Pratinjau: 4 data baru") {
		t.Errorf("summary %q", s.summary.Text)
	}
	if s.countText(0, 0) != "Peserta" || s.countText(0, 1) != "2" || s.countText(0, 2) != "2" || s.countText(1, 0) != "Keikutsertaan" {
		t.Errorf("counts table: %q %q %q / %q", s.countText(0, 0), s.countText(0, 1), s.countText(0, 2), s.countText(1, 0))
	}
	if n, _ := db.CountTrainees(bg, wub.TraineeFilter{}); n != 0 {
		t.Fatalf("the preview saved %d trainees", n)
	}

	test.Tap(s.importBtn)
	tapButton(t, u, "Impor paket")
	u.jobs.wait()
	if n, _ := db.CountTrainees(bg, wub.TraineeFilter{}); n != 2 {
		t.Fatalf("after the import: %d trainees", n)
	}
	if !strings.HasPrefix(s.summary.Text, "Diimpor: 4 data baru") || !s.importBtn.Disabled() {
		t.Errorf("after the import: summary %q, import enabled %v", s.summary.Text, !s.importBtn.Disabled())
	}
	if len(s.imports) != 1 || s.historyText(0, 0) != "3 Januari 2023" || s.historyText(0, 1) != "DPMPTSP" ||
		s.historyText(0, 3) != "paket.wubho" {
		t.Errorf("history: %d rows, %q %q %q", len(s.imports), s.historyText(0, 0), s.historyText(0, 1), s.historyText(0, 3))
	}

	// The same package again: refused in Indonesian, nothing to import.
	s.load(pkg)
	u.jobs.wait()
	if !strings.Contains(s.pkgLabel.Text, "sudah diimpor") || !s.importBtn.Disabled() || s.countRows() != 0 {
		t.Errorf("second load: %q, import enabled %v", s.pkgLabel.Text, !s.importBtn.Disabled())
	}

	// Hand over from this office (Disperindag) to Diskop UKM.
	s.to.setCode(wub.DISKOPUKM)
	s.date.SetText("01/06/2024")
	if s.exportBtn.Disabled() {
		t.Fatal("export disabled with agency and date chosen")
	}
	out := filepath.Join(t.TempDir(), "keluar"+handover.Ext)
	s.exportTo(out)
	u.jobs.wait()
	if !strings.Contains(s.exported.Text, "SHA-256") || !strings.Contains(s.exported.Text, "Diskop UKM dan Naker") {
		t.Errorf("export result %q", s.exported.Text)
	}
	for _, p := range []string{out, handover.BeritaAcaraPath(out)} {
		if _, err := os.Stat(p); err != nil {
			t.Error(err)
		}
	}
	s.date.SetText("kemarin")
	if !s.exportBtn.Disabled() {
		t.Error("export enabled with a date that is not a date")
	}
}

func TestHandoverScreenReadOnlyForKepala(t *testing.T) {
	for _, tc := range []struct {
		role    wub.Role
		buttons bool
	}{{wub.RoleKepala, false}, {wub.RoleOperator, true}, {wub.RoleAdmin, true}} {
		u, _ := newTestUI(t, true)
		u.rel.user = wub.User{Name: string(tc.role), Role: tc.role}
		s := handoverScreenOf(t, u)
		for _, b := range []*widget.Button{s.exportBtn, s.chooseBtn, s.importBtn} {
			if b.Visible() != tc.buttons {
				t.Errorf("%s: button %q visible %v", tc.role, b.Text, b.Visible())
			}
		}
	}
}
