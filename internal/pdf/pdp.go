package pdf

import (
	"fmt"
	"io"
	"strings"
	"time"

	"wubdesk/internal/wub"
)

// Erasure is the berita acara penghapusan data pribadi (UU 27/2022 Art.
// 43–44): whose data was erased, on what ground, what was emptied and what
// stayed as a pseudonymous counted record.
type Erasure struct {
	Kop      Kop
	Number   string
	Date     time.Time
	Erasures []wub.Erasure // one per trainee record of the NIK
	Signer   Signer
	Meta     Meta
}

// WriteErasure writes the berita acara.
func WriteErasure(w io.Writer, b Erasure) error {
	d := newDoc("P", "Berita Acara Penghapusan Data Pribadi", "", b.Meta)
	d.writeKop(b.Kop)
	d.title("BERITA ACARA\nPENGHAPUSAN DATA PRIBADI PESERTA PROGRAM WUB", b.Number)
	if len(b.Erasures) == 0 {
		return d.output(w)
	}
	e := b.Erasures[0]
	ground := "atas permintaan pemilik data (Pasal 43 UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi)"
	if e.Ground == wub.EraseRetention {
		ground = "karena masa simpan telah berakhir (Pasal 44 UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi)"
	}
	d.para(fmt.Sprintf("Pada hari ini, %s, %s telah menghapus data pribadi pemilik NIK %s (nama sebelum dihapus: %s) "+
		"dari basis data WUBDesk, %s.", wub.FormatLongDate(b.Date), b.Kop.Agency, e.MaskedNIK, e.Name, ground))
	d.section("1. Alasan")
	d.para(e.Reason)
	d.section("2. Data yang dihapus")
	d.para("Isi berikut dikosongkan atau diganti, di setiap catatan peserta dengan NIK tersebut (termasuk catatan yang " +
		"sudah dihapus) dan di log audit: " + strings.Join(e.Emptied, ", ") + ".")
	d.section("3. Data yang tetap disimpan")
	d.para("Agar angka laporan yang sudah dikirim tidak berubah, setiap catatan disimpan sebagai catatan hitungan " +
		"tanpa identitas (pseudonim): jenis kelamin, desa/kecamatan, bidang usaha (KBLI) dan keikutsertaan (dinas, " +
		"tahun, status, tanggal). Catatan ini tidak dapat dicari dengan nama atau NIK.")
	var rows [][]string
	for _, x := range b.Erasures {
		rows = append(rows, []string{fmt.Sprint(x.TraineeID), x.Pseudonym, num(x.Enrolments), dateTime(x.At), x.Actor})
	}
	d.table([]column{{"Nomor data", 22, "C"}, {"Pseudonim", 44, "L"}, {"Keikutsertaan", 32, "R"},
		{"Waktu", 42, "C"}, {"Oleh", 30, "L"}}, rows, 9)
	d.section("4. Salinan lama")
	d.para("Cadangan, laporan dan paket yang dibuat sebelum tanggal ini masih memuat data tersebut sampai dimusnahkan " +
		"atau habis masa simpannya; salinan yang dibuat sesudahnya tidak lagi memuatnya. Daftar salinan ada di " +
		"log salinan WUBDesk (Pengaturan → Data pribadi).")
	d.f.Ln(4)
	d.signature(d.left+d.width*0.5, d.width*0.5, b.Signer, "")
	return d.output(w)
}

// BreachNotice is a notification of a personal data breach (UU 27/2022
// Art. 46): to the people affected (ToPeople) or to the authority, with
// the people a lost copy held.
type BreachNotice struct {
	Kop      Kop
	Number   string
	Date     time.Time
	ToPeople bool
	Breach   wub.Breach
	Copy     *wub.CopyRecord
	People   []wub.BreachPerson
	Office   string // the office's full name
	Contact  string // who to ask (the letterhead's phone / e-mail)
	Signer   Signer
	Meta     Meta
}

// WriteBreachNotice writes the letter.
func WriteBreachNotice(w io.Writer, n BreachNotice) error {
	title := "PEMBERITAHUAN KEGAGALAN PELINDUNGAN DATA PRIBADI"
	d := newDoc("P", "Pemberitahuan Kegagalan Pelindungan Data Pribadi", "", n.Meta)
	d.writeKop(n.Kop)
	d.title(title, n.Number)
	to := "Kepada Yth. Lembaga Pelindungan Data Pribadi\ndi tempat"
	if n.ToPeople {
		to = "Kepada Yth. Bapak/Ibu peserta Program Wirausaha Baru (WUB)\nyang namanya tercantum dalam lampiran\ndi tempat"
	}
	d.para(to)
	d.f.Ln(2)
	what := n.Breach.What
	if n.Copy != nil {
		what += fmt.Sprintf(" (%s tanggal %s, %s, memuat data %s orang)", wub.CopyKindLabel(n.Copy.Kind),
			dateTime(n.Copy.At), wub.LockLabel(*n.Copy), num(len(n.People)))
	}
	d.para(fmt.Sprintf("Sesuai Pasal 46 Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi, %s "+
		"memberitahukan bahwa pada %s diketahui telah terjadi kegagalan pelindungan data pribadi: %s.",
		n.Office, wub.FormatLongDate(n.Breach.FoundOn), what))
	d.section("Data pribadi yang terungkap")
	d.para("NIK, nomor KK, nama, jenis kelamin, tempat dan tanggal lahir, alamat, nomor HP, pendidikan, data usaha dan " +
		"keikutsertaan dalam program WUB.")
	if n.Copy != nil && n.Copy.Encrypted {
		d.para("Salinan tersebut terenkripsi; data hanya dapat dibaca oleh yang mengetahui kata sandi atau kuncinya.")
	}
	d.section("Upaya penanganan dan pemulihan")
	measures := n.Breach.Measures
	if strings.TrimSpace(measures) == "" {
		measures = "........................................................................................................"
	}
	d.para(measures)
	if n.ToPeople {
		d.para("Waspadai telepon, pesan atau kunjungan yang mengatasnamakan dinas dan meminta data atau uang. " +
			"Dinas tidak pernah meminta kata sandi, kode OTP atau biaya.")
	}
	d.para("Pertanyaan dapat disampaikan kepada " + orDash(n.Contact) + ".")
	d.f.Ln(4)
	d.signature(d.left+d.width*0.5, d.width*0.5, n.Signer, "")
	d.f.AddPage()
	d.section(fmt.Sprintf("Lampiran: orang yang datanya termuat (%s orang)", num(len(n.People))))
	var rows [][]string
	for i, p := range n.People {
		if p.Erased {
			rows = append(rows, []string{fmt.Sprint(i + 1), p.NIK, "(data sudah dihapus)", "", ""})
			continue
		}
		rows = append(rows, []string{fmt.Sprint(i + 1), wub.MaskNIK(p.NIK), p.Name, p.Address, p.Desa})
	}
	d.tableOrNone([]column{{"No", 12, "R"}, {"NIK", 38, "L"}, {"Nama", 50, "L"}, {"Alamat", 50, "L"}, {"Desa", 30, "L"}}, rows)
	return d.output(w)
}
