package xlsx

import (
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"wubdesk/internal/wub"
)

// cell is one cell's value as the import sees it: the text, and whether it
// was a number in Excel (a NIK from a numeric cell may have lost a digit).
type cell struct {
	text string
	num  bool
}

// sheetRow is one row of a worksheet: the row number Excel shows and the
// cells by column (0 = A), trailing empty cells dropped.
type sheetRow struct {
	num    int
	cells  []cell
	hidden bool // the row is hidden in Excel
}

func (r sheetRow) get(col int) cell {
	if col < 0 || col >= len(r.cells) {
		return cell{}
	}
	return r.cells[col]
}

func (r sheetRow) text(col int) string { return strings.TrimSpace(r.get(col).text) }

func (r sheetRow) empty() bool {
	for _, c := range r.cells {
		if strings.TrimSpace(c.text) != "" {
			return false
		}
	}
	return true
}

// sheetReader streams the rows of one worksheet. Only the current row is
// held, so memory does not grow with the sheet.
type sheetReader struct {
	wb    *workbook
	ref   sheetRef
	rc    io.ReadCloser
	sc    *xmlScanner
	row   sheetRow
	last  int // number of the previous row
	count int // row elements read
	err   error
	done  bool
	buf   []byte
}

// rowIter streams the rows of a sheet: a worksheet of an .xlsx or a CSV file.
type rowIter interface {
	Next() bool
	Row() sheetRow
	Err() error
	Close() error
}

func (wb *workbook) rows(s sheetRef) (rowIter, error) {
	if wb.csv != nil {
		return wb.csv.rows(wb)
	}
	if wb.xls != nil {
		return wb.xls.rows(s)
	}
	rc, err := wb.open(s.part)
	if err != nil {
		return nil, err
	}
	return &sheetReader{wb: wb, ref: s, rc: rc, sc: newXMLScanner(rc)}, nil
}

func (r *sheetReader) Close() error { return r.rc.Close() }

func (r *sheetReader) Err() error { return r.err }

// Row is the current row; its cells are reused by the next call to Next.
func (r *sheetReader) Row() sheetRow { return r.row }

func (r *sheetReader) fail(err error) bool {
	r.err, r.done = err, true
	return false
}

// scanErr turns a scanner failure into the message for the clerk.
func (r *sheetReader) scanErr(err error, col int) error {
	switch {
	case err == io.EOF:
		err = io.ErrUnexpectedEOF
	case errors.Is(err, errTextTooLong):
		return wub.Errorf("import_cell_too_big", cellName(col, r.row.num), r.ref.name, len(r.buf), r.wb.lim.CellBytes)
	}
	return r.wb.partErr(r.ref.part, err)
}

// Next reads the next row element. Rows that have no element (never
// touched in Excel) are not returned; row numbers tell the gap.
func (r *sheetReader) Next() bool {
	if r.done {
		return false
	}
	sc := r.sc
	for {
		err := sc.next(nil, 0)
		if err == io.EOF {
			r.done = true
			return false
		}
		if err != nil {
			return r.fail(r.wb.partErr(r.ref.part, err))
		}
		if sc.end {
			if sc.is("sheetData") {
				r.done = true
				return false
			}
			continue
		}
		if !sc.is("row") {
			continue
		}
		r.count++
		if r.count > r.wb.lim.Rows {
			return r.fail(wub.Errorf("import_too_many_rows", r.ref.name, r.wb.lim.Rows))
		}
		num := r.last + 1
		if v := string(sc.attrR); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 || n > excelize.TotalRows {
				return r.fail(wub.Errorf("import_damaged", r.wb.name, "nomor baris "+v))
			}
			num = n
		}
		r.last = num
		r.row.num = num
		r.row.hidden = sc.attrHidden
		r.row.cells = r.row.cells[:0]
		if sc.empty {
			return true
		}
		if err := r.readCells(); err != nil {
			return r.fail(err)
		}
		return true
	}
}

// readCells reads the cells up to the end of the current row element.
func (r *sheetReader) readCells() error {
	sc := r.sc
	col := -1
	for {
		if err := sc.next(nil, 0); err != nil {
			return r.scanErr(err, col)
		}
		if sc.end {
			if sc.is("row") {
				return nil
			}
			continue
		}
		if !sc.is("c") {
			continue
		}
		col++
		if ref := string(sc.attrR); ref != "" {
			c, ok := columnOf(ref)
			if !ok {
				return wub.Errorf("import_damaged", r.wb.name, "alamat sel "+ref)
			}
			col = c
		}
		typ, style := string(sc.attrT), string(sc.attrS)
		r.buf = r.buf[:0]
		if !sc.empty {
			if err := r.readCell(typ, col); err != nil {
				return err
			}
		}
		c, err := r.value(typ, style, col)
		if err != nil {
			return err
		}
		if col >= r.wb.lim.Columns || c.text == "" {
			continue
		}
		for len(r.row.cells) < col {
			r.row.cells = append(r.row.cells, cell{})
		}
		r.row.cells = append(r.row.cells, c)
	}
}

