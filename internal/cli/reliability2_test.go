package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"wubdesk/internal/app"
	"wubdesk/internal/wub"
)

// withBackup gives officeDB's file a backup in its backups folder.
func withBackup(t *testing.T) string {
	t.Helper()
	path := officeDB(t)
	db, err := app.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.BackupBefore(context.Background(), wub.ReasonDaily); err != nil {
		t.Fatal(err)
	}
	db.Close()
	return path
}

func liveTrainees(t *testing.T, path string) int {
	t.Helper()
	r, err := app.CheckFile(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	return r.Counts["trainees"]
}

// Issue 25 item 2: an emptied file beside its backups is refused by every
// command (exit 2; check exits 1 as for any damage) with the way to
// restore, and is not written; `restore` brings the backup back.
func TestEmptiedFileIsRefusedByEveryCommand(t *testing.T) {
	path := withBackup(t)
	if err := os.Truncate(path, 0); err != nil {
		t.Fatal(err)
	}
	pkg := filepath.Join(t.TempDir(), "x.wubho")
	for _, args := range [][]string{
		{"import", "--db", path, "--agency", "DISPERINDAG", fixtures + "office_2022.xlsx"},
		{"demo", "--db", path, "--trainees", "5"},
		{"handover", "import", "--db", path, pkg},
		{"export", "--db", path, "--agency", "DKP", "--month", "2024-01", "--out", filepath.Join(t.TempDir(), "r.xlsx")},
	} {
		code, o, e := relRun(args...)
		if args[0] == "handover" && strings.Contains(e, "paket") {
			continue // the package is read first; it does not exist
		}
		if code != 2 || !strings.Contains(e, "restore") {
			t.Errorf("%v: exit %d, want 2 with restore advice\n%s%s", args, code, o, e)
		}
		if st, _ := os.Stat(path); st.Size() != 0 {
			t.Fatalf("%v wrote the emptied file (%d bytes)", args, st.Size())
		}
	}
	code, o, _ := relRun("check", "--db", path)
	if code != 1 || strings.Contains(o, "Hasil: baik") {
		t.Errorf("check of an emptied file: exit %d\n%s", code, o)
	}
	list, _ := app.ListBackups(path)
	code, o, e := relRun("restore", "--db", path, "--from", list[0].Path)
	if code != 0 {
		t.Fatalf("restore: exit %d\n%s%s", code, o, e)
	}
	if n := liveTrainees(t, path); n != 3 {
		t.Errorf("after restore %d trainees, want 3", n)
	}
}

// Issue 25 item 1: a damaged file is refused by a headless write with the
// window's message and the newest good backup.
func TestDamagedFileIsRefusedByHeadlessWrites(t *testing.T) {
	path := withBackup(t)
	b, _ := os.ReadFile(path)
	for i := 4096 * 2; i < len(b)-4096; i += 97 {
		b[i] ^= 0x5a
	}
	os.WriteFile(path, b, 0o644)
	code, o, e := relRun("import", "--db", path, "--agency", "DISPERINDAG", fixtures+"office_2022.xlsx")
	if code != 2 || !strings.Contains(e, "Cadangan baik terbaru") || !strings.Contains(e, "wubdesk restore") {
		t.Fatalf("import into a damaged file: exit %d\n%s%s", code, o, e)
	}
}

// Issue 25 item 7: with sign-in required, headless writes need --user and
// its password (WUBDESK_PASSWORD), checked like the window; the user is the
// audit actor; a kepala may not import; restore needs an admin.
func TestHeadlessWritesNeedSignInWhenRequired(t *testing.T) {
	path := withBackup(t)
	ctx := context.Background()
	db, err := app.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []wub.User{{Name: "admin", Role: wub.RoleAdmin, Active: true},
		{Name: "siti", Role: wub.RoleOperator, Active: true}, {Name: "kepala", Role: wub.RoleKepala, Active: true}} {
		if _, err := db.CreateUser(ctx, u, "kata-sandi-"+u.Name); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.SetSignInRequired(ctx, true); err != nil {
		t.Fatal(err)
	}
	db.Close()
	imp := []string{"import", "--db", path, "--agency", "DISPERINDAG", fixtures + "office_2022.xlsx"}
	try := func(pw string, extra ...string) (int, string) {
		t.Setenv(PasswordEnv, pw)
		code, o, e := relRun(append(append([]string{}, imp...), extra...)...)
		return code, o + e
	}
	if code, out := try("x"); code != 2 || !strings.Contains(out, "--user") {
		t.Errorf("no --user: exit %d\n%s", code, out)
	}
	if code, out := try("salah", "--user", "siti"); code != 2 || !strings.Contains(out, "salah") {
		t.Errorf("wrong password: exit %d\n%s", code, out)
	}
	if code, out := try("salah", "--user", "tidakada"); code != 2 || !strings.Contains(out, "salah") {
		t.Errorf("unknown user: exit %d\n%s", code, out)
	}
	if code, out := try("kata-sandi-kepala", "--user", "kepala"); code != 2 || !strings.Contains(out, "peran") {
		t.Errorf("kepala imports: exit %d\n%s", code, out)
	}
	if liveTrainees(t, path) != 3 {
		t.Fatal("a refused import stored trainees")
	}
	if code, out := try("kata-sandi-siti", "--user", "siti"); code != 0 || !strings.Contains(out, "Tersimpan") {
		t.Fatalf("operator import: exit %d\n%s", code, out)
	}
	db, err = app.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	actors, err := db.AuditActors(ctx)
	db.Close()
	if err != nil || !contains(actors, "siti") {
		t.Errorf("audit actors %v (%v), want siti", actors, err)
	}

	list, _ := app.ListBackups(path)
	t.Setenv(PasswordEnv, "kata-sandi-siti")
	if code, o, e := relRun("restore", "--db", path, "--from", list[len(list)-1].Path, "--user", "siti"); code != 2 || !strings.Contains(o+e, "peran") {
		t.Errorf("operator restores: exit %d\n%s%s", code, o, e)
	}
	t.Setenv(PasswordEnv, "kata-sandi-admin")
	if code, o, e := relRun("restore", "--db", path, "--from", list[len(list)-1].Path, "--user", "admin"); code != 0 {
		t.Errorf("admin restores: exit %d\n%s%s", code, o, e)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
