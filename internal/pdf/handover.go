package pdf

import (
	"fmt"
	"io"
	"time"

	"wubdesk/internal/wub"
)

// Party is one side of a handover: the agency by its names on the handover
// date and its head (empty name and NIP print dotted lines).
type Party struct {
	FullName  string
	ShortName string
	HeadName  string
	HeadRank  string
	HeadNIP   string
}

// Count is one line of a "what was handed over" table.
type Count struct {
	Label string
	N     int
}

// Handover is the berita acara serah terima of a handover package.
type Handover struct {
	Kop      Kop
	Number   string
	Date     time.Time // the handover date
	Place    string
	From, To Party
	FileName string
	SHA256   string
	Counts   []Count
	Meta     Meta
}

var dayNames = []string{"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"}

// WriteHandover writes the berita acara serah terima: the two parties, the
// records handed over per type, the package's SHA-256 and both heads'
// signatures.
func WriteHandover(w io.Writer, h Handover) error {
	d := newDoc("P", "Berita Acara Serah Terima Program WUB", h.FileName, h.Meta)
	d.writeKop(h.Kop)
	d.title("BERITA ACARA SERAH TERIMA\nPROGRAM WIRAUSAHA BARU (WUB)", h.Number)
	place := h.Place
	if place == "" {
		place = "Pamekasan"
	}
	d.para(fmt.Sprintf("Pada hari ini %s, tanggal %s, bertempat di %s, yang bertanda tangan di bawah ini:",
		dayNames[h.Date.Weekday()], wub.FormatLongDate(h.Date), place))
	party := func(no string, p Party, role string) {
		d.font("", 10.5)
		d.f.SetX(d.left)
		d.f.CellFormat(7, lineH, no, "", 0, "L", false, 0, "")
		rows := [][2]string{{"Nama", orDots(p.HeadName, dotName)}}
		if p.HeadRank != "" {
			rows = append(rows, [2]string{"Pangkat/golongan", p.HeadRank})
		}
		rows = append(rows, [2]string{"NIP", orDots(p.HeadNIP, dotNIP)}, [2]string{"Jabatan", "Kepala " + p.FullName})
		d.f.SetX(d.left)
		d.fields(7, 38, rows)
		d.f.SetX(d.left + 7)
		d.f.MultiCell(d.width-7, lineH, role, "", "L", false)
		d.f.Ln(2)
	}
	party("1.", h.From, "selanjutnya disebut PIHAK PERTAMA (yang menyerahkan);")
	party("2.", h.To, "selanjutnya disebut PIHAK KEDUA (yang menerima).")
	d.para(fmt.Sprintf("PIHAK PERTAMA menyerahkan kepada PIHAK KEDUA seluruh data Program Wirausaha Baru yang dikelola %s "+
		"beserta catatan auditnya, dalam satu paket berkas %s, dengan rincian:", h.From.ShortName, h.FileName))
	// Kinds the package holds none of are named in one line, not as rows of
	// zeros.
	var rows [][]string
	var none []string
	for _, c := range h.Counts {
		if c.N == 0 {
			none = append(none, c.Label)
			continue
		}
		rows = append(rows, []string{fmt.Sprint(len(rows) + 1), c.Label, num(c.N)})
	}
	d.table([]column{{"No", 10, "C"}, {"Jenis data", 110, "L"}, {"Jumlah", 35, "R"}}, rows, 10)
	if len(none) > 0 {
		d.font("", 9)
		d.f.SetX(d.left)
		d.f.MultiCell(d.width, 4.2, fmt.Sprintf("%d jenis data lain dalam paket tidak berisi data (0).", len(none)), "", "L", false)
		d.f.Ln(2)
	}
	d.line("", 11, "Sidik SHA-256 paket:")
	d.line("B", 9.5, h.SHA256)
	d.f.Ln(2)
	d.para("Sidik ini diperiksa WUBDesk saat paket diimpor; paket yang rusak atau diubah satu byte pun ditolak. " +
		"Sejak tanggal serah terima, program dilanjutkan oleh PIHAK KEDUA; realisasi tahun-tahun sebelumnya " +
		"tetap tercatat atas nama PIHAK PERTAMA.")
	d.para("Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya.")
	half := d.width / 2
	to := Signer{Position: "Kepala " + h.To.FullName, Name: h.To.HeadName, Rank: h.To.HeadRank, NIP: h.To.HeadNIP}
	from := Signer{Position: "Kepala " + h.From.FullName, Name: h.From.HeadName, Rank: h.From.HeadRank, NIP: h.From.HeadNIP}
	d.ensure(lineH + max(d.signatureHeight(half, to, "PIHAK KEDUA,"), d.signatureHeight(half, from, "PIHAK PERTAMA,")))
	d.font("", 10.5)
	d.f.SetX(d.left + half)
	d.f.MultiCell(half, lineH, place+", "+wub.FormatLongDate(h.Date), "", "C", false)
	y := d.f.GetY()
	d.signature(d.left, half, to, "PIHAK KEDUA,")
	d.f.SetY(y)
	d.signature(d.left+half, half, from, "PIHAK PERTAMA,")
	return d.output(w)
}

func orDots(s, dots string) string {
	if s == "" {
		return dots
	}
	return s
}
