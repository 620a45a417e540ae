package ui

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

// "Data pribadi" on the person's record (issue 24): the person's report as
// workbook or PDF, a correction with its reason, and erasure (admin) with
// its berita acara. Opening a saved record shows its full NIK and is
// recorded as an access (docs/PRIVACY.md, masking rules).

// dataButton is the form's "Data pribadi" button (hidden for a new record).
func (f *traineeForm) dataButton() *widget.Button {
	b := widget.NewButtonWithIcon(T("pdp.person_button"), theme.AccountIcon(), f.showPersonData)
	if f.orig.ID == 0 {
		b.Hide()
		return b
	}
	id := f.orig.ID
	f.s.u.jobs.run(func() error { return f.s.u.app.ViewedNIK(f.s.u.appCtx(), id, "form") }, func(error) {})
	return b
}

// personDialog is the "Data pribadi" dialog of one record.
type personDialog struct {
	f                   *traineeForm
	workbook, pdf       *widget.Button
	correct, erase      *widget.Button
	dlg                 dialog.Dialog
	savedPath, savedFmt string // the report last written (tests)
}

func (f *traineeForm) showPersonData() {
	u := f.s.u
	p := &personDialog{f: f}
	intro := widget.NewLabel(T("pdp.person_intro", f.orig.Name, wub.MaskNIK(f.orig.NIK)))
	intro.Wrapping = fyne.TextWrapWord
	p.workbook = widget.NewButtonWithIcon(T("pdp.report_xlsx"), theme.DocumentSaveIcon(), func() { p.askReport("xlsx") })
	p.pdf = widget.NewButtonWithIcon(T("pdp.report_pdf"), theme.DocumentPrintIcon(), func() { p.askReport("pdf") })
	p.correct = widget.NewButtonWithIcon(T("pdp.correct"), theme.DocumentCreateIcon(), p.askCorrection)
	p.erase = widget.NewButtonWithIcon(T("pdp.erase"), theme.DeleteIcon(), p.askErase)
	p.erase.Importance = widget.DangerImportance
	if !u.can(wub.ActEdit) {
		p.correct.Disable()
	}
	if !u.can(wub.ActSettings) {
		p.erase.Disable()
	}
	if !u.can(wub.ActExport) {
		p.workbook.Disable()
		p.pdf.Disable()
	}
	note := widget.NewLabel(T("pdp.person_note"))
	note.Wrapping = fyne.TextWrapWord
	note.Importance = widget.LowImportance
	body := container.NewVBox(intro, container.NewGridWithColumns(2, p.workbook, p.pdf, p.correct, p.erase), note)
	p.dlg = dialog.NewCustom(T("pdp.person_title"), T("button.close"), container.NewGridWrap(fyne.NewSize(560, 230), body), u.win)
	p.dlg.Show()
	u.pdp.person = p
}

func (p *personDialog) fileName(ext string) string {
	return "Data_pribadi_" + strings.ReplaceAll(p.f.orig.Name, " ", "_") + ext
}

func (p *personDialog) askReport(format string) {
	ext := "." + format
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		if !strings.EqualFold(filepath.Ext(path), ext) {
			path += ext
		}
		p.writeReport(path, format)
	}, p.f.s.u.win)
	d.SetFileName(p.fileName(ext))
	d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	d.Show()
}

// writeReport writes the person's report to path off the UI goroutine.
func (p *personDialog) writeReport(path, format string) {
	u, nik := p.f.s.u, p.f.orig.NIK
	u.jobs.run(func() error {
		return xlsx.WriteFile(path, func(w io.Writer) error {
			return u.app.PersonReport(u.appCtx(), nik, format, path, w)
		})
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		p.savedPath, p.savedFmt = path, format
		u.notify(T("pdp.report_saved", filepath.Base(path)))
	})
}

// askCorrection saves the form as it stands as a correction with a reason.
func (p *personDialog) askCorrection() {
	f, u := p.f, p.f.s.u
	f.attempted = true
	if is := f.check(); is.HasErrors() {
		u.notify(T("form.fix_errors", len(is.Errors())))
		return
	}
	reason := widget.NewMultiLineEntry()
	reason.SetPlaceHolder(T("pdp.correct_reason_hint"))
	msg := widget.NewLabel(T("pdp.correct_intro"))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(T("pdp.correct"), T("button.save"), T("button.cancel"),
		container.NewGridWrap(fyne.NewSize(520, 200), container.NewBorder(msg, nil, nil, nil, reason)), func(ok bool) {
			if ok {
				p.saveCorrection(reason.Text)
			}
		}, u.win)
	d.Show()
}

