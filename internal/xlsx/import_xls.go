package xlsx

import (
	"bytes"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"

	"github.com/shakinm/xlsReader/xls"
	"github.com/shakinm/xlsReader/xls/structure"
	"github.com/xuri/excelize/v2"

	"wubdesk/internal/wub"
)

// xlsBook is an Excel 97–2003 workbook read by github.com/shakinm/xlsReader
// (docs/IMPORT.md says what was tried). The reader gives each cell's type
// and format, so numbers, dates and text are told apart as in an .xlsx;
// it does not give merged ranges or hidden rows and columns, so those are
// not applied to an .xls (the clerk sees the rows as Excel stores them).
type xlsBook struct {
	sheets []xlsSheet
}

type xlsSheet struct {
	rows []sheetRow // rows that hold a cell, in order
}

// openXLS reads an .xls into memory (such files are a few MB at most: the
// format stops at 65,536 rows). A file the reader cannot read is refused
// with the message that says how to save it as .xlsx.
func openXLS(ra io.ReaderAt, size int64, name string, lim Limits) (wb *workbook, err error) {
	b := make([]byte, size)
	if _, err := ra.ReadAt(b, 0); err != nil && err != io.EOF {
		return nil, wub.Errorf("import_xls", name)
	}
	defer func() {
		if r := recover(); r != nil { // the reader panics on damaged records
			wb, err = nil, wub.Errorf("import_xls", name)
		}
	}()
	book, err := xls.OpenReader(bytes.NewReader(b))
	if err != nil {
		return nil, wub.Errorf("import_xls", name)
	}
	wb = &workbook{name: name, lim: lim, xls: &xlsBook{}}
	for i := 0; i < book.GetNumberSheets(); i++ {
		s, err := book.GetSheet(i)
		if err != nil {
			return nil, wub.Errorf("import_xls", name)
		}
		sh, err := readXLSSheet(&book, s, wb)
		if err != nil {
			return nil, err
		}
		wb.xls.sheets = append(wb.xls.sheets, sh)
		wb.sheets = append(wb.sheets, sheetRef{name: s.GetName(), part: strconv.Itoa(i), hidden: xlsHidden(&book, i)})
	}
	if len(wb.sheets) == 0 {
		return nil, wub.Errorf("import_damaged", name, "tidak ada lembar kerja")
	}
	return wb, nil
}

// xlsHidden reads a sheet's hidden state (BoundSheet hsState: 1 hidden, 2 very hidden).
func xlsHidden(book *xls.Workbook, i int) bool {
	sheets := book.GetSheets()
	if i >= len(sheets) {
		return false
	}
	return sheetGrbit(&sheets[i])&0x03 != 0
}

// sheetGrbit reads the BoundSheet flags the reader keeps but does not
// export (its boundSheet field): the hidden state lives there.
func sheetGrbit(s *xls.Sheet) (g uint64) {
	defer func() {
		if recover() != nil {
			g = 0
		}
	}()
	bs := reflect.ValueOf(s).Elem().FieldByName("boundSheet")
	if !bs.IsValid() || bs.IsNil() {
		return 0
	}
	grbit := bs.Elem().FieldByName("Grbit")
	if !grbit.IsValid() || grbit.Len() < 1 {
		return 0
	}
	return grbit.Index(0).Uint()
}

func readXLSSheet(book *xls.Workbook, s *xls.Sheet, wb *workbook) (xlsSheet, error) {
	var out xlsSheet
	n := s.GetNumberRows()
	if n > wb.lim.Rows {
		return out, wub.Errorf("import_too_many_rows", s.GetName(), wb.lim.Rows)
	}
	for i := 0; i < n; i++ {
		row, err := s.GetRow(i)
		if err != nil {
			continue
		}
		r := sheetRow{num: i + 1}
		for c, cd := range row.GetCols() {
			if c >= wb.lim.Columns {
				break
			}
			v := xlsCell(book, cd)
			if len(v.text) > wb.lim.CellBytes {
				return out, wub.Errorf("import_cell_too_big", cellName(c, i+1), s.GetName(), len(v.text), wb.lim.CellBytes)
			}
			for len(r.cells) < c {
				r.cells = append(r.cells, cell{})
			}
			r.cells = append(r.cells, v)
		}
		for len(r.cells) > 0 && r.cells[len(r.cells)-1].text == "" {
			r.cells = r.cells[:len(r.cells)-1]
		}
		if len(r.cells) > 0 {
			out.rows = append(out.rows, r)
		}
	}
	return out, nil
}

// xlsCell reads a cell as the .xlsx reader does: text as text, a number
// with a date format as a date, any other number as a number.
func xlsCell(book *xls.Workbook, cd structure.CellData) cell {
	switch cd.GetType() {
	case "*record.Number", "*record.Rk":
		f := cd.GetFloat64()
		if xlsDateFormat(book, cd.GetXFIndex()) && f >= 1 {
			if t, err := excelize.ExcelDateToTime(f, false); err == nil {
				return cell{text: wub.FormatDate(t)}
			}
		}
		return cell{text: strconv.FormatFloat(f, 'f', -1, 64), num: true}
	case "*record.Blank", "*record.FakeBlank", "*record.MulBlank":
		return cell{}
	}
	return cell{text: strings.TrimRight(cd.GetString(), "\x00")}
}

func xlsDateFormat(book *xls.Workbook, xf int) (date bool) {
	defer func() {
		if recover() != nil {
			date = false
		}
	}()
	x := book.GetXFbyIndex(xf)
	id := x.GetFormatIndex()
	if id < 164 {
		return builtinDateFormat(id)
	}
	f := book.GetFormatByIndex(id)
	return isDateFormat(f.String())
}

func (b *xlsBook) rows(s sheetRef) (rowIter, error) {
	i, err := strconv.Atoi(s.part)
	if err != nil || i < 0 || i >= len(b.sheets) {
		return nil, fmt.Errorf("xls: no sheet %q", s.part)
	}
	return &xlsRows{rows: b.sheets[i].rows, at: -1}, nil
}

type xlsRows struct {
	rows []sheetRow
	at   int
}

func (r *xlsRows) Next() bool    { r.at++; return r.at < len(r.rows) }
func (r *xlsRows) Row() sheetRow { return r.rows[r.at] }
func (r *xlsRows) Err() error    { return nil }
func (r *xlsRows) Close() error  { return nil }
