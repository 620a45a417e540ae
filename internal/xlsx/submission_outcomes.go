package xlsx

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"wubdesk/internal/wub"
)

// outcomeColumns are added at the end of the Peserta sheet when the
// submission carries the journey facts: the first date of each stage after
// the training, as it stood at the end of the reporting month. The
// consolidation finds them by heading, so a workbook without them (an older
// WUBDesk) still reads. They are real dates whose canonical value is the
// serial number (KindSerialDate), and empty cells at the end of a row are
// not hashed (sheetWriter.fixed): an older reader, which checks only the
// format's columns and hashes the cells after them as it reads them, gets
// the writer's checksum and accepts the file.
var outcomeColumns = []struct {
	SheetColumn
	stage string
}{
	{SheetColumn{Header: "Didampingi", Kind: KindSerialDate}, wub.StageMentored},
	{SheetColumn{Header: "Usaha berjalan", Kind: KindSerialDate}, wub.StageBusiness},
	{SheetColumn{Header: "Berizin", Kind: KindSerialDate}, wub.StageLicensed},
	{SheetColumn{Header: "NIB", Kind: KindSerialDate}, wub.FigureNIB},
	{SheetColumn{Header: "Dipasarkan", Kind: KindSerialDate}, wub.StageMarketed},
	{SheetColumn{Header: "Wamira Mart", Kind: KindSerialDate}, wub.FigureWamira},
	{SheetColumn{Header: "Modal", Kind: KindSerialDate}, wub.StageCapital},
}

// submissionColumns are the Peserta columns written: the format's columns
// and, with journey facts, the outcome columns after them.
func submissionColumns(s *Submission, base []SheetColumn) []SheetColumn {
	if s.Journeys == nil {
		return base
	}
	cols := append([]SheetColumn(nil), base...)
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
		cells[i] = ""
		if n, ok := dateSerial(isoDate(f.Date(c.stage))); ok {
			cells[i] = strconv.FormatInt(n, 10)
		}
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

// monthSectionLetter is the letter of the Rekap's month table: F after the
// stage figures (section E), E without them.
func monthSectionLetter(s *Submission) string {
	if s.people == nil {
		return "E"
	}
	return "F"
}

// outcomeColumnsOf finds the outcome columns of a Peserta sheet by their
// headings after the format's columns: stage → column index; nil when the
// file has none. The reader hashes and keeps those cells as they are (the
// serial numbers the writer hashed), like any reader of the format.
func outcomeColumnsOf(header []string) map[string]int {
	if len(header) <= len(pesertaColumns) {
		return nil
	}
	byHeader := map[string]string{}
	for _, c := range outcomeColumns {
		byHeader[c.Header] = c.stage
	}
	var cols map[string]int
	for i := len(pesertaColumns); i < len(header); i++ {
		if stage, ok := byHeader[strings.TrimSpace(header[i])]; ok {
			if cols == nil {
				cols = map[string]int{}
			}
			cols[stage] = i
		}
	}
	return cols
}

// journeyOfRow reads a Peserta row's outcome cells back into facts.
func journeyOfRow(row []string, cols map[string]int) wub.JourneyFacts {
	var f wub.JourneyFacts
	get := func(stage string) time.Time {
		if i, ok := cols[stage]; ok && i < len(row) {
			if iso, ok := serialDate(row[i]); ok {
				return wub.ParseISODate(iso)
			}
			return wub.ParseISODate(row[i]) // typed over as text
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
