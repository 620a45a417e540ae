package xlsx

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"wubdesk/internal/wub"
)

// The workbooks of issue 16, written by openpyxl and saved again by
// LibreOffice (testdata/make_fixtures.py): what clerks really send.

func previewFixture(t *testing.T, name string, o Options) *Report {
	t.Helper()
	if o.Today.IsZero() {
		o.Today = today
	}
	rep, err := PreviewFile(ctx, filepath.Join("testdata", name), o)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return rep
}

func traineeAt(t *testing.T, rep *Report, num int) *wub.Trainee {
	t.Helper()
	for i, r := range rep.Rows {
		if r.Num == num {
			d := rep.Detail(i)
			if d.Trainee == nil {
				t.Fatalf("row %d is skipped", num)
			}
			return d.Trainee
		}
	}
	t.Fatalf("no row %d", num)
	return nil
}

func TestGroupedList(t *testing.T) {
	want := outcome{Sheet: "PESERTA", HeaderRow: 5, Year: 2023, Agency: wub.DISPERINDAG,
		Accepted: []int{8, 9, 10, 16, 17, 20, 21},
		Rejected: map[int]string{15: "nik_format", 22: "import_status_unknown"},
		Warnings: map[int]string{16: "row_hidden"},
		Skipped: map[int]string{6: SkipColumnNumbers, 7: SkipGroupTitle, 11: SkipTotal, 12: SkipHeaderRepeat,
			13: SkipColumnNumbers, 14: SkipGroupTitle, 18: SkipTotal, 19: SkipGroupTitle, 23: SkipTotal, 24: SkipTotal,
			26: SkipAfterTable, 27: SkipAfterTable, 30: SkipAfterTable}}
	for _, f := range []string{"grouped.xlsx", "grouped_lo.xlsx"} {
		t.Run(f, func(t *testing.T) {
			rep := previewFixture(t, f, Options{})
			if got := outcomeOf(rep); !reflect.DeepEqual(got, want) {
				t.Fatalf("outcome\n got %+v\nwant %+v", got, want)
			}
			// Group titles fill the kecamatan the rows leave empty; a twin
			// desa (Tanjung is in Pademawu and in Pegantenan) is then found.
			for num, desa := range map[int]string{8: "35.28.02.2001", 9: "35.28.02.2001", 16: "35.28.03.2002",
				21: "35.28.07.2013"} {
				if tr := traineeAt(t, rep, num); tr.DesaCode != desa {
					t.Errorf("row %d: desa %q, want %q (kecamatan %q)", num, tr.DesaCode, desa, tr.KecCode)
				}
			}
			// The kecamatan merged down over rows 20–22 applies to each.
			for _, num := range []int{20, 21, 22} {
				if tr := traineeAt(t, rep, num); tr.KecCode != "35.28.07" {
					t.Errorf("row %d: kecamatan %q, want Pegantenan", num, tr.KecCode)
				}
			}
			for num, st := range map[int]string{8: wub.StatusTrained, 9: wub.StatusDropped, 10: wub.StatusTrained,
				16: wub.StatusDropped, 17: wub.StatusTrained, 20: wub.StatusRegistered, 21: wub.StatusRegistered} {
				if got := traineeAt(t, rep, num).Enrolments[0].Status; got != st {
					t.Errorf("row %d: status %s, want %s", num, got, st)
				}
			}
			if n := traineeAt(t, rep, 16).Notes; !strings.Contains(n, "Tidak Lulus") {
				t.Errorf("row 16: the clerk's status word is not kept: %q", n)
			}
			// The hidden column H (NO. HP) is read and named.
			if tr := traineeAt(t, rep, 8); tr.Phone == "" {
				t.Error("hidden column H was not read")
			}
			if !reflect.DeepEqual(rep.HiddenColumns, []string{"H"}) || !reflect.DeepEqual(rep.HiddenRows, []int{16}) {
				t.Errorf("hidden columns %v rows %v", rep.HiddenColumns, rep.HiddenRows)
			}
			notices := strings.Join(rep.Notices(), " ")
			if !strings.Contains(notices, "H") || !strings.Contains(notices, "16") {
				t.Errorf("notices do not name the hidden row and column: %q", notices)
			}
			for i, r := range rep.Rows {
				if r.Num == 22 && !strings.Contains(rep.Reason(i), "Mengundurkan Diri") {
					t.Errorf("unknown status message does not list the words: %q", rep.Reason(i))
				}
			}
		})
	}
}

