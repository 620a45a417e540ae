package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"wubdesk/internal/app"
	"wubdesk/internal/hub/hubtest"
	"wubdesk/internal/hubsync"
	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

// TestHubPanelEnrolSyncAndFacts: Pengaturan → Register kabupaten against a
// real hub: enrol with the address and the code (the fingerprint shown),
// the first sync runs, the state is in words; the trainee form warns that
// another agency (an office of DKPP on the same hub) trained the NIK; with
// the hub down "Sinkronkan sekarang" reports it in words and the window
// keeps working.
func TestHubPanelEnrolSyncAndFacts(t *testing.T) {
	h := hubtest.Start(t)
	// Another agency's office, enrolled and synced, holds Siti's NIK.
	other, err := store.Open(filepath.Join(t.TempDir(), "dkpp.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if err := other.SetOffice(bg, wub.Office{AgencyCode: wub.DKPP}); err != nil {
		t.Fatal(err)
	}
	seed(t, other, "3528045203950001", "Siti Aminah", wub.DKPP, 2022)
	oa := app.New(other)
	if _, err := oa.Enrol(bg, h.URL, h.AddOffice(t, wub.DKPP), ""); err != nil {
		t.Fatal(err)
	}
	if _, err := oa.Sync(bg, app.SyncOptions{}); err != nil {
		t.Fatal(err)
	}

	u, db := newTestUI(t, true)
	seed(t, db, "3528041203900002", "Moh. Rofiq", wub.DISPERINDAG, 2024)
	u.nav.show("pengaturan")
	u.jobs.wait()
	p := u.nav.screen("pengaturan").(*settingsScreen).hub
	if p.link.Text != T("sync.not_enrolled") || !p.syncNow.Disabled() {
		t.Fatalf("before enrolment: %q, sync enabled %v", p.link.Text, !p.syncNow.Disabled())
	}
	test.Type(p.hub, h.URL)
	test.Tap(p.check)
	u.jobs.wait()
	if !strings.Contains(p.fp.Text, hubsync.FormatPin(h.Fingerprint)) {
		t.Fatalf("fingerprint shown: %q", p.fp.Text)
	}
	test.Type(p.code, h.AddOffice(t, wub.DISPERINDAG))
	test.Tap(p.enrol)
	u.jobs.wait()
	if !strings.Contains(p.link.Text, "Terdaftar di "+h.URL) {
		t.Fatalf("after enrolment: %q / %q", p.link.Text, p.fp.Text)
	}
	if p.state.Text != "tersinkron baru saja · 0 perubahan menunggu" || p.errMsg.Visible() {
		t.Fatalf("state after the first sync: %q, error %q", p.state.Text, p.errMsg.Text)
	}

	s := peserta(t, u)
	s.newTrainee()
	f := s.form
	test.Type(f.nik, "3528045203950001")
	u.jobs.wait()
	if !f.facts.label.Visible() || !strings.Contains(f.facts.label.Text, "sudah dilatih") || !strings.Contains(f.facts.label.Text, "2022") {
		t.Fatalf("facts note %q visible=%v", f.facts.label.Text, f.facts.label.Visible())
	}

	// The hub goes down: the window still saves, the panel says why.
	h.StopServer()
	fillValid(f, "3528045203950001", "Siti Aminah")
	test.Type(f.nik, "")
	f.nik.SetText("3528041203950003")
	f.save()
	u.jobs.wait()
	u.nav.show("pengaturan")
	test.Tap(p.syncNow)
	u.jobs.wait()
	if !p.errMsg.Visible() || !strings.Contains(p.errMsg.Text, "tidak dapat dihubungi") {
		t.Fatalf("hub down: %q", p.errMsg.Text)
	}
	if !strings.Contains(p.state.Text, "perubahan menunggu") || strings.Contains(p.state.Text, " 0 perubahan") {
		t.Fatalf("state with the hub down: %q", p.state.Text)
	}
}
