package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"wubdesk/internal/wub"
)

// Ctrl+N, then typing at once: the text goes into NIK, not the search box.
func TestNewFormTakesTypingInNIK(t *testing.T) {
	u, _ := newTestUI(t, true)
	s := peserta(t, u)
	c := u.win.Canvas()
	c.Focus(s.search) // the clerk was searching
	u.dispatch(actionNew)
	if s.form == nil {
		t.Fatal("Ctrl+N opened no form")
	}
	if c.Focused() == nil {
		t.Fatal("nothing has the focus")
	}
	test.Type(c.Focused(), "3528045203950001") // what the window does with keys
	if s.form.nik.Text != "3528045203950001" || s.search.Text != "" {
		t.Fatalf("typed into NIK %q, search %q", s.form.nik.Text, s.search.Text)
	}
	// Esc back to the list: the focus returns to the search box.
	s.form.dirty = false
	s.form.handle(actionEscape)
	if c.Focused() != s.search {
		t.Fatalf("focus after closing is %T", c.Focused())
	}
}

// Enter moves on and saves in the last field; Ctrl+Enter saves from anywhere.
func TestFormKeyboardSaves(t *testing.T) {
	u, db := newTestUI(t, true)
	s := peserta(t, u)
	s.newTrainee()
	f := s.form
	fillValid(f, "3528045203950001", "Siti Aminah")
	u.jobs.wait()
	c := u.win.Canvas()
	c.Focus(f.nik)
	f.nik.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if c.Focused() != f.kk {
		t.Fatalf("Enter in NIK moved to %T, want KK", c.Focused())
	}
	f.name.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl})
	u.jobs.wait()
	if s.form != nil {
		t.Fatal("Ctrl+Enter did not save")
	}
	if n, _ := db.CountTrainees(bg, wub.TraineeFilter{}); n != 1 {
		t.Fatalf("saved %d", n)
	}
	// Enter in the last field of a new form saves too.
	s.newTrainee()
	f = s.form
	fillValid(f, "3528045203950002", "Rina")
	u.jobs.wait()
	last := f.enrols[len(f.enrols)-1].completed
	last.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	u.jobs.wait()
	if s.form != nil {
		t.Fatal("Enter in the last field did not save")
	}
}

// The NIK length message waits for the 16th digit or leaving the field, and
// messages do not move the fields below them.
func TestFormDoesNotJump(t *testing.T) {
	u, _ := newTestUI(t, true)
	s := peserta(t, u)
	s.newTrainee()
	f := s.form
	w := test.NewTempWindow(t, f.object())
	w.Resize(fyne.NewSize(1024, 700))
	nameY := func() float32 { return fyne.CurrentApp().Driver().AbsolutePositionForObject(f.name).Y }
	before := nameY()
	test.Type(f.nik, "3528")
	if m := f.fields["nik"].msg.Text; m != "" {
		t.Fatalf("message while typing the 4th digit: %q", m)
	}
	f.nik.FocusLost()
	if m := f.fields["nik"].msg.Text; !strings.Contains(m, "16") {
		t.Fatalf("no length message after leaving the field: %q", m)
	}
	if after := nameY(); after != before {
		t.Fatalf("the name field moved from %v to %v when the message appeared", before, after)
	}
}

// Saving without kecamatan/desa asks first; the reopened record shows its warnings.
func TestPlaceWarningSeenBeforeCloseAndOnReopen(t *testing.T) {
	u, db := newTestUI(t, true)
	s := peserta(t, u)
	s.newTrainee()
	f := s.form
	fillValid(f, "3528045203950001", "Siti Aminah")
	f.kecamatan.setCode("")
	f.desa.setCode("")
	u.jobs.wait()
	f.save()
	u.jobs.wait()
	if s.form == nil || f.warnDialog == nil {
		t.Fatal("the form closed without showing the missing kecamatan")
	}
	if m := f.fields["kecamatan"].msg.Text; !strings.Contains(m, "Kecamatan belum diisi") {
		t.Fatalf("kecamatan message %q", m)
	}
	// Enter answers the question: save anyway.
	if !u.dialogKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) {
		t.Fatal("Enter did not reach the dialog")
	}
	u.jobs.wait()
	if s.form != nil {
		t.Fatal("not saved after Simpan saja")
	}
	ts, _ := db.ListTrainees(bg, wub.TraineeFilter{}, 0, 10)
	if len(ts.Rows) != 1 {
		t.Fatalf("saved %d", len(ts.Rows))
	}
	s.openTrainee(ts.Rows[0].ID)
	u.jobs.wait()
	if s.form == nil {
		t.Fatal("record did not open")
	}
	if m := s.form.fields["desa"].msg.Text; !strings.Contains(m, "Desa/kelurahan belum diisi") {
		t.Fatalf("reopened record does not show its warning: %q", m)
	}
}

// Esc cancels and Enter confirms our dialogs.
func TestDialogKeys(t *testing.T) {
	u, _ := newTestUI(t, true)
	yes := 0
	u.confirm("Hapus?", "Yakin?", T("button.delete"), func() { yes++ })
	if !u.dialogKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) || yes != 0 {
		t.Fatalf("Esc: yes=%d", yes)
	}
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Esc left the dialog open")
	}
	u.confirm("Hapus?", "Yakin?", T("button.delete"), func() { yes++ })
	u.dialogKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if yes != 1 || u.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("Enter: yes=%d", yes)
	}
	u.showMessage("Info", "Selesai")
	u.dialogKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Esc did not close the message")
	}
}

// The focused button is plainly marked, in every theme choice.
func TestFocusColourIsPlain(t *testing.T) {
	a := test.NewTempApp(t)
	for _, c := range themeChoices {
		applyTheme(a, c)
		_, _, _, alpha := a.Settings().Theme().Color(theme.ColorNameFocus, theme.VariantLight).RGBA()
		if alpha < 0x9000 {
			t.Errorf("%s: focus colour alpha %#x is too faint to see", c, alpha)
		}
	}
}
