package store

import (
	"strings"
	"testing"
	"time"
	"wubdesk/internal/passhash"

	"wubdesk/internal/wub"
)

// cheapHashes lowers the argon2id cost for tests that hash many times (the
// race detector makes the real cost slow); TestPasswordHash keeps it.
func cheapHashes(t *testing.T) {
	t.Cleanup(passhash.CheapForTests())
}

func TestPasswordHash(t *testing.T) {
	h := hashPassword("rahasia-kantor")
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Errorf("hash %s", h)
	}
	if h == hashPassword("rahasia-kantor") {
		t.Error("two hashes of one password are equal: no salt")
	}
	parts := strings.Split(h, "$")
	tampered := strings.Join(append(parts[:5:5], "AAAA"+parts[5][4:]), "$")
	tests := []struct {
		pw, hash string
		want     bool
	}{
		{"rahasia-kantor", h, true},
		{"rahasia-kantoR", h, false},
		{"", h, false},
		{"rahasia-kantor", tampered, false},
		{"rahasia-kantor", "$argon2i$v=19$m=19456,t=2,p=1$" + parts[4] + "$" + parts[5], false},
		{"rahasia-kantor", "$argon2id$v=19$m=0,t=2,p=1$" + parts[4] + "$" + parts[5], false},
		{"rahasia-kantor", "plain", false},
	}
	for _, tt := range tests {
		if got := checkPassword(tt.pw, tt.hash); got != tt.want {
			t.Errorf("checkPassword(%q, %.40s…) = %v", tt.pw, tt.hash, got)
		}
	}
}

func TestCreateUserRules(t *testing.T) {
	cheapHashes(t)
	db := openTest(t)
	if _, err := db.CreateUser(ctx, wub.User{Name: " Siti ", FullName: "Siti Aminah", Role: wub.RoleOperator, Active: true}, "kata-sandi-1"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, pw string
		role     wub.Role
		code     string
	}{
		{"SITI", "kata-sandi-2", wub.RoleAdmin, "user_exists"},
		{"si", "kata-sandi-2", wub.RoleAdmin, "user_name_invalid"},
		{"siti aminah", "kata-sandi-2", wub.RoleAdmin, "user_name_invalid"},
		{"budi", "pendek", wub.RoleAdmin, "password_short"},
		{"budi", "kata-sandi-2", wub.Role("root"), "role_invalid"},
	}
	for _, tt := range tests {
		_, err := db.CreateUser(ctx, wub.User{Name: tt.name, Role: tt.role, Active: true}, tt.pw)
		if wub.ErrorCode(err) != tt.code {
			t.Errorf("%q: %v, want %s", tt.name, err, tt.code)
		}
	}
	users, _ := db.ListUsers(ctx)
	if len(users) != 1 || users[0].Name != "siti" || users[0].Role != wub.RoleOperator || !users[0].Active {
		t.Errorf("users = %+v", users)
	}
}

