package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"wubdesk/internal/wub"
)

// TestLulusNeedsItsCompletionDate is issue 17's first finding: a trainee
// added as Lulus with both dates empty used to save without a word and be
// counted in January. The form now shows the enrolment date (the day
// entered), offers a completion date when Lulus is chosen, and refuses Lulus
// without one.
func TestLulusNeedsItsCompletionDate(t *testing.T) {
	u, db := newTestUI(t, true)
	s := peserta(t, u)
	u.dispatch(actionNew)
	f := s.form
	fillValid(f, "3528045203950001", "Siti Aminah")
	r := f.enrols[0]
	if r.enrolled.Text != "01/06/2024" {
		t.Errorf("enrolment date shown %q, want the day entered 01/06/2024", r.enrolled.Text)
	}
	r.status.setCode(wub.StatusTrained)
	if r.completed.Text != "01/06/2024" {
		t.Errorf("completion date offered %q, want 01/06/2024", r.completed.Text)
	}
	// The clerk empties both dates: nothing is saved, the row says why.
	r.completed.SetText("")
	r.enrolled.SetText("")
	f.save()
	u.jobs.wait()
	if s.form == nil {
		t.Fatal("Lulus without dates was saved")
	}
	if got, _ := db.TraineeByNIK(bg, "3528045203950001"); got != nil {
		t.Fatalf("stored %+v", got)
	}
	msg := r.msg.msg.Text
	if !strings.Contains(msg, "tanggal selesai") || !strings.Contains(msg, "Tanggal daftar belum diisi") {
		t.Errorf("row message %q", msg)
	}
	test.Type(r.enrolled, "02/05/2024")
	test.Type(r.completed, "20/05/2024")
	f.save()
	u.jobs.wait()
	if s.form != nil {
		t.Fatalf("not saved: %v", f.check())
	}
	got, _ := db.TraineeByNIK(bg, "3528045203950001")
	if got == nil || wub.ISO(got.Enrolments[0].CompletedOn) != "2024-05-20" || wub.ISO(got.Enrolments[0].EnrolledOn) != "2024-05-02" {
		t.Fatalf("stored %+v", got)
	}
	// Keluar needs its date too.
	u.dispatch(actionNew)
	f = s.form
	fillValid(f, "3528044506880003", "Nur Aini")
	f.enrols[0].status.setCode(wub.StatusDropped)
	f.enrols[0].completed.SetText("")
	f.save()
	u.jobs.wait()
	if s.form == nil || !strings.Contains(f.enrols[0].msg.msg.Text, "tanggal keluar") {
		t.Fatalf("Keluar without a date: form %v, message %q", s.form != nil, f.enrols[0].msg.msg.Text)
	}
}

// TestDataToComplete lists a record saved without its dates (as older
// versions and imports did), opens it from the list, and lets an unrelated
// edit through with a warning while the date stays missing.
func TestDataToComplete(t *testing.T) {
	u, db := newTestUI(t, true)
	id := seed(t, db, "3528045203950001", "Siti Aminah", wub.DISPERINDAG, 2024)
	s := peserta(t, u)
	s.shown()
	u.jobs.wait()
	if s.undated.btn.Hidden || !strings.Contains(s.undated.btn.Text, "(1)") {
		t.Fatalf("button %q hidden %v", s.undated.btn.Text, s.undated.btn.Hidden)
	}
	s.undated.open()
	if n := s.undated.list.Length(); n != 1 || !strings.Contains(s.undated.line(s.undated.rows[0]), "Siti Aminah") {
		t.Fatalf("%d rows: %v", n, s.undated.rows)
	}
	s.undated.list.Select(0)
	u.jobs.wait()
	if s.form == nil || s.form.orig.ID != id {
		t.Fatal("the row did not open the trainee")
	}
	f := s.form
	f.phone.SetText("081299998888")
	f.save()
	u.jobs.wait()
	if s.form != nil {
		t.Fatalf("an unrelated edit is blocked by the old missing date: %v", f.check())
	}
	if _, n, _ := db.UndatedEnrolments(bg, 10); n != 1 {
		t.Errorf("%d undated after the edit, want 1 (no date was made up)", n)
	}
}
