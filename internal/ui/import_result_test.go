package ui

import (
	"strings"
	"testing"

	"wubdesk/internal/wub"
)

// Issue 16: another office's file is named before the import, and the
// import asks once more; the agency picker names agencies for the year.
func TestImportScreenWrongOffice(t *testing.T) {
	u, db := newTestUI(t, true)
	s := importScreenOf(t, u)
	s.load(importFixtures + "grouped.xlsx") // Disperindag 2023
	u.jobs.wait()
	if s.rep == nil || s.rep.Accepted != 7 {
		t.Fatalf("preview: %v %s", s.rep, s.fileLabel.Text)
	}
	if !s.notice.Visible() || !strings.Contains(s.notice.Text, "baris 16") || !strings.Contains(s.notice.Text, "Kolom tersembunyi") {
		t.Errorf("notice %q", s.notice.Text)
	}
	s.year.SetText("2022")
	s.agency.setCode(wub.DISKOPUKM)
	if !strings.Contains(s.notice.Text, "DISPERINDAG") || !strings.Contains(s.notice.Text, "2023") {
		t.Errorf("notice does not name the title's agency and year: %q", s.notice.Text)
	}
	if s.agency.Selected != "Diskop UKM" {
		t.Errorf("agency in 2022 shown as %q", s.agency.Selected)
	}
	s.year.SetText("2024")
	if s.agency.Selected != "Diskop UKM dan Naker" || s.agency.code() != wub.DISKOPUKM {
		t.Errorf("agency in 2024 shown as %q (%s)", s.agency.Selected, s.agency.code())
	}
	s.year.SetText("2022")
	test := u.win.Canvas().Overlays().Top()
	if test != nil {
		t.Fatal("a dialog is open already")
	}
	s.commit()
	if u.win.Canvas().Overlays().Top() == nil || !strings.Contains(s.targetQuestion, "Diskop UKM, tahun program 2022") ||
		!strings.Contains(s.targetQuestion, "7 baris") {
		t.Fatalf("no second question, or a vague one: %q", s.targetQuestion)
	}
	if n, _ := db.CountTrainees(bg, wub.TraineeFilter{}); n != 0 {
		t.Fatalf("imported before the clerk answered: %d", n)
	}
	u.win.Canvas().Overlays().Top().Hide()
	s.runCommit() // what "Ya, impor" does
	u.jobs.wait()
	if n, _ := db.CountTrainees(bg, wub.TraineeFilter{}); n != 7 {
		t.Fatalf("%d trainees after the import", n)
	}
	if s.done == nil || !s.importBtn.Disabled() || !strings.HasPrefix(s.summary.Text, "Sudah diimpor: 7 baru") {
		t.Errorf("result not shown: %q", s.summary.Text)
	}
}

// Other sheets with a trainee table: named, and imported all at once, one
// transaction per sheet; the hidden sheet is left alone.
func TestImportScreenAllSheets(t *testing.T) {
	u, db := newTestUI(t, true)
	s := importScreenOf(t, u)
	s.load(importFixtures + "group_header.xlsx")
	u.jobs.wait()
	if s.rep == nil || s.rep.Sheet != "ANGKATAN 1" || !s.allBtn.Visible() || s.allBtn.Disabled() ||
		!strings.Contains(s.notice.Text, "ANGKATAN 2") {
		t.Fatalf("other tables not offered: notice %q, button %v", s.notice.Text, s.allBtn.Visible())
	}
	if s.agency.code() != wub.DISKOPUKM || s.year.Text != "2022" {
		t.Fatalf("agency %q year %q", s.agency.code(), s.year.Text)
	}
	s.importAll()
	u.jobs.wait()
	if n, _ := db.CountTrainees(bg, wub.TraineeFilter{}); n != 5 {
		t.Fatalf("%d trainees, want 3 + 2", n)
	}
	if s.done == nil || len(s.done.sheets) != 2 || s.allBtn.Visible() ||
		!strings.Contains(s.notice.Text, `"ANGKATAN 2": 2 peserta baru`) {
		t.Errorf("result: %q", s.notice.Text)
	}
	if tr, _ := db.TraineeByNIK(bg, "3528090303950007"); tr != nil {
		t.Error("the hidden sheet was imported")
	}
}
