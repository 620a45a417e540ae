package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

// rekapText is every cell of the Rekap sheet, one line per row.
func rekapText(t *testing.T, path string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Rekap")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.Join(r, " | ") + "\n")
	}
	return b.String()
}

// TestExportNamesOpenLikelyDuplicates: the Rekap says how many likely pairs
// are still open (issue 18), and says nothing once there are none.
func TestExportNamesOpenLikelyDuplicates(t *testing.T) {
	dbPath := seededDB(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "a.xlsx")
	if code, _, stderr := run("export", "--db", dbPath, "--agency", "DISPERINDAG", "--month", "2024-06", "--out", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if txt := rekapText(t, out); strings.Contains(txt, "kemungkinan ganda") {
		t.Errorf("no pairs, yet the Rekap names some:\n%s", txt)
	}

	// The same Siti Aminah again, one NIK digit mistyped.
	db, err := store.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	june := time.Date(2024, 6, 12, 0, 0, 0, 0, time.UTC)
	if _, err := db.CreateTrainee(context.Background(), &wub.Trainee{NIK: "3528045203950007", Name: "Siti Aminah", Sex: "P",
		Enrolments: []wub.Enrolment{{AgencyCode: wub.DISPERINDAG, Year: 2024, Status: wub.StatusTrained, CompletedOn: june}}}); err != nil {
		t.Fatal(err)
	}
	n, err := db.OpenDuplicateCount(context.Background())
	db.Close()
	if err != nil || n < 1 {
		t.Fatalf("open pairs %d, %v", n, err)
	}
	out2 := filepath.Join(dir, "b.xlsx")
	if code, _, stderr := run("export", "--db", dbPath, "--agency", "DISPERINDAG", "--month", "2024-06", "--out", out2); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if txt := rekapText(t, out2); !strings.Contains(txt, "kemungkinan ganda belum diperiksa") {
		t.Errorf("the Rekap does not name the open pair:\n%s", txt)
	}
}
