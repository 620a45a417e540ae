package pdf

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"

	"wubdesk/assets"
	"wubdesk/internal/wub"
)

// Kop is the letterhead of the office that issues a document.
type Kop struct {
	Agency     string // the agency's full name on the letter's date
	Letterhead wub.Letterhead
}

// Signer is the signature block: "Pamekasan, 3 Januari 2023", the position,
// room to sign, then the name (bold, underlined), the rank and the NIP.
// Empty name or NIP print dotted lines to fill in by hand.
type Signer struct {
	Place    string // "Pamekasan" when empty
	Date     time.Time
	Position string // "Kepala Dinas ..."
	Name     string
	Rank     string // pangkat/golongan; the line is left out when empty
	NIP      string
}

// Meta is what every document records in its properties.
type Meta struct {
	Created    time.Time // the PDF's creation date (the app's clock)
	AppVersion string
}

const (
	family  = "DejaVuSerif"
	dotName = "(......................................)"
	dotNIP  = "......................................"
	lineH   = 4.9 // mm, body text at 10.5 pt
)

// doc is a document being written: fpdf with the fonts, margins and footer
// of every WUBDesk document.
type doc struct {
	f     *fpdf.Fpdf
	kop   Kop
	left  float64
	width float64 // printable width
	// noFooter leaves out the page footer (certificates: one page each,
	// inside a border).
	noFooter bool
}

func newDoc(orientation, title, subject string, m Meta) *doc {
	f := fpdf.New(orientation, "mm", "A4", "")
	f.AddUTF8FontFromBytes(family, "", assets.FontSerif)
	f.AddUTF8FontFromBytes(family, "B", assets.FontSerifBold)
	f.SetMargins(25, 15, 20)
	f.SetAutoPageBreak(true, 15)
	f.SetTitle(title, true)
	f.SetSubject(subject, true)
	f.SetCreator("WUBDesk "+m.AppVersion, true)
	f.SetProducer("WUBDesk (go-pdf/fpdf)", true)
	f.SetLang("id-ID")
	if !m.Created.IsZero() {
		f.SetCreationDate(m.Created)
		f.SetModificationDate(m.Created)
	}
	f.AliasNbPages("{nb}")
	d := &doc{f: f}
	f.SetFooterFunc(func() {
		if d.noFooter {
			return
		}
		f.SetY(-13)
		d.font("", 8)
		f.SetTextColor(90, 90, 90)
		f.CellFormat(0, 4, fmt.Sprintf("%s • halaman %d dari {nb}", title, f.PageNo()), "", 0, "C", false, 0, "")
		f.SetTextColor(0, 0, 0)
	})
	f.AddPage()
	w, _ := f.GetPageSize()
	l, _, r, _ := f.GetMargins()
	d.left, d.width = l, w-l-r
	return d
}

func (d *doc) font(style string, size float64) { d.f.SetFont(family, style, size) }

// output writes the PDF, or the first error fpdf met.
func (d *doc) output(w io.Writer) error {
	if err := d.f.Error(); err != nil {
		return err
	}
	return d.f.Output(w)
}

