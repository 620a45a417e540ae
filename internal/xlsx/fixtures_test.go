package xlsx

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// The workbooks under testdata/ are made by this file, the way offices make
// theirs: `go test ./internal/xlsx -run TestWriteFixtures -update`, then
// `bash internal/xlsx/testdata/libreoffice.sh` for the copies saved by
// LibreOffice. Tests read the committed files.
var update = flag.Bool("update", false, "rewrite the testdata workbooks")

func TestWriteFixtures(t *testing.T) {
	if !*update {
		t.Skip("run with -update to rewrite testdata/*.xlsx")
	}
	for name, build := range map[string]func(t *testing.T) *excelize.File{
		"office_2022.xlsx":   officeWorkbook,
		"separate_cols.xlsx": separateColumnsWorkbook,
		"two_sheets.xlsx":    twoSheetsWorkbook,
	} {
		f := build(t)
		if err := f.SaveAs(filepath.Join("testdata", name)); err != nil {
			t.Fatal(err)
		}
		if name == "office_2022.xlsx" {
			if err := f.SaveAs(filepath.Join("testdata", "encrypted.xlsx"), excelize.Options{Password: "rahasia"}); err != nil {
				t.Fatal(err)
			}
		}
		f.Close()
	}
	must(t, os.WriteFile(filepath.Join("testdata", "csv_renamed.xlsx"),
		[]byte("NO;NIK;NAMA\n1;3528045203950001;Siti Aminah\n"), 0o644))
	b, err := os.ReadFile(filepath.Join("testdata", "office_2022.xlsx"))
	must(t, err)
	must(t, os.WriteFile(filepath.Join("testdata", "damaged.xlsx"), b[:len(b)/2], 0o644))
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// rowsOf writes rows from a start row; nil cells are left empty.
func rowsOf(t testing.TB, f *excelize.File, sheet string, start int, rows [][]any) {
	t.Helper()
	for i, r := range rows {
		for c, v := range r {
			if v == nil {
				continue
			}
			name, _ := excelize.CoordinatesToCellName(c+1, start+i)
			must(t, f.SetCellValue(sheet, name, v))
		}
	}
}

// officeWorkbook is a Disperindag 2022 list: a REKAP sheet first, title
// rows merged across the table, a two-row header (ALAMAT over DUSUN / DESA
// / KECAMATAN), a row of column numbers, a JUMLAH row and a signature block.
func officeWorkbook(t *testing.T) *excelize.File {
	f := excelize.NewFile()
	must(t, f.SetSheetName("Sheet1", "REKAP"))
	rowsOf(t, f, "REKAP", 1, [][]any{
		{"REKAPITULASI PESERTA WUB 2022"},
		{"KECAMATAN", "JUMLAH"},
		{"Pamekasan", 3}, {"Pademawu", 2},
	})
	const s = "DATA PESERTA"
	_, err := f.NewSheet(s)
	must(t, err)
	for i, title := range []string{"DAFTAR PESERTA PELATIHAN PROGRAM WIRAUSAHA BARU (WUB)",
		"DINAS PERINDUSTRIAN DAN PERDAGANGAN KABUPATEN PAMEKASAN", "TAHUN 2022"} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		must(t, f.SetCellValue(s, cell, title))
		must(t, f.MergeCell(s, cell, "K"+cell[1:]))
	}
	rowsOf(t, f, s, 5, [][]any{
		{"NO", "NAMA LENGKAP", "No. NIK", "L/P", "TTL", "ALAMAT", nil, nil, "No HP/WA", "Jenis Usaha", "KETERANGAN"},
		{nil, nil, nil, nil, nil, "DUSUN", "DESA", "KECAMATAN"},
		{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11},
	})
	for _, c := range []string{"A", "B", "C", "D", "E", "I", "J", "K"} {
		must(t, f.MergeCell(s, c+"5", c+"6"))
	}
	must(t, f.MergeCell(s, "F5", "H5"))
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49})
	must(t, err)
	must(t, f.SetColStyle(s, "C", text))
	rowsOf(t, f, s, 8, [][]any{
		{1, "Siti Aminah", "'3528045203950001", "P", "Pamekasan, 12-03-1995", "Dsn. Krajan", "Kangenan", "Kec. Pamekasan", "081234567890", "Kuliner"},
		{2, "MOH. HASAN", "3528 0210 0788 0002", "LK", "PAMEKASAN, 10 Juli 1988", "Dsn. Barat", "Tanjung", "pademawu", "+6281234567891", "G"},
		{3, "Fatimah", "3528.03.470190.0003", "Perempuan", "Sumenep 07/01/1990", nil, "Konang", "KECAMATAN GALIS", int64(81234567892), "Batik"},
		{4, "Abdul Rahman", int64(3528051505850004), "Laki-laki", "Pamekasan, 15 Mei 1985", nil, "Toket", "Proppo", "0852-3456-7890"},
		{5, "Nur Hayati", int64(3528064410920010), "PR", "Pamekasan, 04-10-1992", nil, "Angsanah", "Palengaan", "081234567893"},
		nil,
		{6, "Siti Aminah", "3528045203950001", "P", "Pamekasan, 12-03-1995", nil, "Kangenan", "Pamekasan"},
		{7, "Budi Santoso", "3528060101900005", "Pria", "Pamekasan, 01-01-1990", nil, "Banyupelle", "Palenggaan", "0812"},
		{8, "Rina", "3528074508000006", "Wanita", nil, nil, "Plakpak", "Pegantenan"},
		{9, nil, "3528081203910007", "L", "Pamekasan, 12-03-1991", nil, "Peltong", "Larangan"},
		{10, "Ahmad", "352808120391", "L", "Pamekasan, 12-03-1991"},
		{11, "Ali", "3528081203910008", "X", "Pamekasan, 12-03-1991"},
		{12, "Umar", "3528091203910009", "L", "Pamekasan, 31-02-1991"},
		{13, "Hasanah", nil, "P", "Pamekasan, 12-03-1991"},
		{14, "Lutfi", "3529011203910011", "L", "Sumenep, 12-03-1991", nil, "Ambunten Tengah"},
		{15, "Zainab", "3528105505950012", nil, "Pamekasan, 15-05-1995", nil, "Bajur", "Waru"},
		{16, "Kamil", "3528111203910013", "P", "Pamekasan, 12-03-1991", nil, "Pangereman", "Batumarmar", nil, nil, "ulang"},
		{"JUMLAH", nil, nil, nil, nil, nil, nil, nil, nil, nil, "16 orang"},
	})
	must(t, f.MergeCell(s, "A25", "H25"))
	rowsOf(t, f, s, 27, [][]any{
		{nil, nil, nil, nil, nil, nil, nil, nil, "Pamekasan, 30 Desember 2022"},
		{nil, nil, nil, nil, nil, nil, nil, nil, "Kepala Dinas Perindustrian dan Perdagangan"},
	})
	rowsOf(t, f, s, 31, [][]any{
		{nil, nil, nil, nil, nil, nil, nil, nil, "Drs. H. MOH. YANTO, M.Si"},
		{nil, nil, nil, nil, nil, nil, nil, nil, "NIP. 19700101 199003 1 001"},
	})
	return f
}

