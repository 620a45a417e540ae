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

	"github.com/xuri/excelize/v2"

	"wubdesk/internal/store"
	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

// seededDB writes a database with one person trained by Disperindag and
// DKP in June 2024 and one trained by Disperindag only.
func seededDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "wub.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	june := time.Date(2024, 6, 10, 0, 0, 0, 0, time.UTC)
	for _, tr := range []*wub.Trainee{
		{NIK: "3528045203950001", Name: "Siti Aminah", Sex: "P", Enrolments: []wub.Enrolment{
			{AgencyCode: wub.DISPERINDAG, Year: 2024, Status: wub.StatusTrained, CompletedOn: june},
			{AgencyCode: wub.DKP, Year: 2024, Status: wub.StatusTrained, CompletedOn: june}}},
		{NIK: "3528040101900001", Name: "Moh. Hasan", Sex: "L", Enrolments: []wub.Enrolment{
			{AgencyCode: wub.DISPERINDAG, Year: 2024, Status: wub.StatusTrained, CompletedOn: june}}},
	} {
		if _, err := db.CreateTrainee(context.Background(), tr); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

func run(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := Run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestExportCommand(t *testing.T) {
	dbPath := seededDB(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "DISPERINDAG_2024-06.xlsx")
	code, stdout, stderr := run("export", "--db", dbPath, "--agency", "DISPERINDAG", "--month", "2024-06", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "2 baris peserta") {
		t.Errorf("stdout %q", stdout)
	}
	r := xlsx.ReadSubmissionFile(out)
	if !r.OK() || r.Meta.AgencyCode != wub.DISPERINDAG || r.Meta.Period != "2024-06" || r.Meta.Year != 2024 || len(r.Rows) != 2 {
		t.Errorf("exported %+v %v", r.Meta, r.Err)
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".wubdesk-*"))
	if len(leftovers) != 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}

	cases := []struct {
		name string
		args []string
		msg  string
	}{
		{"no agency", []string{"--db", dbPath, "--month", "2024-06", "--out", out}, "--agency"},
		{"no out", []string{"--db", dbPath, "--agency", "DKP", "--month", "2024-06"}, "--out"},
		{"no db", []string{"--agency", "DKP", "--month", "2024-06", "--out", out}, "--db"},
		{"bad month", []string{"--db", dbPath, "--agency", "DKP", "--month", "06/2024", "--out", out}, "TTTT-BB"},
		{"unknown agency", []string{"--db", dbPath, "--agency", "DINSOS", "--month", "2024-06", "--out", out}, "DINSOS"},
		{"agency gone", []string{"--db", dbPath, "--agency", "DPMPTSP", "--month", "2024-06", "--out", out}, "2024"},
		{"folder missing", []string{"--db", dbPath, "--agency", "DKP", "--month", "2024-06", "--out", filepath.Join(dir, "x", "y.xlsx")}, "folder"},
	}
	for _, tc := range cases {
		code, _, stderr := run(append([]string{"export"}, tc.args...)...)
		if code != 2 || !strings.Contains(stderr, tc.msg) {
			t.Errorf("%s: exit %d, stderr %q (want 2 and %q)", tc.name, code, stderr, tc.msg)
		}
	}
}

