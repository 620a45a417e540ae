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
	batchEnd  time.Time // the batch's end date: the completion date offered for Lulus
	msg       *field
	box       *fyne.Container
}

func (f *traineeForm) addEnrolment(e wub.Enrolment) {
	if e.ID == 0 && e.EnrolledOn.IsZero() {
		// A new enrolment is registered the day it is entered: shown in
		// the form, so the clerk sees it and can change it.
		e.EnrolledOn = f.s.u.today()
	}
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
	r.status = newCodeSelect(scodes, snames, func(string) {
		r.offerCompletion()
		changed()
	})
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
	// Two rows of three: five equal columns, each as wide as the longest
	// agency name, pushed the form past a 1024×768 screen (issue 19).
	grid := container.NewVBox(container.NewGridWithColumns(3,
		container.NewVBox(label("field.agency"), r.agency.Select),
		container.NewVBox(label("field.year"), r.year),
		container.NewVBox(label("field.status"), r.status.Select)),
		container.NewGridWithColumns(3,
			container.NewVBox(label("field.enrolled_on"), r.enrolled),
			container.NewVBox(label("field.completed_on"), r.completed),
			layoutSpacer()),
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
	r.loadBatchEnd(e.BatchID)
}

// loadBatchEnd fetches the end date of the enrolment's batch (off the UI
// goroutine), the completion date the row offers.
func (r *enrolmentRow) loadBatchEnd(batchID int64) {
	db := r.f.s.u.app
	if batchID == 0 || db == nil {
		return
	}
	var end time.Time
	r.f.s.u.jobs.run(func() error {
		b, err := db.Batch(r.f.s.u.screenCtx(), batchID)
		if err == nil {
			end = b.EndDate
		}
		return err
	}, func(err error) {
		if err == nil {
			r.batchEnd = end
		}
	})
}

// offerCompletion fills the empty completion date when the status becomes
// Lulus or Keluar: the batch's end date, else the day entered. It is typed
// into the field, so the clerk sees it and can change it; nothing is filled
// in behind their back.
func (r *enrolmentRow) offerCompletion() {
	if r.f.loading || strings.TrimSpace(r.completed.Text) != "" {
		return
	}
	switch r.status.code() {
	case wub.StatusTrained, wub.StatusDropped:
	default:
		return
	}
	d := r.f.s.u.today()
	if !r.batchEnd.IsZero() && !r.batchEnd.After(d) && r.status.code() == wub.StatusTrained {
		d = r.batchEnd
	}
	r.completed.SetText(wub.FormatDate(d))
}

// dateIssues are the count-date rules for the row as collected (e): errors
// for a new or changed enrolment, warnings for one saved before without its
// dates and left as it was.
func (r *enrolmentRow) dateIssues(e *wub.Enrolment) wub.Issues {
	var prev *wub.Enrolment
	if r.orig.ID != 0 {
		prev = &r.orig
	}
	return e.CheckDatesAgainst(prev)
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
