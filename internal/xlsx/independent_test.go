package xlsx_test

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"wubdesk/internal/wub"
)

// python is the interpreter that has openpyxl on these machines
// (scripts/deps.sh installs python3-openpyxl).
const python = "/usr/bin/python3"

// needOpenpyxl skips the test, saying why, when openpyxl is not installed.
func needOpenpyxl(t *testing.T) {
	t.Helper()
	if err := exec.Command(python, "-c", "import openpyxl").Run(); err != nil {
		t.Skipf("%s has no openpyxl (apt-get install python3-openpyxl; scripts/deps.sh does it): %v", python, err)
	}
}

// openpyxlDump reads a workbook with openpyxl and returns, per sheet, the
// cells (value, data type, number format) and the sheet settings.
const openpyxlDump = `
import datetime, json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": wb.sheetnames, "states": {ws.title: ws.sheet_state for ws in wb}, "data": {}, "settings": {}}
for ws in wb:
    rows = []
    for r in ws.iter_rows():
        row = []
        for c in r:
            v = c.value
            if isinstance(v, datetime.datetime):
                v = v.strftime("%Y-%m-%d")
            row.append([v, c.data_type, c.number_format])
        rows.append(row)
    out["data"][ws.title] = rows
    out["settings"][ws.title] = {"freeze": ws.freeze_panes, "filter": ws.auto_filter.ref,
        "titles": ws.print_title_rows, "orientation": ws.page_setup.orientation,
        "paper": ws.page_setup.paperSize, "breaks": len(ws.row_breaks.brk)}
print(json.dumps(out))
`

type pyCell [3]any // value, data type, number format

type pyBook struct {
	Sheets   []string
	States   map[string]string
	Data     map[string][][]pyCell
	Settings map[string]struct {
		Freeze, Filter, Titles, Orientation string
		Paper                               any
		Breaks                              int
	}
}

func readOpenpyxl(t *testing.T, path string) pyBook {
	t.Helper()
	out, err := exec.Command(python, "-c", openpyxlDump, path).Output()
	if err != nil {
		var stderr string
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("openpyxl: %v\n%s", err, stderr)
	}
	var b pyBook
	if err := json.Unmarshal(out, &b); err != nil {
		t.Fatal(err)
	}
	return b
}

// text is a cell's value as the Go side writes it.
func (c pyCell) text() string {
	switch v := c[0].(type) {
	case nil:
		return ""
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case string:
		return v
	}
	return fmt.Sprint(c[0])
}

func TestSubmissionReadByOpenpyxl(t *testing.T) {
	needOpenpyxl(t)
	db := openDB(t)
	seedDisperindag(t, db)
	path, meta := export(t, db, wub.DISPERINDAG, day(2024, 6, 1), nil)
	want := expectedRows(t, db, "@Abdul Rahman", "Siti Aminah", `=HYPERLINK("http://x","klik")`, "Nur Hayati")
	b := readOpenpyxl(t, path)

	if strings.Join(b.Sheets, ",") != "Rekap,Peserta,Meta" || b.States["Meta"] != "hidden" || b.States["Rekap"] != "visible" {
		t.Errorf("sheets %v %v", b.Sheets, b.States)
	}
	rows := b.Data["Peserta"]
	if len(rows) != len(want)+1 {
		t.Fatalf("openpyxl sees %d rows, want %d", len(rows), len(want)+1)
	}
	for i, w := range want {
		got := rows[i+1]
		for c := range w {
			v := got[c].text()
			// openpyxl does not decode the _xHHHH_ escape of the OOXML
			// spec; Excel, LibreOffice and excelize do.
			v = strings.ReplaceAll(v, "_x005F_", "_")
			if v != w[c] {
				t.Errorf("row %d col %d: openpyxl %q, want %q", i+2, c+1, v, w[c])
			}
		}
		if got[1][1] != "s" || got[1][2] != "@" {
			t.Errorf("row %d NIK cell %v: want a string in a Text (@) cell", i+2, got[1])
		}
		if got[6][1] != "d" || got[6][2] != "dd/mm/yyyy" {
			t.Errorf("row %d birth date cell %v: want a date shown dd/mm/yyyy", i+2, got[6])
		}
		if got[0][1] != "n" {
			t.Errorf("row %d No cell %v: want a number", i+2, got[0])
		}
	}
	for _, cell := range []pyCell{rows[1][3], rows[3][3], rows[3][7]} { // @…, =HYPERLINK(…), +62…
		if cell[1] != "s" {
			t.Errorf("%v is not read as a string", cell)
		}
	}
	s := b.Settings["Peserta"]
	if s.Freeze != "A2" || s.Filter != "A1:R5" || s.Titles != "$1:$1" || s.Orientation != "landscape" || fmt.Sprint(s.Paper) != "9" {
		t.Errorf("Peserta settings %+v", s)
	}
	metaVals := map[string]string{}
	for _, r := range b.Data["Meta"] {
		if len(r) >= 2 {
			metaVals[r[0].text()] = r[1].text()
		}
	}
	if metaVals["sha256"] != meta.DataSHA256 || metaVals["rows_peserta"] != "4" || metaVals["agency_code"] != wub.DISPERINDAG ||
		metaVals["period"] != "2024-06" || metaVals["program_year"] != "2024" {
		t.Errorf("Meta by openpyxl: %v", metaVals)
	}
}

// TestSubmissionOpensInLibreOffice converts the workbook with LibreOffice
// (as a clerk's office suite would open it) to PDF and the Peserta sheet to
// CSV, and compares the CSV with the database.
func TestSubmissionOpensInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil || testing.Short() {
		t.Skip("LibreOffice (soffice) not installed, or -short: apt-get install libreoffice-calc-nogui")
	}
	db := openDB(t)
	seedDisperindag(t, db)
	path, _ := export(t, db, wub.DISPERINDAG, day(2024, 6, 1), nil)
	want := expectedRows(t, db, "@Abdul Rahman", "Siti Aminah", `=HYPERLINK("http://x","klik")`, "Nur Hayati")
	dir := t.TempDir()
	profile := "-env:UserInstallation=file://" + filepath.Join(dir, "profile")
	run := func(filter string) {
		args := []string{"--headless", profile, "--convert-to", filter, "--outdir", dir, path}
		cmd := exec.Command(soffice, args...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("soffice %v: %v\n%s", args, err, out)
		}
	}
	run("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,2")
	run("pdf")
	base := strings.TrimSuffix(filepath.Base(path), ".xlsx")
	if fi, err := os.Stat(filepath.Join(dir, base+".pdf")); err != nil || fi.Size() < 10000 {
		t.Errorf("no PDF from LibreOffice: %v", err)
	}
	fh, err := os.Open(filepath.Join(dir, base+"-Peserta.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	got, err := csv.NewReader(fh).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want)+1 {
		t.Fatalf("LibreOffice sees %d rows, want %d", len(got), len(want)+1)
	}
	for i, w := range want {
		for c := range w {
			v := got[i+1][c]
			if c == 6 || c == 15 { // shown dd/mm/yyyy
				if v != "" {
					d, err := wub.ParseDate(v)
					if err != nil {
						t.Fatalf("date %q: %v", v, err)
					}
					v = wub.ISO(d)
				}
			}
			if v != w[c] {
				t.Errorf("row %d col %d: LibreOffice %q, want %q", i+2, c+1, v, w[c])
			}
		}
	}
}
