package xlsx

import (
	"context"
)

// OtherTable is another visible sheet of the file that also holds a
// trainee table: the clerk may import it too (Options.Sheet).
type OtherTable struct {
	Sheet string `json:"sheet"`
	Rows  int    `json:"rows"` // rows that hold a NIK or a name
}

// findOtherTables counts the rows of every other visible sheet whose
// header names NIK and Nama.
func (rep *Report) findOtherTables(ctx context.Context, wb *workbook) error {
	rep.OtherTables = nil
	for _, s := range wb.sheets {
		h := rep.heads[s.name]
		if s.hidden || s.name == rep.Sheet || h == nil {
			continue
		}
		n, err := countDataRows(ctx, wb, s, h)
		if err != nil {
			return err
		}
		if n > 0 {
			rep.OtherTables = append(rep.OtherTables, OtherTable{Sheet: s.name, Rows: n})
		}
	}
	return nil
}

// countDataRows counts the rows below a header that hold a NIK or a name
// and are not totals, group titles or repeated headers.
func countDataRows(ctx context.Context, wb *workbook, s sheetRef, h *header) (int, error) {
	sr, err := wb.rows(s)
	if err != nil {
		return 0, err
	}
	defer sr.Close()
	nikCol, nameCol := h.mapping[FieldNIK], h.mapping[FieldName]
	heads := headerSignatures(h)
	n := 0
	for sr.Next() {
		r := sr.Row()
		if r.num <= h.last || r.num == h.numbers {
			continue
		}
		if r.num%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return 0, err
			}
		}
		if r.text(nikCol) == "" && r.text(nameCol) == "" {
			continue
		}
		if digits(r.text(nikCol)) >= 10 {
			n++ // a NIK: the common case, decided without the tests below
			continue
		}
		if _, _, ok := groupTitle(r, nikCol); ok || isTotalRow(r, nikCol) || isHeaderRepeat(r, heads) ||
			matchHeader(r.text(nikCol)) == FieldNIK {
			continue
		}
		n++
	}
	return n, sr.Err()
}
