package xlsx

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"wubdesk/internal/wub"
)

// Options steer a preview. Every field may be left empty.
type Options struct {
	Sheet          string        // the sheet to read; "" picks the first with a NIK and a name column
	Mapping        map[Field]int // column overrides: field → column (0 = A), -1 to leave a field out
	Agency         string        // agency code; "" takes the one named in the title rows
	Year           int           // program year; 0 takes the one named in the title rows
	Status         string        // enrolment status of imported rows (default: trained, lulus)
	UpdateExisting bool          // registered NIKs update the trainee instead of being rejected
	Limits         Limits        // zero values take DefaultLimits
	Today          time.Time     // for date checks; zero is today (the DB's clock when DB is set)
	// FileDate is the date of the file (PreviewFile takes its modification
	// day): the completion date given to a Lulus row without one, with a
	// warning. Zero, or later than Today, takes Today.
	FileDate time.Time
	Register Register // when set, NIKs already registered are found (nik_registered)
}

// Register is what a preview asks of the register it imports into
// (*store.DB is one; app.PreviewImport passes it): where the given NIKs
// are registered (NIK → agency and year, as nik_registered shows it) and
// the register's today.
type Register interface {
	RegisteredNIKs(ctx context.Context, niks []string) (map[string]string, error)
	Today() time.Time
}

// SheetInfo describes one worksheet of the file.
type SheetInfo struct {
	Name      string
	Hidden    bool
	HeaderRow int // last header row when the sheet has a NIK and a name column, else 0
}

// Report is the preview of an import: what was found and what each row
// becomes. Nothing is written until app.ImportWorkbook writes its Writes.
type Report struct {
	File        string // file name as given (base name)
	Sheets      []SheetInfo
	Sheet       string
	FirstHeader int      // first header row
	HeaderRow   int      // last header row (the sub-header of a two-row header)
	NumberRow   int      // row of column numbers under the header, 0 when none
	Columns     []Column // every header column with the field it maps to
	Mapping     map[Field]int
	Title       []string // text of the rows above the header
	TitleYear   int      // year found in the title rows, 0 when none
	TitleAgency string   // agency found in the title rows, "" when none
	Year        int      // program year the rows are enrolled in
	Agency      string
	Status      string
	Update      bool // UpdateExisting was chosen

	Rows                                 []Row
	Accepted, Updates, Rejected, Skipped int

	HiddenRows    []int    // rows hidden in Excel that were read (imported with a warning, or skipped)
	HiddenColumns []string // letters of hidden columns that hold a field
	OtherTables   []OtherTable
	Target        []TargetWarning // the file names another agency or year than the chosen one

	parser         rowParser
	agencyCol      int            // a Dinas/Instansi column, -1 when none
	columnAgencies map[string]int // agency code → rows whose Dinas column names it
	heads          map[string]*header
	arena          arena          // the cells of every row
	registered     map[int]string // row index → where the NIK is registered
	titleRows      []Row
	headerRows     []Row
}

// RowsRead counts the rows after the header that the import looked at:
// data rows and the rows it skipped (blank rows after the table are not
// counted).
func (r *Report) RowsRead() int { return len(r.Rows) }

// Preview reads a workbook and checks every row without writing anything.
// name is the file name shown to the clerk and stored as the source.
func Preview(ctx context.Context, in io.Reader, name string, o Options) (*Report, error) {
	defer tightGC()()
	lim := o.Limits.orDefault()
	ra, size, err := readerAt(in, lim)
	if err != nil {
		if _, ok := err.(*wub.Err); ok {
			return nil, wub.Errorf("import_too_big", name, "> "+mib(lim.FileBytes), mib(lim.FileBytes))
		}
		return nil, err
	}
	base := filepath.Base(name)
	wb, err := openWorkbook(ra, size, base, lim)
	if err != nil {
		return nil, err
	}
	rep := &Report{File: base}
	var chosen *header
	for _, s := range wb.sheets {
		h, err := wb.scanHeader(s)
		if err != nil {
			return nil, err
		}
		info := SheetInfo{Name: s.name, Hidden: s.hidden}
		if h != nil {
			info.HeaderRow = h.last
			if rep.heads == nil {
				rep.heads = map[string]*header{}
			}
			rep.heads[s.name] = h
		}
		rep.Sheets = append(rep.Sheets, info)
		switch {
		case o.Sheet != "" && strings.EqualFold(o.Sheet, s.name):
			if h == nil {
				return nil, wub.Errorf("import_sheet_no_header", s.name)
			}
			chosen, rep.Sheet = h, s.name
		case o.Sheet == "" && chosen == nil && h != nil && !s.hidden:
			chosen, rep.Sheet = h, s.name
		}
	}
	if chosen == nil {
		if o.Sheet != "" {
			var names []string
			for _, s := range wb.sheets {
				names = append(names, s.name)
			}
			return nil, wub.Errorf("import_sheet_unknown", o.Sheet, strings.Join(names, ", "))
		}
		return nil, wub.Errorf("import_no_table", base, headScanRows)
	}
	if err := rep.setHeader(chosen, o); err != nil {
		return nil, err
	}
	if err := rep.setParser(ctx, o); err != nil {
		return nil, err
	}
	ref := sheetRefByName(wb, rep.Sheet)
	lo, err := wb.readLayout(ref)
	if err != nil {
		return nil, err
	}
	rep.hiddenColumns(lo)
	if err := rep.readRows(ctx, wb, ref, chosen, lo); err != nil {
		return nil, err
	}
	if err := rep.findOtherTables(ctx, wb); err != nil {
		return nil, err
	}
	if err := rep.checkRegistered(ctx, o.Register); err != nil {
		return nil, err
	}
	rep.count()
	rep.checkTarget()
	return rep, nil
}