// writeKop prints the letterhead: the emblem on the left when the office
// chose one, the regency, the office and its contact lines centred, and the
// double rule under them.
func (d *doc) writeKop(k Kop) {
	f := d.f
	top := f.GetY()
	emblemH := 24.0
	if t := wub.EmblemType(k.Letterhead.Emblem); t != "" {
		info := f.RegisterImageOptionsReader("emblem", fpdf.ImageOptions{ImageType: t, ReadDpi: false},
			bytes.NewReader(k.Letterhead.Emblem))
		if info != nil && info.Height() > 0 {
			w := emblemH * info.Width() / info.Height()
			if w > 28 {
				w, emblemH = 28, 28*info.Height()/info.Width()
			}
			f.ImageOptions("emblem", d.left+(28-w)/2, top, w, emblemH, false, fpdf.ImageOptions{ImageType: t}, 0, "")
		}
	}
	// The text is centred on the page, but clear of the emblem.
	textX, textW := d.left+26, d.width-52
	f.SetXY(textX, top)
	d.font("B", 13)
	f.CellFormat(textW, 6.5, "PEMERINTAH KABUPATEN PAMEKASAN", "", 2, "C", false, 0, "")
	d.font("B", 15)
	f.SetX(textX)
	f.MultiCell(textW, 7, strings.ToUpper(k.Agency), "", "C", false)
	d.font("", 9.5)
	lh := k.Letterhead
	if lh.Address != "" {
		f.SetX(textX)
		f.MultiCell(textW, 4.5, lh.Address, "", "C", false)
	}
	var contact []string
	if lh.Phone != "" {
		contact = append(contact, "Telepon "+lh.Phone)
	}
	if lh.Email != "" {
		contact = append(contact, "Pos-el "+lh.Email)
	}
	if lh.Website != "" {
		contact = append(contact, "Laman "+lh.Website)
	}
	if len(contact) > 0 {
		f.SetX(textX)
		f.MultiCell(textW, 4.5, strings.Join(contact, "   "), "", "C", false)
	}
	y := max(f.GetY(), top+emblemH) + 1.5
	w, _ := f.GetPageSize()
	r := w - d.left - d.width
	f.SetLineWidth(0.9)
	f.Line(d.left, y, w-r, y)
	f.SetLineWidth(0.25)
	f.Line(d.left, y+1.2, w-r, y+1.2)
	f.SetLineWidth(0.2)
	f.SetXY(d.left, y+5)
}

// title prints a centred bold title and, when number is set, "Nomor: ..." under it.
func (d *doc) title(text, number string) {
	d.font("B", 12)
	d.f.SetX(d.left)
	d.f.MultiCell(d.width, 6, text, "", "C", false)
	if number != "" {
		d.font("", 10.5)
		d.f.SetX(d.left)
		d.f.CellFormat(d.width, 6, "Nomor: "+number, "", 1, "C", false, 0, "")
	}
	d.f.Ln(4)
}

// para prints a justified paragraph across the page.
func (d *doc) para(text string) {
	d.font("", 10.5)
	d.f.SetX(d.left)
	d.f.MultiCell(d.width, lineH, text, "", "J", false)
	d.f.Ln(1.5)
}

// line prints one left-aligned line in a style and size.
func (d *doc) line(style string, size float64, text string) {
	d.font(style, size)
	d.f.SetX(d.left)
	d.f.MultiCell(d.width, size*0.47, text, "", "L", false)
}

// fields prints "label : value" rows with the colons aligned, indented by in.
func (d *doc) fields(in, labelW float64, rows [][2]string) {
	d.font("", 10.5)
	for _, r := range rows {
		d.f.SetX(d.left + in)
		d.f.CellFormat(labelW, lineH, r[0], "", 0, "L", false, 0, "")
		d.f.CellFormat(4, lineH, ":", "", 0, "L", false, 0, "")
		d.f.MultiCell(d.width-in-labelW-4, lineH, r[1], "", "L", false)
	}
}

// Column is one column of a table.
type column struct {
	title string
	w     float64 // share of the table's width; the shares are scaled to fill it
	align string  // "L", "C", "R"
}

