package xlsx

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"wubdesk/internal/wub"
)

// Sheet names of the consolidated workbook.
const (
	SheetRegency   = "Rekap Kabupaten"
	SheetDuplicate = "Duplikat"
	SheetCalendar  = "Kalender"
	SheetChanges   = "Perubahan"
	SheetFiles     = "Berkas"
	SheetReceipts  = "Berita Acara"
)

// WriteConsolidation writes the consolidated workbook: the regency recap
// with a chart, the people in more than one agency or year, the submission
// calendar, the changes of re-sent months, the files read and a printable
// receipt (berita acara) per valid file. head signs the recap (Kepala
// Bagian Perekonomian); empty fields leave dotted lines.
func WriteConsolidation(w io.Writer, c *Consolidation, head wub.Office) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", SheetRegency); err != nil {
		return err
	}
	for _, n := range []string{SheetDuplicate, SheetLikely, SheetCalendar, SheetChanges, SheetFiles, SheetReceipts} {
		if _, err := f.NewSheet(n); err != nil {
			return err
		}
	}
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	steps := []func() error{
		func() error { return writeRegency(f, st, c, head) },
		func() error { return writeDuplicates(f, st, c) },
		func() error { return writeLikely(f, st, c) },
		func() error { return writeCalendar(f, st, c) },
		func() error { return writeChanges(f, st, c) },
		func() error { return writeFiles(f, st, c) },
		func() error { return writeReceipts(f, st, c, head) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	_ = f.SetDocProps(&excelize.DocProperties{Title: "Rekapitulasi Program WUB Kabupaten Pamekasan",
		Creator: "WUBDesk " + AppVersion(), Language: "id-ID"})
	return writeWithDimensions(f, w)
}

func (c *Consolidation) monthLabel() string {
	if c.Month.IsZero() {
		return fmt.Sprintf("tahun program %d", c.Year)
	}
	return wub.PeriodLabel(c.Month)
}

func writeRegency(f *excelize.File, st *styles, c *Consolidation, head wub.Office) error {
	cur := &sheetCursor{f: f, sheet: SheetRegency, row: 1, st: st}
	cur.setWidths(5, 24, 7, 16, 9, 10, 10, 10, 10, 10, 9)
	const last = 11
	cur.kop(last, "Sekretariat Daerah – Bagian Perekonomian", "REKAPITULASI PROGRAM WIRAUSAHA BARU (WUB)",
		fmt.Sprintf("Keadaan s.d. %s  •  Tahun program %d", c.monthLabel(), c.Year))
	cur.title(1, last, "Dihitung dari laporan bulanan dinas yang sah (checksum cocok); berkas yang diubah setelah diekspor "+
		"tidak dihitung (lihat lembar Berkas). Hanya status Lulus yang dihitung ke target, dan setiap orang (NIK) "+
		"dihitung satu kali untuk kabupaten walaupun dilatih lebih dari satu dinas.", st.note, 32)
	cur.row++
	cur.put(st.header, "No", "Dinas", "Tahun", "Laporan bulan", "Kuota", "Lulus bulan ini", "Lulus kumulatif",
		"Capaian kuota", "Orang (NIK unik)", "Terdaftar", "Keluar")
	first := cur.row
	var quota, month, trained, reg, drop int
	for i, a := range c.Agencies {
		period, tm := "Belum ada laporan", any(nil)
		if a.Period != "" {
			p, _ := wub.ParsePeriod(a.Period)
			period = wub.PeriodLabel(p)
			if p.Equal(c.Month) {
				tm = a.TrainedMonth
				month += a.TrainedMonth
			}
		}
		var q any
		if a.Quota > 0 {
			q = a.Quota
			quota += a.Quota
		}
		cur.put(st.cell, i+1, a.Name, itoa(a.Year), period, q, tm, a.Trained, nil, a.People, a.Registered, a.Dropped)
		if a.Quota > 0 {
			cur.percent(8, cur.row-1, a.Percent())
		}
		trained, reg, drop = trained+a.Trained, reg+a.Registered, drop+a.Dropped
	}
	lastRow := cur.row - 1
	// People are not summed: the same person may be in two agencies; the
	// regency count below counts each once.
	cur.put(st.cellBold, nil, "Jumlah", nil, nil, quota, month, trained, nil, nil, reg, drop)
	cur.row++

	cur.title(1, 4, "Kabupaten Pamekasan", st.bold, 0)
	kv := cur.mergeLabel
	kv("Orang lulus menurut laporan, dihitung satu kali (NIK unik)", c.RegencyPeople)
	if c.OpeningBalance > 0 {
		kv("Saldo awal 2020–2022 (sebelum WUBDesk)", c.OpeningBalance)
	}
	kv("Jumlah kabupaten", c.RegencyTotal())
	kv("Target", c.Target)
	kv("Capaian target", nil)
	cur.percent(5, cur.row-1, float64(c.RegencyTotal())/float64(c.Target))
	kv("Lulus menurut dinas (orang yang sama di dinas lain terhitung lagi)", c.Enrolments)
	kv("Orang tercatat di lebih dari satu dinas atau tahun (lembar Duplikat)", len(c.Duplicates))
	kv("Kemungkinan satu orang dengan dua NIK (lembar Kemungkinan Ganda)", len(c.LikelyDuplicates))
	refused := 0
	for _, fr := range c.Files {
		if fr.Status == FileRefused {
			refused++
		}
	}
	kv("Berkas ditolak (lembar Berkas)", refused)
	cur.row++
	if cur.err == nil && lastRow >= first {
		cur.err = addAgencyChart(f, cur.cell(1, cur.row), first, lastRow, c.Year)
	}
	cur.row += 20
	writeRegencyOutcomes(cur, c)
	cur.signature(8, last, head.Place, wub.FormatLongDate(c.Now.In(wub.WIB)), "Kepala Bagian Perekonomian",
		head.HeadName, head.HeadNIP)
	if cur.err != nil {
		return cur.err
	}
	return setPrint(f, SheetRegency, "landscape")
}

// mergeLabel writes a label over columns A–D and a value in E.
func (c *sheetCursor) mergeLabel(label string, v any) {
	a, d := c.cell(1, c.row), c.cell(4, c.row)
	c.fit(label, 52)
	if c.err == nil {
		c.err = c.f.MergeCell(c.sheet, a, d)
	}
	if c.err == nil {
		c.err = c.f.SetCellStr(c.sheet, a, label)
	}
	if c.err == nil {
		c.err = c.f.SetCellStyle(c.sheet, a, d, c.st.cell)
	}
	e := c.cell(5, c.row)
	if v != nil && c.err == nil {
		c.err = c.f.SetCellValue(c.sheet, e, v)
	}
	if c.err == nil {
		c.err = c.f.SetCellStyle(c.sheet, e, e, c.st.numBold)
	}
	c.row++
}

// percent writes a ratio as a percentage cell.
func (c *sheetCursor) percent(col, row int, ratio float64) {
	ref := c.cell(col, row)
	if c.err == nil {
		c.err = c.f.SetCellFloat(c.sheet, ref, ratio, -1, 64)
	}
	if c.err == nil {
		c.err = c.f.SetCellStyle(c.sheet, ref, ref, c.st.pct)
	}
}

func addAgencyChart(f *excelize.File, at string, first, last, year int) error {
	ref := func(col string) string {
		return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", SheetRegency, col, first, col, last)
	}
	name := func(col string) string { return fmt.Sprintf("'%s'!$%s$%d", SheetRegency, col, first-1) }
	return f.AddChart(SheetRegency, at, &excelize.Chart{
		Type: excelize.Col,
		Series: []excelize.ChartSeries{
			{Name: name("G"), Categories: ref("B"), Values: ref("G")},
			{Name: name("E"), Categories: ref("B"), Values: ref("E")},
		},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: fmt.Sprintf("Lulus kumulatif dan kuota per dinas, %d", year)}}},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		Dimension: excelize.ChartDimension{Width: 760, Height: 360},
		Format:    excelize.GraphicOptions{OffsetX: 5, OffsetY: 5},
	})
}

