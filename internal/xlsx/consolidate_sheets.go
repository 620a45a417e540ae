package xlsx

import (
	"fmt"
	"sort"
	"strconv"

	"github.com/xuri/excelize/v2"

	"wubdesk/internal/wub"
)

// calendarText is what a calendar cell says, and its fill colour.
func calendarText(cell CalendarCell) (string, string) {
	date := ""
	if !cell.Last.IsZero() {
		date = cell.Last.In(wub.WIB).Format("02/01/2006")
	}
	switch cell.State {
	case CalReceived:
		return "Diterima\n" + date, "C6EFCE"
	case CalLate:
		return "Terlambat\n" + date, "FFEB9C"
	case CalReplaced:
		s := fmt.Sprintf("Diganti (%d×)\n%s", cell.Versions-1, date)
		if cell.Late {
			s += "\nterlambat"
		}
		return s, "DDEBF7"
	case CalMissing:
		return "Belum dikirim", "FFC7CE"
	}
	return "", ""
}

func writeCalendar(f *excelize.File, st *styles, c *Consolidation) error {
	const sh = SheetCalendar
	headers := []any{"Dinas"}
	for m := 1; m <= 12; m++ {
		headers = append(headers, wub.MonthName(m))
	}
	if err := f.SetSheetRow(sh, "A1", &headers); err != nil {
		return err
	}
	if err := f.SetCellStyle(sh, "A1", "M1", st.header); err != nil {
		return err
	}
	fills := map[string]int{}
	border := []excelize.Border{{Type: "left", Color: "808080", Style: 1}, {Type: "right", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1}, {Type: "bottom", Color: "808080", Style: 1}}
	fill := func(color string) (int, error) {
		if id, ok := fills[color]; ok {
			return id, nil
		}
		s := &excelize.Style{Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
			Font: &excelize.Font{Size: 9}}
		if color != "" {
			s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
		}
		id, err := f.NewStyle(s)
		fills[color] = id
		return id, err
	}
	for i, row := range c.Calendar {
		r := i + 2
		ref := "A" + strconv.Itoa(r)
		if err := f.SetCellStr(sh, ref, row.Name); err != nil {
			return err
		}
		_ = f.SetCellStyle(sh, ref, ref, st.label)
		for m, cell := range row.Months {
			ref := colName(m+1) + strconv.Itoa(r)
			text, color := calendarText(cell)
			if text != "" {
				if err := f.SetCellStr(sh, ref, text); err != nil {
					return err
				}
			}
			id, err := fill(color)
			if err != nil {
				return err
			}
			_ = f.SetCellStyle(sh, ref, ref, id)
		}
		_ = f.SetRowHeight(sh, r, 40)
	}
	note := len(c.Calendar) + 3
	_ = f.MergeCell(sh, "A"+strconv.Itoa(note), "M"+strconv.Itoa(note))
	_ = f.SetRowHeight(sh, note, 30)
	_ = f.SetCellStr(sh, "A"+strconv.Itoa(note), fmt.Sprintf("Batas kirim: tanggal %d bulan berikutnya. Tanggal = saat berkas "+
		"dibuat oleh dinas (tercatat di lembar Meta berkas dan dilindungi checksum). Diganti = bulan itu dikirim ulang; "+
		"perubahannya ada di lembar Perubahan.", c.LateDay))
	_ = f.SetCellStyle(sh, "A"+strconv.Itoa(note), "M"+strconv.Itoa(note), st.note)
	_ = f.SetColWidth(sh, "A", "A", 24)
	_ = f.SetColWidth(sh, "B", "M", 12)
	if err := f.SetPanes(sh, &excelize.Panes{Freeze: true, XSplit: 1, YSplit: 1, TopLeftCell: "B2", ActivePane: "bottomRight"}); err != nil {
		return err
	}
	return setPrint(f, sh, "landscape")
}

