package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"wubdesk/internal/instance"
	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

// openedApp builds the app over a database file the way Run does (Open,
// not UseDB), so that start-up checks, sign-in and restores run for real.
func openedApp(t *testing.T, path string) *App {
	t.Helper()
	a := test.NewTempApp(t)
	u := newApp(a, Options{DBPath: path, Lang: "id", Version: "test"}, true)
	u.win.Resize(fyne.NewSize(1180, 760))
	t.Cleanup(func() {
		if u.testDB() != nil {
			u.testDB().Close()
		}
		u.releaseInstance()
		SetLanguage("id")
	})
	return u
}

// officeFile makes a configured database with n trainees, closed.
func officeFile(t *testing.T, n int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "kantor.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.SetOffice(bg, wub.Office{AgencyCode: wub.DISPERINDAG}); err != nil {
		t.Fatal(err)
	}
	niks := []string{"3528045203950001", "3528041203900002", "3528044506880003", "3528040101800004"}
	for i := 0; i < n; i++ {
		seed(t, db, niks[i], "Peserta "+niks[i][12:], wub.DKP, 2023)
	}
	return path
}

// texts collects the text of every label and button on the window.
func texts(c fyne.Canvas) string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.Button:
			b.WriteString("[" + w.Text + "]\n")
		case *fyne.Container:
			for _, x := range w.Objects {
				walk(x)
			}
		case *container.Scroll:
			walk(w.Content)
		}
	}
	walk(c.Content())
	return b.String()
}