func TestConsolidateCommandJSON(t *testing.T) {
	dbPath := seededDB(t)
	dir := t.TempDir()
	var files []string
	for _, a := range []string{"DISPERINDAG", "DKP"} {
		p := filepath.Join(dir, a+".xlsx")
		if code, _, stderr := run("export", "--db", dbPath, "--agency", a, "--month", "2024-06", "--out", p); code != 0 {
			t.Fatal(stderr)
		}
		files = append(files, p)
	}
	tampered := filepath.Join(dir, "DKP-diubah.xlsx")
	f, _ := excelize.OpenFile(files[1])
	f.SetCellStr("Peserta", "D2", "Bukan Siti")
	f.SaveAs(tampered)
	f.Close()
	notes := filepath.Join(dir, "catatan.xlsx")
	os.WriteFile(notes, []byte("bukan laporan"), 0o644)

	out := filepath.Join(t.TempDir(), "rekap.xlsx")
	code, stdout, stderr := run("consolidate", "--out", out, "--json", files[0], files[1], tampered, notes)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got struct {
		Files []struct {
			File, Agency, Month, Reason string
			OK                          bool
		}
		Agencies []struct {
			Agency             string
			Enrolments, People int
		}
		Enrolments, People int
		Duplicates         []struct {
			NIK      string
			Agencies []string
		}
		Outcomes struct { // added by the outcome figures (issue 26): add-only
			Year       int
			Stages     map[string]int
			MedianDays *float64 `json:"median_days_to_business"`
			Agencies   []struct {
				Agency     string
				Known      bool
				Stages     map[string]int
				MedianDays *float64 `json:"median_days_to_business"`
			}
			WithoutColumns []string `json:"files_without_outcome_columns"`
		}
		LikelyDuplicates []struct {
			A, B   struct{ NIK, Name, Agency string }
			Reason string
			Score  int
		} `json:"likely_duplicates"`
	}
	dec := json.NewDecoder(strings.NewReader(stdout))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("JSON %q: %v", stdout, err)
	}
	var raw map[string]json.RawMessage
	json.Unmarshal([]byte(stdout), &raw)
	if len(raw) != 7 || string(raw["likely_duplicates"]) != "[]" {
		t.Errorf("top-level keys %v (likely_duplicates: an empty list when there is none)", raw)
	}
	// Siti is trained by both agencies: one person in the stage figures.
	if o := got.Outcomes; o.Year != 2024 || o.Stages["trained"] != 2 || o.Stages["registered"] != 2 || len(o.WithoutColumns) != 0 {
		t.Errorf("outcomes %+v", o)
	}
	if got.Enrolments != 3 || got.People != 2 {
		t.Errorf("enrolments %d people %d, want 3 and 2", got.Enrolments, got.People)
	}
	if len(got.Duplicates) != 1 || got.Duplicates[0].NIK != "3528045203950001" ||
		strings.Join(got.Duplicates[0].Agencies, ",") != "DISPERINDAG,DKP" {
		t.Errorf("duplicates %+v", got.Duplicates)
	}
	if len(got.Agencies) != 2 || got.Agencies[0].Agency != "DISPERINDAG" || got.Agencies[0].Enrolments != 2 ||
		got.Agencies[0].People != 2 || got.Agencies[1].Agency != "DKP" || got.Agencies[1].People != 1 {
		t.Errorf("agencies %+v", got.Agencies)
	}
	if len(got.Files) != 4 {
		t.Fatalf("files %+v", got.Files)
	}
	for i, want := range []struct {
		ok     bool
		agency string
		reason string
	}{{true, "DISPERINDAG", ""}, {true, "DKP", ""}, {false, "DKP", "diubah setelah diekspor"}, {false, "", "bukan buku kerja"}} {
		g := got.Files[i]
		if g.OK != want.ok || g.Agency != want.agency || !strings.Contains(g.Reason, want.reason) || (want.reason == "") != (g.Reason == "") {
			t.Errorf("file %d: %+v, want %+v", i, g, want)
		}
	}
	if got.Files[0].File != files[0] || got.Files[0].Month != "2024-06" {
		t.Errorf("file entry %+v", got.Files[0])
	}
	if !strings.Contains(stderr, "DKP-diubah.xlsx") || !strings.Contains(stderr, "catatan.xlsx") {
		t.Errorf("stderr does not name the refused files: %q", stderr)
	}
	if _, err := os.Stat(out); err != nil {
		t.Errorf("no workbook: %v", err)
	}

	// A folder stands for the workbooks in it.
	code, stdout, _ = run("consolidate", "--out", out, dir)
	if code != 0 || !strings.Contains(stdout, "4 berkas") {
		t.Errorf("folder: exit %d, %q", code, stdout)
	}
	for name, args := range map[string][]string{
		"no files":     {"consolidate", "--out", out},
		"no out":       {"consolidate", files[0]},
		"missing file": {"consolidate", "--out", out, filepath.Join(dir, "tidak-ada.xlsx")},
	} {
		if code, _, stderr := run(args...); code != 2 || stderr == "" {
			t.Errorf("%s: exit %d, stderr %q", name, code, stderr)
		}
	}
}
