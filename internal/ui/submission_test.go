package ui

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"wubdesk/internal/store"
	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

func kirim(t *testing.T, u *App) *submissionScreen {
	t.Helper()
	s, ok := u.nav.screen("kirim").(*submissionScreen)
	if !ok {
		t.Fatal("no Kirim Laporan screen")
	}
	u.jobs.wait()
	return s
}

func konsolidasi(t *testing.T, u *App) *consolidateScreen {
	t.Helper()
	s, ok := u.nav.screen("konsolidasi").(*consolidateScreen)
	if !ok {
		t.Fatal("no Konsolidasi screen")
	}
	u.jobs.wait()
	return s
}

// seedTwoAgencies stores two people trained by Disperindag in May 2024, one
// of them also by DKP.
func seedTwoAgencies(t *testing.T, db *store.DB) {
	t.Helper()
	may := time.Date(2024, 5, 20, 0, 0, 0, 0, time.UTC)
	for _, tr := range []*wub.Trainee{
		{NIK: "3528045203950001", Name: "Siti Aminah", Sex: "P", Enrolments: []wub.Enrolment{
			{AgencyCode: wub.DISPERINDAG, Year: 2024, Status: wub.StatusTrained, CompletedOn: may},
			{AgencyCode: wub.DKP, Year: 2024, Status: wub.StatusTrained, CompletedOn: may}}},
		{NIK: "3528040101900001", Name: "Moh. Hasan", Sex: "L", Enrolments: []wub.Enrolment{
			{AgencyCode: wub.DISPERINDAG, Year: 2024, Status: wub.StatusRegistered, EnrolledOn: may}}},
	} {
		if _, err := db.CreateTrainee(bg, tr); err != nil {
			t.Fatal(err)
		}
	}
}

func TestKirimLaporanExportsTheMonth(t *testing.T) {
	u, db := newTestUI(t, true)
	seedTwoAgencies(t, db)
	s := kirim(t, u)
	// The clock says 1 June 2024: the month just ended is May.
	if s.year.Selected != "2024" || s.month.Selected != "Mei" {
		t.Fatalf("default month %s %s", s.month.Selected, s.year.Selected)
	}
	u.jobs.wait()
	if !strings.Contains(s.info.Text, "2 peserta") {
		t.Errorf("preview %q", s.info.Text)
	}
	if s.fileName() != "WUB_DISPERINDAG_2024-05.xlsx" {
		t.Errorf("file name %s", s.fileName())
	}
	path := filepath.Join(t.TempDir(), s.fileName())
	s.exportTo(path)
	u.jobs.wait()
	r := xlsx.ReadSubmissionFile(path)
	if !r.OK() || r.Meta.Period != "2024-05" || r.Meta.AgencyCode != wub.DISPERINDAG || len(r.Rows) != 2 {
		t.Fatalf("exported %+v %v", r.Meta, r.Err)
	}
	if s.progress.Value != 1 || !strings.Contains(s.result.Text, path) || !strings.Contains(s.result.Text, r.Meta.DataSHA256) {
		t.Errorf("progress %v, result %q", s.progress.Value, s.result.Text)
	}
	if !strings.Contains(u.nav.status.Text, s.fileName()) {
		t.Errorf("status %q", u.nav.status.Text)
	}
	if s.cancelBtn.Visible() {
		t.Error("the cancel button stays after the export")
	}
	// Cancelled while it runs: no file, a note, the button back.
	cancelled := filepath.Join(t.TempDir(), "batal.xlsx")
	release := make(chan struct{})
	s.hold = func() { <-release }
	s.exportTo(cancelled)
	if !s.cancelBtn.Visible() || !s.exportBtn.Disabled() {
		t.Fatal("no cancel button while exporting")
	}
	test.Tap(s.cancelBtn)
	close(release)
	u.jobs.wait()
	s.hold = nil
	if _, err := os.Stat(cancelled); !os.IsNotExist(err) {
		t.Errorf("a cancelled export left a file: %v", err)
	}
	if s.exportBtn.Disabled() || s.cancelBtn.Visible() || !strings.Contains(u.nav.status.Text, "dibatalkan") {
		t.Errorf("after cancel: export disabled %v, cancel visible %v, status %q", s.exportBtn.Disabled(), s.cancelBtn.Visible(), u.nav.status.Text)
	}
	// A year the agency did not run the program cannot be exported.
	u.office.AgencyCode = wub.DPMPTSP
	s.year.SetSelected("2024")
	s.refresh()
	if !s.exportBtn.Disabled() || !strings.Contains(s.info.Text, "tidak menjalankan") {
		t.Errorf("DPMPTSP 2024: button enabled %v, info %q", !s.exportBtn.Disabled(), s.info.Text)
	}
}

