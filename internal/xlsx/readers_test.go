package xlsx_test

import (
	"encoding/json"
	"io"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"

	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

// readersCheck opens a workbook with openpyxl in normal and in read-only
// mode (which trusts each sheet's <dimension>, as large-file tools do) and
// with pandas when it is installed, and reports what each sees per sheet.
const readersCheck = `
import json, sys, openpyxl
path = sys.argv[1]
out = {}
full = openpyxl.load_workbook(path)
ro = openpyxl.load_workbook(path, read_only=True)
for ws in full:
    r = ro[ws.title]
    vals = [[c.value for c in row] for row in ws.iter_rows()]
    rvals = [[c.value for c in row] for row in r.iter_rows()]
    # read-only rows stop at the last cell of each row; pad like normal mode
    width = max([len(x) for x in vals] + [0])
    rvals = [x + [None] * (width - len(x)) for x in rvals]
    out[ws.title] = {"max_row": ws.max_row, "max_col": ws.max_column, "dim": ws.calculate_dimension(),
        "ro_max_row": r.max_row, "ro_max_col": r.max_column, "ro_dim": r.calculate_dimension(),
        "same_values": [[str(v) for v in x] for x in vals] == [[str(v) for v in x] for x in rvals]}
try:
    import pandas
    for name, df in pandas.read_excel(path, sheet_name=None, header=None).items():
        out[name]["pandas_shape"] = list(df.shape)
except ImportError:
    pass
print(json.dumps(out))
`

type readerView struct {
	MaxRow     int    `json:"max_row"`
	MaxCol     int    `json:"max_col"`
	Dim        string `json:"dim"`
	ROMaxRow   int    `json:"ro_max_row"`
	ROMaxCol   int    `json:"ro_max_col"`
	RODim      string `json:"ro_dim"`
	SameValues bool   `json:"same_values"`
	Pandas     []int  `json:"pandas_shape"`
}

// TestSubmissionEveryReaderAgrees: each sheet's <dimension> is its real used
// range, so openpyxl's read-only mode sees the same cells as its normal
// mode, and pandas the same shape (issue 17: Rekap, Fasilitator and Meta
// used to declare A1 while holding up to 93 rows).
func TestSubmissionEveryReaderAgrees(t *testing.T) {
	needOpenpyxl(t)
	db := openDB(t)
	seedDisperindag(t, db)
	fas := &xlsx.Table{Columns: []xlsx.SheetColumn{{Header: "No", Kind: xlsx.KindInt}, {Header: "NIK", Kind: xlsx.KindID},
		{Header: "Nama", Kind: xlsx.KindText}, {Header: "Tanggal Tugas", Kind: xlsx.KindDate}},
		Rows: [][]string{{"1", "3528045203950011", "Budi", "2024-05-02"}, {"2", "3528045203950012", "Ani", ""}}}
	path, meta := export(t, db, wub.DISPERINDAG, day(2024, 6, 1), func(s *xlsx.Submission) { s.Facilitators = fas; s.Quota = 40 })
	out, err := exec.Command(python, "-c", readersCheck, path).Output()
	if err != nil {
		var stderr string
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("openpyxl: %v\n%s", err, stderr)
	}
	var got map[string]readerView
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 4 {
		t.Fatalf("sheets %v", got)
	}
	_, pandas := got[xlsx.SheetRekap]
	pandas = pandas && got[xlsx.SheetRekap].Pandas != nil
	if !pandas {
		t.Log("LOUD: python3-pandas is not installed; read_excel not checked (apt-get install python3-pandas)")
	}
	for name, v := range got {
		if v.RODim != v.Dim || v.ROMaxRow != v.MaxRow || v.ROMaxCol != v.MaxCol || !v.SameValues {
			t.Errorf("%s: read-only mode sees %s (%d×%d), normal mode %s (%d×%d), same values %v",
				name, v.RODim, v.ROMaxRow, v.ROMaxCol, v.Dim, v.MaxRow, v.MaxCol, v.SameValues)
		}
		if v.MaxRow < 2 {
			t.Errorf("%s: %d rows", name, v.MaxRow)
		}
		if pandas && (v.Pandas[0] > v.MaxRow || v.Pandas[1] > v.MaxCol || v.Pandas[0] < 2) {
			t.Errorf("%s: pandas shape %v, openpyxl %d×%d", name, v.Pandas, v.MaxRow, v.MaxCol)
		}
	}
	if p := got[xlsx.SheetPeserta]; p.RODim != "A1:R5" || (pandas && (p.Pandas[0] != 5 || p.Pandas[1] != 18)) {
		t.Errorf("Peserta: %+v, want A1:R5 (4 rows and the heading, 18 columns)", p)
	}
	if m := got[xlsx.SheetMeta]; m.RODim != "A1:B19" {
		t.Errorf("Meta: %+v, want A1:B19", m)
	}
	if r := got[xlsx.SheetRekap]; r.MaxRow < 60 {
		t.Errorf("Rekap: %+v", r)
	}
	// Every worksheet part declares a range, none the lone "A1".
	for _, part := range []string{"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml"} {
		x := readZip(t, path, part)
		m := regexp.MustCompile(`<dimension ref="([^"]+)"`).FindStringSubmatch(x)
		if m == nil || m[1] == "A1" {
			t.Errorf("%s: dimension %v", part, m)
		}
	}
	if r := xlsx.ReadSubmissionFile(path); !r.OK() || r.Meta.DataSHA256 != meta.DataSHA256 {
		t.Errorf("read back: %v", r.Err)
	}
}

// TestConsolidationEveryReaderAgrees: the regency's workbook too declares
// each sheet's real used range.
func TestConsolidationEveryReaderAgrees(t *testing.T) {
	needOpenpyxl(t)
	db := openDB(t)
	seedDisperindag(t, db)
	path, _ := export(t, db, wub.DISPERINDAG, day(2024, 6, 1), nil)
	as, err := db.Agencies(ctx)
	if err != nil {
		t.Fatal(err)
	}
	c := xlsx.Consolidate([]*xlsx.Received{xlsx.ReadSubmissionFile(path)}, xlsx.ConsolidateOptions{Agencies: as, Now: day(2024, 7, 20)})
	out := filepath.Join(t.TempDir(), "rekap.xlsx")
	if err := xlsx.WriteFile(out, func(w io.Writer) error { return xlsx.WriteConsolidation(w, c, wub.Office{Place: "Pamekasan"}) }); err != nil {
		t.Fatal(err)
	}
	b, err := exec.Command(python, "-c", readersCheck, out).Output()
	if err != nil {
		t.Fatalf("openpyxl: %v", err)
	}
	var got map[string]readerView
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	for name, v := range got {
		if v.RODim != v.Dim || !v.SameValues {
			t.Errorf("%s: read-only mode sees %s, normal mode %s", name, v.RODim, v.Dim)
		}
	}
}

// TestSmallWorkbooksEveryReaderAgrees: the person's report (issue 24) and
// the outcome people list go through the same <dimension> fix as the
// consolidation, so openpyxl's read-only mode sees every row (the report
// used to show one row per sheet there).
func TestSmallWorkbooksEveryReaderAgrees(t *testing.T) {
	needOpenpyxl(t)
	at := day(2024, 7, 20)
	p := wub.PersonData{NIK: "3528045203950011", Records: []wub.PersonRecord{{
		Trainee: wub.Trainee{ID: 1, NIK: "3528045203950011", Name: "Siti Aminah", Sex: "P",
			Enrolments: []wub.Enrolment{{AgencyCode: wub.DISPERINDAG, Year: 2024, Status: wub.StatusTrained}}},
		Audit: []wub.AuditEntry{{At: at, Actor: "admin", Entity: "trainee", EntityID: 1, Action: "create"}},
	}}}
	out := filepath.Join(t.TempDir(), "data-pribadi.xlsx")
	if err := xlsx.WriteFile(out, func(w io.Writer) error { return xlsx.WritePersonReport(w, p, "admin", at) }); err != nil {
		t.Fatal(err)
	}
	b, err := exec.Command(python, "-c", readersCheck, out).Output()
	if err != nil {
		t.Fatalf("openpyxl: %v", err)
	}
	var got map[string]readerView
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if len(got) == 0 {
		t.Fatal("no sheets read")
	}
	for name, v := range got {
		if v.RODim != v.Dim || !v.SameValues {
			t.Errorf("%s: read-only mode sees %s, normal mode %s", name, v.RODim, v.Dim)
		}
	}
}