// table writes a list sheet: a heading row, frozen and filterable, and
// rows of values. Strings in idCols are Text-formatted; strings that Excel
// could take as a formula get the quote prefix.
func table(f *excelize.File, st *styles, sheet string, headers []string, widths []float64, idCols map[int]bool, rows [][]any) error {
	if err := f.SetSheetRow(sheet, "A1", &headers); err != nil {
		return err
	}
	lastCol := colName(len(headers) - 1)
	if err := f.SetCellStyle(sheet, "A1", lastCol+"1", st.header); err != nil {
		return err
	}
	for r, vals := range rows {
		for i, v := range vals {
			ref := colName(i) + strconv.Itoa(r+2)
			style := st.plain
			switch x := v.(type) {
			case nil:
			case string:
				x = sanitize(x)
				if idCols[i] {
					style = st.plainID
				}
				if risky(x) {
					style = st.quote
				}
				if err := f.SetCellStr(sheet, ref, x); err != nil {
					return err
				}
			case time.Time:
				if n, ok := dateSerial(x.Format("2006-01-02")); ok {
					_ = f.SetCellInt(sheet, ref, n)
					style = st.date
				}
			default:
				if err := f.SetCellValue(sheet, ref, v); err != nil {
					return err
				}
			}
			if err := f.SetCellStyle(sheet, ref, ref, style); err != nil {
				return err
			}
		}
	}
	for i, w := range widths {
		_ = f.SetColWidth(sheet, colName(i), colName(i), w)
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := f.AutoFilter(sheet, fmt.Sprintf("A1:%s%d", lastCol, len(rows)+1), nil); err != nil {
		return err
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles",
		RefersTo: "'" + sheet + "'!$1:$1", Scope: sheet}); err != nil {
		return err
	}
	return setPrint(f, sheet, "landscape")
}