func (p *personDialog) saveCorrection(reason string) {
	f, u := p.f, p.f.s.u
	t, _ := f.collect()
	u.jobs.run(func() error {
		_, err := u.app.Correct(u.appCtx(), t, reason)
		return err
	}, func(err error) {
		var is wub.Issues
		if errors.As(err, &is) {
			f.showIssues(is)
			u.notify(T("form.not_saved"))
			return
		}
		if err != nil {
			u.showError(err)
			return
		}
		p.dlg.Hide()
		u.notify(T("pdp.corrected", t.Name))
		f.dirty = false
		f.s.closeForm(true)
	})
}

// eraseDialog asks the ground and reason of an erasure, then where to
// save its berita acara.
type eraseDialog struct {
	u      *App
	nik    string
	name   string
	ground *widget.RadioGroup
	reason *widget.Entry
	dlg    dialog.Dialog
	after  func([]wub.Erasure)
	done   []wub.Erasure // the erasure last done (tests)
}

func (p *personDialog) askErase() {
	f := p.f
	p.f.s.u.askErase(f.orig.NIK, f.orig.Name, wub.EraseOnRequest, func([]wub.Erasure) {
		p.dlg.Hide()
		f.dirty = false
		f.s.closeForm(true)
	})
}

// askErase asks to erase a NIK (from the record or the retention review).
func (u *App) askErase(nik, name, ground string, after func([]wub.Erasure)) *eraseDialog {
	e := &eraseDialog{u: u, nik: nik, name: name, after: after}
	e.ground = widget.NewRadioGroup([]string{T("pdp.ground_request"), T("pdp.ground_retention")}, nil)
	if ground == wub.EraseRetention {
		e.ground.SetSelected(T("pdp.ground_retention"))
	} else {
		e.ground.SetSelected(T("pdp.ground_request"))
	}
	e.reason = widget.NewMultiLineEntry()
	e.reason.SetPlaceHolder(T("pdp.erase_reason_hint"))
	msg := widget.NewLabel(T("pdp.erase_intro", name, wub.MaskNIK(nik)))
	msg.Wrapping = fyne.TextWrapWord
	body := container.NewBorder(container.NewVBox(msg, e.ground), nil, nil, nil, e.reason)
	e.dlg = dialog.NewCustomConfirm(T("pdp.erase_title"), T("pdp.erase_do"), T("button.cancel"),
		container.NewGridWrap(fyne.NewSize(560, 300), body), func(ok bool) {
			if ok {
				e.chooseFile()
			}
		}, u.win)
	e.dlg.Show()
	u.pdp.erase = e
	return e
}

func (e *eraseDialog) groundCode() string {
	if e.ground.Selected == T("pdp.ground_retention") {
		return wub.EraseRetention
	}
	return wub.EraseOnRequest
}

func (e *eraseDialog) chooseFile() {
	if strings.TrimSpace(e.reason.Text) == "" {
		e.u.showError(wub.Errorf("pdp_reason_required", T("pdp.erase_word")))
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		if !strings.EqualFold(filepath.Ext(path), ".pdf") {
			path += ".pdf"
		}
		e.eraseTo(path)
	}, e.u.win)
	d.SetFileName(fmt.Sprintf("Berita_acara_penghapusan_%s.pdf", wub.MaskNIK(e.nik)[12:]))
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	d.Show()
}

// eraseTo erases the NIK and writes the berita acara to path.
func (e *eraseDialog) eraseTo(path string) {
	u, nik, ground, reason := e.u, e.nik, e.groundCode(), e.reason.Text
	var es []wub.Erasure
	var number string
	u.jobs.run(func() error {
		return xlsx.WriteFile(path, func(w io.Writer) error {
			done, res, err := u.app.Erase(u.appCtx(), nik, ground, reason, w)
			es, number = done, res.Number()
			return err
		})
	}, func(err error) {
		if len(es) == 0 {
			u.showError(err)
			return
		}
		e.done = es
		if err != nil { // erased, but the berita acara was not written
			u.showError(err)
		}
		u.notify(T("pdp.erased", len(es), filepath.Base(path), number))
		if e.after != nil {
			e.after(es)
		}
	})
}
