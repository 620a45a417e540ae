package pdf

import (
	"fmt"
	"io"
	"time"

	"wubdesk/internal/wub"
)

// Receipt is the berita acara penerimaan of one agency's accepted month
// (issue 22): who sent it, who accepted it, the counts and the
// verification code of the snapshot accepted.
type Receipt struct {
	Kop        Kop
	Number     string    // "" prints none (the hub has no letter register)
	Date       time.Time // the acceptance
	Agency     string    // the agency's full name
	Month      time.Time // the reporting month
	Code       string    // verification code of the snapshot accepted
	SentBy     string    // the office's device (PC) that sent it
	SentAt     time.Time
	AcceptedBy string // the hub user who accepted
	People     int
	Enrolments int
	Trained    int
	InMonth    int
	Quota      int
	Signer     Signer // the economic section's reviewer
	Meta       Meta
}

// WriteReceipt writes the berita acara penerimaan.
func WriteReceipt(w io.Writer, r Receipt) error {
	d := newDoc("P", "Berita Acara Penerimaan Laporan Bulanan WUB", r.Agency+" "+wub.PeriodLabel(r.Month), r.Meta)
	d.writeKop(r.Kop)
	d.title("BERITA ACARA PENERIMAAN\nLAPORAN BULANAN PROGRAM WIRAUSAHA BARU (WUB)", r.Number)
	day := r.Date.In(wub.WIB)
	d.para(fmt.Sprintf("Pada hari ini %s, tanggal %s, Bagian Perekonomian Sekretariat Daerah Kabupaten Pamekasan "+
		"telah memeriksa dan MENERIMA laporan bulanan Program Wirausaha Baru (WUB) %s periode %s, "+
		"yang dikirim melalui register kabupaten, dengan rincian:",
		dayNames[day.Weekday()], wub.FormatLongDate(day), r.Agency, wub.PeriodLabel(r.Month)))
	sent := ""
	if !r.SentAt.IsZero() {
		sent = wub.FormatLongDate(r.SentAt.In(wub.WIB)) + " pukul " + r.SentAt.In(wub.WIB).Format("15.04") + " WIB"
	}
	d.fields(0, 58, [][2]string{
		{"Dinas pengirim", r.Agency},
		{"Periode laporan", wub.PeriodLabel(r.Month)},
		{"Dikirim dari", orDots(r.SentBy, dotName)},
		{"Dikirim pada", orDots(sent, dotNIP)},
		{"Diterima oleh", orDots(r.AcceptedBy, dotName)},
		{"Diterima pada", wub.FormatLongDate(day) + " pukul " + day.Format("15.04") + " WIB"},
	})
	d.f.Ln(2)
	rows := [][]string{
		{"Peserta (setiap NIK satu kali), kumulatif s.d. " + wub.PeriodLabel(r.Month), num(r.People)},
		{"Pendaftaran kumulatif", num(r.Enrolments)},
		{"Peserta lulus kumulatif", num(r.Trained)},
		{"Pendaftaran yang terhitung di bulan " + wub.PeriodLabel(r.Month), num(r.InMonth)},
	}
	if r.Quota > 0 {
		rows = append(rows, []string{fmt.Sprintf("Kuota tahun %d", r.Month.Year()), num(r.Quota)},
			[]string{"Capaian (lulus ÷ kuota)", wub.FormatPercent(float64(r.Trained) / float64(r.Quota))})
	}
	d.table([]column{{"Uraian", 120, "L"}, {"Jumlah", 40, "R"}}, rows, 10)
	d.font("", 10.5)
	d.f.SetX(d.left)
	d.f.CellFormat(42, 7, "Kode verifikasi", "", 0, "L", false, 0, "")
	d.font("B", 15)
	d.f.CellFormat(0, 7, orDots(r.Code, dotNIP), "", 1, "L", false, 0, "")
	d.f.Ln(2)
	d.para("Dengan diterimanya laporan ini, angka bulan tersebut dikunci: perubahan data yang mengubah angkanya " +
		"hanya dapat dilakukan setelah bulan itu dibuka kembali oleh pengelola register kabupaten, dan laporan " +
		"harus dikirim serta diterima lagi. Berita acara ini dibuat untuk dipergunakan sebagaimana mestinya.")
	d.f.Ln(2)
	half := d.width / 2
	sg := r.Signer
	if sg.Position == "" {
		sg.Position = "Pemeriksa, Bagian Perekonomian"
	}
	if sg.Name == "" {
		sg.Name = r.AcceptedBy
	}
	sg.Date = day
	d.signature(d.left+half, half, sg, "")
	return d.output(w)
}
