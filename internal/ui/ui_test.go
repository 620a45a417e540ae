package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

var bg = context.Background()

// newTestUI opens a real database in a temp folder and shows the app over
// it with Fyne's test driver. configured=false leaves the office unset.
func newTestUI(t *testing.T, configured bool) (*App, *store.DB) {
	t.Helper()
	return newTestUIAt(t, configured, testClock)
}

// testClock is the UI suite's fixed "now": golden files and expectations
// depend on it, never on the wall clock.
var testClock = time.Date(2024, 6, 1, 9, 0, 0, 0, time.UTC)

// newTestUIAt is newTestUI with the app's clock set to at.
func newTestUIAt(t *testing.T, configured bool, at time.Time) (*App, *store.DB) {
	t.Helper()
	a := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "wub.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	db.Now = func() time.Time { return at }
	t.Cleanup(func() { db.Close() })
	if configured {
		if err := db.SetOffice(bg, wub.Office{AgencyCode: wub.DISPERINDAG, HeadName: "Ir. Budi Santoso", HeadNIP: "196805121993031007"}); err != nil {
			t.Fatal(err)
		}
	}
	office, _ := db.Office(bg)
	agencies, _ := db.Agencies(bg)
	// The path shown is fixed so that golden markup does not depend on the temp folder.
	u := newApp(a, Options{DBPath: "kantor/wubdesk.db", Lang: "id", Version: "test", Clock: func() time.Time { return at }}, true)
	u.win.Resize(fyne.NewSize(1180, 760))
	u.UseDB(db, office, agencies)
	u.jobs.wait()
	t.Cleanup(func() { SetLanguage("id") })
	return u, db
}

func peserta(t *testing.T, u *App) *traineesScreen {
	t.Helper()
	s, ok := u.nav.screen("peserta").(*traineesScreen)
	if !ok {
		t.Fatal("no Peserta screen")
	}
	u.jobs.wait()
	return s
}

func seed(t *testing.T, db *store.DB, nik, name string, agency string, year int) int64 {
	t.Helper()
	tr := &wub.Trainee{NIK: nik, Name: name, DesaCode: "35.28.02.2001",
		Enrolments: []wub.Enrolment{{AgencyCode: agency, Year: year, Status: wub.StatusTrained}}}
	if _, err := db.CreateTrainee(bg, tr); err != nil {
		t.Fatal(err)
	}
	return tr.ID
}

// fillValid types a valid new trainee into the open form.
func fillValid(f *traineeForm, nik, name string) {
	test.Type(f.nik, nik)
	test.Type(f.name, name)
	f.sex.setCode("P")
	test.Type(f.birthDate, "12/03/1995")
	f.kecamatan.setCode("35.28.04")
	f.desa.setCode("35.28.04.1001")
	test.Type(f.phone, "0812 3456 7890")
}

func TestAddTraineeAppearsInList(t *testing.T) {
	u, db := newTestUI(t, true)
	s := peserta(t, u)
	if s.list.total != 0 {
		t.Fatalf("empty database lists %d", s.list.total)
	}
	u.dispatch(actionNew) // Ctrl+N
	if s.form == nil {
		t.Fatal("Ctrl+N did not open the form")
	}
	f := s.form
	fillValid(f, "3528045203950001", "Siti Aminah")
	u.jobs.wait()
	u.dispatch(actionSave) // Ctrl+S
	u.jobs.wait()
	if s.form != nil {
		t.Fatalf("form still open after save; messages: %v", f.check())
	}
	if s.list.total != 1 || s.cellText(0, 1) != "Siti Aminah" || s.cellText(0, 5) != "Disperindag" {
		t.Fatalf("list after save: total %d, row %q %q", s.list.total, s.cellText(0, 1), s.cellText(0, 5))
	}
	got, _ := db.TraineeByNIK(bg, "3528045203950001")
	if got == nil || got.Phone != "081234567890" || got.DesaCode != "35.28.04.1001" || len(got.Enrolments) != 1 ||
		got.Enrolments[0].AgencyCode != wub.DISPERINDAG {
		t.Fatalf("stored %+v", got)
	}
	if !strings.Contains(u.nav.status.Text, "Siti Aminah") {
		t.Errorf("status line %q", u.nav.status.Text)
	}
}