func TestGroupHeader(t *testing.T) {
	for _, f := range []string{"group_header.xlsx", "group_header_lo.xlsx"} {
		t.Run(f, func(t *testing.T) {
			rep := previewFixture(t, f, Options{})
			got := outcomeOf(rep)
			want := outcome{Sheet: "ANGKATAN 1", HeaderRow: 6, Year: 2022, Agency: wub.DISKOPUKM,
				Accepted: []int{8, 9, 11}, Rejected: map[int]string{10: "date_invalid"},
				Warnings: map[int]string{9: "nik_mismatch"}, Skipped: map[int]string{7: SkipColumnNumbers}}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("outcome\n got %+v\nwant %+v", got, want)
			}
			if rep.FirstHeader != 5 {
				t.Errorf("first header row %d, want 5", rep.FirstHeader)
			}
			fields := map[Field]int{FieldNo: 0, FieldNIK: 1, FieldName: 2, FieldSex: 3, FieldTTL: 4, FieldPhone: 5,
				FieldBusinessType: 6, FieldNotes: 7}
			if !reflect.DeepEqual(rep.Mapping, fields) {
				t.Errorf("mapping %v, want %v", rep.Mapping, fields)
			}
			tr := traineeAt(t, rep, 9)
			if tr.BirthPlace != "Pamekasan" || wub.FormatDate(tr.BirthDate) != "13/03/1988" || tr.Phone == "" ||
				!strings.Contains(tr.Notes, "Batik") {
				t.Errorf("row 9 read as %+v", tr)
			}
			if !reflect.DeepEqual(rep.OtherTables, []OtherTable{{Sheet: "ANGKATAN 2", Rows: 2}}) {
				t.Errorf("other tables %v (the hidden sheet LAMA must not count)", rep.OtherTables)
			}
			rep2 := previewFixture(t, f, Options{Sheet: "ANGKATAN 2"})
			if rep2.Accepted != 2 {
				t.Errorf("ANGKATAN 2: %d accepted", rep2.Accepted)
			}
		})
	}
}

func TestCSV(t *testing.T) {
	for _, f := range []string{"excel_id_cp1252.csv", "excel_id_utf8bom.csv", "libreoffice.csv"} {
		t.Run(f, func(t *testing.T) {
			rep := previewFixture(t, f, Options{})
			got := outcomeOf(rep)
			want := outcome{Sheet: strings.TrimSuffix(f, ".csv"), HeaderRow: 3, Year: 2023, Agency: wub.DISPERINDAG,
				Accepted: []int{4, 5, 7}, Rejected: map[int]string{6: "nik_numeric_cell"},
				Warnings: map[int]string{}, Skipped: map[int]string{}}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("outcome\n got %+v\nwant %+v", got, want)
			}
			tr := traineeAt(t, rep, 5)
			if tr.Name != "Ma\u2019ruf" || wub.FormatDate(tr.BirthDate) != "10/07/1988" || tr.Enrolments[0].Status != wub.StatusDropped {
				t.Errorf("row 5 read as %q %v %s", tr.Name, tr.BirthDate, tr.Enrolments[0].Status)
			}
			var buf strings.Builder
			if err := WriteErrors(&stringWriter{&buf}, rep); err != nil {
				t.Fatal(err)
			}
			if buf.Len() == 0 {
				t.Error("no error report")
			}
		})
	}
}