func writeChanges(f *excelize.File, st *styles, c *Consolidation) error {
	var rows [][]any
	for _, ch := range c.Changes {
		head := []any{ch.Agency, ch.Period, ch.From.FileName, ch.To.FileName}
		add := func(kind string, r wub.SubmissionRow, fields string) {
			rows = append(rows, append(append([]any(nil), head...), kind, r.NIK, r.Name, fields))
		}
		for _, r := range ch.Added {
			add("Ditambah", r, "")
		}
		for _, r := range ch.Removed {
			add("Dihapus", r, "")
		}
		for _, rc := range ch.Changed {
			add("Diubah", rc.After, joinFields(rc))
		}
		if len(ch.Added)+len(ch.Removed)+len(ch.Changed) == 0 {
			rows = append(rows, append(append([]any(nil), head...), "Tidak ada perubahan data", nil, nil, nil))
		}
	}
	return table(f, st, SheetChanges, []string{"Dinas", "Bulan", "Berkas sebelumnya", "Berkas baru", "Perubahan",
		"NIK", "Nama", "Kolom yang berubah"}, []float64{13, 9, 28, 28, 14, 20, 28, 45}, map[int]bool{5: true}, rows)
}

func joinFields(rc RowChange) string {
	s := ""
	for i, f := range rc.Fields {
		if i > 0 {
			s += ", "
		}
		s += f
		switch f {
		case "Status":
			s += fmt.Sprintf(" (%s → %s)", statusLabels[rc.Before.Status], statusLabels[rc.After.Status])
		case "Nama":
			s += fmt.Sprintf(" (%s → %s)", rc.Before.Name, rc.After.Name)
		}
	}
	return s
}

var weekdays = []string{"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"}

