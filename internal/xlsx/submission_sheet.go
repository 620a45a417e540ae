package xlsx

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"hash"
	"hash/crc32"
	"io"
	"os"
	"strconv"
	"strings"
)

// sheetStyles are cell style IDs made with excelize in the workbook that
// the streamed sheet becomes part of.
type sheetStyles struct {
	header, id, quote, date, wrap, top int
}

// maxWidth caps a fitted column width; longer values stay readable in the
// cell itself.
const maxWidth = 45

// sheetWriter writes a data sheet's XML into a zip entry one row at a time,
// so that memory does not grow with the number of rows. This is what makes
// a 1,000,000-row export fit in 200 MiB; excelize's StreamWriter buffers
// the sheet and then the whole archive (docs/PERFORMANCE.md). It also feeds
// the canonical form of every row to the checksum.
//
// What precedes the rows in the sheet XML (<dimension>, the column widths)
// depends on all of them, so the rows are deflated into a temporary file as
// they come and the entry is put together at the end: the head and the tail
// deflated on their own, the rows' deflate stream copied between them (each
// part ends on a byte boundary and refers to nothing before it, so the
// three make one valid deflate stream), the CRC-32 combined from the parts'.
type sheetWriter struct {
	cols   []SheetColumn
	st     sheetStyles
	print  pagePrint
	refs   []string
	digest hash.Hash
	canon  []byte
	buf    []byte
	rows   int
	widths []float64 // fitted to every row
	// fixed, when set, is the number of columns a reader of the format
	// knows: empty cells after them at the end of a row are left out of
	// the checksum, as a reader that does not know them reads the row.
	fixed int

	tmp  *os.File
	bw   *bufio.Writer // into tmp, compressed
	fw   *flate.Writer
	crc  uint32 // of the rows' XML
	size int64  // its length
}

// pagePrint is what a printed page of the sheet carries: the title lines
// of its page header (printed on every page) and the footer's left part.
type pagePrint struct {
	title, subtitle string
}

func newSheetWriter(cols []SheetColumn, st sheetStyles, pp pagePrint, digest hash.Hash) (*sheetWriter, error) {
	tmp, err := os.CreateTemp("", "wubdesk-sheet-*.deflate")
	if err != nil {
		return nil, err
	}
	s := &sheetWriter{cols: cols, st: st, print: pp, digest: digest, tmp: tmp, widths: make([]float64, len(cols))}
	s.bw = bufio.NewWriterSize(tmp, 256<<10)
	s.fw, _ = flate.NewWriter(s.bw, pesertaLevel)
	header := make([]string, len(cols))
	for i, c := range cols {
		s.refs = append(s.refs, colName(i))
		header[i] = c.Header
		s.widths[i] = headerWidth(c.Header)
	}
	s.hashRow(header)
	return s, nil
}

// headerWidth is the room a heading needs: its longest word (headings wrap)
// and the filter button.
func headerWidth(h string) float64 {
	w := 0.0
	for _, word := range strings.Fields(h) {
		w = max(w, textWidth(word))
	}
	return w + 2
}

// discard removes the temporary file; safe to call twice.
func (s *sheetWriter) discard() {
	if s.tmp != nil {
		s.tmp.Close()
		os.Remove(s.tmp.Name())
		s.tmp = nil
	}
}

// hashRow adds a row's canonical form to the checksum: each value as its
// byte length, a colon and the value; a newline ends the row.
func (s *sheetWriter) hashRow(row []string) {
	for s.fixed > 0 && len(row) > s.fixed && row[len(row)-1] == "" {
		row = row[:len(row)-1]
	}
	s.canon = appendCanonical(s.canon[:0], row)
	s.digest.Write(s.canon)
}

func appendCanonical(b []byte, row []string) []byte {
	for _, v := range row {
		b = strconv.AppendInt(b, int64(len(v)), 10)
		b = append(b, ':')
		b = append(b, v...)
	}
	return append(b, '\n')
}

