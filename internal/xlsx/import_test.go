package xlsx

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

var ctx = context.Background()

var today = time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)

func openDB(t testing.TB) *store.DB {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "wub.db"))
	if err != nil {
		t.Fatal(err)
	}
	db.Now = func() time.Time { return time.Date(2024, 6, 1, 9, 0, 0, 0, time.UTC) }
	db.Actor = "tester"
	t.Cleanup(func() { db.Close() })
	return db
}

// outcome is a report reduced to what the issue's contract fixes.
type outcome struct {
	Sheet     string
	HeaderRow int
	Year      int
	Agency    string
	Accepted  []int
	Rejected  map[int]string // row → error codes, comma-separated
	Warnings  map[int]string // accepted row → warning codes
	Skipped   map[int]string // row → reason
}

func outcomeOf(rep *Report) outcome {
	o := outcome{Sheet: rep.Sheet, HeaderRow: rep.HeaderRow, Year: rep.TitleYear, Agency: rep.TitleAgency,
		Rejected: map[int]string{}, Warnings: map[int]string{}, Skipped: map[int]string{}}
	for _, r := range rep.Rows {
		switch r.Status {
		case Accepted, Update:
			o.Accepted = append(o.Accepted, r.Num)
			// Lulus rows without a completion date (all of these fixtures')
			// get the file's date with a warning: TestImportLulusGetsFileDate.
			var w []string
			for _, c := range r.Warnings() {
				if c != "import_completed_on_offered" {
					w = append(w, c)
				}
			}
			if len(w) > 0 {
				o.Warnings[r.Num] = strings.Join(w, ",")
			}
		case Rejected:
			o.Rejected[r.Num] = strings.Join(r.Errors(), ",")
		case Skipped:
			o.Skipped[r.Num] = r.Skip()
		}
	}
	return o
}

// officeOutcome is what office_2022.xlsx must give (see fixtures_test.go).
func officeOutcome() outcome {
	return outcome{Sheet: "DATA PESERTA", HeaderRow: 6, Year: 2022, Agency: wub.DISPERINDAG,
		Accepted: []int{8, 9, 10, 11, 15, 16, 22, 23, 24},
		Rejected: map[int]string{12: "nik_numeric_cell", 14: "nik_duplicate_in_file", 17: "name_missing",
			18: "nik_format", 19: "gender_invalid", 20: "date_invalid", 21: "nik_missing"},
		Warnings: map[int]string{11: "nik_numeric_cell", 15: "phone_invalid,kecamatan_fuzzy", 16: "date_from_nik",
			22: "nik_outside_regency,desa_unknown", 23: "gender_from_nik", 24: "nik_mismatch"},
		Skipped: map[int]string{7: SkipColumnNumbers, 13: SkipBlank, 25: SkipTotal, 27: SkipAfterTable,
			28: SkipAfterTable, 31: SkipAfterTable, 32: SkipAfterTable},
	}
}

