package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"wubdesk/internal/app"
	"wubdesk/internal/wub"
)

// givingDB is a DPMPTSP office with three people trained in 2021–2022.
func givingDB(t *testing.T, path string, office string) {
	t.Helper()
	db, err := app.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	if err := db.SetOffice(ctx, wub.Office{AgencyCode: office, HeadName: "Kepala Uji", HeadNIP: "197001011990031001"}); err != nil {
		t.Fatal(err)
	}
	if office != wub.DPMPTSP {
		return
	}
	for i, y := range []int{2021, 2022, 2022} {
		tr := &wub.Trainee{NIK: "35280541079800" + string(rune('1'+i)) + "0", Name: "Peserta " + string(rune('A'+i)), Sex: "P",
			DesaCode: "35.28.04.1001", Enrolments: []wub.Enrolment{{AgencyCode: wub.DPMPTSP, Year: y, Status: wub.StatusTrained,
				CompletedOn: time.Date(y, 5, 1, 0, 0, 0, 0, time.UTC)}}}
		if _, err := db.CreateTrainee(ctx, tr); err != nil {
			t.Fatal(err)
		}
	}
}

func TestHandoverCommands(t *testing.T) {
	dir := t.TempDir()
	giving, receiving, other := filepath.Join(dir, "dpmptsp.db"), filepath.Join(dir, "diskop.db"), filepath.Join(dir, "disperindag.db")
	givingDB(t, giving, wub.DPMPTSP)
	givingDB(t, other, wub.DISPERINDAG)
	pkg := filepath.Join(dir, "serah-terima.wubho")
	run := func(args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		code := Run(context.Background(), append([]string{"handover"}, args...), &out, &errb)
		return code, out.String(), errb.String()
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string // must contain
		stderr string // must contain; "" means stderr must be empty
	}{
		{"no subcommand", nil, 2, "", "sebutkan export atau import"},
		{"export without --to", []string{"export", "--db", giving, "--date", "2023-01-03", "--out", pkg}, 2, "", "--to DINAS"},
		{"export bad date", []string{"export", "--db", giving, "--to", "DISKOPUKM", "--date", "03/01/2023", "--out", pkg}, 2, "", "tidak sah"},
		{"export to itself", []string{"export", "--db", giving, "--to", "DPMPTSP", "--date", "2023-01-03", "--out", pkg}, 2, "", "sama dengan dinas pengirim"},
		{"export to unknown", []string{"export", "--db", giving, "--to", "XYZ", "--date", "2023-01-03", "--out", pkg}, 2, "", "XYZ"},
		{"export", []string{"export", "--db", giving, "--to", "diskopukm", "--date", "2023-01-03", "--out", pkg}, 0, "SHA-256", ""},
		{"import missing file", []string{"import", "--db", receiving, filepath.Join(dir, "tidak-ada.wubho")}, 2, "", "bukan paket serah terima"},
		{"import into another office", []string{"import", "--db", other, pkg}, 2, "", "Paket ini untuk Diskop UKM dan Naker"},
		{"dry run", []string{"import", "--db", receiving, "--dry-run", "--json", pkg}, 0, `"dry_run": true`, ""},
		{"import", []string{"import", "--db", receiving, "--json", pkg}, 0, `"committed": true`, ""},
		{"import again", []string{"import", "--db", receiving, pkg}, 2, "", "sudah diimpor"},
		{"import text", []string{"import", "--db", filepath.Join(dir, "baru.db"), "--dry-run", pkg}, 0, "Pratinjau", ""},
	}
	outputs := map[string]string{}
	for _, tt := range tests {
		code, stdout, stderr := run(tt.args...)
		outputs[tt.name] = stdout
		if code != tt.code || !strings.Contains(stdout, tt.stdout) {
			t.Errorf("%s: exit %d, stdout %q; want %d and %q", tt.name, code, stdout, tt.code, tt.stdout)
		}
		if tt.stderr == "" && stderr != "" || !strings.Contains(stderr, tt.stderr) {
			t.Errorf("%s: stderr %q, want %q", tt.name, stderr, tt.stderr)
		}
	}
	if _, err := os.Stat(strings.TrimSuffix(pkg, ".wubho") + "-berita-acara.xlsx"); err != nil {
		t.Errorf("berita acara: %v", err)
	}
	var dry, done handoverJSON
	if err := json.Unmarshal([]byte(outputs["dry run"]), &dry); err != nil {
		t.Fatalf("dry run JSON: %v\n%s", err, outputs["dry run"])
	}
	if err := json.Unmarshal([]byte(outputs["import"]), &done); err != nil {
		t.Fatalf("import JSON: %v", err)
	}
	if dry.From != wub.DPMPTSP || dry.To != wub.DISKOPUKM || dry.Date != "2023-01-03" || len(dry.SHA256) != 64 || dry.Committed {
		t.Errorf("dry run header: %+v", dry)
	}
	if done.SHA256 != dry.SHA256 || !done.Committed || done.Backup == "" {
		t.Errorf("import header: sha %s committed %v backup %q", done.SHA256, done.Committed, done.Backup)
	}
	want := map[string]int{"trainee": 3, "enrolment": 3}
	for _, c := range done.Counts {
		if n, ok := want[c.Kind]; ok && (c.New != n || c.InPackage != n || c.Matching != 0 || c.Conflicts != 0) {
			t.Errorf("%s: %+v, want %d new", c.Kind, c, n)
		}
		delete(want, c.Kind)
	}
	if len(want) > 0 {
		t.Errorf("counts lack %v", want)
	}
	db, err := app.Open(receiving)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if n, err := db.CountTrainees(context.Background(), wub.TraineeFilter{}); err != nil || n != 3 {
		t.Errorf("receiver holds %d trainees (%v) after importing twice, want 3", n, err)
	}
}
