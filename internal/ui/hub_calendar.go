package ui

import (
	"context"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/hubapi"
	"wubdesk/internal/wub"
)

// hubCalendar is the submission calendar: agency × month with not sent /
// sent / returned / accepted / reopened and lateness against the deadline;
// a cell opens the month's review below (hub_review.go).
type hubCalendar struct {
	w      *hubWindow
	root   fyne.CanvasObject
	year   *widget.Select
	grid   *fyne.Container
	review *hubReview
	cal    hubapi.Calendar
	cells  map[string]*widget.Button // "AGENCY YYYY-MM"
}

func newHubCalendar(w *hubWindow) *hubCalendar {
	s := &hubCalendar{w: w, cells: map[string]*widget.Button{}}
	var years []string
	for y := w.now().Year(); y >= 2020; y-- {
		years = append(years, strconv.Itoa(y))
	}
	s.year = newSelect(years, func(string) { s.refresh() })
	s.year.SetSelected(years[0])
	s.grid = container.NewGridWithColumns(13)
	s.review = newHubReview(w, func() { s.refresh() })
	title := widget.NewLabelWithStyle(T("hubview.tab_calendar"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewVBox(title, widget.NewLabel(T("hubview.calendar_intro")),
		container.NewHBox(widget.NewLabel(T("hubview.year")), s.year), container.NewHScroll(s.grid))
	split := container.NewVSplit(container.NewVScroll(top), s.review.root)
	split.Offset = 0.45
	s.root = split
	return s
}

// stateShort is a calendar cell's text.
func stateShort(m hubapi.MonthState) string {
	t := map[string]string{hubapi.MonthNotSent: T("hubview.cell_not_sent"), hubapi.MonthSent: T("hubview.cell_sent"),
		hubapi.MonthReturned: T("hubview.cell_returned"), hubapi.MonthAccepted: T("hubview.cell_accepted"),
		hubapi.MonthReopened: T("hubview.cell_reopened")}[m.State]
	if m.Late && m.State != hubapi.MonthAccepted {
		t += " !"
	}
	return t
}

func (s *hubCalendar) refresh() {
	if s.year == nil || s.year.Selected == "" {
		return
	}
	year, _ := strconv.Atoi(s.year.Selected)
	var cal hubapi.Calendar
	s.w.call(func(ctx context.Context) error {
		var err error
		cal, err = s.w.c.Calendar(ctx, year)
		return err
	}, func() {
		s.cal = cal
		s.build()
		s.review.reload()
	})
}

func (s *hubCalendar) build() {
	s.grid.RemoveAll()
	s.cells = map[string]*widget.Button{}
	s.grid.Add(widget.NewLabelWithStyle(T("hubview.col_agency"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for m := 1; m <= 12; m++ {
		s.grid.Add(widget.NewLabelWithStyle(wub.MonthName(m)[:3], fyne.TextAlignCenter, fyne.TextStyle{Bold: true}))
	}
	byAgency := map[string][]hubapi.MonthState{}
	var order []string
	for _, m := range s.cal.Months {
		if _, ok := byAgency[m.Agency]; !ok {
			order = append(order, m.Agency)
		}
		byAgency[m.Agency] = append(byAgency[m.Agency], m)
	}
	for _, a := range order {
		s.grid.Add(widget.NewLabel(a))
		ms := byAgency[a]
		for i := 0; i < 12; i++ {
			if i >= len(ms) {
				s.grid.Add(widget.NewLabel(""))
				continue
			}
			m := ms[i]
			b := widget.NewButton(stateShort(m), func() { s.review.open(m.Agency, m.Month) })
			switch {
			case m.State == hubapi.MonthAccepted:
				b.Importance = widget.SuccessImportance
			case m.State == hubapi.MonthSent:
				b.Importance = widget.HighImportance
			case m.State == hubapi.MonthReturned || m.Late:
				b.Importance = widget.WarningImportance
			}
			s.cells[m.Agency+" "+m.Month] = b
			s.grid.Add(b)
		}
	}
	s.grid.Refresh()
}
