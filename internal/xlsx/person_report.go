package xlsx

import (
	"fmt"
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"wubdesk/internal/wub"
)

// WritePersonReport writes everything held about one NIK as a workbook
// (the person's right of access, UU 27/2022 Art. 32): sheets Data diri,
// Keikutsertaan, Pendampingan, Usaha, Riwayat (the audit rows) and
// Salinan (the copies that carried the NIK), each with the record number
// so rows of two records of one NIK stay apart. Every cell is text or a
// number, never a formula; NIK and phone are text.
func WritePersonReport(w io.Writer, p wub.PersonData, printedBy string, at time.Time) error {
	f := excelize.NewFile()
	defer f.Close()
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	text, _ := f.NewStyle(&excelize.Style{NumFmt: 49})
	sheets := []struct {
		name string
		head []string
		w    []float64
	}{
		{"Data diri", []string{"Nomor data", "Isian", "Nilai"}, []float64{11, 24, 60}},
		{"Keikutsertaan", []string{"Nomor data", "Dinas", "Tahun", "Angkatan", "Status", "Tgl daftar", "Tgl selesai"}, []float64{11, 14, 8, 24, 14, 12, 12}},
		{"Pendampingan", []string{"Nomor data", "Tanggal", "Pendamping", "Keadaan usaha", "Catatan"}, []float64{11, 12, 24, 16, 60}},
		{"Usaha", []string{"Nomor data", "Nama usaha", "KBLI", "Produk", "Alamat", "Mulai", "Pekerja"}, []float64{11, 24, 8, 24, 30, 12, 8}},
		{"Riwayat", []string{"Nomor data", "Waktu", "Oleh", "Data", "Tindakan", "Sebelum (JSON)", "Sesudah (JSON)"}, []float64{11, 20, 14, 20, 10, 50, 50}},
		{"Salinan", []string{"Waktu", "Oleh", "Salinan", "Berkas", "Perlindungan", "Keterangan"}, []float64{20, 14, 22, 40, 28, 30}},
	}
	next := map[string]int{}
	for i, s := range sheets {
		if i == 0 {
			f.SetSheetName("Sheet1", s.name)
		} else if _, err := f.NewSheet(s.name); err != nil {
			return err
		}
		for c, h := range s.head {
			cell, _ := excelize.CoordinatesToCellName(c+1, 1)
			f.SetCellValue(s.name, cell, h)
			col, _ := excelize.ColumnNumberToName(c + 1)
			f.SetColWidth(s.name, col, col, s.w[c])
		}
		last, _ := excelize.CoordinatesToCellName(len(s.head), 1)
		f.SetCellStyle(s.name, "A1", last, bold)
		f.SetPanes(s.name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
		next[s.name] = 2
	}
	put := func(sheet string, vals ...any) {
		r := next[sheet]
		next[sheet]++
		for c, v := range vals {
			cell, _ := excelize.CoordinatesToCellName(c+1, r)
			if s, ok := v.(string); ok {
				f.SetCellStyle(sheet, cell, cell, text)
				f.SetCellStr(sheet, cell, s)
				continue
			}
			f.SetCellValue(sheet, cell, v)
		}
	}
	ref := wub.Ref()
	for _, rec := range p.Records {
		t := rec.Trainee
		desa, kec := "", ""
		if t.DesaCode != "" {
			desa = ref.DesaName(t.DesaCode)
		}
		if t.KecCode != "" {
			kec = ref.KecamatanName(t.KecCode)
		}
		state := "aktif"
		if !t.DeletedAt.IsZero() {
			state = "dihapus " + t.DeletedAt.In(wub.WIB).Format("2006-01-02 15:04")
		}
		for _, kv := range [][2]string{{"NIK", t.NIK}, {"No. KK", t.KK}, {"Nama", t.Name}, {"Jenis kelamin", wub.SexLabel(t.Sex)},
			{"Tempat lahir", t.BirthPlace}, {"Tanggal lahir", wub.ISO(t.BirthDate)}, {"Alamat", t.Address}, {"RT/RW", t.RTRW},
			{"Desa/kelurahan", desa}, {"Kecamatan", kec}, {"Telepon", t.Phone}, {"Pendidikan", t.Education},
			{"KBLI", t.KBLI}, {"Nama usaha", t.BusinessName}, {"Catatan", t.Notes}, {"Asal data", t.Source},
			{"Dicatat", stamp(t.CreatedAt)}, {"Terakhir diubah", stamp(t.UpdatedAt)}, {"Keadaan data", state}} {
			put("Data diri", t.ID, kv[0], kv[1])
		}
		for _, e := range t.Enrolments {
			put("Keikutsertaan", t.ID, e.AgencyCode, e.Year, e.BatchName, wub.StatusLabel(e.Status), wub.ISO(e.EnrolledOn), wub.ISO(e.CompletedOn))
		}
		for _, m := range rec.Mentorings {
			put("Pendampingan", t.ID, wub.ISO(m.Date), m.FacilitatorName, wub.BusinessStateLabel(m.BusinessState), m.Notes)
		}
		for _, b := range rec.Businesses {
			put("Usaha", t.ID, b.Name, b.KBLI, b.Products, b.Address, wub.ISO(b.StartedOn), b.Workers)
		}
		for _, a := range rec.Audit {
			put("Riwayat", t.ID, stamp(a.At), a.Actor, wub.EntityLabel(a.Entity), wub.ActionLabel(a.Action), clip(a.Old), clip(a.New))
		}
	}
	for _, c := range p.Copies {
		what := wub.CopyKindLabel(c.Kind)
		if c.Everyone {
			what += " (seluruh data)"
		}
		put("Salinan", stamp(c.At), c.Actor, what, c.Path, wub.LockLabel(c), c.Note)
	}
	notes := "Keterangan"
	f.NewSheet(notes)
	f.SetColWidth(notes, "A", "A", 100)
	for i, line := range []string{
		"Laporan data pribadi (UU No. 27 Tahun 2022 Pasal 32): seluruh data yang disimpan tentang NIK " + p.NIK + ".",
		fmt.Sprintf("Dibuat oleh %s pada %s.", printedBy, stamp(at)),
		"Buku kerja ini memuat data pribadi: serahkan hanya kepada pemilik data atau yang berwenang.",
	} {
		f.SetCellStr(notes, fmt.Sprintf("A%d", i+1), line)
	}
	return writeWithDimensions(f, w)
}

func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(wub.WIB).Format("2006-01-02 15:04:05")
}

func clip(s string) string {
	if r := []rune(s); len(r) > maxCellText {
		return string(r[:maxCellText-1]) + "…"
	}
	return s
}
