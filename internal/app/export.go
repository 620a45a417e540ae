package app

import (
	"context"
	"io"
	"strings"
	"time"

	"wubdesk/internal/store"
	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

// ExportRequest asks for one agency's monthly submission workbook.
type ExportRequest struct {
	Agency   string    // agency code (case and spaces as typed)
	Month    time.Time // the report's month; the program year is its year
	Path     string    // the .xlsx written (atomically: a temporary file renamed)
	Progress Progress  // trainee rows written of the total; nil for none
}

// ExportSubmission writes the monthly submission for Bagian Perekonomian:
// the trainees counted up to the month's end, the agency's quota, the
// Fasilitator sheet, the journey facts, the open likely duplicates and the
// office's signature block, stamped with the register's clock. The window
// (Kirim Laporan) and `wubdesk export` both call it.
func (a *App) ExportSubmission(ctx context.Context, r ExportRequest) (wub.SubmissionMeta, error) {
	var meta wub.SubmissionMeta
	as, err := a.db.Agencies(ctx)
	if err != nil {
		return meta, err
	}
	ag, ok := as.ByCode(strings.ToUpper(strings.TrimSpace(r.Agency)))
	if !ok {
		return meta, wub.Errorf("agency_unknown", r.Agency)
	}
	m := r.Month
	if !ag.RunsIn(m.Year()) {
		return meta, wub.Errorf("export_agency_no_program", ag.NameInYear(m.Year()).Short, m.Year())
	}
	end := wub.EndOfMonth(m)
	total := 0
	if r.Progress != nil {
		if total, err = a.db.SubmissionCount(ctx, ag.Code, m.Year(), end); err != nil {
			return meta, err
		}
	}
	s, err := a.submission(ctx, ag, m)
	if err != nil {
		return meta, err
	}
	if r.Progress != nil && total > 0 {
		s.Progress = func(n int) { r.Progress(n, total) }
	}
	var niks []string // the copy log (issue 24): which NIKs left the PC in this workbook
	err = xlsx.WriteFile(r.Path, func(w io.Writer) error {
		var err error
		niks = niks[:0]
		meta, err = xlsx.WriteSubmission(w, s, func(emit func(*wub.Trainee, *wub.Enrolment) error) error {
			return a.db.SubmissionRows(ctx, ag.Code, m.Year(), end, func(t *wub.Trainee, e *wub.Enrolment) error {
				niks = append(niks, t.NIK)
				return emit(t, e)
			})
		})
		return err
	})
	if err != nil {
		return meta, err
	}
	_, err = a.db.RecordCopy(ctx, wub.CopyRecord{Kind: wub.CopyExport, Path: r.Path,
		Note: ag.Code + " " + wub.ISO(end)[:7]}, niks)
	return meta, err
}

// submission gathers a month's workbook apart from its trainee rows: the
// office, the register's clock, the quota and Fasilitator sheet, the journey
// facts and the open likely duplicates. ExportSubmission and
// WriteMonthWorkbook (the snapshot sent to the hub) share it.
func (a *App) submission(ctx context.Context, ag wub.Agency, m time.Time) (xlsx.Submission, error) {
	office, err := a.db.Office(ctx)
	if err != nil {
		return xlsx.Submission{}, err
	}
	quota, fac, err := a.submissionExtras(ctx, ag.Code, m.Year())
	if err != nil {
		return xlsx.Submission{}, err
	}
	journeys, err := a.db.JourneyFacts(ctx, m.Year(), wub.EndOfMonth(m))
	if err != nil {
		return xlsx.Submission{}, err
	}
	openDupes, err := a.db.OpenDuplicateCount(ctx)
	if err != nil {
		return xlsx.Submission{}, err
	}
	return xlsx.Submission{Agency: ag, Month: m, Office: office, Now: a.Now(), Quota: quota, Facilitators: fac,
		Journeys: journeys, OpenDuplicates: openDupes}, nil
}

// submissionExtras are the parts of a submission that come from other
// records than the trainees: the agency's quota for the program year (0
// when none is set) and the Fasilitator sheet (nil when no facilitator is
// under contract with the agency that year).
func (a *App) submissionExtras(ctx context.Context, agency string, year int) (quota int, fac *xlsx.Table, err error) {
	qs, err := a.db.Quotas(ctx, year)
	if err != nil {
		return 0, nil, err
	}
	for _, q := range qs {
		if q.AgencyCode == agency {
			quota = q.Count
		}
	}
	cs, err := a.db.Contracts(ctx, store.ContractFilter{AgencyCode: agency, Year: year})
	if err != nil || len(cs) == 0 {
		return quota, nil, err
	}
	fs := make([]*wub.Facilitator, len(cs))
	for i, c := range cs {
		if fs[i], err = a.db.Facilitator(ctx, c.FacilitatorID); err != nil {
			return quota, nil, err
		}
	}
	return quota, xlsx.FacilitatorSheet(cs, fs), nil
}