type stringWriter struct{ b *strings.Builder }

func (w *stringWriter) Write(p []byte) (int, error) { return w.b.Write(p) }

// A CSV named .xlsx is read as the CSV it is; text that is no table gets
// a message that does not claim the file is named .xlsx.
func TestCSVRenamedAndNotATable(t *testing.T) {
	rep := previewFixture(t, "csv_renamed.xlsx", Options{})
	if rep.Accepted+rep.Rejected == 0 {
		t.Errorf("csv_renamed.xlsx: nothing read")
	}
	p := filepath.Join(t.TempDir(), "catatan.csv")
	must(t, os.WriteFile(p, []byte("hanya satu baris teks tanpa pemisah\n"), 0o644))
	_, err := PreviewFile(ctx, p, Options{})
	if wub.ErrorCode(err) != "import_csv" || strings.Contains(err.Error(), ".xlsx") && !strings.Contains(err.Error(), "Simpan") {
		t.Errorf("not a table: %v", err)
	}
	if strings.Contains(err.Error(), "walaupun namanya") {
		t.Errorf("message still says the name is .xlsx: %v", err)
	}
}

func TestStatusWords(t *testing.T) {
	for in, want := range map[string]string{"Mengundurkan Diri": wub.StatusDropped, "MUNDUR": wub.StatusDropped,
		"do": wub.StatusDropped, "D.O.": wub.StatusDropped, "Drop  Out": wub.StatusDropped, "drop-out": wub.StatusDropped,
		"Tidak Lulus": wub.StatusDropped, "gagal": wub.StatusDropped, "Batal": wub.StatusDropped,
		"Lulus Pelatihan": wub.StatusTrained, " selesai   pelatihan ": wub.StatusTrained, "LULUS": wub.StatusTrained,
		"Sedang Pelatihan": wub.StatusRegistered, "proses": wub.StatusRegistered} {
		if got, ok := wub.ParseStatus(in); !ok || got != want {
			t.Errorf("ParseStatus(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := wub.ParseStatus("Pindah"); ok {
		t.Error("Pindah understood")
	}
}

// The wrong office: the title names Disperindag 2023, the clerk chose
// Diskop UKM 2022.
func TestTargetWarnings(t *testing.T) {
	rep := previewFixture(t, "grouped.xlsx", Options{Agency: wub.DISKOPUKM, Year: 2022})
	var got []string
	for _, w := range rep.Target {
		got = append(got, w.Source+":"+w.Kind+":"+w.Found)
	}
	if !reflect.DeepEqual(got, []string{"title:agency:DISPERINDAG", "title:year:2023"}) {
		t.Errorf("target warnings %v", got)
	}
	rep.SetTarget(wub.DISPERINDAG, 2023)
	if len(rep.Target) != 0 {
		t.Errorf("after choosing the title's agency and year: %v", rep.Target)
	}
	if w := (TargetWarning{Source: "column", Kind: "agency", Found: "DKP", Chosen: "DKPP", Rows: 3}).Message(); strings.Contains(w, "%!") {
		t.Errorf("badly formatted: %q", w)
	}
}

func TestTargetFromFileNameAndColumn(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "group_header.xlsx"))
	must(t, err)
	p := filepath.Join(t.TempDir(), "peserta_dkpp_2021.xlsx")
	must(t, os.WriteFile(p, b, 0o644))
	rep, err := PreviewFile(ctx, p, Options{Today: today})
	must(t, err)
	var got []string
	for _, w := range rep.Target {
		got = append(got, w.Source+":"+w.Kind+":"+w.Found)
	}
	if !reflect.DeepEqual(got, []string{"file_name:agency:DKPP", "file_name:year:2021"}) {
		t.Errorf("target warnings %v", got)
	}

	f := excelize.NewFile()
	defer f.Close()
	for i, row := range [][]any{{"NO", "NIK", "NAMA", "L/P", "INSTANSI"},
		{1, "3528044506950001", "Siti", "P", "Dinas Kelautan dan Perikanan"},
		{2, "3528041203880002", "Hasan", "L", "DISPERINDAG"}} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		must(t, f.SetSheetRow("Sheet1", cell, &row))
	}
	p = filepath.Join(t.TempDir(), "daftar.xlsx")
	must(t, f.SaveAs(p))
	rep, err = PreviewFile(ctx, p, Options{Today: today, Agency: wub.DISPERINDAG, Year: 2022})
	must(t, err)
	if len(rep.Target) != 1 || rep.Target[0].Found != wub.DKP || rep.Target[0].Rows != 1 {
		t.Errorf("column: %+v", rep.Target)
	}
}

