package xlsx

import (
	"bytes"
	"encoding/xml"
	"io"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"wubdesk/internal/wub"
)

// refReader is the sheet reader as first written, over encoding/xml: the
// oracle that the faster scanner is checked against.
type refReader struct {
	wb    *workbook
	ref   sheetRef
	rc    io.ReadCloser
	d     *xml.Decoder
	row   sheetRow
	last  int // number of the previous row
	count int // row elements read
	err   error
	done  bool
	buf   []byte
}

func (wb *workbook) refRows(s sheetRef) (*refReader, error) {
	rc, err := wb.open(s.part)
	if err != nil {
		return nil, err
	}
	return &refReader{wb: wb, ref: s, rc: rc, d: xml.NewDecoder(rc)}, nil
}

func (r *refReader) Close() error { return r.rc.Close() }

func (r *refReader) Err() error { return r.err }

// Row is the current row; its cells are reused by the next call to Next.
func (r *refReader) Row() sheetRow { return r.row }

func (r *refReader) fail(err error) bool {
	r.err, r.done = err, true
	return false
}

// Next reads the next row element. Rows that have no element (never
// touched in Excel) are not returned; row numbers tell the gap.
func (r *refReader) Next() bool {
	if r.done {
		return false
	}
	for {
		tok, err := r.d.RawToken()
		if err == io.EOF {
			r.done = true
			return false
		}
		if err != nil {
			return r.fail(r.wb.partErr(r.ref.part, err))
		}
		switch el := tok.(type) {
		case xml.StartElement:
			if el.Name.Local != "row" {
				continue
			}
			r.count++
			if r.count > r.wb.lim.Rows {
				return r.fail(wub.Errorf("import_too_many_rows", r.ref.name, r.wb.lim.Rows))
			}
			num := r.last + 1
			if v := attr(el, "r"); v != "" {
				n, err := strconv.Atoi(v)
				if err != nil || n < 1 || n > excelize.TotalRows {
					return r.fail(wub.Errorf("import_damaged", r.wb.name, "nomor baris "+v))
				}
				num = n
			}
			r.last = num
			r.row.num = num
			r.row.cells = r.row.cells[:0]
			if err := r.readCells(); err != nil {
				return r.fail(err)
			}
			return true
		case xml.EndElement:
			if el.Name.Local == "sheetData" {
				r.done = true
				return false
			}
		}
	}
}

// readCells reads the cells up to the end of the current row element.
func (r *refReader) readCells() error {
	col := -1
	for {
		tok, err := r.d.RawToken()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return r.wb.partErr(r.ref.part, err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			if el.Name.Local != "c" {
				continue
			}
			col++
			if ref := attr(el, "r"); ref != "" {
				c, ok := columnOf(ref)
				if !ok {
					return wub.Errorf("import_damaged", r.wb.name, "alamat sel "+ref)
				}
				col = c
			}
			c, err := r.readCell(el, col)
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
		case xml.EndElement:
			if el.Name.Local == "row" {
				return nil
			}
		}
	}
}

// readCell reads one <c> element: its value (<v>) or inline string (<is>).
func (r *refReader) readCell(start xml.StartElement, col int) (cell, error) {
	typ, style := attr(start, "t"), attr(start, "s")
	r.buf = r.buf[:0]
	inV, inT, skip := false, false, 0
	for {
		tok, err := r.d.RawToken()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return cell{}, r.wb.partErr(r.ref.part, err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			switch el.Name.Local {
			case "v":
				inV = true
			case "t":
				inT = true
			case "rPh":
				skip++
			}
		case xml.EndElement:
			switch el.Name.Local {
			case "v":
				inV = false
			case "t":
				inT = false
			case "rPh":
				skip--
			case "c":
				return r.value(typ, style, col)
			}
		case xml.CharData:
			if (inV || (inT && typ == "inlineStr")) && skip == 0 {
				r.buf = append(r.buf, el...)
				if len(r.buf) > r.wb.lim.CellBytes {
					return cell{}, wub.Errorf("import_cell_too_big", cellName(col, r.row.num), r.ref.name,
						len(r.buf), r.wb.lim.CellBytes)
				}
			}
		}
	}
}

