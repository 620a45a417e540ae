package xlsx

import (
	"testing"

	"wubdesk/internal/wub"
)

// A row of the office's workbook whose person is registered already under
// a NIK one digit away is warned about, and stays accepted.
func TestPreviewWarnsOfLikelyDuplicates(t *testing.T) {
	db := openDB(t)
	rep := previewOffice(t, Options{Register: db})
	first := -1
	for i, r := range rep.Rows {
		if r.Status == Accepted {
			first = i
			break
		}
	}
	if first < 0 {
		t.Fatal("no accepted row in the fixture")
	}
	row := rep.Detail(first).Trainee
	other := *row
	n := []byte(other.NIK)
	n[15] = '0' + (n[15]-'0'+1)%10
	other.NIK = string(n)
	other.Enrolments = []wub.Enrolment{{AgencyCode: wub.DKP, Year: 2021, Status: wub.StatusTrained}}
	if _, err := db.CreateTrainee(ctx, &other); err != nil {
		t.Fatal(err)
	}
	rep = previewOffice(t, Options{Register: db})
	dups, err := rep.LikelyDuplicates(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, d := range dups {
		if d.Row == first && d.Pair.B.ID == other.ID {
			found = true
			if d.Pair.B.Agency != wub.DKP || d.Pair.B.Year != 2021 || d.Num != rep.Rows[first].Num {
				t.Fatalf("the warning must name the other record's agency and year: %+v", d)
			}
		}
	}
	if !found {
		t.Fatalf("row %d not warned about: %+v", rep.Rows[first].Num, dups)
	}
	if rep.Rows[first].Status != Accepted {
		t.Fatal("a likely duplicate is a warning, not a rejection")
	}
}
