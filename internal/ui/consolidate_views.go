package ui

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

// consolidateViews are the tabs of Konsolidasi: totals per agency, the
// duplicated NIK, the submission calendar, the changes of re-sent months
// and the files read.
type consolidateViews struct {
	s          *consolidateScreen
	c          *xlsx.Consolidation
	agencies   *rowTable
	dups       *rowTable
	likely     *rowTable // likely duplicates (consolidate_likely.go)
	changes    *rowTable
	files      *rowTable
	calendar   *fyne.Container // rows: agency name and 12 months
	legend     *widget.Label
	changeRows [][]string
}

var (
	agencyTotalColumns = []tableColumn{{"col.agency", "", 170}, {"col.report_month", "", 110}, {"col.quota", "", 70},
		{"col.trained_month", "", 105}, {"col.trained_total", "", 125}, {"col.percent", "", 80}, {"col.people", "", 100},
		{"col.registered", "", 85}, {"col.dropped", "", 70}}
	duplicateColumns = []tableColumn{{"col.nik", "", 158}, {"col.name", "", 200}, {"col.where", "", 520}}
	changeColumns    = []tableColumn{{"col.agency", "", 120}, {"col.report_month", "", 90}, {"col.change", "", 110},
		{"col.nik", "", 158}, {"col.name", "", 180}, {"col.fields", "", 300}}
	fileColumns = []tableColumn{{"col.file", "", 250}, {"col.verification", "", 100}, {"col.agency", "", 110}, {"col.report_month", "", 90},
		{"col.received", "", 130}, {"col.file_status", "", 130}, {"col.note", "", 420}}
)

func newConsolidateViews(s *consolidateScreen) *consolidateViews {
	v := &consolidateViews{s: s, c: &xlsx.Consolidation{}}
	header := func(cols []tableColumn) func(int) string { return func(i int) string { return T(cols[i].key) } }
	none := func(int) {}
	v.agencies = newRowTable(agencyTotalColumns, func() int { return len(v.c.Agencies) }, v.agencyText, header(agencyTotalColumns), none)
	v.dups = newRowTable(duplicateColumns, func() int { return len(v.c.Duplicates) }, v.dupText, header(duplicateColumns), none)
	v.likely = newLikelyTable(v)
	v.changes = newRowTable(changeColumns, func() int { return len(v.changeRows) },
		func(r, c int) string { return v.changeRows[r][c] }, header(changeColumns), none)
	v.files = newRowTable(fileColumns, func() int { return len(v.c.Files) }, v.fileText, header(fileColumns), none)
	v.calendar = container.NewVBox()
	v.legend = widget.NewLabel("")
	v.legend.Wrapping = fyne.TextWrapWord
	return v
}

func (v *consolidateViews) tabs() *container.AppTabs {
	return container.NewAppTabs(
		container.NewTabItem(T("konsolidasi.tab_totals"), v.agencies),
		container.NewTabItem(T("konsolidasi.tab_duplicates"), v.dups),
		container.NewTabItem(T("konsolidasi.tab_calendar"), container.NewBorder(nil, v.legend, nil, nil, container.NewScroll(v.calendar))),
		container.NewTabItem(T("konsolidasi.tab_changes"), v.changes),
		container.NewTabItem(T("konsolidasi.tab_files"), v.files),
		container.NewTabItem(T("konsolidasi.tab_likely"), v.likely), // last: tests pick tabs by index
	)
}

func (v *consolidateViews) update(c *xlsx.Consolidation) {
	v.c = c
	v.changeRows = changeRows(c)
	v.buildCalendar()
	for _, t := range []*rowTable{v.agencies, v.dups, v.likely, v.changes, v.files} {
		t.clearSelection()
		t.Refresh()
	}
}

func (v *consolidateViews) agencyText(row, col int) string {
	a := v.c.Agencies[row]
	switch col {
	case 0:
		return a.Name
	case 1:
		if a.Period == "" {
			return T("konsolidasi.no_report")
		}
		m, _ := wub.ParsePeriod(a.Period)
		return wub.PeriodLabel(m)
	case 2:
		if a.Quota > 0 {
			return wub.FormatInt(a.Quota)
		}
		return "–"
	case 3:
		if a.Period == wub.Period(v.c.Month) && a.Period != "" {
			return wub.FormatInt(a.TrainedMonth)
		}
		return "–"
	case 4:
		return wub.FormatInt(a.Trained)
	case 5:
		if a.Quota > 0 {
			return wub.FormatPercent(a.Percent())
		}
		return "–"
	case 6:
		return wub.FormatInt(a.People)
	case 7:
		return wub.FormatInt(a.Registered)
	case 8:
		return wub.FormatInt(a.Dropped)
	}
	return ""
}

func (v *consolidateViews) dupText(row, col int) string {
	d := v.c.Duplicates[row]
	switch col {
	case 0:
		return d.NIK
	case 1:
		return d.Name
	}
	var where []string
	for _, a := range d.Where {
		where = append(where, fmt.Sprintf("%s %d (%s)", v.agencyName(a.Agency, a.Year), a.Year, wub.StatusLabel(a.Status)))
	}
	return strings.Join(where, "; ")
}

func (v *consolidateViews) agencyName(code string, year int) string {
	if a, ok := v.s.u.agencies.ByCode(code); ok {
		return a.NameInYear(year).Short
	}
	return code
}

