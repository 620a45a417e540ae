package xlsx

import (
	"archive/zip"
	"crypto/sha256"
	"encoding/xml"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// styles are the cell styles of the workbooks this package writes.
type styles struct {
	header, id, quote, date                 int
	kop1, kop2, kop3, note, bold            int
	cell, cellBold, num, numBold, pct       int
	center, centerWrap, signName, textWrap  int
	pageTitle, label, value, valueMono, red int
	plain, plainID                          int
	top                                     int // data cells of the streamed sheet, aligned to the top of tall rows
}

func (s *styles) sheet() sheetStyles {
	return sheetStyles{header: s.header, id: s.id, quote: s.quote, date: s.date, wrap: s.textWrap, top: s.top}
}

func newStyles(f *excelize.File) (*styles, error) {
	var err error
	mk := func(st *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(st)
		return id
	}
	border := []excelize.Border{{Type: "left", Color: "808080", Style: 1}, {Type: "right", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1}, {Type: "bottom", Color: "808080", Style: 1}}
	dateFmt, pctFmt := "dd/mm/yyyy", "0.0%"
	s := &styles{}
	s.header = mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	top := &excelize.Alignment{Vertical: "top"}
	s.id = mk(&excelize.Style{NumFmt: 49, Alignment: top})
	// The quote style differs from id by its alignment so that excelize
	// does not merge the two; quotePrefix is set on it below.
	s.quote = mk(&excelize.Style{NumFmt: 49, Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top"}})
	s.date = mk(&excelize.Style{CustomNumFmt: &dateFmt, Alignment: top})
	s.top = mk(&excelize.Style{Alignment: top})
	s.kop1 = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	s.kop2 = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 12}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	s.kop3 = mk(&excelize.Style{Alignment: &excelize.Alignment{Horizontal: "center"},
		Border: []excelize.Border{{Type: "bottom", Color: "000000", Style: 6}}})
	s.note = mk(&excelize.Style{Font: &excelize.Font{Italic: true, Size: 10}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	s.bold = mk(&excelize.Style{Font: &excelize.Font{Bold: true}})
	s.cell = mk(&excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	s.cellBold = mk(&excelize.Style{Border: border, Font: &excelize.Font{Bold: true}})
	s.num = mk(&excelize.Style{Border: border, NumFmt: 3})
	s.numBold = mk(&excelize.Style{Border: border, NumFmt: 3, Font: &excelize.Font{Bold: true}})
	s.pct = mk(&excelize.Style{Border: border, CustomNumFmt: &pctFmt})
	s.center = mk(&excelize.Style{Alignment: &excelize.Alignment{Horizontal: "center"}})
	s.centerWrap = mk(&excelize.Style{Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top", WrapText: true}})
	s.signName = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Underline: "single"}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	s.textWrap = mk(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	s.pageTitle = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 12}, Alignment: &excelize.Alignment{Horizontal: "center", WrapText: true}})
	s.label = mk(&excelize.Style{Border: border, Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	s.value = mk(&excelize.Style{Border: border, NumFmt: 49, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	s.valueMono = mk(&excelize.Style{Border: border, NumFmt: 49, Font: &excelize.Font{Family: "Courier New", Size: 9}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	s.red = mk(&excelize.Style{Border: border, Font: &excelize.Font{Color: "C00000"}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	s.plain = mk(&excelize.Style{Border: border})
	s.plainID = mk(&excelize.Style{Border: border, NumFmt: 49})
	if err != nil {
		return nil, err
	}
	// excelize has no option for quotePrefix; the style sheet is loaded
	// by now and is written as it stands.
	yes := true
	f.Styles.CellXfs.Xf[s.quote].QuotePrefix = &yes
	return s, nil
}

// writeTable writes a small data sheet with excelize (the Fasilitator
// sheet) and returns the digest of its canonical rows.
func writeTable(f *excelize.File, sheet string, t *Table, st *styles) ([]byte, error) {
	digest := sha256.New()
	header := make([]string, len(t.Columns))
	widths := make([]float64, len(t.Columns))
	for i, c := range t.Columns {
		header[i] = sanitize(c.Header)
		widths[i] = textWidth(header[i]) + 1
		ref, _ := excelize.CoordinatesToCellName(i+1, 1)
		if err := f.SetCellStr(sheet, ref, header[i]); err != nil {
			return nil, err
		}
	}
	digest.Write(appendCanonical(nil, header))
	row := make([]string, len(t.Columns))
	for r, vals := range t.Rows {
		for i, c := range t.Columns {
			v := ""
			if i < len(vals) {
				v = sanitize(vals[i])
			}
			row[i] = v
			if v == "" {
				continue
			}
			ref, _ := excelize.CoordinatesToCellName(i+1, r+2)
			if err := setTableCell(f, sheet, ref, c.Kind, v, st); err != nil {
				return nil, err
			}
			if c.Kind != KindDate {
				widths[i] = max(widths[i], min(textWidth(v), maxWidth))
			}
		}
		digest.Write(appendCanonical(nil, row))
	}
	last := colName(len(t.Columns)-1) + strconv.Itoa(len(t.Rows)+1)
	if err := f.SetCellStyle(sheet, "A1", colName(len(t.Columns)-1)+"1", st.header); err != nil {
		return nil, err
	}
	for i, c := range t.Columns {
		w := widths[i]
		if c.Width > 0 {
			w = c.Width
		} else if c.Kind == KindDate {
			w = max(w, 12)
		}
		_ = f.SetColWidth(sheet, colName(i), colName(i), w)
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	if err := f.AutoFilter(sheet, "A1:"+last, nil); err != nil {
		return nil, err
	}
	if err := setPrint(f, sheet, "landscape"); err != nil {
		return nil, err
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles",
		RefersTo: "'" + sheet + "'!$1:$1", Scope: sheet}); err != nil {
		return nil, err
	}
	return digest.Sum(nil), nil
}

func setTableCell(f *excelize.File, sheet, ref string, k Kind, v string, st *styles) error {
	switch k {
	case KindInt:
		if n, err := strconv.ParseInt(v, 10, 64); err == nil {
			return f.SetCellInt(sheet, ref, n)
		}
	case KindDate:
		if n, ok := dateSerial(v); ok {
			if err := f.SetCellInt(sheet, ref, n); err != nil {
				return err
			}
			return f.SetCellStyle(sheet, ref, ref, st.date)
		}
	}
	style := 0
	if k == KindID {
		style = st.id
	}
	if risky(v) {
		style = st.quote
	}
	if err := f.SetCellStr(sheet, ref, v); err != nil {
		return err
	}
	if style != 0 {
		return f.SetCellStyle(sheet, ref, ref, style)
	}
	return nil
}

// sheetPart finds the archive path of a sheet through the workbook and its
// relationships.
func sheetPart(zr *zip.Reader, sheet string) (string, error) {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := readXML(zr, "xl/workbook.xml", &wb); err != nil {
		return "", err
	}
	if err := readXML(zr, "xl/_rels/workbook.xml.rels", &rels); err != nil {
		return "", err
	}
	for _, s := range wb.Sheets {
		if s.Name != sheet {
			continue
		}
		for _, r := range rels.Rels {
			if r.ID == s.RID {
				if strings.HasPrefix(r.Target, "/") {
					return strings.TrimPrefix(r.Target, "/"), nil
				}
				return path.Join("xl", r.Target), nil
			}
		}
	}
	return "", errNoSheet
}

func readXML(zr *zip.Reader, name string, v any) error {
	fh, err := zr.Open(name)
	if err != nil {
		return err
	}
	defer fh.Close()
	return xml.NewDecoder(io.LimitReader(fh, 8<<20)).Decode(v)
}