func TestAuthenticatePausesAfterFailures(t *testing.T) {
	cheapHashes(t)
	db := openTest(t)
	clock := time.Date(2024, 6, 1, 8, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { return clock }
	u, err := db.CreateUser(ctx, wub.User{Name: "budi", Role: wub.RoleOperator, Active: true}, "benar-sekali")
	if err != nil {
		t.Fatal(err)
	}
	try := func(pw string) string {
		_, err := db.Authenticate(ctx, "Budi", pw)
		if err == nil {
			return "ok"
		}
		if wub.ErrorCode(err) == "auth_paused" {
			return "paused " + strings.Fields(err.Error())[len(strings.Fields(err.Error()))-2]
		}
		return wub.ErrorCode(err)
	}
	steps := []struct {
		wait time.Duration
		pw   string
		want string
	}{
		{0, "benar-sekali", "ok"},
		{0, "salah", "auth_failed"},
		{0, "salah", "auth_failed"},
		{0, "salah", "auth_failed"},
		{0, "salah", "auth_failed"},
		{0, "salah", "paused 30"},                       // the fifth failure starts a pause
		{10 * time.Second, "benar-sekali", "paused 20"}, // not even the right password during it
		{21 * time.Second, "salah", "paused 60"},        // the sixth failure doubles it
		{61 * time.Second, "benar-sekali", "ok"},        // and a good one resets the count
		{0, "salah", "auth_failed"},
	}
	for i, s := range steps {
		clock = clock.Add(s.wait)
		if got := try(s.pw); got != s.want {
			t.Fatalf("step %d (%s after %v): %s, want %s", i, s.pw, s.wait, got, s.want)
		}
	}
	if _, err := db.Authenticate(ctx, "tidak-ada", "benar-sekali"); wub.ErrorCode(err) != "auth_failed" {
		t.Errorf("unknown user: %v", err)
	}
	// A disabled account is named only to whoever knows its password.
	u.Active = false
	if err := db.UpdateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	if got := try("salah"); got != "auth_failed" {
		t.Errorf("disabled, wrong password: %s", got)
	}
	if got := try("benar-sekali"); got != "auth_inactive" {
		t.Errorf("disabled, right password: %s", got)
	}
	if pauseFor(100) != PauseMax {
		t.Errorf("pause after 100 failures = %v", pauseFor(100))
	}
}

func TestSignInRequiredKeepsAnAdmin(t *testing.T) {
	cheapHashes(t)
	db := openTest(t)
	if err := db.SetSignInRequired(ctx, true); wub.ErrorCode(err) != "auth_no_admin" {
		t.Fatalf("sign-in without an admin: %v", err)
	}
	admin, _ := db.CreateUser(ctx, wub.User{Name: "admin", Role: wub.RoleAdmin, Active: true}, "admin-kantor")
	if err := db.SetSignInRequired(ctx, true); err != nil {
		t.Fatal(err)
	}
	if on, _ := db.SignInRequired(ctx); !on {
		t.Fatal("sign-in not required after turning it on")
	}
	admin.Role = wub.RoleOperator
	if err := db.UpdateUser(ctx, admin); wub.ErrorCode(err) != "auth_last_admin" {
		t.Errorf("demoting the last admin: %v", err)
	}
	admin.Role, admin.Active = wub.RoleAdmin, false
	if err := db.UpdateUser(ctx, admin); wub.ErrorCode(err) != "auth_last_admin" {
		t.Errorf("disabling the last admin: %v", err)
	}
	db.CreateUser(ctx, wub.User{Name: "kepala.dinas", Role: wub.RoleAdmin, Active: true}, "kepala-dinas")
	if err := db.UpdateUser(ctx, admin); err != nil {
		t.Errorf("disabling one of two admins: %v", err)
	}
}

func TestSignInMakesTheActor(t *testing.T) {
	cheapHashes(t)
	db := openTest(t)
	u, _ := db.CreateUser(ctx, wub.User{Name: "rina", Role: wub.RoleOperator, Active: true}, "sandi-rina-1")
	if err := db.SetPassword(ctx, u.ID, "sandi-rina-2"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SignIn(ctx, "rina", "sandi-rina-1"); wub.ErrorCode(err) != "auth_failed" {
		t.Errorf("old password: %v", err)
	}
	if _, err := db.SignIn(ctx, "rina", "sandi-rina-2"); err != nil {
		t.Fatal(err)
	}
	tr := siti()
	if _, err := db.CreateTrainee(ctx, tr); err != nil {
		t.Fatal(err)
	}
	audit, _ := db.AuditFor(ctx, "trainee", tr.ID)
	if len(audit) != 1 || audit[0].Actor != "rina" {
		t.Errorf("audit = %+v", audit)
	}
	var leaks int
	db.r.QueryRow("SELECT count(*) FROM audit WHERE old LIKE '%argon2%' OR new LIKE '%argon2%' OR new LIKE '%sandi-rina%'").Scan(&leaks)
	if leaks != 0 {
		t.Errorf("%d audit rows hold a password or its hash", leaks)
	}
	userAudit, _ := db.AuditFor(ctx, "user", u.ID)
	if len(userAudit) != 2 || !strings.Contains(userAudit[1].New, `"Password":"diganti"`) {
		t.Errorf("user audit = %+v", userAudit)
	}
}

// TestRolesAreEnforcedByTheStore: whatever screen or command asks, a signed-in
// kepala cannot change the register, an operator cannot manage users or
// settings, and the head's contract decisions still go through.
func TestRolesAreEnforcedByTheStore(t *testing.T) {
	db := openTest(t)
	f := addFacilitator(t, db, 1, "Moh. Rofiq")
	if _, err := db.CreateContract(ctx, &wub.Contract{FacilitatorID: f.ID, AgencyCode: wub.DISKOPUKM, Year: 2023,
		StartDate: time.Date(2023, 1, 2, 0, 0, 0, 0, time.UTC), EndDate: time.Date(2023, 12, 31, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	for _, u := range []wub.User{{Name: "kepala", Role: wub.RoleKepala, Active: true}, {Name: "operator", Role: wub.RoleOperator, Active: true},
		{Name: "admin", Role: wub.RoleAdmin, Active: true}} {
		if _, err := db.CreateUser(ctx, u, "kata-sandi-"+u.Name); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.SignIn(ctx, "kepala", "kata-sandi-kepala"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateTrainee(ctx, siti()); wub.ErrorCode(err) != "role_denied" {
		t.Errorf("kepala created a trainee: %v", err)
	}
	if err := db.Decide(ctx, wub.DISKOPUKM, 2024, []wub.ContractDecision{{FacilitatorID: f.ID, Decision: wub.DecisionRenew}}); err != nil {
		t.Errorf("kepala could not decide: %v", err)
	}
	if _, err := db.SignIn(ctx, "operator", "kata-sandi-operator"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateTrainee(ctx, siti()); err != nil {
		t.Errorf("operator could not create a trainee: %v", err)
	}
	if _, err := db.CreateUser(ctx, wub.User{Name: "baru", Role: wub.RoleAdmin, Active: true}, "kata-sandi-baru"); wub.ErrorCode(err) != "role_denied" {
		t.Errorf("operator created an admin: %v", err)
	}
	if err := db.SetOffice(ctx, wub.Office{AgencyCode: wub.DKP}); wub.ErrorCode(err) != "role_denied" {
		t.Errorf("operator changed the office settings: %v", err)
	}
	// A wrong password still counts a failed attempt (bookkeeping, not a change).
	if _, err := db.SignIn(ctx, "admin", "salah"); wub.ErrorCode(err) != "auth_failed" {
		t.Errorf("wrong password: %v", err)
	}
}