func TestKonsolidasiReadsFilesAndRemembers(t *testing.T) {
	u, db := newTestUI(t, true)
	seedTwoAgencies(t, db)
	dir := t.TempDir()
	as, _ := db.Agencies(bg)
	write := func(code string, at time.Time) string {
		a, _ := as.ByCode(code)
		p := filepath.Join(dir, code+at.Format("0102")+".xlsx")
		m := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
		err := xlsx.WriteFile(p, func(w io.Writer) error {
			_, err := xlsx.WriteSubmission(w, xlsx.Submission{Agency: a, Month: m, Now: at},
				func(emit func(*wub.Trainee, *wub.Enrolment) error) error {
					return db.SubmissionRows(bg, code, 2024, wub.EndOfMonth(m), emit)
				})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	dis := write(wub.DISPERINDAG, time.Date(2024, 6, 5, 1, 0, 0, 0, time.UTC))
	dkp := write(wub.DKP, time.Date(2024, 6, 6, 1, 0, 0, 0, time.UTC))
	tampered := filepath.Join(dir, "diubah.xlsx")
	f, _ := excelize.OpenFile(dkp)
	f.SetCellStr("Peserta", "D2", "Orang Lain")
	f.SaveAs(tampered)
	f.Close()

	s := konsolidasi(t, u)
	if !strings.Contains(s.summary.Text, "Belum ada laporan") {
		t.Errorf("empty summary %q", s.summary.Text)
	}
	// Stopped after the first file: that one is kept, the second is not read.
	arrived, proceed := make(chan struct{}), make(chan struct{})
	s.hold = func(i int) {
		if i == 1 {
			arrived <- struct{}{}
			<-proceed
		}
	}
	s.addPaths([]string{dis, dkp})
	<-arrived // the first file is stored, the second is next
	if !s.cancelBtn.Visible() {
		t.Fatal("no cancel button while reading")
	}
	test.Tap(s.cancelBtn)
	close(proceed)
	u.jobs.wait()
	s.hold = nil
	if !strings.Contains(u.nav.status.Text, "Dihentikan: 1 dari 2 berkas dibaca (1 diterima") || s.cancelBtn.Visible() {
		t.Errorf("after stop: status %q, cancel visible %v", u.nav.status.Text, s.cancelBtn.Visible())
	}
	if kept, _ := db.ReceivedSubmissions(bg, 2024); len(kept) != 1 {
		t.Fatalf("%d submissions kept after the stop, want 1", len(kept))
	}
	s.addPaths([]string{dis, dkp, tampered})
	u.jobs.wait()
	c := s.result
	if c == nil || c.People != 1 || c.Enrolments != 2 || len(c.Duplicates) != 1 {
		t.Fatalf("result %+v", c)
	}
	if !strings.Contains(u.nav.status.Text, "3 berkas dibaca: 1 diterima, 1 sudah pernah diterima, 1 ditolak") {
		t.Errorf("status %q", u.nav.status.Text)
	}
	if got := s.views.dupText(0, 2); !strings.Contains(got, "Disperindag 2024 (Lulus)") || !strings.Contains(got, "DKP 2024 (Lulus)") {
		t.Errorf("duplicate row %q", got)
	}
	refusedNote := ""
	for i, fr := range c.Files {
		if fr.Status == xlsx.FileRefused {
			refusedNote = s.views.fileText(i, 6)
		}
	}
	if !strings.Contains(refusedNote, "diubah setelah diekspor") {
		t.Errorf("refused note %q", refusedNote)
	}
	if !strings.Contains(s.summary.Text, "1 orang lulus") || !strings.Contains(s.summary.Text, "1 berkas ditolak") {
		t.Errorf("summary %q", s.summary.Text)
	}
	stored, _ := db.ReceivedSubmissions(bg, 2024)
	if len(stored) != 2 {
		t.Errorf("%d submissions stored, want 2", len(stored))
	}

	// Disperindag sends May again with one more person: the calendar shows
	// a replaced month and Perubahan lists the addition.
	b := time.Date(1999, 9, 9, 0, 0, 0, 0, time.UTC)
	if _, err := db.CreateTrainee(bg, &wub.Trainee{NIK: "3528050909990007", Name: "Baru Mei", Sex: "L", BirthDate: b,
		Enrolments: []wub.Enrolment{{AgencyCode: wub.DISPERINDAG, Year: 2024, Status: wub.StatusTrained,
			CompletedOn: time.Date(2024, 5, 30, 0, 0, 0, 0, time.UTC)}}}); err != nil {
		t.Fatal(err)
	}
	again := write(wub.DISPERINDAG, time.Date(2024, 6, 12, 1, 0, 0, 0, time.UTC))
	s.addPaths([]string{again, dis}) // dis was stored already
	u.jobs.wait()
	if len(s.views.changeRows) != 1 || s.views.changeRows[0][2] != "Ditambah" || s.views.changeRows[0][4] != "Baru Mei" {
		t.Errorf("changes %q", s.views.changeRows)
	}
	for i, row := range s.result.Calendar {
		if row.Agency != wub.DISPERINDAG {
			continue
		}
		may := calendarTexts(s.views.calendar.Objects[1+i])[4]
		if may != "Diganti 1× 12/06" {
			t.Errorf("calendar May %q", may)
		}
	}

	// A new session (another day) remembers what was received.
	u2 := newApp(test.NewTempApp(t), Options{DBPath: "x.db", Lang: "id"}, true)
	office, _ := db.Office(bg)
	u2.UseDB(db, office, as)
	u2.jobs.wait()
	s2 := konsolidasi(t, u2)
	if s2.result == nil || len(s2.result.Changes) != 1 || s2.result.People != 2 {
		t.Errorf("after restart: %+v", s2.result)
	}

	out := filepath.Join(t.TempDir(), "rekap.xlsx")
	s2.saveTo(out)
	u2.jobs.wait()
	if fi, err := os.Stat(out); err != nil || fi.Size() < 5000 {
		t.Errorf("saved workbook: %v", err)
	}
}

func TestGoldenSubmissionScreens(t *testing.T) {
	u, db := newTestUI(t, true)
	seedTwoAgencies(t, db)
	kirim(t, u)
	assertScreenMarkup(t, u, "kirim.xml")
	dir := t.TempDir()
	var paths []string
	for _, code := range []string{wub.DISPERINDAG, wub.DKP} {
		p := filepath.Join(dir, code+".xlsx")
		as, _ := db.Agencies(bg)
		a, _ := as.ByCode(code)
		m := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
		if err := xlsx.WriteFile(p, func(w io.Writer) error {
			_, err := xlsx.WriteSubmission(w, xlsx.Submission{Agency: a, Month: m, Now: time.Date(2024, 6, 4, 2, 0, 0, 0, time.UTC)},
				func(emit func(*wub.Trainee, *wub.Enrolment) error) error {
					return db.SubmissionRows(bg, code, 2024, wub.EndOfMonth(m), emit)
				})
			return err
		}); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	s := konsolidasi(t, u)
	s.addPaths(paths)
	u.jobs.wait()
	assertScreenMarkup(t, u, "konsolidasi.xml")
	s.tabs.SelectIndex(2)
	assertScreenMarkup(t, u, "konsolidasi_kalender.xml")
}

// calendarTexts returns the text of each month cell of a calendar row.
func calendarTexts(row fyne.CanvasObject) []string {
	grid := row.(*fyne.Container).Objects[0].(*fyne.Container)
	var out []string
	for _, cell := range grid.Objects {
		lines := cell.(*fyne.Container).Objects[1].(*fyne.Container).Objects[0].(*fyne.Container).Objects
		out = append(out, strings.TrimSpace(lines[0].(*canvas.Text).Text+" "+lines[1].(*canvas.Text).Text))
	}
	return out
}