// add writes one data row; values are in the canonical form of each
// column's Kind and already sanitized.
func (s *sheetWriter) add(row []string) error {
	s.hashRow(row)
	for i, v := range row {
		if v != "" && s.cols[i].Kind == KindText {
			s.widths[i] = max(s.widths[i], textWidth(v))
		}
	}
	return s.writeRow(row)
}

func (s *sheetWriter) width(i int) float64 {
	c := s.cols[i]
	if c.Width > 0 {
		return c.Width
	}
	w := s.widths[i]
	switch c.Kind {
	case KindDate, KindSerialDate:
		return max(w, 12)
	case KindInt:
		return max(w, float64(len(strconv.Itoa(s.rows)))+3)
	}
	if c.Wrap > 0 {
		return min(w, c.Wrap)
	}
	return min(w, maxWidth)
}

func (s *sheetWriter) write(b []byte) error {
	s.crc = crc32.Update(s.crc, crc32.IEEETable, b)
	s.size += int64(len(b))
	_, err := s.fw.Write(b)
	return err
}

func (s *sheetWriter) writeRow(row []string) error {
	s.rows++
	r := strconv.Itoa(s.rows + 1)
	b := append(s.buf[:0], `<row r="`...)
	b = append(b, r...)
	if lines := s.rowLines(row); lines > 1 {
		// Neither Excel nor LibreOffice fits a row to wrapped text when
		// it opens a file; the height is given.
		b = append(b, `" ht="`...)
		b = strconv.AppendInt(b, int64(lines)*lineHeightPt+3, 10)
		b = append(b, `" customHeight="1`...)
	}
	b = append(b, `">`...)
	for i, v := range row {
		if v == "" {
			continue
		}
		switch s.cols[i].Kind {
		case KindInt:
			if _, err := strconv.ParseInt(v, 10, 64); err == nil {
				b = append(b, `<c r="`...)
				b = append(b, s.refs[i]...)
				b = append(b, r...)
				b = append(b, `" s="`...)
				b = strconv.AppendInt(b, int64(s.st.top), 10)
				b = append(b, `"><v>`...)
				b = append(b, v...)
				b = append(b, `</v></c>`...)
				continue
			}
		case KindSerialDate:
			if _, err := strconv.ParseInt(v, 10, 64); err == nil {
				b = append(b, `<c r="`...)
				b = append(b, s.refs[i]...)
				b = append(b, r...)
				b = append(b, `" s="`...)
				b = strconv.AppendInt(b, int64(s.st.date), 10)
				b = append(b, `"><v>`...)
				b = append(b, v...)
				b = append(b, `</v></c>`...)
				continue
			}
		case KindDate:
			if n, ok := dateSerial(v); ok {
				b = append(b, `<c r="`...)
				b = append(b, s.refs[i]...)
				b = append(b, r...)
				b = append(b, `" s="`...)
				b = strconv.AppendInt(b, int64(s.st.date), 10)
				b = append(b, `"><v>`...)
				b = strconv.AppendInt(b, n, 10)
				b = append(b, `</v></c>`...)
				continue
			}
		}
		style := s.st.top
		switch {
		case risky(v):
			style = s.st.quote
		case s.cols[i].Kind == KindID:
			style = s.st.id
		case s.cols[i].Wrap > 0:
			style = s.st.wrap
		}
		b = s.appendString(b, s.refs[i]+r, v, style)
	}
	b = append(b, `</row>`...)
	s.buf = b
	return s.write(b)
}

func (s *sheetWriter) appendString(b []byte, ref, v string, style int) []byte {
	b = append(b, `<c r="`...)
	b = append(b, ref...)
	if style != 0 {
		b = append(b, `" s="`...)
		b = strconv.AppendInt(b, int64(style), 10)
	}
	b = append(b, `" t="inlineStr"><is><t`...)
	if needsPreserve(v) {
		b = append(b, ` xml:space="preserve"`...)
	}
	b = append(b, '>')
	b = appendEscaped(b, v)
	return append(b, `</t></is></c>`...)
}

