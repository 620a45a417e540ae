package store

import (
	"testing"

	"wubdesk/internal/wub"
)

// TestChangeAgencyOnlyForAdmin: an operator signed in may not change the
// agency history or the deadline, whatever front end asks; an admin may.
func TestChangeAgencyOnlyForAdmin(t *testing.T) {
	db := openTest(t)
	for _, u := range []struct {
		name string
		role wub.Role
	}{{"admin", wub.RoleAdmin}, {"budi", wub.RoleOperator}} {
		if _, err := db.CreateUser(ctx, wub.User{Name: u.name, Role: u.role, Active: true}, "kata-sandi-"+u.name); err != nil {
			t.Fatal(err)
		}
	}
	c := wub.AgencyChange{Kind: wub.AgencyRename, Code: wub.DKPP, Short: "Dispertahortbun", From: jday("2025-01-01")}
	if _, err := db.SignIn(ctx, "budi", "kata-sandi-budi"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ChangeAgency(ctx, c); wub.ErrorCode(err) != "role_denied" {
		t.Errorf("operator renamed an agency: %v", err)
	}
	if err := db.SetLateDay(ctx, 15); wub.ErrorCode(err) != "role_denied" {
		t.Errorf("operator set the deadline: %v", err)
	}
	if _, err := db.SignIn(ctx, "admin", "kata-sandi-admin"); err != nil {
		t.Fatal(err)
	}
	as, err := db.ChangeAgency(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	if a, _ := as.ByCode(wub.DKPP); a.NameInYear(2024).Short != "DKPP" || a.NameInYear(2025).Short != "Dispertahortbun" || a.NameInYear(2025).Full != "Dispertahortbun" {
		t.Errorf("DKPP %+v", a.Names)
	}
}
