package ui

import (
	"context"

	"fyne.io/fyne/v2/widget"
)

// handoverRun is Cancel for the handover's long work. An export that is
// cancelled leaves no package and no berita acara (the package is written
// to a temporary file and renamed at the end; the files are removed when
// the export's audit row cannot be written). An import is one transaction:
// cancelled, it is rolled back and the package stays chosen. Cancel is
// offered while the work runs; once the import has committed there is
// nothing left to cancel.
type handoverRun struct {
	exportCancel, importCancel context.CancelFunc
	exportCtx, importCtx       context.Context
	exportBtn, importBtn       *widget.Button
	hold                       func() // tests: runs first in the export or import job
}

func (s *handoverScreen) exportCancelBtn() *widget.Button {
	s.run.exportBtn = widget.NewButton(T("button.cancel"), func() {
		if s.run.exportCancel != nil {
			s.run.exportCancel()
			s.run.exportBtn.Disable()
		}
	})
	s.run.exportBtn.Hide()
	return s.run.exportBtn
}

func (s *handoverScreen) importCancelBtn() *widget.Button {
	s.run.importBtn = widget.NewButton(T("button.cancel"), func() {
		if s.run.importCancel != nil {
			s.run.importCancel()
			s.run.importBtn.Disable()
		}
	})
	s.run.importBtn.Hide()
	return s.run.importBtn
}

func (r *handoverRun) startExport(parent context.Context) context.Context {
	ctx, cancel := context.WithCancel(parent)
	r.exportCancel, r.exportCtx = cancel, ctx
	r.exportBtn.Enable()
	r.exportBtn.Show()
	return ctx
}

// endExport hides Cancel and reports whether the export was cancelled.
func (r *handoverRun) endExport(err error) bool {
	cancelled := err != nil && r.exportCtx != nil && r.exportCtx.Err() != nil
	if r.exportCancel != nil {
		r.exportCancel()
	}
	r.exportCancel = nil
	r.exportBtn.Hide()
	return cancelled
}

func (r *handoverRun) startImport(parent context.Context) context.Context {
	ctx, cancel := context.WithCancel(parent)
	r.importCancel, r.importCtx = cancel, ctx
	r.importBtn.Enable()
	r.importBtn.Show()
	return ctx
}

// endImport hides Cancel and reports whether the import was cancelled.
func (r *handoverRun) endImport(err error) bool {
	cancelled := err != nil && r.importCtx != nil && r.importCtx.Err() != nil
	if r.importCancel != nil {
		r.importCancel()
	}
	r.importCancel = nil
	r.importBtn.Hide()
	return cancelled
}