func agencyYear(code string, year int, status string) string {
	s := fmt.Sprintf("%s %d", code, year)
	if l := statusLabels[status]; l != "" {
		s += " (" + l + ")"
	}
	return s
}

func writeDuplicates(f *excelize.File, st *styles, c *Consolidation) error {
	var rows [][]any
	for i, d := range c.Duplicates {
		var where []string
		for _, a := range d.Where {
			where = append(where, agencyYear(a.Agency, a.Year, a.Status))
		}
		rows = append(rows, []any{i + 1, d.NIK, d.Name, strings.Join(where, "; "), len(d.Where)})
	}
	return table(f, st, SheetDuplicate, []string{"No", "NIK", "Nama", "Tercatat di (dinas, tahun, status)", "Jumlah"},
		[]float64{6, 20, 30, 60, 8}, map[int]bool{1: true}, rows)
}

func writeFiles(f *excelize.File, st *styles, c *Consolidation) error {
	labels := map[string]string{FileCounted: "Dihitung", FileReplaced: "Diganti kiriman ulang",
		FileSuperseded: "Digantikan bulan berikutnya", FileSame: "Salinan sama", FileRefused: "DITOLAK"}
	var rows [][]any
	for i, fr := range c.Files {
		var made, recv any
		if !fr.Meta.GeneratedAt.IsZero() {
			made = fr.Meta.GeneratedAt.In(wub.WIB).Format("02/01/2006 15:04")
		}
		if !fr.ReceivedAt.IsZero() {
			recv = fr.ReceivedAt.In(wub.WIB).Format("02/01/2006 15:04")
		}
		rows = append(rows, []any{i + 1, fr.FileName, fr.Meta.AgencyCode, fr.Meta.Period, made, recv,
			fr.Meta.TraineeRows, fr.FileSHA256, labels[fr.Status], fr.Note})
	}
	return table(f, st, SheetFiles, []string{"No", "Berkas", "Dinas", "Bulan", "Dibuat", "Diterima",
		"Baris Peserta", "SHA-256 berkas", "Status", "Keterangan"},
		[]float64{5, 30, 13, 9, 16, 16, 9, 36, 16, 60}, map[int]bool{7: true}, rows)
}
