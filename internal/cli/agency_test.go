package cli

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"wubdesk/internal/app"
	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

func TestAgencyCommands(t *testing.T) {
	dbPath := seededDB(t) // Disperindag and DKP have 2024 enrolments
	cases := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"no subcommand", nil, 2, "", "list, add, rename atau end"},
		{"unknown subcommand", []string{"merge", "--db", dbPath}, 2, "", "merge"},
		{"no db", []string{"list"}, 2, "", "--db"},
		{"add without from", []string{"add", "--db", dbPath, "--code", "DISKOMINFO", "--name", "Diskominfo"}, 2, "", "--from"},
		{"add bad date", []string{"add", "--db", dbPath, "--code", "DISKOMINFO", "--name", "Diskominfo", "--from", "kemarin"}, 2, "", "TTTT-BB-HH"},
		{"add bad code", []string{"add", "--db", dbPath, "--code", "1X", "--name", "Dinas X", "--from", "2026-01-01"}, 2, "", "tidak sah"},
		{"add existing", []string{"add", "--db", dbPath, "--code", "dkp", "--name", "Dinas Baru", "--from", "2026-01-01"}, 2, "", "sudah ada"},
		{"add taken name", []string{"add", "--db", dbPath, "--code", "DKPBARU", "--name", "DKP", "--from", "2026-01-01"}, 2, "", "DKP"},
		{"add", []string{"add", "--db", dbPath, "--code", "diskominfo", "--name", "Diskominfo", "--full", "Dinas Komunikasi dan Informatika", "--from", "2026-01-01"}, 0, "DISKOMINFO ditambahkan", ""},
		{"rename unknown", []string{"rename", "--db", dbPath, "--code", "DINSOS", "--name", "Dinsos", "--from", "2026-01-01"}, 2, "", "DINSOS"},
		{"rename same day", []string{"rename", "--db", dbPath, "--code", "DISKOPUKM", "--name", "Diskop", "--from", "2023-01-03"}, 2, "", "Satu tanggal"},
		{"rename to another's name", []string{"rename", "--db", dbPath, "--code", "DKP", "--name", "Disperindag", "--from", "2025-01-01"}, 2, "", "Disperindag"},
		{"rename", []string{"rename", "--db", dbPath, "--code", "DISPERINDAG", "--name", "Diskoperindag", "--full", "Dinas Koperasi, Perindustrian dan Perdagangan", "--from", "2025-01-01"}, 0, "Diskoperindag", ""},
		{"end orphans enrolments", []string{"end", "--db", dbPath, "--code", "DKP", "--last-year", "2023"}, 2, "", "2024"},
		{"end before first", []string{"end", "--db", dbPath, "--code", "DISKOMINFO", "--last-year", "2025"}, 2, "", "2026"},
		{"end bad year", []string{"end", "--db", dbPath, "--code", "DKP", "--last-year", "dua ribu"}, 2, "", "tidak sah"},
		{"end", []string{"end", "--db", dbPath, "--code", "DKP", "--last-year", "2024"}, 0, "sampai tahun 2024", ""},
		{"rename after end", []string{"rename", "--db", dbPath, "--code", "DKP", "--name", "DKP Baru", "--from", "2025-06-01"}, 2, "", "2024"},
		{"list", []string{"list", "--db", dbPath}, 0, "sejak 01/01/2025  Diskoperindag", ""},
	}
	for _, tc := range cases {
		code, stdout, stderr := run(append([]string{"agency"}, tc.args...)...)
		if code != tc.code || !strings.Contains(stdout, tc.stdout) || tc.stderr != "" && !strings.Contains(stderr, tc.stderr) ||
			tc.stderr == "" && stderr != "" {
			t.Errorf("%s: exit %d, stdout %q, stderr %q (want %d, %q, %q)", tc.name, code, stdout, stderr, tc.code, tc.stdout, tc.stderr)
		}
	}

	code, stdout, stderr := run("agency", "list", "--db", dbPath, "--json")
	if code != 0 {
		t.Fatal(stderr)
	}
	var list []agencyListJSON
	if err := json.Unmarshal([]byte(stdout), &list); err != nil {
		t.Fatal(err)
	}
	byCode := map[string]agencyListJSON{}
	for _, a := range list {
		byCode[a.Code] = a
	}
	if a := byCode["DISKOMINFO"]; a.FirstYear != 2026 || a.LastYear != 0 || len(a.Names) != 1 || a.Names[0].Full != "Dinas Komunikasi dan Informatika" || a.Order != 8 {
		t.Errorf("added %+v", a)
	}
	if a := byCode["DISPERINDAG"]; len(a.Names) != 2 || a.Names[1].ValidFrom != "2025-01-01" || a.Names[1].Short != "Diskoperindag" {
		t.Errorf("renamed %+v", a)
	}
	if a := byCode["DKP"]; a.LastYear != 2024 {
		t.Errorf("ended %+v", a)
	}

	// Every change is in the audit log, and the refused ones left nothing.
	db, err := app.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	entries, err := db.ListAudit(context.Background(), wub.AuditFilter{Entity: "agency"}, 0, 50)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 3 {
		t.Errorf("%d audit rows for agencies, want 3: %+v", len(entries), entries)
	}

	// A past month's submission keeps that year's name; a month after the
	// rename carries the new one.
	dir := t.TempDir()
	for _, tc := range []struct{ month, name string }{{"2024-06", "Disperindag"}, {"2025-02", "Diskoperindag"}} {
		out := filepath.Join(dir, tc.month+".xlsx")
		if code, _, stderr := run("export", "--db", dbPath, "--agency", "DISPERINDAG", "--month", tc.month, "--out", out); code != 0 {
			t.Fatal(stderr)
		}
		r := xlsx.ReadSubmissionFile(out)
		if r.Meta.AgencyName != tc.name {
			t.Errorf("%s: submission names the agency %q, want %q", tc.month, r.Meta.AgencyName, tc.name)
		}
	}
}

