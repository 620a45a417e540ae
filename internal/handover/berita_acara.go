package handover

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

// BeritaAcaraSheet is the sheet of the berita acara serah terima.
const BeritaAcaraSheet = "Berita Acara"

// BeritaAcara is what the printed record of a handover says. The receiving
// head's name and NIP are only known to the receiving office: left empty,
// dotted lines are printed for them to fill in by hand.
type BeritaAcara struct {
	Manifest   Manifest
	SHA256     string
	FileName   string
	ToHeadName string
	ToHeadNIP  string
}

var hariNames = []string{"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"}

// WriteBeritaAcara writes the berita acara serah terima as a one-sheet A4
// workbook: both agencies under their names on the handover date, the
// date, the records handed over per type, the package's SHA-256 and the
// signature lines of both heads.
func WriteBeritaAcara(w io.Writer, b BeritaAcara) error {
	f := excelize.NewFile()
	defer f.Close()
	sh := BeritaAcaraSheet
	if err := f.SetSheetName("Sheet1", sh); err != nil {
		return err
	}
	c := &baCursor{f: f, row: 1}
	c.styles()
	for i, wd := range []float64{5, 12, 28, 5, 12, 28} {
		col, _ := excelize.ColumnNumberToName(i + 1)
		c.do(func() error { return f.SetColWidth(sh, col, col, wd) })
	}
	m := b.Manifest
	date := m.Date()
	place := m.Place
	if place == "" {
		place = "Pamekasan"
	}
	c.line(1, 6, "PEMERINTAH KABUPATEN PAMEKASAN", c.kop)
	c.line(1, 6, "BERITA ACARA SERAH TERIMA", c.kop)
	c.line(1, 6, "PROGRAM WIRAUSAHA BARU (WUB)", c.bold)
	c.line(1, 6, "Nomor: ........................................", c.center)
	c.row++
	c.para(fmt.Sprintf("Pada hari ini %s, tanggal %s, bertempat di %s, yang bertanda tangan di bawah ini:",
		hariNames[date.Weekday()], wub.FormatLongDate(date), place))
	c.party("1.", m.From.HeadName, m.From.HeadNIP, m.From.FullName,
		"selanjutnya disebut PIHAK PERTAMA (yang menyerahkan);")
	c.party("2.", b.ToHeadName, b.ToHeadNIP, m.To.FullName, "selanjutnya disebut PIHAK KEDUA (yang menerima).")
	c.para(fmt.Sprintf("PIHAK PERTAMA menyerahkan kepada PIHAK KEDUA seluruh data Program Wirausaha Baru yang dikelola %s "+
		"beserta catatan auditnya, dalam satu paket berkas %s, dengan rincian:", m.From.ShortName, b.FileName))
	c.set(1, "No", c.head)
	c.merge(2, 5, "Jenis data", c.head)
	c.set(6, "Jumlah", c.head)
	c.row++
	for i, mb := range m.Members {
		c.set(1, i+1, c.cellNum)
		c.merge(2, 5, wub.HandoverKindLabel(mb.Kind), c.cell)
		c.set(6, mb.Count, c.cellNum)
		c.row++
	}
	c.row++
	c.line(1, 6, "Sidik SHA-256 paket:", c.plain)
	c.line(1, 6, b.SHA256, c.mono)
	c.para("Sidik ini diperiksa WUBDesk saat paket diimpor; paket yang rusak atau diubah satu byte pun ditolak. " +
		"Sejak tanggal serah terima, program dilanjutkan oleh PIHAK KEDUA; realisasi tahun-tahun sebelumnya " +
		"tetap tercatat atas nama PIHAK PERTAMA.")
	c.para("Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya.")
	c.row++
	c.line(5, 6, place+", "+wub.FormatLongDate(date), c.center)
	c.line(2, 3, "Yang menerima,", c.center)
	c.row--
	c.line(5, 6, "Yang menyerahkan,", c.center)
	c.line(2, 3, "Kepala "+m.To.FullName, c.center)
	c.row--
	c.line(5, 6, "Kepala "+m.From.FullName, c.center)
	c.do(func() error { return f.SetRowHeight(sh, c.row-1, 32) })
	c.row += 4
	c.line(2, 3, orDots(b.ToHeadName, "(......................................)"), c.name)
	c.row--
	c.line(5, 6, orDots(m.From.HeadName, "(......................................)"), c.name)
	c.line(2, 3, "NIP "+orDots(b.ToHeadNIP, "......................................"), c.center)
	c.row--
	c.line(5, 6, "NIP "+orDots(m.From.HeadNIP, "......................................"), c.center)
	if c.err != nil {
		return c.err
	}
	if err := f.SetPageLayout(sh, &excelize.PageLayoutOptions{Size: ptr(9), Orientation: ptr("portrait"),
		FitToWidth: ptr(1), FitToHeight: ptr(0)}); err != nil {
		return err
	}
	if err := f.SetSheetProps(sh, &excelize.SheetPropsOptions{FitToPage: ptr(true)}); err != nil {
		return err
	}
	if err := f.SetDocProps(&excelize.DocProperties{Title: "Berita Acara Serah Terima WUB",
		Creator: "WUBDesk " + xlsx.AppVersion()}); err != nil {
		return err
	}
	return f.Write(w)
}

