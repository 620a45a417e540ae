package xlsx

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"wubdesk/internal/wub"
)

// sheetCursor writes a report sheet top to bottom.
type sheetCursor struct {
	f      *excelize.File
	sheet  string
	row    int
	st     *styles
	err    error
	widths []float64 // column widths, to give wrapped rows their height
}

// setWidths sets the column widths from column A.
func (c *sheetCursor) setWidths(ws ...float64) {
	c.widths = ws
	for i, w := range ws {
		if c.err == nil {
			c.err = c.f.SetColWidth(c.sheet, colName(i), colName(i), w)
		}
	}
}

// fit makes the current row tall enough for text wrapped in a width.
func (c *sheetCursor) fit(text string, width float64) {
	lines := int((textWidth(text) - 2) / (width - 1))
	if lines > 0 && c.err == nil {
		h, _ := c.f.GetRowHeight(c.sheet, c.row)
		c.err = c.f.SetRowHeight(c.sheet, c.row, max(h, float64(lines+1)*13+4))
	}
}

func (c *sheetCursor) cell(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// put writes values from column A of the current row with one style each
// (nil values leave the cell empty but styled).
func (c *sheetCursor) put(style int, values ...any) {
	for i, v := range values {
		ref := c.cell(i+1, c.row)
		if v != nil && c.err == nil {
			if s, ok := v.(string); ok {
				if i < len(c.widths) {
					c.fit(s, c.widths[i])
				}
				c.err = c.f.SetCellStr(c.sheet, ref, s)
			} else {
				c.err = c.f.SetCellValue(c.sheet, ref, v)
			}
		}
		if style != 0 && c.err == nil {
			st := style
			if _, isNum := v.(int); isNum {
				switch style {
				case c.st.cell:
					st = c.st.num
				case c.st.cellBold:
					st = c.st.numBold
				}
			}
			c.err = c.f.SetCellStyle(c.sheet, ref, ref, st)
		}
	}
	c.row++
}

// title writes a line merged across columns from..to.
func (c *sheetCursor) title(from, to int, text string, style int, height float64) {
	a, b := c.cell(from, c.row), c.cell(to, c.row)
	if c.err == nil {
		c.err = c.f.MergeCell(c.sheet, a, b)
	}
	if c.err == nil {
		c.err = c.f.SetCellStr(c.sheet, a, text)
	}
	if c.err == nil {
		c.err = c.f.SetCellStyle(c.sheet, a, b, style)
	}
	if height > 0 && c.err == nil {
		c.err = c.f.SetRowHeight(c.sheet, c.row, height)
	}
	c.row++
}

// kop writes the letterhead: regency, agency, report title and period.
func (c *sheetCursor) kop(lastCol int, agency, title, period string) {
	c.title(1, lastCol, "PEMERINTAH KABUPATEN PAMEKASAN", c.st.kop1, 20)
	c.title(1, lastCol, strings.ToUpper(agency), c.st.kop1, 20)
	c.title(1, lastCol, title, c.st.kop2, 18)
	c.title(1, lastCol, period, c.st.kop3, 0)
	c.row++
}

// signature writes "Pamekasan, <tanggal> / <jabatan> / … / <nama> / NIP <nip>"
// in columns from..to.
func (c *sheetCursor) signature(from, to int, place, date, position, name, nip string) {
	if place == "" {
		place = "Pamekasan"
	}
	c.title(from, to, place+", "+date, c.st.center, 0)
	c.title(from, to, position, c.st.centerWrap, 32)
	c.row += 4
	if name == "" {
		name = "(......................................)"
	}
	c.title(from, to, name, c.st.signName, 0)
	if nip == "" {
		nip = "......................................"
	}
	c.title(from, to, "NIP "+nip, c.st.center, 0)
}

// writeRekap fills the Rekap sheet of a submission.
func writeRekap(f *excelize.File, st *styles, s *Submission, t *tally, m *wub.SubmissionMeta) error {
	c := &sheetCursor{f: f, sheet: SheetRekap, row: 1, st: st}
	c.setWidths(44, 14, 14, 14, 14, 14)
	const last = 6
	month := s.monthStart()
	agencyName := s.Agency.NameOn(wub.EndOfMonth(month))
	c.kop(last, agencyName.Full, "LAPORAN BULANAN PROGRAM WIRAUSAHA BARU (WUB)",
		fmt.Sprintf("Periode: %s  •  Tahun program %d", wub.PeriodLabel(month), month.Year()))
	c.title(1, last, "Hanya peserta berstatus Lulus yang dihitung ke target 10.000 wirausaha baru. "+
		"Terdaftar = masih dalam pelatihan; Keluar = tidak menyelesaikan. Bulan ini = tanggal yang dihitung jatuh dalam "+
		"bulan laporan: Lulus menurut tanggal selesai, Keluar menurut tanggal keluar, Terdaftar menurut tanggal daftar "+
		"(kolom Tanggal Dihitung dan Bulan Dihitung di lembar Peserta). Baris tanpa tanggal itu tidak dimasukkan ke bulan "+
		"mana pun: dihitung di kumulatif dan di baris \"Tanggal belum diisi\". "+
		"Kumulatif = tahun program sampai akhir bulan laporan.", st.note, 72)
	rekapVerification(c, m.DataSHA256)
	c.row++

	upTo := "Kumulatif s.d. " + wub.PeriodLabel(month)
	c.title(1, last, "A. Ringkasan", st.bold, 0)
	c.put(st.header, "Uraian", "Bulan ini", upTo)
	labels := []string{"Lulus (dihitung ke target)", "Terdaftar (masih pelatihan)", "Keluar"}
	for i, l := range labels {
		c.put(st.cell, l, t.all.month[i], t.all.total[i])
	}
	c.put(st.cellBold, "Jumlah peserta", t.all.month.sum(), t.all.total.sum())
	rekapUndated(c, t)
	if s.OpenDuplicates > 0 {
		c.put(c.st.cell, fmt.Sprintf("%d kemungkinan ganda belum diperiksa (satu orang, dua NIK; periksa di WUBDesk → Kemungkinan ganda)",
			s.OpenDuplicates), nil, s.OpenDuplicates)
	}
	if s.Quota > 0 {
		c.put(st.cell, fmt.Sprintf("Kuota tahun %d", month.Year()), nil, s.Quota)
		c.put(st.cell, "Capaian (lulus kumulatif ÷ kuota)", nil, nil)
		ref := c.cell(3, c.row-1)
		if c.err == nil {
			c.err = f.SetCellFloat(SheetRekap, ref, float64(t.all.total[0])/float64(s.Quota), -1, 64)
		}
		if c.err == nil {
			c.err = f.SetCellStyle(SheetRekap, ref, ref, st.pct)
		}
	}
	c.row++

	breakdown := func(title string, lines []line) {
		c.title(1, last, title, st.bold, 0)
		c.put(st.header, "Uraian", "Lulus bulan ini", "Lulus kumulatif", "Terdaftar", "Keluar", "Jumlah")
		var sum split
		for _, l := range lines {
			c.put(st.cell, l.label, l.s.month[0], l.s.total[0], l.s.total[1], l.s.total[2], l.s.total.sum())
			for i := range 3 {
				sum.month[i] += l.s.month[i]
				sum.total[i] += l.s.total[i]
			}
		}
		c.put(st.cellBold, "Jumlah", sum.month[0], sum.total[0], sum.total[1], sum.total[2], sum.total.sum())
		c.row++
	}
	breakdown("B. Menurut jenis kelamin", t.sexLines())
	breakdown("C. Menurut kecamatan", t.kecLines())
	breakdown("D. Menurut bidang usaha (KBLI)", t.kbliLines())
	writeOutcomeRekap(c, s, last)

	// The month table, its chart and the signature print together on the
	// next page, so the chart is never cut by a page break.
	if c.err == nil {
		c.err = f.InsertPageBreak(SheetRekap, c.cell(1, c.row))
	}
	c.title(1, last, monthSectionLetter(s)+". Peserta per bulan (menurut tanggal dihitung)", st.bold, 0)
	c.put(st.header, "Bulan", "Lulus", "Semua status")
	first := c.row
	for m := 1; m <= int(month.Month()); m++ {
		c.put(st.cell, wub.MonthName(m), t.byMonth[m-1][0], t.byMonth[m-1].sum())
	}
	lastRow := c.row - 1
	rekapUndatedMonthRow(c, t)
	c.row++
	if c.err == nil {
		c.err = addMonthChart(f, SheetRekap, c.cell(1, c.row), first, lastRow,
			fmt.Sprintf("Peserta per bulan, tahun program %d", month.Year()))
	}
	c.row += 22

	c.signature(4, last, s.Office.Place, wub.FormatLongDate(m.GeneratedAt.In(wub.WIB)),
		"Kepala "+agencyName.Full, s.headName(), s.headNIP())
	if c.err != nil {
		return c.err
	}
	return setPrint(f, SheetRekap, "portrait")
}

// addMonthChart adds a clustered column chart of the month table in
// columns A–C, rows first..last.
func addMonthChart(f *excelize.File, sheet, at string, first, last int, title string) error {
	ref := func(col string) string {
		return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", sheet, col, first, col, last)
	}
	name := func(col string) string { return fmt.Sprintf("'%s'!$%s$%d", sheet, col, first-1) }
	return f.AddChart(sheet, at, &excelize.Chart{
		Type: excelize.Col,
		Series: []excelize.ChartSeries{
			{Name: name("B"), Categories: ref("A"), Values: ref("B")},
			{Name: name("C"), Categories: ref("A"), Values: ref("C")},
		},
		// Labels at print size: the chart prints at about 70 % on the
		// portrait page, so 11–12 pt here is 8 pt or more on paper.
		Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title,
			Font: &excelize.Font{Bold: true, Size: 13, Color: "000000"}}}},
		Legend:    excelize.ChartLegend{Position: "bottom", Font: &excelize.Font{Size: 11, Color: "000000"}},
		XAxis:     excelize.ChartAxis{Font: excelize.Font{Size: 11, Color: "000000"}},
		YAxis:     excelize.ChartAxis{Font: excelize.Font{Size: 11, Color: "000000"}, MajorGridLines: true},
		Dimension: excelize.ChartDimension{Width: 720, Height: 320},
		Format:    excelize.GraphicOptions{OffsetX: 5, OffsetY: 5},
	})
}

// setPrint sets A4 paper, one page wide, and the footer with the sheet's
// name and "Halaman N dari M".
func setPrint(f *excelize.File, sheet, orientation string) error {
	size, one, zero, yes := 9, 1, 0, true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &yes}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		OddFooter: "&L&9&A&R&9Halaman &P dari &N"}); err != nil {
		return err
	}
	return f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: &size, Orientation: &orientation, FitToWidth: &one, FitToHeight: &zero,
	})
}