func (r *refReader) value(typ, style string, col int) (cell, error) {
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
		return cell{text: s}, nil
	case "inlineStr", "str", "e":
		return cell{text: v}, nil
	case "b":
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

func attr(el xml.StartElement, name string) string {
	for _, a := range el.Attr {
		if a.Name.Local == name && a.Name.Space == "" {
			return a.Value
		}
	}
	return ""
}

// readAll reads every row of a sheet with one of the two readers.
func readAll(next func() bool, row func() sheetRow, errf func() error) ([]sheetRow, string) {
	var out []sheetRow
	for next() {
		r := row()
		out = append(out, sheetRow{num: r.num, cells: append([]cell(nil), r.cells...)})
	}
	return out, wub.ErrorCode(errf())
}

// FuzzSheetScanner feeds worksheet XML to the scanner and to encoding/xml:
// whatever encoding/xml reads, the scanner must read the same.
func FuzzSheetScanner(f *testing.F) {
	for _, s := range []string{
		`<row r="2"><c r="A2" t="inlineStr"><is><t>Siti &amp; &#65;&#x42;</t></is></c><c r="C2"><v>3528045203950001</v></c></row>`,
		`<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c s="1"><x:v>33000</x:v></x:c></x:row><row/><row r="9"><c r="B9" t="str"><f>A1</f><v>x</v></c></row>`,
		`<row r="3"><c r="A3" t="inlineStr"><is><r><t xml:space="preserve"> a </t></r><rPh><t>skip</t></rPh><r><t>b</t></r></is></c></row>`,
		`<row r="4"><c r="A4" t="inlineStr"><is><t><![CDATA[<x>&]]></t></is></c><!-- note --><c r="B4" t="b"><v>1</v></c></row>`,
		`<row r="5"><c r="A5" t="inlineStr"><is><t>a` + "\r\n" + `b` + "\r" + `c</t></is></c><c r="B5" t="e"><v>#N/A</v></c></row>`,
		`<row r="6"><c r="A6" t="inlineStr"><is><t>&bogus;</t></is></c></row>`,
		`<row r="7"><c r="A7"><v>1.5E+3</v></c><c r='B7' t='d'><v>2022-05-12T00:00:00</v></c></row>`,
		`<row r="8"><c r="A8" t="s"><v>9</v></c></row>`,
		`<row r="1048577"/>`,
		`<row r="2"><c r="A2"><v>1</v>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		doc := append([]byte(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`), body...)
		doc = append(doc, `</sheetData></worksheet>`...)
		wb := &workbook{name: "f.xlsx", lim: Limits{PartBytes: 1 << 20, Rows: 100, CellBytes: 200, Columns: 20},
			sst: stringTable{buf: []byte("ab"), ends: []uint32{1, 2}}, dateStyle: []bool{false, true}}
		fast := &sheetReader{wb: wb, ref: sheetRef{name: "S"}, rc: io.NopCloser(nil), sc: newXMLScanner(bytes.NewReader(doc))}
		slow := &refReader{wb: wb, ref: sheetRef{name: "S"}, rc: io.NopCloser(nil), d: xml.NewDecoder(bytes.NewReader(doc))}
		a, errA := readAll(fast.Next, fast.Row, fast.Err)
		b, errB := readAll(slow.Next, slow.Row, slow.Err)
		// The scanner skips text it does not need without checking it, so
		// it may read a sheet that encoding/xml refuses; never the reverse.
		if errB != "" {
			return
		}
		if errA != "" {
			t.Fatalf("scanner error %q on XML that encoding/xml reads", errA)
		}
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("rows differ:\n scanner      %v\n encoding/xml %v", a, b)
		}
	})
}
