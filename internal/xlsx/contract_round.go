package xlsx

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"wubdesk/internal/wub"
)

// RoundColumns are the headers of the contract round sheet, in order.
var RoundColumns = []string{"No", "Nama", "Peran", "Status", "No. SPK terakhir", "Masa kontrak", "Kecamatan tugas",
	"Honor/bulan (Rp)", "Angkatan dilatih", "Peserta lulus", "Didampingi", "Target", "% target", "Kunjungan",
	"Usaha berjalan", "% berjalan", "Laporan tepat waktu", "Laporan terlambat", "Laporan tidak ada", "Keputusan", "Catatan"}

var roundWidths = []float64{5, 26, 12, 10, 22, 23, 16, 14, 10, 9, 11, 8, 9, 10, 10, 10, 11, 11, 11, 18, 30}

// RoundSheetName is the sheet's name for a round: "Kontrak 2024".
func RoundSheetName(year int) string { return fmt.Sprintf("Kontrak %d", year) }

// WriteContractRound writes the contract round as a workbook the agency
// head signs: the letterhead, one row per facilitator with last year's
// figures and the decision, the totals, how the figures are counted, and
// the signature block dated date.
func WriteContractRound(w io.Writer, r *wub.ContractRound, a wub.Agency, o wub.Office, date time.Time) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := RoundSheetName(r.Year)
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	c := &roundCursor{f: f, sheet: sheet, row: 1}
	c.styles()
	last := len(RoundColumns)
	for i, wd := range roundWidths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		c.do(func() error { return f.SetColWidth(sheet, col, col, wd) })
	}
	c.title(last, "PEMERINTAH KABUPATEN PAMEKASAN", c.kop)
	c.title(last, strings.ToUpper(a.NameOn(date).Full), c.kop)
	c.title(last, fmt.Sprintf("PERPANJANGAN KONTRAK FASILITATOR PROGRAM WIRAUSAHA BARU (WUB) TAHUN %d", r.Year), c.bold)
	c.title(last, fmt.Sprintf("Berdasarkan kinerja tahun %d", r.LastYear()), c.plain)
	c.row++
	header := c.row
	for i, h := range RoundColumns {
		c.set(i+1, h, c.head)
	}
	c.do(func() error { return f.SetRowHeight(sheet, header, 30) })
	c.row++
	for i, row := range r.Rows {
		c.rowValues(i+1, row)
		c.row++
	}
	if len(r.Rows) > 0 {
		c.do(func() error {
			return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: header, TopLeftCell: fmt.Sprintf("A%d", header+1), ActivePane: "bottomLeft"})
		})
	}
	renew, notRenew, undecided := r.Counts()
	c.row++
	c.title(last, fmt.Sprintf("Diperpanjang: %d   •   Tidak diperpanjang: %d   •   Belum diputuskan: %d", renew, notRenew, undecided), c.bold)
	for _, note := range roundNotes(r.LastYear()) {
		c.title(last, note, c.note)
	}
	c.row++
	if c.err != nil {
		return c.err
	}
	if _, err := WriteSignature(f, sheet, c.row, last-5, last, HeadSignature(o, a, date)); err != nil {
		return err
	}
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: ptr("landscape"), FitToWidth: ptr(1), FitToHeight: ptr(0)}); err != nil {
		return err
	}
	return writeWithDimensions(f, w)
}

func roundNotes(last int) []string {
	return []string{
		fmt.Sprintf("Angkatan dilatih: angkatan dinas ini tahun %d yang difasilitasi. Peserta lulus: peserta berstatus Lulus di angkatan itu.", last),
		fmt.Sprintf("Didampingi: peserta berbeda yang dikunjungi tahun %d; Target: target pendampingan dalam kontrak.", last),
		fmt.Sprintf("Usaha berjalan: dari peserta yang didampingi, yang keadaan usahanya pada kunjungan terakhir s.d. 31 Desember %d \"Sudah berjalan\".", last),
		fmt.Sprintf("Laporan bulanan tepat waktu bila diserahkan paling lambat tanggal %d bulan berikutnya.", wub.ReportDueDay),
	}
}