// table prints a bordered table whose cells wrap; a row that does not fit
// starts a new page, which repeats the header.
func (d *doc) table(cols []column, rows [][]string, size float64) {
	f := d.f
	total := 0.0
	for _, c := range cols {
		total += c.w
	}
	widths := make([]float64, len(cols))
	for i, c := range cols {
		widths[i] = c.w * d.width / total
	}
	lh := size * 0.45
	var header func()
	height := func(cells []string, style string) float64 {
		d.font(style, size)
		n := 1
		for i, s := range cells {
			if k := len(f.SplitText(s, widths[i])); k > n {
				n = k
			}
		}
		return float64(n)*lh + 1.6
	}
	draw := func(cells []string, style string, fill bool, aligns func(int) string) {
		h := height(cells, style)
		_, pageH := f.GetPageSize()
		_, bottom := f.GetAutoPageBreak()
		if f.GetY()+h > pageH-bottom && !fill {
			f.AddPage()
			header()
		}
		y := f.GetY()
		x := d.left
		d.font(style, size)
		for i, s := range cells {
			if fill {
				f.SetFillColor(222, 228, 240)
				f.Rect(x, y, widths[i], h, "FD")
			} else {
				f.Rect(x, y, widths[i], h, "D")
			}
			f.SetXY(x, y+0.8)
			f.MultiCell(widths[i], lh, s, "", aligns(i), false)
			x += widths[i]
		}
		f.SetXY(d.left, y+h)
	}
	header = func() {
		titles := make([]string, len(cols))
		for i, c := range cols {
			titles[i] = c.title
		}
		draw(titles, "B", true, func(int) string { return "C" })
	}
	f.SetAutoPageBreak(false, 15)
	header()
	for _, r := range rows {
		draw(r, "", false, func(i int) string { return cols[i].align })
	}
	f.SetAutoPageBreak(true, 15)
	f.Ln(3)
}

// ensure starts a new page when less than h millimetres are left.
func (d *doc) ensure(h float64) {
	_, pageH := d.f.GetPageSize()
	_, bottom := d.f.GetAutoPageBreak()
	if d.f.GetY()+h > pageH-bottom {
		d.f.AddPage()
	}
}

// signatureHeight is about the height a signature block takes.
const signatureHeight = 46

// signatureGap is the room left to sign and stamp.
const signatureGap = 15

// signatureHeight is the height the block s takes in a column w wide.
func (d *doc) signatureHeight(w float64, s Signer, lead string) float64 {
	d.font("", 10.5)
	n := len(d.f.SplitText(s.Position, w)) + 2 // position, name, NIP
	if !s.Date.IsZero() {
		n++
	}
	if lead != "" {
		n++
	}
	if s.Rank != "" {
		n++
	}
	return float64(n)*lineH + signatureGap
}

// signature prints the block in a column of width w starting at x.
func (d *doc) signature(x, w float64, s Signer, lead string) {
	f := d.f
	d.ensure(d.signatureHeight(w, s, lead))
	place := s.Place
	if place == "" {
		place = "Pamekasan"
	}
	d.font("", 10.5)
	y := f.GetY()
	f.SetXY(x, y)
	if !s.Date.IsZero() {
		f.MultiCell(w, lineH, place+", "+wub.FormatLongDate(s.Date), "", "C", false)
	}
	if lead != "" {
		f.SetX(x)
		f.MultiCell(w, lineH, lead, "", "C", false)
	}
	f.SetX(x)
	f.MultiCell(w, lineH, s.Position, "", "C", false)
	f.SetXY(x, f.GetY()+signatureGap)
	d.font("B", 10.5)
	name := s.Name
	if strings.TrimSpace(name) == "" {
		name = dotName
	}
	f.MultiCell(w, lineH, name, "", "C", false)
	if strings.TrimSpace(s.Name) != "" {
		// underline the name as wide as it is written
		nw := min(f.GetStringWidth(name), w)
		ly := f.GetY() - 0.6
		f.Line(x+(w-nw)/2, ly, x+(w+nw)/2, ly)
	}
	d.font("", 10.5)
	if s.Rank != "" {
		f.SetX(x)
		f.MultiCell(w, lineH, s.Rank, "", "C", false)
	}
	nip := s.NIP
	if strings.TrimSpace(nip) == "" {
		nip = dotNIP
	}
	f.SetX(x)
	f.MultiCell(w, lineH, "NIP "+nip, "", "C", false)
}

// Format helpers for the documents: numbers as 1.234 and Rp1.000.
func num(n int) string  { return wub.FormatInt(n) }
func rp(n int64) string { return wub.FormatRupiah(n) }
