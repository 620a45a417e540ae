package xlsx

import (
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"

	"wubdesk/internal/wub"
)

// WriteErrors writes the error report ("Simpan laporan kesalahan"): the
// title and header rows of the file, then each rejected row as it was, with
// the reason in an extra column. NIK and KK columns are Text, so that the
// clerk can fix the rows in Excel and import this file again.
func WriteErrors(w io.Writer, rep *Report) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := rep.Sheet
	if err := checkSheetName(sheet); err != nil {
		sheet = "Ditolak"
	}
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49})
	if err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, NumFmt: 49})
	if err != nil {
		return err
	}
	// Rejected values are written back as they were, so a name typed as
	// =HYPERLINK(…) gets the quote prefix the submission uses: Excel keeps
	// it text even when the clerk edits the cell (formula injection).
	quote, err := f.NewStyle(&excelize.Style{NumFmt: 49, Alignment: &excelize.Alignment{Horizontal: "left"}})
	if err != nil {
		return err
	}
	boldQuote, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, NumFmt: 49, Alignment: &excelize.Alignment{Horizontal: "left"}})
	if err != nil {
		return err
	}
	yes := true
	f.Styles.CellXfs.Xf[quote].QuotePrefix = &yes
	f.Styles.CellXfs.Xf[boldQuote].QuotePrefix = &yes
	var rejected []int
	width := 0
	for i, r := range rep.Rows {
		if r.Status == Rejected {
			rejected = append(rejected, i)
			width = max(width, len(rep.arena.cells(r)))
		}
	}
	for _, r := range rep.headerRows {
		width = max(width, len(rep.arena.cells(r)))
	}
	textCol := map[int]bool{}
	for _, fld := range []Field{FieldNIK, FieldKK, FieldPhone} {
		if c, ok := rep.Mapping[fld]; ok {
			textCol[c] = true
			width = max(width, c+1)
		}
	}
	reasonCol := width
	if err := sw.SetColWidth(reasonCol+1, reasonCol+1, 70); err != nil {
		return err
	}
	for c := range textCol {
		if err := sw.SetColWidth(c+1, c+1, 20); err != nil {
			return err
		}
	}
	out := 0
	put := func(r Row, style int, extra string) error {
		out++
		cells := rep.arena.cells(r)
		vals := make([]any, 0, reasonCol+1)
		for c := 0; c < reasonCol; c++ {
			var v any = ""
			if c < len(cells) {
				v = cellValue(cells[c], c < 64 && r.nums&(1<<uint(c)) != 0)
			}
			st := style
			if textCol[c] && st == 0 {
				st = text
			}
			if s, ok := v.(string); ok && risky(s) {
				st = quote
				if style == bold {
					st = boldQuote
				}
			}
			vals = append(vals, excelize.Cell{StyleID: st, Value: v})
		}
		if extra != "" {
			vals = append(vals, excelize.Cell{StyleID: style, Value: extra})
		}
		cell, _ := excelize.CoordinatesToCellName(1, out)
		return sw.SetRow(cell, vals)
	}
	for _, r := range rep.titleRows {
		if err := put(r, 0, ""); err != nil {
			return err
		}
	}
	for k, r := range rep.headerRows {
		extra := ""
		if k == 0 {
			extra = wub.Message("import_reason_header", "")
		}
		if err := put(r, bold, extra); err != nil {
			return err
		}
	}
	for _, i := range rejected {
		if err := put(rep.Rows[i], 0, rep.Reason(i)); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return writeWithDimensions(f, w)
}

func checkSheetName(s string) error {
	if s == "" || len([]rune(s)) > 31 {
		return excelize.ErrSheetNameLength
	}
	return nil
}

// cellValue writes a cell back as it was: a number stays a number, so that
// a NIK that lost its last digit in a numeric cell is still refused until
// the clerk retypes it in the Text column.
func cellValue(s string, num bool) any {
	if !num {
		return s
	}
	if i, err := strconv.ParseInt(s, 10, 64); err == nil {
		return i
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		return f
	}
	return s
}
