package ui

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
)

// enrolmentRow edits one enrolment inside the trainee form: agency, program
// year, status, enrolment and completion dates.
type enrolmentRow struct {
	f         *traineeForm
	orig      wub.Enrolment
	agency    *codeSelect
	year      *widget.Select
	status    *codeSelect
	enrolled  *entry
	completed *entry
	batch     *widget.Label
	msg       *field
	box       *fyne.Container
}

func (f *traineeForm) addEnrolment(e wub.Enrolment) {
	r := &enrolmentRow{f: f, orig: e}
	changed := func() { f.changed("enrolment") }
	var codes, names []string
	for _, a := range f.s.u.agencies.Sorted() {
		codes = append(codes, a.Code)
		names = append(names, a.NameInYear(max(e.Year, a.FirstYear)).Short)
	}
	r.agency = newCodeSelect(codes, names, func(string) { changed() })
	r.agency.PlaceHolder = T("form.choose")
	var years []string
	for y := f.s.u.today().Year() + 1; y >= 2020; y-- {
		years = append(years, strconv.Itoa(y))
	}
	r.year = newSelect(years, func(string) { changed() })
	var scodes, snames []string
	for _, s := range wub.Statuses {
		scodes = append(scodes, s)
		snames = append(snames, wub.StatusLabel(s))
	}
	r.status = newCodeSelect(scodes, snames, func(string) { changed() })
	esc := func() { f.handle(actionEscape) }
	r.enrolled = newEntry(esc)
	r.enrolled.SetPlaceHolder(T("form.date_hint"))
	r.completed = newEntry(esc)
	r.completed.SetPlaceHolder(T("form.date_hint"))
	r.batch = widget.NewLabel(e.BatchName)

	r.agency.setCode(e.AgencyCode)
	if e.Year != 0 {
		r.year.SetSelected(strconv.Itoa(e.Year))
	}
	r.status.setCode(e.Status)
	r.enrolled.SetText(wub.FormatDate(e.EnrolledOn))
	r.completed.SetText(wub.FormatDate(e.CompletedOn))
	r.enrolled.OnChanged = func(string) { changed() }
	r.completed.OnChanged = func(string) { changed() }

	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { f.removeEnrolment(r) })
	label := func(k string) *widget.Label { return widget.NewLabel(T(k)) }
	grid := container.NewGridWithColumns(5,
		container.NewVBox(label("field.agency"), r.agency.Select),
		container.NewVBox(label("field.year"), r.year),
		container.NewVBox(label("field.status"), r.status.Select),
		container.NewVBox(label("field.enrolled_on"), r.enrolled),
		container.NewVBox(label("field.completed_on"), r.completed),
	)
	r.msg = newField("", widget.NewLabel(""))
	r.msg.label.Hide()
	r.msg.input.Hide()
	var batchLine fyne.CanvasObject = widget.NewLabel("")
	if e.BatchName != "" {
		batchLine = container.NewHBox(widget.NewLabel(T("field.batch")+":"), r.batch)
	}
	r.box = container.NewVBox(container.NewBorder(nil, nil, nil, remove, grid), batchLine, r.msg.box, widget.NewSeparator())
	f.enrols = append(f.enrols, r)
	f.enrolBox.Add(r.box)
}

func (f *traineeForm) removeEnrolment(r *enrolmentRow) {
	for i, x := range f.enrols {
		if x == r {
			f.enrols = append(f.enrols[:i], f.enrols[i+1:]...)
			break
		}
	}
	f.enrolBox.Remove(r.box)
	f.changed("enrolment")
}

// collect reads the row; i numbers the row in messages.
func (r *enrolmentRow) collect(i int) (wub.Enrolment, wub.Issues) {
	e := r.orig
	e.AgencyCode = r.agency.code()
	e.Year, _ = strconv.Atoi(r.year.Selected)
	e.Status = r.status.code()
	var is wub.Issues
	prefix := "enrolment." + strconv.Itoa(i) + "."
	parse := func(s, fieldName string) time.Time {
		s = strings.TrimSpace(s)
		if s == "" {
			return time.Time{}
		}
		d, err := wub.ParseDate(s)
		if err != nil {
			is = append(is, wub.Issue{Field: prefix + fieldName, Code: "date_invalid", Severity: wub.Error, Args: []any{s}})
		}
		return d
	}
	e.EnrolledOn = parse(r.enrolled.Text, "enrolled_on")
	e.CompletedOn = parse(r.completed.Text, "completed_on")
	return e, is
}
