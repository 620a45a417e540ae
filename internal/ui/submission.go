package ui

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/app"
	"wubdesk/internal/wub"
)

// submissionStore is what Kirim Laporan needs from the store.
type submissionStore interface {
	SubmissionCount(ctx context.Context, agency string, year int, end time.Time) (int, error)
	LateDay(ctx context.Context) (int, error)
}

// submissionScreen is Kirim Laporan: the office chooses a month and exports
// its monthly submission workbook for Bagian Perekonomian.
type submissionScreen struct {
	dupNote   *dupNote // "N kemungkinan ganda belum diperiksa" beside the Rekap (dupes.go)
	u         *App
	store     submissionStore
	year      *widget.Select
	month     *widget.Select
	info      *widget.Label
	exportBtn *widget.Button
	progress  *widget.ProgressBar
	cancelBtn *widget.Button
	cancel    context.CancelFunc // while an export runs
	hold      func()             // tests: runs first in the export job
	result    *widget.Label
	root      fyne.CanvasObject
	preview   latest

	// The surat pengantar (pdf_docs.go) of lastWorkbook, the workbook exported last.
	pdfBtn       *widget.Button
	lastWorkbook string
	intro        *widget.Label
	lateDay      int           // the deadline as Pengaturan sets it (deadline_panel.go)
	hub          *hubSendPanel // the regency register: send, states, reopen (hub_send.go)
}

func newSubmissionScreen(u *App) screen {
	s := &submissionScreen{u: u, store: u.app, lateDay: wub.DefaultLateDay}
	s.hub = newHubSendPanel(s)
	prev := u.today().AddDate(0, 0, -u.today().Day()) // a report is usually for the month just ended
	var years []string
	for y := u.today().Year(); y >= 2020; y-- {
		years = append(years, strconv.Itoa(y))
	}
	var months []string
	for m := 1; m <= 12; m++ {
		months = append(months, wub.MonthName(m))
	}
	s.year = newSelect(years, func(string) { s.refresh(); s.hub.show() })
	s.month = newSelect(months, func(string) { s.refresh(); s.hub.show() })
	s.year.SetSelected(strconv.Itoa(prev.Year()))
	s.month.SetSelectedIndex(int(prev.Month()) - 1)
	s.info = widget.NewLabel("")
	s.info.Wrapping = fyne.TextWrapWord
	s.exportBtn = widget.NewButtonWithIcon(T("kirim.export"), theme.DocumentSaveIcon(), s.chooseFile)
	s.exportBtn.Importance = widget.HighImportance
	s.progress = widget.NewProgressBar()
	s.progress.Hide()
	s.cancelBtn = widget.NewButton(T("button.cancel"), func() {
		if s.cancel != nil {
			s.cancel()
			s.cancelBtn.Disable()
		}
	})
	s.cancelBtn.Hide()
	s.result = widget.NewLabel("")
	s.result.Wrapping = fyne.TextWrapWord
	s.result.Selectable = true
	s.pdfBtn = pdfButton(T("pdf.print_cover_letter"), s.printCoverLetter)
	intro := widget.NewLabel(T("kirim.intro", s.lateDay))
	intro.Wrapping = fyne.TextWrapWord
	s.intro = intro
	title := widget.NewLabelWithStyle(T("nav.kirim"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	form := widget.NewForm(
		widget.NewFormItem(T("kirim.agency"), widget.NewLabel(s.agencyName())),
		widget.NewFormItem(T("kirim.month"), container.NewGridWithColumns(2, s.month, s.year)),
	)
	s.dupNote = newDupNote(u)
	s.root = container.NewVScroll(container.NewVBox(title, intro, widget.NewCard("", "", container.NewVBox(form, s.info, s.dupNote.box,
		s.hub.box, container.NewHBox(s.exportBtn, s.cancelBtn, s.pdfBtn), s.progress)), s.result))
	return s
}

func (s *submissionScreen) object() fyne.CanvasObject { return s.root }
func (s *submissionScreen) shown() {
	s.loadLateDay()
	s.refresh()
	s.dupNote.refresh()
	s.hub.refresh()
}

func (s *submissionScreen) agency() (wub.Agency, bool) {
	return s.u.agencies.ByCode(s.u.office.AgencyCode)
}

func (s *submissionScreen) agencyName() string {
	if a, ok := s.agency(); ok {
		return a.NameOn(s.u.today()).Full
	}
	return T("kirim.no_office")
}

// period is the chosen month (its first day).
func (s *submissionScreen) period() time.Time {
	y, _ := strconv.Atoi(s.year.Selected)
	return time.Date(y, time.Month(s.month.SelectedIndex()+1), 1, 0, 0, 0, 0, time.UTC)
}

// refresh says what will be exported: how many rows, or why nothing can be.
func (s *submissionScreen) refresh() {
	if s.info == nil || s.year.Selected == "" || s.month.SelectedIndex() < 0 {
		return
	}
	a, ok := s.agency()
	m := s.period()
	switch {
	case !ok:
		s.info.SetText(T("kirim.no_office"))
		s.exportBtn.Disable()
		return
	case !a.RunsIn(m.Year()):
		s.info.SetText(wub.Message("export_agency_no_program", "", a.NameInYear(m.Year()).Short, m.Year()))
		s.exportBtn.Disable()
		return
	}
	s.exportBtn.Enable()
	ctx, current := s.preview.start(s.u.screenCtx())
	var n int
	s.u.jobs.run(func() error {
		var err error
		n, err = s.store.SubmissionCount(ctx, a.Code, m.Year(), wub.EndOfMonth(m))
		return err
	}, func(err error) {
		if !current() || err != nil {
			return
		}
		s.info.SetText(T("kirim.preview", wub.FormatInt(n), wub.PeriodLabel(m), m.Year()))
	})
}

// fileName is the suggested name of the workbook.
func (s *submissionScreen) fileName() string {
	a, _ := s.agency()
	return fmt.Sprintf("WUB_%s_%s.xlsx", a.Code, wub.Period(s.period()))
}

func (s *submissionScreen) chooseFile() {
	d := s.u.newFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		if !strings.EqualFold(filepath.Ext(path), ".xlsx") {
			path += ".xlsx"
		}
		s.exportTo(path)
	})
	d.SetFileName(s.fileName())
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx"}))
	d.Show()
}