type roundCursor struct {
	f                                  *excelize.File
	sheet                              string
	row                                int
	err                                error
	kop, bold, plain, note, head, cell int
	text, num, pct                     int
}

func (c *roundCursor) do(fn func() error) {
	if c.err == nil {
		c.err = fn()
	}
}

func (c *roundCursor) styles() {
	mk := func(s *excelize.Style) int {
		var id int
		c.do(func() (err error) { id, err = c.f.NewStyle(s); return })
		return id
	}
	border := []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1}}
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	c.kop = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	c.bold = mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	c.plain = mk(&excelize.Style{Alignment: &excelize.Alignment{Horizontal: "center"}})
	c.note = mk(&excelize.Style{Font: &excelize.Font{Italic: true, Size: 9}})
	c.head = mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	c.text = mk(&excelize.Style{Border: border, Alignment: top, NumFmt: 49})
	c.cell = mk(&excelize.Style{Border: border, Alignment: top})
	c.num = mk(&excelize.Style{Border: border, Alignment: top, NumFmt: 3}) // #,##0
	c.pct = mk(&excelize.Style{Border: border, Alignment: top, NumFmt: 9}) // 0%
}

// title writes a line merged across the sheet's columns.
func (c *roundCursor) title(last int, text string, style int) {
	a := fmt.Sprintf("A%d", c.row)
	b, _ := excelize.CoordinatesToCellName(last, c.row)
	c.do(func() error { return c.f.MergeCell(c.sheet, a, b) })
	c.do(func() error { return c.f.SetCellStr(c.sheet, a, text) })
	c.do(func() error { return c.f.SetCellStyle(c.sheet, a, b, style) })
	c.row++
}

func (c *roundCursor) set(col int, v any, style int) {
	cell, _ := excelize.CoordinatesToCellName(col, c.row)
	c.do(func() error {
		if s, ok := v.(string); ok {
			return c.f.SetCellStr(c.sheet, cell, s)
		}
		return c.f.SetCellValue(c.sheet, cell, v)
	})
	c.do(func() error { return c.f.SetCellStyle(c.sheet, cell, cell, style) })
}

// share writes part/whole as a percentage, or "–" when there is no whole.
func (c *roundCursor) share(col, part, whole int) {
	if whole <= 0 {
		c.set(col, "–", c.cell)
		return
	}
	c.set(col, float64(part)/float64(whole), c.pct)
}

func (c *roundCursor) rowValues(n int, r wub.RoundRow) {
	lc := r.LastContract
	kec := ""
	if lc.KecCode != "" {
		kec = wub.Ref().KecamatanName(lc.KecCode)
	}
	c.set(1, n, c.cell)
	c.set(2, r.Name, c.text)
	c.set(3, wub.RoleLabel(r.Role), c.cell)
	c.set(4, wub.FacilitatorStatusLabel(r.Status), c.cell)
	c.set(5, lc.SPKNumber, c.text)
	span := ""
	if !lc.StartDate.IsZero() {
		span = wub.FormatDate(lc.StartDate) + " – " + wub.FormatDate(lc.EndDate)
	}
	c.set(6, span, c.cell)
	c.set(7, kec, c.text)
	c.set(8, lc.Honorarium, c.num)
	c.set(9, r.BatchesRun, c.cell)
	c.set(10, r.TraineesTrained, c.cell)
	c.set(11, r.TraineesMentored, c.cell)
	c.set(12, r.Target, c.cell)
	c.share(13, r.TraineesMentored, r.Target)
	c.set(14, r.Visits, c.cell)
	c.set(15, r.BusinessRunning, c.cell)
	c.share(16, r.BusinessRunning, r.TraineesMentored)
	c.set(17, fmt.Sprintf("%d dari %d", r.Reports.OnTime, r.Reports.Expected), c.cell)
	c.set(18, r.Reports.Late, c.cell)
	c.set(19, r.Reports.Missing, c.cell)
	c.set(20, wub.DecisionLabel(r.CurrentDecision()), c.cell)
	c.set(21, r.Decision.Note, c.text)
}
