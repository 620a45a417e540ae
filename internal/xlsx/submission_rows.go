package xlsx

import (
	"strconv"
	"time"

	"wubdesk/internal/wub"
)

// Sheet names of the submission workbook.
const (
	SheetRekap       = "Rekap"
	SheetPeserta     = "Peserta"
	SheetFasilitator = "Fasilitator"
	SheetMeta        = "Meta"
)

// pesertaColumns are the columns of the Peserta sheet (format 1). The
// reader checks the headings, so a change here is a new format.
var pesertaColumns = []SheetColumn{
	{Header: "No", Kind: KindInt},
	{Header: "NIK", Kind: KindID, Width: 19},
	{Header: "No. KK", Kind: KindID, Width: 19},
	{Header: "Nama", Kind: KindText, Wrap: 26},
	{Header: "Jenis Kelamin (L/P)", Kind: KindText},
	{Header: "Tempat Lahir", Kind: KindText, Wrap: 16},
	{Header: "Tanggal Lahir", Kind: KindDate},
	{Header: "Alamat", Kind: KindText, Wrap: 30},
	{Header: "Desa/Kelurahan", Kind: KindText, Wrap: 18},
	{Header: "Kecamatan", Kind: KindText},
	{Header: "No. HP", Kind: KindID, Width: 15},
	{Header: "Pendidikan", Kind: KindText, Wrap: 12},
	{Header: "Jenis Usaha", Kind: KindText, Wrap: 30},
	{Header: "Angkatan", Kind: KindText, Wrap: 16},
	{Header: "Status", Kind: KindText},
	{Header: "Tanggal Selesai", Kind: KindDate},
}

// Positions of the Peserta columns the consolidation reads.
const (
	colNo        = 0
	colNIK       = 1
	colFullName  = 3
	colKecamatan = 9
	colBatch     = 13
	colStatus    = 14
	colCompleted = 15
)

// statusLabels are the Status values written; always Indonesian, whatever
// the language of the screen, because the workbook goes to the regency.
var statusLabels = map[string]string{
	wub.StatusTrained:    "Lulus",
	wub.StatusRegistered: "Terdaftar",
	wub.StatusDropped:    "Keluar",
}

// pesertaRow fills row with the canonical values of the n-th Peserta row.
func pesertaRow(row []string, n int, t *wub.Trainee, e *wub.Enrolment) {
	ref := wub.Ref()
	row[colNo] = strconv.Itoa(n)
	row[colNIK] = sanitize(t.NIK)
	row[2] = sanitize(t.KK)
	row[colFullName] = sanitize(t.Name)
	row[4] = sanitize(t.Sex)
	row[5] = sanitize(t.BirthPlace)
	row[6] = isoDate(t.BirthDate)
	addr := t.Address
	if t.RTRW != "" {
		if addr != "" {
			addr += " "
		}
		addr += "RT/RW " + t.RTRW
	}
	row[7] = sanitize(addr)
	row[8] = ""
	if t.DesaCode != "" {
		row[8] = sanitize(ref.DesaName(t.DesaCode))
	}
	row[colKecamatan] = ""
	if t.KecCode != "" {
		row[colKecamatan] = sanitize(ref.KecamatanName(t.KecCode))
	}
	row[10] = sanitize(t.Phone)
	row[11] = sanitize(t.Education)
	row[12] = sanitize(businessLabel(t.KBLI, t.BusinessName))
	row[colBatch] = sanitize(e.BatchName)
	row[colStatus] = statusLabels[e.Status]
	if row[colStatus] == "" {
		row[colStatus] = sanitize(e.Status)
	}
	row[colCompleted] = isoDate(e.CompletedOn)
}

// businessLabel is the Jenis Usaha cell: the KBLI section and the business
// as the trainee named it ("C – Industri Pengolahan: keripik singkong").
func businessLabel(kbli, business string) string {
	label := business
	if s, ok := wub.Ref().KBLIByCode(kbli); ok {
		label = s.Code + " – " + s.Title
		if business != "" {
			label += ": " + business
		}
	} else if kbli != "" && business == "" {
		label = kbli
	}
	return label
}

func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}
