package xlsx

import (
	"fmt"
	"sort"

	"wubdesk/internal/wub"
)

// RegencyOutcomes are the stage figures of the consolidation's program
// year: every person (NIK) once across agencies, under the agency of their
// first completion that year, with the earliest date any report gives for
// each later stage. Files made before the outcome columns existed still
// count their people as registered and trained; they are listed in
// WithoutColumns, and their agencies' later stages are unknown, not zero.
type RegencyOutcomes struct {
	wub.Outcomes
	WithoutColumns []string // counted files of the year without outcome columns
	// Known is true for an agency whose counted file has the columns.
	Known map[string]bool
	// People are the persons behind the figures (TraineeID is a serial
	// number per NIK), for lists and tests.
	People []wub.PersonJourney
}

// outcomes computes RegencyOutcomes from the counted files of c.Year.
func (c *Consolidation) outcomes(counted []*FileResult) {
	ro := &RegencyOutcomes{Known: map[string]bool{}}
	index := map[string]int{}
	var people []wub.PersonJourney
	for _, r := range counted {
		if r.Meta.Year != c.Year {
			continue
		}
		if r.Journeys == nil {
			ro.WithoutColumns = append(ro.WithoutColumns, r.FileName)
		} else {
			ro.Known[r.Meta.AgencyCode] = true
		}
		for k, row := range r.Rows {
			i, ok := index[row.NIK]
			if !ok {
				i = len(people)
				index[row.NIK] = i
				people = append(people, wub.PersonJourney{TraineeID: int64(i + 1), NIK: row.NIK, Name: row.Name,
					AgencyCode: r.Meta.AgencyCode, KecCode: row.Kecamatan})
			}
			p := &people[i]
			trained := row.Status == wub.StatusTrained
			if wub.BetterTraining(trained, row.CompletedOn, p.Facts.Trained, p.Facts.TrainedOn) {
				p.AgencyCode, p.KecCode = r.Meta.AgencyCode, row.Kecamatan
				p.Facts.Trained, p.Facts.TrainedOn = true, row.CompletedOn
			}
			if r.Journeys != nil && k < len(r.Journeys) {
				p.Facts = p.Facts.Merge(r.Journeys[k])
			}
		}
	}
	ro.Outcomes = wub.ComputeOutcomes(c.Year, people)
	ro.People = people
	c.Outcomes = ro
}

// writeRegencyOutcomes adds the stage figures per agency and for the
// regency to the recap sheet (11 columns).
func writeRegencyOutcomes(cur *sheetCursor, c *Consolidation) {
	o := c.Outcomes
	if o == nil {
		return
	}
	const last = 11
	// Below the chart (it is taller than the rows left for it), on a page
	// of its own with the signature.
	cur.row += 4
	if cur.err == nil {
		cur.err = cur.f.InsertPageBreak(cur.sheet, cur.cell(1, cur.row))
	}
	cur.title(1, last, fmt.Sprintf("Hasil setelah pelatihan, tahun program %d (s.d. %s)", c.Year, c.monthLabel()), cur.st.bold, 0)
	note := "Setiap orang (NIK) dihitung satu kali untuk kabupaten, pada dinas yang pertama meluluskannya tahun ini; " +
		"tahap berikutnya menurut tanggal paling awal di laporan mana pun (kolom Didampingi s.d. Modal lembar Peserta). " +
		"Persentase dari orang lulus (kolom Lulus: dari orang terdaftar)."
	if len(o.WithoutColumns) > 0 {
		note += fmt.Sprintf(" %d laporan dibuat versi lama tanpa kolom hasil; tahap berikutnya dinasnya tidak diketahui (—): ",
			len(o.WithoutColumns))
		for i, n := range o.WithoutColumns {
			if i > 0 {
				note += ", "
			}
			note += n
		}
		note += "."
	}
	cur.title(1, last, note, cur.st.note, 44)
	stages := wub.OutcomeStages[1:] // trained onwards; registered is in the agency table above
	head := []any{"No", "Dinas"}
	for _, s := range stages {
		head = append(head, outcomeShort[s])
	}
	head = append(head, "Median hari lulus → usaha")
	cur.put(cur.st.header, head...)
	names, reported := map[string]string{}, map[string]bool{}
	for _, a := range c.Agencies {
		if a.Year == c.Year {
			names[a.Code] = a.Name
			reported[a.Code] = a.Period != ""
		}
	}
	// The agencies of the year in the order of the table above, with a
	// zero line for one whose people all count under another agency.
	byCode := map[string]wub.OutcomeRow{}
	for _, r := range o.ByAgency {
		byCode[r.AgencyCode] = r
	}
	var rows []wub.OutcomeRow
	for _, a := range c.Agencies {
		if a.Year != c.Year {
			continue
		}
		r, ok := byCode[a.Code]
		if !ok {
			r = wub.OutcomeRow{AgencyCode: a.Code, Counts: map[string]int{}}
		}
		delete(byCode, a.Code)
		rows = append(rows, r)
	}
	var rest []wub.OutcomeRow
	for _, r := range byCode {
		rest = append(rest, r)
	}
	sort.Slice(rest, func(i, j int) bool { return rest[i].AgencyCode < rest[j].AgencyCode })
	rows = append(rows, rest...)
	line := func(style int, no any, name string, r wub.OutcomeRow, known, sent bool) {
		vals := []any{no, name}
		for _, s := range stages {
			if known || s == wub.StageTrained && sent {
				vals = append(vals, r.Count(s))
			} else {
				vals = append(vals, "—")
			}
		}
		switch {
		case !known:
			vals = append(vals, "—")
		case r.MedianN > 0:
			vals = append(vals, r.MedianDays)
		default:
			vals = append(vals, nil)
		}
		cur.put(style, vals...)
	}
	for i, r := range rows {
		name := names[r.AgencyCode]
		if name == "" {
			name = r.AgencyCode
		}
		sent, listed := reported[r.AgencyCode]
		line(cur.st.cell, i+1, name, r, o.Known[r.AgencyCode], sent || !listed)
	}
	line(cur.st.cellBold, nil, "Kabupaten Pamekasan", o.Total, true, true)
	pct := []any{nil, "% dari lulus"}
	cur.put(cur.st.cell, pct...)
	for i, s := range stages {
		cur.percent(3+i, cur.row-1, o.Total.Percent(s))
	}
	cur.row++
}

// outcomeShort are the column headings of the stage table.
var outcomeShort = map[string]string{
	wub.StageTrained: "Lulus", wub.StageMentored: "Didampingi", wub.StageBusiness: "Usaha berjalan",
	wub.StageLicensed: "Berizin", wub.FigureNIB: "NIB", wub.StageMarketed: "Dipasarkan",
	wub.FigureWamira: "Wamira Mart", wub.StageCapital: "Modal",
}
