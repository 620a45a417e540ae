package pdf

import (
	"fmt"
	"io"
	"strings"

	"wubdesk/internal/wub"
)

// Certificate is one page of a training certificate.
type Certificate struct {
	Number  string
	Name    string
	Address string // "Desa Klampar, Kecamatan Proppo"; "" leaves the line out
}

// Certificates is the sertifikat of one batch's trainees who passed, one
// page each, signed by the head of the agency that ran it.
type Certificates struct {
	Kop      Kop
	Batch    wub.Batch
	Venue    string // where the batch was held ("Desa Klampar, Kecamatan Proppo"), "" when unknown
	Trainees []Certificate
	Signer   Signer
	Meta     Meta
}

// WriteCertificates writes one landscape page per trainee.
func WriteCertificates(w io.Writer, c Certificates) error {
	b := c.Batch
	d := newDoc("L", "Sertifikat Pelatihan Program WUB", b.Name, c.Meta)
	d.f.SetAutoPageBreak(false, 0)
	d.noFooter = true
	for i, t := range c.Trainees {
		if i > 0 {
			d.f.AddPage()
		}
		d.certificatePage(c, t)
	}
	return d.output(w)
}

func (d *doc) certificatePage(c Certificates, t Certificate) {
	f := d.f
	pw, ph := f.GetPageSize()
	f.SetDrawColor(40, 70, 120)
	f.SetLineWidth(1.6)
	f.Rect(10, 10, pw-20, ph-20, "D")
	f.SetLineWidth(0.4)
	f.Rect(13, 13, pw-26, ph-26, "D")
	f.SetDrawColor(0, 0, 0)
	f.SetLineWidth(0.2)
	f.SetY(18)
	d.writeKop(c.Kop)
	center := func(style string, size, h float64, text string) {
		d.font(style, size)
		f.SetX(d.left)
		f.MultiCell(d.width, h, text, "", "C", false)
	}
	f.Ln(1)
	center("B", 26, 12, "SERTIFIKAT")
	center("", 11, 5.5, "Nomor: "+t.Number)
	f.Ln(4)
	center("", 12, 6, "diberikan kepada")
	f.Ln(1)
	center("B", 22, 10, t.Name)
	if t.Address != "" {
		center("", 11, 5.5, t.Address)
	}
	f.Ln(3)
	b := c.Batch
	what := "Pelatihan Program Wirausaha Baru (WUB)"
	if tt := strings.TrimSpace(b.TrainingType); tt != "" {
		if !strings.HasPrefix(strings.ToLower(tt), "pelatihan") {
			tt = "Pelatihan " + tt
		}
		what = tt + " Program Wirausaha Baru (WUB)"
	}
	text := fmt.Sprintf("atas keberhasilannya menyelesaikan %s %s tahun %d yang diselenggarakan oleh %s", what, b.Name, b.Year, c.Kop.Agency)
	switch {
	case !b.StartDate.IsZero() && !b.EndDate.IsZero() && !b.StartDate.Equal(b.EndDate):
		text += fmt.Sprintf(" pada tanggal %s s.d. %s", wub.FormatLongDate(b.StartDate), wub.FormatLongDate(b.EndDate))
	case !b.StartDate.IsZero():
		text += " pada tanggal " + wub.FormatLongDate(b.StartDate)
	}
	if c.Venue != "" {
		text += " di " + c.Venue
	}
	center("", 12, 6.2, text+".")
	f.SetY(ph - 18 - 56)
	d.signature(d.left+d.width*0.55, d.width*0.45, c.Signer, "")
}
