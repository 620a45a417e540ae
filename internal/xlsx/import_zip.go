package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"wubdesk/internal/wub"
)

// Limits bound what an import may read, so that a zip bomb, a sheet of a
// million empty rows or a cell of megabytes is refused with a message
// instead of exhausting the clerk's PC.
type Limits struct {
	FileBytes int64 // the workbook file itself (compressed)
	PartBytes int64 // any one part once uncompressed (a worksheet, the shared strings)
	Rows      int   // row elements in the chosen worksheet, empty ones included
	CellBytes int   // one cell's text
	Columns   int   // cells beyond this column are ignored
}

// DefaultLimits fit a 100,000-row office workbook with room to spare.
var DefaultLimits = Limits{
	FileBytes: 200 << 20,
	PartBytes: 512 << 20,
	Rows:      250_000,
	CellBytes: 32 << 10, // Excel's own limit is 32,767 characters
	Columns:   256,
}

func (l Limits) orDefault() Limits {
	d := DefaultLimits
	if l.FileBytes > 0 {
		d.FileBytes = l.FileBytes
	}
	if l.PartBytes > 0 {
		d.PartBytes = l.PartBytes
	}
	if l.Rows > 0 {
		d.Rows = l.Rows
	}
	if l.CellBytes > 0 {
		d.CellBytes = l.CellBytes
	}
	if l.Columns > 0 {
		d.Columns = l.Columns
	}
	return d
}

// sheetRef is a worksheet of the workbook.
type sheetRef struct {
	name   string
	part   string // zip path, "xl/worksheets/sheet1.xml"
	hidden bool
}

// workbook is an opened .xlsx, read part by part.
type workbook struct {
	name      string // file name, for messages
	files     map[string]*zip.File
	sheets    []sheetRef
	date1904  bool
	sst       stringTable
	dateStyle []bool // by cell style (xf) index
	lim       Limits
	csv       *csvFile // set when the file is CSV text: its one sheet
	xls       *xlsBook // set when the file is an Excel 97–2003 workbook
	// raw keeps cell values as stored (numbers as written, dates as serial
	// numbers), as the submission's checksum was made; the import converts.
	raw bool
}

var (
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	// An encrypted .xlsx is an OLE file holding a stream of this name.
	encryptedStream = []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00")
)

// openWorkbook recognises what the bytes are and opens an .xlsx. Every
// other kind of file gets an error that says what to do with it.
func openWorkbook(ra io.ReaderAt, size int64, name string, lim Limits) (*workbook, error) {
	if size > lim.FileBytes {
		return nil, wub.Errorf("import_too_big", name, mib(size), mib(lim.FileBytes))
	}
	head := make([]byte, 512)
	n, _ := ra.ReadAt(head, 0)
	head = head[:n]
	switch {
	case n == 0:
		return nil, wub.Errorf("import_damaged", name, "berkas kosong")
	case bytes.HasPrefix(head, oleMagic):
		if oleHas(ra, size, encryptedStream) {
			return nil, wub.Errorf("import_encrypted", name)
		}
		return openXLS(ra, size, name, lim)
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
	case bytes.HasPrefix(head, []byte("PK")):
		return nil, wub.Errorf("import_damaged", name, "arsip zip tidak lengkap")
	case looksLikeText(head):
		return openCSV(ra, size, name, lim)
	default:
		return nil, wub.Errorf("import_not_workbook", name)
	}
	zr, err := zip.NewReader(ra, size)
	if err != nil {
		return nil, wub.Errorf("import_damaged", name, "arsip zip rusak")
	}
	wb := &workbook{name: name, files: map[string]*zip.File{}, lim: lim}
	for _, f := range zr.File {
		wb.files[strings.TrimPrefix(f.Name, "/")] = f
	}
	if f := wb.files["mimetype"]; f != nil {
		if b, _ := wb.readSmall("mimetype"); strings.Contains(string(b), "opendocument") {
			return nil, wub.Errorf("import_ods", name)
		}
	}
	if err := wb.readStructure(); err != nil {
		return nil, err
	}
	return wb, nil
}

func mib(n int64) string { return fmt.Sprintf("%.0f MB", float64(n)/(1<<20)) }

// oleHas scans an OLE compound file for a directory entry name. The
// directory is small and near the start or the end; reading at most 8 MiB
// is enough for every real file.
func oleHas(ra io.ReaderAt, size int64, name []byte) bool {
	n := min(size, 8<<20)
	buf := make([]byte, n)
	m, _ := ra.ReadAt(buf, 0)
	if bytes.Contains(buf[:m], name) {
		return true
	}
	if size > n {
		m, _ = ra.ReadAt(buf, size-n)
		return bytes.Contains(buf[:m], name)
	}
	return false
}

func looksLikeText(b []byte) bool {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	for _, c := range b {
		if c == 0 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
			return false
		}
	}
	return true
}

