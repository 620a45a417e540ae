package xlsx

import (
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// The printed page of a data sheet (issue 17): A4 landscape, the heading
// row repeated, the title in the page header, "Halaman N dari M" in the
// footer, and never smaller than minPrintPt.
//
// Sizes: a column of width w (in characters of the default 11 pt font) is
// w·7+5 pixels at 96 dpi; A4 landscape less 0.4" margins is 277 mm, 1,046
// pixels at 100 %.
const (
	basePt     = 11.0
	minPrintPt = 8.0
	splitScale = 75 // per cent when the columns go over two pages wide: 8.25 pt
	// fontMargin allows for an office suite that shows the sheet in a wider
	// font than Calibri (LibreOffice without Carlito uses DejaVu Sans, about
	// a quarter wider), so that its pages still hold what is planned.
	fontMargin    = 1.25
	pageWidthPx   = (297.0 - 2*0.4*25.4) / 25.4 * 96
	colPaddingPx  = 5.0
	charWidthPx   = 7.0
	printMarginsX = `<pageMargins left="0.4" right="0.4" top="0.85" bottom="0.6" header="0.3" footer="0.3"/>`
)

// printLayout is how a data sheet prints.
type printLayout struct {
	widths   []float64
	fitWidth bool  // one page wide: the scale that takes keeps at least minPrintPt
	breaks   []int // when not: the number of columns left of each page break
}

func colPx(w float64) float64 { return w*charWidthPx + colPaddingPx }

// planPrint fits the columns to one page wide when that keeps the text at
// least minPrintPt, and otherwise prints at splitScale with the columns
// split over pages in their order (identity first), column A (No) repeated
// on every page so that each row can be matched.
func planPrint(widths []float64) printLayout {
	l := printLayout{widths: widths}
	total := 0.0
	for _, w := range widths {
		total += colPx(w)
	}
	total *= fontMargin
	if pageWidthPx/total*basePt >= minPrintPt {
		l.fitWidth = true
		return l
	}
	capacity := pageWidthPx * 100 / splitScale
	used := 0.0
	for i, w := range widths {
		px := colPx(w) * fontMargin
		if i > 0 && used+px > capacity {
			l.breaks = append(l.breaks, i)
			used = colPx(widths[0]) * fontMargin // the repeated No column
		}
		used += px
	}
	return l
}

// printTitles is the _xlnm.Print_Titles of a sheet so laid out: the heading
// row, and column A when the columns are split over pages.
func (l printLayout) printTitles(sheet string) string {
	q := "'" + strings.ReplaceAll(sheet, "'", "''") + "'!"
	if len(l.breaks) > 0 {
		return q + "$A:$A," + q + "$1:$1"
	}
	return q + "$1:$1"
}

// headerText escapes text for a page header: & doubled, then for XML.
func headerText(s string) string {
	s = strings.ReplaceAll(s, "&", "&&")
	return string(appendEscaped(nil, s))
}

// appendPageXML appends what follows the autoFilter of a sheet: grid lines
// printed, margins, A4 landscape page setup, the page header and footer,
// and the column breaks.
func (l printLayout) appendPageXML(b []byte, pp pagePrint) []byte {
	b = append(b, `<printOptions gridLines="1"/>`+printMarginsX+`<pageSetup paperSize="9" orientation="landscape" pageOrder="overThenDown"`...)
	if l.fitWidth {
		b = append(b, ` fitToWidth="1" fitToHeight="0"/>`...)
	} else {
		b = append(b, ` scale="`...)
		b = strconv.AppendInt(b, splitScale, 10)
		b = append(b, `"/>`...)
	}
	b = append(b, `<headerFooter scaleWithDoc="0" alignWithMargins="1">`...)
	if pp.title != "" {
		b = append(b, `<oddHeader>&amp;C&amp;"-,Bold"&amp;11`...)
		b = append(b, headerText(pp.title)...)
		if pp.subtitle != "" {
			b = append(b, `&#10;&amp;"-,Regular"&amp;9`...)
			b = append(b, headerText(pp.subtitle)...)
		}
		b = append(b, `</oddHeader>`...)
	}
	b = append(b, `<oddFooter>&amp;L&amp;9&amp;A&amp;R&amp;9Halaman &amp;P dari &amp;N</oddFooter></headerFooter>`...)
	if len(l.breaks) > 0 {
		n := strconv.Itoa(len(l.breaks))
		b = append(b, `<colBreaks count="`+n+`" manualBreakCount="`+n+`">`...)
		for _, k := range l.breaks {
			b = append(b, `<brk id="`...)
			b = strconv.AppendInt(b, int64(k), 10)
			b = append(b, `" max="1048575" man="1"/>`...)
		}
		b = append(b, `</colBreaks>`...)
	}
	return append(b, `</worksheet>`...)
}

// setPageTitle puts a title (and a smaller second line) in the page header
// of a sheet written with excelize, keeping setPrint's footer.
func setPageTitle(f *excelize.File, sheet string, pp pagePrint) error {
	esc := func(s string) string { return strings.ReplaceAll(s, "&", "&&") }
	h := `&C&"-,Bold"&11` + esc(pp.title)
	if pp.subtitle != "" {
		h += "\n" + `&"-,Regular"&9` + esc(pp.subtitle)
	}
	return f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddHeader: h,
		OddFooter: "&L&9&A&R&9Halaman &P dari &N"})
}
