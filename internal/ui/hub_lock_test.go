package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"wubdesk/internal/app"
	"wubdesk/internal/wub"
)

// TestLockedMonthRefusalOffersReopen: in the real window, changing the sex
// of a person counted in an accepted month is refused with a message that
// names the month and offers "minta buka kembali"; a phone number is saved;
// Kirim Laporan shows the month as accepted with the same offer.
func TestLockedMonthRefusalOffersReopen(t *testing.T) {
	u, db := newTestUI(t, true)
	seedTwoAgencies(t, db) // Disperindag, May 2024
	if err := db.SetSettings(bg, map[string]string{app.SettingHubURL: "https://127.0.0.1:9", app.SettingHubToken: "t"}); err != nil {
		t.Fatal(err)
	}
	if err := db.SetMonthStates(bg, []wub.MonthReview{{Agency: wub.DISPERINDAG, Month: "2024-05", State: wub.MonthAccepted,
		Code: "ABCD-1234", DecidedBy: "ekonomi"}}); err != nil {
		t.Fatal(err)
	}
	s := peserta(t, u)
	open := func() {
		s.table.selectRow(0)
		s.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		u.jobs.wait()
		if s.form == nil {
			t.Fatal("the record did not open")
		}
	}
	open()
	nik := s.form.orig.NIK
	s.form.phone.SetText("081299990000")
	saveAnyway(u, s)
	if u.lastLock != nil {
		t.Fatalf("phone correction refused: %s", u.lastLock.msg.Text)
	}
	if got, _ := db.TraineeByNIK(bg, nik); got.Phone != "081299990000" {
		t.Fatalf("phone not saved: %q", got.Phone)
	}
	open()
	if s.form.orig.Sex == "L" {
		s.form.sex.setCode("P")
	} else {
		s.form.sex.setCode("L")
	}
	s.form.changed("sex")
	saveAnyway(u, s)
	if u.lastLock == nil {
		t.Fatal("no lock message")
	}
	msg := u.lastLock.msg.Text
	if !strings.Contains(msg, "Mei 2024") || !strings.Contains(msg, "minta buka kembali") {
		t.Fatalf("lock message %q", msg)
	}
	if u.lastLock.askBtn.Text != "Minta buka kembali…" || u.lastLock.askBtn.Hidden {
		t.Fatalf("reopen offer %q", u.lastLock.askBtn.Text)
	}
	if got, _ := db.TraineeByNIK(bg, nik); got.Sex != s.form.orig.Sex {
		t.Fatal("the refused change was saved")
	}
	test.Tap(u.lastLock.askBtn) // the reason dialog opens

	k := kirim(t, u)
	k.shown()
	u.jobs.wait()
	if !strings.Contains(k.hub.state.Text, "Diterima (dikunci)") || !strings.Contains(k.hub.state.Text, "ABCD-1234") {
		t.Fatalf("Kirim Laporan state %q", k.hub.state.Text)
	}
	if k.hub.reopenBtn.Hidden || k.hub.sendCheck.Hidden || k.hub.pdfBtn.Hidden {
		t.Fatal("reopen offer, send box or berita acara hidden for an enrolled office")
	}
	path := filepath.Join(t.TempDir(), "ba.pdf")
	k.hub.writeReceipt(wub.DISPERINDAG, k.period(), path)
	u.jobs.wait()
	if b, err := os.ReadFile(path); err != nil || !strings.HasPrefix(string(b), "%PDF") {
		t.Fatalf("berita acara: %v", err)
	}
}

// saveAnyway saves the open form, answering "Simpan dengan peringatan?"
// (the seeded people have no kecamatan) with Enter.
func saveAnyway(u *App, s *traineesScreen) {
	s.form.save()
	u.jobs.wait()
	if s.form != nil && s.form.warnDialog != nil {
		u.dialogKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		u.jobs.wait()
	}
}
