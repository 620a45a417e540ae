package xlsx

import (
	"github.com/xuri/excelize/v2"

	"wubdesk/internal/wub"
)

// SheetLikely is the recap workbook's sheet of likely duplicates.
const SheetLikely = "Kemungkinan Ganda"

// LikelySide is one person of a likely pair, where the submissions have it.
type LikelySide struct {
	NIK, Name, Agency string
	Year              int
}

// LikelyDuplicate is two NIKs of the counted submissions that are likely
// one person (one NIK digit different or two swapped, similar names),
// found by the domain's rules, beside the exact Duplicates.
type LikelyDuplicate struct {
	A, B   LikelySide
	Reason string
	Score  int
}

// likelyDuplicates applies wub.FindDuplicates to the distinct NIKs of the
// counted files. A submission row holds NIK, name and kecamatan only, so
// the rules that need a birth date, desa or phone do not apply here.
func likelyDuplicates(counted []*FileResult) []LikelyDuplicate {
	var people []wub.DupPerson
	var sides []LikelySide
	seen := map[string]bool{}
	for _, r := range counted {
		for _, row := range r.Rows {
			if seen[row.NIK] {
				continue
			}
			seen[row.NIK] = true
			people = append(people, wub.DupPerson{NIK: row.NIK, Name: row.Name, Ref: len(sides)})
			sides = append(sides, LikelySide{NIK: row.NIK, Name: row.Name, Agency: r.Meta.AgencyCode, Year: r.Meta.Year})
		}
	}
	out := []LikelyDuplicate{}
	for _, p := range wub.FindDuplicates(people) {
		out = append(out, LikelyDuplicate{A: sides[p.A.Ref], B: sides[p.B.Ref], Reason: p.Reason, Score: p.Score})
	}
	return out
}

func writeLikely(f *excelize.File, st *styles, c *Consolidation) error {
	var rows [][]any
	for i, d := range c.LikelyDuplicates {
		rows = append(rows, []any{i + 1, d.A.NIK, d.A.Name, agencyYear(d.A.Agency, d.A.Year, ""),
			d.B.NIK, d.B.Name, agencyYear(d.B.Agency, d.B.Year, ""), wub.DupReasonText(d.Reason), d.Score})
	}
	return table(f, st, SheetLikely, []string{"No", "NIK A", "Nama A", "Dinas A", "NIK B", "Nama B", "Dinas B", "Alasan", "Skor"},
		[]float64{6, 20, 28, 18, 20, 28, 18, 50, 7}, map[int]bool{1: true, 4: true}, rows)
}