func trainees(t *testing.T, db *store.DB) int {
	t.Helper()
	n, err := db.CountTrainees(bg, wub.TraineeFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestDamagedFileOffersTheNewestBackup(t *testing.T) {
	path := officeFile(t, 3)
	db, _ := store.Open(path)
	backup, err := db.BackupBefore(bg, store.ReasonImport)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	b, _ := os.ReadFile(path)
	for i := len(b) / 3; i < len(b)*2/3; i++ {
		b[i] = byte(i * 13)
	}
	os.WriteFile(path, b, 0o644)

	u := openedApp(t, path)
	u.Open()
	u.jobs.wait()
	if u.testDB() != nil || u.rel.damaged == nil || u.rel.damaged.Backup.Path != backup.Path {
		t.Fatalf("damaged file opened, or no backup offered: db=%v damaged=%+v", u.testDB() != nil, u.rel.damaged)
	}
	shown := texts(u.win.Canvas())
	if !strings.Contains(shown, "rusak") || !strings.Contains(shown, "[Pulihkan cadangan terbaru]") {
		t.Errorf("damaged view says:\n%s", shown)
	}
	u.restoreAtStart(u.rel.damaged.Backup.Path)
	u.jobs.wait()
	if u.testDB() == nil || u.nav == nil {
		t.Fatalf("not open after the restore:\n%s", texts(u.win.Canvas()))
	}
	if n := trainees(t, u.testDB()); n != 3 {
		t.Errorf("%d trainees after restore, want 3", n)
	}
}

func TestSecondWindowOnTheSameFile(t *testing.T) {
	path := officeFile(t, 0)
	first, err := instance.Acquire(path)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Release()
	raised := make(chan bool, 1)
	first.OnActivate(func() { raised <- true })
	u := openedApp(t, path)
	if u.acquireInstance() {
		t.Fatal("a second window got the lock")
	}
	if shown := texts(u.win.Canvas()); !strings.Contains(shown, "sedang dibuka oleh WUBDesk lain") {
		t.Errorf("second window says:\n%s", shown)
	}
	select {
	case <-raised:
	case <-time.After(5 * time.Second):
		t.Error("the first window was not asked to come to the front")
	}
}

func TestSignInWhenRequired(t *testing.T) {
	path := officeFile(t, 1)
	db, _ := store.Open(path)
	for _, nu := range []wub.User{{Name: "admin", Role: wub.RoleAdmin, Active: true}, {Name: "kepala", Role: wub.RoleKepala, Active: true}} {
		if _, err := db.CreateUser(bg, nu, "sandi-"+nu.Name); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.SetSignInRequired(bg, true); err != nil {
		t.Fatal(err)
	}
	db.Close()

	u := openedApp(t, path)
	u.Open()
	u.jobs.wait()
	v := u.rel.signIn
	if v == nil || u.nav != nil {
		t.Fatal("no sign-in form before the register")
	}
	test.Type(v.name, "kepala")
	test.Type(v.password, "salah-sandi")
	test.Tap(v.button)
	u.jobs.wait()
	if !strings.Contains(v.msg.Text, "salah") || u.nav != nil || v.password.Text != "" {
		t.Fatalf("wrong password: msg %q, password kept %q", v.msg.Text, v.password.Text)
	}
	test.Type(v.password, "sandi-kepala")
	v.password.OnSubmitted(v.password.Text) // Enter
	u.jobs.wait()
	if u.nav == nil || u.testDB().Actor != "kepala" {
		t.Fatalf("not signed in: actor %q", u.testDB().Actor)
	}
	if u.can(wub.ActEdit) || !u.can(wub.ActAudit) {
		t.Error("kepala may edit, or may not read the audit log")
	}
	st := u.nav.screen("pengaturan").(*settingsScreen)
	u.jobs.wait()
	if st.users.required != nil || !strings.Contains(st.users.msg.Text, "Hanya admin") {
		t.Error("the users card is open to the kepala")
	}
	if !st.backup.restore.Disabled() || !st.backup.fromFile.Disabled() || st.backup.backupTo.Disabled() {
		t.Error("the kepala may restore, or may not back up")
	}
}

func TestBackupAndRestoreFromSettings(t *testing.T) {
	u, db := newTestUI(t, true)
	seed(t, db, "3528045203950001", "Siti Aminah", wub.DISPERINDAG, 2022)
	st := u.nav.screen("pengaturan").(*settingsScreen)
	u.jobs.wait()
	flash := t.TempDir()
	st.backup.backupToFolder(flash)
	u.jobs.wait()
	files, _ := filepath.Glob(filepath.Join(flash, "wub-cadangan-*.db"))
	if len(files) != 1 || !strings.Contains(u.nav.status.Text, "tersimpan") {
		t.Fatalf("backup files %v, status %q", files, u.nav.status.Text)
	}
	seed(t, db, "3528041203900002", "Ahmad Fauzi", wub.DKP, 2023)

	st.backup.askRestore(files[0]) // checks the file, then asks
	u.jobs.wait()
	u.restoreNow(files[0]) // what the confirm button does
	u.jobs.wait()
	if u.testDB() == nil || u.testDB() == db {
		t.Fatal("the database was not reopened")
	}
	if n := trainees(t, u.testDB()); n != 1 {
		t.Errorf("%d trainees after restoring the one-trainee backup", n)
	}
	list, _ := store.ListBackups(u.testDB().Path)
	kept := 0
	for _, b := range list {
		if b.Reason == store.ReasonRestore && countFile(t, b.Path) == 2 {
			kept++
		}
	}
	if kept != 1 {
		t.Errorf("the replaced two-trainee file was not kept: %+v", list)
	}
	u.releaseInstance()
}

func countFile(t *testing.T, path string) int {
	t.Helper()
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	return trainees(t, db)
}

func TestUsersCard(t *testing.T) {
	u, db := newTestUI(t, true)
	p := u.nav.screen("pengaturan").(*settingsScreen).users
	u.jobs.wait()
	p.required.SetChecked(true) // no admin yet
	u.jobs.wait()
	if on, _ := db.SignInRequired(bg); on || !strings.Contains(p.reqNote.label.Text, "admin aktif") || p.required.Checked {
		t.Fatalf("sign-in turned on without an admin: %q", p.reqNote.label.Text)
	}
	test.Type(p.newName, "Siti.Aminah")
	test.Type(p.newFull, "Siti Aminah")
	p.newRole.setCode(string(wub.RoleAdmin))
	test.Type(p.newPassword, "sandi-siti-1")
	test.Tap(p.add)
	u.jobs.wait()
	if len(p.users) != 1 || p.users[0].Name != "siti.aminah" || p.newPassword.Text != "" {
		t.Fatalf("users %+v, msg %q", p.users, p.msg.Text)
	}
	p.required.SetChecked(true)
	u.jobs.wait()
	if on, _ := db.SignInRequired(bg); !on {
		t.Fatalf("sign-in not on: %q", p.msg.Text)
	}
	p.list.Select(0)
	p.role.setCode(string(wub.RoleOperator))
	test.Tap(p.save)
	u.jobs.wait()
	if !strings.Contains(p.msg.Text, "admin aktif terakhir") {
		t.Errorf("demoting the last admin: %q", p.msg.Text)
	}
	p.list.Select(0)
	test.Type(p.password, "sandi-siti-2")
	test.Tap(p.setPW)
	u.jobs.wait()
	if _, err := db.Authenticate(bg, "siti.aminah", "sandi-siti-2"); err != nil {
		t.Errorf("new password: %v (%q)", err, p.msg.Text)
	}
}

func TestAuditScreenFiltersAndExports(t *testing.T) {
	u, db := newTestUI(t, true)
	id := seed(t, db, "3528045203950001", "Siti Aminah", wub.DISPERINDAG, 2022)
	seed(t, db, "3528041203900002", "Ahmad Fauzi", wub.DKP, 2023)
	tr, _ := db.Trainee(bg, id)
	tr.Phone = "081299998888"
	if _, err := db.UpdateTrainee(bg, tr); err != nil {
		t.Fatal(err)
	}
	s := u.nav.screen("audit").(*auditScreen)
	u.jobs.wait()
	all, _ := db.CountAudit(bg, wub.AuditFilter{})
	if s.list.total != all || all < 6 {
		t.Fatalf("audit lists %d of %d", s.list.total, all)
	}
	if got := s.cellText(0, 5); !strings.Contains(got, "No. HP/WA: — → 081299998888") || s.cellText(0, 4) != "Ubah" { // in words (issue 19)
		t.Errorf("newest row: %q %q", s.cellText(0, 4), got)
	}
	test.Type(s.nik, "3528 0452 0395 0001")
	s.apply()
	u.jobs.wait()
	want, _ := db.CountAudit(bg, wub.AuditFilter{Entity: "trainee", EntityID: id})
	if s.list.total != want || want != 3 {
		t.Errorf("by NIK: %d rows, want %d (trainee insert, enrolment insert, update)", s.list.total, want)
	}
	s.from.SetText("31/02/2024")
	s.apply()
	if !strings.Contains(s.msg.Text, "Tanggal tidak sah") {
		t.Errorf("bad date: %q", s.msg.Text)
	}
	s.from.SetText("")
	s.apply()
	u.jobs.wait()

	out := filepath.Join(t.TempDir(), "audit.xlsx")
	w, _ := os.Create(out)
	s.mask.SetChecked(true)
	s.exportTo(w)
	u.jobs.wait()
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Audit")
	joined := strings.Join(rows[1], " ") + strings.Join(rows[len(rows)-1], " ")
	if len(rows) != want+1 || strings.Contains(joined, "3528045203950001") || !strings.Contains(joined, "3528********0001") {
		t.Errorf("export: %d rows, masked? %q", len(rows)-1, joined)
	}
}

// TestLargeFileOpensFirstAndIsCheckedAfter: a file above the check-at-open
// limit shows the app at once; the check and the day's backup follow in the
// background, and damage found then replaces the app with the restore offer.
func TestLargeFileOpensFirstAndIsCheckedAfter(t *testing.T) {
	defer func(old int64) { store.CheckAtOpenLimit = old }(store.CheckAtOpenLimit)
	store.CheckAtOpenLimit = 16 << 10

	path := officeFile(t, 4)
	u := openedApp(t, path)
	u.Open()
	u.jobs.wait()
	if u.testDB() == nil || u.nav == nil || !u.testDB().CheckDeferred {
		t.Fatalf("good large file not open with a deferred check:\n%s", texts(u.win.Canvas()))
	}
	list, err := store.ListBackups(path)
	if err != nil || len(list) != 1 || list[0].Reason != store.ReasonDaily {
		t.Fatalf("day backup after opening: %+v, %v", list, err)
	}
	u.testDB().Close()
	u.setApp(nil)
	u.releaseInstance()

	// Damage deep in the file, where opening does not look.
	b, _ := os.ReadFile(path)
	for i := len(b) * 8 / 10; i < len(b)*9/10; i++ {
		b[i] = byte(i * 7)
	}
	os.WriteFile(path, b, 0o644)
	v := openedApp(t, path)
	if !v.acquireInstance() {
		t.Fatal("lock")
	}
	v.Open()
	v.jobs.wait()
	if v.app != nil || v.rel.damaged == nil || v.rel.damaged.Backup.Path != list[0].Path {
		t.Fatalf("damage found after opening not shown: db=%v damaged=%+v\n%s", v.app != nil, v.rel.damaged, texts(v.win.Canvas()))
	}
	if shown := texts(v.win.Canvas()); !strings.Contains(shown, "[Pulihkan cadangan terbaru]") {
		t.Errorf("damaged view says:\n%s", shown)
	}
}