// head is the sheet XML before the rows: the real used range, the frozen
// heading, the fitted widths and the heading row.
func (s *sheetWriter) head(layout printLayout) []byte {
	b := []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
		`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
		`<sheetPr filterMode="false"><pageSetUpPr fitToPage="`)
	b = strconv.AppendBool(b, layout.fitWidth)
	b = append(b, `"/></sheetPr><dimension ref="A1:`...)
	b = append(b, s.refs[len(s.refs)-1]...)
	b = strconv.AppendInt(b, int64(s.rows+1), 10)
	b = append(b, `"/><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>`+
		`<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>`+
		`<sheetFormatPr defaultRowHeight="15"/><cols>`...)
	for i, c := range s.cols {
		b = append(b, `<col min="`...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, `" max="`...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, `" width="`...)
		b = strconv.AppendFloat(b, layout.widths[i], 'f', 1, 64)
		b = append(b, `" customWidth="1"`...)
		style := 0
		switch {
		case c.Kind == KindID:
			style = s.st.id
		case c.Kind == KindDate, c.Kind == KindSerialDate:
			style = s.st.date
		}
		if style != 0 {
			b = append(b, ` style="`...)
			b = strconv.AppendInt(b, int64(style), 10)
			b = append(b, '"')
		}
		b = append(b, `/>`...)
	}
	b = append(b, `</cols><sheetData><row r="1" ht="`...)
	b = strconv.AppendFloat(b, headerHeight(s.cols, layout.widths), 'f', 1, 64)
	b = append(b, `" customHeight="1">`...)
	for i, c := range s.cols {
		b = s.appendString(b, s.refs[i]+"1", c.Header, s.st.header)
	}
	return append(b, `</row>`...)
}

// lineHeightPt is the height of a line of the default 11 pt font.
const lineHeightPt = 14

// rowLines is how many lines the row's tallest wrapped cell takes. A value
// no wider than its column's cap fits one line (the column is at least as
// wide as it); a wider one wraps at the cap, which is then the width.
func (s *sheetWriter) rowLines(row []string) int {
	lines := 1
	for i, v := range row {
		c := s.cols[i]
		if c.Wrap == 0 || c.Width > 0 || v == "" || textWidth(v) <= c.Wrap {
			continue
		}
		lines = max(lines, wrapLines(v, c.Wrap))
	}
	return lines
}

// wrapLines counts the lines of text wrapped word by word in a column of
// width w (characters): text runs a little narrower than the digits the
// width is measured in, which makes up for the cell's padding.
func wrapLines(text string, w float64) int {
	room := w
	n, line := 1, 0.0
	for _, word := range strings.Fields(text) {
		ww := textWidth(word) - 2
		switch {
		case line == 0:
			line = ww
		case line+1+ww <= room:
			line += 1 + ww
		default:
			n++
			line = ww
		}
		for line > room { // a word longer than the column breaks inside
			n++
			line -= room
		}
	}
	return n
}

// headerHeight is the height (points) of a heading row whose headings wrap
// word by word in their columns.
func headerHeight(cols []SheetColumn, widths []float64) float64 {
	lines := 1
	for i, c := range cols {
		n, line := 1, 0.0
		for _, word := range strings.Fields(c.Header) {
			w := textWidth(word) - 1
			if line > 0 && line+w > widths[i]-1 {
				n, line = n+1, 0
			}
			line += w
		}
		lines = max(lines, n)
	}
	return float64(lines)*14 + 4
}

// tail is the sheet XML after the rows: the filter range and the printed
// page (printLayout).
func (s *sheetWriter) tail(layout printLayout) []byte {
	b := []byte(`</sheetData><autoFilter ref="A1:`)
	b = append(b, s.refs[len(s.refs)-1]...)
	b = strconv.AppendInt(b, int64(s.rows+1), 10)
	b = append(b, `"/>`...)
	return layout.appendPageXML(b, s.print)
}