// exportTo writes the submission for the chosen month to path, with a
// progress bar, off the UI goroutine.
func (s *submissionScreen) exportTo(path string) {
	a, ok := s.agency()
	if !ok {
		return
	}
	m := s.period()
	s.exportBtn.Disable()
	s.progress.SetValue(0)
	s.progress.Show()
	s.result.SetText("")
	ctx, cancel := context.WithCancel(s.u.appCtx())
	s.cancel = cancel
	s.cancelBtn.Enable()
	s.cancelBtn.Show()
	var meta wub.SubmissionMeta
	hold := s.hold
	s.u.jobs.run(func() error {
		if hold != nil {
			hold()
		}
		var err error
		meta, err = s.u.app.ExportSubmission(ctx, app.ExportRequest{Agency: a.Code, Month: m, Path: path,
			Progress: func(n, total int) {
				s.u.jobs.deliver(func() { s.progress.SetValue(float64(n) / float64(total)) })
			}})
		return err
	}, func(err error) {
		cancelled := errors.Is(err, context.Canceled)
		cancel()
		s.cancel = nil
		s.cancelBtn.Hide()
		s.exportBtn.Enable()
		if cancelled {
			s.progress.Hide()
			s.u.notify(T("kirim.cancelled"))
			return
		}
		if err != nil {
			s.progress.Hide()
			s.u.showError(err)
			return
		}
		s.progress.SetValue(1)
		s.lastWorkbook = path
		s.result.SetText(T("kirim.done", path, wub.FormatInt(meta.TraineeRows), wub.FormatInt(meta.TrainedMonth),
			wub.FormatInt(meta.TrainedTotal), wub.FormatInt(meta.RegisteredTotal), wub.FormatInt(meta.DroppedTotal),
			meta.DataSHA256, s.lateDay, wub.PeriodLabel(m.AddDate(0, 1, 0))))
		s.u.notify(T("kirim.saved", filepath.Base(path)))
		s.hub.afterExport(a.Code, m, meta)
	})
}
