package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestConsolidateLateDay: --late-day reaches the consolidation (the
// calendar sheet states the deadline it used); a day outside 1–28 is refused.
func TestConsolidateLateDay(t *testing.T) {
	dbPath := seededDB(t)
	dir := t.TempDir()
	sub := filepath.Join(dir, "DKP.xlsx")
	if code, _, stderr := run("export", "--db", dbPath, "--agency", "DKP", "--month", "2024-06", "--out", sub); code != 0 {
		t.Fatal(stderr)
	}
	note := func(out string) string {
		f, err := excelize.OpenFile(out)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		for _, sh := range f.GetSheetList() {
			rows, _ := f.GetRows(sh)
			for _, r := range rows {
				for _, c := range r {
					if strings.HasPrefix(c, "Batas kirim:") {
						return c
					}
				}
			}
		}
		return ""
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, "tanggal 10 bulan"},
		{[]string{"--late-day", "20"}, "tanggal 20 bulan"},
	} {
		out := filepath.Join(t.TempDir(), "rekap.xlsx")
		code, _, stderr := run(append(append([]string{"consolidate", "--out", out}, tc.args...), sub)...)
		if code != 0 {
			t.Fatalf("%v: exit %d %s", tc.args, code, stderr)
		}
		if got := note(out); !strings.Contains(got, tc.want) {
			t.Errorf("%v: note %q, want %q", tc.args, got, tc.want)
		}
	}
	for _, bad := range []string{"0", "29", "sepuluh"} {
		code, _, stderr := run("consolidate", "--out", filepath.Join(dir, "x.xlsx"), "--late-day", bad, sub)
		if code != 2 || stderr == "" {
			t.Errorf("--late-day %s: exit %d, stderr %q", bad, code, stderr)
		}
	}
}