// readCell reads one <c> element's value (<v>) or inline string (<is>)
// into r.buf, up to its end tag.
func (r *sheetReader) readCell(typ string, col int) error {
	sc := r.sc
	inV, inT, skip := false, false, 0
	for {
		var dst *[]byte
		if (inV || (inT && typ == "inlineStr")) && skip == 0 {
			dst = &r.buf
		}
		if err := sc.next(dst, r.wb.lim.CellBytes); err != nil {
			return r.scanErr(err, col)
		}
		if sc.empty {
			continue
		}
		open := !sc.end
		switch string(sc.name) {
		case "v":
			inV = open
		case "t":
			inT = open
		case "rPh":
			if open {
				skip++
			} else {
				skip--
			}
		case "c":
			if !open {
				return nil
			}
		}
	}
}

func (r *sheetReader) value(typ, style string, col int) (cell, error) {
	v := string(r.buf)
	switch typ {
	case "s":
		if strings.TrimSpace(v) == "" {
			return cell{}, nil // <c t="s"/>: an empty cell
		}
		i, err := strconv.Atoi(strings.TrimSpace(v))
		s, ok := r.wb.sst.get(i)
		if err != nil || !ok {
			return cell{}, wub.Errorf("import_damaged", r.wb.name, "teks sel "+cellName(col, r.row.num)+" tidak ada")
		}
		if r.wb.raw {
			s = unescapeX(s)
		}
		return cell{text: s}, nil
	case "inlineStr":
		if r.wb.raw {
			v = unescapeX(v)
		}
		return cell{text: v}, nil
	case "str", "e":
		return cell{text: v}, nil
	case "b":
		if r.wb.raw {
			return cell{text: v}, nil
		}
		if v == "1" {
			return cell{text: "TRUE"}, nil
		}
		return cell{text: "FALSE"}, nil
	case "d": // ISO 8601 date-time
		if len(v) > 10 {
			v = v[:10]
		}
		return cell{text: v}, nil
	}
	v = strings.TrimSpace(v)
	if v == "" {
		return cell{}, nil
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return cell{text: v}, nil // not a number after all: keep the text
	}
	if r.wb.raw {
		return cell{text: v, num: true}, nil
	}
	if s, err := strconv.Atoi(style); err == nil && s >= 0 && s < len(r.wb.dateStyle) && r.wb.dateStyle[s] {
		if t, err := excelize.ExcelDateToTime(f, r.wb.date1904); err == nil && f >= 1 {
			return cell{text: wub.FormatDate(t)}, nil
		}
	}
	if strings.ContainsAny(v, "eE.") {
		v = strconv.FormatFloat(f, 'f', -1, 64)
	}
	return cell{text: v, num: true}, nil
}

// columnOf returns the 0-based column of a cell reference such as "AB12".
func columnOf(ref string) (int, bool) {
	col := 0
	i := 0
	for ; i < len(ref); i++ {
		c := ref[i]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		if c < 'A' || c > 'Z' {
			break
		}
		col = col*26 + int(c-'A') + 1
		if col > excelize.MaxColumns {
			return 0, false
		}
	}
	if i == 0 {
		return 0, false
	}
	return col - 1, true
}

// cellName is "B12" for column 1, row 12.
func cellName(col, row int) string {
	n, err := excelize.CoordinatesToCellName(col+1, row)
	if err != nil {
		return strconv.Itoa(row)
	}
	return n
}

// unescapeX decodes the _xHHHH_ escapes of a string item (ECMA-376
// ST_Xstring; "_x005F_" is a literal "_") as excelize and Excel read them:
// the submission's writer escaped its text so (appendEscaped), and its
// checksum is of the decoded text. A code that is no character (a lone
// surrogate) is dropped.
func unescapeX(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] == '_' && escapePattern(s[i:]) {
			n, _ := strconv.ParseUint(s[i+2:i+6], 16, 32)
			switch {
			case n == 0x5F:
				b.WriteByte('_')
			case n < 0xD800 || n > 0xDFFF:
				b.WriteRune(rune(n))
			}
			i += 7
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}
