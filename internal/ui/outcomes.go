package ui

import (
	"context"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
)

// outcomeStore is what the Hasil screen needs from the store: the figures
// and the people behind each, from the same cohort (store/outcomes.go).
type outcomeStore interface {
	Outcomes(ctx context.Context, year int) (wub.Outcomes, error)
	OutcomePeople(ctx context.Context, year int, stage, agency, kec string) ([]wub.PersonJourney, error)
}

// outcomesScreen is Hasil, beside Kuota: of the people trained in a program
// year (the regency, or one agency), how many were mentored, run a
// business, hold a licence, sell (Wamira Mart or elsewhere) and got
// capital; per agency and per kecamatan, with the median days from
// completion to a running business. Every number opens its people.
type outcomesScreen struct {
	u     *App
	store outcomeStore
	root  fyne.CanvasObject

	year   *widget.Select
	scope  *codeSelect
	shares *widget.Check // the per-agency and per-kecamatan tables show shares of trained instead of counts

	headline *widget.Label
	counting *widget.Label
	median   *widget.Label
	stages   *fyne.Container
	byAgency *fyne.Container
	agencyT  *widget.Label
	byKec    *fyne.Container
	kecT     *widget.Label
	scroll   *container.Scroll

	o       *wub.Outcomes
	query   latest
	figures map[string]*widget.Button // "agency|kec|stage" → its button (tests tap them)
	people  *outcomeList              // the list open last
}

func newOutcomesScreen(u *App) screen {
	s := &outcomesScreen{u: u, store: u.app, figures: map[string]*widget.Button{}}
	s.year = figureYearChoice(u)
	s.year.OnChanged = func(string) {
		s.fillScope()
		s.reload()
	}
	s.scope = newCodeSelect(nil, nil, nil)
	s.fillScope()
	s.scope.OnChanged = func(string) { s.show() }
	s.shares = widget.NewCheck(T("hasil.show_shares"), func(bool) { s.show() })

	bold := fyne.TextStyle{Bold: true}
	s.headline = widget.NewLabelWithStyle("", fyne.TextAlignLeading, bold)
	s.headline.SizeName = theme.SizeNameSubHeadingText
	s.headline.Wrapping = fyne.TextWrapWord
	s.counting = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	s.counting.Wrapping = fyne.TextWrapWord
	s.median = widget.NewLabel("")
	s.median.Wrapping = fyne.TextWrapWord
	s.stages = container.NewVBox()
	s.agencyT = widget.NewLabelWithStyle(T("hasil.per_agency"), fyne.TextAlignLeading, bold)
	s.byAgency = container.NewVBox()
	s.kecT = widget.NewLabelWithStyle(T("hasil.per_kecamatan"), fyne.TextAlignLeading, bold)
	s.byKec = container.NewVBox()

	title := widget.NewLabelWithStyle(T("nav.hasil"), fyne.TextAlignLeading, bold)
	top := container.NewVBox(title, container.NewGridWithColumns(3, s.year, s.scope.Select, s.shares))
	body := container.NewVBox(s.headline, s.counting, s.median, widget.NewSeparator(), s.stages,
		widget.NewSeparator(), s.agencyT, s.byAgency, widget.NewSeparator(), s.kecT, s.byKec)
	s.scroll = container.NewVScroll(body)
	s.root = container.NewBorder(top, nil, nil, nil, s.scroll)
	return s
}

func (s *outcomesScreen) object() fyne.CanvasObject { return s.root }

func (s *outcomesScreen) shown() { s.reload() }

func (s *outcomesScreen) selectedYear() int {
	y, _ := strconv.Atoi(s.year.Selected)
	return y
}

// fillScope offers the regency and the agencies of the chosen year.
func (s *outcomesScreen) fillScope() { fillScopeChoice(s.u, s.scope, s.selectedYear()) }

// reload reads the year's figures off the UI goroutine; only the newest
// answer is shown.
func (s *outcomesScreen) reload() {
	year := s.selectedYear()
	load(s.u, &s.query, func(ctx context.Context) (wub.Outcomes, error) {
		return s.store.Outcomes(ctx, year)
	}, func(o wub.Outcomes) {
		s.o = &o
		s.show()
	})
}

