package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// The file dialog takes a typed path, remembers the folder, asks in our
// language before overwriting, and closes with Esc.
func TestPathDialog(t *testing.T) {
	u, _ := newTestUI(t, true)
	dir := t.TempDir()
	var got string
	p := u.saveFile("rekap.xlsx", []string{".xlsx"}, func(path string) { got = path })
	if u.win.Canvas().Focused() != p.path {
		t.Fatal("the path field does not have the focus")
	}
	p.path.SetText(filepath.Join(dir, "laporan"))
	p.path.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if want := filepath.Join(dir, "laporan.xlsx"); got != want {
		t.Fatalf("saved to %q, want %q", got, want)
	}
	if r := u.recentFolders(); len(r) == 0 || r[0] != dir {
		t.Fatalf("recent folders %v", r)
	}
	// A second dialog starts in that folder and offers it.
	got = ""
	p = u.saveFile("rekap.xlsx", []string{".xlsx"}, func(path string) { got = path })
	if p.path.Text != filepath.Join(dir, "rekap.xlsx") || len(p.recent.Objects) != 1 {
		t.Fatalf("start %q, %d recent", p.path.Text, len(p.recent.Objects))
	}
	// An existing file: our own question, in Indonesian.
	if err := os.WriteFile(filepath.Join(dir, "rekap.xlsx"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	p.confirm()
	if got != "" {
		t.Fatal("overwrote without asking")
	}
	markup := test.RenderObjectToMarkup(u.win.Canvas().Overlays().Top())
	if !strings.Contains(markup, "Timpa") || strings.Contains(markup, "Overwrite") {
		t.Fatalf("overwrite question not in Indonesian:\n%s", markup)
	}
	u.dialogKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got != filepath.Join(dir, "rekap.xlsx") {
		t.Fatalf("after Timpa: %q", got)
	}
	// Opening a file that is not there says so and keeps the dialog.
	got = ""
	o := u.openFile([]string{".xlsx"}, func(path string) { got = path })
	o.path.SetText(filepath.Join(dir, "tidak-ada.xlsx"))
	o.confirm()
	if got != "" || !strings.Contains(o.msg.Text, "tidak ada") {
		t.Fatalf("missing file: got %q, message %q", got, o.msg.Text)
	}
	// Esc in the path field closes it.
	o.path.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Esc did not close the file dialog")
	}
	// A folder.
	var folder string
	f := u.openFolder(func(d string) { folder = d })
	f.path.SetText(dir)
	f.confirm()
	if folder != dir {
		t.Fatalf("folder %q", folder)
	}
}
