package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

const importFixtures = "../xlsx/testdata/"

func importScreenOf(t *testing.T, u *App) *importScreen {
	t.Helper()
	s, ok := u.nav.screen("impor").(*importScreen)
	if !ok {
		t.Fatal("no Impor screen")
	}
	u.jobs.wait()
	return s
}

// columnSelect is the field chooser of a header column in the mapping list.
func columnSelect(s *importScreen, col int) *widget.Select {
	return s.columns.Objects[col].(*fyne.Container).Objects[1].(*widget.Select)
}

func TestImportScreenPreviewMappingCommit(t *testing.T) {
	u, db := newTestUI(t, true)
	s := importScreenOf(t, u)
	if !s.importBtn.Disabled() || !s.errorsBtn.Disabled() {
		t.Fatal("buttons enabled before a file is chosen")
	}
	s.load(importFixtures + "office_2022.xlsx")
	u.jobs.wait()
	if s.rep == nil {
		t.Fatalf("no preview: %s", s.fileLabel.Text)
	}
	if s.sheet.Selected != "DATA PESERTA" || !strings.HasPrefix(s.title.Text, "Judul kolom s.d. baris 6 · Judul berkas: DAFTAR PESERTA") ||
		s.year.Text != "2022" || s.agency.code() != wub.DISPERINDAG {
		t.Errorf("detected sheet %q, %q, year %q, agency %q", s.sheet.Selected, s.title.Text, s.year.Text, s.agency.code())
	}
	// Every accepted row is Lulus without a completion date: all 9 carry
	// the warning that the file's date is used (issue 17).
	if s.summary.Text != "9 diterima · 7 ditolak · 9 dengan peringatan · 7 dilewati" || s.importBtn.Text != "Impor 9 baris" ||
		s.importBtn.Disabled() || s.errorsBtn.Disabled() {
		t.Errorf("summary %q, button %q", s.summary.Text, s.importBtn.Text)
	}
	if got := columnSelect(s, 4).Selected; got != "Tempat, tanggal lahir" {
		t.Errorf("column E read as %q", got)
	}

	// The rejected rows, with their reasons in Indonesian.
	s.filter.SetSelectedIndex(viewRejected)
	if len(s.view) != 7 || s.cellText(0, 0) != "12" || s.cellText(0, 1) != "Ditolak" ||
		!strings.Contains(s.cellText(0, 4), "Excel hanya menyimpan 15 digit") {
		t.Errorf("rejected view: %d rows, first %q %q %q", len(s.view), s.cellText(0, 0), s.cellText(0, 1), s.cellText(0, 4))
	}
	s.filter.SetSelectedIndex(viewSkipped)
	if len(s.view) != 7 || s.cellText(2, 4) != "Baris jumlah atau sub total" {
		t.Errorf("skipped view: %d rows, %q", len(s.view), s.cellText(2, 4))
	}

	// Not reading column E (TTL): birth dates come from the NIK, and the row
	// with an impossible date is accepted.
	columnSelect(s, 4).SetSelectedIndex(0)
	u.jobs.wait()
	if _, ok := s.rep.Mapping[xlsx.FieldTTL]; ok || s.rep.Accepted != 10 {
		t.Errorf("after unmapping TTL: mapping %v, accepted %d", s.rep.Mapping, s.rep.Accepted)
	}
	columnSelect(s, 4).SetSelected("Tempat, tanggal lahir")
	u.jobs.wait()
	if s.rep.Accepted != 9 {
		t.Fatalf("after mapping TTL again: accepted %d", s.rep.Accepted)
	}

	test.Tap(s.importBtn)
	u.jobs.wait()
	if n, _ := db.CountTrainees(bg, wub.TraineeFilter{}); n != 9 {
		t.Fatalf("%d trainees after import", n)
	}
	if !strings.Contains(u.nav.status.Text, "9 peserta baru") {
		t.Errorf("status %q", u.nav.status.Text)
	}
	// The result is shown, not a fresh preview where every row is registered.
	if s.done == nil || !s.importBtn.Disabled() || s.summary.Text != "Sudah diimpor: 9 baru · 0 diperbarui · 7 ditolak · 7 dilewati" ||
		s.errorsBtn.Disabled() || !strings.Contains(s.notice.Text, "9 peserta baru") {
		t.Errorf("after the import: summary %q, notice %q, import enabled %v", s.summary.Text, s.notice.Text, !s.importBtn.Disabled())
	}

	// The error report, then imported again: the same rows, still rejected.
	path := filepath.Join(t.TempDir(), "ditolak.xlsx")
	s.writeErrors(path)
	u.jobs.wait()
	back, err := xlsx.PreviewFile(bg, path, xlsx.Options{Register: db})
	if err != nil || back.Rejected != 7 {
		t.Fatalf("error report: %v, %+v", err, back)
	}
}

func TestImportScreenUpdateExisting(t *testing.T) {
	u, db := newTestUI(t, true)
	seed(t, db, "3528045203950001", "Siti", wub.DISKOPUKM, 2021)
	s := importScreenOf(t, u)
	s.load(importFixtures + "office_2022.xlsx")
	u.jobs.wait()
	if s.rep.Rejected != 8 {
		t.Fatalf("rejected %d, want 8 (row 8 registered)", s.rep.Rejected)
	}
	s.update.SetChecked(true)
	u.jobs.wait()
	if s.rep.Rejected != 7 || s.rep.Updates != 1 || s.importBtn.Text != "Impor 9 baris" {
		t.Fatalf("with update: rejected %d, updates %d, %q", s.rep.Rejected, s.rep.Updates, s.importBtn.Text)
	}
	s.commit()
	u.jobs.wait()
	tr, _ := db.TraineeByNIK(bg, "3528045203950001")
	if tr == nil || tr.Name != "Siti Aminah" || len(tr.Enrolments) != 2 {
		t.Errorf("updated trainee %+v", tr)
	}
}

func TestImportScreenRefusesFiles(t *testing.T) {
	u, _ := newTestUI(t, true)
	s := importScreenOf(t, u)
	b, err := os.ReadFile(importFixtures + "old.xls")
	if err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(t.TempDir(), "rusak.xls") // an .xls the reader cannot read
	if err := os.WriteFile(broken, b[:1536], 0o644); err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string]string{broken: "Simpan Sebagai", importFixtures + "encrypted.xlsx": "kata sandi"} {
		s.load(file)
		u.jobs.wait()
		if s.rep != nil || !strings.Contains(s.fileLabel.Text, want) || !s.importBtn.Disabled() {
			t.Errorf("%s: %q", file, s.fileLabel.Text)
		}
	}
}

func TestDropOpensImport(t *testing.T) {
	u, _ := newTestUI(t, true)
	abs, err := filepath.Abs(importFixtures + "two_sheets.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	u.dropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI("/tmp/notes.txt"), storage.NewFileURI(abs)})
	u.jobs.wait()
	s, ok := u.current.(*importScreen)
	if !ok || s.rep == nil || s.rep.Sheet != "2021" {
		t.Fatalf("drop did not open the file in Impor (current %T)", u.current)
	}
	// Two data sheets: the clerk can pick the other one.
	if len(s.sheet.Options) != 2 {
		t.Fatalf("sheets offered: %v", s.sheet.Options)
	}
	s.sheet.SetSelected("2022")
	u.jobs.wait()
	if s.rep.Sheet != "2022" || s.rep.Accepted != 2 || s.year.Text != "2021" {
		// The year the clerk confirmed (2021, from the first sheet) stays.
		t.Errorf("sheet %q accepted %d year %q", s.rep.Sheet, s.rep.Accepted, s.year.Text)
	}
}