func TestInvalidInputShowsMessagesAndSavesNothing(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(f *traineeForm)
		field string
		want  string
	}{
		{"short NIK", func(f *traineeForm) { f.nik.SetText("35280452039500") }, "nik", "16 angka"},
		{"future birth date", func(f *traineeForm) { f.birthDate.SetText("01/01/2030") }, "birth_date", "masa depan"},
		{"empty name", func(f *traineeForm) { f.name.SetText("") }, "name", "Nama wajib diisi"},
		{"unreadable date", func(f *traineeForm) { f.birthDate.SetText("31/02/1995") }, "birth_date", "Tanggal tidak sah"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			u, db := newTestUI(t, true)
			s := peserta(t, u)
			s.newTrainee()
			f := s.form
			fillValid(f, "3528045203950001", "Siti Aminah")
			c.edit(f)
			u.jobs.wait()
			test.Tap(f.saveBtn)
			u.jobs.wait()
			if s.form == nil {
				t.Fatal("the form closed: something was saved")
			}
			msg := f.fields[c.field].msg
			if !msg.Visible() || !strings.Contains(msg.Text, c.want) {
				t.Errorf("message under %s = %q (visible %v), want it to contain %q", c.field, msg.Text, msg.Visible(), c.want)
			}
			if n, _ := db.CountTrainees(bg, wub.TraineeFilter{}); n != 0 {
				t.Errorf("%d trainees saved", n)
			}
		})
	}
}

func TestWarningsDoNotBlock(t *testing.T) {
	u, db := newTestUI(t, true)
	s := peserta(t, u)
	s.newTrainee()
	f := s.form
	fillValid(f, "3528045203950001", "Siti Aminah")
	f.sex.setCode("L") // the NIK says woman: a warning
	u.jobs.wait()
	if m := f.fields["sex"].msg; !m.Visible() || !strings.Contains(m.Text, "berbeda") {
		t.Fatalf("sex warning %q", m.Text)
	}
	f.save()
	u.jobs.wait()
	if s.form != nil {
		t.Fatal("a warning blocked saving")
	}
	if n, _ := db.CountTrainees(bg, wub.TraineeFilter{}); n != 1 {
		t.Fatalf("saved %d", n)
	}
}

func TestDuplicateNIKIsAnnounced(t *testing.T) {
	u, db := newTestUI(t, true)
	id := seed(t, db, "3528045203950001", "Siti Aminah", wub.DISPERINDAG, 2022)
	s := peserta(t, u)
	s.newTrainee()
	f := s.form
	test.Type(f.nik, "3528 0452 0395 0001")
	u.jobs.wait()
	if !f.nikNote.Visible() || f.nikNoteText.Text != "Sudah terdaftar: Siti Aminah — Disperindag 2022 — buka data?" {
		t.Fatalf("note %q visible=%v", f.nikNoteText.Text, f.nikNote.Visible())
	}
	// Saving anyway is refused by the store, with the same news.
	test.Type(f.name, "Siti A")
	f.save()
	u.jobs.wait()
	// One duplicate, one message (issue 19): the note stays, no red line repeats it.
	if s.form == nil || !f.nikNote.Visible() || strings.Contains(f.fields["nik"].msg.Text, "sudah terdaftar") {
		t.Fatalf("duplicate saved or told twice: note %v, %q", f.nikNote.Visible(), f.fields["nik"].msg.Text)
	}
	// "Buka data" opens the existing record (after confirming to discard).
	f.openOther()
	u.jobs.wait()
	if s.form == f {
		// the discard question is open; answer it
		f.dirty = false
		f.openOther()
		u.jobs.wait()
	}
	if s.form == nil || s.form.orig.ID != id || s.form.name.Text != "Siti Aminah" {
		t.Fatalf("did not open the registered record")
	}
}

func TestEditDeleteRestore(t *testing.T) {
	u, db := newTestUI(t, true)
	id := seed(t, db, "3528045203950001", "Siti Aminah", wub.DISPERINDAG, 2022)
	s := peserta(t, u)
	s.table.selectRow(0)
	s.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter opens
	u.jobs.wait()
	if s.form == nil || s.form.orig.ID != id {
		t.Fatal("Enter did not open the record")
	}
	s.form.name.SetText("Siti Aminah Rahmawati")
	s.form.save()
	u.jobs.wait()
	if got, _ := db.Trainee(bg, id); got.Name != "Siti Aminah Rahmawati" {
		t.Fatalf("edit not saved: %q", got.Name)
	}
	s.table.selectRow(0)
	if err := db.DeleteTrainee(bg, id); err != nil { // as the confirmed dialog would
		t.Fatal(err)
	}
	s.reload()
	u.jobs.wait()
	if s.list.total != 0 {
		t.Fatalf("deleted record still listed")
	}
	s.view.SetSelectedIndex(1) // Terhapus
	u.jobs.wait()
	if s.list.total != 1 || s.deleteBtn.Text != "Pulihkan" {
		t.Fatalf("Terhapus view: %d rows, button %q", s.list.total, s.deleteBtn.Text)
	}
	s.table.selectRow(0)
	test.Tap(s.deleteBtn)
	u.jobs.wait()
	if s.list.total != 0 {
		t.Errorf("restored record still in Terhapus")
	}
	if got, _ := db.Trainee(bg, id); !got.DeletedAt.IsZero() {
		t.Error("not restored")
	}
}

