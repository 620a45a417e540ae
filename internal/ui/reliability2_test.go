package ui

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

func requireSignIn(t *testing.T, path string) {
	t.Helper()
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, nu := range []wub.User{{Name: "admin", Role: wub.RoleAdmin, Active: true}, {Name: "siti", Role: wub.RoleOperator, Active: true}} {
		if _, err := db.CreateUser(bg, nu, "sandi-"+nu.Name); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.SetSignInRequired(bg, true); err != nil {
		t.Fatal(err)
	}
}

// Issue 25 item 7: with sign-in required, the start-up view restores a
// backup only after an admin signs in; an operator is refused.
func TestRestoreAtStartNeedsAnAdmin(t *testing.T) {
	path := officeFile(t, 3)
	requireSignIn(t, path)
	db, _ := store.Open(path)
	backup, err := db.BackupBefore(bg, store.ReasonImport)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	os.Truncate(path, 0) // emptied: the start-up view offers the backup

	u := openedApp(t, path)
	u.Open()
	u.jobs.wait()
	if u.rel.damaged == nil {
		t.Fatalf("no damaged view:\n%s", texts(u.win.Canvas()))
	}
	u.restoreAtStart(backup.Path)
	u.jobs.wait()
	v := u.rel.restoreSignIn
	if v == nil {
		t.Fatal("restored without asking for an admin")
	}
	if st, _ := os.Stat(path); st.Size() != 0 {
		t.Fatal("the file was restored before the sign-in")
	}
	test.Type(v.name, "siti")
	test.Type(v.password, "sandi-siti")
	v.form.Submit()
	u.jobs.wait()
	if st, _ := os.Stat(path); st.Size() != 0 || u.testDB() != nil {
		t.Fatal("an operator restored the file")
	}
	v.name.SetText("admin")
	v.password.SetText("sandi-admin")
	v.form.Show()
	v.form.Submit()
	u.jobs.wait()
	if st, _ := os.Stat(path); st.Size() == 0 {
		t.Fatalf("the admin's restore did not happen:\n%s", texts(u.win.Canvas()))
	}
}

// Issue 25 item 7: an operator sees office settings' "Simpan" disabled
// instead of a refusal after pressing it; the refusal names who may.
func TestOperatorSeesOfficeSaveDisabled(t *testing.T) {
	path := officeFile(t, 0)
	requireSignIn(t, path)
	u := openedApp(t, path)
	u.Open()
	u.jobs.wait()
	v := u.rel.signIn
	if v == nil {
		t.Fatal("no sign-in form")
	}
	test.Type(v.name, "siti")
	test.Type(v.password, "sandi-siti")
	test.Tap(v.button)
	u.jobs.wait()
	st := u.nav.screen("pengaturan").(*settingsScreen)
	if !st.saveOffice.Disabled() {
		t.Error("the operator may press Simpan in office settings")
	}
	err := u.testDB().SetOffice(bg, wub.Office{AgencyCode: wub.DKP})
	if msg := userMessage(err); !strings.Contains(msg, "Admin") || strings.Contains(msg, "Minta operator") {
		t.Errorf("refusal for an operator: %q", msg)
	}
}

// Issue 25 item 4: a read-only file says so at once, in the title too.
func TestReadOnlyFileIsShownReadOnly(t *testing.T) {
	path := officeFile(t, 1)
	u := openedApp(t, path)
	u.Open()
	u.jobs.wait()
	if u.testDB() == nil {
		t.Fatal("not open")
	}
	u.testDB().ReadOnly = true // what Open sets for a file on a read-only medium (store's tmpfs test)
	if !strings.Contains(u.title(), "hanya-baca") {
		t.Errorf("title %q", u.title())
	}
	if _, err := u.testDB().CreateTrainee(bg, &wub.Trainee{NIK: "3528045203950009", Name: "X", Sex: "P"}); !strings.Contains(userMessage(err), "hanya-baca") {
		t.Errorf("save into a read-only file: %q", userMessage(err))
	}
}
