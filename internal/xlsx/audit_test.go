package xlsx_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"wubdesk/internal/store"
	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

func TestWriteAuditReadsBack(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(filepath.Join(t.TempDir(), "wub.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.Actor = "rina"
	tr := &wub.Trainee{NIK: "3528045203950001", Name: `=HYPERLINK("http://x","klik")`, Sex: "P", Phone: "081234567890",
		Enrolments: []wub.Enrolment{{AgencyCode: wub.DKP, Year: 2023, Status: wub.StatusRegistered}}}
	if _, err := db.CreateTrainee(ctx, tr); err != nil {
		t.Fatal(err)
	}
	tr.Phone = "081299998888"
	if _, err := db.UpdateTrainee(ctx, tr); err != nil {
		t.Fatal(err)
	}
	filter := wub.AuditFilter{Entity: "trainee", EntityID: tr.ID}

	for _, masked := range []bool{false, true} {
		var buf bytes.Buffer
		n, err := xlsx.WriteAudit(&buf, db.AuditSeq(ctx, filter), xlsx.AuditExportOptions{Filter: filter, MaskNIK: masked,
			Now: time.Date(2024, 6, 1, 9, 0, 0, 0, time.Local)})
		if err != nil {
			t.Fatal(err)
		}
		want, _ := db.CountAudit(ctx, filter)
		if n != want || n != 3 {
			t.Fatalf("wrote %d rows, the filter selects %d", n, want)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := f.GetRows("Audit")
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != n+1 || rows[0][0] != "Waktu" || rows[0][7] != "Sesudah (JSON)" {
			t.Fatalf("rows = %q", rows)
		}
		update := rows[1] // newest first
		if update[1] != "rina" || update[2] != "Peserta" || update[4] != "Ubah" ||
			update[5] != "Phone: 081234567890 → 081299998888" {
			t.Errorf("update row = %q", update)
		}
		all := strings.Join(append(rows[1], rows[3]...), " ")
		if hasNIK := strings.Contains(all, "3528045203950001"); hasNIK == masked {
			t.Errorf("masked=%v but the full NIK appears=%v", masked, hasNIK)
		}
		if masked && !strings.Contains(all, "3528********0001") {
			t.Error("no masked NIK in the masked export")
		}
		// The name that looks like a formula stays text.
		for r := 2; r <= n+1; r++ {
			for c := 1; c <= 8; c++ {
				cell, _ := excelize.CoordinatesToCellName(c, r)
				if fm, _ := f.GetCellFormula("Audit", cell); fm != "" {
					t.Errorf("%s is a formula: %s", cell, fm)
				}
			}
		}
		notes, _ := f.GetRows("Keterangan")
		if len(notes) < 8 || notes[2][1] != "3" || !strings.Contains(strings.Join(notes[len(notes)-1], " "), "UU 27/2022") {
			t.Errorf("notes = %q", notes)
		}
		f.Close()
	}
}

func TestChangedFields(t *testing.T) {
	tests := []struct{ old, new, want string }{
		{`{"A":"1","B":"x"}`, `{"A":"2","B":"x"}`, "A: 1 → 2"},
		{`{"A":"1"}`, `{"A":"1","C":true}`, "C: — → true"},
		{`{"P":""}`, `{"P":"0812"}`, "P: — → 0812"},
		{`{"ClosedOn":"0001-01-01T00:00:00Z"}`, `{"ClosedOn":"2024-03-31T00:00:00Z"}`, "ClosedOn: — → 31/03/2024"},
		{`{"Born":"1990-05-12","N":2593}`, `{"Born":"1990-05-21","N":3528045203}`, "Born: 12/05/1990 → 21/05/1990; N: 2593 → 3528045203"},
		{"", `{"A":"1"}`, ""},
		{`not json`, `{"A":"1"}`, ""},
	}
	for _, tt := range tests {
		if got := xlsx.ChangedFields(tt.old, tt.new); got != tt.want {
			t.Errorf("ChangedFields(%s, %s) = %q, want %q", tt.old, tt.new, got, tt.want)
		}
	}
}

func TestRecordedFields(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{"ID":2593,"Name":"Bordir","ListedOn":"2022-04-01T00:00:00Z","ClosedOn":"0001-01-01T00:00:00Z","Note":""}`,
			"ID: 2593; ListedOn: 01/04/2022; Name: Bordir"},
		{`{"Price":2500.5,"Tags":["a"]}`, `Price: 2500.5; Tags: ["a"]`},
		{"not json", "not json"},
	}
	for _, tt := range tests {
		if got := xlsx.RecordedFields(tt.in); got != tt.want {
			t.Errorf("RecordedFields(%s) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