// finish writes the sheet as the zip entry name of zw, removes the
// temporary file and returns how the sheet prints.
func (s *sheetWriter) finish(zw *zip.Writer, name string) (printLayout, error) {
	l, err := s.finishEntry(zw, name)
	s.discard()
	return l, err
}

func (s *sheetWriter) finishEntry(zw *zip.Writer, name string) (layout printLayout, err error) {
	if err := s.fw.Flush(); err != nil { // sync flush: the stream stays open, on a byte boundary
		return layout, err
	}
	if err := s.bw.Flush(); err != nil {
		return layout, err
	}
	widths := make([]float64, len(s.cols))
	for i := range s.cols {
		widths[i] = s.width(i)
	}
	layout = planPrint(widths)
	head, tail := s.head(layout), s.tail(layout)
	zhead, err := deflatePart(head, false)
	if err != nil {
		return layout, err
	}
	ztail, err := deflatePart(tail, true)
	if err != nil {
		return layout, err
	}
	body, err := s.tmp.Seek(0, io.SeekCurrent)
	if err != nil {
		return layout, err
	}
	crc := crc32Combine(crc32Combine(crc32.ChecksumIEEE(head), s.crc, s.size), crc32.ChecksumIEEE(tail), int64(len(tail)))
	fh := &zip.FileHeader{Name: name, Method: zip.Deflate, CRC32: crc,
		CompressedSize64:   uint64(int64(len(zhead)) + body + int64(len(ztail))),
		UncompressedSize64: uint64(int64(len(head)) + s.size + int64(len(tail)))}
	w, err := zw.CreateRaw(fh)
	if err != nil {
		return layout, err
	}
	if _, err := w.Write(zhead); err != nil {
		return layout, err
	}
	if _, err := s.tmp.Seek(0, io.SeekStart); err != nil {
		return layout, err
	}
	if n, err := io.Copy(w, s.tmp); err != nil {
		return layout, err
	} else if n != body {
		return layout, io.ErrShortWrite
	}
	_, err = w.Write(ztail)
	return layout, err
}

// deflatePart compresses b as a part of a deflate stream: ending with the
// final block when last, else with a sync flush (byte aligned, not final).
func deflatePart(b []byte, last bool) ([]byte, error) {
	var out bytes.Buffer
	fw, _ := flate.NewWriter(&out, pesertaLevel)
	if _, err := fw.Write(b); err != nil {
		return nil, err
	}
	var err error
	if last {
		err = fw.Close()
	} else {
		err = fw.Flush()
	}
	return out.Bytes(), err
}

// crc32Combine is the CRC-32 (IEEE) of A followed by B from the CRC of A,
// the CRC of B and B's length: zlib's crc32_combine.
func crc32Combine(crcA, crcB uint32, lenB int64) uint32 {
	if lenB <= 0 {
		return crcA
	}
	var even, odd [32]uint32
	odd[0] = 0xedb88320 // the reflected polynomial
	row := uint32(1)
	for n := 1; n < 32; n++ {
		odd[n] = row
		row <<= 1
	}
	gf2Square(even[:], odd[:]) // two zero bits
	gf2Square(odd[:], even[:]) // four
	for {
		gf2Square(even[:], odd[:])
		if lenB&1 != 0 {
			crcA = gf2Times(even[:], crcA)
		}
		lenB >>= 1
		if lenB == 0 {
			break
		}
		gf2Square(odd[:], even[:])
		if lenB&1 != 0 {
			crcA = gf2Times(odd[:], crcA)
		}
		lenB >>= 1
		if lenB == 0 {
			break
		}
	}
	return crcA ^ crcB
}

func gf2Times(mat []uint32, vec uint32) uint32 {
	var sum uint32
	for i := 0; vec != 0; i, vec = i+1, vec>>1 {
		if vec&1 != 0 {
			sum ^= mat[i]
		}
	}
	return sum
}

func gf2Square(square, mat []uint32) {
	for n := range 32 {
		square[n] = gf2Times(mat, mat[n])
	}
}
