package ui

import (
	"context"
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
)

// quotaStore is what the Kuota screen needs from the store.
type quotaStore interface {
	Dashboard(ctx context.Context, q wub.DashboardQuery) (*wub.Dashboard, error)
	FigurePeople(ctx context.Context, f wub.FigureFilter, offset, limit int) ([]wub.TraineeRow, error)
	CountFigurePeople(ctx context.Context, f wub.FigureFilter) (int, error)
	Target(ctx context.Context) (wub.Target, error)
	SetTarget(ctx context.Context, t wub.Target) error
	Quotas(ctx context.Context, year int) ([]wub.Quota, error)
	SetQuotas(ctx context.Context, year int, qs []wub.Quota) error
	OpeningBalances(ctx context.Context, year int) ([]wub.OpeningBalance, error)
	SetOpeningBalances(ctx context.Context, obs []wub.OpeningBalance) error
}

// quotaScreen is Kuota: progress to the program target, this year per
// agency against its quota and pace, charts, and the way to every figure's
// list of people.
type quotaScreen struct {
	yearChosen bool     // the opening year was looked up
	dupNote    *dupNote // "N kemungkinan ganda belum diperiksa" (dupes.go)
	u          *App
	store      quotaStore
	root       fyne.CanvasObject

	year      *widget.Select
	scope     *codeSelect
	targetBtn *widget.Button
	splitBtn  *widget.Button
	openBtn   *widget.Button
	xlsxBtn   *widget.Button
	pngBtn    *widget.Button

	// yearNote says that the current year has no quota and no data yet and
	// offers the latest year that has (hidden otherwise).
	yearNote    *widget.Label
	yearNoteBtn *widget.Button
	yearNoteBox *fyne.Container

	view   *dashboardView
	scroll *container.Scroll
	d      *wub.Dashboard
	query  latest

	// open dialogs (tests reach them)
	people           *peopleList
	distributeDialog *distributeForm
	openingDialog    *openingForm
	targetDialog     *targetForm
}

