package xlsx_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

// TestEditedSubmissionRefused edits an exported workbook the ways a clerk
// might and checks that each edit is caught with the right reason, and
// that opening and saving without changes is not an edit.
func TestEditedSubmissionRefused(t *testing.T) {
	db := openDB(t)
	seedDisperindag(t, db)
	orig, _ := export(t, db, wub.DISPERINDAG, day(2024, 6, 1), nil)
	cases := []struct {
		name string
		edit func(f *excelize.File) error
		code string
	}{
		{"saved unchanged", func(f *excelize.File) error { return nil }, ""},
		{"name edited", func(f *excelize.File) error { return f.SetCellStr(xlsx.SheetPeserta, "D2", "Nur Hayatie") }, "submission_tampered"},
		{"status edited", func(f *excelize.File) error { return f.SetCellStr(xlsx.SheetPeserta, "O2", "Keluar") }, "submission_tampered"},
		{"date typed as text", func(f *excelize.File) error { return f.SetCellStr(xlsx.SheetPeserta, "G2", "30/01/2000") }, "submission_tampered"},
		{"column added", func(f *excelize.File) error { return f.SetCellStr(xlsx.SheetPeserta, "T3", "catatan") }, "submission_tampered"},
		{"row deleted", func(f *excelize.File) error { return f.RemoveRow(xlsx.SheetPeserta, 3) }, "submission_rows_mismatch"},
		{"row added", func(f *excelize.File) error {
			return f.SetSheetRow(xlsx.SheetPeserta, "A6", &[]any{5, "3528045203950099", "", "Tambahan"})
		}, "submission_rows_mismatch"},
		{"count month edited", func(f *excelize.File) error { return f.SetCellStr(xlsx.SheetPeserta, "R2", "Januari 2024") }, "submission_tampered"},
		{"count date edited", func(f *excelize.File) error { return f.SetCellInt(xlsx.SheetPeserta, "Q2", 45292) }, "submission_tampered"},
		{"heading renamed", func(f *excelize.File) error { return f.SetCellStr(xlsx.SheetPeserta, "D1", "Nama Lengkap") }, "submission_header_changed"},
		{"Meta agency changed", func(f *excelize.File) error { return f.SetCellStr(xlsx.SheetMeta, "B3", wub.DKP) }, "submission_tampered"},
		{"Meta totals changed", func(f *excelize.File) error { return f.SetCellStr(xlsx.SheetMeta, "B14", "9") }, "submission_tampered"},
		{"Meta checksum cut", func(f *excelize.File) error { return f.SetCellStr(xlsx.SheetMeta, "B19", "abc") }, "submission_meta_invalid"},
		{"newer format", func(f *excelize.File) error { return f.SetCellStr(xlsx.SheetMeta, "B2", "2") }, "submission_format_newer"},
		{"Meta sheet deleted", func(f *excelize.File) error { return f.DeleteSheet(xlsx.SheetMeta) }, "submission_no_meta"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f, err := excelize.OpenFile(orig)
			if err != nil {
				t.Fatal(err)
			}
			if err := tc.edit(f); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "edited.xlsx")
			if err := f.SaveAs(path); err != nil {
				t.Fatal(err)
			}
			f.Close()
			r := xlsx.ReadSubmissionFile(path)
			if got := wub.ErrorCode(r.Err); got != tc.code {
				t.Fatalf("code %q (%v), want %q", got, r.Err, tc.code)
			}
			if r.Err != nil && !containsAll(r.Err.Error(), "edited.xlsx") {
				t.Errorf("message does not name the file: %v", r.Err)
			}
		})
	}
}

func TestNotASubmission(t *testing.T) {
	dir := t.TempDir()
	plain := filepath.Join(dir, "rekap_manual.xlsx")
	f := excelize.NewFile()
	f.SetCellStr("Sheet1", "A1", "NIK")
	if err := f.SaveAs(plain); err != nil {
		t.Fatal(err)
	}
	text := filepath.Join(dir, "catatan.xlsx")
	os.WriteFile(text, []byte("bukan excel"), 0o644)
	for path, code := range map[string]string{plain: "submission_no_meta", text: "submission_unreadable",
		filepath.Join(dir, "tidak-ada.xlsx"): "submission_not_found"} {
		r := xlsx.ReadSubmissionFile(path)
		if got := wub.ErrorCode(r.Err); got != code {
			t.Errorf("%s: %q (%v), want %q", filepath.Base(path), got, r.Err, code)
		}
	}
}

func containsAll(s string, subs ...string) bool {
	for _, x := range subs {
		if !strings.Contains(s, x) {
			return false
		}
	}
	return true
}
