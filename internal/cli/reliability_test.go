package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"wubdesk/internal/app"
	"wubdesk/internal/instance"
	"wubdesk/internal/wub"
)

func relRun(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = Run(context.Background(), args, &o, &e)
	return code, o.String(), e.String()
}

// officeDB makes a database with a few trainees and returns its path.
func officeDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "kantor.db")
	db, err := app.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for i, nik := range []string{"3528045203950001", "3528041203900002", "3528044506880003"} {
		_, err := db.CreateTrainee(context.Background(), &wub.Trainee{NIK: nik, Name: fmt.Sprintf("Peserta %d", i), Sex: "L",
			Enrolments: []wub.Enrolment{{AgencyCode: wub.DKP, Year: 2023, Status: wub.StatusRegistered}}})
		if err != nil {
			t.Fatal(err)
		}
	}
	return path
}

func TestBackupCommand(t *testing.T) {
	path := officeDB(t)
	out := filepath.Join(t.TempDir(), "flashdisk", "cadangan.db")
	os.MkdirAll(filepath.Dir(out), 0o755)
	missing := filepath.Join(t.TempDir(), "tidak-ada.db")
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"ok", []string{"backup", "--db", path, "--out", out}, 0, "Cadangan dibuat"},
		{"no --out", []string{"backup", "--db", path}, 2, "--out"},
		{"missing db", []string{"backup", "--db", missing, "--out", out + "2"}, 2, "tidak ada"},
		{"onto itself", []string{"backup", "--db", path, "--out", path}, 2, "itu sendiri"},
	}
	for _, tt := range tests {
		code, o, e := relRun(tt.args...)
		if code != tt.code || !strings.Contains(o+e, tt.want) {
			t.Errorf("%s: exit %d, out %q err %q", tt.name, code, o, e)
		}
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("backup of a missing file created it")
	}
	if info, err := app.VerifyBackup(context.Background(), out); err != nil || info.SchemaVersion != app.SchemaVersion() {
		t.Errorf("backup file: %+v %v", info, err)
	}
}

func TestCheckCommand(t *testing.T) {
	good := officeDB(t)
	damaged := officeDB(t)
	b, _ := os.ReadFile(damaged)
	for i := len(b) / 3; i < len(b)*2/3; i++ {
		b[i] = byte(i * 7)
	}
	os.WriteFile(damaged, b, 0o644)
	missing := filepath.Join(t.TempDir(), "tidak-ada.db")
	text := filepath.Join(t.TempDir(), "surat.db")
	os.WriteFile(text, bytes.Repeat([]byte("surat dinas "), 20), 0o644)

	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"good", []string{"check", "--db", good}, 0, "Peserta: 3"},
		{"damaged", []string{"check", "--db", damaged}, 1, "rusak"},
		{"missing", []string{"check", "--db", missing}, 1, "tidak ada"},
		{"not ours", []string{"check", "--db", text}, 1, "bukan basis data WUBDesk"},
		{"no --db", []string{"check"}, 2, "--db"},
		{"bad flag", []string{"check", "--db", good, "--nope"}, 2, "nope"},
	}
	for _, tt := range tests {
		code, o, e := relRun(tt.args...)
		if code != tt.code || !strings.Contains(o+e, tt.want) {
			t.Errorf("%s: exit %d, want %d with %q; out %q err %q", tt.name, code, tt.code, tt.want, o, e)
		}
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("check created the missing file")
	}

	code, o, _ := relRun("check", "--db", good, "--json")
	var r wub.CheckReport
	if err := json.Unmarshal([]byte(o), &r); err != nil || code != 0 {
		t.Fatalf("json: exit %d, %v: %s", code, err, o)
	}
	if !r.OK || r.Integrity != "ok" || r.SchemaVersion != app.SchemaVersion() || r.Counts["trainees"] != 3 ||
		r.Counts["enrolments"] != 3 || r.Tables["audit"] < 6 || len(r.Warnings) != 2 {
		t.Errorf("report = %+v", r)
	}
	// The three were saved without dates: data to complete (issue 17).
	if r.Undated != 3 || len(r.UndatedList) != 3 || r.UndatedList[0].Missing == "" {
		t.Errorf("undated %d %+v", r.Undated, r.UndatedList)
	}
	if code, o, _ := relRun("check", "--db", good); code != 0 || !strings.Contains(o, "Data perlu dilengkapi: 3") ||
		!strings.Contains(o, "Hasil: baik") {
		t.Errorf("text report: exit %d\n%s", code, o)
	}
	code, o, _ = relRun("check", "--db", damaged, "--json")
	if json.Unmarshal([]byte(o), &r); code != 1 || r.OK || len(r.Problems) == 0 {
		t.Errorf("damaged json: exit %d %+v", code, r)
	}
}

func TestCommandsRefuseALockedDatabase(t *testing.T) {
	path := officeDB(t)
	l, err := instance.Acquire(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := openApp(path); wub.ErrorCode(err) != "db_locked" {
		t.Errorf("openApp while the app holds the file: %v", err)
	}
	// Backups and checks read only, so they run while the app is open.
	if code, _, e := relRun("check", "--db", path); code != 0 {
		t.Errorf("check while open: %d %s", code, e)
	}
	if code, _, e := relRun("backup", "--db", path, "--out", filepath.Join(t.TempDir(), "b.db")); code != 0 {
		t.Errorf("backup while open: %d %s", code, e)
	}
	l.Release()
	_, db, err := openApp(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := openApp(path); wub.ErrorCode(err) != "db_locked" {
		t.Errorf("a second openApp in one process: %v", err)
	}
	db.Close() // releases the lock
	_, db, err = openApp(path)
	if err != nil {
		t.Fatalf("after Close: %v", err)
	}
	db.Close()
}
