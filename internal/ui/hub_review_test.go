package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"wubdesk/internal/app"
	"wubdesk/internal/hub/hubtest"
	"wubdesk/internal/hubapi"
	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

// TestHubReviewScreen drives the economic section's window with real
// widgets against a real hub: sign in, open Disperindag's May in the
// calendar, a return without a note is refused, a return with one goes,
// the office sends again, a second reviewer's decision in between is a
// clear conflict, the acceptance locks the month and offers the berita
// acara, which is written as PDF.
func TestHubReviewScreen(t *testing.T) {
	h := hubtest.Start(t)
	h.AddUser(t, "ekonomi", "sandi-ekonomi-2026", "reviewer")
	db, err := store.Open(filepath.Join(t.TempDir(), "wub.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.SetOffice(bg, wub.Office{AgencyCode: wub.DISPERINDAG})
	seedTwoAgencies(t, db)
	office := app.New(db)
	if _, err := office.Enrol(bg, h.URL, h.AddOffice(t, wub.DISPERINDAG), h.Fingerprint); err != nil {
		t.Fatal(err)
	}
	may := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	send := func() {
		t.Helper()
		if _, err := office.SendMonth(bg, wub.DISPERINDAG, may, ""); err != nil {
			t.Fatal(err)
		}
		if r, err := office.PushMonths(bg); err != nil || r.Sent != 1 {
			t.Fatalf("push %+v %v", r, err)
		}
	}
	send()

	w := newHubWindow(test.NewTempApp(t), HubOptions{URL: h.URL, Pin: h.Fingerprint, Lang: "id",
		Clock: func() time.Time { return time.Date(2024, 6, 10, 9, 0, 0, 0, time.UTC) }}, true)
	test.Type(w.signin.user, "ekonomi")
	test.Type(w.signin.password, "salah")
	test.Tap(w.signin.signBtn)
	w.jobs.wait()
	if w.tabs != nil || w.signin.msg.Text == "" {
		t.Fatal("a wrong password signed in")
	}
	w.signin.password.SetText("sandi-ekonomi-2026")
	test.Tap(w.signin.signBtn)
	w.jobs.wait()
	if w.tabs == nil {
		t.Fatalf("not signed in: %s", w.signin.msg.Text)
	}
	if !strings.Contains(w.consol.regency.Text, "Kabupaten") {
		t.Fatalf("Konsolidasi: %q", w.consol.regency.Text)
	}
	w.tabs.SelectIndex(1)
	w.jobs.wait()
	cell := w.cal.cells["DISPERINDAG 2024-05"]
	if cell == nil || cell.Text != "Terkirim !" && cell.Text != "Terkirim" {
		t.Fatalf("calendar cell %v", cell)
	}
	if c := w.cal.cells["DISPERINDAG 2024-04"]; c == nil || !strings.HasPrefix(c.Text, "—") {
		t.Fatalf("April not shown as not sent: %v", c)
	}
	test.Tap(cell)
	w.jobs.wait()
	r := w.cal.review
	if !strings.Contains(r.title.Text, "Terkirim") || r.acceptBtn.Hidden || r.returnBtn.Hidden {
		t.Fatalf("review: %q", r.title.Text)
	}
	if !strings.Contains(r.figures.Text, "Orang (NIK sekali)") {
		t.Fatalf("figures: %q", r.figures.Text)
	}
	test.Tap(r.returnBtn)
	w.jobs.wait()
	if !strings.Contains(w.status.Text, "Catatan wajib") {
		t.Fatalf("return without a note: %q", w.status.Text)
	}
	test.Type(r.note, "Lengkapi tanggal selesai Moh. Hasan")
	test.Tap(r.returnBtn)
	w.jobs.wait()
	if !strings.Contains(r.title.Text, "Dikembalikan") || !r.acceptBtn.Hidden {
		t.Fatalf("after return: %q", r.title.Text)
	}
	if err := office.RefreshMonths(bg); err != nil {
		t.Fatal(err)
	}
	if mr, _ := office.MonthReviewOf(bg, wub.DISPERINDAG, may); mr.Note != "Lengkapi tanggal selesai Moh. Hasan" {
		t.Fatalf("the office does not see the note: %+v", mr)
	}

	// Sent again; another reviewer accepts before this one decides.
	send()
	r.reload()
	w.jobs.wait()
	if _, err := h.Hub.Review(bg, "budi", hubapi.ReviewRequest{Agency: wub.DISPERINDAG, Month: "2024-05", Accept: true}); err != nil {
		t.Fatal(err)
	}
	test.Tap(r.acceptBtn)
	w.jobs.wait()
	if !strings.Contains(w.status.Text, "budi") {
		t.Fatalf("conflict not named: %q", w.status.Text)
	}
	r.reload()
	w.jobs.wait()
	if !strings.Contains(r.title.Text, "Diterima") || r.pdfBtn.Hidden || !r.acceptBtn.Hidden {
		t.Fatalf("accepted: %q", r.title.Text)
	}
	if !strings.HasPrefix(w.cal.cells["DISPERINDAG 2024-05"].Text, "Diterima") {
		t.Fatalf("calendar after acceptance: %q", w.cal.cells["DISPERINDAG 2024-05"].Text)
	}
	path := filepath.Join(t.TempDir(), "ba.pdf")
	var werr error
	r.writeReceipt(path, func(err error) { werr = err })
	w.jobs.wait()
	if b, err := os.ReadFile(path); werr != nil || err != nil || !strings.HasPrefix(string(b), "%PDF") {
		t.Fatalf("berita acara: %v %v", werr, err)
	}
	w.tabs.SelectIndex(2)
	w.jobs.wait()
	if !strings.Contains(w.quota.list.Text, "DISPERINDAG") {
		t.Fatalf("Kuota: %q", w.quota.list.Text)
	}
	w.tabs.SelectIndex(3)
	w.jobs.wait()
	if w.dups.list.Text == "" {
		t.Fatal("duplicate queue empty")
	}
}

func TestHubLinesInTheChosenLanguage(t *testing.T) {
	line := "DKPP: 2024-05 belum diterima — tidak ada di angka dilaporkan / not accepted yet — not in the reported figure"
	defer SetLanguage(Language())
	SetLanguage("id")
	if got := inLanguage(line); got != "DKPP: 2024-05 belum diterima — tidak ada di angka dilaporkan" {
		t.Fatalf("id: %q", got)
	}
	SetLanguage("en")
	if got := inLanguage(line); got != "DKPP: not accepted yet — not in the reported figure" {
		t.Fatalf("en: %q", got)
	}
	if got := inLanguage("plain line"); got != "plain line" {
		t.Fatalf("plain: %q", got)
	}
}