func TestSearchAndFilters(t *testing.T) {
	u, db := newTestUI(t, true)
	seed(t, db, "3528045203950001", "Siti Aminah", wub.DISPERINDAG, 2022)
	seed(t, db, "3528041203900002", "Ahmad Fauzi", wub.DKP, 2023)
	seed(t, db, "3528044506880003", "Nur Aini", wub.DKP, 2022)
	s := peserta(t, u)
	if s.list.total != 3 || s.count.Text != "3 orang" {
		t.Fatalf("total %d %q", s.list.total, s.count.Text)
	}
	test.Type(s.search, "ami")
	u.jobs.wait()
	if s.list.total != 1 || s.cellText(0, 1) != "Siti Aminah" {
		t.Fatalf("search ami: %d %q", s.list.total, s.cellText(0, 1))
	}
	s.search.SetText("")
	u.jobs.wait()
	s.year.SetSelected("2022")
	u.jobs.wait()
	if s.list.total != 2 {
		t.Errorf("year 2022: %d", s.list.total)
	}
	s.agency.SetSelected("DKP")
	u.jobs.wait()
	if s.list.total != 1 || s.cellText(0, 1) != "Nur Aini" {
		t.Errorf("2022 DKP: %d %q", s.list.total, s.cellText(0, 1))
	}
	s.year.SetSelectedIndex(0)
	s.agency.SetSelectedIndex(0)
	u.jobs.wait()
	s.sortBy(1) // name again: descending
	u.jobs.wait()
	if s.cellText(0, 1) != "Siti Aminah" || !strings.HasSuffix(s.headerText(1), "▼") {
		t.Errorf("sort desc: first %q header %q", s.cellText(0, 1), s.headerText(1))
	}
}

func TestFirstStartAsksForOffice(t *testing.T) {
	u, db := newTestUI(t, false)
	if u.nav != nil || u.officeDialog == nil {
		t.Fatal("the first start did not ask for the office")
	}
	f := u.officeDialog
	f.save(func() { t.Error("saved without an agency") })
	u.jobs.wait()
	if f.msg.Text == "" {
		t.Error("no message for the missing agency")
	}
	f.agency.setCode(wub.DKP)
	f.nip.SetText("123")
	f.save(func() { t.Error("saved a bad NIP") })
	u.jobs.wait()
	f.nip.SetText("196805121993031007")
	f.head.SetText("Dr. Hj. Aisyah")
	saved := false
	f.save(func() { saved = true })
	u.jobs.wait()
	if !saved {
		t.Fatalf("not saved: %q", f.msg.Text)
	}
	if o, _ := db.Office(bg); o.AgencyCode != wub.DKP || o.HeadName != "Dr. Hj. Aisyah" {
		t.Errorf("office %+v", o)
	}
}

func TestLanguageSwitch(t *testing.T) {
	u, _ := newTestUI(t, true)
	st := u.nav.screen("pengaturan").(*settingsScreen)
	st.lang.setCode("en")
	u.jobs.wait()
	s := peserta(t, u)
	if s.newBtn.Text != "New trainee" || s.count.Text != "0 people" {
		t.Errorf("English: %q %q", s.newBtn.Text, s.count.Text)
	}
	if got := u.fyne.Preferences().String(prefLanguage); got != "en" {
		t.Errorf("preference %q", got)
	}
}

func TestGoldenScreens(t *testing.T) {
	u, db := newTestUI(t, true)
	seed(t, db, "3528045203950001", "Siti Aminah", wub.DISPERINDAG, 2022)
	seed(t, db, "3528041203900002", "Ahmad Fauzi", wub.DKP, 2023)
	s := peserta(t, u)
	s.reload()
	u.jobs.wait()
	assertScreenMarkup(t, u, "peserta_list.xml")
	s.newTrainee()
	u.jobs.wait()
	assertScreenMarkup(t, u, "peserta_form.xml")
	s.closeForm(false)
	u.nav.show("pengaturan")
	u.jobs.wait()
	assertScreenMarkup(t, u, "pengaturan.xml")
	u.nav.show("serah_terima")
	u.jobs.wait()
	assertScreenMarkup(t, u, "serah_terima.xml")
}

// assertScreenMarkup compares the shown screen's own object, not the window
// with its navigation and status line, with testdata/name: a new screen, or
// a change to one, rewrites that screen's golden file only.
func assertScreenMarkup(t *testing.T, u *App, name string) {
	t.Helper()
	if u.current == nil {
		t.Fatalf("%s: no screen shown", name)
	}
	test.AssertObjectRendersToMarkup(t, name, u.current.object())
}
