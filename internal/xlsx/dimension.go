package xlsx

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// excelize writes <dimension ref="A1"/> for a sheet made cell by cell,
// whatever it holds; readers that trust the dimension (openpyxl in
// read-only mode, pandas through it, large-file tools) then see one cell.
// fixDimension sets it to the sheet's real used range: every cell written,
// styled or not, and every merged range.
var (
	dimensionRE = regexp.MustCompile(`<dimension ref="[^"]*"\s*(?:/>|></dimension>)`)
	cellRefRE   = regexp.MustCompile(`<c r="([A-Z]{1,3})([0-9]+)"`)
	mergeRefRE  = regexp.MustCompile(`<mergeCell ref="([A-Z]{1,3}[0-9]+):([A-Z]{1,3}[0-9]+)"`)
)

// usedRange is the A1:B2 reference of the cells of a sheet's XML ("A1"
// when it has none).
func usedRange(sheet []byte) string {
	minC, minR, maxC, maxR := 0, 0, 0, 0
	see := func(col string, row int) {
		c, err := excelize.ColumnNameToNumber(col)
		if err != nil || row < 1 {
			return
		}
		if minC == 0 || c < minC {
			minC = c
		}
		if minR == 0 || row < minR {
			minR = row
		}
		maxC, maxR = max(maxC, c), max(maxR, row)
	}
	for _, m := range cellRefRE.FindAllSubmatch(sheet, -1) {
		r, _ := strconv.Atoi(string(m[2]))
		see(string(m[1]), r)
	}
	for _, m := range mergeRefRE.FindAllSubmatch(sheet, -1) {
		for _, ref := range [][]byte{m[1], m[2]} {
			if c, r, err := excelize.SplitCellName(string(ref)); err == nil {
				see(c, r)
			}
		}
	}
	if maxC == 0 {
		return "A1"
	}
	a, _ := excelize.CoordinatesToCellName(minC, minR)
	b, _ := excelize.CoordinatesToCellName(maxC, maxR)
	if a == b {
		return a
	}
	return a + ":" + b
}

// fixDimension returns the sheet XML with its real used range.
func fixDimension(sheet []byte) []byte {
	ref := `<dimension ref="` + usedRange(sheet) + `"/>`
	if dimensionRE.Match(sheet) {
		return dimensionRE.ReplaceAll(sheet, []byte(ref))
	}
	return sheet
}

// copyFixingDimension copies zf into zw, rewriting a worksheet part's
// <dimension>; other parts are copied as they are.
func copyFixingDimension(zw *zip.Writer, zf *zip.File) error {
	if !strings.HasPrefix(zf.Name, "xl/worksheets/sheet") || !strings.HasSuffix(zf.Name, ".xml") {
		return zw.Copy(zf)
	}
	rc, err := zf.Open()
	if err != nil {
		return err
	}
	b, err := io.ReadAll(rc)
	rc.Close()
	if err != nil {
		return err
	}
	w, err := zw.CreateHeader(&zip.FileHeader{Name: zf.Name, Method: zip.Deflate, Modified: zf.Modified})
	if err != nil {
		return err
	}
	_, err = io.Copy(w, bytes.NewReader(fixDimension(b)))
	return err
}

// writeWithDimensions writes a workbook made with excelize to w with every
// sheet's real <dimension> (for the small workbooks other than the
// submission: the regency's consolidation and the Kuota export).
func writeWithDimensions(f *excelize.File, w io.Writer) error {
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return err
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	for _, zf := range zr.File {
		if err := copyFixingDimension(zw, zf); err != nil {
			return err
		}
	}
	return zw.Close()
}
