package ui

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/hubapi"
	"wubdesk/internal/wub"
)

// hubConsolidation is Konsolidasi on the hub: each office's live figures,
// the regency's (each NIK once across agencies), and for a chosen month the
// reported figure from the accepted snapshots beside the live one, with
// why they differ.
type hubConsolidation struct {
	w       *hubWindow
	root    fyne.CanvasObject
	offices *widget.Label
	regency *widget.Label
	month   *widget.Select
	year    *widget.Select
	figures *widget.Label
	report  hubapi.Report
}

func newHubConsolidation(w *hubWindow) *hubConsolidation {
	s := &hubConsolidation{w: w}
	s.offices = widget.NewLabel("")
	s.regency = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.regency.Wrapping = fyne.TextWrapWord
	s.figures = widget.NewLabel("")
	prev := w.now().AddDate(0, -1, 0)
	var years, months []string
	for y := w.now().Year(); y >= 2020; y-- {
		years = append(years, strconv.Itoa(y))
	}
	for m := 1; m <= 12; m++ {
		months = append(months, wub.MonthName(m))
	}
	s.year = newSelect(years, func(string) { s.loadFigures() })
	s.month = newSelect(months, func(string) { s.loadFigures() })
	s.year.SetSelected(strconv.Itoa(prev.Year()))
	s.month.SetSelectedIndex(int(prev.Month()) - 1)
	title := widget.NewLabelWithStyle(T("hubview.tab_consol"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.root = container.NewVScroll(container.NewVBox(title, widget.NewLabel(T("hubview.consol_intro")), s.regency,
		widget.NewCard(T("hubview.offices"), "", s.offices),
		widget.NewCard(T("hubview.reported_title"), T("hubview.reported_intro"),
			container.NewVBox(container.NewHBox(s.month, s.year), s.figures))))
	return s
}

func (s *hubConsolidation) period() string {
	y, _ := strconv.Atoi(s.year.Selected)
	return fmt.Sprintf("%04d-%02d", y, s.month.SelectedIndex()+1)
}

func (s *hubConsolidation) refresh() {
	var r hubapi.Report
	s.w.call(func(ctx context.Context) error {
		var err error
		r, err = s.w.c.Report(ctx)
		return err
	}, func() {
		s.report = r
		var b strings.Builder
		fmt.Fprintf(&b, "%-14s %10s %12s  %s\n", T("hubview.col_agency"), T("hubview.col_people"), T("hubview.col_enrolments"), T("hubview.col_last_sync"))
		for _, o := range r.Offices {
			last := T("hubview.never")
			if t, err := time.Parse(time.RFC3339, o.LastSync); err == nil {
				last = t.Local().Format("02/01/2006 15:04")
			}
			fmt.Fprintf(&b, "%-14s %10s %12s  %s\n", o.Agency, wub.FormatInt(o.People), wub.FormatInt(o.Enrolments), last)
		}
		s.offices.TextStyle = fyne.TextStyle{Monospace: true}
		s.offices.SetText(b.String())
		s.regency.SetText(T("hubview.regency_line", wub.FormatInt(r.Regency.People), wub.FormatInt(r.Regency.Enrolments),
			wub.FormatInt(r.Regency.TrainedPeople)))
		s.loadFigures()
	})
}

func (s *hubConsolidation) loadFigures() {
	if s.figures == nil || s.year.Selected == "" || s.month.SelectedIndex() < 0 {
		return
	}
	month := s.period()
	var f hubapi.Figures
	s.w.call(func(ctx context.Context) error {
		var err error
		f, err = s.w.c.Figures(ctx, month)
		return err
	}, func() {
		s.figures.SetText(figuresText(f))
		s.root.Refresh()
	})
}

// figuresText is the reported figure beside the live one, agency by agency.
func figuresText(f hubapi.Figures) string {
	var b strings.Builder
	fmt.Fprintln(&b, T("hubview.reported_line", wub.FormatInt(f.Reported.People), wub.FormatInt(f.Reported.TrainedPeople),
		wub.FormatInt(f.Reported.Enrolments)))
	fmt.Fprintln(&b, T("hubview.live_line", wub.FormatInt(f.Live.People), wub.FormatInt(f.Live.TrainedPeople),
		wub.FormatInt(f.Live.Enrolments)))
	for _, a := range f.Agencies {
		fmt.Fprintf(&b, "• %s — %s: %s %s, %s %s\n", a.Agency, wub.MonthStateLabel(a.State),
			T("hubview.accepted"), wub.FormatInt(a.Accepted.Enrolments), T("hubview.live"), wub.FormatInt(a.Live.Enrolments))
	}
	if len(f.Why) > 0 {
		fmt.Fprintln(&b, T("hubview.why"))
		for _, w := range f.Why {
			fmt.Fprintln(&b, "  – "+inLanguage(w))
		}
	}
	return strings.TrimSpace(b.String())
}

// inLanguage is the part of a hub line "Indonesian / English" in the
// chosen language (the hub writes both; the window shows one).
func inLanguage(line string) string {
	id, en, ok := strings.Cut(line, " / ")
	if !ok {
		return line
	}
	if Language() == "en" {
		if i := strings.Index(id, ": "); i >= 0 && !strings.Contains(en, ": ") {
			return id[:i+2] + en // keep the agency and month that lead the line
		}
		return en
	}
	return id
}
