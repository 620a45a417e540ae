package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
)

// twoFigures names the regency's two figures of a year side by side (issue
// 19): the people counted once, and the sum per agency of the table below.
// They differ by the enrolments of people already counted (trained by a
// second agency, or again after an earlier year); the button lists them.
type twoFigures struct {
	label  *widget.Label
	repeat *widget.Button
	box    *fyne.Container
	filter wub.FigureFilter
}

func newTwoFigures(v *dashboardView) *twoFigures {
	t := &twoFigures{label: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	t.label.Wrapping = fyne.TextWrapWord
	t.repeat = widget.NewButtonWithIcon("", theme.AccountIcon(), func() {
		if v.d != nil {
			v.open(t.filter, T("ux.kuota_repeat_title", v.d.Query.Year), 0)
		}
	})
	t.repeat.Importance = widget.LowImportance
	t.repeat.Alignment = widget.ButtonAlignLeading
	t.box = container.NewVBox(t.label, container.NewHBox(t.repeat))
	t.box.Hide()
	return t
}

func (t *twoFigures) show(d *wub.Dashboard, interactive bool) {
	if d.Counting != wub.CountPerson {
		t.box.Hide()
		return
	}
	y := d.Query.Year
	people, sum := d.Year.Realised(), d.Total.Realised()
	t.label.SetText(T("ux.kuota_two", y, wub.FormatInt(people), wub.FormatInt(sum)))
	diff := sum - people
	t.filter = wub.FigureFilter{Counting: wub.CountEnrolment, FromYear: y, ToYear: y, Repeat: true}
	if diff > 0 {
		t.repeat.SetText(T("ux.kuota_repeat", wub.FormatInt(diff)))
		t.repeat.Show()
		if !interactive {
			t.repeat.Disable()
		}
	} else {
		t.repeat.Hide()
	}
	t.box.Show()
}

// programForecastText says what the forecast is of: the program target, at
// the pace of the target period's months so far; and, once the period is
// over, whether the target was met.
func programForecastText(p wub.ProgramPace) string {
	t := p.Target
	goal := wub.FormatInt(t.Count)
	switch {
	case p.Over && p.Met:
		return T("ux.forecast_over_met", t.StartYear, t.EndYear, wub.FormatLongDate(t.Deadline()), goal, wub.FormatInt(p.Realised))
	case p.Over:
		return T("ux.forecast_over_missed", t.StartYear, t.EndYear, wub.FormatLongDate(t.Deadline()), goal,
			wub.FormatInt(p.Realised), wub.FormatPercent(float64(p.Realised)/float64(max(t.Count, 1))))
	case p.Met:
		return T("ux.forecast_met", goal, t.StartYear, t.EndYear, wub.FormatInt(p.Realised))
	case p.Months <= 0:
		return T("ux.forecast_not_started", goal, t.StartYear, t.EndYear)
	}
	s := T("ux.forecast_pace", goal, t.StartYear, t.EndYear, wub.FormatFloat(p.PerMonth, 1),
		wub.MonthName(int(p.From.Month()))+" "+itoa(p.From.Year()), wub.MonthName(int(p.To.Month()))+" "+itoa(p.To.Year()))
	switch {
	case p.ReachYear > 0 && p.OnTime:
		s += " " + T("ux.forecast_on_time", wub.MonthName(p.ReachMonth), p.ReachYear)
	case p.ReachYear > 0:
		s += " " + T("ux.forecast_late", wub.MonthName(p.ReachMonth), p.ReachYear)
	default:
		s += " " + T("ux.forecast_too_slow")
	}
	if p.NeededPerMonth > 0 && !p.OnTime {
		s += " " + T("ux.forecast_needed", wub.FormatInt(p.NeededPerMonth), wub.FormatLongDate(t.Deadline()))
	}
	return s
}

func itoa(n int) string { return strconv.Itoa(n) }

// showNextTarget offers an admin, once the target period is over, to set
// the next one (the target dialog, its years moved on).
func (v *dashboardView) showNextTarget(d *wub.Dashboard) {
	if v.onNextTarget != nil && d.Query.AsOf.After(d.Target.Deadline()) {
		v.nextBox.Show()
	} else {
		v.nextBox.Hide()
	}
}

// editNextTarget opens the target dialog with the period moved on: the
// years after the one that ended, as long as it was.
func (s *quotaScreen) editNextTarget() {
	var t wub.Target
	s.u.jobs.run(func() error {
		var err error
		t, err = s.store.Target(s.u.screenCtx())
		return err
	}, func(err error) {
		if err != nil {
			s.u.showError(err)
			return
		}
		span := t.EndYear - t.StartYear
		t.StartYear = t.EndYear + 1
		t.EndYear = t.StartYear + span
		s.targetDialog = newTargetForm(s, t)
	})
}