// TestAgencyRenameTravelsWithHandover is the case: DISPERINDAG
// hands its program to DKPP on 2025-01-01 and DKPP gets a new name from
// that day. The giving office renames DKPP before making the package; the
// receiving office takes the name over with the package.
func TestAgencyRenameTravelsWithHandover(t *testing.T) {
	dir := t.TempDir()
	giving, receiving := filepath.Join(dir, "disperindag.db"), filepath.Join(dir, "dkpp.db")
	givingDB(t, giving, wub.DISPERINDAG)
	givingDB(t, receiving, wub.DKPP)
	pkg := filepath.Join(dir, "serah-terima.wubho")
	for _, args := range [][]string{
		{"agency", "rename", "--db", giving, "--code", "DKPP", "--name", "Dispertahortbun", "--full", "Dinas Pertanian, Tanaman Pangan, Hortikultura dan Perkebunan", "--from", "2025-01-01"},
		{"handover", "export", "--db", giving, "--to", "DKPP", "--date", "2025-01-01", "--out", pkg},
		{"handover", "import", "--db", receiving, pkg},
	} {
		if code, _, stderr := run(args...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
	}
	code, stdout, stderr := run("agency", "list", "--db", receiving, "--json")
	if code != 0 {
		t.Fatal(stderr)
	}
	var list []agencyListJSON
	json.Unmarshal([]byte(stdout), &list)
	for _, a := range list {
		switch a.Code {
		case "DKPP":
			if len(a.Names) != 2 || a.Names[1].Short != "Dispertahortbun" || a.Names[1].ValidFrom != "2025-01-01" {
				t.Errorf("DKPP at the receiver: %+v", a)
			}
		case "DISPERINDAG":
			if a.LastYear != 2024 {
				t.Errorf("DISPERINDAG last year %d, want 2024", a.LastYear)
			}
		}
	}
}
