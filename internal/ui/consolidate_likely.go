package ui

import (
	"strconv"

	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

// The Konsolidasi tab of likely duplicates across the agencies'
// submissions: two NIKs that are likely one person, beside the exact
// duplicates.

func newLikelyTable(v *consolidateViews) *rowTable {
	return newRowTable(dupColumns, func() int { return len(v.c.LikelyDuplicates) }, v.likelyText,
		func(c int) string { return T(dupColumns[c].key) }, func(int) {})
}

func (v *consolidateViews) likelyText(row, col int) string {
	if row >= len(v.c.LikelyDuplicates) {
		return ""
	}
	d := v.c.LikelyDuplicates[row]
	side := func(s xlsx.LikelySide) string {
		return s.Name + " · " + wub.MaskNIK(s.NIK) + " · " + v.agencyName(s.Agency, s.Year) + " " + strconv.Itoa(s.Year)
	}
	switch col {
	case 0:
		return strconv.Itoa(d.Score)
	case 1:
		return side(d.A)
	case 2:
		return side(d.B)
	case 3:
		return wub.DupReasonText(d.Reason)
	}
	return ""
}
