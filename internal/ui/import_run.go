package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/app"
	"wubdesk/internal/xlsx"
)

// fieldKeys name the import's fields in the clerk's language.
var fieldKeys = map[xlsx.Field]string{
	xlsx.FieldNo: "field.no_urut", xlsx.FieldNIK: "field.nik", xlsx.FieldKK: "field.kk", xlsx.FieldName: "field.name",
	xlsx.FieldSex: "field.sex", xlsx.FieldTTL: "field.ttl", xlsx.FieldBirthPlace: "field.birth_place",
	xlsx.FieldBirthDate: "field.birth_date", xlsx.FieldAddress: "field.address", xlsx.FieldRT: "field.rt_rw",
	xlsx.FieldRW: "field.rw", xlsx.FieldDesa: "field.desa", xlsx.FieldKecamatan: "field.kecamatan",
	xlsx.FieldPhone: "field.phone", xlsx.FieldEducation: "field.education",
	xlsx.FieldBusinessName: "field.business_name", xlsx.FieldBusinessType: "field.business_type",
	xlsx.FieldKBLI: "field.kbli", xlsx.FieldStatus: "field.status", xlsx.FieldNotes: "field.notes",
}

func fieldLabel(f xlsx.Field) string { return T(fieldKeys[f]) }

// commit imports the accepted rows in one transaction, with a progress bar
// and a Cancel that leaves the database as it was.
func (s *importScreen) commit() {
	rep := s.rep
	if rep == nil || s.busy {
		return
	}
	if err := rep.Ready(s.u.agencies); err != nil {
		s.u.showError(err)
		return
	}
	s.confirmTarget(rep.Accepted+rep.Updates, s.runCommit)
}

// runCommit writes the preview's rows.
func (s *importScreen) runCommit() {
	rep := s.rep
	ctx, cancel := context.WithCancel(s.u.appCtx())
	s.cancel = cancel
	s.busy = true
	s.refresh()
	s.progress = widget.NewProgressBar()
	msg := widget.NewLabel(T("import.importing", rep.Accepted+rep.Updates))
	msg.Wrapping = fyne.TextWrapWord
	var cancelBtn *widget.Button
	cancelBtn = widget.NewButton(T("button.cancel"), func() {
		cancel()
		cancelBtn.Disable()
	})
	d := dialog.NewCustomWithoutButtons(T("import.progress_title"),
		container.NewGridWrap(fyne.NewSize(460, 140), container.NewVBox(msg, s.progress, cancelBtn)), s.u.win)
	d.Show()
	var res app.ImportResult
	s.u.jobs.run(func() error {
		var err error
		res, err = s.u.app.ImportWorkbook(ctx, rep, func(done, total int) {
			s.u.jobs.deliver(func() { s.progress.SetValue(float64(done) / float64(total)) })
		})
		return err
	}, func(err error) {
		d.Hide()
		cancel()
		s.busy = false
		switch {
		case errors.Is(err, context.Canceled):
			s.u.notify(T("import.cancelled"))
			s.refresh()
		case err != nil:
			s.u.showError(err)
			s.refresh()
		default:
			s.u.notify(T("import.done", res.Inserted, res.Updated+res.Enrolled, rep.File))
			// Show what was written, not a fresh preview in which every row
			// now reads "NIK sudah terdaftar"; the import button is off, so
			// a second click cannot import them twice.
			s.done = &importDone{sheets: []sheetDone{{rep, res}}}
			s.showNotices()
			s.refresh()
		}
	})
}

// saveErrors asks where to save the rejected rows ("Simpan laporan kesalahan").
func (s *importScreen) saveErrors() {
	if s.rep == nil {
		return
	}
	d := s.u.newFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		s.writeErrors(path)
	})
	d.SetFileName(strings.TrimSuffix(s.rep.File, filepath.Ext(s.rep.File)) + "_ditolak.xlsx")
	d.Show()
}

// writeErrors writes the error report to path off the UI goroutine.
func (s *importScreen) writeErrors(path string) {
	rep, done := s.rep, s.done
	s.u.jobs.run(func() error {
		if done != nil && len(done.sheets) > 1 {
			return writeDoneErrors(path, done)
		}
		f, err := os.Create(path)
		if err != nil {
			return err
		}
		if err := xlsx.WriteErrors(f, rep); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}, func(err error) {
		if err != nil {
			s.u.showError(err)
			return
		}
		s.u.notify(T("import.errors_saved", filepath.Base(path)))
	})
}

// dropped opens Impor with the first spreadsheet dropped on the window.
func (u *App) dropped(_ fyne.Position, uris []fyne.URI) {
	if u.nav == nil {
		return
	}
	for _, uri := range uris {
		switch strings.ToLower(uri.Extension()) {
		case ".xlsx", ".xls", ".csv", ".ods":
			if s, ok := u.nav.screen("impor").(*importScreen); ok {
				u.nav.show("impor")
				s.load(uri.Path())
			}
			return
		}
	}
}

// resultLabel is what the preview says a row becomes.
func resultLabel(r xlsx.Row) string {
	switch r.Status {
	case xlsx.Accepted:
		if len(r.Warnings()) > 0 {
			return T("import.result_warning")
		}
		return T("import.result_accepted")
	case xlsx.Update:
		return T("import.result_update")
	case xlsx.Rejected:
		return T("import.result_rejected")
	}
	return T("import.result_skipped")
}
