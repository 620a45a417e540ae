package xlsx

import (
	"fmt"
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"wubdesk/internal/wub"
)

// wamiraSheet is the one sheet of an outlet's product list.
const wamiraSheet = "Produk WUB"

// WamiraRupiahFormat shows whole rupiah with thousands separators.
const WamiraRupiahFormat = `"Rp"#,##0`

var wamiraHeaders = []string{"No", "Nama produk", "Kategori", "Harga satuan", "Satuan", "P-IRT", "Halal",
	"Produsen (peserta WUB)", "No. HP produsen", "Nama usaha", "Desa / Kecamatan", "Dipajang sejak"}

var wamiraWidths = []float64{5, 30, 15, 14, 9, 9, 9, 26, 17, 26, 28, 14}

// WriteOutletProducts writes the list of WUB products on one outlet's shelf
// for the shop: one row per product with its unit price (a number in
// Rupiah format), P-IRT and halal status, the producer's name and phone
// (text, so the leading 0 stays) and the day it was put on the shelf. The
// sheet prints on A4 landscape, one page wide, with the header row repeated.
func WriteOutletProducts(w io.Writer, o wub.Outlet, rows []wub.ListingRow, printedOn time.Time) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", wamiraSheet); err != nil {
		return err
	}
	st, err := newWamiraStyles(f)
	if err != nil {
		return err
	}
	for i, wd := range wamiraWidths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(wamiraSheet, col, col, wd); err != nil {
			return err
		}
	}
	last, _ := excelize.ColumnNumberToName(len(wamiraHeaders))
	place := wub.Ref().KecamatanName(o.KecCode)
	if d := wub.Ref().DesaName(o.DesaCode); d != "" {
		place = d + ", " + place
	}
	status := "buka sejak " + wub.FormatLongDate(o.OpenedOn)
	if !o.ClosedOn.IsZero() {
		status = "tutup sejak " + wub.FormatLongDate(o.ClosedOn)
	}
	title := [][2]any{
		{"DAFTAR PRODUK PESERTA PROGRAM WIRAUSAHA BARU (WUB)", st.title},
		{o.Name + " — Kecamatan " + place + " (" + status + ")", st.subtitle},
		{fmt.Sprintf("Keadaan %s: %d produk dari %d produsen", wub.FormatLongDate(printedOn), len(rows), producers(rows)), st.subtitle},
	}
	for i, t := range title {
		cell := fmt.Sprintf("A%d", i+1)
		if err := f.SetCellValue(wamiraSheet, cell, t[0]); err != nil {
			return err
		}
		if err := f.MergeCell(wamiraSheet, cell, fmt.Sprintf("%s%d", last, i+1)); err != nil {
			return err
		}
		if err := f.SetCellStyle(wamiraSheet, cell, cell, t[1].(int)); err != nil {
			return err
		}
	}
	const headRow = 5
	for i, h := range wamiraHeaders {
		cell, _ := excelize.CoordinatesToCellName(i+1, headRow)
		if err := f.SetCellValue(wamiraSheet, cell, h); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(wamiraSheet, fmt.Sprintf("A%d", headRow), fmt.Sprintf("%s%d", last, headRow), st.header); err != nil {
		return err
	}
	for i, r := range rows {
		row := headRow + 1 + i
		place := r.DesaName
		if r.KecName != "" {
			if place != "" {
				place += ", "
			}
			place += r.KecName
		}
		values := []any{i + 1, r.Name, r.Category, r.Price, r.Unit, wub.CertLabel(r.PIRT), wub.CertLabel(r.Halal),
			r.Producer, r.Phone, r.BusinessName, place, r.ListedOn}
		for c, v := range values {
			cell, _ := excelize.CoordinatesToCellName(c+1, row)
			if s, ok := v.(string); ok {
				// SetCellStr keeps "0812…" as text; SetCellValue would too, but be explicit.
				if err := f.SetCellStr(wamiraSheet, cell, s); err != nil {
					return err
				}
			} else if err := f.SetCellValue(wamiraSheet, cell, v); err != nil {
				return err
			}
			style := st.text
			switch c {
			case 0:
				style = st.number
			case 3:
				style = st.rupiah
			case 11:
				style = st.date
			}
			if err := f.SetCellStyle(wamiraSheet, cell, cell, style); err != nil {
				return err
			}
		}
	}
	if err := f.SetPanes(wamiraSheet, &excelize.Panes{Freeze: true, YSplit: headRow, TopLeftCell: fmt.Sprintf("A%d", headRow+1), ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if len(rows) > 0 {
		if err := f.AutoFilter(wamiraSheet, fmt.Sprintf("A%d:%s%d", headRow, last, headRow+len(rows)), nil); err != nil {
			return err
		}
	}
	if err := wamiraPrintSetup(f, headRow, len(rows)); err != nil {
		return err
	}
	return writeWithDimensions(f, w)
}

func producers(rows []wub.ListingRow) int {
	seen := map[int64]bool{}
	for _, r := range rows {
		seen[r.TraineeID] = true
	}
	return len(seen)
}

// wamiraPrintSetup makes the sheet print on A4 landscape, one page wide,
// with the header row on every page and page numbers in the footer.
func wamiraPrintSetup(f *excelize.File, headRow, n int) error {
	orientation, paper, fitW, fitH := "landscape", 9, 1, 0
	if err := f.SetPageLayout(wamiraSheet, &excelize.PageLayoutOptions{Orientation: &orientation, Size: &paper,
		FitToWidth: &fitW, FitToHeight: &fitH}); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(wamiraSheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	m := 0.4
	if err := f.SetPageMargins(wamiraSheet, &excelize.PageLayoutMarginsOptions{Left: &m, Right: &m, Top: &m, Bottom: &m}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(wamiraSheet, &excelize.HeaderFooterOptions{OddFooter: "&LWUBDesk — Wamira Mart&RHalaman &P dari &N"}); err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(len(wamiraHeaders))
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: wamiraSheet,
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", wamiraSheet, headRow, headRow)}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", Scope: wamiraSheet,
		RefersTo: fmt.Sprintf("'%s'!$A$1:$%s$%d", wamiraSheet, last, headRow+max(n, 1))})
}

type wamiraStyles struct{ title, subtitle, header, text, number, rupiah, date int }

func newWamiraStyles(f *excelize.File) (*wamiraStyles, error) {
	border := []excelize.Border{{Type: "left", Color: "999999", Style: 1}, {Type: "right", Color: "999999", Style: 1},
		{Type: "top", Color: "999999", Style: 1}, {Type: "bottom", Color: "999999", Style: 1}}
	var err error
	mk := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(s)
		return id
	}
	rupiah, date := WamiraRupiahFormat, "dd/mm/yyyy"
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	st := &wamiraStyles{
		title:    mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}}),
		subtitle: mk(&excelize.Style{Font: &excelize.Font{Size: 11}}),
		header: mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border,
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}),
		text:   mk(&excelize.Style{Border: border, NumFmt: 49, Alignment: top}),
		number: mk(&excelize.Style{Border: border, NumFmt: 1, Alignment: top}),
		rupiah: mk(&excelize.Style{Border: border, CustomNumFmt: &rupiah, Alignment: &excelize.Alignment{Vertical: "top"}}),
		date:   mk(&excelize.Style{Border: border, CustomNumFmt: &date, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left"}}),
	}
	return st, err
}