// open returns a reader of a part that fails once the part grows past the
// limit, whatever its header claims: that is what stops a zip bomb.
func (wb *workbook) open(p string) (io.ReadCloser, error) {
	f := wb.files[p]
	if f == nil {
		return nil, wub.Errorf("import_damaged", wb.name, "bagian "+p+" tidak ada")
	}
	if f.UncompressedSize64 > uint64(wb.lim.PartBytes) {
		return nil, wub.Errorf("import_too_big", wb.name, mib(int64(f.UncompressedSize64)), mib(wb.lim.PartBytes))
	}
	rc, err := f.Open()
	if err != nil {
		return nil, wub.Errorf("import_damaged", wb.name, "bagian "+p+" tidak bisa dibuka")
	}
	return &limitedPart{rc: rc, left: wb.lim.PartBytes, wb: wb}, nil
}

type limitedPart struct {
	rc   io.ReadCloser
	left int64
	wb   *workbook
}

var errPartTooBig = errors.New("part too big")

func (l *limitedPart) Read(p []byte) (int, error) {
	if l.left <= 0 {
		return 0, errPartTooBig
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.rc.Read(p)
	l.left -= int64(n)
	return n, err
}

func (l *limitedPart) Close() error { return l.rc.Close() }

// partErr turns a failure while reading a part into the message for the clerk.
func (wb *workbook) partErr(p string, err error) error {
	var we *wub.Err
	switch {
	case errors.As(err, &we):
		return err
	case errors.Is(err, errPartTooBig):
		return wub.Errorf("import_too_big", wb.name, "> "+mib(wb.lim.PartBytes), mib(wb.lim.PartBytes))
	}
	return wub.Errorf("import_damaged", wb.name, "bagian "+p+" tidak terbaca")
}

func (wb *workbook) readSmall(p string) ([]byte, error) {
	rc, err := wb.open(p)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, 64<<20))
	if err != nil {
		return nil, wb.partErr(p, err)
	}
	return b, nil
}

type relationship struct {
	ID     string `xml:"Id,attr"`
	Type   string `xml:"Type,attr"`
	Target string `xml:"Target,attr"`
}

// rels reads the relationships of a part, resolving targets to zip paths.
func (wb *workbook) rels(part string) ([]relationship, error) {
	dir, file := path.Split(part)
	b, err := wb.readSmall(dir + "_rels/" + file + ".rels")
	if err != nil {
		return nil, err
	}
	var doc struct {
		Rels []relationship `xml:"Relationship"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		return nil, wub.Errorf("import_damaged", wb.name, "daftar relasi rusak")
	}
	for i, r := range doc.Rels {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join(dir, t)
		}
		doc.Rels[i].Target = t
	}
	return doc.Rels, nil
}

func relType(r relationship, kind string) bool { return strings.HasSuffix(r.Type, "/"+kind) }

// readStructure reads the workbook part, its sheets, the shared strings and
// the styles (which cells hold dates).
func (wb *workbook) readStructure() error {
	root := "xl/workbook.xml"
	if rs, err := wb.rels(""); err == nil {
		for _, r := range rs {
			if relType(r, "officeDocument") {
				root = r.Target
			}
		}
	}
	if wb.files[root] == nil {
		if wb.files["word/document.xml"] != nil || wb.files["ppt/presentation.xml"] != nil {
			return wub.Errorf("import_not_workbook", wb.name)
		}
		return wub.Errorf("import_damaged", wb.name, "bagian buku kerja tidak ada")
	}
	b, err := wb.readSmall(root)
	if err != nil {
		return err
	}
	var doc struct {
		Pr struct {
			Date1904 string `xml:"date1904,attr"`
		} `xml:"workbookPr"`
		Sheets []struct {
			Name  string     `xml:"name,attr"`
			State string     `xml:"state,attr"`
			Attrs []xml.Attr `xml:",any,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		return wub.Errorf("import_damaged", wb.name, "bagian buku kerja rusak")
	}
	wb.date1904 = doc.Pr.Date1904 == "1" || doc.Pr.Date1904 == "true"
	rs, err := wb.rels(root)
	if err != nil {
		return err
	}
	byID := map[string]relationship{}
	for _, r := range rs {
		byID[r.ID] = r
		switch {
		case relType(r, "sharedStrings"):
			if err := wb.readSharedStrings(r.Target); err != nil {
				return err
			}
		case relType(r, "styles"):
			if err := wb.readStyles(r.Target); err != nil {
				return err
			}
		}
	}
	for _, s := range doc.Sheets {
		var id string
		for _, a := range s.Attrs {
			if a.Name.Local == "id" {
				id = a.Value
			}
		}
		r, ok := byID[id]
		if !ok || !relType(r, "worksheet") || wb.files[r.Target] == nil {
			continue // chart sheets, dialog sheets, broken links
		}
		wb.sheets = append(wb.sheets, sheetRef{name: s.Name, part: r.Target, hidden: s.State != "" && s.State != "visible"})
	}
	if len(wb.sheets) == 0 {
		return wub.Errorf("import_damaged", wb.name, "tidak ada lembar kerja")
	}
	return nil
}
