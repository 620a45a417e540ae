package xlsx

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"wubdesk/internal/wub"
)

// FuzzCellNormalisers feeds any text, from a text or a numeric cell, to
// everything that reads one cell.
func FuzzCellNormalisers(f *testing.F) {
	for _, s := range []string{"'3528045203950001", "3528 0452 0395 0001", "3.528045203950000E+15",
		"Pamekasan, 12-05-1990", "PAMEKASAN, 12 Mei 1990", "Sumenep 03/11/1985", "7 Agt 1992", "33000",
		"+62 812-3456-7890", "81234567890", "Kec. Pademawu", "KECAMATAN GALIS", "Palenggaan", "Laki-laki",
		"No HP/WA", "TEMPAT, TANGGAL LAHIR", "JUMLAH", "(1)", "", ",", "1990-13-45", "31/02/1991 00:00:00"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, num bool) {
		nik, is := nikFromCell(cell{text: s, num: num})
		if is != nil && (!num || len(nik) != 16) {
			t.Errorf("nikFromCell(%q, %v): issue %v", s, num, is.Code)
		}
		if d, ok := parseDateText(s, num); ok && !d.IsZero() && (d.Year() < 1 || d.Year() > 9999) {
			t.Errorf("parseDateText(%q) = %v", s, d)
		}
		place, date := splitTTL(s)
		if place != strings.TrimSpace(place) || date != strings.TrimSpace(date) {
			t.Errorf("splitTTL(%q) = %q, %q: not trimmed", s, place, date)
		}
		if utf8.ValidString(s) && len(place)+len(date) > len(s) {
			t.Errorf("splitTTL(%q) = %q, %q: longer than the cell", s, place, date)
		}
		f := matchHeader(s)
		if f != "" && !isField(f) {
			t.Errorf("matchHeader(%q) = %q", s, f)
		}
		_ = matchSubHeader(s, s)
		kbliFromText(s)
		r := sheetRow{num: 2, cells: []cell{{text: s, num: num}, {text: s}}}
		isNumberRow(r)
		isTotalRow(r, 0)
		isSignatureRow(r)
		if p, _ := wub.NormalizePhone(s); strings.Trim(p, "0123456789") != "" {
			t.Errorf("NormalizePhone(%q) = %q", s, p)
		}
		if sex, ok := wub.ParseSex(s); ok != (sex == "L" || sex == "P") {
			t.Errorf("ParseSex(%q) = %q, %v", s, sex, ok)
		}
		var a arena
		packed := a.pack(r)
		back := a.unpack(packed)
		if len(back.cells) != 2 || back.cells[0].num != num || a.cell(packed, 1).text != strings.ReplaceAll(s, "\x00", "") {
			t.Errorf("packRow/unpack of %q lost a cell", s)
		}
	})
}

func isField(f Field) bool {
	for _, x := range Fields {
		if x == f {
			return true
		}
	}
	return false
}

// FuzzImport feeds bytes to the whole workbook importer: it must refuse or
// read them, never panic, and a report it returns must be consistent.
func FuzzImport(f *testing.F) {
	for _, name := range []string{"two_sheets.xlsx", "office_2022_lo.xlsx", "csv_renamed.xlsx", "grouped_lo.xlsx",
		"excel_id_cp1252.csv", "old.xls"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	lim := Limits{FileBytes: 1 << 20, PartBytes: 4 << 20, Rows: 5000, CellBytes: 4 << 10, Columns: 64}
	f.Fuzz(func(t *testing.T, b []byte) {
		rep, err := Preview(ctx, bytes.NewReader(b), "fuzz.xlsx", Options{Limits: lim, Today: today})
		if err != nil {
			if wub.ErrorCode(err) == "" {
				t.Fatalf("error without a code: %v", err)
			}
			return
		}
		n := 0
		for i, r := range rep.Rows {
			switch r.Status {
			case Accepted:
				if len(r.Errors()) > 0 {
					t.Errorf("accepted row %d has errors %v", r.Num, r.Errors())
				}
			case Rejected:
				if len(r.Errors()) == 0 || rep.Reason(i) == "" {
					t.Errorf("rejected row %d without a reason", r.Num)
				}
			case Skipped:
				if r.Skip() == "" {
					t.Errorf("skipped row %d without a reason", r.Num)
				}
			}
			n++
		}
		if rep.Accepted+rep.Rejected+rep.Skipped+rep.Updates != n {
			t.Errorf("counts %d+%d+%d+%d != %d rows", rep.Accepted, rep.Rejected, rep.Skipped, rep.Updates, n)
		}
		if err := WriteErrors(io.Discard, rep); err != nil {
			t.Errorf("error report: %v", err)
		}
	})
}

// TestWriteFuzzCorpus keeps the seed corpus in testdata/fuzz (with -update).
func TestWriteFuzzCorpus(t *testing.T) {
	if !*update {
		t.Skip("run with -update")
	}
	dir := filepath.Join("testdata", "fuzz", "FuzzImport")
	must(t, os.MkdirAll(dir, 0o755))
	for _, name := range []string{"two_sheets.xlsx", "office_2022.xlsx", "separate_cols.xlsx", "damaged.xlsx", "encrypted.xlsx"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		must(t, err)
		body := "go test fuzz v1\n[]byte(" + strconv.Quote(string(b)) + ")\n"
		must(t, os.WriteFile(filepath.Join(dir, strings.TrimSuffix(name, ".xlsx")), []byte(body), 0o644))
	}
}
