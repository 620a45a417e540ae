package ui

import (
	"context"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
)

// deadlinePanel is the "Batas kirim laporan" card of Pengaturan: the day of
// the following month after which a monthly submission counts as late. The
// consolidation calendar, the Kirim Laporan hint and the consolidated
// workbook read it from the store; `wubdesk consolidate --late-day N` is the
// same setting for the headless command.
type deadlinePanel struct {
	u    *App
	day  *widget.Select
	save *widget.Button
	box  *fyne.Container
}

func newDeadlinePanel(u *App) *deadlinePanel {
	p := &deadlinePanel{u: u}
	var days []string
	for d := 1; d <= 28; d++ {
		days = append(days, strconv.Itoa(d))
	}
	p.day = newSelect(days, nil)
	p.save = widget.NewButton(T("button.save"), p.store)
	p.save.Importance = widget.HighImportance
	if !u.can(wub.ActSettings) {
		p.day.Disable()
		p.save.Disable()
	}
	intro := widget.NewLabel(T("regency.deadline_intro"))
	intro.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(widget.NewFormItem(T("regency.deadline_day"), container.NewGridWrap(fyne.NewSize(120, p.day.MinSize().Height), p.day)))
	p.box = container.NewVBox(intro, form, container.NewHBox(p.save))
	load(u, nil, func(ctx context.Context) (int, error) {
		return u.app.LateDay(ctx)
	}, func(day int) {
		p.day.SetSelected(strconv.Itoa(day))
	})
	return p
}

func (p *deadlinePanel) store() {
	day, err := strconv.Atoi(p.day.Selected)
	if err != nil {
		return
	}
	p.u.jobs.run(func() error { return p.u.app.SetLateDay(p.u.appCtx(), day) }, func(err error) {
		if err != nil {
			p.u.showError(err)
			return
		}
		p.u.notify(T("regency.deadline_saved", day))
	})
}

// loadLateDay reads the deadline for the Kirim Laporan hint.
func (s *submissionScreen) loadLateDay() {
	var day int
	s.u.jobs.run(func() error {
		var err error
		day, err = s.store.LateDay(s.u.screenCtx())
		return err
	}, func(err error) {
		if err != nil {
			return // the hint keeps the default; the export itself does not depend on it
		}
		s.lateDay = day
		s.intro.SetText(T("kirim.intro", day))
	})
}
