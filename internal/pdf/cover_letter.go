package pdf

import (
	"fmt"
	"io"
	"time"

	"wubdesk/internal/wub"
)

// Addressee of the monthly submission: the regency's economic section,
// which consolidates every agency's workbook.
const coverAddressee = "Kepala Bagian Perekonomian\nSekretariat Daerah Kabupaten Pamekasan"

// CoverLetter is the surat pengantar that goes with a monthly submission
// workbook: what is sent, the Rekap's figures and the workbook's
// verification code, signed by the head.
type CoverLetter struct {
	Kop      Kop
	Number   string
	Date     time.Time // the letter's date
	Sub      wub.SubmissionMeta
	FileName string // the workbook sent
	Signer   Signer
	Meta     Meta
}

// WriteCoverLetter writes the surat pengantar.
func WriteCoverLetter(w io.Writer, c CoverLetter) error {
	d := newDoc("P", "Surat Pengantar Laporan Bulanan WUB", c.FileName, c.Meta)
	d.writeKop(c.Kop)
	month := c.Sub.Month()
	place := c.Signer.Place
	if place == "" {
		place = "Pamekasan"
	}
	// Place and date on the right, the addressee on the left (Permendagri
	// 1/2023, surat pengantar).
	half := d.width / 2
	d.font("", 10.5)
	d.f.SetX(d.left + half)
	d.f.MultiCell(half, lineH, place+", "+wub.FormatLongDate(c.Date), "", "L", false)
	d.f.Ln(2)
	d.f.SetX(d.left + half)
	d.f.MultiCell(half, lineH, "Kepada\nYth. "+coverAddressee+"\ndi\n      PAMEKASAN", "", "L", false)
	d.f.Ln(2)
	d.title("SURAT PENGANTAR", c.Number)
	period := wub.PeriodLabel(month)
	code := wub.VerificationCode(c.Sub.DataSHA256)
	d.table([]column{{"No", 8, "C"}, {"Naskah dinas yang dikirimkan", 86, "L"}, {"Banyaknya", 24, "C"}, {"Keterangan", 42, "L"}},
		[][]string{{"1", fmt.Sprintf("Laporan Bulanan Program Wirausaha Baru (WUB) %s periode %s, tahun program %d, "+
			"buku kerja %s (%s baris peserta)", c.Sub.AgencyName, period, c.Sub.Year, c.FileName, num(c.Sub.TraineeRows)),
			"1 (satu) berkas", "Disampaikan untuk direkap. Kode verifikasi " + code}}, 10)
	d.line("B", 11, fmt.Sprintf("Ringkasan Rekap %s", period))
	d.f.Ln(1)
	upTo := "Kumulatif s.d. " + period
	s := c.Sub
	rows := [][]string{
		{"Lulus (dihitung ke target)", num(s.TrainedMonth), num(s.TrainedTotal)},
		{"Terdaftar (masih pelatihan)", num(s.RegisteredMonth), num(s.RegisteredTotal)},
		{"Keluar", num(s.DroppedMonth), num(s.DroppedTotal)},
		{"Jumlah peserta", num(s.TrainedMonth + s.RegisteredMonth + s.DroppedMonth),
			num(s.TrainedTotal + s.RegisteredTotal + s.DroppedTotal)},
	}
	if s.Quota > 0 {
		rows = append(rows, []string{fmt.Sprintf("Kuota tahun %d", s.Year), "", num(s.Quota)},
			[]string{"Capaian (lulus kumulatif ÷ kuota)", "", wub.FormatPercent(float64(s.TrainedTotal) / float64(s.Quota))})
	}
	d.table([]column{{"Uraian", 90, "L"}, {"Bulan ini", 30, "R"}, {upTo, 40, "R"}}, rows, 10)
	d.font("", 10.5)
	d.f.SetX(d.left)
	d.f.CellFormat(42, 7, "Kode verifikasi", "", 0, "L", false, 0, "")
	d.font("B", 15)
	d.f.CellFormat(0, 7, code, "", 1, "L", false, 0, "")
	d.font("", 8.5)
	d.f.SetX(d.left)
	d.f.MultiCell(d.width, 4, "Sidik data (SHA-256) buku kerja: "+s.DataSHA256, "", "L", false)
	d.f.SetX(d.left)
	d.f.MultiCell(d.width, 4, "Kode verifikasi adalah delapan angka "+
		"pertama sidik itu; Bagian Perekonomian mencocokkannya dengan buku kerja yang diterima. Buku kerja dibuat "+
		wub.FormatLongDate(s.GeneratedAt.In(wub.WIB))+" pukul "+s.GeneratedAt.In(wub.WIB).Format("15.04")+" WIB.", "", "J", false)
	d.f.Ln(4)
	d.ensure(signatureHeight)
	y := d.f.GetY()
	// Left: the receipt the receiving section fills in; right: the sender.
	d.font("", 10.5)
	d.f.SetXY(d.left, y+lineH)
	d.f.MultiCell(half-6, lineH, "Diterima tanggal: ..................\nPenerima,", "", "C", false)
	d.f.SetXY(d.left, d.f.GetY()+20)
	d.f.MultiCell(half-6, lineH, dotName+"\nNIP "+dotNIP, "", "C", false)
	d.f.SetY(y)
	sg := c.Signer
	sg.Date = time.Time{}
	d.signature(d.left+half, half, sg, "Pengirim,")
	return d.output(w)
}