func newQuotaScreen(u *App) screen {
	s := &quotaScreen{u: u, store: u.app}
	s.year = figureYearChoice(u)
	s.year.OnChanged = func(string) {
		if s.yearNoteBox != nil && s.selectedYear() != s.u.today().Year() {
			s.yearNoteBox.Hide() // the note speaks of the current year only
		}
		s.fillScope()
		s.reload()
	}
	s.scope = newCodeSelect(nil, nil, nil)
	s.fillScope()
	s.scope.OnChanged = func(string) { s.reload() }
	s.targetBtn = widget.NewButtonWithIcon(T("kuota.target"), theme.SettingsIcon(), s.editTarget)
	s.splitBtn = widget.NewButtonWithIcon(T("kuota.distribute"), theme.ListIcon(), s.distribute)
	s.openBtn = widget.NewButtonWithIcon(T("kuota.opening"), theme.HistoryIcon(), s.editOpening)
	s.xlsxBtn = widget.NewButtonWithIcon(T("kuota.export_xlsx"), theme.DownloadIcon(), s.exportXLSX)
	s.pngBtn = widget.NewButtonWithIcon(T("kuota.export_png"), theme.FileImageIcon(), s.exportPNG)

	s.yearNote = widget.NewLabel("")
	s.yearNote.Wrapping = fyne.TextWrapWord
	s.yearNoteBtn = widget.NewButton("", nil)
	s.yearNoteBox = container.NewBorder(nil, nil, nil, s.yearNoteBtn, s.yearNote)
	s.yearNoteBox.Hide()

	s.view = newDashboardView(s.openFigure)
	if u.can(wub.ActSettings) {
		s.view.onNextTarget = s.editNextTarget
	}
	s.dupNote = newDupNote(u)
	title := widget.NewLabelWithStyle(T("nav.kuota"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewVBox(
		// Two rows, so that the screen fits 1024×768 in both languages (issue 19).
		container.NewBorder(nil, nil, title, container.NewHBox(s.targetBtn, s.splitBtn, s.openBtn)),
		container.NewBorder(nil, nil, nil, container.NewHBox(s.xlsxBtn, s.pngBtn), container.NewGridWithColumns(2, s.year, s.scope.Select)),
		s.yearNoteBox,
		s.dupNote.box,
	)
	s.scroll = container.NewVScroll(s.view.box)
	s.root = container.NewBorder(top, nil, nil, nil, s.scroll)
	return s
}

func (s *quotaScreen) object() fyne.CanvasObject { return s.root }

// shown opens on the current program year by the app's clock. When that
// year has no quota and no data yet (January, before the first record), the
// screen says so and offers the newest year that has; it does not jump there
// by itself, so a head never reads last year's figures as this year's.
func (s *quotaScreen) shown() {
	s.dupNote.refresh()
	if s.yearChosen {
		s.reload()
		return
	}
	s.yearChosen = true
	cur := s.u.today().Year()
	var latest int
	s.u.jobs.run(func() error {
		var err error
		latest, err = s.u.app.ActiveYear(s.u.screenCtx(), cur)
		return err
	}, func(err error) {
		if err == nil && latest >= 2020 && latest < cur {
			s.yearNote.SetText(T("kuota.year_empty", cur, latest))
			s.yearNoteBtn.SetText(T("kuota.year_open_latest", latest))
			s.yearNoteBtn.OnTapped = func() {
				s.yearNoteBox.Hide()
				s.year.SetSelected(strconv.Itoa(latest)) // reloads
			}
			s.yearNoteBox.Show()
		}
		s.reload()
	})
}

func (s *quotaScreen) selectedYear() int {
	y, _ := strconv.Atoi(s.year.Selected)
	return y
}

// fillScope offers the regency and the agencies of the chosen year.
func (s *quotaScreen) fillScope() { fillScopeChoice(s.u, s.scope, s.selectedYear()) }

// reload asks the store for the dashboard of the chosen year as of today;
// only the newest answer is shown.
func (s *quotaScreen) reload() {
	if s.view == nil || s.scope.SelectedIndex() < 0 {
		return
	}
	q := wub.DashboardQuery{Year: s.selectedYear(), AsOf: s.u.today(), AgencyCode: s.scope.code()}
	load(s.u, &s.query, func(ctx context.Context) (*wub.Dashboard, error) {
		return s.store.Dashboard(ctx, q)
	}, func(d *wub.Dashboard) {
		s.d = d
		s.view.show(d)
		s.scroll.Refresh()
	})
}

// dashboardView shows one dashboard. The screen and the PNG export each
// build one, so the picture is the screen without its buttons.
type dashboardView struct {
	box       *fyne.Container
	headline  *widget.Label
	progress  *progressBar
	parts     *widget.Label
	counting  *widget.Label
	forecast  *widget.Label
	yearTitle *widget.Label
	yearLine  *widget.Label
	two       *twoFigures // quota_figures.go
	nextBtn   *widget.Button
	nextBox   *fyne.Container
	// onNextTarget sets the next target period (admin; nil in the picture)
	onNextTarget func()
	table        *fyne.Container
	months       *lineChart
	agencies     *barChart
	sex          *barChart
	kec          *barChart
	kbli         *barChart

	d      *wub.Dashboard
	onOpen func(f wub.FigureFilter, title string, opening int)
}

func newDashboardView(onOpen func(wub.FigureFilter, string, int)) *dashboardView {
	v := &dashboardView{onOpen: onOpen}
	bold := fyne.TextStyle{Bold: true}
	v.headline = widget.NewLabelWithStyle("", fyne.TextAlignLeading, bold)
	v.headline.SizeName = theme.SizeNameSubHeadingText
	v.progress = newProgressBar()
	v.parts = widget.NewLabel("")
	v.parts.Wrapping = fyne.TextWrapWord
	v.counting = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	v.counting.Wrapping = fyne.TextWrapWord
	v.forecast = widget.NewLabel("")
	v.forecast.Wrapping = fyne.TextWrapWord
	v.yearTitle = widget.NewLabelWithStyle("", fyne.TextAlignLeading, bold)
	v.yearLine = widget.NewLabel("")
	v.yearLine.Wrapping = fyne.TextWrapWord
	v.headline.Wrapping = fyne.TextWrapWord
	v.yearTitle.Wrapping = fyne.TextWrapWord
	v.table = container.NewVBox()
	v.months = newLineChart("", func(m int) {
		v.open(v.d.Months[m-1].Filter, T("kuota.people_month", v.d.Year.Name, wub.MonthName(m), v.d.Query.Year), v.d.Year.Opening)
	})
	v.agencies = newBarChart("", func(i int) { v.openRow(v.d.Agencies[i]) })
	v.agencies.legend = true
	v.sex = newBarChart("", func(i int) { v.openSlice(v.d.BySex[i]) })
	v.kec = newBarChart("", func(i int) { v.openSlice(v.d.ByKec[i]) })
	v.kbli = newBarChart("", func(i int) { v.openSlice(v.d.ByKBLI[i]) })
	v.kbli.labelW = 180
	regency := widget.NewButtonWithIcon(T("kuota.people"), theme.AccountIcon(), func() {
		if v.d != nil {
			v.open(v.d.Regency.Filter, T("kuota.regency_title", v.d.Target.StartYear, v.d.Target.EndYear), v.d.Regency.Opening)
		}
	})
	v.two = newTwoFigures(v)
	v.nextBtn = widget.NewButtonWithIcon(T("ux.next_target"), theme.SettingsIcon(), func() {
		if v.onNextTarget != nil {
			v.onNextTarget()
		}
	})
	v.nextBox = container.NewHBox(v.nextBtn)
	v.nextBox.Hide()
	regency.Importance = widget.LowImportance
	if onOpen == nil { // the report picture
		regency.Hide()
	}
	v.box = container.NewVBox(
		container.NewBorder(nil, nil, nil, regency, v.headline), v.progress, v.parts, v.counting, v.forecast, v.nextBox,
		widget.NewSeparator(), v.yearTitle, v.yearLine, v.two.box, v.table,
		widget.NewSeparator(),
		container.NewGridWithColumns(2, v.months, v.agencies),
		container.NewGridWithColumns(2, container.NewVBox(v.sex, v.kec), v.kbli),
	)
	return v
}

func (v *dashboardView) open(f wub.FigureFilter, title string, opening int) {
	if v.onOpen != nil && v.d != nil {
		v.onOpen(f, title, opening)
	}
}

func (v *dashboardView) openSlice(sl wub.Slice) {
	v.open(sl.Filter, fmt.Sprintf("%s — %s %d", v.d.Year.Name, sl.Label, v.d.Query.Year), 0)
}

func (v *dashboardView) openRow(r wub.AgencyRow) {
	v.open(r.Filter, fmt.Sprintf("%s %d", r.Name, v.d.Query.Year), r.Opening)
}

func (v *dashboardView) show(d *wub.Dashboard) {
	v.d = d
	r := d.Regency
	v.headline.SetText(T("kuota.headline", wub.FormatInt(r.Realised()), wub.FormatInt(r.Goal), wub.FormatPercent(r.Ratio()),
		d.Target.StartYear, d.Target.EndYear))
	v.progress.set(r)
	v.parts.SetText(T("kuota.parts", wub.FormatInt(r.Opening), wub.FormatInt(r.Recorded), wub.FormatInt(r.Remaining())))
	v.counting.SetText(T("kuota.counting_regency"))
	v.forecast.SetText(programForecastText(wub.ProgramForecast(d.Target, r.Realised(), d.Query.AsOf)))
	v.showNextTarget(d)

	y := d.Query.Year
	counted := T("kuota.per_person")
	if d.Counting == wub.CountEnrolment {
		counted = T("kuota.per_enrolment")
	}
	v.yearTitle.SetText(T("kuota.year_title", d.Year.Name, y, counted))
	v.yearLine.SetText(T("kuota.year_line", wub.FormatInt(d.Year.Realised()), wub.FormatInt(d.Year.Goal),
		wub.FormatPercent(d.Year.Ratio()), wub.FormatInt(d.Year.Expected), paceWord(d.Year)))
	if d.Year.Behind {
		v.yearLine.Importance = widget.DangerImportance
	} else {
		v.yearLine.Importance = widget.MediumImportance
	}
	v.yearLine.Refresh()
	if note := undatedNote(d.Undated); note != "" {
		v.yearLine.SetText(v.yearLine.Text + "\n" + note)
	}
	v.two.show(d, v.onOpen != nil)
	v.fillTable(d)

	v.months.title = T("kuota.chart_months", y, counted)
	v.months.setMonths(d.Months)
	var bars []barItem
	for _, a := range d.Agencies {
		bars = append(bars, barItem{label: a.Name, value: a.Realised(), goal: a.Goal, pace: a.Expected, behind: a.Behind})
	}
	v.agencies.title = T("kuota.chart_agencies", y)
	v.agencies.setItems(bars)
	v.sex.title = T("kuota.chart_sex", counted)
	v.sex.setItems(sliceBars(d.BySex))
	v.kec.title = T("kuota.chart_kecamatan", counted)
	v.kec.setItems(sliceBars(d.ByKec))
	v.kbli.title = T("kuota.chart_kbli", counted)
	v.kbli.setItems(sliceBars(d.ByKBLI))
	// The rows and charts changed their minimum sizes: lay out again.
	for _, o := range v.box.Objects {
		if c, ok := o.(*fyne.Container); ok {
			c.Refresh()
		}
	}
	v.box.Refresh()
}

func sliceBars(ss []wub.Slice) []barItem {
	out := make([]barItem, len(ss))
	for i, s := range ss {
		out[i] = barItem{label: s.Label, value: s.Count}
	}
	return out
}

func paceWord(r wub.AgencyRow) string {
	if r.Behind {
		return T("kuota.behind")
	}
	return T("kuota.on_pace")
}

func forecastText(f wub.Forecast) string {
	if f.Reached {
		return T("kuota.forecast_reached")
	}
	var s string
	switch {
	case f.ReachYear > 0:
		s = T("kuota.forecast_reach", wub.FormatFloat(f.PerMonth, 1), wub.MonthName(f.ReachMonth), f.ReachYear)
	case f.PerMonth > 0:
		s = T("kuota.forecast_too_slow", wub.FormatFloat(f.PerMonth, 1))
	default:
		s = T("kuota.forecast_none")
	}
	if f.NeededPerMonth > 0 {
		s += " " + T("kuota.forecast_needed", wub.FormatInt(f.NeededPerMonth), wub.FormatLongDate(f.Deadline))
	} else if f.MonthsLeft == 0 {
		s += " " + T("kuota.forecast_late", wub.FormatLongDate(f.Deadline))
	}
	return s
}

// tableRowLayout lays out a row of the agency table: the name takes the
// room of two numbers, every number column is as wide as the others, so
// rows line up under the header.
type tableRowLayout struct{}

func (tableRowLayout) units(n int) float32 { return float32(n) + 1.2 }

func (l tableRowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	unit := size.Width / l.units(len(objs))
	x := float32(0)
	for i, o := range objs {
		w := unit
		if i == 0 {
			w = unit * 2.2
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w
	}
}

func (l tableRowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(float32(len(objs))*60, h)
}

// fillTable lays out the year's agencies: name, quota, realised (a button
// to the people behind it), remaining, percentage and pace.
func (v *dashboardView) fillTable(d *wub.Dashboard) {
	cell := func(s string, bold bool) fyne.CanvasObject {
		l := widget.NewLabelWithStyle(s, fyne.TextAlignTrailing, fyne.TextStyle{Bold: bold})
		return l
	}
	row := func(objs ...fyne.CanvasObject) fyne.CanvasObject {
		return container.New(tableRowLayout{}, objs...)
	}
	heads := []string{"col.agency", "col.quota", "col.opening", "col.realised", "col.remaining",
		"col.percent", "col.expected", "col.pace"}
	var hs []fyne.CanvasObject
	for i, h := range heads {
		l := widget.NewLabelWithStyle(T(h), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		if i == 0 {
			l.Alignment = fyne.TextAlignLeading
		}
		hs = append(hs, l)
	}
	objs := []fyne.CanvasObject{row(hs...)}
	for _, a := range append(append([]wub.AgencyRow(nil), d.Agencies...), d.Total) {
		total := a.Code == ""
		name := widget.NewLabelWithStyle(a.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: total})
		name.Truncation = fyne.TextTruncateEllipsis
		r := a
		realised := widget.NewButton(wub.FormatInt(a.Realised()), func() { v.openRow(r) })
		realised.Importance = widget.LowImportance
		realised.Alignment = widget.ButtonAlignTrailing
		pace := widget.NewLabelWithStyle(paceWord(a), fyne.TextAlignTrailing, fyne.TextStyle{Bold: a.Behind})
		switch {
		case a.Behind:
			pace.Importance = widget.DangerImportance
		case a.Goal == 0:
			pace.SetText(wub.NoValue) // no quota, no pace
		default:
			pace.Importance = widget.SuccessImportance
		}
		objs = append(objs, row(name, cell(wub.FormatInt(a.Goal), total), cell(wub.FormatInt(a.Opening), total), realised,
			cell(wub.FormatInt(a.Remaining()), total), cell(wub.FormatPercent(a.Ratio()), total),
			cell(wub.FormatInt(a.Expected), total), pace))
	}
	v.table.Objects = objs
	v.table.Refresh()
}

// openFigure shows the people behind a figure (quota_people.go).
func (s *quotaScreen) openFigure(f wub.FigureFilter, title string, opening int) {
	s.people = showPeople(s.u, s.store, f, title, opening)
}
