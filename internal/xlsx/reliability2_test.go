package xlsx

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"wubdesk/internal/wub"
)

// Issue 25 item 6: a cell whose bytes are not text is refused, naming the
// column, and never stored; the other rows still import.
func TestCellThatIsNotTextIsRejected(t *testing.T) {
	bad := []string{"Siti \xff\xfe", "Ahmad \xc3(", "Budi\x01", "Rina\x7f", "\xed\xa0\x80Tono"}
	b := craftWorkbook(t, func(w io.Writer) {
		dataRow(w, 2, "3528045203950001", "Siti Aminah")
		for i, name := range bad {
			dataRow(w, 3+i, fmt.Sprintf("35280452039500%02d", 10+i), name)
		}
		// A bad NIK cell is named too (column A).
		dataRow(w, 8, "3528045203950\xff20", "Dewi")
	}, nil)
	db := openDB(t)
	rep, err := Preview(ctx, bytes.NewReader(b), "x.xlsx", Options{Register: db, Today: today, Agency: "DKP", Year: 2024})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Accepted != 1 {
		t.Errorf("accepted %d, want 1", rep.Accepted)
	}
	for i, r := range rep.Rows {
		if r.Num == 2 {
			continue
		}
		if r.Status != Rejected {
			t.Errorf("row %d: status %v, want rejected", r.Num, r.Status)
			continue
		}
		col := "B"
		if r.Num == 8 {
			col = "A"
		}
		if reason := rep.Reason(i); !strings.Contains(reason, "Kolom "+col) || !strings.Contains(reason, "bukan teks") {
			t.Errorf("row %d: reason %q does not name column %s", r.Num, reason, col)
		}
	}
	if _, err := commit(ctx, db, rep, nil); err != nil {
		t.Fatal(err)
	}
	ts, err := db.SearchTrainees(ctx, wub.TraineeFilter{}, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(ts) != 1 || ts[0].Name != "Siti Aminah" {
		t.Fatalf("stored %d trainees (%v), want only Siti Aminah", len(ts), ts)
	}
}

// Issue 25 item 8: the error report writes a rejected =HYPERLINK(…) value
// with the quote prefix, as the submission does, so it stays text.
func TestErrorReportQuotesFormulaLikeValues(t *testing.T) {
	payloads := []string{`=HYPERLINK("http://x.invalid","klik")`, "+62 812", "-1+1", "@SUM(A1)"}
	b := craftWorkbook(t, func(w io.Writer) {
		for i, p := range payloads {
			// A NIK too short: the row is rejected and its name goes to the report.
			dataRow(w, 2+i, "352804", strings.NewReplacer("&", "&amp;", "<", "&lt;", `"`, "&quot;").Replace(p))
		}
	}, nil)
	rep, err := Preview(ctx, bytes.NewReader(b), "x.xlsx", Options{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteErrors(&buf, rep); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetName(0)
	found := 0
	rows, _ := f.GetRows(sheet)
	for r, row := range rows {
		for c, v := range row {
			for _, p := range payloads {
				if v != p {
					continue
				}
				found++
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if fm, _ := f.GetCellFormula(sheet, ref); fm != "" {
					t.Errorf("%s is a formula %q", ref, fm)
				}
				id, _ := f.GetCellStyle(sheet, ref)
				xf := f.Styles.CellXfs.Xf[id]
				if xf.QuotePrefix == nil || !*xf.QuotePrefix {
					t.Errorf("%s = %q has no quote prefix (style %d)", ref, v, id)
				}
			}
		}
	}
	if found != len(payloads) {
		t.Fatalf("found %d of %d payloads in the report:\n%v", found, len(payloads), rows)
	}
}