func (v *consolidateViews) fileText(row, col int) string {
	f := v.c.Files[row]
	switch col {
	case 0:
		return f.FileName
	case 1:
		// The short code the agency's Rekap prints: a person compares the two.
		if c := wub.VerificationCode(f.Meta.DataSHA256); c != "" {
			return c
		}
		return "–"
	}
	switch col - 1 {
	case 1:
		if f.Meta.AgencyCode == "" {
			return "–"
		}
		return v.agencyName(f.Meta.AgencyCode, f.Meta.Year)
	case 2:
		return f.Meta.Period
	case 3:
		if f.ReceivedAt.IsZero() {
			return "–"
		}
		return f.ReceivedAt.In(wub.WIB).Format("02/01/2006 15:04")
	case 4:
		return fileStatusText(f.Status)
	case 5:
		return f.Note
	}
	return ""
}

// changeRows flattens the changes of re-sent months into table rows.
func changeRows(c *xlsx.Consolidation) [][]string {
	var out [][]string
	for _, ch := range c.Changes {
		add := func(kind string, r wub.SubmissionRow, fields string) {
			out = append(out, []string{ch.Agency, ch.Period, kind, r.NIK, r.Name, fields})
		}
		for _, r := range ch.Added {
			add(T("konsolidasi.added"), r, "")
		}
		for _, r := range ch.Removed {
			add(T("konsolidasi.removed"), r, "")
		}
		for _, rc := range ch.Changed {
			add(T("konsolidasi.changed"), rc.After, strings.Join(rc.Fields, ", "))
		}
		if len(ch.Added)+len(ch.Removed)+len(ch.Changed) == 0 {
			out = append(out, []string{ch.Agency, ch.Period, T("konsolidasi.unchanged"), "", "", ""})
		}
	}
	return out
}

// calendarColors are the cell backgrounds, light enough for both themes.
var calendarColors = map[string]color.NRGBA{
	xlsx.CalReceived: {0x2e, 0xa0, 0x43, 0x50},
	xlsx.CalLate:     {0xe0, 0xa8, 0x00, 0x60},
	xlsx.CalReplaced: {0x2f, 0x6f, 0xd0, 0x50},
	xlsx.CalMissing:  {0xd0, 0x30, 0x30, 0x50},
}

// calendarNameWidth is the width of the agency names left of the months.
const calendarNameWidth = 160

// buildCalendar lays out agencies × months with one coloured cell each.
func (v *consolidateViews) buildCalendar() {
	row := func(name fyne.CanvasObject, cells []fyne.CanvasObject) fyne.CanvasObject {
		left := container.NewGridWrap(fyne.NewSize(calendarNameWidth, 46), name)
		return container.NewBorder(nil, nil, left, nil, container.NewGridWithColumns(12, cells...))
	}
	var head []fyne.CanvasObject
	for m := 1; m <= 12; m++ {
		head = append(head, widget.NewLabelWithStyle(wub.MonthName(m)[:3], fyne.TextAlignCenter, fyne.TextStyle{Bold: true}))
	}
	rows := []fyne.CanvasObject{row(widget.NewLabelWithStyle(T("col.agency"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), head)}
	for _, r := range v.c.Calendar {
		name := widget.NewLabel(r.Name)
		name.Truncation = fyne.TextTruncateEllipsis
		var cells []fyne.CanvasObject
		for _, cell := range r.Months {
			cells = append(cells, calendarCell(cell))
		}
		rows = append(rows, row(name, cells))
	}
	v.legend.SetText(T("konsolidasi.cal_legend", v.c.LateDay))
	v.calendar.Objects = rows
	v.calendar.Refresh()
}

// calendarCell is a coloured box with the state and the date on two lines.
func calendarCell(c xlsx.CalendarCell) fyne.CanvasObject {
	state, date := "", ""
	if !c.Last.IsZero() {
		date = c.Last.In(wub.WIB).Format("02/01")
	}
	switch c.State {
	case xlsx.CalReceived:
		state = T("konsolidasi.cal_received")
	case xlsx.CalLate:
		state = T("konsolidasi.cal_late")
	case xlsx.CalReplaced:
		state = T("konsolidasi.cal_replaced", c.Versions-1)
	case xlsx.CalMissing:
		state = T("konsolidasi.cal_missing")
	}
	bg := canvas.NewRectangle(color.Transparent)
	if col, ok := calendarColors[c.State]; ok {
		bg.FillColor = col
	}
	bg.CornerRadius = 4
	line := func(s string, bold bool) fyne.CanvasObject {
		t := canvas.NewText(s, theme.Color(theme.ColorNameForeground))
		t.TextSize = theme.CaptionTextSize()
		t.TextStyle.Bold = bold
		t.Alignment = fyne.TextAlignCenter
		return t
	}
	return container.NewStack(bg, container.NewPadded(container.NewVBox(line(state, true), line(date, false))))
}

func fileStatusText(status string) string {
	switch status {
	case xlsx.FileCounted:
		return T("konsolidasi.file_counted")
	case xlsx.FileReplaced:
		return T("konsolidasi.file_replaced")
	case xlsx.FileSuperseded:
		return T("konsolidasi.file_superseded")
	case xlsx.FileSame:
		return T("konsolidasi.file_same")
	}
	return T("konsolidasi.file_refused")
}
