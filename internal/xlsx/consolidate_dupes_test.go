package xlsx_test

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

// One person in two agencies' submissions under NIKs a digit apart is a
// likely duplicate of the consolidation, in its result and its workbook.
func TestConsolidateListsLikelyDuplicates(t *testing.T) {
	db := openDB(t)
	b := day(1990, 3, 12)
	a := person{nik: nik(4, b, false, 2), name: "Moh. Rofiq", sex: "L", birth: b, agency: wub.DISPERINDAG, year: 2024,
		status: wub.StatusTrained, completed: day(2024, 5, 10)}.trainee()
	o := person{nik: nik(4, b, false, 3), name: "Mohammad Rofiq", sex: "L", birth: b, agency: wub.DKP, year: 2024,
		status: wub.StatusTrained, completed: day(2024, 5, 20)}.trainee()
	twin := person{nik: nik(4, b, true, 4), name: "Siti Rofiqoh", sex: "P", birth: b, agency: wub.DKP, year: 2024,
		status: wub.StatusTrained, completed: day(2024, 5, 20)}.trainee()
	for _, tr := range []*wub.Trainee{a, o, twin} {
		if _, err := db.CreateTrainee(ctx, tr); err != nil {
			t.Fatal(err)
		}
	}
	june := day(2024, 6, 1)
	dis, _ := export(t, db, wub.DISPERINDAG, june, nil)
	dkp, _ := export(t, db, wub.DKP, june, nil)
	c := xlsx.Consolidate([]*xlsx.Received{xlsx.ReadSubmissionFile(dis), xlsx.ReadSubmissionFile(dkp)},
		xlsx.ConsolidateOptions{Agencies: agencies(t, db), Now: day(2024, 7, 20)})
	if len(c.LikelyDuplicates) != 1 {
		t.Fatalf("likely duplicates %+v", c.LikelyDuplicates)
	}
	d := c.LikelyDuplicates[0]
	if d.Reason != wub.DupNIKOneDigit || d.A.Agency == d.B.Agency || d.A.Agency == "" || d.B.Agency == "" {
		t.Fatalf("pair %+v", d)
	}
	if len(c.Duplicates) != 0 || c.People != 3 {
		t.Fatalf("the exact count is unchanged: %d duplicates, %d people", len(c.Duplicates), c.People)
	}
	var buf bytes.Buffer
	if err := xlsx.WriteConsolidation(&buf, c, wub.Office{}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(xlsx.SheetLikely)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || (rows[1][1] != a.NIK && rows[1][4] != a.NIK) || rows[1][8] == "" {
		t.Fatalf("sheet %v", rows)
	}
	if ct, _ := f.GetCellType(xlsx.SheetLikely, "B2"); ct != excelize.CellTypeSharedString {
		t.Errorf("NIK cell type %v: NIKs are text", ct)
	}
}