func (s *outcomesScreen) agencyName(code string) string {
	if code == "" {
		return T("kuota.scope_regency")
	}
	if a, ok := s.u.agencies.ByCode(code); ok {
		return a.NameInYear(s.selectedYear()).Short
	}
	return code
}

func kecName(code string) string {
	if code == "" {
		return T("hasil.kec_unknown")
	}
	return wub.Ref().KecamatanName(code)
}

// show lays out the figures of the chosen scope.
func (s *outcomesScreen) show() {
	if s.o == nil || s.scope.SelectedIndex() < 0 {
		return
	}
	o, agency, year := s.o, s.scope.code(), s.o.Year
	s.figures = map[string]*widget.Button{}
	row := wub.OutcomeRow{AgencyCode: agency, Counts: map[string]int{}}
	if agency == "" {
		row = o.Total
	}
	var kecRows []wub.OutcomeRow
	for _, r := range o.ByAgency {
		if r.AgencyCode == agency && agency != "" {
			row = r
		}
	}
	if agency == "" {
		kecRows = o.ByKecamatan
	} else {
		for _, c := range o.Cells {
			if c.AgencyCode == agency {
				kecRows = append(kecRows, c)
			}
		}
	}
	trained, biz := row.Count(wub.StageTrained), row.Count(wub.StageBusiness)
	if agency == "" {
		s.headline.SetText(T("hasil.headline", wub.FormatInt(trained), year, wub.FormatInt(biz),
			wub.FormatPercent(row.Percent(wub.StageBusiness))))
	} else {
		s.headline.SetText(T("hasil.headline_agency", wub.FormatInt(trained), s.agencyName(agency), year, wub.FormatInt(biz),
			wub.FormatPercent(row.Percent(wub.StageBusiness))))
	}
	if agency == "" {
		s.counting.SetText(T("hasil.counting_regency"))
	} else {
		s.counting.SetText(T("hasil.counting_agency"))
	}
	s.median.SetText(medianText(row))
	if row.Count(wub.StageRegistered) == 0 {
		s.headline.SetText(T("hasil.empty", s.agencyName(agency), year))
	}

	// The stages of the scope: count (opens the people) and share.
	cell := func(text string, bold bool) fyne.CanvasObject {
		return widget.NewLabelWithStyle(text, fyne.TextAlignTrailing, fyne.TextStyle{Bold: bold})
	}
	line := func(objs ...fyne.CanvasObject) fyne.CanvasObject { return container.New(outcomeRowLayout{}, objs...) }
	head := func(first string, rest ...string) fyne.CanvasObject {
		objs := []fyne.CanvasObject{widget.NewLabelWithStyle(first, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
		for _, h := range rest {
			objs = append(objs, columnHead(h)) // outcomes_head.go
		}
		return line(objs...)
	}
	objs := []fyne.CanvasObject{head(T("hasil.col_stage"), T("hasil.col_people"), T("hasil.col_share"), "", "", "", "")}
	for _, st := range wub.OutcomeStages {
		name := widget.NewLabel(wub.OutcomeLabel(st))
		share := ""
		if st != wub.StageRegistered {
			share = wub.FormatPercent(row.Percent(st))
		}
		objs = append(objs, line(name, s.figure(row, agency, "", st, false), cell(share, false),
			layoutSpacer(), layoutSpacer(), layoutSpacer(), layoutSpacer()))
	}
	s.stages.Objects = objs
	s.stages.Refresh()

	// Per agency (the regency only) and per kecamatan: stages as columns.
	cols := wub.OutcomeStages[1:]
	heads := make([]string, 0, len(cols)+1)
	for _, st := range cols {
		heads = append(heads, outcomeShortLabel(st))
	}
	heads = append(heads, T("hasil.col_median"))
	grid := func(first string, rows []wub.OutcomeRow, label func(wub.OutcomeRow) string, kecOf func(wub.OutcomeRow) string,
		total *wub.OutcomeRow) []fyne.CanvasObject {
		out := []fyne.CanvasObject{head(first, heads...)}
		add := func(r wub.OutcomeRow, name string, bold bool, kec string) {
			l := widget.NewLabelWithStyle(name, fyne.TextAlignLeading, fyne.TextStyle{Bold: bold})
			l.Truncation = fyne.TextTruncateEllipsis
			objs := []fyne.CanvasObject{l}
			for _, st := range cols {
				objs = append(objs, s.figure(r, r.AgencyCode, kec, st, s.shares.Checked))
			}
			med := wub.NoValue
			if r.MedianN > 0 {
				med = formatDays(r.MedianDays)
			}
			out = append(out, line(append(objs, cell(med, bold))...))
		}
		for _, r := range rows {
			add(r, label(r), false, kecOf(r))
		}
		if total != nil {
			add(*total, T("hasil.total"), true, "")
		}
		return out
	}
	if agency == "" {
		s.byAgency.Objects = grid(T("col.agency"), o.ByAgency, func(r wub.OutcomeRow) string { return s.agencyName(r.AgencyCode) },
			func(wub.OutcomeRow) string { return "" }, &o.Total)
		s.agencyT.Show()
		s.byAgency.Show()
	} else {
		s.byAgency.Objects = nil
		s.agencyT.Hide()
		s.byAgency.Hide()
	}
	s.byAgency.Refresh()
	s.byKec.Objects = grid(T("col.kecamatan"), kecRows, func(r wub.OutcomeRow) string { return kecName(r.KecCode) },
		func(r wub.OutcomeRow) string {
			if r.KecCode == "" {
				return wub.NoKecamatan
			}
			return r.KecCode
		}, &row)
	s.byKec.Refresh()
	s.scroll.Refresh()
}

// outcomeRowLayout lays out a row of the stage tables: the name takes
// the room of 1.6 numbers, the numbers share the rest evenly.
type outcomeRowLayout struct{}

func (outcomeRowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	const first = 1.6
	unit := size.Width / (float32(len(objs)-1) + first)
	x := float32(0)
	for i, o := range objs {
		w := unit
		if i == 0 {
			w = unit * first
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w
	}
}

func (outcomeRowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return tableRowLayout{}.MinSize(objs)
}

func layoutSpacer() fyne.CanvasObject { return widget.NewLabel("") }

// figure is a count that opens the people behind it. A row's agency ""
// means all agencies; kec "" all kecamatan (wub.NoKecamatan: unknown).
// With share, it shows the count as a share of its base instead.
func (s *outcomesScreen) figure(r wub.OutcomeRow, agency, kec, stage string, share bool) *widget.Button {
	n := r.Count(stage)
	text := wub.FormatInt(n)
	if share {
		text = wub.FormatPercent(r.Percent(stage))
	}
	b := widget.NewButton(text, nil)
	b.Importance = widget.LowImportance
	b.Alignment = widget.ButtonAlignTrailing
	year := s.o.Year
	b.OnTapped = func() {
		title := T("hasil.people_title", s.agencyName(agency), year, wub.OutcomeLabel(stage))
		switch kec {
		case "":
		case wub.NoKecamatan:
			title += " — " + kecName("")
		default:
			title += " — " + kecName(kec)
		}
		s.people = showOutcomePeople(s.u, s.store, year, stage, agency, kec, title)
	}
	if n == 0 {
		b.Disable()
	}
	s.figures[agency+"|"+kec+"|"+stage] = b
	return b
}

// medianText is the median line of a row.
func medianText(r wub.OutcomeRow) string {
	if r.MedianN == 0 {
		return T("hasil.median_none")
	}
	return T("hasil.median", formatDays(r.MedianDays), wub.FormatInt(r.MedianN))
}

// formatDays writes a median of days: whole, or with the half of an even count.
func formatDays(d float64) string {
	if d == float64(int(d)) {
		return wub.FormatInt(int(d))
	}
	return wub.FormatFloat(d, 1)
}

// outcomeShortLabel is a stage's column heading.
func outcomeShortLabel(stage string) string {
	switch stage {
	case wub.StageTrained:
		return T("hasil.short_trained")
	case wub.StageMentored:
		return T("hasil.short_mentored")
	case wub.StageBusiness:
		return T("hasil.short_business")
	case wub.StageLicensed:
		return T("hasil.short_licensed")
	case wub.FigureNIB:
		return "NIB"
	case wub.StageMarketed:
		return T("hasil.short_marketed")
	case wub.FigureWamira:
		return "Wamira"
	case wub.StageCapital:
		return T("hasil.short_capital")
	}
	return wub.StageLabel(stage)
}
