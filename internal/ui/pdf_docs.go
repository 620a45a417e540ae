package ui

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/handover"
	"wubdesk/internal/officedoc"
	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

// The "Cetak PDF" actions of the screens (docs/DOCUMENTS.md): each asks
// where to save, then makes the document off the UI goroutine through
// internal/officedoc, which numbers it from the office's register.

// makeDoc writes one document to w.
type makeDoc func(ctx context.Context, w io.Writer) (officedoc.Result, error)

// pdfButton is a "Cetak PDF" button with the document's label.
func pdfButton(label string, tapped func()) *widget.Button {
	return widget.NewButtonWithIcon(label, theme.DocumentPrintIcon(), tapped)
}

// printPDF asks for a file name (suggested name) and writes the document there.
func (u *App) printPDF(name string, make makeDoc) {
	d := u.newFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		if !strings.EqualFold(filepath.Ext(path), ".pdf") {
			path += ".pdf"
		}
		u.writePDF(path, make, nil)
	})
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	d.Show()
}

// writePDF writes the document to path (through a temporary file) off the
// UI goroutine and says where it went and its number; done, when set, is
// called with the result on the UI goroutine.
func (u *App) writePDF(path string, make makeDoc, done func(officedoc.Result, error)) {
	var res officedoc.Result
	u.jobs.run(func() error {
		err := xlsx.WriteFile(path, func(w io.Writer) error {
			var err error
			res, err = make(u.appCtx(), w)
			return err
		})
		if err == nil && u.app != nil { // who printed what (issue 24); a read-only file records nothing
			_ = u.app.Printed(u.appCtx(), 0, res.Kind+" "+filepath.Base(path), max(1, len(res.Numbers)))
		}
		return err
	}, func(err error) {
		if done != nil {
			done(res, err)
		}
		if err != nil {
			u.showError(err)
			return
		}
		msg := T("pdf.saved", wub.DocKindLabel(res.Kind), filepath.Base(path), res.Number())
		if len(res.Numbers) > 1 {
			msg = T("pdf.saved_many", wub.DocKindLabel(res.Kind), filepath.Base(path), len(res.Numbers),
				res.Numbers[0].Number, res.Numbers[len(res.Numbers)-1].Number)
		}
		if res.Note != "" {
			msg += " " + res.Note
		}
		u.notify(msg)
	})
}

// Serah Terima: the berita acara of the package just exported, or of the
// package loaded for import.

func (s *handoverScreen) beritaAcaraMaker(path string) makeDoc {
	return func(ctx context.Context, w io.Writer) (officedoc.Result, error) {
		p, err := s.exportedPackage(path) // pdp_handover.go: an encrypted package is read as written
		if err != nil {
			return officedoc.Result{}, err
		}
		return s.u.app.HandoverDocument(ctx, p, w)
	}
}

func (s *handoverScreen) beritaAcaraOfPackage(p *handover.Package) makeDoc {
	return func(ctx context.Context, w io.Writer) (officedoc.Result, error) {
		return s.u.app.HandoverDocument(ctx, p, w)
	}
}

func beritaAcaraName(pkgPath string) string {
	return strings.TrimSuffix(filepath.Base(pkgPath), filepath.Ext(pkgPath)) + "-berita-acara.pdf"
}

// Kirim Laporan: the surat pengantar of the workbook just exported, or of
// a workbook the clerk chooses (read back and verified).

func (s *submissionScreen) printCoverLetter() {
	if s.lastWorkbook != "" {
		s.u.printPDF(coverLetterName(s.lastWorkbook), s.coverLetterMaker(s.lastWorkbook))
		return
	}
	d := s.u.newFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		s.u.printPDF(coverLetterName(path), s.coverLetterMaker(path))
	})
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx"}))
	d.Show()
}

func (s *submissionScreen) coverLetterMaker(workbook string) makeDoc {
	return func(ctx context.Context, w io.Writer) (officedoc.Result, error) {
		return s.u.app.CoverLetterDocument(ctx, xlsx.ReadSubmissionFile(workbook), time.Time{}, w)
	}
}

func coverLetterName(workbook string) string {
	return strings.TrimSuffix(filepath.Base(workbook), filepath.Ext(workbook)) + "-surat-pengantar.pdf"
}

// Kontrak: the decision list of the round on screen.

func (s *contractRoundScreen) roundMaker() (makeDoc, string) {
	agency, year := s.selection()
	return func(ctx context.Context, w io.Writer) (officedoc.Result, error) {
		return s.u.app.ContractRoundDocument(ctx, agency, year, w)
	}, fmt.Sprintf("Keputusan_kontrak_%s_%d.pdf", agency, year)
}

func (s *contractRoundScreen) printRound() {
	make, name := s.roundMaker()
	s.u.printPDF(name, make)
}

// Angkatan: the certificates of the ticked members, or of every member
// who passed when none is ticked.

func (m *batchMembers) certificateMaker() (makeDoc, string) {
	var niks []string
	for _, x := range m.members {
		if m.picked[x.TraineeID] {
			niks = append(niks, x.NIK)
		}
	}
	id := m.batch.ID
	name := fmt.Sprintf("Sertifikat_%s_%d.pdf", strings.ReplaceAll(m.batch.Name, " ", "_"), m.batch.Year)
	return func(ctx context.Context, w io.Writer) (officedoc.Result, error) {
		return m.s.u.app.CertificatesDocument(ctx, id, niks, w)
	}, name
}

func (m *batchMembers) printCertificates() {
	make, name := m.certificateMaker()
	m.s.u.printPDF(name, make)
}

// The person's record: what the database holds about the NIK.

func (f *traineeForm) personReportMaker() (makeDoc, string) {
	nik, id, a := f.orig.NIK, f.orig.ID, f.s.u.app
	return func(ctx context.Context, w io.Writer) (officedoc.Result, error) {
		res, err := f.s.u.app.PersonReportDocument(ctx, nik, w)
		if err == nil { // whose report was printed (issue 24)
			err = a.Printed(ctx, id, wub.DocPersonReport, 1)
		}
		return res, err
	}, "Data_pribadi_" + strings.ReplaceAll(f.orig.Name, " ", "_") + ".pdf"
}

func (f *traineeForm) printPersonReport() {
	make, name := f.personReportMaker()
	f.s.u.printPDF(name, make)
}