// Excel 97–2003 files saved by LibreOffice: read with the same rules
// (merged ranges and hidden rows are not available from an .xls).
func TestXLS(t *testing.T) {
	rep := previewFixture(t, "old.xls", Options{})
	if got, want := outcomeOf(rep), officeOutcome(); !reflect.DeepEqual(got, want) {
		t.Errorf("old.xls\n got %+v\nwant %+v", got, want)
	}
	rep = previewFixture(t, "grouped_97.xls", Options{})
	if got := outcomeOf(rep); !reflect.DeepEqual(got.Accepted, []int{8, 9, 10, 16, 17, 20, 21}) || got.Skipped[24] != SkipTotal ||
		got.Skipped[14] != SkipGroupTitle || got.Rejected[15] != "nik_format" {
		t.Errorf("grouped_97.xls: %+v", got)
	}
	if tr := traineeAt(t, rep, 8); tr.DesaCode != "35.28.02.2001" || tr.Enrolments[0].Status != wub.StatusTrained {
		t.Errorf("row 8 of the .xls: %+v", tr)
	}
	rep = previewFixture(t, "group_header_97.xls", Options{})
	if rep.Sheet != "ANGKATAN 1" || !rep.Sheets[2].Hidden || len(rep.OtherTables) != 1 || rep.Rejected != 1 {
		t.Errorf("group_header_97.xls: sheet %q, sheets %+v, other %v", rep.Sheet, rep.Sheets, rep.OtherTables)
	}
	// A damaged .xls is refused with the message that says how to save it as .xlsx.
	if _, err := PreviewFile(ctx, brokenXLS(t), Options{}); wub.ErrorCode(err) != "import_xls" {
		t.Errorf("damaged .xls: %v", err)
	}
}

// brokenXLS writes a truncated .xls for the refusal tests of other packages.
func brokenXLS(t *testing.T) string {
	b, err := os.ReadFile(filepath.Join("testdata", "old.xls"))
	must(t, err)
	p := filepath.Join(t.TempDir(), "rusak.xls")
	must(t, os.WriteFile(p, b[:1536], 0o644))
	return p
}

func TestLayoutScan(t *testing.T) {
	var lo layout
	// Tags cut by a chunk's end are finished by the next chunk.
	data := []byte(`<cols><col min="2" max="3" hidden="1" width="0"/><col min="5" max="1024" hidden="true"/></cols>` +
		`<sheetData/><mergeCells count="2"><x:mergeCell ref="B5:B9"/><mergeCell ref="A1:J1"/><mergeCell ref="C`)
	rest := lo.scan(data)
	rest = lo.scan(append(rest, []byte(`3:D3"/></mergeCells>`)...))
	if len(rest) != 0 || len(lo.merges) != 3 || lo.merges[0] != (mergeRange{r1: 5, r2: 9, c1: 1, c2: 1}) {
		t.Errorf("merges %+v rest %q", lo.merges, rest)
	}
	if !lo.hiddenCols[1] || !lo.hiddenCols[2] || lo.hiddenCols[3] || !lo.hiddenCols[4] || !lo.hiddenCols[255] || lo.hiddenCols[256] {
		t.Errorf("hidden columns %v", lo.hiddenCols)
	}
}
