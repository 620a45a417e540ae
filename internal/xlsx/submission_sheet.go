package xlsx

import (
	"bufio"
	"hash"
	"io"
	"strconv"
)

// sheetStyles are cell style IDs made with excelize in the workbook that
// the streamed sheet becomes part of.
type sheetStyles struct {
	header, id, quote, date int
}

// sampleRows is how many rows are held back to fit the column widths: the
// <cols> element precedes the rows in the sheet XML.
const sampleRows = 1000

// maxWidth caps a fitted column width; longer values stay readable in the
// cell itself.
const maxWidth = 45

// sheetWriter writes a data sheet's XML straight into a zip entry, one row
// at a time, so that memory does not grow with the number of rows. This is
// what makes a 1,000,000-row export fit in 200 MiB; excelize's StreamWriter
// buffers the sheet and then the whole archive (docs/PERFORMANCE.md). It
// also feeds the canonical form of every row to the checksum.
type sheetWriter struct {
	w       *bufio.Writer
	cols    []SheetColumn
	st      sheetStyles
	refs    []string
	digest  hash.Hash
	canon   []byte
	buf     []byte
	rows    int
	sample  [][]string
	started bool
	// fixed, when set, is the number of columns a reader of the format
	// knows: empty cells after them at the end of a row are left out of
	// the checksum, as a reader that does not know them reads the row.
	fixed int
}

func newSheetWriter(w io.Writer, cols []SheetColumn, st sheetStyles, digest hash.Hash) *sheetWriter {
	s := &sheetWriter{w: bufio.NewWriterSize(w, 256<<10), cols: cols, st: st, digest: digest}
	header := make([]string, len(cols))
	for i, c := range cols {
		s.refs = append(s.refs, colName(i))
		header[i] = c.Header
	}
	s.hashRow(header)
	return s
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
	if !s.started {
		if len(s.sample) < sampleRows {
			s.sample = append(s.sample, append([]string(nil), row...))
			return nil
		}
		if err := s.start(); err != nil {
			return err
		}
	}
	return s.writeRow(row)
}

// start fits the widths to the sample, writes everything before the rows
// and the rows held back.
func (s *sheetWriter) start() error {
	s.started = true
	b := append(s.buf[:0], `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" `+
		`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`+
		`<sheetPr filterMode="false"><pageSetUpPr fitToPage="true"/></sheetPr>`+
		`<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>`+
		`<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>`+
		`<sheetFormatPr defaultRowHeight="15"/><cols>`...)
	for i, c := range s.cols {
		b = append(b, `<col min="`...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, `" max="`...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, `" width="`...)
		b = strconv.AppendFloat(b, s.width(i), 'f', 1, 64)
		b = append(b, `" customWidth="1"`...)
		switch c.Kind {
		case KindID:
			b = append(b, ` style="`...)
			b = strconv.AppendInt(b, int64(s.st.id), 10)
			b = append(b, '"')
		case KindDate, KindSerialDate:
			b = append(b, ` style="`...)
			b = strconv.AppendInt(b, int64(s.st.date), 10)
			b = append(b, '"')
		}
		b = append(b, `/>`...)
	}
	b = append(b, `</cols><sheetData><row r="1">`...)
	for i, c := range s.cols {
		b = s.appendString(b, s.refs[i]+"1", c.Header, s.st.header)
	}
	b = append(b, `</row>`...)
	s.buf = b
	if _, err := s.w.Write(b); err != nil {
		return err
	}
	for _, row := range s.sample {
		if err := s.writeRow(row); err != nil {
			return err
		}
	}
	s.sample = nil
	return nil
}

func (s *sheetWriter) width(i int) float64 {
	c := s.cols[i]
	if c.Width > 0 {
		return c.Width
	}
	w := textWidth(c.Header) + 1 // room for the filter button
	switch c.Kind {
	case KindDate, KindSerialDate:
		return max(w, 12)
	case KindInt:
		return max(w, float64(len(strconv.Itoa(len(s.sample))))+3)
	}
	for _, row := range s.sample {
		w = max(w, textWidth(row[i]))
	}
	return min(w, maxWidth)
}

func (s *sheetWriter) writeRow(row []string) error {
	s.rows++
	r := strconv.Itoa(s.rows + 1)
	b := append(s.buf[:0], `<row r="`...)
	b = append(b, r...)
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
		}
		style := 0
		if s.cols[i].Kind == KindID {
			style = s.st.id
		}
		if risky(v) {
			style = s.st.quote
		}
		b = s.appendString(b, s.refs[i]+r, v, style)
	}
	b = append(b, `</row>`...)
	s.buf = b
	_, err := s.w.Write(b)
	return err
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

// close writes what follows the rows: the filter range, the A4 landscape
// page setup (one page wide) and a footer with page numbers.
func (s *sheetWriter) close() error {
	if !s.started {
		if err := s.start(); err != nil {
			return err
		}
	}
	b := append(s.buf[:0], `</sheetData><autoFilter ref="A1:`...)
	b = append(b, s.refs[len(s.refs)-1]...)
	b = strconv.AppendInt(b, int64(s.rows+1), 10)
	b = append(b, `"/><pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>`+
		`<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>`+
		`<headerFooter><oddFooter>&amp;L&amp;A&amp;RHalaman &amp;P dari &amp;N</oddFooter></headerFooter></worksheet>`...)
	s.buf = b
	if _, err := s.w.Write(b); err != nil {
		return err
	}
	return s.w.Flush()
}
