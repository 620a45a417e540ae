package xlsx

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"wubdesk/internal/wub"
)

// csvFile is a CSV text read as a workbook of one sheet: as Excel saves it
// in Indonesian Windows (semicolons, cp1252 or UTF-8 with a BOM, CRLF) or
// as LibreOffice does (commas, UTF-8). The rows then go through the same
// header detection, checks, preview and error report as a worksheet.
type csvFile struct {
	ra      io.ReaderAt
	size    int64
	sep     rune
	cp1252  bool
	skipSep bool // the first line is Excel's "sep=;"
	start   int64
}

// openCSV recognises the encoding and the separator of a CSV text.
func openCSV(ra io.ReaderAt, size int64, name string, lim Limits) (*workbook, error) {
	head := make([]byte, min(size, 1<<20))
	n, _ := ra.ReadAt(head, 0)
	head = head[:n]
	f := &csvFile{ra: ra, size: size}
	if bytes.HasPrefix(head, []byte("\xef\xbb\xbf")) {
		f.start = 3
		head = head[3:]
	} else {
		sample := head
		if int64(len(head)) < size { // the sample may end inside a character
			for k := 0; k < utf8.UTFMax && len(sample) > 0 && !utf8.Valid(sample); k++ {
				sample = sample[:len(sample)-1]
			}
		}
		f.cp1252 = !utf8.Valid(sample)
	}
	line := head
	if i := bytes.IndexAny(line, "\r\n"); i >= 0 {
		line = line[:i]
	}
	if l := strings.ToLower(string(line)); strings.HasPrefix(l, "sep=") && len(l) == 5 {
		f.sep, f.skipSep = rune(line[4]), true
	} else {
		f.sep = sniffSeparator(head)
	}
	if f.sep == 0 {
		return nil, wub.Errorf("import_csv", name)
	}
	base := strings.TrimSuffix(name, extOf(name))
	return &workbook{name: name, csv: f, lim: lim, sheets: []sheetRef{{name: base}}}, nil
}

func extOf(name string) string {
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		return name[i:]
	}
	return ""
}

// sniffSeparator picks the separator that splits the first lines into
// the most fields: ';', ',' or a tab (quoted text does not count).
func sniffSeparator(b []byte) rune {
	count := map[rune]int{}
	lines, inQuote := 0, false
scan:
	for _, c := range b {
		switch {
		case c == '"':
			inQuote = !inQuote
		case inQuote:
		case c == '\n':
			if lines++; lines == 20 {
				break scan
			}
		case c == ';' || c == ',' || c == '\t':
			count[rune(c)]++
		}
	}
	best, n := rune(0), 0
	for _, s := range []rune{';', ',', '\t'} {
		if count[s] > n {
			best, n = s, count[s]
		}
	}
	return best
}

func (f *csvFile) rows(wb *workbook) (rowIter, error) {
	var in io.Reader = io.NewSectionReader(f.ra, f.start, f.size-f.start)
	if f.cp1252 {
		in = charmap.Windows1252.NewDecoder().Reader(in)
	}
	br := bufio.NewReaderSize(in, 64<<10)
	if f.skipSep {
		if _, err := br.ReadString('\n'); err != nil && err != io.EOF {
			return nil, wub.Errorf("import_damaged", wb.name, "baris 1 CSV tidak terbaca")
		}
	}
	cr := csv.NewReader(br)
	cr.Comma = f.sep
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = true
	return &csvRows{wb: wb, cr: cr}, nil
}

type csvRows struct {
	wb   *workbook
	cr   *csv.Reader
	row  sheetRow
	err  error
	done bool
}

func (r *csvRows) Next() bool {
	if r.done {
		return false
	}
	rec, err := r.cr.Read()
	if err == io.EOF {
		r.done = true
		return false
	}
	if err != nil {
		var pe *csv.ParseError
		line := r.row.num + 1
		if errors.As(err, &pe) {
			line = pe.StartLine
		}
		r.err, r.done = wub.Errorf("import_damaged", r.wb.name, "baris "+strconv.Itoa(line)+" CSV tidak terbaca"), true
		return false
	}
	r.row.num++
	if r.row.num > r.wb.lim.Rows {
		r.err, r.done = wub.Errorf("import_too_many_rows", r.wb.sheets[0].name, r.wb.lim.Rows), true
		return false
	}
	r.row.cells = r.row.cells[:0]
	for col, v := range rec {
		if col >= r.wb.lim.Columns {
			break
		}
		if len(v) > r.wb.lim.CellBytes {
			r.err, r.done = wub.Errorf("import_cell_too_big", cellName(col, r.row.num), r.wb.sheets[0].name, len(v), r.wb.lim.CellBytes), true
			return false
		}
		r.row.cells = append(r.row.cells, csvCell(v))
	}
	for len(r.row.cells) > 0 && r.row.cells[len(r.row.cells)-1].text == "" {
		r.row.cells = r.row.cells[:len(r.row.cells)-1]
	}
	return true
}

func (r *csvRows) Row() sheetRow { return r.row }
func (r *csvRows) Err() error    { return r.err }
func (r *csvRows) Close() error  { return nil }

// sciNumber is a number as Excel shows a long one: "3,52805E+15".
var sciNumber = regexp.MustCompile(`^[0-9]+([.,][0-9]+)?[eE]\+?[0-9]+$`)

// csvCell reads one field. A number in scientific notation is what Excel
// wrote for a NIK in a numeric cell: its digits are gone, so it is kept as
// the number it says (a NIK ending in zeros, refused as truncated) and
// marked numeric like a numeric cell of an .xlsx.
func csvCell(v string) cell {
	t := strings.TrimSpace(v)
	if sciNumber.MatchString(t) {
		if f, err := strconv.ParseFloat(strings.Replace(t, ",", ".", 1), 64); err == nil {
			return cell{text: strconv.FormatFloat(f, 'f', -1, 64), num: true}
		}
	}
	return cell{text: v}
}
