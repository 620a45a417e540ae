package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// Ticking "Wajib masuk …" without an admin says why beside the tick and
// offers to create the admin there.
func TestRequiredTickExplainsAndCreatesAdmin(t *testing.T) {
	u, db := newTestUI(t, true)
	p := u.nav.screen("pengaturan").(*settingsScreen).users
	u.jobs.wait()
	p.required.SetChecked(true)
	u.jobs.wait()
	n := p.reqNote
	if !n.box.Visible() || !strings.Contains(n.label.Text, "admin") || !n.create.Visible() {
		t.Fatalf("no reason beside the tick: %q (create %v)", n.label.Text, n.create.Visible())
	}
	test.Tap(n.create)
	if n.dlg == nil {
		t.Fatal("no admin form")
	}
	test.Type(n.name, "admin.kantor")
	test.Type(n.full, "Admin Kantor")
	test.Type(n.pw, "sandi-admin-1")
	n.dlg.Confirm()
	u.jobs.wait()
	if on, _ := db.SignInRequired(bg); !on {
		t.Fatalf("sign-in not required after creating the admin: %q", n.label.Text)
	}
	if !p.required.Checked || len(p.users) != 1 || !strings.Contains(n.label.Text, "admin.kantor") {
		t.Fatalf("tick %v, users %+v, note %q", p.required.Checked, p.users, n.label.Text)
	}
}

// The "Dinas" dropdown fits the first-start dialog; the full name of the
// chosen agency is written under it.
func TestOfficeSetupDropdownFits(t *testing.T) {
	u, _ := newTestUI(t, false)
	u.showOfficeSetup(true)
	f := u.officeDialog
	if f == nil {
		t.Fatal("no office dialog")
	}
	if w := f.box.MinSize().Width; w > 620 {
		t.Fatalf("the office form needs %.0f px in a 620 px dialog", w)
	}
	f.agency.SetSelectedIndex(0)
	if !strings.HasPrefix(f.agencyFull.Text, "Dinas") {
		t.Fatalf("full name under the dropdown: %q", f.agencyFull.Text)
	}
}
