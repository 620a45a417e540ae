package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// The handover preview shows a progress bar and can be cancelled.
func TestHandoverPreviewProgressAndCancel(t *testing.T) {
	u, _ := newTestUI(t, true)
	pkg := handoverPackage(t)
	s := handoverScreenOf(t, u)
	release := make(chan struct{})
	s.run.hold = func() { <-release }
	s.load(pkg)
	if !s.importBar.Visible() || !s.run.importBtn.Visible() || s.run.importBtn.Disabled() {
		t.Fatal("no progress bar or Batal while the package is checked")
	}
	test.Tap(s.run.importBtn)
	close(release)
	u.jobs.wait()
	s.run.hold = nil
	if s.preview != nil || !strings.Contains(s.pkgLabel.Text, "dibatalkan") || s.importBar.Visible() {
		t.Fatalf("after Batal: preview %v, label %q", s.preview != nil, s.pkgLabel.Text)
	}
	// Checked again, with counts on the way, it previews.
	var seen []string
	s.load(pkg)
	seen = append(seen, s.pkgLabel.Text)
	u.jobs.wait()
	if s.preview == nil || s.importBar.Visible() {
		t.Fatalf("no preview after the second check: %s (%v)", s.pkgLabel.Text, seen)
	}
}