// writeReceipts writes one printable A4 page per valid file received: the
// berita acara of receipt with the file's SHA-256, its row counts and
// signature lines for the agency and Bagian Perekonomian.
func writeReceipts(f *excelize.File, st *styles, c *Consolidation, head wub.Office) error {
	var files []*FileResult
	for _, fr := range c.Files {
		if fr.Status != FileRefused && fr.Status != FileSame {
			files = append(files, fr)
		}
	}
	sort.SliceStable(files, func(i, j int) bool {
		a, b := files[i].Meta, files[j].Meta
		if a.AgencyCode != b.AgencyCode {
			return a.AgencyCode < b.AgencyCode
		}
		if a.Period != b.Period {
			return a.Period < b.Period
		}
		return older(files[i], files[j])
	})
	statusText := map[string]string{FileCounted: "Dihitung dalam rekapitulasi.",
		FileReplaced:   "Tidak dihitung: diganti kiriman ulang untuk bulan yang sama.",
		FileSuperseded: "Tidak dihitung: laporan bulan berikutnya memuat angka kumulatifnya."}
	cur := &sheetCursor{f: f, sheet: SheetReceipts, row: 1, st: st}
	for i, fr := range files {
		if i > 0 && cur.err == nil {
			cur.err = f.InsertPageBreak(SheetReceipts, cur.cell(1, cur.row))
		}
		m := fr.Meta
		month := m.Month()
		at := fr.ReceivedAt
		if at.IsZero() {
			at = fr.Meta.GeneratedAt
		}
		at = at.In(wub.WIB)
		cur.title(1, 4, "BERITA ACARA PENERIMAAN LAPORAN BULANAN", st.pageTitle, 20)
		cur.title(1, 4, "PROGRAM WIRAUSAHA BARU (WUB) KABUPATEN PAMEKASAN", st.pageTitle, 20)
		cur.title(1, 4, "Nomor: ........../BA-WUB/"+m.Period, st.center, 0)
		cur.row++
		cur.title(1, 4, fmt.Sprintf("Pada hari ini, %s tanggal %s, Bagian Perekonomian Sekretariat Daerah Kabupaten "+
			"Pamekasan telah menerima laporan bulanan Program WUB dari %s untuk periode %s dalam bentuk berkas "+
			"elektronik yang dibuat dengan WUBDesk, dengan rincian sebagai berikut:",
			weekdays[at.Weekday()], wub.FormatLongDate(at), m.AgencyName, wub.PeriodLabel(month)), st.textWrap, 62)
		cur.row++
		item := func(label, value string, style int) {
			a, b, d := cur.cell(1, cur.row), cur.cell(2, cur.row), cur.cell(4, cur.row)
			if cur.err == nil {
				cur.err = f.SetCellStr(SheetReceipts, a, label)
			}
			if cur.err == nil {
				cur.err = f.MergeCell(SheetReceipts, b, d)
			}
			if cur.err == nil {
				cur.err = f.SetCellStr(SheetReceipts, b, sanitize(value))
			}
			if cur.err == nil {
				cur.err = f.SetCellStyle(SheetReceipts, a, a, st.label)
			}
			if cur.err == nil {
				cur.err = f.SetCellStyle(SheetReceipts, b, d, style)
			}
			if len(value) > 48 && cur.err == nil {
				cur.err = f.SetRowHeight(SheetReceipts, cur.row, 30)
			}
			cur.row++
		}
		item("Dinas pengirim", fmt.Sprintf("%s (%s)", m.AgencyName, m.AgencyCode), st.value)
		item("Periode laporan", fmt.Sprintf("%s, tahun program %d", wub.PeriodLabel(month), m.Year), st.value)
		item("Nama berkas", fr.FileName, st.value)
		item("SHA-256 berkas", fr.FileSHA256, st.valueMono)
		item("Checksum data (lembar Meta)", m.DataSHA256, st.valueMono)
		item("Dibuat", fmt.Sprintf("%s WIB dengan WUBDesk %s", m.GeneratedAt.In(wub.WIB).Format("02/01/2006 15:04"), m.AppVersion), st.value)
		item("Diterima", at.Format("02/01/2006 15:04")+" WIB", st.value)
		item("Jumlah baris Peserta", thousands(m.TraineeRows), st.value)
		item("Jumlah baris Fasilitator", thousands(m.FacilitatorRows), st.value)
		item("Lulus / Terdaftar / Keluar (kumulatif)", fmt.Sprintf("%s / %s / %s", thousands(m.TrainedTotal),
			thousands(m.RegisteredTotal), thousands(m.DroppedTotal)), st.value)
		item("Lulus bulan ini", thousands(m.TrainedMonth), st.value)
		item("Hasil pemeriksaan", "Sah: checksum cocok, berkas tidak diubah setelah diekspor.", st.value)
		item("Status dalam rekapitulasi", statusText[fr.Status], st.value)
		cur.row++
		cur.title(1, 4, "Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.", st.textWrap, 30)
		cur.row++
		top := cur.row
		cur.title(1, 2, "Yang menyerahkan,", st.center, 0)
		cur.title(1, 2, m.AgencyName, st.centerWrap, 30)
		cur.row += 3
		cur.title(1, 2, "(......................................)", st.center, 0)
		cur.title(1, 2, "NIP ......................................", st.center, 0)
		end := cur.row
		cur.row = top
		cur.title(3, 4, "Yang menerima,", st.center, 0)
		cur.title(3, 4, "Bagian Perekonomian", st.centerWrap, 30)
		cur.row += 3
		name, nip := head.HeadName, head.HeadNIP
		if name == "" {
			name = "(......................................)"
		}
		if nip == "" {
			nip = "......................................"
		}
		cur.title(3, 4, name, st.center, 0)
		cur.title(3, 4, "NIP "+nip, st.center, 0)
		cur.row = max(end, cur.row) + 2
	}
	if cur.err != nil {
		return cur.err
	}
	if len(files) == 0 {
		_ = f.SetCellStr(SheetReceipts, "A1", "Tidak ada berkas sah yang diterima.")
	}
	_ = f.SetColWidth(SheetReceipts, "A", "A", 34)
	_ = f.SetColWidth(SheetReceipts, "B", "D", 22)
	return setPrint(f, SheetReceipts, "portrait")
}
