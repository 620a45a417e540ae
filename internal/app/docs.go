package app

import (
	"context"
	"io"
	"time"

	"wubdesk/internal/handover"
	"wubdesk/internal/officedoc"
	"wubdesk/internal/xlsx"
)

// The official documents (internal/officedoc): each is numbered from the
// office's letter register and written to w as PDF; the window's "Cetak
// PDF" actions and `wubdesk doc` share these.

// HandoverDocument is the berita acara of a handover package.
func (a *App) HandoverDocument(ctx context.Context, p *handover.Package, w io.Writer) (officedoc.Result, error) {
	return officedoc.Handover(ctx, a.db, p, w)
}

// CoverLetterDocument is the cover letter of a monthly submission (month
// zero: the submission's own).
func (a *App) CoverLetterDocument(ctx context.Context, r *xlsx.Received, month time.Time, w io.Writer) (officedoc.Result, error) {
	return officedoc.CoverLetter(ctx, a.db, r, month, w)
}

// ContractRoundDocument is the decision letter of a contract round (agency
// "": the office's).
func (a *App) ContractRoundDocument(ctx context.Context, agency string, year int, w io.Writer) (officedoc.Result, error) {
	return officedoc.ContractRound(ctx, a.db, agency, year, w)
}

// CertificatesDocument is the certificates of a batch's graduates (niks
// nil: all of them).
func (a *App) CertificatesDocument(ctx context.Context, batchID int64, niks []string, w io.Writer) (officedoc.Result, error) {
	return officedoc.Certificates(ctx, a.db, batchID, niks, w)
}

// PersonReportDocument is everything the register holds about one person.
func (a *App) PersonReportDocument(ctx context.Context, nik string, w io.Writer) (officedoc.Result, error) {
	return officedoc.PersonReport(ctx, a.db, nik, w)
}