// PreviewFile is Preview of a file on disk.
func PreviewFile(ctx context.Context, path string, o Options) (*Report, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, wub.Errorf("import_open", filepath.Base(path))
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && o.FileDate.IsZero() {
		m := st.ModTime().In(wub.WIB)
		o.FileDate = time.Date(m.Year(), m.Month(), m.Day(), 0, 0, 0, 0, time.UTC)
	}
	return Preview(ctx, f, path, o)
}

// readerAt gives random access to the input: files are used as they are,
// other readers are read into memory up to the file limit.
func readerAt(in io.Reader, lim Limits) (io.ReaderAt, int64, error) {
	if f, ok := in.(*os.File); ok {
		st, err := f.Stat()
		if err != nil {
			return nil, 0, err
		}
		return f, st.Size(), nil
	}
	if ra, ok := in.(interface {
		io.ReaderAt
		Size() int64
	}); ok {
		return ra, ra.Size(), nil
	}
	b, err := io.ReadAll(io.LimitReader(in, lim.FileBytes+1))
	if err != nil {
		return nil, 0, err
	}
	if int64(len(b)) > lim.FileBytes {
		return nil, 0, wub.Errorf("import_too_big")
	}
	return strings.NewReader(string(b)), int64(len(b)), nil
}

func sheetRefByName(wb *workbook, name string) sheetRef {
	for _, s := range wb.sheets {
		if s.name == name {
			return s
		}
	}
	return sheetRef{}
}

// scanHeader reads the first rows of a sheet and finds its header.
func (wb *workbook) scanHeader(s sheetRef) (*header, error) {
	sr, err := wb.rows(s)
	if err != nil {
		return nil, err
	}
	defer sr.Close()
	var rows []sheetRow
	for sr.Next() {
		r := sr.Row()
		if r.num > headScanRows+3 {
			break
		}
		rows = append(rows, sheetRow{num: r.num, cells: append([]cell(nil), r.cells...)})
	}
	if err := sr.Err(); err != nil {
		return nil, err
	}
	return findHeader(rows), nil
}

func (rep *Report) setHeader(h *header, o Options) error {
	rep.FirstHeader, rep.HeaderRow, rep.NumberRow = h.top, h.last, h.numbers
	rep.Mapping = map[Field]int{}
	for f, c := range h.mapping {
		rep.Mapping[f] = c
	}
	for f, c := range o.Mapping {
		if c < 0 {
			delete(rep.Mapping, f)
		} else {
			rep.Mapping[f] = c
		}
	}
	rep.agencyCol = -1
	for _, c := range h.columns {
		if rep.agencyCol < 0 && c.Field == "" && agencyColumn(c.Header) {
			rep.agencyCol = c.Index
		}
		c.Field = ""
		rep.Columns = append(rep.Columns, c)
	}
	for f, c := range rep.Mapping {
		for len(rep.Columns) <= c {
			i := len(rep.Columns)
			rep.Columns = append(rep.Columns, Column{Index: i, Letter: columnLetter(i)})
		}
		rep.Columns[c].Field = f
	}
	if _, ok := rep.Mapping[FieldNIK]; !ok {
		return wub.Errorf("import_sheet_no_header", rep.Sheet)
	}
	if _, ok := rep.Mapping[FieldName]; !ok {
		return wub.Errorf("import_sheet_no_header", rep.Sheet)
	}
	var title []string
	for _, r := range h.title {
		var parts []string
		for c := range r.cells {
			if t := r.text(c); t != "" {
				parts = append(parts, oneLine(t))
			}
		}
		if len(parts) > 0 {
			title = append(title, strings.Join(parts, " "))
		}
		rep.titleRows = append(rep.titleRows, rep.arena.pack(r))
	}
	for _, r := range h.rows {
		rep.headerRows = append(rep.headerRows, rep.arena.pack(r))
	}
	rep.Title = title
	rep.TitleYear, rep.TitleAgency = titleYear(title), titleAgency(title)
	rep.Year, rep.Agency = o.Year, strings.ToUpper(strings.TrimSpace(o.Agency))
	if rep.Year == 0 {
		rep.Year = rep.TitleYear
	}
	if rep.Agency == "" {
		rep.Agency = rep.TitleAgency
	}
	rep.Update = o.UpdateExisting
	rep.Status = o.Status
	if rep.Status == "" {
		rep.Status = wub.StatusTrained
	}
	return nil
}

func (rep *Report) setParser(ctx context.Context, o Options) error {
	today := o.Today
	if today.IsZero() {
		if o.Register != nil {
			today = o.Register.Today()
		} else {
			n := time.Now()
			today = time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, time.UTC)
		}
	}
	fileDate := o.FileDate
	if fileDate.IsZero() || fileDate.After(today) {
		fileDate = today
	}
	rep.parser = rowParser{m: rep.Mapping, today: today, fileDate: fileDate, agency: rep.Agency, year: rep.Year, status: rep.Status}
	return ctx.Err()
}

// Ready says whether the report can be committed: the program year and the
// agency are known and the agency ran the program in that year.
func (rep *Report) Ready(agencies wub.Agencies) error {
	if rep.Agency == "" {
		return wub.Errorf("import_agency_missing")
	}
	if rep.Year == 0 {
		return wub.Errorf("import_year_missing")
	}
	e := wub.Enrolment{AgencyCode: rep.Agency, Year: rep.Year, Status: rep.Status}
	if is := e.Check(agencies); is.HasErrors() {
		return is.Errors()
	}
	return nil
}

// Source is what an imported row remembers: "file.xlsx / Sheet / 12".
func (rep *Report) Source(r Row) string {
	return fmt.Sprintf("%s / %s / %d", rep.File, rep.Sheet, r.Num)
}
