package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"wubdesk/internal/handover"
	"wubdesk/internal/wub"
)

// TestHandoverCancel: Cancel during an import leaves the database as it
// was with the package still chosen; Cancel during an export leaves no
// package, no berita acara, no temporary file and no audit row.
func TestHandoverCancel(t *testing.T) {
	u, db := newTestUI(t, true)
	pkg := handoverPackage(t)
	s := handoverScreenOf(t, u)
	s.load(pkg)
	u.jobs.wait()
	if s.preview == nil {
		t.Fatalf("no preview: %s", s.pkgLabel.Text)
	}
	release := make(chan struct{})
	s.run.hold = func() { <-release }
	test.Tap(s.importBtn)
	tapButton(t, u, "Impor paket")
	if !s.run.importBtn.Visible() || s.run.importBtn.Disabled() {
		t.Fatal("no Cancel while the import runs")
	}
	test.Tap(s.run.importBtn)
	close(release)
	u.jobs.wait()
	s.run.hold = nil
	if n, _ := db.CountTrainees(bg, wub.TraineeFilter{}); n != 0 {
		t.Fatalf("a cancelled import saved %d trainees", n)
	}
	if hs, _ := db.HandoverImports(bg); len(hs) != 0 {
		t.Fatalf("a cancelled import is in the history: %+v", hs)
	}
	if !strings.Contains(u.nav.status.Text, "dibatalkan") || s.run.importBtn.Visible() || s.importBtn.Disabled() {
		t.Errorf("after cancel: status %q, cancel visible %v, import enabled %v", u.nav.status.Text, s.run.importBtn.Visible(), !s.importBtn.Disabled())
	}
	// The package can still be imported.
	test.Tap(s.importBtn)
	tapButton(t, u, "Impor paket")
	u.jobs.wait()
	if n, _ := db.CountTrainees(bg, wub.TraineeFilter{}); n != 2 {
		t.Fatalf("after the import: %d trainees", n)
	}

	s.to.setCode(wub.DISKOPUKM)
	s.date.SetText("01/06/2024")
	dir := t.TempDir()
	out := filepath.Join(dir, "keluar"+handover.Ext)
	release = make(chan struct{})
	s.run.hold = func() { <-release }
	s.exportTo(out)
	if !s.run.exportBtn.Visible() {
		t.Fatal("no Cancel while the export runs")
	}
	test.Tap(s.run.exportBtn)
	close(release)
	u.jobs.wait()
	s.run.hold = nil
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("a cancelled export left %v", left)
	}
	if n, _ := db.CountAudit(bg, wub.AuditFilter{Entity: "handover_export"}); n != 0 {
		t.Errorf("a cancelled export has %d audit rows", n)
	}
	if !strings.Contains(u.nav.status.Text, "dibatalkan") || s.exportBar.Visible() || s.exportBtn.Disabled() {
		t.Errorf("after cancel: status %q, bar %v", u.nav.status.Text, s.exportBar.Visible())
	}
	s.exportTo(out)
	u.jobs.wait()
	if _, err := os.Stat(out); err != nil {
		t.Errorf("export after a cancelled one: %v", err)
	}
}