// separateColumnsWorkbook is a Diskop UKM 2021 list with a one-row header
// on row 3 named differently, separate place and date of birth, dates as
// date cells, serial numbers and text, a header repeated on a later page and
// numbered empty rows at the end.
func separateColumnsWorkbook(t *testing.T) *excelize.File {
	f := excelize.NewFile()
	const s = "Peserta"
	must(t, f.SetSheetName("Sheet1", s))
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	must(t, err)
	header := []any{"No", "Nomor Induk Kependudukan", "Nama Peserta", "Jenis Kelamin", "Tempat Lahir", "Tanggal Lahir",
		"Alamat", "Desa/Kelurahan", "Kecamatan", "Telepon", "Bidang Usaha"}
	rowsOf(t, f, s, 1, [][]any{
		{"DATA PESERTA WUB DINAS KOPERASI DAN USAHA MIKRO"},
		{"TAHUN ANGGARAN 2021"},
		header,
		{1, "3528045203950001", "Siti Aminah", "P", "Pamekasan", time.Date(1995, 3, 12, 0, 0, 0, 0, time.UTC), "Jl. Jokotole 5", "Kangenan", "Pamekasan", "+62 812-3456-7890", "Kuliner"},
		{2, "3528021007880002", "Moh. Hasan", "L", "Pamekasan", 32334, nil, "Tanjung", "Pademawu", "6281234567891"}, // 1988-07-10
		{3, "3528034701900003", "Fatimah", "PR", "Sumenep", "07-01-1990", nil, "Konang", "Galis"},
		{4, "3528051505850004", "Abdul Rahman", "LK", "Pamekasan", "15/05/1985", nil, "Toket", "Proppo"},
		{5, "3528064410920011", "Nur Hayati", "Perempuan", "Pamekasan", "1992-10-04", nil, "Angsanah", "Palengaan"},
		{6, "3528060708920012", "Budi", "L", "Pamekasan", "7 Agustus 1992", nil, "Banyupelle", "Palengaan"},
		{7, "3528064708920013", "Budiyanti", "P", "Pamekasan", "7 Agt 1992", nil, "Banyupelle", "Palengaan"},
		header,
		{8, "3528064708920014", "Ani", "P", "Pamekasan", "7 Agustos 1992"},
		{9, nil, nil, nil, nil, nil, "Jl. Trunojoyo"},
		{10, "3528074508000015", "Rina", "W", "Pamekasan", "05.08.2000"},
		{11}, {12}, {13},
	})
	must(t, f.SetCellStyle(s, "F4", "F4", dateStyle))
	return f
}

// twoSheetsWorkbook has two data sheets (2021 and 2022): the first is
// taken unless the clerk picks the other.
func twoSheetsWorkbook(t *testing.T) *excelize.File {
	f := excelize.NewFile()
	must(t, f.SetSheetName("Sheet1", "2021"))
	_, err := f.NewSheet("2022")
	must(t, err)
	for _, s := range []string{"2021", "2022"} {
		rowsOf(t, f, s, 1, [][]any{
			{"PESERTA WUB DKP TAHUN " + s},
			{"NIK", "NAMA", "JK"},
		})
	}
	rowsOf(t, f, "2021", 3, [][]any{{"3528045203950001", "Siti Aminah", "P"}})
	rowsOf(t, f, "2022", 3, [][]any{{"3528021007880002", "Moh. Hasan", "L"}, {"3528034701900003", "Fatimah", "P"}})
	return f
}