func TestPreviewFixtures(t *testing.T) {
	lo := officeOutcome()
	// LibreOffice, like Excel, kept 15 digits of the numeric NIK in row 11
	// (…0004 became …0000): the classic loss, now refused.
	lo.Accepted = []int{8, 9, 10, 15, 16, 22, 23, 24}
	lo.Rejected[11] = "nik_numeric_cell"
	delete(lo.Warnings, 11)
	tests := []struct {
		file  string
		sheet string
		want  outcome
	}{
		{"office_2022.xlsx", "", officeOutcome()},
		{"office_2022_lo.xlsx", "", lo},
		{"separate_cols.xlsx", "", outcome{Sheet: "Peserta", HeaderRow: 3, Year: 2021, Agency: wub.DISKOPUKM,
			Accepted: []int{4, 5, 6, 7, 8, 9, 10, 14},
			Rejected: map[int]string{12: "date_invalid"}, Warnings: map[int]string{},
			Skipped: map[int]string{11: SkipHeaderRepeat, 13: SkipNoData}}},
		{"two_sheets.xlsx", "", outcome{Sheet: "2021", HeaderRow: 2, Year: 2021, Agency: wub.DKP,
			Accepted: []int{3}, Rejected: map[int]string{}, Warnings: map[int]string{3: "date_from_nik"},
			Skipped: map[int]string{}}},
		{"two_sheets.xlsx", "2022", outcome{Sheet: "2022", HeaderRow: 2, Year: 2022, Agency: wub.DKP,
			Accepted: []int{3, 4}, Rejected: map[int]string{},
			Warnings: map[int]string{3: "date_from_nik", 4: "date_from_nik"}, Skipped: map[int]string{}}},
	}
	for _, tt := range tests {
		t.Run(tt.file+"/"+tt.sheet, func(t *testing.T) {
			rep, err := PreviewFile(ctx, filepath.Join("testdata", tt.file), Options{Sheet: tt.sheet, Today: today})
			if err != nil {
				t.Fatal(err)
			}
			got := outcomeOf(rep)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestPreviewReadsValues(t *testing.T) {
	rep, err := PreviewFile(ctx, filepath.Join("testdata", "separate_cols.xlsx"), Options{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	byRow := map[int]*wub.Trainee{}
	for i, r := range rep.Rows {
		if r.Status == Accepted {
			byRow[r.Num] = rep.Detail(i).Trainee
		}
	}
	d := func(y, m, day int) string {
		return wub.FormatDate(time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC))
	}
	tests := []struct {
		row                         int
		nik, sex, birth, phone, kec string
	}{
		{4, "3528045203950001", "P", d(1995, 3, 12), "081234567890", "35.28.04"}, // date cell, +62 phone
		{5, "3528021007880002", "L", d(1988, 7, 10), "081234567891", "35.28.02"}, // serial number
		{6, "3528034701900003", "P", d(1990, 1, 7), "", "35.28.03"},              // dd-mm-yyyy, PR
		{7, "3528051505850004", "L", d(1985, 5, 15), "", "35.28.05"},             // dd/mm/yyyy, LK
		{8, "3528064410920011", "P", d(1992, 10, 4), "", "35.28.06"},             // yyyy-mm-dd
		{9, "3528060708920012", "L", d(1992, 8, 7), "", "35.28.06"},              // 7 Agustus 1992
		{10, "3528064708920013", "P", d(1992, 8, 7), "", "35.28.06"},             // 7 Agt 1992
		{14, "3528074508000015", "P", d(2000, 8, 5), "", ""},                     // dd.mm.yyyy, W
	}
	for _, tt := range tests {
		tr := byRow[tt.row]
		if tr == nil {
			t.Errorf("row %d not accepted", tt.row)
			continue
		}
		got := []string{tr.NIK, tr.Sex, wub.FormatDate(tr.BirthDate), tr.Phone, tr.KecCode}
		want := []string{tt.nik, tt.sex, tt.birth, tt.phone, tt.kec}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("row %d: got %v, want %v", tt.row, got, want)
		}
	}
	if tr := byRow[4]; tr.DesaCode != "35.28.04.1001" || tr.Notes != "Jenis usaha: Kuliner" || tr.Address != "Jl. Jokotole 5" {
		t.Errorf("row 4: desa %q notes %q address %q", tr.DesaCode, tr.Notes, tr.Address)
	}
}

func TestPreviewOfficeMapping(t *testing.T) {
	rep, err := PreviewFile(ctx, filepath.Join("testdata", "office_2022.xlsx"), Options{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	want := map[Field]int{FieldNo: 0, FieldName: 1, FieldNIK: 2, FieldSex: 3, FieldTTL: 4, FieldAddress: 5,
		FieldDesa: 6, FieldKecamatan: 7, FieldPhone: 8, FieldBusinessType: 9, FieldNotes: 10}
	if !reflect.DeepEqual(rep.Mapping, want) {
		t.Errorf("mapping %v, want %v", rep.Mapping, want)
	}
	if h := rep.Columns[6].Header; h != "ALAMAT / DESA" {
		t.Errorf("column G header %q", h)
	}
	if len(rep.Sheets) != 2 || rep.Sheets[0].HeaderRow != 0 || rep.Sheets[1].HeaderRow != 6 {
		t.Errorf("sheets %+v", rep.Sheets)
	}
	byRow := map[int]*wub.Trainee{}
	for i, r := range rep.Rows {
		if r.Status == Accepted {
			byRow[r.Num] = rep.Detail(i).Trainee
		}
	}
	tests := []struct {
		row                           int
		nik, place, phone, desa, kbli string
	}{
		{8, "3528045203950001", "Pamekasan", "081234567890", "35.28.04.1001", ""},  // leading apostrophe
		{9, "3528021007880002", "PAMEKASAN", "081234567891", "35.28.02.2001", "G"}, // spaces, +62, KBLI letter
		{10, "3528034701900003", "Sumenep", "081234567892", "35.28.03.2002", ""},   // dots, phone number lost its 0
		{11, "3528051505850004", "Pamekasan", "085234567890", "35.28.05.2002", ""}, // numeric cell
	}
	for _, tt := range tests {
		tr := byRow[tt.row]
		got := []string{tr.NIK, tr.BirthPlace, tr.Phone, tr.DesaCode, tr.KBLI}
		want := []string{tt.nik, tt.place, tt.phone, tt.desa, tt.kbli}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("row %d: got %v, want %v", tt.row, got, want)
		}
	}
}

func TestMappingOverride(t *testing.T) {
	// Leaving the TTL column out: every accepted row now takes its birth date from the NIK.
	rep, err := PreviewFile(ctx, filepath.Join("testdata", "office_2022.xlsx"),
		Options{Today: today, Mapping: map[Field]int{FieldTTL: -1}})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rep.Rows {
		if r.Status == Accepted && !strings.Contains(strings.Join(r.Warnings(), ","), "date_from_nik") {
			t.Errorf("row %d: warnings %v, want date_from_nik", r.Num, r.Warnings())
		}
	}
	if _, err := PreviewFile(ctx, filepath.Join("testdata", "office_2022.xlsx"),
		Options{Mapping: map[Field]int{FieldNIK: -1}}); wub.ErrorCode(err) != "import_sheet_no_header" {
		t.Errorf("without a NIK column: %v", err)
	}
}

func TestPreviewRefusesFiles(t *testing.T) {
	tests := []struct{ file, sheet, code string }{
		{"encrypted.xlsx", "", "import_encrypted"},
		{"damaged.xlsx", "", "import_damaged"},
		{"office_2022.xlsx", "REKAP", "import_sheet_no_header"},
		{"office_2022.xlsx", "Nope", "import_sheet_unknown"},
		{"missing.xlsx", "", "import_open"},
	}
	for _, tt := range tests {
		_, err := PreviewFile(ctx, filepath.Join("testdata", tt.file), Options{Sheet: tt.sheet})
		if got := wub.ErrorCode(err); got != tt.code {
			t.Errorf("%s: code %q (%v), want %s", tt.file, got, err, tt.code)
		}
		if err != nil && strings.Contains(err.Error(), "%!") {
			t.Errorf("%s: badly formatted message %q", tt.file, err)
		}
	}
}

func TestTitleDetection(t *testing.T) {
	tests := []struct {
		lines  []string
		year   int
		agency string
	}{
		{[]string{"DAFTAR PESERTA WUB", "DINAS KELAUTAN DAN PERIKANAN", "TAHUN 2023"}, 2023, wub.DKP},
		{[]string{"Peserta WUB DKPP Kab. Pamekasan 2021"}, 2021, wub.DKPP},
		{[]string{"DINAS KOPERASI, USAHA MIKRO DAN TENAGA KERJA", "Tahun Anggaran: 2024 (revisi 2025)"}, 2024, wub.DISKOPUKM},
		{[]string{"DP3AP2KB", "Pelatihan menjahit"}, 0, wub.DP3AP2KB},
		{[]string{"DAFTAR HADIR"}, 0, ""},
	}
	for _, tt := range tests {
		if y, a := titleYear(tt.lines), titleAgency(tt.lines); y != tt.year || a != tt.agency {
			t.Errorf("%q: %d %q, want %d %q", tt.lines, y, a, tt.year, tt.agency)
		}
	}
}

func TestMatchHeader(t *testing.T) {
	tests := map[string]Field{
		"NIK": FieldNIK, "No. NIK": FieldNIK, "Nomor Induk Kependudukan": FieldNIK, "NO. KTP": FieldNIK,
		"NAMA": FieldName, "NAMA LENGKAP": FieldName, "Nama Peserta": FieldName, "NAMA (SESUAI KTP)": FieldName,
		"Nama Usaha": FieldBusinessName, "NAMA IBU KANDUNG": "", "JK": FieldSex, "L/P": FieldSex,
		"Jenis Kelamin": FieldSex, "TTL": FieldTTL, "Tempat, Tanggal Lahir": FieldTTL, "Tempat Lahir": FieldBirthPlace,
		"Tgl. Lahir": FieldBirthDate, "No. HP": FieldPhone, "No HP/WA": FieldPhone, "Telepon": FieldPhone,
		"Jenis Usaha": FieldBusinessType, "Bidang Usaha": FieldBusinessType, "No": FieldNo, "NO. KK": FieldKK,
		"ALAMAT": FieldAddress, "Desa/Kel": FieldDesa, "KEC.": FieldKecamatan, "RT/RW": FieldRT,
		"Pendidikan Terakhir": FieldEducation, "Keterangan": FieldNotes, "UMUR": "",
	}
	for h, want := range tests {
		if got := matchHeader(h); got != want {
			t.Errorf("matchHeader(%q) = %q, want %q", h, got, want)
		}
	}
	if got := matchSubHeader("TEMPAT, TANGGAL LAHIR", "TANGGAL"); got != FieldBirthDate {
		t.Errorf("sub-header TANGGAL: %q", got)
	}
	if got := matchSubHeader("TTL", "TEMPAT"); got != FieldBirthPlace {
		t.Errorf("sub-header TEMPAT: %q", got)
	}
}

func TestSplitTTL(t *testing.T) {
	tests := []struct{ in, place, date string }{
		{"Pamekasan, 12-05-1990", "Pamekasan", "12-05-1990"},
		{"PAMEKASAN, 12 Mei 1990", "PAMEKASAN", "12 Mei 1990"},
		{"Sumenep 03/11/1985", "Sumenep", "03/11/1985"},
		{"Kota Malang 7 Agt 1992", "Kota Malang", "7 Agt 1992"},
		{"Pamekasan", "Pamekasan", ""},
		{"12-05-1990", "", "12-05-1990"},
		{"Pamekasan, 31-02-1991", "Pamekasan", "31-02-1991"},
	}
	for _, tt := range tests {
		if p, d := splitTTL(tt.in); p != tt.place || d != tt.date {
			t.Errorf("splitTTL(%q) = %q, %q; want %q, %q", tt.in, p, d, tt.place, tt.date)
		}
	}
}

func TestCodesHaveMessages(t *testing.T) {
	var missing []string
	for _, c := range codes {
		if !wub.HasMessage(c) {
			missing = append(missing, c)
		}
	}
	for _, s := range []string{SkipBlank, SkipColumnNumbers, SkipTotal, SkipAfterTable, SkipHeaderRepeat, SkipNoData} {
		if !wub.HasMessage("skip_" + s) {
			missing = append(missing, "skip_"+s)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("codes without a message: %v", missing)
	}
}

func ExampleSkipMessage() {
	fmt.Println(SkipMessage(SkipTotal))
	// Output: Baris jumlah atau sub total
}

// imported is app.ImportResult as the tests in this package see it.
type imported struct{ Inserted, Updated, Enrolled, Unchanged int }

// commit is app.ImportWorkbook over db, the use case that writes a
// preview's Writes. A test in package xlsx cannot import app (app imports
// xlsx), so link_test.go, in package xlsx_test, sets it.
var commit func(ctx context.Context, db *store.DB, rep *Report, progress func(done, total int)) (imported, error)
