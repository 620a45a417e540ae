package xlsx

import (
	"fmt"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"wubdesk/internal/wub"
)

// outcomeColumns are added at the end of the Peserta sheet when the
// submission carries the journey facts: the first date of each stage after
// the training, as it stood at the end of the reporting month. The
// consolidation finds them by heading, so a workbook without them (an older
// WUBDesk) still reads, and older readers ignore them.
var outcomeColumns = []struct {
	SheetColumn
	stage string
}{
	{SheetColumn{Header: "Didampingi", Kind: KindDate}, wub.StageMentored},
	{SheetColumn{Header: "Usaha berjalan", Kind: KindDate}, wub.StageBusiness},
	{SheetColumn{Header: "Berizin", Kind: KindDate}, wub.StageLicensed},
	{SheetColumn{Header: "NIB", Kind: KindDate}, wub.FigureNIB},
	{SheetColumn{Header: "Dipasarkan", Kind: KindDate}, wub.StageMarketed},
	{SheetColumn{Header: "Wamira Mart", Kind: KindDate}, wub.FigureWamira},
	{SheetColumn{Header: "Modal", Kind: KindDate}, wub.StageCapital},
}

// submissionColumns are the Peserta columns written: the format's columns
// and, with journey facts, the outcome columns after them.
func submissionColumns(s *Submission) []SheetColumn {
	if s.Journeys == nil {
		return pesertaColumns
	}
	cols := append([]SheetColumn(nil), pesertaColumns...)
	for _, c := range outcomeColumns {
		cols = append(cols, c.SheetColumn)
	}
	return cols
}

// submissionPeople follows the Peserta rows of a submission with journey
// facts: it fills each row's outcome cells and keeps every person once for
// the Rekap's stage figures, under the agency's first completion of the
// year (the rule of the dashboard's cohort).
type submissionPeople struct {
	facts  map[int64]wub.JourneyFacts
	agency string
	people []wub.PersonJourney
	index  map[int64]int
}

func newSubmissionPeople(s *Submission) *submissionPeople {
	if s.Journeys == nil {
		return nil
	}
	return &submissionPeople{facts: s.Journeys, agency: s.Agency.Code, index: map[int64]int{}}
}

// add fills cells (the row's outcome columns) and counts the row's person.
func (p *submissionPeople) add(cells []string, t *wub.Trainee, e *wub.Enrolment) {
	f := p.facts[t.ID]
	for i, c := range outcomeColumns {
		cells[i] = isoDate(f.Date(c.stage))
	}
	i, ok := p.index[t.ID]
	if !ok {
		f.RegisteredOn, f.Trained, f.TrainedOn = e.EnrolledOn, false, time.Time{}
		i = len(p.people)
		p.index[t.ID] = i
		p.people = append(p.people, wub.PersonJourney{TraineeID: t.ID, NIK: t.NIK, Name: t.Name,
			AgencyCode: p.agency, KecCode: t.KecCode, Facts: f})
	}
	pf := &p.people[i].Facts
	if e.Status == wub.StatusTrained && wub.BetterTraining(true, e.CompletedOn, pf.Trained, pf.TrainedOn) {
		pf.Trained, pf.TrainedOn = true, e.CompletedOn
	}
	if !pf.Trained && !e.EnrolledOn.IsZero() && (pf.RegisteredOn.IsZero() || e.EnrolledOn.Before(pf.RegisteredOn)) {
		pf.RegisteredOn = e.EnrolledOn
	}
}

// outcomes are the stage figures of the rows seen.
func (p *submissionPeople) outcomes(year int) wub.Outcomes {
	return wub.ComputeOutcomes(year, p.people)
}

// writeOutcomeRekap writes the stage figures of the agency's year to the
// end of the month into the Rekap: each person once, percentages of the
// people trained, and the median days from completion to a running
// business. It writes nothing for a submission without journey facts.
func writeOutcomeRekap(c *sheetCursor, s *Submission, last int) {
	if s.people == nil {
		return
	}
	month := s.monthStart()
	o := s.people.outcomes(month.Year())
	c.title(1, last, "E. Hasil setelah pelatihan s.d. "+wub.PeriodLabel(month), c.st.bold, 0)
	c.title(1, last, "Setiap orang dihitung satu kali walaupun tercatat di lebih dari satu angkatan dinas ini; "+
		"lulus = penyelesaian pertama pada tahun program ini. Tahap berikutnya dihitung bila tanggalnya paling lambat "+
		"akhir bulan laporan (kolom Didampingi s.d. Modal di lembar Peserta). Persentase dari orang lulus "+
		"(baris Lulus: dari orang terdaftar).", c.st.note, 44)
	c.put(c.st.header, "Tahap", "Orang", "% dari lulus")
	for _, stage := range wub.OutcomeStages {
		c.put(c.st.cell, wub.OutcomeLabelID(stage), o.Total.Count(stage), nil)
		if stage != wub.StageRegistered {
			c.percent(3, c.row-1, o.Total.Percent(stage))
		}
	}
	if o.Total.MedianN == 0 {
		c.put(c.st.cell, "Median hari dari lulus sampai usaha berjalan (belum ada orang dengan kedua tanggal)", "—", nil)
	} else {
		c.put(c.st.cell, fmt.Sprintf("Median hari dari lulus sampai usaha berjalan (%d orang dengan kedua tanggal)",
			o.Total.MedianN), o.Total.MedianDays, nil)
	}
	c.row++
}

// outcomeReadColumns are the Peserta columns a reader checks and converts:
// the format's columns, then every heading after them as it stands (dates
// for the outcome columns, so the checksum sees what the writer hashed).
// cols maps each outcome stage found to its column; nil when none is.
func outcomeReadColumns(f *excelize.File) (read []SheetColumn, cols map[string]int) {
	read = pesertaColumns
	header, err := firstRow(f, SheetPeserta)
	if err != nil || len(header) <= len(pesertaColumns) {
		return read, nil
	}
	byHeader := map[string]string{}
	for _, c := range outcomeColumns {
		byHeader[c.Header] = c.stage
	}
	read = append([]SheetColumn(nil), pesertaColumns...)
	for i := len(pesertaColumns); i < len(header); i++ {
		col := SheetColumn{Header: header[i], Kind: KindText}
		if stage, ok := byHeader[strings.TrimSpace(header[i])]; ok && header[i] != "" {
			col.Kind = KindDate
			if cols == nil {
				cols = map[string]int{}
			}
			cols[stage] = i
		}
		read = append(read, col)
	}
	return read, cols
}

// journeyOfRow reads a Peserta row's outcome cells back into facts.
func journeyOfRow(row []string, cols map[string]int) wub.JourneyFacts {
	var f wub.JourneyFacts
	get := func(stage string) time.Time {
		if i, ok := cols[stage]; ok && i < len(row) {
			return wub.ParseISODate(row[i])
		}
		return time.Time{}
	}
	f.FirstMentoring = get(wub.StageMentored)
	f.BusinessStarted = get(wub.StageBusiness)
	f.FirstLicence = get(wub.StageLicensed)
	f.FirstNIB = get(wub.FigureNIB)
	f.FirstMarketing = get(wub.StageMarketed)
	f.FirstWamira = get(wub.FigureWamira)
	f.FirstCapital = get(wub.StageCapital)
	return f
}