func ptr[T any](v T) *T { return &v }

func orDots(s, dots string) string {
	if strings.TrimSpace(s) == "" {
		return dots
	}
	return s
}

type baCursor struct {
	f                                       *excelize.File
	row                                     int
	err                                     error
	kop, bold, center, plain, wrap, mono    int
	head, cell, cellNum, name, label, colon int
}

func (c *baCursor) do(fn func() error) {
	if c.err == nil {
		c.err = fn()
	}
}

func (c *baCursor) styles() {
	mk := func(s *excelize.Style) int {
		var id int
		c.do(func() (err error) { id, err = c.f.NewStyle(s); return err })
		return id
	}
	border := []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1}}
	c.kop = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	c.bold = mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	c.center = mk(&excelize.Style{Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top", WrapText: true}})
	c.plain = mk(&excelize.Style{})
	c.wrap = mk(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	c.mono = mk(&excelize.Style{Font: &excelize.Font{Family: "Courier New", Size: 9}})
	c.head = mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
		Alignment: &excelize.Alignment{Horizontal: "center"}})
	c.cell = mk(&excelize.Style{Border: border})
	c.cellNum = mk(&excelize.Style{Border: border, NumFmt: 3})
	c.name = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Underline: "single"}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	c.label = c.plain
	c.colon = c.plain
}

func (c *baCursor) cellName(col int) string {
	n, _ := excelize.CoordinatesToCellName(col, c.row)
	return n
}

func (c *baCursor) set(col int, v any, style int) {
	c.do(func() error { return c.f.SetCellValue(BeritaAcaraSheet, c.cellName(col), v) })
	c.do(func() error { return c.f.SetCellStyle(BeritaAcaraSheet, c.cellName(col), c.cellName(col), style) })
}

// merge writes v merged across columns from..to of the current row.
func (c *baCursor) merge(from, to int, v any, style int) {
	a, b := c.cellName(from), c.cellName(to)
	if to > from {
		c.do(func() error { return c.f.MergeCell(BeritaAcaraSheet, a, b) })
	}
	c.do(func() error { return c.f.SetCellValue(BeritaAcaraSheet, a, v) })
	c.do(func() error { return c.f.SetCellStyle(BeritaAcaraSheet, a, b, style) })
}

// line writes one merged row and moves to the next.
func (c *baCursor) line(from, to int, text string, style int) {
	c.merge(from, to, text, style)
	c.row++
}

// para writes a wrapped paragraph across the page, its row tall enough for
// the lines it takes at about 85 characters a line.
func (c *baCursor) para(text string) {
	lines := len(text)/85 + 1
	c.do(func() error { return c.f.SetRowHeight(BeritaAcaraSheet, c.row, float64(15*lines+2)) })
	c.line(1, 6, text, c.wrap)
}

// party writes one signatory: name, NIP and position, then who they are.
func (c *baCursor) party(no, name, nip, agency, role string) {
	rows := [][2]string{{"Nama", orDots(name, "........................................")},
		{"NIP", orDots(nip, "........................................")},
		{"Jabatan", "Kepala " + agency}}
	for i, r := range rows {
		if i == 0 {
			c.set(1, no, c.plain)
		}
		c.set(2, r[0], c.label)
		c.merge(3, 6, ": "+r[1], c.wrap)
		c.row++
	}
	c.merge(2, 6, role, c.wrap)
	c.row++
}
